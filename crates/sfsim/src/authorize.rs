//! `GET /services/oauth2/authorize` and the pages behind it (§3): the login form, the
//! approval page, error redirects. Errors that make the redirect URI untrustworthy go
//! to Salesforce's own error page instead of the callback.

use axum::body::Bytes;
use axum::extract::{Extension, RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use crate::browser;
use crate::errors;
use crate::fixtures::{HostRole, PermittedUsers};
use crate::html;
use crate::redirect::{error_page, redirect, redirect_error, with_query};
use crate::store::{
    AuthCode, AuthorizeRequest, DeviceState, Grant, Pending, Shared, Store, role_prefix,
};
use crate::token::{Params, preauthorized, resolve_scopes};
use crate::tokens;

pub async fn authorize(
    State(shared): State<crate::store::AppState>,
    Extension(role): Extension<HostRole>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let p = Params::parse(q.unwrap_or_default().as_bytes());
    let mut store = shared.store();
    start(&shared, &mut store, role, &p, &headers)
}

/// Salesforce takes the same parameters as a form POST.
pub async fn authorize_post(
    State(shared): State<crate::store::AppState>,
    Extension(role): Extension<HostRole>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let p = Params::parse(&body);
    let mut store = shared.store();
    start(&shared, &mut store, role, &p, &headers)
}

fn start(
    shared: &Shared,
    store: &mut Store,
    role: HostRole,
    p: &Params,
    headers: &HeaderMap,
) -> Response {
    let app = match p.get("client_id").and_then(|id| store.app(id)) {
        Some(app) if store.org.answers_as.contains(&role) => app.clone(),
        _ => return error_page(role, errors::INVALID_CLIENT_ID),
    };
    if app.external && role != HostRole::MyDomain {
        return error_page(role, errors::APP_NOT_FOUND);
    }
    let Some(redirect_uri) = p.get("redirect_uri") else {
        return error_page(role, errors::REDIRECT_MISSING);
    };
    if !app.callback_urls.iter().any(|c| c == redirect_uri) {
        return error_page(role, errors::REDIRECT_MISMATCH);
    }
    let state = p.get("state");
    let fail = |e| redirect_error(redirect_uri, state, e);
    if p.get("response_type") != Some("code") {
        return fail(errors::UNSUPPORTED_RESPONSE_TYPE);
    }
    if !app.installed {
        return fail(if app.external {
            errors::APP_NOT_FOUND
        } else {
            errors::NOT_INSTALLED
        });
    }
    if app.blocked {
        return fail(errors::APP_BLOCKED);
    }
    let challenge = p.get("code_challenge");
    if challenge.is_none() && app.require_pkce {
        return fail(errors::MISSING_CHALLENGE);
    }
    // No method means S256; Salesforce supports nothing else.
    if challenge.is_some() && p.get("code_challenge_method").is_some_and(|m| m != "S256") {
        return fail(errors::BAD_CHALLENGE_METHOD);
    }
    let scopes = match resolve_scopes(&app, p.get("scope")) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let prompt: Vec<&str> = p.get("prompt").unwrap_or("").split_whitespace().collect();
    let req = AuthorizeRequest {
        client_id: app.client_id.clone(),
        redirect_uri: redirect_uri.to_string(),
        state: state.map(str::to_string),
        scopes,
        challenge: challenge.map(str::to_string),
        force_login: prompt.contains(&"login"),
        force_consent: prompt.contains(&"consent"),
        login_hint: p.get("login_hint").map(str::to_string),
        nonce: p.get("nonce").map(str::to_string),
    };
    let id = tokens::random_alnum(32);
    let force_login = req.force_login;
    let hint = req.login_hint.clone().unwrap_or_default();
    store.pending.insert(id.clone(), (role, Pending::Web(req)));
    match browser::session_user(shared, store, headers) {
        Some(user_id) if !force_login => after_login(shared, store, &id, &user_id),
        _ => login_form(role, &id, &hint, None),
    }
}

pub fn login_form(role: HostRole, request: &str, username: &str, error: Option<&str>) -> Response {
    let action = format!("{}/services/oauth2/authorize/login", role_prefix(role));
    html::login(&action, request, username, error)
}

fn expired_request() -> Response {
    html::message(
        "Request Expired",
        "This login request is no longer valid. Start again from your app.",
    )
}

/// The POST of the login form.
pub async fn login_post(State(shared): State<crate::store::AppState>, body: Bytes) -> Response {
    let p = Params::parse(&body);
    let mut store = shared.store();
    let request = p.get("request").unwrap_or_default();
    let Some((role, _)) = store.pending.get(request).cloned() else {
        return expired_request();
    };
    let username = p.get("username").unwrap_or_default();
    let password = p.get("password").unwrap_or_default();
    let user = store
        .user_by_name(username)
        .filter(|u| u.password == password && u.active)
        .map(|u| u.id.clone());
    let Some(user_id) = user else {
        let msg = "Please check your username and password. If you still can't log in, \
                   contact your Salesforce administrator.";
        return login_form(role, request, username, Some(msg));
    };
    let cookie = browser::start_session(&shared, &mut store, &user_id);
    let resp = after_login(&shared, &mut store, request, &user_id);
    ([(header::SET_COOKIE, cookie)], resp).into_response()
}

/// The user is known: show the approval page unless the app is approved already.
pub fn after_login(shared: &Shared, store: &mut Store, request: &str, user_id: &str) -> Response {
    let Some((role, pending)) = store.pending.get(request).cloned() else {
        return expired_request();
    };
    let (client_id, scopes, force_consent) = match &pending {
        Pending::Web(r) => (r.client_id.clone(), r.scopes.clone(), r.force_consent),
        Pending::Device(code) => match store.devices.get(code) {
            Some(d) => (d.client_id.clone(), d.scopes.clone(), false),
            None => return expired_request(),
        },
    };
    let (Some(app), Some(user)) = (
        store.app(&client_id).cloned(),
        store.user_by_id(user_id).cloned(),
    ) else {
        return expired_request();
    };
    let admin = app.permitted_users == PermittedUsers::AdminApproved;
    if admin && !preauthorized(&app, &user) {
        store.pending.remove(request);
        return match pending {
            Pending::Web(r) => redirect_error(
                &r.redirect_uri,
                r.state.as_deref(),
                errors::NOT_ADMIN_APPROVED,
            ),
            Pending::Device(_) => {
                html::message("Access Denied", errors::NOT_ADMIN_APPROVED.description)
            }
        };
    }
    let approved = admin
        || store
            .approvals
            .contains(&(user.id.clone(), app.client_id.clone()));
    if approved && !force_consent {
        return finish(shared, store, request, user_id);
    }
    let action = format!("{}/services/oauth2/authorize/approve", role_prefix(role));
    html::approve(&action, request, &app.name, &user.username, &scopes)
}

/// Approved: a code for the callback, or a green light for the waiting device.
fn finish(shared: &Shared, store: &mut Store, request: &str, user_id: &str) -> Response {
    let Some((role, pending)) = store.pending.remove(request) else {
        return expired_request();
    };
    match pending {
        Pending::Web(r) => {
            let code = tokens::auth_code();
            let grant = Grant {
                client_id: r.client_id,
                user_id: user_id.to_string(),
                scopes: r.scopes,
                role,
                nonce: r.nonce,
            };
            let issued_ms = shared.clock.now_ms();
            let c = AuthCode {
                grant,
                redirect_uri: r.redirect_uri.clone(),
                challenge: r.challenge,
                issued_ms,
                used: false,
            };
            store.codes.insert(code.clone(), c);
            let mut pairs = vec![("code", code.as_str())];
            if let Some(s) = r.state.as_deref() {
                pairs.push(("state", s));
            }
            redirect(&with_query(&r.redirect_uri, &pairs))
        }
        Pending::Device(code) => {
            if let Some(d) = store.devices.get_mut(&code) {
                d.state = DeviceState::Approved(user_id.to_string());
            }
            html::message("You're Connected", "Return to your device to continue.")
        }
    }
}

/// The POST of the approval page.
pub async fn approve_post(
    State(shared): State<crate::store::AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let p = Params::parse(&body);
    let mut store = shared.store();
    let request = p.get("request").unwrap_or_default().to_string();
    let Some((role, pending)) = store.pending.get(&request).cloned() else {
        return expired_request();
    };
    let Some(user_id) = browser::session_user(&shared, &store, &headers) else {
        return login_form(role, &request, "", None);
    };
    if p.get("action") == Some("allow") {
        let client_id = match &pending {
            Pending::Web(r) => r.client_id.clone(),
            Pending::Device(code) => store
                .devices
                .get(code)
                .map(|d| d.client_id.clone())
                .unwrap_or_default(),
        };
        store.approvals.insert((user_id.clone(), client_id));
        return finish(&shared, &mut store, &request, &user_id);
    }
    store.pending.remove(&request);
    match pending {
        Pending::Web(r) => {
            redirect_error(&r.redirect_uri, r.state.as_deref(), errors::ACCESS_DENIED)
        }
        Pending::Device(code) => {
            if let Some(d) = store.devices.get_mut(&code) {
                d.state = DeviceState::Denied;
            }
            html::message(
                "Access Denied",
                "You denied access. Your device was not connected.",
            )
        }
    }
}
