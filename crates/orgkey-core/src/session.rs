//! "Give me a valid token for org X": the cached token while fresh, else a refresh,
//! else the org's flow when it needs no person, else a clear "log in again".
//!
//! Refreshes of one org are serialised across processes with a lock file, because
//! with refresh-token rotation two refreshes at once kill the token family. Under the
//! lock a new refresh token is stored before the access token is handed out.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::error::AuthError;
use crate::http::Http;
use crate::org::Org;
use crate::signin;
use crate::token::TokenSet;
use crate::vault::{SecretKind, Vault};

/// A token this close to its estimated end is treated as already dead.
const EXPIRY_MARGIN: Duration = Duration::from_secs(120);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// A cached token is fine while its estimated expiry is ahead.
    Cached,
    /// Get a new token now (the cached one is known or feared dead).
    Renew,
}

pub struct Sessions<'a> {
    pub http: &'a Http,
    pub vault: &'a dyn Vault,
    /// Where the per-org lock files live (the data directory's `locks/`).
    pub lock_dir: PathBuf,
}

impl Sessions<'_> {
    pub async fn token(&self, org: &Org, freshness: Freshness) -> Result<TokenSet, AuthError> {
        if freshness == Freshness::Cached
            && let Some(cached) = self.fresh_cached(org)?
        {
            return Ok(cached);
        }
        let _lock = self.lock(org).await?;
        // Another process may have renewed while this one waited for the lock.
        if freshness == Freshness::Cached
            && let Some(cached) = self.fresh_cached(org)?
        {
            return Ok(cached);
        }
        match signin::refresh_stored(self.http, self.vault, org).await {
            Ok(Some(tokens)) => return self.store(org, tokens),
            Ok(None) => {}
            // A dead refresh token is not the end when the flow can run again alone.
            Err(error)
                if org.flow.runs_unattended() && error.oauth_error() == Some("invalid_grant") => {}
            Err(error) => return Err(error),
        }
        let tokens = signin::unattended(self.http, self.vault, org).await?;
        self.store(org, tokens)
    }

    /// Keeps what a login returned: the refresh token first (with rotation the old one
    /// is already dead), then the access token for other processes to reuse.
    pub fn store(&self, org: &Org, tokens: TokenSet) -> Result<TokenSet, AuthError> {
        if let Some(refresh_token) = &tokens.refresh_token {
            self.vault
                .set(&org.id.0, SecretKind::RefreshToken, refresh_token)?;
        }
        self.vault
            .set(&org.id.0, SecretKind::AccessToken, &tokens.to_cache())?;
        Ok(tokens)
    }

    /// The cached token when its estimated expiry is comfortably ahead.
    pub fn fresh_cached(&self, org: &Org) -> Result<Option<TokenSet>, AuthError> {
        let fresh = |tokens: &TokenSet| {
            tokens.expires_at(org.session_timeout()) > SystemTime::now() + EXPIRY_MARGIN
        };
        Ok(self.cached(org)?.filter(fresh))
    }

    /// The cached token, fresh or not (a damaged cache entry counts as none).
    pub fn cached(&self, org: &Org) -> Result<Option<TokenSet>, AuthError> {
        let cache = self.vault.get(&org.id.0, SecretKind::AccessToken)?;
        Ok(cache.as_ref().and_then(TokenSet::from_cache))
    }

    /// Forgets the cached access token (after a 401, or a revoke).
    pub fn forget_access_token(&self, org: &Org) -> Result<(), AuthError> {
        Ok(self.vault.delete(&org.id.0, SecretKind::AccessToken)?)
    }

    async fn lock(&self, org: &Org) -> Result<File, AuthError> {
        let path = self.lock_dir.join(format!("{}.lock", org.id.0));
        tokio::task::spawn_blocking(move || lock_file(&path))
            .await
            .map_err(|error| AuthError::Internal(format!("the lock task failed: {error}")))?
    }
}

/// Blocks until this process holds the org's lock; released when the file is dropped.
fn lock_file(path: &Path) -> Result<File, AuthError> {
    let failed = |error: std::io::Error| {
        AuthError::Internal(format!("cannot lock {}: {error}", path.display()))
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(failed)?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(failed)?;
    file.lock().map_err(failed)?;
    Ok(file)
}
