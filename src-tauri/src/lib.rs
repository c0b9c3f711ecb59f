//! The OrgKey desktop app: a thin Tauri shell around `orgkey-core`.
//!
//! It holds one-line commands that call the core, the one error shape that crosses
//! into the page, and what only a desktop can do (windows, the clipboard). It must
//! never hold domain logic of its own, and never send a secret to the page unless the
//! person asked to see it.

mod clipboard;
mod commands;
mod demo;
mod dto;
mod error;
mod state;

#[cfg(test)]
mod bindings;

use tauri::Manager;

pub fn run() {
    tauri::Builder::default()
        .setup(|app| {
            let state = state::AppState::new().map_err(|explanation| explanation.to_string())?;
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::orgs::list_orgs,
            commands::demo::start_demo,
            commands::tokens::token_info,
            commands::tokens::refresh_token,
            commands::tokens::copy_token,
            commands::tokens::reveal_token,
        ])
        .run(tauri::generate_context!())
        .expect("OrgKey could not start its window");
}
