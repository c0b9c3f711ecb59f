//! Every flow end to end through the `orgkey` binary, against the sfsim binary and the
//! real keychain.

mod common;

use std::process::{Command, Output, Stdio};

use common::*;
use serde_json::Value;

fn ok(output: Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn run(command: &mut Command) -> Output {
    command.output().unwrap()
}

#[test]
fn password_org_token_is_cached_refreshed_verified_and_printed_alone() {
    let sim = Sim::start();
    let home = Home::new();
    ok(add_password_org(&home, &sim, "pw", "Passw0rd!"));

    let first = ok(run(home.orgkey().args(["token", "pw"])));
    assert!(first.starts_with("00D5g000004Xyz1!"), "{first}");
    assert_eq!(
        first.lines().count(),
        1,
        "stdout holds the token and nothing else"
    );
    assert_eq!(
        ok(run(home.orgkey().args(["token", "pw"]))),
        first,
        "the cached token is reused"
    );
    let renewed = ok(run(home.orgkey().args([
        "token",
        "pw",
        "--refresh",
        "--verify",
    ])));
    assert_ne!(renewed, first);

    let json: Value =
        serde_json::from_str(&ok(run(home.orgkey().args(["token", "pw", "--json"])))).unwrap();
    assert_eq!(json["alias"], "pw");
    assert_eq!(json["access_token"].as_str().unwrap(), renewed.trim());
    assert_eq!(json["instance_url"], sim.base.as_str());
    assert_eq!(json["org_id"], "00D5g000004Xyz1EAC");
    assert!(json["user_id"].as_str().unwrap().starts_with("005"));
    assert!(json["issued_at"].as_i64().unwrap() > 1_700_000_000_000);

    // A password given with the token appended works too, as Salesforce joins them.
    let home2 = Home::new();
    ok(home2
        .orgkey()
        .args([
            "org",
            "add",
            "pw2",
            "--flow",
            "password",
            "--login-url",
            &sim.base,
        ])
        .args([
            "--client-id",
            "3MVG9demo.password",
            "--username",
            "ada@acme.demo",
        ])
        .args(["--client-secret-env", "CS", "--password-stdin"])
        .env("CS", "PWDSECRET0003")
        .stdin(Stdio::piped())
        .spawn()
        .map(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"Passw0rd!ADATOKEN42\n")
                .unwrap();
            child.wait_with_output().unwrap()
        })
        .unwrap());
    assert!(ok(run(home2.orgkey().args(["token", "pw2"]))).starts_with("00D"));
}

#[test]
fn jwt_org_with_a_key_file_and_stateless_jwt_for_pipelines() {
    let sim = Sim::start();
    let home = Home::new();
    let key = demo_key_path();
    ok(run(home
        .orgkey()
        .args([
            "org",
            "add",
            "jwt",
            "--flow",
            "jwt",
            "--login-url",
            &sim.base,
        ])
        .args([
            "--client-id",
            "3MVG9demo.jwt.bearer",
            "--username",
            "ada@acme.demo",
        ])
        .arg("--key-file")
        .arg(&key)));
    assert!(ok(run(home.orgkey().args(["token", "jwt"]))).starts_with("00D"));

    // Stateless: nothing in the catalog, nothing in the keychain.
    let empty = Home::new();
    let token = ok(run(empty
        .orgkey()
        .args(["token", "--login-url", &sim.base, "--flow", "jwt"])
        .args([
            "--client-id",
            "3MVG9demo.jwt.bearer",
            "--username",
            "ada@acme.demo",
            "--key-env",
            "KEY",
        ])
        .env("KEY", std::fs::read_to_string(&key).unwrap())));
    assert!(token.starts_with("00D"));
    assert!(
        !empty.path().join("orgs.toml").exists(),
        "stateless mode wrote the catalog"
    );
}

#[test]
fn client_credentials_org_and_its_my_domain_rule() {
    let sim = Sim::start();
    let home = Home::new();
    ok(add_client_credentials_org(&home, &sim, "cc"));
    assert!(ok(run(home.orgkey().args(["token", "cc"]))).starts_with("00D"));

    // On the login host Salesforce refuses: exit 3 with the explanation.
    let refused = run(Home::new()
        .orgkey()
        .args([
            "token",
            "--login-url",
            &sim.login_url(),
            "--flow",
            "client-credentials",
        ])
        .args([
            "--client-id",
            "3MVG9demo.client.credentials",
            "--client-secret-env",
            "CS",
        ])
        .env("CS", "CCSECRET0005"));
    assert_eq!(refused.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("only on the org's My Domain"), "{stderr}");
}

#[test]
fn web_login_through_the_browser_variable_then_export_and_import() {
    let sim = Sim::start();
    let home = Home::new();
    ok(run(home
        .orgkey()
        .args([
            "org",
            "add",
            "web",
            "--flow",
            "web",
            "--login-url",
            &sim.base,
        ])
        .args([
            "--client-id",
            "3MVG9demo.web.server.flow",
            "--client-secret-env",
            "CS",
        ])
        .env("CS", "WEBSECRET0001")));

    // $BROWSER writes the authorize URL to a file; this test is the person at it.
    let opened = home.path().join("opened-url");
    let browser = home.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > {}\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let login = home
        .orgkey()
        .args(["login", "web"])
        .env("BROWSER", &browser)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let url = wait_for_file(&opened);
    assert!(url.contains("code_challenge="), "{url}");
    let last_page = Person::ada().walk(&url, None);
    assert!(last_page.contains("You may close this tab"), "{last_page}");
    ok(login.wait_with_output().unwrap());
    assert!(ok(run(home.orgkey().args(["token", "web", "--refresh"]))).starts_with("00D"));

    let sfdx_url = ok(run(home.orgkey().args(["export", "web", "--sfdx-url"])));
    assert!(
        sfdx_url.starts_with("force://3MVG9demo.web.server.flow:WEBSECRET0001:"),
        "{sfdx_url}"
    );
    let other = Home::new();
    let mut import = other
        .orgkey()
        .args(["import", "--sfdx-url", "-", "--alias", "copy"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        import
            .stdin
            .take()
            .unwrap()
            .write_all(sfdx_url.as_bytes())
            .unwrap();
    }
    ok(import.wait_with_output().unwrap());
    assert!(ok(run(other.orgkey().args(["token", "copy"]))).starts_with("00D"));
}

#[test]
fn device_login_prints_a_code_and_waits_for_the_approval() {
    let sim = Sim::start();
    let home = Home::new();
    ok(run(home
        .orgkey()
        .args([
            "org",
            "add",
            "dev",
            "--flow",
            "device",
            "--login-url",
            &sim.base,
            "--client-id",
            "3MVG9demo.device",
        ])
        .args(["--scopes", "api refresh_token"])));
    let mut login = home
        .orgkey()
        .args(["login", "dev"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = login.stderr.take().unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stderr));
    let mut verification = None;
    let mut code = None;
    while verification.is_none() || code.is_none() {
        let line = lines.next().expect("the login printed its code").unwrap();
        if let Some(url) = line.strip_prefix("On any device, open ") {
            verification = Some(url.to_owned());
        }
        if let Some(shown) = line.strip_prefix("and enter the code:") {
            code = Some(shown.trim().to_owned());
        }
    }
    Person::ada().walk(&verification.unwrap(), code.as_deref());
    assert!(login.wait().unwrap().success());
    assert!(ok(run(home.orgkey().args(["token", "dev"]))).starts_with("00D"));
}
