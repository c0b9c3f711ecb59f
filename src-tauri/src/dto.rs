//! The shapes the page receives. Generated into `ui/src/lib/bindings/` by ts-rs and
//! checked for drift by `cargo test` (see `bindings.rs`).

use std::time::{Duration, UNIX_EPOCH};

use orgkey_core::org::{Environment as CoreEnvironment, Org, url_base};
use orgkey_core::token::TokenSet;
use serde::{Deserialize, Serialize};
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

/// One row of the org list. No secret, nothing about tokens.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrgSummary {
    pub alias: String,
    pub label: String,
    pub color: Option<String>,
    pub environment: Environment,
    pub flow: String,
    pub host: String,
    /// A demo-mode org, labelled DEMO everywhere.
    pub demo: bool,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Production,
    Sandbox,
    Scratch,
    Developer,
}

impl From<&Org> for OrgSummary {
    fn from(org: &Org) -> Self {
        OrgSummary {
            alias: org.alias.clone(),
            label: org.label.clone(),
            color: org.color.clone(),
            environment: match org.environment {
                CoreEnvironment::Production => Environment::Production,
                CoreEnvironment::Sandbox => Environment::Sandbox,
                CoreEnvironment::Scratch => Environment::Scratch,
                CoreEnvironment::Developer => Environment::Developer,
            },
            flow: org.flow.name().to_owned(),
            host: url_base(org.my_domain.as_ref().unwrap_or(&org.login_url)),
            demo: crate::demo::is_demo(org),
        }
    }
}

/// What the token panel shows. Never the token itself.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TokenInfo {
    pub alias: String,
    pub instance_url: String,
    pub org_id: Option<String>,
    pub user_id: Option<String>,
    /// Epoch milliseconds.
    #[ts(type = "number")]
    pub issued_at: i64,
    /// Epoch milliseconds: an estimate (the org's session timeout after issue).
    #[ts(type = "number")]
    pub expires_at: i64,
}

impl TokenInfo {
    pub fn new(org: &Org, tokens: &TokenSet) -> TokenInfo {
        let timeout = Duration::from_secs(u64::from(org.session_timeout_minutes) * 60);
        let expires_at = tokens
            .expires_at(timeout)
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_millis() as i64);
        let ids = tokens.ids();
        TokenInfo {
            alias: org.alias.clone(),
            instance_url: url_base(&tokens.instance_url),
            org_id: ids.map(|(org, _)| org.to_owned()),
            user_id: ids.map(|(_, user)| user.to_owned()),
            issued_at: tokens.issued_at_ms,
            expires_at,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CopyFormat {
    Token,
    AuthorizationHeader,
    Curl,
}

impl From<CopyFormat> for orgkey_core::token::CopyFormat {
    fn from(format: CopyFormat) -> Self {
        match format {
            CopyFormat::Token => Self::Token,
            CopyFormat::AuthorizationHeader => Self::AuthorizationHeader,
            CopyFormat::Curl => Self::Curl,
        }
    }
}
