//! §4: JWT bearer — signature against the uploaded certificate, audiences, exp, jti.

mod common;

use common::*;
use jsonwebtoken::{Algorithm, Header};
use serde_json::json;

#[tokio::test]
async fn production_audiences() {
    let sim = sim().await;
    let auds = [
        "https://login.salesforce.com".to_string(),
        "https://login.salesforce.com/".to_string(),
        "https://acme-demo.my.salesforce.com".to_string(),
        sim.my_domain_url(),
        format!("{}/", sim.instance_url()),
        sim.login_url(),
    ];
    for aud in auds {
        let (status, b) = jwt_token(sim.base_url(), &sign(&jwt_claims(&aud, ADA))).await;
        assert_eq!(status, 200, "aud {aud}: {b}");
        assert!(b.get("refresh_token").is_none());
        assert!(b["access_token"].as_str().unwrap().starts_with("00D"));
    }
    for aud in ["https://test.salesforce.com", "https://example.com", ""] {
        let r = jwt_token(sim.base_url(), &sign(&jwt_claims(aud, ADA))).await;
        assert_oauth_error(&r, "invalid_grant", "audience is invalid");
    }
}

#[tokio::test]
async fn sandbox_audiences() {
    let sim = sim_with(|f| {
        f.org.sandbox = true;
        f.org.answers_as = vec![sfsim::HostRole::Test, sfsim::HostRole::MyDomain];
    })
    .await;
    let ok = jwt_token(
        &sim.test_url(),
        &sign(&jwt_claims("https://test.salesforce.com", ADA)),
    )
    .await;
    assert_eq!(ok.0, 200, "{}", ok.1);
    let r = jwt_token(
        sim.base_url(),
        &sign(&jwt_claims("https://login.salesforce.com", ADA)),
    )
    .await;
    assert_oauth_error(&r, "invalid_grant", "audience is invalid");
    let r = jwt_token(
        &sim.login_url(),
        &sign(&jwt_claims("https://test.salesforce.com", ADA)),
    )
    .await;
    assert_oauth_error(&r, "invalid_client_id", "client identifier invalid");
}

#[tokio::test]
async fn exp_rules() {
    let sim = sim().await;
    let mut claims = jwt_claims("https://login.salesforce.com", ADA);
    let exp = claims["exp"].as_u64().unwrap();
    claims["exp"] = json!(exp * 1000);
    assert_eq!(
        jwt_token(sim.base_url(), &sign(&claims)).await.0,
        200,
        "exp in ms tolerated"
    );
    claims["exp"] = json!(exp - 600);
    let r = jwt_token(sim.base_url(), &sign(&claims)).await;
    assert_oauth_error(&r, "invalid_grant", "expired authorization code");
    let claims = jwt_claims("https://login.salesforce.com", ADA);
    sim.switches()
        .advance_clock(std::time::Duration::from_secs(600));
    let r = jwt_token(sim.base_url(), &sign(&claims)).await;
    assert_oauth_error(&r, "invalid_grant", "expired authorization code");
}

#[tokio::test]
async fn typ_header_and_jti_replay() {
    let sim = sim().await;
    let mut header = Header::new(Algorithm::RS256);
    header.typ = Some("JWT".into());
    let mut claims = jwt_claims("https://login.salesforce.com", ADA);
    claims["jti"] = json!("once-only-1");
    let assertion = sign_with(sfsim::DEMO_JWT_KEY_PEM, header, &claims);
    assert_eq!(jwt_token(sim.base_url(), &assertion).await.0, 200);
    let r = jwt_token(sim.base_url(), &assertion).await;
    assert_oauth_error(&r, "invalid_request", "jti already in use");
}

#[tokio::test]
async fn wrong_key_or_algorithm_is_an_invalid_assertion() {
    let sim = sim().await;
    let claims = jwt_claims("https://login.salesforce.com", ADA);
    let other = include_str!("data/other-jwt.key");
    let r = jwt_token(
        sim.base_url(),
        &sign_with(other, Header::new(Algorithm::RS256), &claims),
    )
    .await;
    assert_oauth_error(&r, "invalid_grant", "invalid assertion");
    let hs = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(b"secret").unwrap(),
    )
    .unwrap();
    let r = jwt_token(sim.base_url(), &hs).await;
    assert_oauth_error(&r, "invalid_grant", "invalid assertion");
    let r = jwt_token(sim.base_url(), "not.a.jwt").await;
    assert_oauth_error(&r, "invalid_grant", "invalid assertion");
    sim.switches().update_app(JWT, |a| a.certificate = None);
    let r = jwt_token(sim.base_url(), &sign(&claims)).await;
    assert_oauth_error(&r, "invalid_grant", "invalid assertion");
}

#[tokio::test]
async fn user_must_be_pre_authorised() {
    let sim = sim().await;
    let r = jwt_token(
        sim.base_url(),
        &sign(&jwt_claims("https://login.salesforce.com", GRACE)),
    )
    .await;
    assert_oauth_error(&r, "invalid_grant", "user hasn't approved this consumer");
    let mut claims = jwt_claims("https://login.salesforce.com", ADA);
    claims["iss"] = json!("3MVG9unknown");
    let r = jwt_token(sim.base_url(), &sign(&claims)).await;
    assert_oauth_error(&r, "invalid_client_id", "client identifier invalid");
}

#[tokio::test]
async fn self_authorised_app_needs_a_prior_approval() {
    let sim = sim().await;
    sim.switches().update_app(WEB, |a| {
        a.certificate = Some(sfsim::DEMO_JWT_CERT_PEM.into())
    });
    let mut claims = jwt_claims("https://login.salesforce.com", ADA);
    claims["iss"] = json!(WEB);
    let r = jwt_token(sim.base_url(), &sign(&claims)).await;
    assert_oauth_error(&r, "invalid_grant", "user hasn't approved this consumer");
    let (_, challenge) = pkce(50);
    web_login(sim.base_url(), &web_params(&challenge, "s"), ADA, ADA_PW).await;
    assert_eq!(jwt_token(sim.base_url(), &sign(&claims)).await.0, 200);
}

#[tokio::test]
async fn user_state_rows() {
    let sim = sim().await;
    let claims = jwt_claims("https://login.salesforce.com", ADA);
    sim.switches().set_user_login_restricted(ADA, true);
    let r = jwt_token(sim.base_url(), &sign(&claims)).await;
    assert_oauth_error(&r, "invalid_grant", "IP restricted or invalid login hours");
    sim.switches().set_user_login_restricted(ADA, false);
    sim.switches().set_user_active(ADA, false);
    let r = jwt_token(sim.base_url(), &sign(&claims)).await;
    assert_oauth_error(&r, "inactive_user", "user is inactive");
}
