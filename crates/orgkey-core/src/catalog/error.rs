//! Why the org list could not be read or changed, in words a person can act on.

use std::io;
use std::path::PathBuf;

use crate::explain::{Explain, Explanation, Kind};
use crate::home::NoHomeDir;
use crate::org::{InvalidOrg, OrgId};
use crate::vault::VaultError;

/// Never carries a secret: the catalog holds none.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The file is not a list of orgs OrgKey understands. It is left as it is.
    #[error("{path} is damaged: {detail}")]
    Damaged { path: PathBuf, detail: String },
    /// A newer OrgKey wrote the file; rewriting it here could drop what it added.
    #[error("{path} has schema version {found}, newer than this OrgKey understands")]
    Newer { path: PathBuf, found: i64 },
    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Invalid(#[from] InvalidOrg),
    #[error("the alias {0:?} is already taken")]
    AliasTaken(String),
    #[error("two orgs have the id {0}")]
    IdTaken(OrgId),
    #[error("no org has the alias {0:?}")]
    NotFound(String),
    #[error(transparent)]
    NoHome(#[from] NoHomeDir),
    /// The org left the list, but the keychain kept its secrets.
    #[error("org {alias:?} was removed, but not its keychain entries: {source}")]
    SecretsLeft {
        alias: String,
        id: OrgId,
        #[source]
        source: VaultError,
    },
}

impl CatalogError {
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        CatalogError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

impl Explain for CatalogError {
    fn explain(&self) -> Explanation {
        match self {
            CatalogError::Damaged { path, detail } => Explanation::new(
                Kind::Storage,
                format!(
                    "OrgKey's list of orgs at {} cannot be read ({detail}). It has been left exactly as it is, and OrgKey will not change it.",
                    path.display()
                ),
                "Fix the file in a text editor, or move it aside to start with an empty list (your secrets stay in the keychain).",
            ),
            CatalogError::Newer { path, found } => Explanation::new(
                Kind::Storage,
                format!(
                    "The list of orgs at {} was written by a newer OrgKey (schema version {found}). This OrgKey leaves it untouched rather than lose what the newer one stored.",
                    path.display()
                ),
                "Update OrgKey to the newest version, or move the file aside to start with an empty list.",
            ),
            CatalogError::Io {
                action,
                path,
                source,
            } => Explanation::new(
                Kind::Storage,
                format!("OrgKey could not {action} {}: {source}.", path.display()),
                if source.kind() == io::ErrorKind::PermissionDenied {
                    "Make sure you own that directory and may write to it, or set ORGKEY_HOME to one you may."
                } else {
                    "Check that the disk is not full and the directory is writable, then try again."
                },
            ),
            CatalogError::Invalid(invalid) => invalid.explain(),
            CatalogError::AliasTaken(alias) => Explanation::new(
                Kind::Input,
                format!("Another org already has the alias {alias:?}."),
                "Choose a different alias, or rename or remove the other org first.",
            ),
            CatalogError::IdTaken(id) => Explanation::new(
                Kind::Internal,
                format!("Two orgs would share the id {id}."),
                "This is a bug in OrgKey; please report it. Your list of orgs was not changed.",
            ),
            CatalogError::NotFound(alias) => Explanation::new(
                Kind::Input,
                format!("No org has the alias {alias:?}."),
                "Check the spelling (aliases are case-sensitive); `orgkey org list` shows every alias.",
            ),
            CatalogError::NoHome(no_home) => no_home.explain(),
            CatalogError::SecretsLeft { alias, source, .. } => {
                let keychain = source.explain();
                Explanation::new(
                    Kind::Keychain,
                    format!(
                        "The org {alias:?} was removed from the list, but its secrets could not be deleted from the keychain. {}",
                        keychain.message
                    ),
                    format!(
                        "{} Then delete the entries of service \"{}\" whose account starts with the org's id.",
                        keychain.fix,
                        crate::vault::service_name()
                    ),
                )
            }
        }
    }
}
