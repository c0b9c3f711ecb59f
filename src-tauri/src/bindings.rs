//! Keeps `ui/src/lib/bindings/` equal to what ts-rs generates from `dto` and `error`.
//! `cargo test` fails on drift; `make bindings` (UPDATE_BINDINGS=1) rewrites them.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};

use crate::dto::AppInfo;

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings")
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ts"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&path).unwrap())
        })
        .collect()
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let generated = tempfile::tempdir().unwrap();
    let config = Config::new().with_out_dir(generated.path());
    // Every type the page sees is reachable from these roots.
    AppInfo::export_all(&config).unwrap();
    crate::error::IpcError::export_all(&config).unwrap();
    crate::dto::OrgSummary::export_all(&config).unwrap();
    crate::dto::TokenInfo::export_all(&config).unwrap();
    crate::dto::CopyFormat::export_all(&config).unwrap();
    crate::dto::DeviceCode::export_all(&config).unwrap();
    crate::dto::CertificateView::export_all(&config).unwrap();
    crate::form::OrgEditing::export_all(&config).unwrap();
    crate::form::SecretEntry::export_all(&config).unwrap();
    crate::form::FieldProblem::export_all(&config).unwrap();
    let fresh = read_dir(generated.path());

    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let dir = committed_dir();
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for (name, text) in &fresh {
            fs::write(dir.join(name), text).unwrap();
        }
        return;
    }
    assert_eq!(
        read_dir(&committed_dir()),
        fresh,
        "ui/src/lib/bindings is out of date: run `make bindings` and commit the result"
    );
}
