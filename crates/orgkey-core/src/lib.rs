//! `orgkey-core` is OrgKey's whole domain: where orgs and secrets are kept, how each
//! Salesforce OAuth flow runs, and how every failure is explained to a person. The
//! desktop app and the `orgkey` command are thin adapters over it.
//!
//! It must never depend on Tauri, clap or a terminal, never open a window, and never
//! let a secret reach a file, a log line, an error message or a `Debug` print: secret
//! values travel as [`Secret`] and rest only in the operating system's keychain.

pub mod about;
pub mod catalog;
pub mod certs;
pub mod draft;
pub mod error;
pub mod explain;
pub mod flows;
pub mod home;
pub mod http;
pub mod identity;
pub mod interop;
pub mod open;
pub mod org;
pub mod revoke;
pub mod secret;
pub mod session;
pub mod signin;
pub mod token;
pub mod vault;

pub use explain::{Explain, Explanation, Kind};
pub use secret::Secret;

/// The version of OrgKey, shared by the app, the CLI and the core.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
