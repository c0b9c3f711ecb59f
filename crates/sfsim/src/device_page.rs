//! The device flow's verification page (§8): the user types the code shown on the
//! device, logs in and approves.

use axum::body::Bytes;
use axum::extract::{Extension, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use crate::authorize::{after_login, login_form};
use crate::browser;
use crate::fixtures::HostRole;
use crate::html;
use crate::store::{AppState, DeviceState, Pending, role_prefix};
use crate::token::Params;
use crate::token::device_lifetime_ms;
use crate::tokens;

pub async fn page(Extension(role): Extension<HostRole>, RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.unwrap_or_default().as_bytes());
    let action = format!("{}/setup/connect", role_prefix(role));
    html::device_code(&action, p.get("user_code").unwrap_or(""), None)
}

pub async fn submit(
    State(shared): State<AppState>,
    Extension(role): Extension<HostRole>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let p = Params::parse(&body);
    let typed: String = p
        .get("user_code")
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_uppercase();
    let now = shared.clock.now_ms();
    let mut store = shared.store();
    let found = store
        .devices
        .iter()
        .find(|(_, d)| {
            d.user_code == typed
                && d.state == DeviceState::Pending
                && now - d.issued_ms <= device_lifetime_ms()
        })
        .map(|(code, _)| code.clone());
    let Some(device_code) = found else {
        let action = format!("{}/setup/connect", role_prefix(role));
        return html::device_code(
            &action,
            &typed,
            Some("That code is invalid or has expired."),
        );
    };
    let request = tokens::random_alnum(32);
    store
        .pending
        .insert(request.clone(), (role, Pending::Device(device_code)));
    match browser::session_user(&shared, &store, &headers) {
        Some(user_id) => after_login(&shared, &mut store, &request, &user_id),
        None => login_form(role, &request, "", None),
    }
}
