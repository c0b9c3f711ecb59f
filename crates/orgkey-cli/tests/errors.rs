//! Bad input and every failure: the exit code a script can branch on, and a sentence
//! with a fix on stderr. Exit codes: 0 ok, 1 OrgKey's files, 2 usage or bad input,
//! 3 Salesforce refused, 4 network, 5 keychain.

mod common;

use std::process::{Command, Output};

use common::*;
use serde_json::Value;

fn run(command: &mut Command) -> Output {
    command.output().unwrap()
}

/// Asserts the exit code and that stderr explains with a fix, and returns stderr.
fn fails(output: Output, code: i32, phrase: &str) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(code), "stderr: {stderr}");
    assert!(stderr.contains(phrase), "expected {phrase:?} in: {stderr}");
    assert!(stderr.contains("fix:") || code == 2, "no fix in: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "stdout must stay clean on failure"
    );
    stderr
}

#[test]
fn unknown_and_duplicate_aliases() {
    let sim = Sim::start();
    let home = Home::new();
    fails(
        run(home.orgkey().args(["token", "nope"])),
        2,
        "No org has the alias \"nope\"",
    );
    assert!(
        add_password_org(&home, &sim, "dup", "Passw0rd!")
            .status
            .success()
    );
    fails(add_password_org(&home, &sim, "dup", "Passw0rd!"), 2, "dup");
    fails(
        add_password_org(&home, &sim, "bad alias", "x"),
        2,
        "cannot be an alias",
    );
}

#[test]
fn urls_must_be_https_or_loopback() {
    let home = Home::new();
    let output = run(home.orgkey().args([
        "org",
        "add",
        "x",
        "--flow",
        "web",
        "--login-url",
        "http://login.salesforce.com",
        "--client-id",
        "c",
    ]));
    fails(output, 2, "plain http is only allowed for loopback");
    assert!(
        !home.path().join("orgs.toml").exists(),
        "nothing is saved when input is bad"
    );
}

#[test]
fn missing_secrets_and_unusable_keys_are_refused_before_saving() {
    let home = Home::new();
    let cc = run(home
        .orgkey()
        .args([
            "org",
            "add",
            "cc",
            "--flow",
            "client-credentials",
            "--login-url",
            "https://acme.my.salesforce.com",
        ])
        .args(["--client-id", "c"]));
    fails(cc, 2, "client secret is needed");
    let unset = run(home
        .orgkey()
        .args([
            "org",
            "add",
            "cc",
            "--flow",
            "client-credentials",
            "--login-url",
            "https://acme.my.salesforce.com",
        ])
        .args([
            "--client-id",
            "c",
            "--client-secret-env",
            "NOT_SET_ANYWHERE",
        ]));
    fails(unset, 2, "NOT_SET_ANYWHERE");
    let jwt = |key: &std::path::Path| {
        run(home
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
            .args(["--client-id", "c", "--username", "u@x.com", "--key-file"])
            .arg(key))
    };
    fails(jwt(&home.path().join("missing.key")), 2, "cannot be read");
    let not_a_key = home.path().join("not-a-key.pem");
    std::fs::write(&not_a_key, "hello").unwrap();
    fails(jwt(&not_a_key), 2, "key");
    assert!(!home.path().join("orgs.toml").exists());
}

#[test]
fn secrets_are_never_accepted_as_arguments() {
    let output = run(Home::new().orgkey().args([
        "org",
        "add",
        "x",
        "--flow",
        "password",
        "--password",
        "hunter2",
    ]));
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn salesforce_refusal_network_failure_and_keychain_absence_have_their_exit_codes() {
    let sim = Sim::start();
    let home = Home::new();
    assert!(
        add_password_org(&home, &sim, "wrong", "not-the-password")
            .status
            .success()
    );
    fails(
        run(home.orgkey().args(["token", "wrong"])),
        3,
        "username, password or security token",
    );

    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let offline = run(Home::new()
        .orgkey()
        .args([
            "token",
            "--login-url",
            &format!("http://127.0.0.1:{closed}"),
            "--flow",
            "client-credentials",
        ])
        .args(["--client-id", "c", "--client-secret-env", "CS"])
        .env("CS", "x"));
    fails(offline, 4, "refused the connection");

    let no_keychain = run(home.orgkey().args(["token", "wrong"]).env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/orgkey-test-bus",
    ));
    fails(no_keychain, 5, "No keychain answered");
}

#[test]
fn a_damaged_catalog_is_reported_with_its_path_and_kept() {
    let home = Home::new();
    let path = home.path().join("orgs.toml");
    std::fs::write(&path, "schema = 1\n[[orgs]\nbroken").unwrap();
    let stderr = fails(
        run(home.orgkey().args(["org", "list"])),
        1,
        &path.display().to_string(),
    );
    assert!(!stderr.is_empty());
    fails(
        run(home.orgkey().args([
            "org",
            "add",
            "x",
            "--flow",
            "device",
            "--login-url",
            "https://a.my.salesforce.com",
            "--client-id",
            "c",
        ])),
        1,
        "orgs.toml",
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "schema = 1\n[[orgs]\nbroken"
    );
}

#[test]
fn list_and_show_json_schemas_and_remove_takes_the_secrets_along() {
    let sim = Sim::start();
    let home = Home::new();
    assert!(
        add_password_org(&home, &sim, "acme", "Passw0rd!")
            .status
            .success()
    );
    let list: Value =
        serde_json::from_slice(&run(home.orgkey().args(["org", "list", "--json"])).stdout).unwrap();
    let org = &list[0];
    for key in [
        "alias",
        "id",
        "label",
        "color",
        "environment",
        "flow",
        "login_url",
        "my_domain",
        "client_id",
        "username",
        "session_timeout_minutes",
    ] {
        assert!(org.get(key).is_some(), "missing {key} in {org}");
    }
    assert_eq!(org["flow"], "password");
    assert_eq!(org["environment"], "production");
    let show: Value =
        serde_json::from_slice(&run(home.orgkey().args(["org", "show", "acme", "--json"])).stdout)
            .unwrap();
    assert_eq!(&show, org);
    assert!(
        !show.to_string().contains("Passw0rd"),
        "no secret is ever shown"
    );

    assert!(run(home.orgkey().args(["token", "acme"])).status.success());
    assert!(
        run(home.orgkey().args(["org", "remove", "acme"]))
            .status
            .success()
    );
    fails(
        run(home.orgkey().args(["token", "acme"])),
        2,
        "No org has the alias",
    );
    // The keychain entries went too.
    let vault = orgkey_core::vault::KeychainVault::open(home.service.clone()).unwrap();
    let id = show["id"].as_str().unwrap();
    for kind in orgkey_core::vault::SecretKind::ALL {
        assert!(
            orgkey_core::vault::Vault::get(&vault, id, kind)
                .unwrap()
                .is_none(),
            "{kind:?} left behind"
        );
    }
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let output = run(Home::new().orgkey().args(["completions", shell]));
        assert!(output.status.success());
        assert!(String::from_utf8_lossy(&output.stdout).contains("orgkey"));
    }
}
