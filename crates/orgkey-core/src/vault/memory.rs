//! An in-memory vault for unit tests of other modules. Never used by the app or CLI.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{SecretKind, Vault, VaultError, account};
use crate::secret::Secret;

#[derive(Default)]
pub struct MemoryVault {
    entries: Mutex<HashMap<String, Secret>>,
}

impl MemoryVault {
    pub fn new() -> Self {
        Self::default()
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, Secret>> {
        // A test that panicked while holding the lock leaves usable data behind.
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Vault for MemoryVault {
    fn get(&self, org_id: &str, kind: SecretKind) -> Result<Option<Secret>, VaultError> {
        Ok(self.entries().get(&account(org_id, kind)).cloned())
    }

    fn set(&self, org_id: &str, kind: SecretKind, value: &Secret) -> Result<(), VaultError> {
        self.entries().insert(account(org_id, kind), value.clone());
        Ok(())
    }

    fn delete(&self, org_id: &str, kind: SecretKind) -> Result<(), VaultError> {
        self.entries().remove(&account(org_id, kind));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delete_all_removes_every_kind_of_one_org_only() {
        let vault = MemoryVault::new();
        for kind in SecretKind::ALL {
            vault.set("a", kind, &Secret::new("x")).unwrap();
        }
        vault
            .set("b", SecretKind::Password, &Secret::new("y"))
            .unwrap();
        vault.delete_all("a").unwrap();
        for kind in SecretKind::ALL {
            assert!(vault.get("a", kind).unwrap().is_none());
        }
        assert_eq!(
            vault
                .get("b", SecretKind::Password)
                .unwrap()
                .unwrap()
                .expose(),
            "y"
        );
    }
}
