//! What OrgKey knows about its own installation: version, where its files are, and
//! whether the keychain can be used right now.

use std::path::PathBuf;

use crate::explain::{Explain, Explanation};
use crate::home::{self, NoHomeDir};
use crate::vault::{self, KeychainVault};

#[derive(Debug)]
pub struct About {
    pub version: &'static str,
    pub data_dir: PathBuf,
    pub keychain_service: String,
    /// `Ok` when a secret can be written and removed now; otherwise why not.
    pub keychain: Result<(), Explanation>,
}

/// Looks at the installation, including a real write to the keychain.
pub fn about() -> Result<About, NoHomeDir> {
    let keychain_service = vault::service_name();
    let keychain = KeychainVault::open(keychain_service.clone())
        .and_then(|vault| vault.check_writable())
        .map_err(|error| error.explain());
    Ok(About {
        version: crate::VERSION,
        data_dir: home::data_dir()?,
        keychain_service,
        keychain,
    })
}
