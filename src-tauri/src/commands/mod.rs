//! Tauri commands, one file per domain, each a thin call into `orgkey-core`.

pub mod actions;
pub mod app;
pub mod certificate;
pub mod demo;
pub mod editor;
pub mod login;
pub mod orgs;
pub mod tokens;
