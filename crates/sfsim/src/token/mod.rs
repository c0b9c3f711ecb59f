//! `POST /services/oauth2/token`: the six grants and the device-flow start
//! (SALESFORCE-OAUTH.md §2). Each grant lives in its own module and runs under the
//! store lock as a plain function returning the JSON answer or Salesforce's error.

mod client_credentials;
mod device;
mod jwt;
mod password;
mod refresh;
mod web_server;

use std::collections::HashMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Extension, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;

use crate::errors::{self, OAuthError};
use crate::fixtures::{App, HostRole, PermittedUsers, User};
use crate::store::{AppState, Shared, Store};

/// Form parameters; an empty value counts as absent, as it does for Salesforce.
#[derive(Debug, Default)]
pub struct Params(HashMap<String, String>);

impl Params {
    pub fn parse(body: &[u8]) -> Params {
        Params(
            url::form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// Client credentials from the body, or else from HTTP Basic.
#[derive(Debug, Default)]
pub struct ClientAuth {
    pub id: Option<String>,
    pub secret: Option<String>,
}

impl ClientAuth {
    pub fn from(params: &Params, headers: &HeaderMap) -> ClientAuth {
        let mut auth = ClientAuth {
            id: params.get("client_id").map(str::to_string),
            secret: params.get("client_secret").map(str::to_string),
        };
        let basic = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Basic "))
            .and_then(|b| STANDARD.decode(b.trim()).ok())
            .and_then(|b| String::from_utf8(b).ok());
        if let Some((id, secret)) = basic.as_deref().and_then(|b| b.split_once(':')) {
            let decode = |s: &str| {
                url::form_urlencoded::parse(format!("x={s}").as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default()
            };
            auth.id = auth.id.or(Some(decode(id)));
            auth.secret = auth
                .secret
                .or(Some(decode(secret)))
                .filter(|s| !s.is_empty());
        }
        auth
    }
}

/// What every grant gets.
pub struct Ctx<'a> {
    pub shared: &'a Shared,
    pub store: &'a mut Store,
    pub role: HostRole,
    pub params: &'a Params,
    pub auth: &'a ClientAuth,
}

pub async fn token_get() -> Response {
    errors::MUST_POST.into_response()
}

pub async fn token(
    State(shared): State<AppState>,
    Extension(role): Extension<HostRole>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let params = Params::parse(&body);
    let auth = ClientAuth::from(&params, &headers);
    let mut store = shared.store();
    let mut ctx = Ctx {
        shared: &shared,
        store: &mut store,
        role,
        params: &params,
        auth: &auth,
    };
    match dispatch(&mut ctx) {
        Ok(body) => Json(body).into_response(),
        Err(e) => e.into_response(),
    }
}

fn dispatch(ctx: &mut Ctx) -> Result<Value, OAuthError> {
    if ctx.store.org.require_https && !ctx.shared.tls {
        return Err(errors::HTTPS_REQUIRED);
    }
    if ctx.store.rate_limited {
        return Err(errors::RATE_LIMITED);
    }
    if !ctx.store.org.active {
        return Err(errors::INACTIVE_ORG);
    }
    if ctx.params.get("response_type") == Some("device_code") {
        return device::start(ctx);
    }
    match ctx.params.get("grant_type") {
        Some("authorization_code") => web_server::grant(ctx),
        Some("password") => password::grant(ctx),
        Some("urn:ietf:params:oauth:grant-type:jwt-bearer") => jwt::grant(ctx),
        Some("refresh_token") => refresh::grant(ctx),
        Some("client_credentials") => client_credentials::grant(ctx),
        Some("device") => device::poll(ctx),
        _ => Err(errors::UNSUPPORTED_GRANT),
    }
}

/// The app a request names, as the called host sees it.
pub fn lookup_app(
    store: &Store,
    role: HostRole,
    client_id: Option<&str>,
) -> Result<App, OAuthError> {
    let client_id = client_id.ok_or(errors::INVALID_CLIENT_ID)?;
    if !store.org.answers_as.contains(&role) {
        return Err(errors::INVALID_CLIENT_ID);
    }
    let app = store.app(client_id).ok_or(errors::INVALID_CLIENT_ID)?;
    if app.external && (role != HostRole::MyDomain || !app.installed) {
        return Err(errors::APP_NOT_FOUND);
    }
    if !app.installed {
        return Err(errors::NOT_INSTALLED);
    }
    if app.blocked {
        return Err(errors::APP_BLOCKED);
    }
    Ok(app.clone())
}

/// A secret, when given, must match; when `required`, it must be given.
pub fn check_secret(app: &App, auth: &ClientAuth, required: bool) -> Result<(), OAuthError> {
    match auth.secret.as_deref() {
        Some(s) if s == app.client_secret => Ok(()),
        Some(_) => Err(errors::INVALID_CLIENT),
        None if required => Err(errors::INVALID_CLIENT),
        None => Ok(()),
    }
}

/// Whether this user may get a token for this app at all.
pub fn check_user(app: &App, user: &User) -> Result<(), OAuthError> {
    if !user.active {
        return Err(errors::INACTIVE_USER);
    }
    if user.login_restricted {
        return Err(errors::IP_RESTRICTED);
    }
    if app.permitted_users == PermittedUsers::AdminApproved && !preauthorized(app, user) {
        return Err(errors::NOT_ADMIN_APPROVED);
    }
    Ok(())
}

pub fn preauthorized(app: &App, user: &User) -> bool {
    app.preauthorized_users
        .iter()
        .any(|u| u.eq_ignore_ascii_case(&user.username))
}

/// The scopes asked for, all of which the app must offer; none asked means all.
pub fn resolve_scopes(app: &App, requested: Option<&str>) -> Result<Vec<String>, OAuthError> {
    let Some(requested) = requested else {
        return Ok(app.scopes.clone());
    };
    let mut out = Vec::new();
    for s in requested.split_whitespace() {
        if !app.scopes.iter().any(|a| a == s || a == "full") {
            return Err(errors::INVALID_SCOPE);
        }
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    Ok(out)
}

pub fn device_lifetime_ms() -> i64 {
    device::DEVICE_CODE_LIFETIME_MS
}
