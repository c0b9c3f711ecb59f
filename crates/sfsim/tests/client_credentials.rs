//! §5: client credentials — My Domain only, Run As user, no refresh token.

mod common;

use common::*;

fn form(secret: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("grant_type", "client_credentials"),
        ("client_id", CC),
        ("client_secret", secret),
    ]
}

#[tokio::test]
async fn works_on_my_domain_as_the_run_as_user() {
    let sim = sim().await;
    let (status, b) = token(sim.my_domain_url().as_str(), &form(CC_SECRET)).await;
    assert_eq!(status, 200, "{b}");
    assert!(b.get("refresh_token").is_none());
    assert!(b["id"].as_str().unwrap().ends_with("/0055g00000IntUsAAZ"));
    let resp = client()
        .post(format!("{}/services/oauth2/token", sim.base_url()))
        .basic_auth(CC, Some(CC_SECRET))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "HTTP Basic works too");
}

#[tokio::test]
async fn only_on_my_domain() {
    let sim = sim().await;
    let r = token(&sim.login_url(), &form(CC_SECRET)).await;
    assert_oauth_error(&r, "invalid_grant", "request not supported on this domain");
    let sandbox = sim_with(|f| f.org.answers_as.push(sfsim::HostRole::Test)).await;
    let r = token(&sandbox.test_url(), &form(CC_SECRET)).await;
    assert_oauth_error(&r, "invalid_grant", "request not supported on this domain");
}

#[tokio::test]
async fn needs_a_run_as_user_and_the_secret() {
    let sim = sim().await;
    let r = token(sim.base_url(), &form("wrong")).await;
    assert_oauth_error(&r, "invalid_client", "invalid client credentials");
    sim.switches().update_app(CC, |a| a.run_as = None);
    let r = token(sim.base_url(), &form(CC_SECRET)).await;
    assert_oauth_error(&r, "invalid_grant", "no client credentials user enabled");
    sim.switches().update_app(CC, |a| {
        a.run_as = Some(INTEGRATION.into());
        a.client_credentials = false;
    });
    let r = token(sim.base_url(), &form(CC_SECRET)).await;
    assert_oauth_error(&r, "invalid_grant", "no client credentials user enabled");
}

#[tokio::test]
async fn rotated_secret_is_refused() {
    let sim = sim().await;
    let new = sim.switches().rotate_client_secret(CC).unwrap();
    let r = token(sim.base_url(), &form(CC_SECRET)).await;
    assert_oauth_error(&r, "invalid_client", "invalid client credentials");
    assert_eq!(token(sim.base_url(), &form(&new)).await.0, 200);
}
