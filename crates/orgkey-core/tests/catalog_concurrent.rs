//! Several writers at once, threads and whole processes: no update may be lost, and
//! no reader may see half a file.

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use orgkey_core::catalog::Catalog;
use orgkey_core::org::{Environment, Flow, Org, OrgId, parse_host_url};

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

const CHILD_DIR: &str = "ORGKEY_TEST_CATALOG_CHILD_DIR";
const CHILD_PREFIX: &str = "ORGKEY_TEST_CATALOG_CHILD_PREFIX";
const PER_WRITER: usize = 15;

fn add_many(catalog: &Catalog, prefix: &str) {
    for i in 0..PER_WRITER {
        catalog.add(org(&format!("{prefix}-{i}"))).unwrap();
    }
}

/// Not a test on its own: the body of each writer process that
/// `concurrent_processes_lose_no_update` starts.
#[test]
fn child_writer() {
    if let (Ok(dir), Ok(prefix)) = (std::env::var(CHILD_DIR), std::env::var(CHILD_PREFIX)) {
        add_many(&Catalog::open(dir), &prefix);
    }
}

#[test]
fn concurrent_processes_lose_no_update() {
    let temp = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..4)
        .map(|p| {
            Command::new(&exe)
                .args(["child_writer", "--exact", "--test-threads=1", "--quiet"])
                .env(CHILD_DIR, temp.path())
                .env(CHILD_PREFIX, format!("proc{p}"))
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let orgs = Catalog::open(temp.path()).list().unwrap();
    assert_eq!(orgs.len(), 4 * PER_WRITER);
    for p in 0..4 {
        for i in 0..PER_WRITER {
            let alias = format!("proc{p}-{i}");
            assert!(orgs.iter().any(|o| o.alias == alias), "{alias} was lost");
        }
    }
}

#[test]
fn concurrent_threads_lose_no_update_and_readers_never_see_half_a_file() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(temp.path());
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (catalog, done) = (catalog.clone(), done.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !done.load(Ordering::Relaxed) {
                catalog.load().unwrap();
                reads += 1;
            }
            reads
        })
    };
    let writers: Vec<_> = (0..4)
        .map(|t| {
            let catalog = catalog.clone();
            std::thread::spawn(move || add_many(&catalog, &format!("thread{t}")))
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    done.store(true, Ordering::Relaxed);
    assert!(reader.join().unwrap() > 0);
    assert_eq!(catalog.list().unwrap().len(), 4 * PER_WRITER);
}
