//! What a person does with a logged-in org besides copying its token.

use std::time::Duration;

use orgkey_core::explain::{Explanation, Kind};
use orgkey_core::flows::loopback::open_secret_url;
use orgkey_core::interop::SfdxAuthUrl;
use orgkey_core::open;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Opens the org in the system browser, logged in, through a single-use URL that
/// reaches the browser by a local redirect (never as a process argument).
#[tauri::command]
pub async fn open_org(state: State<'_, AppState>, alias: String) -> Result<(), IpcError> {
    let org = state.catalog.get(&alias)?;
    let opened = open::open_org(&state.sessions()?, &org, "/").await?;
    Ok(open_secret_url(&opened.url, Duration::from_secs(60)).await?)
}

/// Revokes the org's tokens at Salesforce and forgets them here.
#[tauri::command]
pub async fn revoke_tokens(state: State<'_, AppState>, alias: String) -> Result<(), IpcError> {
    let org = state.catalog.get(&alias)?;
    Ok(orgkey_core::revoke::revoke(&state.http, state.vault()?, &org).await?)
}

/// Copies the SFDX auth URL (for `sf org login sfdx-url`), done in Rust like every copy.
#[tauri::command]
pub fn copy_sfdx_url(state: State<'_, AppState>, alias: String) -> Result<(), IpcError> {
    let org = state.catalog.get(&alias)?;
    let url = SfdxAuthUrl::for_org(state.vault()?, &org)?.ok_or_else(|| {
        IpcError::from(Explanation::new(
            Kind::Input,
            format!("{alias} has no refresh token, so it has no SFDX auth URL."),
            "Only orgs logged in with the web, device or refresh flow have one; log in first.",
        ))
    })?;
    crate::clipboard::copy(&state, &url.format())
}
