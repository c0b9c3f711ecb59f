//! The browser's login session: a cookie that lets the approval page, a second
//! authorize and frontdoor skip the login form. Cookies ignore ports, so the name
//! carries the port: two simulators on one machine never share a session.

use axum::http::HeaderMap;

use crate::store::{Shared, Store};
use crate::tokens;

pub fn cookie_name(shared: &Shared) -> String {
    let port = shared.base_url.rsplit(':').next().unwrap_or("0");
    format!("sfsim_sid_{port}")
}

/// The user logged in in this browser, if any.
pub fn session_user(shared: &Shared, store: &Store, headers: &HeaderMap) -> Option<String> {
    let name = cookie_name(shared);
    headers
        .get_all("cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .filter(|(k, _)| *k == name)
        .find_map(|(_, v)| store.browser.get(v).cloned())
}

/// Starts a browser session and returns the `Set-Cookie` value.
pub fn start_session(shared: &Shared, store: &mut Store, user_id: &str) -> String {
    let sid = tokens::random_alnum(40);
    store.browser.insert(sid.clone(), user_id.to_string());
    format!(
        "{}={sid}; Path=/; HttpOnly; SameSite=Lax",
        cookie_name(shared)
    )
}
