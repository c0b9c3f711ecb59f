//! What the commands share, built once in `setup`.

use std::path::PathBuf;
use std::sync::Mutex;

use orgkey_core::catalog::Catalog;
use orgkey_core::explain::{Explain, Explanation};
use orgkey_core::http::Http;
use orgkey_core::session::Sessions;
use orgkey_core::vault::{self, KeychainVault};

use crate::error::IpcError;

pub struct AppState {
    pub home: PathBuf,
    pub catalog: Catalog,
    pub http: Http,
    /// Why the keychain cannot be used, if it cannot: commands that need it say so.
    vault: Result<KeychainVault, Explanation>,
    /// Kept for the app's lifetime: on X11 copied text lives as long as its owner.
    pub clipboard: Mutex<Option<arboard::Clipboard>>,
    /// The local Salesforce of demo mode, while it runs.
    pub demo: tokio::sync::Mutex<Option<sfsim::Sim>>,
}

impl AppState {
    pub fn new() -> Result<AppState, Explanation> {
        let home = orgkey_core::home::data_dir().map_err(|error| error.explain())?;
        Ok(AppState {
            catalog: Catalog::open(&home),
            home,
            http: Http::new(),
            vault: KeychainVault::open(vault::service_name()).map_err(|error| error.explain()),
            clipboard: Mutex::new(None),
            demo: tokio::sync::Mutex::new(None),
        })
    }

    pub fn vault(&self) -> Result<&KeychainVault, IpcError> {
        self.vault
            .as_ref()
            .map_err(|explanation| explanation.clone().into())
    }

    pub fn sessions(&self) -> Result<Sessions<'_>, IpcError> {
        Ok(Sessions {
            http: &self.http,
            vault: self.vault()?,
            lock_dir: self.home.join("locks"),
        })
    }
}
