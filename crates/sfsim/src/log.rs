//! One line per request on stderr. Only the method, path, query (secrets redacted) and
//! status are written: bodies, headers and cookies never are.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::store::AppState;

const SECRET_KEYS: [&str; 15] = [
    "password",
    "client_secret",
    "token",
    "code",
    "refresh_token",
    "assertion",
    "access_token",
    "oauth_token",
    "sid",
    "otp",
    "code_verifier",
    "code_challenge",
    "device_code",
    "user_code",
    "state",
];

/// The query with every secret value replaced by `[redacted]`.
pub fn redact_query(query: &str) -> String {
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| {
            let secret = SECRET_KEYS.iter().any(|s| k.eq_ignore_ascii_case(s));
            let v = if secret {
                "[redacted]".to_string()
            } else {
                enc(&v)
            };
            format!("{}={v}", enc(&k))
        })
        .collect::<Vec<_>>()
        .join("&")
}

pub fn line(method: &str, path: &str, query: Option<&str>, status: u16, ms: u128) -> String {
    let query = query
        .map(|q| format!("?{}", redact_query(q)))
        .unwrap_or_default();
    format!("sfsim: {method} {path}{query} {status} {ms}ms")
}

pub async fn log(State(shared): State<AppState>, req: Request, next: Next) -> Response {
    if !shared.log {
        return next.run(req).await;
    }
    let start = Instant::now();
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let query = req.uri().query().map(str::to_string);
    let resp = next.run(req).await;
    let ms = start.elapsed().as_millis();
    eprintln!(
        "{}",
        line(&method, &path, query.as_deref(), resp.status().as_u16(), ms)
    );
    resp
}
