//! Who the token belongs to (§9): the identity URL, OIDC userinfo and the discovery
//! document. A dead token answers 403 `Bad_OAuth_Token`, as Salesforce's identity
//! service does.

use axum::Json;
use axum::extract::{Extension, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::fixtures::{HostRole, User};
use crate::store::{AccessToken, AppState, Shared, Store};
use crate::token::Params;
use crate::tokens;

pub const API_VERSION: &str = "65.0";

/// The access token of a request: a Bearer (or legacy `OAuth`) header, or
/// `oauth_token` in the query.
pub fn bearer(headers: &HeaderMap, query: Option<&str>) -> Option<String> {
    let header = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("OAuth "))
        })
        .map(|v| v.trim().to_string());
    header.or_else(|| {
        Params::parse(query.unwrap_or_default().as_bytes())
            .get("oauth_token")
            .map(str::to_string)
    })
}

fn bad_token() -> Response {
    (StatusCode::FORBIDDEN, "Bad_OAuth_Token").into_response()
}

pub fn live_token(
    shared: &Shared,
    store: &mut Store,
    token: Option<String>,
) -> Option<AccessToken> {
    store.use_access(&token?, shared.clock.now_ms())
}

fn urls(shared: &Shared, store: &Store, user: &User) -> Value {
    let base = &shared.base_url;
    let v = API_VERSION;
    let org = &store.org.id;
    json!({
        "enterprise": format!("{base}/services/Soap/c/{v}/{org}"),
        "metadata": format!("{base}/services/Soap/m/{v}/{org}"),
        "partner": format!("{base}/services/Soap/u/{v}/{org}"),
        "rest": format!("{base}/services/data/v{v}/"),
        "sobjects": format!("{base}/services/data/v{v}/sobjects/"),
        "search": format!("{base}/services/data/v{v}/search/"),
        "query": format!("{base}/services/data/v{v}/query/"),
        "profile": format!("{base}/{}", user.id),
        "custom_domain": base,
    })
}

pub async fn identity(
    State(shared): State<AppState>,
    Path((org_id, user_id)): Path<(String, String)>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let mut store = shared.store();
    let Some(token) = live_token(&shared, &mut store, bearer(&headers, q.as_deref())) else {
        return bad_token();
    };
    let same_org = store.org.id.starts_with(&org_id) && org_id.len() >= 15;
    let user = store.user_by_id(&user_id).cloned();
    let Some(user) = user.filter(|_| same_org) else {
        return (StatusCode::NOT_FOUND, "Bad_Id").into_response();
    };
    let body = json!({
        "id": format!("{}/id/{}/{}", shared.role_url(token.grant.role), store.org.id, user.id),
        "asserted_user": user.id == token.grant.user_id,
        "user_id": user.id,
        "organization_id": store.org.id,
        "username": user.username,
        "nick_name": user.username.split('@').next().unwrap_or_default(),
        "display_name": user.name,
        "email": user.email,
        "email_verified": true,
        "active": user.active,
        "is_active": user.active,
        "user_type": "STANDARD",
        "language": "en_US",
        "locale": "en_US",
        "utcOffset": 0,
        "urls": urls(&shared, &store, &user),
        "last_modified_date": "2026-01-01T00:00:00.000+0000",
        "is_app_installed": true,
    });
    Json(body).into_response()
}

pub async fn userinfo(
    State(shared): State<AppState>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let mut store = shared.store();
    let Some(token) = live_token(&shared, &mut store, bearer(&headers, q.as_deref())) else {
        return bad_token();
    };
    let Some(user) = store.user_by_id(&token.grant.user_id).cloned() else {
        return bad_token();
    };
    let body = json!({
        "sub": tokens::identity_url(&shared, &store, &token.grant),
        "user_id": user.id,
        "organization_id": store.org.id,
        "preferred_username": user.username,
        "nickname": user.username.split('@').next().unwrap_or_default(),
        "name": user.name,
        "email": user.email,
        "email_verified": true,
        "active": user.active,
        "user_type": "STANDARD",
        "language": "en_US",
        "locale": "en_US",
        "zoneinfo": "Europe/London",
        "is_app_installed": true,
        "urls": urls(&shared, &store, &user),
        "updated_at": "2026-01-01T00:00:00Z",
    });
    Json(body).into_response()
}

pub async fn openid_configuration(
    State(shared): State<AppState>,
    Extension(role): Extension<HostRole>,
) -> Response {
    let issuer = shared.role_url(role);
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/services/oauth2/authorize"),
        "token_endpoint": format!("{issuer}/services/oauth2/token"),
        "revocation_endpoint": format!("{issuer}/services/oauth2/revoke"),
        "introspection_endpoint": format!("{issuer}/services/oauth2/introspect"),
        "userinfo_endpoint": format!("{issuer}/services/oauth2/userinfo"),
        "jwks_uri": format!("{issuer}/id/keys"),
        "id_token_signing_alg_values_supported": ["RS256"],
        "response_types_supported": ["code"],
        "grant_types_supported": [
            "authorization_code", "password", "refresh_token", "client_credentials",
            "urn:ietf:params:oauth:grant-type:jwt-bearer", "device"
        ],
        "code_challenge_methods_supported": ["S256"],
        "scopes_supported": ["id", "api", "web", "full", "refresh_token", "offline_access", "openid"],
        "subject_types_supported": ["public"],
        "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic", "private_key_jwt"],
    }))
    .into_response()
}
