//! The org list on disk: `orgs.toml` in OrgKey's home directory.
//!
//! Every change is a read-modify-write under an exclusive lock on `orgs.toml.lock`, so
//! the CLI and the app can both write without losing each other's updates; the file is
//! replaced atomically, so readers need no lock. A damaged file, or one a newer OrgKey
//! wrote, is reported with its path and never overwritten: every change is refused
//! until a person fixes it or calls [`Catalog::set_aside`].

mod error;
mod file;
mod orgs;

use std::path::{Path, PathBuf};

pub use error::CatalogError;
pub use file::SCHEMA_VERSION;
pub use orgs::Orgs;

use crate::org::{Org, OrgId};
use crate::vault::Vault;

/// The file name of the catalog inside its directory.
pub const FILE_NAME: &str = "orgs.toml";

/// A handle on the catalog in one directory. Cheap: it holds only the path, and reads
/// the file afresh on every call, so it never serves a stale list.
#[derive(Debug, Clone)]
pub struct Catalog {
    path: PathBuf,
}

impl Catalog {
    /// The catalog in `dir`, which need not exist yet (it is created on first save).
    pub fn open(dir: impl AsRef<Path>) -> Self {
        Catalog {
            path: dir.as_ref().join(FILE_NAME),
        }
    }

    /// The catalog in `$ORGKEY_HOME`, else the platform config directory.
    pub fn at_default_location() -> Result<Self, CatalogError> {
        Ok(Catalog::open(crate::home::data_dir()?))
    }

    /// The path of `orgs.toml`, for messages and for "show in folder".
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The list as it is on disk now; a missing file is an empty list.
    pub fn load(&self) -> Result<Orgs, CatalogError> {
        file::read(&self.path)
    }

    /// Locks the catalog, reads it afresh, lets `change` edit the list, checks the
    /// result and saves it. Nothing is written when `change` fails or changes nothing.
    pub fn update<T, E>(&self, change: impl FnOnce(&mut Orgs) -> Result<T, E>) -> Result<T, E>
    where
        E: From<CatalogError>,
    {
        file::ensure_dir(self.dir())?;
        let _lock = file::lock_exclusive(&self.path)?;
        let before = file::read(&self.path)?;
        let mut orgs = before.clone();
        let value = change(&mut orgs)?;
        if orgs != before {
            orgs.validate()?;
            let text = file::render(&orgs).map_err(|err| CatalogError::Damaged {
                path: self.path.clone(),
                detail: format!("the list could not be written as TOML: {err}"),
            })?;
            file::write_atomically(&self.path, &text)?;
        }
        Ok(value)
    }

    pub fn list(&self) -> Result<Vec<Org>, CatalogError> {
        Ok(self.load()?.into_vec())
    }

    /// The org with exactly this alias (case-sensitive), or [`CatalogError::NotFound`].
    pub fn get(&self, alias: &str) -> Result<Org, CatalogError> {
        self.load()?.require(alias).cloned()
    }

    pub fn find_by_id(&self, id: &OrgId) -> Result<Option<Org>, CatalogError> {
        Ok(self.load()?.by_id(id).cloned())
    }

    pub fn add(&self, org: Org) -> Result<(), CatalogError> {
        self.update(|orgs| orgs.add(org))
    }

    /// Changes the org called `alias` in place and returns it as saved. The change may
    /// rename it; the whole list is checked before anything is written.
    pub fn edit(&self, alias: &str, change: impl FnOnce(&mut Org)) -> Result<Org, CatalogError> {
        self.update(|orgs| {
            let org = orgs
                .get_mut(alias)
                .ok_or_else(|| CatalogError::NotFound(alias.to_owned()))?;
            change(org);
            Ok(org.clone())
        })
    }

    /// Replaces the org called `alias` by `org`, returning the one it replaced.
    pub fn replace(&self, alias: &str, org: Org) -> Result<Org, CatalogError> {
        self.update(|orgs| orgs.replace(alias, org))
    }

    /// Gives an org a new alias; its id, and so its keychain entries, stay the same.
    pub fn rename(&self, from: &str, to: &str) -> Result<Org, CatalogError> {
        self.update(|orgs| {
            orgs.rename(from, to)?;
            orgs.require(to).cloned()
        })
    }

    /// Removes the org and then its keychain entries, and returns it. The list is
    /// written first: were it the other way round, a failed write would leave an org
    /// whose secrets are gone. If the keychain then fails, the error says what is left.
    pub fn remove(&self, alias: &str, vault: &dyn Vault) -> Result<Org, CatalogError> {
        let org = self.update(|orgs| orgs.remove(alias))?;
        vault
            .delete_all(&org.id.0)
            .map_err(|source| CatalogError::SecretsLeft {
                alias: org.alias.clone(),
                id: org.id.clone(),
                source,
            })?;
        Ok(org)
    }

    /// Moves a damaged or newer file to `orgs.toml.damaged-<UTC time>` so OrgKey can
    /// start with an empty list; only ever on a person's request. Returns where the
    /// file went, or `None` when there was none.
    pub fn set_aside(&self) -> Result<Option<PathBuf>, CatalogError> {
        file::ensure_dir(self.dir())?;
        let _lock = file::lock_exclusive(&self.path)?;
        file::set_aside(&self.path)
    }

    fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }
}
