//! §2 response shape and §6 username-password, plus the token endpoint's general rules.

mod common;

use base64::Engine;
use common::*;
use hmac::{Hmac, Mac};
use sha2::Sha256;

#[tokio::test]
async fn success_has_salesforce_shape() {
    let sim = sim().await;
    let pw = format!("{ADA_PW}{ADA_TOKEN}");
    let (status, b) = token(sim.base_url(), &password_form(ADA, &pw)).await;
    assert_eq!(status, 200, "{b}");
    let access = b["access_token"].as_str().unwrap();
    assert!(
        access.starts_with("00D5g000004Xyz1!"),
        "opaque 00D…!… token: {access}"
    );
    assert!(
        b.get("expires_in").is_none(),
        "Salesforce sends no expires_in"
    );
    assert!(
        b.get("refresh_token").is_none(),
        "no refresh token for password"
    );
    assert_eq!(b["token_type"], "Bearer");
    assert_eq!(b["instance_url"], sim.instance_url());
    let id = b["id"].as_str().unwrap();
    assert_eq!(id, format!("{}/id/{ORG_ID}/{ADA_ID}", sim.my_domain_url()));
    let issued_at = b["issued_at"].as_str().expect("issued_at is a string");
    assert_eq!(issued_at.len(), 13, "milliseconds");
    let now_ms = sim.clock().now_ms();
    assert!((now_ms - issued_at.parse::<i64>().unwrap()).abs() < 10_000);
    let mut mac = Hmac::<Sha256>::new_from_slice(PWD_SECRET.as_bytes()).unwrap();
    mac.update(format!("{id}{issued_at}").as_bytes());
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    assert_eq!(b["signature"], expected);
    assert_eq!(b["scope"], "api web");
}

#[tokio::test]
async fn login_host_issues_login_identity_url() {
    let sim = sim().await;
    let pw = format!("{ADA_PW}{ADA_TOKEN}");
    let (status, b) = token(&sim.login_url(), &password_form(ADA, &pw)).await;
    assert_eq!(status, 200);
    assert!(
        b["id"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{}/id/", sim.login_url()))
    );
    assert_eq!(b["instance_url"], sim.instance_url());
}

#[tokio::test]
async fn password_without_security_token_fails() {
    let sim = sim().await;
    let r = token(sim.base_url(), &password_form(ADA, ADA_PW)).await;
    assert_oauth_error(&r, "invalid_grant", "authentication failure");
    let r = token(sim.base_url(), &password_form("nobody@acme.demo", "x")).await;
    assert_oauth_error(&r, "invalid_grant", "authentication failure");
}

#[tokio::test]
async fn blocked_flow_answers_like_a_wrong_password() {
    let sim = sim_with(|f| f.org.allow_password_flow = false).await;
    let pw = format!("{ADA_PW}{ADA_TOKEN}");
    let r = token(sim.base_url(), &password_form(ADA, &pw)).await;
    assert_oauth_error(&r, "invalid_grant", "authentication failure");
}

#[tokio::test]
async fn inactive_and_restricted_users() {
    let sim = sim().await;
    let pw = format!("{GRACE_PW}{GRACE_TOKEN}");
    sim.switches().set_user_active(GRACE, false);
    let r = token(sim.base_url(), &password_form(GRACE, &pw)).await;
    assert_oauth_error(&r, "inactive_user", "user is inactive");
    sim.switches().set_user_active(GRACE, true);
    sim.switches().set_user_login_restricted(GRACE, true);
    let r = token(sim.base_url(), &password_form(GRACE, &pw)).await;
    assert_oauth_error(&r, "invalid_grant", "IP restricted or invalid login hours");
}

#[tokio::test]
async fn admin_approved_app_refuses_unlisted_user() {
    let sim = sim().await;
    sim.switches().update_app(PWD, |a| {
        a.permitted_users = sfsim::PermittedUsers::AdminApproved;
        a.preauthorized_users = vec![ADA.into()];
    });
    let pw = format!("{GRACE_PW}{GRACE_TOKEN}");
    let r = token(sim.base_url(), &password_form(GRACE, &pw)).await;
    assert_oauth_error(
        &r,
        "invalid_app_access",
        "user is not admin approved to access this app",
    );
    let pw = format!("{ADA_PW}{ADA_TOKEN}");
    assert_eq!(token(sim.base_url(), &password_form(ADA, &pw)).await.0, 200);
}

#[tokio::test]
async fn client_errors() {
    let sim = sim().await;
    let pw = format!("{ADA_PW}{ADA_TOKEN}");
    let mut form = password_form(ADA, &pw);
    form[1].1 = "3MVG9nope";
    let r = token(sim.base_url(), &form).await;
    assert_oauth_error(&r, "invalid_client_id", "client identifier invalid");
    let mut form = password_form(ADA, &pw);
    form[2].1 = "wrong";
    let r = token(sim.base_url(), &form).await;
    assert_oauth_error(&r, "invalid_client", "invalid client credentials");
    let form: Vec<_> = password_form(ADA, &pw)
        .into_iter()
        .filter(|(k, _)| *k != "client_secret")
        .collect();
    let r = token(sim.base_url(), &form).await;
    assert_oauth_error(&r, "invalid_client", "invalid client credentials");
}

#[tokio::test]
async fn basic_auth_for_the_client() {
    let sim = sim().await;
    let pw = format!("{ADA_PW}{ADA_TOKEN}");
    let form = [
        ("grant_type", "password"),
        ("username", ADA),
        ("password", pw.as_str()),
    ];
    let resp = client()
        .post(format!("{}/services/oauth2/token", sim.base_url()))
        .basic_auth(PWD, Some(PWD_SECRET))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
}

#[tokio::test]
async fn chunked_body_without_content_length() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let sim = sim().await;
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let body = format!(
        "grant_type=password&client_id={PWD}&client_secret={PWD_SECRET}&username={}&password={}",
        enc(ADA),
        enc(&format!("{ADA_PW}{ADA_TOKEN}")),
    );
    let mut req = String::from(
        "POST /services/oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\n\
         Content-Type: application/x-www-form-urlencoded\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
    );
    for chunk in body.as_bytes().chunks(7) {
        req.push_str(&format!(
            "{:x}\r\n{}\r\n",
            chunk.len(),
            String::from_utf8_lossy(chunk)
        ));
    }
    req.push_str("0\r\n\r\n");
    let mut stream = tokio::net::TcpStream::connect(sim.addr()).await.unwrap();
    stream.write_all(req.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"access_token\":\"00D"), "{answer}");
}

#[tokio::test]
async fn token_endpoint_general_errors() {
    let sim = sim().await;
    let resp = client()
        .get(format!(
            "{}/services/oauth2/token?grant_type=password",
            sim.base_url()
        ))
        .send()
        .await
        .unwrap();
    assert_oauth_error(&body(resp).await, "invalid_request", "must use HTTP POST");
    let r = token(
        sim.base_url(),
        &[("grant_type", "implicit"), ("client_id", PWD)],
    )
    .await;
    assert_oauth_error(&r, "unsupported_grant_type", "grant type not supported");
    let r = token(sim.base_url(), &[]).await;
    assert_oauth_error(&r, "unsupported_grant_type", "grant type not supported");
}

#[tokio::test]
async fn org_level_refusals() {
    let sim = sim().await;
    let pw = format!("{ADA_PW}{ADA_TOKEN}");
    sim.switches().update_org(|o| o.require_https = true);
    let r = token(sim.base_url(), &password_form(ADA, &pw)).await;
    assert_oauth_error(&r, "invalid_request", "HTTPS required");
    sim.switches().update_org(|o| o.require_https = false);
    sim.switches().set_rate_limited(true);
    let r = token(sim.base_url(), &password_form(ADA, &pw)).await;
    assert_oauth_error(&r, "rate_limit_exceeded", "rate limit exceeded");
    sim.switches().set_rate_limited(false);
    sim.switches().set_org_active(false);
    let r = token(sim.base_url(), &password_form(ADA, &pw)).await;
    assert_oauth_error(&r, "inactive_org", "organization is inactive");
    sim.switches().set_org_active(true);
    assert_eq!(token(sim.base_url(), &password_form(ADA, &pw)).await.0, 200);
}

#[tokio::test]
async fn test_host_does_not_know_a_production_org() {
    let sim = sim().await;
    let pw = format!("{ADA_PW}{ADA_TOKEN}");
    let r = token(&sim.test_url(), &password_form(ADA, &pw)).await;
    assert_oauth_error(&r, "invalid_client_id", "client identifier invalid");
}
