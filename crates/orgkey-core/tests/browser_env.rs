//! `$BROWSER` is honoured. One test per file: it changes this process's environment.

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use orgkey_core::flows::loopback::open_in_system_browser;

#[test]
fn the_browser_variable_is_used_with_the_url() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("opened");
    let script = dir.path().join("browser.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > {}\n", out.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    // SAFETY: the only test in this binary; nothing else reads the environment meanwhile.
    unsafe {
        std::env::set_var(
            "BROWSER",
            format!("/nonexistent/browser:{}", script.display()),
        )
    };

    let url = url::Url::parse("http://127.0.0.1:9/services/oauth2/authorize?client_id=x&state=y")
        .unwrap();
    open_in_system_browser(&url).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !out.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(std::fs::read_to_string(&out).unwrap(), url.as_str());
}
