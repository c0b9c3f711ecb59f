//! Every failure OrgKey can meet, said in plain words with what to do about it.
//!
//! This is what the app and the CLI show; nothing shows a raw error dump. The [`Kind`]
//! is the one thing callers branch on: the CLI turns it into an exit code, the app into
//! the `code` of its error shape.

use std::fmt;

/// What sort of failure this is, from the point of view of someone fixing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The input was wrong: a bad alias, URL, file or option.
    Input,
    /// Salesforce answered and refused.
    Salesforce,
    /// Salesforce could not be reached, or answered with something that is not an answer.
    Network,
    /// The operating system's keychain could not be used.
    Keychain,
    /// OrgKey's own files could not be read or written.
    Storage,
    /// A bug in OrgKey.
    Internal,
}

impl Kind {
    /// A stable name, used in JSON and never changed once published.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Input => "input",
            Kind::Salesforce => "salesforce",
            Kind::Network => "network",
            Kind::Keychain => "keychain",
            Kind::Storage => "storage",
            Kind::Internal => "internal",
        }
    }
}

/// A sentence saying what happened and a fix a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub kind: Kind,
    pub message: String,
    pub fix: String,
}

impl Explanation {
    pub fn new(kind: Kind, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Explanation {
            kind,
            message: message.into(),
            fix: fix.into(),
        }
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n{}", self.message, self.fix)
    }
}

/// Implemented by every error type a person may see.
pub trait Explain {
    fn explain(&self) -> Explanation;
}

/// An explanation already made explains itself, so it can be passed on as it is.
impl Explain for Explanation {
    fn explain(&self) -> Explanation {
        self.clone()
    }
}

mod auth;
mod salesforce;

pub use salesforce::explain_refusal;
