//! Tauri commands, one file per domain, each a one-line call into `orgkey-core`.

pub mod app;
pub mod demo;
pub mod orgs;
pub mod tokens;
