//! The real keychain: these tests need a Secret Service (gnome-keyring inside
//! `dbus-run-session`, as `scripts/with-keyring` sets up) and fail loudly without one.

use orgkey_core::Secret;
use orgkey_core::vault::{KeychainVault, SecretKind, Vault};

fn vault() -> KeychainVault {
    // A service name of its own, so a test never touches a person's real entries.
    let service = format!("orgkey-test-{}", uuid::Uuid::new_v4());
    KeychainVault::open(service)
        .expect("a Secret Service must answer; run under scripts/with-keyring")
}

#[test]
fn writes_reads_overwrites_and_deletes_a_secret() {
    let vault = vault();
    let org = "org-1";
    assert!(vault.get(org, SecretKind::Password).unwrap().is_none());

    vault
        .set(org, SecretKind::Password, &Secret::new("first"))
        .unwrap();
    assert_eq!(
        vault
            .get(org, SecretKind::Password)
            .unwrap()
            .unwrap()
            .expose(),
        "first"
    );

    vault
        .set(org, SecretKind::Password, &Secret::new("second"))
        .unwrap();
    assert_eq!(
        vault
            .get(org, SecretKind::Password)
            .unwrap()
            .unwrap()
            .expose(),
        "second"
    );

    vault.delete(org, SecretKind::Password).unwrap();
    assert!(vault.get(org, SecretKind::Password).unwrap().is_none());
    // Deleting what is not there is not an error.
    vault.delete(org, SecretKind::Password).unwrap();
}

#[test]
fn kinds_and_orgs_are_kept_apart() {
    let vault = vault();
    vault
        .set("a", SecretKind::Password, &Secret::new("pw"))
        .unwrap();
    vault
        .set("a", SecretKind::SecurityToken, &Secret::new("tok"))
        .unwrap();
    vault
        .set("b", SecretKind::Password, &Secret::new("other"))
        .unwrap();

    assert_eq!(
        vault
            .get("a", SecretKind::Password)
            .unwrap()
            .unwrap()
            .expose(),
        "pw"
    );
    assert_eq!(
        vault
            .get("a", SecretKind::SecurityToken)
            .unwrap()
            .unwrap()
            .expose(),
        "tok"
    );
    assert_eq!(
        vault
            .get("b", SecretKind::Password)
            .unwrap()
            .unwrap()
            .expose(),
        "other"
    );

    vault.delete_all("a").unwrap();
    assert!(vault.get("a", SecretKind::Password).unwrap().is_none());
    assert!(vault.get("a", SecretKind::SecurityToken).unwrap().is_none());
    assert_eq!(
        vault
            .get("b", SecretKind::Password)
            .unwrap()
            .unwrap()
            .expose(),
        "other"
    );
    vault.delete_all("b").unwrap();
}

#[test]
fn a_multiline_private_key_survives_the_round_trip() {
    let vault = vault();
    let pem = "-----BEGIN PRIVATE KEY-----\nMIIB\nabc+/=\n-----END PRIVATE KEY-----\n";
    vault
        .set("k", SecretKind::PrivateKey, &Secret::new(pem))
        .unwrap();
    assert_eq!(
        vault
            .get("k", SecretKind::PrivateKey)
            .unwrap()
            .unwrap()
            .expose(),
        pem
    );
    vault.delete_all("k").unwrap();
}

#[test]
fn the_probe_finds_an_unlocked_keychain_writable() {
    vault().check_writable().unwrap();
}
