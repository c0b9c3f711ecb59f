//! Logging in now: the unattended flows, the web flow (popup or system browser) and the
//! device flow, one at a time and cancellable.

use std::time::Duration;

use orgkey_core::explain::{Explanation, Kind};
use orgkey_core::flows::device;
use orgkey_core::flows::loopback::{LoopbackBrowser, open_in_system_browser};
use orgkey_core::org::{Flow, Org};
use orgkey_core::session::Freshness;
use orgkey_core::signin;
use orgkey_core::token::TokenSet;
use tauri::{AppHandle, State};

use crate::dto::{DeviceCode, TokenInfo};
use crate::error::IpcError;
use crate::popup::PopupBrowser;
use crate::state::AppState;

/// Device codes live ten minutes at Salesforce.
const DEVICE_MAX_WAIT: Duration = Duration::from_secs(600);

fn logged_in(state: &AppState, org: &Org, tokens: TokenSet) -> Result<TokenInfo, IpcError> {
    let tokens = state.sessions()?.store(org, tokens)?;
    Ok(TokenInfo::new(org, &tokens))
}

/// A new token now for the flows that need no person (and refresh-token orgs).
#[tauri::command]
pub async fn log_in(state: State<'_, AppState>, alias: String) -> Result<TokenInfo, IpcError> {
    let org = state.catalog.get(&alias)?;
    let running = state.logins.begin(&alias)?;
    let sessions = state.sessions()?;
    let tokens = running
        .until_cancelled(sessions.token(&org, Freshness::Renew))
        .await?;
    Ok(TokenInfo::new(&org, &tokens))
}

/// The web server flow in the login popup, or in the system browser (RFC 8252).
#[tauri::command]
pub async fn log_in_web(
    app: AppHandle,
    state: State<'_, AppState>,
    alias: String,
    in_browser: bool,
) -> Result<TokenInfo, IpcError> {
    let org = state.catalog.get(&alias)?;
    let running = state.logins.begin(&alias)?;
    let vault = state.vault()?;
    let tokens = if in_browser {
        let browser = LoopbackBrowser::system();
        running
            .until_cancelled(signin::web(&state.http, vault, &org, &browser, None))
            .await?
    } else {
        let browser = PopupBrowser {
            app,
            title: format!("Log in to {} — OrgKey", org.alias),
            data_dir: state.home.join("webviews").join(&org.id.0),
        };
        running
            .until_cancelled(signin::web(&state.http, vault, &org, &browser, None))
            .await?
    };
    logged_in(&state, &org, tokens)
}

/// Asks Salesforce for a device code to show; `finish_device_login` then waits.
#[tauri::command]
pub async fn start_device_login(
    state: State<'_, AppState>,
    alias: String,
) -> Result<DeviceCode, IpcError> {
    let org = state.catalog.get(&alias)?;
    let authorization = signin::device_start(&state.http, &org).await?;
    let code = DeviceCode::from(&authorization);
    state.logins.keep_device_code(&alias, authorization);
    Ok(code)
}

/// Waits until the person approves the code on another device (or cancels here).
#[tauri::command]
pub async fn finish_device_login(
    state: State<'_, AppState>,
    alias: String,
) -> Result<TokenInfo, IpcError> {
    let org = state.catalog.get(&alias)?;
    let Flow::Device { client_id, .. } = &org.flow else {
        return Err(not_waiting(&alias));
    };
    let running = state.logins.begin(&alias)?;
    let authorization = state
        .logins
        .take_device_code(&alias)
        .ok_or_else(|| not_waiting(&alias))?;
    let waiting = device::wait_for_approval(
        &state.http,
        org.token_host(),
        client_id,
        &authorization,
        DEVICE_MAX_WAIT,
        std::future::pending(),
    );
    let tokens = running.until_cancelled(waiting).await?;
    logged_in(&state, &org, tokens)
}

fn not_waiting(alias: &str) -> IpcError {
    Explanation::new(
        Kind::Input,
        format!("No device code of {alias} is waiting for approval."),
        "Start the device login again.",
    )
    .into()
}

#[tauri::command]
pub fn cancel_login(state: State<'_, AppState>) {
    state.logins.cancel();
}

/// Opens the page where the device code is approved, in the system browser.
#[tauri::command]
pub fn open_device_page(state: State<'_, AppState>) -> Result<(), IpcError> {
    let page = state.logins.device_page().ok_or_else(|| {
        IpcError::from(Explanation::new(
            Kind::Input,
            "No device login is waiting.",
            "Start the device login first.",
        ))
    })?;
    Ok(open_in_system_browser(&page)?)
}
