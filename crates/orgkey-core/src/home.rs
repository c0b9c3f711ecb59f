//! Where OrgKey keeps its files: `$ORGKEY_HOME`, else the platform config directory.

use std::path::PathBuf;

use directories::ProjectDirs;

use crate::explain::{Explain, Explanation, Kind};

/// The environment variable that moves OrgKey's files (used by tests and by people
/// who keep several setups apart).
pub const HOME_ENV: &str = "ORGKEY_HOME";

#[derive(Debug, thiserror::Error)]
#[error("no home directory could be found for OrgKey's files")]
pub struct NoHomeDir;

/// The directory that holds `orgs.toml`. It may not exist yet.
pub fn data_dir() -> Result<PathBuf, NoHomeDir> {
    if let Some(dir) = std::env::var_os(HOME_ENV).filter(|dir| !dir.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    ProjectDirs::from("dev", "OrgKey", "OrgKey")
        .map(|dirs| dirs.config_dir().to_path_buf())
        .ok_or(NoHomeDir)
}

impl Explain for NoHomeDir {
    fn explain(&self) -> Explanation {
        Explanation::new(
            Kind::Input,
            "OrgKey could not find a home directory to keep its list of orgs in.",
            format!("Set {HOME_ENV} to a directory OrgKey may write to, or set HOME."),
        )
    }
}
