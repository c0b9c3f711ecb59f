//! A locked keychain: exit 5 with the explanation. It runs in a keyring session of its
//! own (a nested scripts/with-keyring), because locking the shared one would break the
//! tests running beside it.

use std::process::Command;

#[test]
fn a_locked_keychain_is_explained_with_exit_code_5() {
    let orgkey = assert_cmd::cargo::cargo_bin("orgkey");
    let with_keyring = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/with-keyring");
    let home = tempfile::tempdir().unwrap();
    let script = r#"
        set -e
        "$ORGKEY" org add cc --flow client-credentials --login-url https://acme.my.salesforce.com \
            --client-id c --client-secret-env CS 2>/dev/null
        dbus-send --session --dest=org.freedesktop.secrets --print-reply /org/freedesktop/secrets \
            org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
        set +e
        "$ORGKEY" token cc
        echo "exit=$?" >&2
    "#;
    let output = Command::new(with_keyring)
        .args(["bash", "-c", script])
        .env_remove("ORGKEY_IN_KEYRING_SESSION")
        .env_remove("DISPLAY")
        .env("ORGKEY", &orgkey)
        .env("ORGKEY_HOME", home.path())
        .env("ORGKEY_KEYCHAIN_SERVICE", "orgkey-locked-test")
        .env("CS", "not-a-real-secret")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("exit=5"), "{stderr}");
    assert!(stderr.contains("The keychain is locked"), "{stderr}");
    assert!(output.stdout.is_empty());
}
