//! The OrgKey desktop app: a thin Tauri shell around `orgkey-core`.
//!
//! It holds thin commands that call the core, the one error shape that crosses into
//! the page, and what only a desktop can do (the login popup, the clipboard, the save
//! dialog). It must never hold rules of its own about orgs or tokens, and never send a
//! secret to the page unless the person asked to see it.

mod clipboard;
mod commands;
mod demo;
mod dto;
mod editor;
mod error;
mod form;
mod login;
mod popup;
mod state;

#[cfg(test)]
mod bindings;

use tauri::Manager;

pub fn run() {
    tauri::Builder::default()
        // First, so a second launch hands over before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(main) = app.get_webview_window("main") {
                let _ = main.unminimize();
                let _ = main.show();
                let _ = main.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_window_state::Builder::default()
                // Only the main window: login popups open fresh each time.
                .with_filter(|label| label == "main")
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
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
            commands::editor::org_editing,
            commands::editor::check_org,
            commands::editor::save_org,
            commands::editor::delete_org,
            commands::editor::sandbox_copy,
            commands::login::log_in,
            commands::login::log_in_web,
            commands::login::start_device_login,
            commands::login::finish_device_login,
            commands::login::cancel_login,
            commands::login::open_device_page,
            commands::actions::open_org,
            commands::actions::revoke_tokens,
            commands::actions::copy_sfdx_url,
            commands::certificate::certificate,
            commands::certificate::generate_certificate,
            commands::certificate::save_certificate,
            commands::certificate::copy_certificate,
        ])
        .run(tauri::generate_context!())
        .expect("OrgKey could not start its window");
}
