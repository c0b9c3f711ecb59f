//! The commands around a token: edit, open, revoke, certificates.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Output};

use common::*;

fn run(command: &mut Command) -> Output {
    command.output().unwrap()
}

fn ok(output: Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn edit_changes_settings_and_keeps_the_rest() {
    let sim = Sim::start();
    let home = Home::new();
    ok(add_client_credentials_org(&home, &sim, "cc"));
    ok(run(home.orgkey().args([
        "org",
        "edit",
        "cc",
        "--rename",
        "acme-int",
        "--label",
        "Integration",
        "--color",
        "#aa0000",
    ])));
    let show: serde_json::Value = serde_json::from_str(&ok(run(home
        .orgkey()
        .args(["org", "show", "acme-int", "--json"]))))
    .unwrap();
    assert_eq!(show["label"], "Integration");
    assert_eq!(show["color"], "#aa0000");
    assert_eq!(show["client_id"], "3MVG9demo.client.credentials");
    // The secret stayed with the org through the rename.
    assert!(ok(run(home.orgkey().args(["token", "acme-int"]))).starts_with("00D"));
    let bad = run(home
        .orgkey()
        .args(["org", "edit", "acme-int", "--color", "red"]));
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn open_gives_a_single_use_url_and_revoke_kills_the_tokens() {
    let sim = Sim::start();
    let home = Home::new();
    ok(add_client_credentials_org(&home, &sim, "cc"));
    let token = ok(run(home.orgkey().args(["token", "cc"])));
    let url = ok(run(home.orgkey().args(["open", "cc", "--url-only"])));
    assert!(url.starts_with(&sim.base), "{url}");
    let client = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let landing = |response: reqwest::blocking::Response| {
        let logged_in = response.headers().contains_key(reqwest::header::SET_COOKIE);
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .map(|l| l.to_str().unwrap().to_owned());
        (logged_in, location.unwrap_or_default())
    };
    let (logged_in, location) = landing(client.get(url.trim()).send().unwrap());
    assert!(
        logged_in && location.contains("/lightning/"),
        "the frontdoor URL logs in: {location}"
    );
    let (logged_in, location) = landing(client.get(url.trim()).send().unwrap());
    assert!(
        !logged_in && !location.contains("/lightning/"),
        "a single-access URL works once: {location}"
    );

    // Without --url-only the URL reaches the browser through a local redirect only.
    let seen = home.path().join("redirected-to");
    let browser = home.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\ncurl -s -o /dev/null -w '%{{redirect_url}}' \"$1\" > {}\n",
            seen.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    ok(run(home
        .orgkey()
        .args(["open", "cc"])
        .env("BROWSER", &browser)));
    let redirected = wait_for_file(&seen);
    assert!(
        redirected.starts_with(&format!("{}/secur/frontdoor.jsp?otp=", sim.base)),
        "{redirected}"
    );

    ok(run(home.orgkey().args(["revoke", "cc"])));
    let rest = client
        .get(format!("{}/services/data/", sim.base))
        .bearer_auth(token.trim())
        .send()
        .unwrap();
    assert_eq!(rest.status(), 401, "the revoked token is dead");
    // Client credentials log in again alone.
    assert_ne!(ok(run(home.orgkey().args(["token", "cc"]))), token);
}

#[test]
fn cert_new_writes_a_certificate_and_a_private_key_file_or_keeps_it_in_the_keychain() {
    let home = Home::new();
    let out = home.path().join("certs");
    let key = home.path().join("jwt.key");
    let printed = ok(run(home
        .orgkey()
        .args(["cert", "new", "--cn", "orgkey-ci", "--days", "30", "--out"])
        .arg(&out)
        .arg("--key-out")
        .arg(&key)));
    assert!(printed.contains("SHA-256:"), "{printed}");
    assert!(
        printed.contains("Use digital signatures"),
        "the set-up steps are printed"
    );
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = Command::new("openssl")
        .args(["x509", "-noout", "-subject", "-in"])
        .arg(out.join("orgkey-ci.crt"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("orgkey-ci"));
    // Never overwrite a key.
    let again = run(home
        .orgkey()
        .args(["cert", "new", "--cn", "orgkey-ci", "--out"])
        .arg(&out)
        .arg("--key-out")
        .arg(&key));
    assert_eq!(again.status.code(), Some(2));

    // Into the keychain of a JWT org.
    ok(run(home
        .orgkey()
        .args([
            "org",
            "add",
            "j",
            "--flow",
            "jwt",
            "--login-url",
            "https://acme.my.salesforce.com",
        ])
        .args(["--client-id", "c", "--username", "u@acme.com"])));
    ok(run(home
        .orgkey()
        .args(["cert", "new", "--cn", "j-key", "--org", "j", "--out"])
        .arg(&out)));
    let vault = orgkey_core::vault::KeychainVault::open(home.service.clone()).unwrap();
    let show: serde_json::Value =
        serde_json::from_str(&ok(run(home.orgkey().args(["org", "show", "j", "--json"])))).unwrap();
    let stored = orgkey_core::vault::Vault::get(
        &vault,
        show["id"].as_str().unwrap(),
        orgkey_core::vault::SecretKind::PrivateKey,
    )
    .unwrap();
    assert!(
        stored
            .unwrap()
            .expose()
            .starts_with("-----BEGIN PRIVATE KEY-----")
    );
}
