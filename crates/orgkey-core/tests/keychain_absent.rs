//! With no Secret Service on the bus, opening the keychain fails with an explanation
//! and no fallback. One test per file: it changes this process's environment.

use orgkey_core::explain::{Explain, Kind};
use orgkey_core::vault::{KeychainVault, VaultError};

#[test]
fn no_secret_service_is_explained_not_papered_over() {
    let missing = std::env::temp_dir().join(format!("orgkey-no-bus-{}", std::process::id()));
    // SAFETY: this test binary holds this single test, so no other thread reads the
    // environment while it changes.
    unsafe {
        std::env::set_var(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", missing.display()),
        );
    }
    let error = match KeychainVault::open("orgkey-test-absent") {
        Ok(_) => panic!("opening the keychain with no D-Bus session must fail"),
        Err(error) => error,
    };
    assert!(matches!(error, VaultError::Unavailable { .. }), "{error:?}");
    let explanation = error.explain();
    assert_eq!(explanation.kind, Kind::Keychain);
    assert!(explanation.message.contains("No keychain answered"));
    assert!(explanation.fix.contains("dbus-run-session"));
}
