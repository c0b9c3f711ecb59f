//! The shapes the page receives. Generated into `ui/src/lib/bindings/` by ts-rs and
//! checked for drift by `cargo test` (see `bindings.rs`).

use std::time::UNIX_EPOCH;

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
    pub login: LoginState,
    /// Whether an SFDX auth URL can be copied (a refresh token is stored).
    pub has_refresh_token: bool,
}

/// What the list says of an org's login, from the keychain alone (no network).
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum LoginState {
    /// A token is cached and, by the estimate, still alive.
    #[serde(rename_all = "camelCase")]
    LoggedIn {
        #[ts(type = "number")]
        expires_at: i64,
    },
    /// The cached token has expired; the next use renews it without a person.
    Expired,
    /// No token yet, but one click gets one (the flow runs alone, or a refresh token
    /// is stored).
    Ready,
    /// A person has to log in (web server or device flow, no refresh token).
    NeedsLogin,
    /// The keychain could not be read; the status bar says why.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Production,
    Sandbox,
    Scratch,
    Developer,
}

impl From<CoreEnvironment> for Environment {
    fn from(environment: CoreEnvironment) -> Self {
        match environment {
            CoreEnvironment::Production => Environment::Production,
            CoreEnvironment::Sandbox => Environment::Sandbox,
            CoreEnvironment::Scratch => Environment::Scratch,
            CoreEnvironment::Developer => Environment::Developer,
        }
    }
}

impl From<Environment> for CoreEnvironment {
    fn from(environment: Environment) -> Self {
        match environment {
            Environment::Production => CoreEnvironment::Production,
            Environment::Sandbox => CoreEnvironment::Sandbox,
            Environment::Scratch => CoreEnvironment::Scratch,
            Environment::Developer => CoreEnvironment::Developer,
        }
    }
}

impl OrgSummary {
    pub fn new(org: &Org, login: LoginState, has_refresh_token: bool) -> Self {
        OrgSummary {
            alias: org.alias.clone(),
            label: org.label.clone(),
            color: org.color.clone(),
            environment: org.environment.into(),
            flow: org.flow.name().to_owned(),
            host: url_base(org.my_domain.as_ref().unwrap_or(&org.login_url)),
            demo: crate::demo::is_demo(org),
            login,
            has_refresh_token,
        }
    }
}

pub fn epoch_ms(time: std::time::SystemTime) -> i64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_millis() as i64)
}

/// A device code to show large, and where to enter it.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceCode {
    pub user_code: String,
    pub verification_url: String,
}

impl From<&orgkey_core::flows::device::DeviceAuthorization> for DeviceCode {
    fn from(authorization: &orgkey_core::flows::device::DeviceAuthorization) -> Self {
        DeviceCode {
            user_code: authorization.user_code.clone(),
            verification_url: authorization.verification_uri.to_string(),
        }
    }
}

/// An org's JWT certificate as the certificate screen shows it. Public data only.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CertificateView {
    pub common_name: Option<String>,
    pub sha256_fingerprint: String,
    /// Epoch milliseconds.
    #[ts(type = "number")]
    pub not_before: i64,
    #[ts(type = "number")]
    pub not_after: i64,
    pub days_left: i64,
    /// Under 30 days left (or expired): time to make a new one and upload it.
    pub expires_soon: bool,
    /// Whether the keychain holds the private key that belongs to it.
    pub key_in_keychain: bool,
}

/// Days before expiry from which the screen warns.
pub const CERTIFICATE_WARNING_DAYS: i64 = 30;

impl CertificateView {
    pub fn new(info: &orgkey_core::certs::CertificateInfo, key_in_keychain: bool) -> Self {
        let ms = |time: time::OffsetDateTime| (time.unix_timestamp_nanos() / 1_000_000) as i64;
        let days_left = info.days_left();
        CertificateView {
            common_name: info.subject_common_name.clone(),
            sha256_fingerprint: info.sha256_fingerprint.clone(),
            not_before: ms(info.not_before),
            not_after: ms(info.not_after),
            days_left,
            expires_soon: days_left < CERTIFICATE_WARNING_DAYS,
            key_in_keychain,
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
        let expires_at = epoch_ms(tokens.expires_at(org.session_timeout()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use orgkey_core::certs::{CertificateRequest, generate};

    fn view_of(days: u32) -> CertificateView {
        let mut request = CertificateRequest::new("orgkey-test");
        request.validity_days = days;
        CertificateView::new(&generate(&request).unwrap().info, true)
    }

    #[test]
    fn a_certificate_warns_from_thirty_days_before_it_ends() {
        let fresh = view_of(365);
        assert!(!fresh.expires_soon);
        assert!(
            (363..=365).contains(&fresh.days_left),
            "{}",
            fresh.days_left
        );
        let ending = view_of(20);
        assert!(ending.expires_soon);
        assert!(ending.not_after > ending.not_before);
    }
}
