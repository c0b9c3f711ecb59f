//! The OrgKey desktop app: a thin Tauri shell around `orgkey-core`.
//!
//! It holds one-line commands that call the core, the one error shape that crosses
//! into the page, and what only a desktop can do (windows, the clipboard). It must
//! never hold domain logic of its own, and never send a secret to the page unless the
//! person asked to see it.

mod commands;
mod dto;
mod error;

#[cfg(test)]
mod bindings;

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![commands::app::app_info])
        .run(tauri::generate_context!())
        .expect("OrgKey could not start its window");
}
