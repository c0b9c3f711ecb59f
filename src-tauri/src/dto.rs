//! The shapes the page receives. Generated into `ui/src/lib/bindings/` by ts-rs and
//! checked for drift by `cargo test` (see `bindings.rs`).

use serde::Serialize;
use ts_rs::TS;

use crate::error::IpcError;

#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub keychain: KeychainStatus,
}

#[derive(Debug, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum KeychainStatus {
    /// Secrets can be written and read now.
    Ready { service: String },
    /// The keychain cannot be used; the error says why and what to do.
    Unavailable { service: String, error: IpcError },
}

impl From<orgkey_core::about::About> for AppInfo {
    fn from(about: orgkey_core::about::About) -> Self {
        let service = about.keychain_service;
        AppInfo {
            version: about.version.to_owned(),
            data_dir: about.data_dir.display().to_string(),
            keychain: match about.keychain {
                Ok(()) => KeychainStatus::Ready { service },
                Err(explanation) => KeychainStatus::Unavailable {
                    service,
                    error: explanation.into(),
                },
            },
        }
    }
}
