//! The admin API under `/__sfsim/`: the same switches as the Rust API, for the binary
//! and for tests in other languages. Loopback peers only.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::store::AppState;
use crate::switches::{Endpoint, Fault, Switches};

pub fn routes(shared: AppState) -> Router<AppState> {
    Router::new()
        .route("/__sfsim", get(status))
        .route("/__sfsim/", get(status))
        .route("/__sfsim/faults", delete(clear_faults))
        .route(
            "/__sfsim/faults/{endpoint}",
            put(set_fault).delete(clear_fault),
        )
        .route("/__sfsim/clock/advance", post(advance))
        .route("/__sfsim/sessions/expire", post(expire))
        .route("/__sfsim/sandbox/refresh", post(sandbox_refresh))
        .route("/__sfsim/apps/{client_id}/rotate-secret", post(rotate))
        .route("/__sfsim/apps/{client_id}/{flag}", put(app_flag))
        .route("/__sfsim/users/{username}/{flag}", put(user_flag))
        .route("/__sfsim/org/{flag}", put(org_flag))
        .layer(middleware::from_fn_with_state(shared, loopback_only))
}

async fn loopback_only(req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    if peer.is_some_and(|p| !p.ip().is_loopback()) {
        return (
            StatusCode::FORBIDDEN,
            "admin API is for loopback peers only",
        )
            .into_response();
    }
    next.run(req).await
}

fn bad(msg: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({"error": msg}))).into_response()
}

fn done(found: bool) -> Response {
    if found {
        StatusCode::NO_CONTENT.into_response()
    } else {
        (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "no such app or user"})),
        )
            .into_response()
    }
}

#[derive(Deserialize)]
struct Flag {
    value: bool,
}

fn flag(body: &[u8]) -> Option<bool> {
    serde_json::from_slice::<Flag>(body).ok().map(|f| f.value)
}

async fn status(State(shared): State<AppState>) -> Response {
    let store = shared.store();
    Json(json!({
        "base_url": shared.base_url,
        "now_ms": shared.clock.now_ms(),
        "faults": shared.faults.list(),
        "endpoints": Endpoint::NAMES,
        "rate_limited": store.rate_limited,
        "org_active": store.org.active,
        "allow_password_flow": store.org.allow_password_flow,
    }))
    .into_response()
}

async fn set_fault(
    State(shared): State<AppState>,
    Path(endpoint): Path<String>,
    body: Bytes,
) -> Response {
    let Some(endpoint) = Endpoint::parse(&endpoint) else {
        return bad("unknown endpoint");
    };
    match serde_json::from_slice::<Fault>(&body) {
        Ok(fault) => {
            Switches(shared).set_fault(endpoint, fault);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(e) => bad(&e.to_string()),
    }
}

async fn clear_fault(State(shared): State<AppState>, Path(endpoint): Path<String>) -> Response {
    match Endpoint::parse(&endpoint) {
        Some(e) => {
            Switches(shared).clear_fault(e);
            StatusCode::NO_CONTENT.into_response()
        }
        None => bad("unknown endpoint"),
    }
}

async fn clear_faults(State(shared): State<AppState>) -> Response {
    Switches(shared).clear_faults();
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize)]
struct Advance {
    seconds: u64,
}

async fn advance(State(shared): State<AppState>, body: Bytes) -> Response {
    match serde_json::from_slice::<Advance>(&body) {
        Ok(a) => {
            Switches(shared).advance_clock(Duration::from_secs(a.seconds));
            StatusCode::NO_CONTENT.into_response()
        }
        Err(e) => bad(&e.to_string()),
    }
}

async fn expire(State(shared): State<AppState>) -> Response {
    Switches(shared).expire_all_sessions();
    StatusCode::NO_CONTENT.into_response()
}

async fn sandbox_refresh(State(shared): State<AppState>) -> Response {
    Switches(shared).refresh_sandbox();
    StatusCode::NO_CONTENT.into_response()
}

async fn rotate(State(shared): State<AppState>, Path(client_id): Path<String>) -> Response {
    match Switches(shared).rotate_client_secret(&client_id) {
        Some(secret) => Json(json!({"client_secret": secret})).into_response(),
        None => done(false),
    }
}

async fn app_flag(
    State(shared): State<AppState>,
    Path((client_id, name)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let Some(value) = flag(&body) else {
        return bad(r#"body must be {"value": true|false}"#);
    };
    let s = Switches(shared);
    match name.as_str() {
        "installed" => done(s.set_app_installed(&client_id, value)),
        "blocked" => done(s.set_app_blocked(&client_id, value)),
        _ => bad("unknown app switch"),
    }
}

async fn user_flag(
    State(shared): State<AppState>,
    Path((username, name)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let Some(value) = flag(&body) else {
        return bad(r#"body must be {"value": true|false}"#);
    };
    let s = Switches(shared);
    match name.as_str() {
        "active" => done(s.set_user_active(&username, value)),
        "login-restricted" => done(s.set_user_login_restricted(&username, value)),
        _ => bad("unknown user switch"),
    }
}

async fn org_flag(
    State(shared): State<AppState>,
    Path(name): Path<String>,
    body: Bytes,
) -> Response {
    let Some(value) = flag(&body) else {
        return bad(r#"body must be {"value": true|false}"#);
    };
    let s = Switches(shared);
    match name.as_str() {
        "password-flow" => s.set_password_flow_allowed(value),
        "active" => s.set_org_active(value),
        "rate-limited" => s.set_rate_limited(value),
        _ => return bad("unknown org switch"),
    }
    StatusCode::NO_CONTENT.into_response()
}
