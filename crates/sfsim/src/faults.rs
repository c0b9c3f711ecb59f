//! The middleware that applies switched-on faults before (or after) the real handler.

use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::html;
use crate::store::AppState;
use crate::switches::{Endpoint, FaultKind};

/// Marks a response the accept loop must answer by closing the connection.
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

/// The path as the role's host would see it.
pub fn unprefixed(path: &str) -> &str {
    ["/__login", "/__test"]
        .iter()
        .find_map(|p| {
            path.strip_prefix(p)
                .filter(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .unwrap_or(path)
}

pub async fn apply(State(shared): State<AppState>, req: Request, next: Next) -> Response {
    let endpoint = Endpoint::of_path(unprefixed(req.uri().path()));
    let Some(kind) = endpoint.and_then(|e| shared.faults.take(e)) else {
        return next.run(req).await;
    };
    match kind {
        FaultKind::Status { status } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            let reason = status.canonical_reason().unwrap_or("Error");
            html::page_status(status, reason, &format!("<h1>{status}</h1><p>{reason}</p>"))
        }
        FaultKind::Maintenance => html::page(
            "Down for Maintenance",
            "<h1>Down for Maintenance</h1><p>Salesforce is down for maintenance. \
             We'll be back shortly.</p>",
        ),
        FaultKind::Delay { ms } => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(req).await
        }
        FaultKind::Drop => {
            let mut resp = StatusCode::INTERNAL_SERVER_ERROR.into_response();
            resp.extensions_mut().insert(DropConnection);
            resp
        }
        FaultKind::TruncatedJson => {
            let resp = next.run(req).await;
            let (mut parts, body) = resp.into_parts();
            let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
            let cut = bytes.slice(..bytes.len() / 2);
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(cut))
        }
    }
}
