//! What the commands share, built once in `setup`.

use std::path::PathBuf;
use std::sync::Mutex;

use orgkey_core::catalog::Catalog;
use orgkey_core::explain::{Explain, Explanation};
use orgkey_core::http::Http;
use orgkey_core::org::Org;
use orgkey_core::session::Sessions;
use orgkey_core::vault::SecretKind;
use orgkey_core::vault::{self, KeychainVault};

use crate::dto::{LoginState, OrgSummary};
use crate::error::IpcError;
use crate::login::Logins;

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
    pub logins: Logins,
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
            logins: Logins::default(),
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

    /// The org's row, with its login state read from the keychain (no network).
    pub fn summary(&self, org: &Org) -> OrgSummary {
        let Ok(sessions) = self.sessions() else {
            return OrgSummary::new(org, LoginState::Unknown, false);
        };
        let refresh = sessions.vault.get(&org.id.0, SecretKind::RefreshToken);
        let (Ok(cached), Ok(refresh)) = (sessions.cached(org), refresh) else {
            return OrgSummary::new(org, LoginState::Unknown, false);
        };
        let login = match cached {
            Some(tokens) => {
                let expires = tokens.expires_at(org.session_timeout());
                if expires > std::time::SystemTime::now() {
                    LoginState::LoggedIn {
                        expires_at: crate::dto::epoch_ms(expires),
                    }
                } else {
                    LoginState::Expired
                }
            }
            None if refresh.is_some() || org.flow.runs_unattended() => LoginState::Ready,
            None => LoginState::NeedsLogin,
        };
        OrgSummary::new(org, login, refresh.is_some())
    }
}
