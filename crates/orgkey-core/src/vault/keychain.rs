//! The operating system's keychain, through `keyring-core` with each platform's store
//! named explicitly (no feature-flag guessing about which backend got compiled in).

use std::sync::Arc;

use keyring_core::{CredentialStore, Entry, Error as KeyringError};

use super::{SecretKind, Vault, VaultError, account};
use crate::secret::Secret;

/// The real keychain: Secret Service on Linux, Keychain on macOS, Credential Manager
/// on Windows.
pub struct KeychainVault {
    store: Arc<CredentialStore>,
    service: String,
}

impl KeychainVault {
    /// Connects to the platform's keychain. Fails, with an explanation, when none
    /// answers; it never falls back to anything else.
    pub fn open(service: impl Into<String>) -> Result<Self, VaultError> {
        Ok(KeychainVault {
            store: platform_store().map_err(|error| match error {
                // Failing to even reach the store means no keychain service answered.
                KeyringError::PlatformFailure(detail) => VaultError::Unavailable {
                    detail: detail.to_string(),
                },
                other => classify(other),
            })?,
            service: service.into(),
        })
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    /// Writes and removes a probe entry. Reading alone would not notice a locked
    /// keyring: looking up an absent entry succeeds even then.
    pub fn check_writable(&self) -> Result<(), VaultError> {
        let probe = Secret::new("orgkey keychain probe");
        self.set("orgkey-probe", SecretKind::AccessToken, &probe)?;
        self.delete("orgkey-probe", SecretKind::AccessToken)
    }

    fn entry(&self, org_id: &str, kind: SecretKind) -> Result<Entry, VaultError> {
        Entry::new_in_store(&self.store, &self.service, &account(org_id, kind)).map_err(classify)
    }
}

impl Vault for KeychainVault {
    fn get(&self, org_id: &str, kind: SecretKind) -> Result<Option<Secret>, VaultError> {
        match self.entry(org_id, kind)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(error) => Err(classify(error)),
        }
    }

    fn set(&self, org_id: &str, kind: SecretKind, value: &Secret) -> Result<(), VaultError> {
        self.entry(org_id, kind)?
            .set_password(value.expose())
            .map_err(classify)
    }

    fn delete(&self, org_id: &str, kind: SecretKind) -> Result<(), VaultError> {
        match self.entry(org_id, kind)?.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(error) => Err(classify(error)),
        }
    }
}

/// Maps the keyring's errors to ours. Variants that carry bytes of a stored value
/// (`BadEncoding`, `BadDataFormat`) are described without them.
fn classify(error: KeyringError) -> VaultError {
    match error {
        KeyringError::NoStorageAccess(detail) => VaultError::Locked {
            detail: detail.to_string(),
        },
        KeyringError::NoDefaultStore => VaultError::Unavailable {
            detail: "no keychain store is configured".into(),
        },
        KeyringError::BadEncoding(_) | KeyringError::BadDataFormat(..) => VaultError::Failed {
            detail: "a stored entry is not in the expected format".into(),
        },
        other => VaultError::Failed {
            detail: other.to_string(),
        },
    }
}

#[cfg(target_os = "linux")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}
