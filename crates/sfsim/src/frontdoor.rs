//! Opening the org in a browser (§9): single-use frontdoor URLs from `singleaccess`,
//! legacy `frontdoor.jsp?sid=`, and the "logged in" home page they lead to.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::browser;
use crate::errors::rest_error;
use crate::html;
use crate::identity::{bearer, live_token};
use crate::redirect::{redirect, with_query};
use crate::store::{AppState, Otp};
use crate::token::Params;
use crate::tokens;

const HOME: &str = "/lightning/page/home";

pub async fn singleaccess(
    State(shared): State<AppState>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let mut store = shared.store();
    let Some(token) = live_token(&shared, &mut store, bearer(&headers, None)) else {
        return rest_error(403, "INVALID_SESSION_ID", "Session expired or invalid");
    };
    let p = Params::parse(q.unwrap_or_default().as_bytes());
    let start_url = p.get("redirect_uri").unwrap_or(HOME).to_string();
    let otp = tokens::random_alnum(48);
    store.otps.insert(
        otp.clone(),
        Otp {
            user_id: token.grant.user_id.clone(),
            start_url,
            used: false,
        },
    );
    let uri = with_query(
        &format!("{}/secur/frontdoor.jsp", shared.base_url),
        &[("otp", &otp)],
    );
    Json(json!({"frontdoor_uri": uri})).into_response()
}

/// Only local paths: frontdoor is never an open redirect.
fn local(path: &str) -> &str {
    if path.starts_with('/') && !path.starts_with("//") {
        path
    } else {
        HOME
    }
}

pub async fn frontdoor(State(shared): State<AppState>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.unwrap_or_default().as_bytes());
    let mut store = shared.store();
    let login = (user_id_and_target(&shared, &mut store, &p)).map(|(user, to)| {
        let cookie = browser::start_session(&shared, &mut store, &user);
        (cookie, to)
    });
    match login {
        Some((cookie, to)) => ([(header::SET_COOKIE, cookie)], redirect(&to)).into_response(),
        None => redirect("/"),
    }
}

fn user_id_and_target(
    shared: &crate::store::Shared,
    store: &mut crate::store::Store,
    p: &Params,
) -> Option<(String, String)> {
    if let Some(otp) = p.get("otp") {
        let o = store.otps.get_mut(otp).filter(|o| !o.used)?;
        o.used = true;
        return Some((o.user_id.clone(), local(&o.start_url).to_string()));
    }
    let token = live_token(shared, store, p.get("sid").map(str::to_string))?;
    let web = token.grant.scopes.iter().any(|s| s == "web" || s == "full");
    if !web {
        return None;
    }
    let to = p.get("retURL").or(p.get("startURL")).unwrap_or(HOME);
    Some((token.grant.user_id, local(to).to_string()))
}

/// Any page of the org: home when logged in, else the plain login screen.
pub async fn home(State(shared): State<AppState>, headers: HeaderMap) -> Response {
    let store = shared.store();
    let user = browser::session_user(&shared, &store, &headers)
        .and_then(|id| store.user_by_id(&id).cloned());
    match user {
        Some(u) => html::page(
            "Home | Salesforce",
            &format!(
                "<h1>Home</h1><p>Logged in to {} as <span id=\"user\">{}</span>.</p>",
                html::escape(&store.org.name),
                html::escape(&u.username)
            ),
        ),
        None => html::page_status(
            StatusCode::OK,
            "Login | Salesforce",
            "<h1>Log In</h1><p id=\"message\">Not logged in. Log in through your app.</p>",
        ),
    }
}
