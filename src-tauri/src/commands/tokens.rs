//! The token panel. The token itself reaches the page only through `reveal_token`,
//! which the person asks for; copying happens here, in Rust.

use orgkey_core::session::Freshness;
use tauri::State;

use crate::dto::{CopyFormat, TokenInfo};
use crate::error::IpcError;
use crate::state::AppState;

async fn token(
    state: &AppState,
    alias: &str,
    freshness: Freshness,
) -> Result<(orgkey_core::org::Org, orgkey_core::token::TokenSet), IpcError> {
    let org = state.catalog.get(alias)?;
    let tokens = state.sessions()?.token(&org, freshness).await?;
    Ok((org, tokens))
}

/// A valid token's details (never the token): logs in or refreshes as needed.
#[tauri::command]
pub async fn token_info(state: State<'_, AppState>, alias: String) -> Result<TokenInfo, IpcError> {
    let (org, tokens) = token(&state, &alias, Freshness::Cached).await?;
    Ok(TokenInfo::new(&org, &tokens))
}

#[tauri::command]
pub async fn refresh_token(
    state: State<'_, AppState>,
    alias: String,
) -> Result<TokenInfo, IpcError> {
    let (org, tokens) = token(&state, &alias, Freshness::Renew).await?;
    Ok(TokenInfo::new(&org, &tokens))
}

#[tauri::command]
pub async fn copy_token(
    state: State<'_, AppState>,
    alias: String,
    format: CopyFormat,
) -> Result<(), IpcError> {
    let (org, tokens) = token(&state, &alias, Freshness::Cached).await?;
    crate::clipboard::copy(&state, &tokens.render(format.into(), &org.api_version))
}

/// The one command that sends a token to the page, when the person clicks "Reveal".
#[tauri::command]
pub async fn reveal_token(state: State<'_, AppState>, alias: String) -> Result<String, IpcError> {
    let (_, tokens) = token(&state, &alias, Freshness::Cached).await?;
    Ok(tokens.access_token.expose().to_owned())
}
