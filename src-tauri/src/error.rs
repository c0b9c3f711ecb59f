//! The one error shape that crosses into the page: `{code, message, fix}`.
//!
//! Core errors carry no `Serialize`; this is the only place they are turned into
//! JSON. `code` is what the UI may branch on, `message` and `fix` are `explain`'s
//! words for a person.

use orgkey_core::explain::{Explain, Explanation, Kind};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    pub fix: String,
}

/// Stable codes; add one only when the UI has to act differently on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Input,
    Salesforce,
    Network,
    Keychain,
    Storage,
    Internal,
}

impl From<Kind> for ErrorCode {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Input => ErrorCode::Input,
            Kind::Salesforce => ErrorCode::Salesforce,
            Kind::Network => ErrorCode::Network,
            Kind::Keychain => ErrorCode::Keychain,
            Kind::Storage => ErrorCode::Storage,
            Kind::Internal => ErrorCode::Internal,
        }
    }
}

impl<E: Explain> From<E> for IpcError {
    fn from(error: E) -> Self {
        let Explanation { kind, message, fix } = error.explain();
        IpcError {
            code: kind.into(),
            message,
            fix,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_json_shape_is_pinned() {
        let error: IpcError =
            Explanation::new(Kind::Keychain, "The keychain is locked.", "Unlock it.").into();
        assert_eq!(
            serde_json::to_value(&error).unwrap(),
            json!({"code": "keychain", "message": "The keychain is locked.", "fix": "Unlock it."})
        );
    }

    #[test]
    fn every_kind_has_a_stable_code() {
        let codes: Vec<_> = [
            Kind::Input,
            Kind::Salesforce,
            Kind::Network,
            Kind::Keychain,
            Kind::Storage,
            Kind::Internal,
        ]
        .into_iter()
        .map(|kind| serde_json::to_value(ErrorCode::from(kind)).unwrap())
        .collect();
        assert_eq!(
            codes,
            [
                "input",
                "salesforce",
                "network",
                "keychain",
                "storage",
                "internal"
            ]
        );
        for kind in [Kind::Input, Kind::Keychain] {
            assert_eq!(
                serde_json::to_value(ErrorCode::from(kind)).unwrap(),
                kind.code()
            );
        }
    }

    #[test]
    fn a_core_error_becomes_its_explanation() {
        let error: IpcError = orgkey_core::vault::VaultError::Locked {
            detail: "collection is locked".into(),
        }
        .into();
        assert_eq!(error.code, ErrorCode::Keychain);
        assert!(error.message.starts_with("The keychain is locked"));
        assert!(!error.fix.is_empty());
    }
}
