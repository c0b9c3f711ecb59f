//! `$BROWSER` is honoured, and a secret URL reaches it only through a local redirect.
//! One test per file: it changes this process's environment.

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use orgkey_core::flows::loopback::open_in_system_browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browser_variable_is_used_with_the_url() {
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

    a_secret_url_reaches_the_browser_through_a_local_redirect(dir.path()).await;
}

/// Part of the test above (one test per file, as both set `$BROWSER`).
async fn a_secret_url_reaches_the_browser_through_a_local_redirect(dir: &std::path::Path) {
    let seen = dir.join("location");
    let script = dir.join("curl-browser.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ncase \"$1\" in http://127.0.0.1:*/open/*) ;; *) exit 1;; esac\n\
             curl -s -o /dev/null -w '%{{redirect_url}}' \"$1\" > {}\n",
            seen.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    // SAFETY: see above.
    unsafe { std::env::set_var("BROWSER", script.display().to_string()) };
    let secret =
        orgkey_core::Secret::new("http://127.0.0.1:9/secur/frontdoor.jsp?otp=one-time-secret");
    orgkey_core::flows::loopback::open_secret_url(&secret, Duration::from_secs(20))
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_to_string(&seen).map_or(true, |text| text.is_empty())
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(std::fs::read_to_string(&seen).unwrap(), secret.expose());
}
