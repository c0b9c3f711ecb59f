//! Revocation and introspection (§9). Revoking a refresh token cascades to every
//! access token of its family.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Extension, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::errors::{self, OAuthError};
use crate::fixtures::HostRole;
use crate::store::AppState;
use crate::token::{ClientAuth, Params, lookup_app};
use crate::tokens;

pub async fn revoke_post(State(shared): State<AppState>, body: Bytes) -> Response {
    revoke(&shared, &Params::parse(&body))
}

/// Salesforce also takes `GET /services/oauth2/revoke?token=…`.
pub async fn revoke_get(State(shared): State<AppState>, RawQuery(q): RawQuery) -> Response {
    revoke(&shared, &Params::parse(q.unwrap_or_default().as_bytes()))
}

fn revoke(shared: &crate::store::Shared, p: &Params) -> Response {
    let Some(token) = p.get("token") else {
        return errors::UNSUPPORTED_TOKEN_TYPE.into_response();
    };
    let mut store = shared.store();
    let now = shared.clock.now_ms();
    if let Some(r) = store.refresh.get(token).filter(|r| r.alive).cloned() {
        store.kill_family(r.family);
        return Json(json!({})).into_response();
    }
    if store.use_access(token, now).is_some() {
        if let Some(a) = store.access.get_mut(token) {
            a.alive = false;
        }
        return Json(json!({})).into_response();
    }
    errors::INVALID_TOKEN.into_response()
}

pub async fn introspect(
    State(shared): State<AppState>,
    Extension(role): Extension<HostRole>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let p = Params::parse(&body);
    let auth = ClientAuth::from(&p, &headers);
    let store = shared.store();
    let app = match lookup_app(&store, role, auth.id.as_deref()) {
        Ok(app) => app,
        Err(e) => return e.into_response(),
    };
    if auth.secret.as_deref() != Some(app.client_secret.as_str()) {
        let e = OAuthError {
            status: 401,
            ..errors::INVALID_CLIENT
        };
        return e.into_response();
    }
    let token = p.get("token").unwrap_or_default();
    let now = shared.clock.now_ms();
    let inactive = Json(json!({"active": false})).into_response();
    let (grant, token_type, iat, exp) = if let Some(a) = store.access.get(token) {
        let exp = a.last_used_ms + store.timeout_ms(&a.grant.client_id);
        if !a.alive || now > exp {
            return inactive;
        }
        (a.grant.clone(), "access_token", a.issued_ms, Some(exp))
    } else if let Some(r) = store.refresh.get(token).filter(|r| r.alive) {
        (r.grant.clone(), "refresh_token", r.issued_ms, None)
    } else {
        return inactive;
    };
    if grant.client_id != app.client_id {
        return inactive;
    }
    let username = store
        .user_by_id(&grant.user_id)
        .map(|u| u.username.clone())
        .unwrap_or_default();
    Json(json!({
        "active": true,
        "scope": grant.scopes.join(" "),
        "client_id": grant.client_id,
        "username": username,
        "sub": tokens::identity_url(&shared, &store, &grant),
        "token_type": token_type,
        "exp": exp.map(|e| e / 1000),
        "iat": iat / 1000,
        "nbf": iat / 1000,
    }))
    .into_response()
}
