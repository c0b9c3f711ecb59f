//! What can go wrong while getting a token, from the flows, the session and the
//! endpoints around them. `explain/` turns each into words.

use crate::vault::{SecretKind, VaultError};

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// Salesforce answered with an OAuth error (§10): its words, kept whole.
    #[error("Salesforce refused: {error}: {description}")]
    Refused { error: String, description: String },
    /// The endpoint answered, but not as Salesforce: 5xx, an HTML page, cut-off JSON.
    #[error("{host} is unavailable: {detail}")]
    Unavailable { host: String, detail: String },
    #[error("network failure reaching {host}: {failure:?}")]
    Network {
        host: String,
        failure: NetworkFailure,
    },
    /// The redirect's `state` was not the one sent: a forged or stale callback.
    #[error("the login answer did not match the login OrgKey started")]
    StateMismatch,
    /// The callback carried neither a code nor an error.
    #[error("the login answer held no authorization code")]
    NoCode,
    #[error("the login was cancelled")]
    Cancelled,
    #[error("gave up waiting after {seconds} s for {waiting_for}")]
    TimedOut {
        waiting_for: &'static str,
        seconds: u64,
    },
    /// The loopback callback's port is taken by another program.
    #[error("port {port} is busy")]
    CallbackPortBusy { port: u16 },
    #[error("cannot receive the login callback on {url}: {reason}")]
    CallbackUnusable { url: String, reason: &'static str },
    #[error("no browser could be opened: {detail}")]
    NoBrowser { detail: String },
    #[error("the {} is not stored", .0.as_str())]
    MissingSecret(SecretKind),
    #[error("the private key is not usable: {detail}")]
    BadKey { detail: String },
    /// Client credentials sent to login/test, which never accept them.
    #[error("client credentials need the My Domain host, not {host}")]
    NeedsMyDomain { host: String },
    /// The access token was refused (REST 401 `INVALID_SESSION_ID`, 403 on singleaccess).
    #[error("the access token is no longer valid")]
    SessionExpired,
    /// A flow that needs a person was asked to run unattended.
    #[error("this org needs a person to log in")]
    NeedsLogin,
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error("an answer from Salesforce was incomplete: {0}")]
    Incomplete(&'static str),
    #[error("internal error: {0}")]
    Internal(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFailure {
    Dns,
    Refused,
    Timeout,
    Tls,
    /// The connection closed before a whole answer arrived.
    Dropped,
    Other,
}

impl AuthError {
    /// The OAuth `error` code when Salesforce refused.
    pub fn oauth_error(&self) -> Option<&str> {
        match self {
            AuthError::Refused { error, .. } => Some(error),
            _ => None,
        }
    }
}
