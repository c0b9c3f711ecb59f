//! How a failed command ends: `explain`'s sentence and fix on stderr, and an exit code
//! a script can branch on.

use std::process::ExitCode;

use orgkey_core::explain::{Explain, Explanation, Kind};

/// Exit codes, documented in the README: 0 ok, 2 usage or bad input, 3 Salesforce
/// refused, 4 network, 5 keychain; 1 for OrgKey's own files or a bug.
pub fn exit_code(kind: Kind) -> u8 {
    match kind {
        Kind::Input => 2,
        Kind::Salesforce => 3,
        Kind::Network => 4,
        Kind::Keychain => 5,
        Kind::Storage | Kind::Internal => 1,
    }
}

#[derive(Debug)]
pub struct Failure(pub Explanation);

impl<E: Explain> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure(error.explain())
    }
}

impl Failure {
    pub fn input(message: impl Into<String>, fix: impl Into<String>) -> Self {
        Failure(Explanation::new(Kind::Input, message, fix))
    }

    pub fn internal(detail: impl Into<String>) -> Self {
        Failure(Explanation::new(
            Kind::Internal,
            detail,
            "Please report this as a bug.",
        ))
    }

    pub fn report(self) -> ExitCode {
        let Explanation { kind, message, fix } = self.0;
        eprintln!("error: {message}\n  fix: {fix}");
        ExitCode::from(exit_code(kind))
    }
}
