//! The fixtures file: the shipped demo, `certificate_file`, validation; log redaction.

use sfsim::{Fixtures, HostRole, RefreshPolicy};

#[test]
fn demo_has_an_app_per_flow() {
    let f = Fixtures::demo();
    assert!(f.org.id.starts_with("00D"));
    assert_eq!(f.org.answers_as, vec![HostRole::Login, HostRole::MyDomain]);
    assert!(f.apps.iter().any(|a| a.require_pkce));
    assert!(f.apps.iter().any(|a| a.rotate_refresh_tokens));
    assert!(
        f.apps
            .iter()
            .any(|a| a.certificate.as_deref() == Some(sfsim::DEMO_JWT_CERT_PEM))
    );
    assert!(
        f.apps
            .iter()
            .any(|a| a.client_credentials && a.run_as.is_some())
    );
    assert!(f.apps.iter().any(|a| a.device_flow));
    assert!(f.apps.iter().any(|a| a.external));
    assert!(f.users.len() >= 3);
}

#[test]
fn load_reads_certificate_files_beside_the_fixtures() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo.toml");
    let f = Fixtures::load(std::path::Path::new(path)).unwrap();
    let jwt = f
        .apps
        .iter()
        .find(|a| a.client_id == "3MVG9demo.jwt.bearer")
        .unwrap();
    assert!(
        jwt.certificate
            .as_deref()
            .unwrap()
            .contains("BEGIN CERTIFICATE")
    );
    assert!(jwt.certificate_file.is_none());
}

#[test]
fn policies_and_validation() {
    let f = Fixtures::from_toml(
        r#"
        [org]
        id = "00D000000000001AAA"
        [[apps]]
        client_id = "x"
        refresh_policy = { kind = "expire_if_unused", secs = 60 }
        "#,
    )
    .unwrap();
    assert_eq!(
        f.apps[0].refresh_policy,
        RefreshPolicy::ExpireIfUnused { secs: 60 }
    );
    assert!(Fixtures::from_toml("[org]\nid = \"00D1\"\n").is_err());
    assert!(Fixtures::from_toml("[org]\nid = \"00D000000000001AAA\"\nbogus = 1\n").is_err());
    let bad_user =
        "[org]\nid = \"00D000000000001AAA\"\n[[users]]\nusername = \"u\"\nid = \"001\"\n";
    assert!(Fixtures::from_toml(bad_user).is_err());
}

#[test]
fn debug_never_prints_secrets() {
    let f = Fixtures::demo();
    let text = format!("{f:?}");
    assert!(
        !text.contains("Passw0rd!") && !text.contains("WEBSECRET0001"),
        "{text}"
    );
}

#[test]
fn log_lines_redact_secrets() {
    let line = sfsim::log::line(
        "GET",
        "/id/x",
        Some("oauth_token=00D!abc&format=json&code=aPrx%3D%3D"),
        200,
        1,
    );
    assert_eq!(
        line,
        "sfsim: GET /id/x?oauth_token=[redacted]&format=json&code=[redacted] 200 1ms"
    );
}

#[test]
fn the_handles_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<sfsim::Sim>();
    send_sync::<sfsim::Switches>();
    send_sync::<sfsim::Clock>();
}
