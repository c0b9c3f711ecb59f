//! Secrets per org and kind, kept in the operating system's keychain.
//!
//! There is no fallback: when no keychain answers, the caller gets a [`VaultError`]
//! that says so and how to fix it. A plaintext file would be a silent downgrade of
//! everything OrgKey promises.

mod keychain;
mod memory;

pub use keychain::KeychainVault;
pub use memory::MemoryVault;

use crate::explain::{Explain, Explanation, Kind};
use crate::secret::Secret;

/// The keychain service name OrgKey files its entries under.
pub const DEFAULT_SERVICE: &str = "orgkey";

/// Overrides [`DEFAULT_SERVICE`]: tests give each run its own service so they never
/// touch a person's real entries.
pub const SERVICE_ENV: &str = "ORGKEY_KEYCHAIN_SERVICE";

/// The service name in force: `$ORGKEY_KEYCHAIN_SERVICE`, else `orgkey`.
pub fn service_name() -> String {
    std::env::var(SERVICE_ENV)
        .ok()
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| DEFAULT_SERVICE.to_owned())
}

/// The kinds of secret an org may have, one keychain entry each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretKind {
    ClientSecret,
    Password,
    /// Kept apart from the password because it changes whenever it is reset; the two
    /// are joined only on the wire.
    SecurityToken,
    PrivateKey,
    RefreshToken,
    /// The cached token set, so a second process can reuse a fresh token.
    AccessToken,
}

impl SecretKind {
    pub const ALL: [SecretKind; 6] = [
        SecretKind::ClientSecret,
        SecretKind::Password,
        SecretKind::SecurityToken,
        SecretKind::PrivateKey,
        SecretKind::RefreshToken,
        SecretKind::AccessToken,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SecretKind::ClientSecret => "client_secret",
            SecretKind::Password => "password",
            SecretKind::SecurityToken => "security_token",
            SecretKind::PrivateKey => "private_key",
            SecretKind::RefreshToken => "refresh_token",
            SecretKind::AccessToken => "access_token",
        }
    }
}

/// Why the keychain could not be used. Never carries a secret value.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("no keychain service answered: {detail}")]
    Unavailable { detail: String },
    #[error("the keychain is locked: {detail}")]
    Locked { detail: String },
    #[error("the keychain refused the operation: {detail}")]
    Failed { detail: String },
}

impl Explain for VaultError {
    fn explain(&self) -> Explanation {
        let (message, fix) = match self {
            VaultError::Unavailable { .. } => (
                "No keychain answered, so OrgKey cannot keep secrets on this machine.",
                if cfg!(target_os = "linux") {
                    "Start a Secret Service keyring in your desktop session (GNOME Keyring or KWallet). \
                     On a headless machine run OrgKey inside `dbus-run-session` with \
                     `gnome-keyring-daemon --unlock --components=secrets` started first."
                } else {
                    "Make sure you are logged in to a desktop session whose keychain is available."
                },
            ),
            VaultError::Locked { .. } => (
                "The keychain is locked, so OrgKey cannot read or store secrets.",
                "Unlock your login keyring (for example by logging in to the desktop again, or with \
                 `gnome-keyring-daemon --unlock`), then try again.",
            ),
            VaultError::Failed { .. } => (
                "The keychain refused to read or store a secret.",
                "Check that your keyring is unlocked and working (try Seahorse or `secret-tool`), then try again.",
            ),
        };
        Explanation::new(Kind::Keychain, message, fix)
    }
}

/// Secrets keyed by org and kind.
///
/// A missing entry is `Ok(None)`, not an error: "not stored yet" is a normal state.
pub trait Vault: Send + Sync {
    fn get(&self, org_id: &str, kind: SecretKind) -> Result<Option<Secret>, VaultError>;
    fn set(&self, org_id: &str, kind: SecretKind, value: &Secret) -> Result<(), VaultError>;
    /// Removes the entry; removing one that does not exist succeeds.
    fn delete(&self, org_id: &str, kind: SecretKind) -> Result<(), VaultError>;

    /// Removes every entry of an org, as removing the org must.
    fn delete_all(&self, org_id: &str) -> Result<(), VaultError> {
        SecretKind::ALL
            .iter()
            .try_for_each(|kind| self.delete(org_id, *kind))
    }
}

/// The keychain account name of one org's secret of one kind.
fn account(org_id: &str, kind: SecretKind) -> String {
    format!("{org_id}/{}", kind.as_str())
}
