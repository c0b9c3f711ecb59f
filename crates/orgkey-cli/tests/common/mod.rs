//! For the CLI tests: the sfsim binary on a free port, a fresh OrgKey home and keychain
//! service per test, and a "person" who fills sfsim's pages over HTTP.
//! The keychain is the real one: run under scripts/with-keyring (as `make test` does).

#![allow(dead_code)] // each test file uses a different part

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use reqwest::blocking::Client;

pub const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../sfsim/fixtures/demo.toml");
pub const DEMO_KEY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../sfsim/fixtures/demo-jwt.key"
);

/// The sfsim binary, stopped when dropped.
pub struct Sim {
    child: Child,
    pub base: String,
}

impl Sim {
    pub fn start() -> Sim {
        // Built beside this test's binary by `cargo test --workspace`.
        let exe = std::env::current_exe().unwrap();
        let sfsim = exe.parent().unwrap().parent().unwrap().join("sfsim");
        assert!(
            sfsim.exists(),
            "{} is missing: run `cargo build -p sfsim` (make test does)",
            sfsim.display()
        );
        let mut child = Command::new(sfsim)
            .args(["--port", "0", "--quiet", "--fixtures", DEMO])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .expect("sfsim's first line")
            .to_owned();
        Sim { child, base }
    }

    pub fn login_url(&self) -> String {
        format!("{}/__login", self.base)
    }

    /// Calls sfsim's admin API.
    pub fn admin(&self, method: reqwest::Method, path: &str, body: Option<serde_json::Value>) {
        let mut request = Client::new().request(method, format!("{}/__sfsim/{path}", self.base));
        if let Some(body) = body {
            request = request.json(&body);
        }
        assert!(
            request.send().unwrap().status().is_success(),
            "admin call {path} failed"
        );
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An OrgKey home and keychain service of the test's own.
pub struct Home {
    pub dir: tempfile::TempDir,
    pub service: String,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
            service: format!("orgkey-cli-test-{}", uuid::Uuid::new_v4()),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `orgkey` with this home, no terminal, and only the environment given here.
    pub fn orgkey(&self) -> Command {
        let mut command = Command::cargo_bin("orgkey").unwrap();
        command
            .env("ORGKEY_HOME", self.dir.path())
            .env("ORGKEY_KEYCHAIN_SERVICE", &self.service)
            .env_remove("BROWSER")
            .stdin(Stdio::null());
        command
    }
}

/// Adds org `alias` with the demo password app as ada, with `password`.
pub fn add_password_org(
    home: &Home,
    sim: &Sim,
    alias: &str,
    password: &str,
) -> std::process::Output {
    home.orgkey()
        .args([
            "org",
            "add",
            alias,
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
        .args([
            "--client-secret-env",
            "CS",
            "--password-env",
            "PW",
            "--security-token-env",
            "TOK",
        ])
        .env("CS", "PWDSECRET0003")
        .env("PW", password)
        .env("TOK", "ADATOKEN42")
        .output()
        .unwrap()
}

/// Adds org `alias` with the demo client-credentials app.
pub fn add_client_credentials_org(home: &Home, sim: &Sim, alias: &str) -> std::process::Output {
    home.orgkey()
        .args([
            "org",
            "add",
            alias,
            "--flow",
            "client-credentials",
            "--login-url",
            &sim.base,
        ])
        .args([
            "--client-id",
            "3MVG9demo.client.credentials",
            "--client-secret-env",
            "CS",
        ])
        .env("CS", "CCSECRET0005")
        .output()
        .unwrap()
}

pub fn demo_key_path() -> PathBuf {
    PathBuf::from(DEMO_KEY)
}

/// sfsim's person at a browser, for these blocking tests.
pub struct Person(sfsim::person::Person);

impl Person {
    pub fn ada() -> Person {
        Person(sfsim::person::Person::ada())
    }

    /// Follows pages from `start`, filling the login, approval and device forms, and
    /// follows every redirect (the last one reaching the CLI's loopback callback).
    /// Returns the last page's text.
    pub fn walk(&self, start: &str, user_code: Option<&str>) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(self.0.walk(start, user_code)).text
    }
}

/// Waits up to 20 s for a file to appear and have content.
pub fn wait_for_file(path: &Path) -> String {
    for _ in 0..400 {
        if let Ok(text) = std::fs::read_to_string(path)
            && !text.is_empty()
        {
            return text;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("{} never appeared", path.display());
}
