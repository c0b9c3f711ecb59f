//! The catalog against real files in temporary directories.

use std::path::Path;

use orgkey_core::catalog::{Catalog, CatalogError};
use orgkey_core::org::{Environment, Flow, KeySource, Org, OrgId, parse_host_url};
use orgkey_core::vault::{MemoryVault, SecretKind, Vault, VaultError};
use orgkey_core::{Explain, Kind, Secret};

fn org(alias: &str) -> Org {
    Org {
        id: OrgId::generate(),
        alias: alias.into(),
        label: String::new(),
        color: None,
        environment: Environment::Production,
        login_url: parse_host_url("https://login.salesforce.com").unwrap(),
        my_domain: None,
        api_version: "62.0".into(),
        session_timeout_minutes: 120,
        flow: Flow::Password {
            client_id: "3MVG9demo.password".into(),
            username: format!("{alias}@acme.demo"),
        },
    }
}

fn jwt_org(alias: &str) -> Org {
    Org {
        label: "Acme UAT".into(),
        color: Some("#1f77b4".into()),
        environment: Environment::Sandbox,
        login_url: parse_host_url("https://test.salesforce.com").unwrap(),
        my_domain: Some(parse_host_url("https://acme--uat.sandbox.my.salesforce.com").unwrap()),
        flow: Flow::JwtBearer {
            client_id: "3MVG9demo.jwt.bearer".into(),
            username: "ada@acme.demo.uat".into(),
            audience: None,
            key: KeySource::File {
                path: "/home/ada/keys/uat.key".into(),
            },
        },
        ..org(alias)
    }
}

#[test]
fn round_trip_creates_private_directory_and_file() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("nested").join("orgkey");
    let catalog = Catalog::open(&dir);
    assert!(
        catalog.list().unwrap().is_empty(),
        "no directory is an empty list"
    );

    let (a, b) = (org("prod"), jwt_org("acme-uat"));
    catalog.add(a.clone()).unwrap();
    catalog.add(b.clone()).unwrap();
    assert_eq!(catalog.list().unwrap(), vec![a.clone(), b.clone()]);
    assert_eq!(catalog.get("acme-uat").unwrap(), b);
    assert_eq!(catalog.find_by_id(&a.id).unwrap(), Some(a.clone()));
    assert!(
        matches!(catalog.get("Prod"), Err(CatalogError::NotFound(_))),
        "case-sensitive"
    );

    let text = std::fs::read_to_string(dir.join("orgs.toml")).unwrap();
    assert!(text.contains("schema = 1\n"), "{text}");
    assert!(text.contains("[[orgs]]"), "{text}");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["orgs.toml", "orgs.toml.lock"],
        "no temporary file left"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join("orgs.toml")), 0o600);
    }
}

#[test]
fn edit_rename_and_replace_keep_the_id() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(temp.path());
    let first = org("dev");
    catalog.add(first.clone()).unwrap();
    catalog.add(org("other")).unwrap();

    let renamed = catalog.rename("dev", "dev2").unwrap();
    assert_eq!(renamed.id, first.id);
    assert!(matches!(catalog.get("dev"), Err(CatalogError::NotFound(_))));

    let edited = catalog
        .edit("dev2", |o| o.label = "Dev sandbox".into())
        .unwrap();
    assert_eq!(catalog.get("dev2").unwrap(), edited);

    let replacement = Org {
        id: first.id.clone(),
        ..jwt_org("dev3")
    };
    let old = catalog.replace("dev2", replacement.clone()).unwrap();
    assert_eq!(old.label, "Dev sandbox");
    assert_eq!(catalog.list().unwrap()[0], replacement, "keeps its place");

    // Editing into a clash is caught by the check of the whole list.
    let err = catalog
        .edit("dev3", |o| o.alias = "other".into())
        .unwrap_err();
    assert!(matches!(err, CatalogError::AliasTaken(_)), "{err:?}");
    assert_eq!(catalog.get("dev3").unwrap(), replacement);
}

#[test]
fn duplicate_and_invalid_aliases_are_refused() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(temp.path());
    catalog.add(org("prod")).unwrap();
    catalog.add(org("uat")).unwrap();
    let before = std::fs::read(catalog.path()).unwrap();

    let err = catalog.add(org("prod")).unwrap_err();
    assert!(
        matches!(err, CatalogError::AliasTaken(ref a) if a == "prod"),
        "{err:?}"
    );
    assert_eq!(err.explain().kind, Kind::Input);
    assert!(matches!(
        catalog.rename("uat", "prod"),
        Err(CatalogError::AliasTaken(_))
    ));

    for bad in ["", "has space", "-x", "a/b"] {
        let err = catalog.add(org(bad)).unwrap_err();
        assert!(matches!(err, CatalogError::Invalid(_)), "{bad:?}: {err:?}");
        assert_eq!(err.explain().kind, Kind::Input);
    }
    assert!(matches!(
        catalog.rename("uat", "no way"),
        Err(CatalogError::Invalid(_))
    ));
    let bad_colour = Org {
        color: Some("red".into()),
        ..org("coloured")
    };
    assert!(matches!(
        catalog.add(bad_colour),
        Err(CatalogError::Invalid(_))
    ));
    assert!(matches!(
        catalog.rename("nope", "x"),
        Err(CatalogError::NotFound(_))
    ));

    assert_eq!(
        std::fs::read(catalog.path()).unwrap(),
        before,
        "nothing written"
    );
}

fn assert_kept_and_refused(catalog: &Catalog, original: &[u8]) {
    assert!(catalog.add(org("new")).is_err());
    assert!(catalog.update(|orgs| orgs.add(org("x"))).is_err());
    assert_eq!(
        std::fs::read(catalog.path()).unwrap(),
        original,
        "byte for byte"
    );
    let leftovers: Vec<_> = std::fs::read_dir(catalog.path().parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "orgs.toml" && n != "orgs.toml.lock")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn damaged_files_are_reported_kept_and_never_written() {
    let cases: [&[u8]; 6] = [
        b"schema = 1\n[[orgs]\nalias = \"x\"\n",
        b"schema = 1\norgs = 5\n",
        b"schema = 1\n[[orgs]]\nalias = \"only-an-alias\"\n",
        b"[[orgs]]\n",
        b"schema = \"one\"\n",
        b"\xff\xfe not text",
    ];
    for original in cases {
        let temp = tempfile::tempdir().unwrap();
        let catalog = Catalog::open(temp.path());
        std::fs::write(catalog.path(), original).unwrap();

        let err = catalog.load().unwrap_err();
        let CatalogError::Damaged { path, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(path, catalog.path());
        let explanation = err.explain();
        assert_eq!(explanation.kind, Kind::Storage);
        assert!(
            explanation
                .message
                .contains(&catalog.path().display().to_string())
        );
        assert!(explanation.fix.contains("move it aside"), "{explanation}");
        assert_kept_and_refused(&catalog, original);
    }
}

#[test]
fn duplicate_aliases_written_by_hand_are_damage() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(temp.path());
    catalog.add(org("dup")).unwrap();
    let text = std::fs::read_to_string(catalog.path()).unwrap();
    let body = text.split_once("[[orgs]]").unwrap().1;
    let doubled = format!("{text}\n[[orgs]]{}", body.replace("id = \"", "id = \"x"));
    std::fs::write(catalog.path(), &doubled).unwrap();
    let err = catalog.load().unwrap_err();
    assert!(err.to_string().contains("\"dup\" appears twice"), "{err}");
    assert_kept_and_refused(&catalog, doubled.as_bytes());
}

#[test]
fn newer_schema_is_reported_and_kept_until_set_aside() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(temp.path());
    let original = b"schema = 2\n[[orgs]]\nhandle = \"prod\"\nnew_field = true\n";
    std::fs::write(catalog.path(), original).unwrap();

    let err = catalog.list().unwrap_err();
    assert!(
        matches!(err, CatalogError::Newer { found: 2, .. }),
        "{err:?}"
    );
    let explanation = err.explain();
    assert!(
        explanation
            .message
            .contains(&catalog.path().display().to_string())
    );
    assert!(explanation.fix.contains("Update OrgKey"));
    assert_kept_and_refused(&catalog, original);

    let aside = catalog.set_aside().unwrap().unwrap();
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("orgs.toml.damaged-")
    );
    assert_eq!(std::fs::read(&aside).unwrap(), original);
    catalog.add(org("fresh")).unwrap();
    assert_eq!(catalog.list().unwrap().len(), 1);
    assert_eq!(
        catalog.set_aside().unwrap().unwrap().parent(),
        aside.parent()
    );
    assert_eq!(catalog.set_aside().unwrap(), None);
}

#[test]
fn remove_takes_the_keychain_entries_with_it() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(temp.path());
    let vault = MemoryVault::new();
    let (gone, kept) = (jwt_org("gone"), org("kept"));
    for o in [&gone, &kept] {
        catalog.add(o.clone()).unwrap();
        for kind in SecretKind::ALL {
            vault
                .set(
                    &o.id.0,
                    kind,
                    &Secret::new(format!("{}-{}", o.alias, kind.as_str())),
                )
                .unwrap();
        }
    }
    assert_eq!(catalog.remove("gone", &vault).unwrap(), gone);
    assert_eq!(catalog.list().unwrap(), vec![kept.clone()]);
    for kind in SecretKind::ALL {
        assert!(vault.get(&gone.id.0, kind).unwrap().is_none());
        assert!(vault.get(&kept.id.0, kind).unwrap().is_some());
    }
    assert!(matches!(
        catalog.remove("gone", &vault),
        Err(CatalogError::NotFound(_))
    ));
}

#[test]
fn no_secret_reaches_the_file() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(temp.path());
    let vault = MemoryVault::new();
    let secrets = [
        "S3cr3tClientValue",
        "Passw0rd!",
        "ADATOKEN42",
        "5Aep861refresh",
        "00Dx!AQ0access",
    ];
    for o in [org("a"), jwt_org("b")] {
        catalog.add(o.clone()).unwrap();
        for (kind, value) in SecretKind::ALL.iter().zip(secrets.iter().cycle()) {
            vault.set(&o.id.0, *kind, &Secret::new(*value)).unwrap();
        }
    }
    let text = std::fs::read_to_string(catalog.path()).unwrap();
    for secret in secrets {
        assert!(!text.contains(secret), "{secret} leaked into {text}");
    }
}

#[test]
fn a_failed_change_writes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(temp.path());
    catalog.add(org("a")).unwrap();
    let before = std::fs::read(catalog.path()).unwrap();
    let result: Result<(), CatalogError> = catalog.update(|orgs| {
        orgs.add(org("b"))?;
        Err(CatalogError::NotFound("stop".into()))
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read(catalog.path()).unwrap(), before);
}

/// A keychain that is locked: nothing can be deleted.
struct LockedVault;

impl Vault for LockedVault {
    fn get(&self, _: &str, _: SecretKind) -> Result<Option<Secret>, VaultError> {
        Ok(None)
    }
    fn set(&self, _: &str, _: SecretKind, _: &Secret) -> Result<(), VaultError> {
        Ok(())
    }
    fn delete(&self, _: &str, _: SecretKind) -> Result<(), VaultError> {
        Err(VaultError::Locked {
            detail: "collection is locked".into(),
        })
    }
}

#[test]
fn a_keychain_failure_on_remove_says_what_is_left() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(temp.path());
    let gone = org("gone");
    catalog.add(gone.clone()).unwrap();
    let err = catalog.remove("gone", &LockedVault).unwrap_err();
    let CatalogError::SecretsLeft { ref id, .. } = err else {
        panic!("{err:?}")
    };
    assert_eq!(id, &gone.id);
    assert!(
        catalog.list().unwrap().is_empty(),
        "the list was written first"
    );
    let explanation = err.explain();
    assert_eq!(explanation.kind, Kind::Keychain);
    assert!(
        explanation
            .message
            .contains("\"gone\" was removed from the list")
    );
    assert!(explanation.fix.contains("Unlock"), "{explanation}");
}
