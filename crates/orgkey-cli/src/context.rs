//! What most commands need: the catalog, the keychain, an HTTP client, sessions.

use orgkey_core::catalog::Catalog;
use orgkey_core::home;
use orgkey_core::http::Http;
use orgkey_core::session::Sessions;
use orgkey_core::vault::{self, KeychainVault};

use crate::failure::Failure;

pub struct Context {
    pub catalog: Catalog,
    pub vault: KeychainVault,
    pub http: Http,
    pub home: std::path::PathBuf,
}

impl Context {
    pub fn open() -> Result<Context, Failure> {
        let home = home::data_dir()?;
        Ok(Context {
            catalog: Catalog::open(&home),
            vault: KeychainVault::open(vault::service_name())?,
            http: Http::new(),
            home,
        })
    }

    pub fn sessions(&self) -> Sessions<'_> {
        Sessions {
            http: &self.http,
            vault: &self.vault,
            lock_dir: self.home.join("locks"),
        }
    }
}
