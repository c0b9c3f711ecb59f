//! `orgs.toml` on disk: reading it strictly, replacing it atomically, and the lock
//! file that lets the CLI and the app take turns writing it.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use serde::{Deserialize, Serialize};

use super::{CatalogError, Orgs};
use crate::org::Org;

/// The schema this OrgKey reads and writes. A file with a higher one is left alone.
pub const SCHEMA_VERSION: i64 = 1;

const HEADER: &str = "# OrgKey's list of orgs. It never holds a secret: those stay in the keychain.\n\
                      # OrgKey rewrites this file; comments you add here are not kept.\n\n";

#[derive(Serialize)]
struct FileOut<'a> {
    schema: i64,
    orgs: &'a [Org],
}

#[derive(Deserialize)]
struct FileIn {
    #[serde(default)]
    orgs: Vec<Org>,
}

/// Reads the list; a missing file is an empty list.
pub fn read(path: &Path) -> Result<Orgs, CatalogError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Orgs::default()),
        Err(err) => return Err(CatalogError::io("read", path, err)),
    };
    let damaged = |detail: String| CatalogError::Damaged {
        path: path.to_owned(),
        detail,
    };
    let text = String::from_utf8(bytes).map_err(|_| damaged("it is not UTF-8 text".into()))?;
    if text.trim().is_empty() {
        return Ok(Orgs::default());
    }
    // The version is checked on its own first: a newer file may not parse as ours at
    // all, and "update OrgKey" is then the right advice, not "the file is damaged".
    let table: toml::Table = toml::from_str(&text).map_err(|err| damaged(describe(&err, &text)))?;
    match table.get("schema") {
        Some(toml::Value::Integer(SCHEMA_VERSION)) => {}
        Some(toml::Value::Integer(found)) if *found > SCHEMA_VERSION => {
            return Err(CatalogError::Newer {
                path: path.to_owned(),
                found: *found,
            });
        }
        Some(_) => return Err(damaged("its `schema` is not a version OrgKey knows".into())),
        None => return Err(damaged("it has no `schema = 1` line".into())),
    }
    let file: FileIn = toml::from_str(&text).map_err(|err| damaged(describe(&err, &text)))?;
    let orgs = Orgs::new(file.orgs);
    orgs.validate().map_err(|err| {
        damaged(match err {
            CatalogError::AliasTaken(alias) => format!("the alias {alias:?} appears twice"),
            CatalogError::IdTaken(id) => format!("the id {id} appears twice"),
            other => other.to_string(),
        })
    })?;
    Ok(orgs)
}

fn describe(err: &toml::de::Error, text: &str) -> String {
    let message = err.message().trim_end();
    match err.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message.to_owned(),
    }
}

pub fn render(orgs: &Orgs) -> Result<String, toml::ser::Error> {
    let body = toml::to_string(&FileOut {
        schema: SCHEMA_VERSION,
        orgs: orgs.as_slice(),
    })?;
    Ok(format!("{HEADER}{body}"))
}

/// Replaces the file in one step: readers see the old list or the new one, never a
/// mix, and a crash leaves one of the two on disk.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), CatalogError> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = parent(path);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("orgs.toml");
    let temp = dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        // A leftover of a crashed run with the same pid would make create_new fail.
        let _ = fs::remove_file(&temp);
        let mut file = private_file(OpenOptions::new().write(true).create_new(true))
            .open(&temp)
            .map_err(|err| CatalogError::io("create", &temp, err))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|err| CatalogError::io("write", &temp, err))?;
        drop(file);
        fs::rename(&temp, path).map_err(|err| CatalogError::io("replace", path, err))?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Takes the exclusive lock on `<file>.lock`; it is released when the handle drops,
/// also when the process dies, so a crash never leaves the catalog locked.
pub fn lock_exclusive(path: &Path) -> Result<File, CatalogError> {
    let lock_path = lock_path(path);
    let file = private_file(OpenOptions::new().read(true).write(true).create(true))
        .truncate(false)
        .open(&lock_path)
        .map_err(|err| CatalogError::io("open the lock file", &lock_path, err))?;
    file.lock()
        .map_err(|err| CatalogError::io("lock", &lock_path, err))?;
    Ok(file)
}

pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    path.with_file_name(name)
}

/// Creates the directory, readable by its owner only, if it is missing.
pub fn ensure_dir(dir: &Path) -> Result<(), CatalogError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|err| CatalogError::io("create the directory", dir, err))
}

/// Renames the file to `<file>.damaged-<UTC time>` and returns the new path; `None`
/// when there was no file.
pub fn set_aside(path: &Path) -> Result<Option<PathBuf>, CatalogError> {
    if fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let now = time::OffsetDateTime::now_utc();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let target = (1..)
        .map(|n| match n {
            1 => path.with_file_name(format!("{name}.damaged-{stamp}")),
            n => path.with_file_name(format!("{name}.damaged-{stamp}-{n}")),
        })
        .find(|candidate| fs::symlink_metadata(candidate).is_err())
        .unwrap_or_else(|| path.with_file_name(format!("{name}.damaged")));
    fs::rename(path, &target).map_err(|err| CatalogError::io("move aside", path, err))?;
    sync_dir(parent(path))?;
    Ok(Some(target))
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn private_file(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, 0o600);
    options
}

/// Makes the rename itself durable. Windows has no directory handle to flush; its
/// rename is journalled by NTFS.
fn sync_dir(dir: &Path) -> Result<(), CatalogError> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|err| CatalogError::io("flush the directory", dir, err))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
