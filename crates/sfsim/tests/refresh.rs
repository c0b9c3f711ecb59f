//! §7: refresh tokens — policies, rotation with reuse detection, revocation cascade.

mod common;

use std::time::Duration;

use common::*;
use serde_json::Value;
use sfsim::{RefreshPolicy, Sim};

/// A full web login for `app`; returns the token answer.
async fn login(sim: &Sim, app: &str, secret: &str) -> Value {
    let (verifier, challenge) = pkce(50);
    let mut p = web_params(&challenge, "s");
    p[1].1 = app;
    let cb = web_login(sim.base_url(), &p, ADA, ADA_PW).await;
    let code = query_param(&cb, "code").unwrap();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("client_id", app),
        ("client_secret", secret),
        ("redirect_uri", CALLBACK),
        ("code_verifier", verifier.as_str()),
    ];
    let (status, b) = token(sim.base_url(), &form).await;
    assert_eq!(status, 200, "{b}");
    b
}

async fn refresh(sim: &Sim, app: &str, secret: &str, rt: &str) -> (u16, Value) {
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", rt),
        ("client_id", app),
        ("client_secret", secret),
    ];
    token(sim.base_url(), &form).await
}

fn rt(b: &Value) -> String {
    b["refresh_token"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn refresh_without_rotation_keeps_the_token() {
    let sim = sim().await;
    let first = login(&sim, WEB, WEB_SECRET).await;
    let (status, b) = refresh(&sim, WEB, WEB_SECRET, &rt(&first)).await;
    assert_eq!(status, 200, "{b}");
    assert!(
        b.get("refresh_token").is_none(),
        "no new refresh token without rotation"
    );
    assert_ne!(b["access_token"], first["access_token"]);
    assert!(b["signature"].is_string() && b["issued_at"].is_string());
    assert_eq!(refresh(&sim, WEB, WEB_SECRET, &rt(&first)).await.0, 200);
    let r = refresh(&sim, WEB, "wrong", &rt(&first)).await;
    assert_oauth_error(&r, "invalid_client", "invalid client credentials");
}

#[tokio::test]
async fn rotation_and_reuse_kills_the_family() {
    let sim = sim().await;
    let first = login(&sim, ROT, ROT_SECRET).await;
    let (_, second) = refresh(&sim, ROT, ROT_SECRET, &rt(&first)).await;
    let new_rt = rt(&second);
    assert_ne!(new_rt, rt(&first));
    let r = refresh(&sim, ROT, ROT_SECRET, &rt(&first)).await;
    assert_oauth_error(&r, "invalid_grant", "expired access/refresh token");
    // The reuse revoked the whole family, the new token and its access token included.
    let r = refresh(&sim, ROT, ROT_SECRET, &new_rt).await;
    assert_oauth_error(&r, "invalid_grant", "expired access/refresh token");
    let url = format!("{}/services/data/v65.0/", sim.base_url());
    let access = second["access_token"].as_str().unwrap();
    assert_eq!(get_bearer(&url, access).await.0, 401);
}

#[tokio::test]
async fn policies_expire_refresh_tokens() {
    let sim = sim().await;
    let s = sim.switches();
    s.update_app(WEB, |a| {
        a.refresh_policy = RefreshPolicy::ExpireAfter { secs: 3600 }
    });
    let b = login(&sim, WEB, WEB_SECRET).await;
    s.advance_clock(Duration::from_secs(1800));
    assert_eq!(refresh(&sim, WEB, WEB_SECRET, &rt(&b)).await.0, 200);
    s.advance_clock(Duration::from_secs(1801));
    let r = refresh(&sim, WEB, WEB_SECRET, &rt(&b)).await;
    assert_oauth_error(&r, "invalid_grant", "expired access/refresh token");

    s.update_app(WEB, |a| {
        a.refresh_policy = RefreshPolicy::ExpireIfUnused { secs: 3600 }
    });
    let b = login(&sim, WEB, WEB_SECRET).await;
    for _ in 0..3 {
        s.advance_clock(Duration::from_secs(3000));
        assert_eq!(
            refresh(&sim, WEB, WEB_SECRET, &rt(&b)).await.0,
            200,
            "use keeps it alive"
        );
    }
    s.advance_clock(Duration::from_secs(3601));
    let r = refresh(&sim, WEB, WEB_SECRET, &rt(&b)).await;
    assert_oauth_error(&r, "invalid_grant", "expired access/refresh token");

    s.update_app(WEB, |a| a.refresh_policy = RefreshPolicy::Immediately);
    let b = login(&sim, WEB, WEB_SECRET).await;
    let r = refresh(&sim, WEB, WEB_SECRET, &rt(&b)).await;
    assert_oauth_error(&r, "invalid_grant", "expired access/refresh token");
}

#[tokio::test]
async fn revoking_a_refresh_token_cascades() {
    let sim = sim().await;
    let b = login(&sim, WEB, WEB_SECRET).await;
    let (_, refreshed) = refresh(&sim, WEB, WEB_SECRET, &rt(&b)).await;
    let url = format!("{}/services/oauth2/revoke", sim.base_url());
    let (status, _) = post_form(&url, &[("token", &rt(&b))]).await;
    assert_eq!(status, 200);
    let r = refresh(&sim, WEB, WEB_SECRET, &rt(&b)).await;
    assert_oauth_error(&r, "invalid_grant", "expired access/refresh token");
    let data = format!("{}/services/data/v65.0/", sim.base_url());
    for access in [&b["access_token"], &refreshed["access_token"]] {
        assert_eq!(get_bearer(&data, access.as_str().unwrap()).await.0, 401);
    }
}

#[tokio::test]
async fn sandbox_refresh_and_deactivation_end_refresh() {
    let sim = sim().await;
    let b = login(&sim, WEB, WEB_SECRET).await;
    sim.switches().set_user_active(ADA, false);
    let r = refresh(&sim, WEB, WEB_SECRET, &rt(&b)).await;
    assert_oauth_error(&r, "inactive_user", "user is inactive");
    sim.switches().set_user_active(ADA, true);
    sim.switches().refresh_sandbox();
    let r = refresh(&sim, WEB, WEB_SECRET, &rt(&b)).await;
    assert_oauth_error(&r, "invalid_grant", "expired access/refresh token");
    let r = refresh(&sim, WEB, WEB_SECRET, "5Aep861unknown").await;
    assert_oauth_error(&r, "invalid_grant", "expired access/refresh token");
}

#[tokio::test]
async fn secret_optional_when_not_required() {
    let sim = sim().await;
    sim.switches().update_app(WEB, |a| a.require_secret = false);
    let b = login(&sim, WEB, WEB_SECRET).await;
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", &rt(&b)),
        ("client_id", WEB),
    ];
    assert_eq!(token(sim.base_url(), &form).await.0, 200);
}

#[tokio::test]
async fn an_issued_refresh_token_works_like_one_from_a_login() {
    let sim = sim().await;
    let issued = sim
        .switches()
        .issue_refresh_token(WEB, ADA)
        .expect("a known app and user");
    let (status, b) = refresh(&sim, WEB, WEB_SECRET, &issued).await;
    assert_eq!(status, 200, "{b}");
    assert!(b["access_token"].as_str().unwrap().starts_with("00D"));
    assert!(sim.switches().issue_refresh_token("nope", ADA).is_none());
    assert!(
        sim.switches()
            .issue_refresh_token(WEB, "nobody@acme.demo")
            .is_none()
    );
    sim.switches().refresh_sandbox();
    assert_eq!(refresh(&sim, WEB, WEB_SECRET, &issued).await.0, 400);
}
