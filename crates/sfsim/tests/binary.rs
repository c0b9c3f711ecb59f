//! The `sfsim` binary: first stdout line, demo fixtures, plain and TLS, redacted logs.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};

use common::*;

struct Running(Child);
impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(extra: &[&str]) -> (Running, String) {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo.toml");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sfsim"))
        .args(["--port", "0", "--fixtures", fixtures])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sfsim starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (Running(child), line.trim().to_string())
}

#[tokio::test]
async fn plain_http_password_grant_and_redacted_log() {
    let (mut running, line) = spawn(&[]);
    let url = line.strip_prefix("listening on ").expect(&line).to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    let secret_pw = format!("{ADA_PW}{ADA_TOKEN}");
    let (status, b) = token(&url, &password_form(ADA, &secret_pw)).await;
    assert_eq!(status, 200, "{b}");
    assert!(b["access_token"].as_str().unwrap().starts_with("00D"));
    let access = b["access_token"].as_str().unwrap().to_string();
    let q = url::form_urlencoded::byte_serialize(access.as_bytes()).collect::<String>();
    client()
        .get(format!("{url}/id/{ORG_ID}/{ADA_ID}?oauth_token={q}"))
        .send()
        .await
        .unwrap();
    let mut child = std::mem::replace(&mut running.0, Command::new("true").spawn().unwrap());
    child.kill().unwrap();
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    child.wait().unwrap();
    assert!(log.contains("POST /services/oauth2/token 200"), "{log}");
    assert!(log.contains("oauth_token=[redacted]"), "{log}");
    for secret in [secret_pw.as_str(), PWD_SECRET, access.as_str()] {
        assert!(!log.contains(secret), "log leaks a secret: {log}");
    }
}

#[tokio::test]
async fn tls() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let (cert, key) = (format!("{data}/tls.crt"), format!("{data}/tls.key"));
    let (_running, line) = spawn(&["--tls-cert", &cert, "--tls-key", &key]);
    let url = line.strip_prefix("listening on ").expect(&line).to_string();
    assert!(url.starts_with("https://127.0.0.1:"), "{line}");
    let https = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .unwrap();
    let secret_pw = format!("{ADA_PW}{ADA_TOKEN}");
    let resp = https
        .post(format!("{url}/services/oauth2/token"))
        .form(&password_form(ADA, &secret_pw))
        .send()
        .await
        .unwrap();
    let (status, b) = body(resp).await;
    assert_eq!(status, 200, "{b}");
    assert!(b["instance_url"].as_str().unwrap().starts_with("https://"));
}

#[test]
fn bad_fixtures_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "[org]\nid = \"001nope\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sfsim"))
        .args(["--port", "0", "--fixtures", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("org id"));
}
