//! §8: the device flow — start, authorization_pending, the verification page.

mod common;

use std::time::Duration;

use common::*;
use serde_json::Value;
use sfsim::Sim;

async fn start(sim: &Sim, base: &str) -> Value {
    let (status, b) = token(
        base,
        &[
            ("response_type", "device_code"),
            ("client_id", DEV),
            ("scope", "api refresh_token"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{b} (sim {})", sim.base_url());
    b
}

async fn poll(base: &str, device_code: &str) -> (u16, Value) {
    token(
        base,
        &[
            ("grant_type", "device"),
            ("code", device_code),
            ("client_id", DEV),
        ],
    )
    .await
}

/// Enters the code on the verification page, logs in and clicks `allow` or Deny.
async fn approve_on_page(base: &str, start: &Value, allow: bool) -> String {
    let b = browser();
    let uri = start["verification_uri"].as_str().unwrap();
    let page = b.get(uri).send().await.unwrap().text().await.unwrap();
    assert!(
        page.contains("<label for=\"user_code\">Code</label>")
            && page.contains(">Connect</button>")
    );
    let user_code = start["user_code"].as_str().unwrap();
    let login = b
        .post(uri)
        .form(&[("user_code", user_code)])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(login.contains(">Log In</button>"), "{login}");
    let approval = log_in(&b, base, &login, ADA, ADA_PW)
        .await
        .text()
        .await
        .unwrap();
    assert!(approval.contains(">Allow</button>"), "{approval}");
    decide(&b, base, &approval, allow)
        .await
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn start_pending_approve_token() {
    let sim = sim().await;
    let s = start(&sim, sim.base_url()).await;
    assert_eq!(s["interval"], 5);
    assert_eq!(
        s["verification_uri"],
        format!("{}/setup/connect", sim.base_url())
    );
    assert_eq!(s["user_code"].as_str().unwrap().len(), 8);
    let code = s["device_code"].as_str().unwrap();
    let r = poll(sim.base_url(), code).await;
    assert_oauth_error(&r, "authorization_pending", "authorization pending");
    let done = approve_on_page(sim.base_url(), &s, true).await;
    assert!(done.contains("Connected"), "{done}");
    let (status, b) = poll(sim.base_url(), code).await;
    assert_eq!(status, 200, "{b}");
    assert!(b["refresh_token"].as_str().unwrap().starts_with("5Aep861"));
    assert!(b.get("expires_in").is_none());
    let r = poll(sim.base_url(), code).await;
    assert_eq!(r.1["error"], "invalid_grant", "a device code is single use");
}

#[tokio::test]
async fn works_on_the_login_host_too() {
    let sim = sim().await;
    let s = start(&sim, &sim.login_url()).await;
    assert_eq!(
        s["verification_uri"],
        format!("{}/setup/connect", sim.login_url())
    );
    approve_on_page(&sim.login_url(), &s, true).await;
    assert_eq!(
        poll(&sim.login_url(), s["device_code"].as_str().unwrap())
            .await
            .0,
        200
    );
}

#[tokio::test]
async fn deny_and_expiry() {
    let sim = sim().await;
    let s = start(&sim, sim.base_url()).await;
    approve_on_page(sim.base_url(), &s, false).await;
    let r = poll(sim.base_url(), s["device_code"].as_str().unwrap()).await;
    assert_oauth_error(&r, "access_denied", "end-user denied authorization");
    let s = start(&sim, sim.base_url()).await;
    sim.switches().advance_clock(Duration::from_secs(11 * 60));
    let r = poll(sim.base_url(), s["device_code"].as_str().unwrap()).await;
    assert_oauth_error(&r, "invalid_grant", "expired authorization code");
    let b = browser();
    let uri = s["verification_uri"].as_str().unwrap();
    let page = b
        .post(uri)
        .form(&[("user_code", s["user_code"].as_str().unwrap())])
        .send()
        .await
        .unwrap();
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("invalid or has expired")
    );
}

#[tokio::test]
async fn blocked_for_apps_not_installed_or_not_enabled() {
    let sim = sim().await;
    sim.switches().set_app_installed(DEV, false);
    let r = token(
        sim.base_url(),
        &[("response_type", "device_code"), ("client_id", DEV)],
    )
    .await;
    assert_oauth_error(&r, "invalid_client", "app must be installed into org");
    let r = token(
        sim.base_url(),
        &[("response_type", "device_code"), ("client_id", PWD)],
    )
    .await;
    assert_eq!(r.0, 400);
    assert_eq!(r.1["error"], "invalid_client");
    let r = poll(sim.base_url(), "nonsense").await;
    assert_eq!(r.1["error"], "invalid_client");
    sim.switches().set_app_installed(DEV, true);
    let r = poll(sim.base_url(), "nonsense").await;
    assert_oauth_error(&r, "invalid_grant", "invalid authorization code");
}

#[tokio::test]
async fn scopes_the_app_does_not_offer_are_refused() {
    let sim = sim().await;
    let form = [
        ("response_type", "device_code"),
        ("client_id", DEV),
        ("scope", "api web"),
    ];
    let r = token(sim.base_url(), &form).await;
    assert_oauth_error(&r, "invalid_scope", "the requested scope is not allowed");
}
