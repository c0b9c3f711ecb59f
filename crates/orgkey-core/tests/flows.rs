//! Every flow against sfsim over real HTTP on 127.0.0.1.

mod common;

use std::time::Duration;

use common::*;
use orgkey_core::Secret;
use orgkey_core::error::AuthError;
use orgkey_core::flows::{client_credentials, device, jwt_bearer, password, refresh, web_server};
use orgkey_core::http::Http;

fn secret(text: &str) -> Secret {
    Secret::new(text)
}

#[tokio::test]
async fn password_flow_joins_password_and_security_token_on_the_wire() {
    let sim = sim().await;
    let http = Http::new();
    let host = url(sim.login_url());
    let (client_id, client_secret) = PASSWORD_APP;
    let (username, pw, token) = ADA;
    let tokens = password::login(
        &http,
        &password::PasswordLogin {
            host: &host,
            client_id,
            client_secret: Some(&secret(client_secret)),
            username,
            password: &secret(pw),
            security_token: Some(&secret(token)),
        },
    )
    .await
    .unwrap();
    assert!(tokens.access_token.expose().starts_with("00D5g000004Xyz1"));
    assert!(tokens.access_token.expose().contains('!'));
    assert!(tokens.refresh_token.is_none());
    assert_eq!(
        tokens.instance_url.as_str().trim_end_matches('/'),
        sim.instance_url()
    );
    assert_eq!(
        tokens.signature_is_valid(&secret(client_secret)),
        Some(true)
    );
    assert_eq!(
        tokens.signature_is_valid(&secret("not-the-secret")),
        Some(false)
    );
    let (org, user) = tokens.ids().unwrap();
    assert_eq!(org, "00D5g000004Xyz1EAC");
    assert!(user.starts_with("005"));
    // Issued "now", in milliseconds.
    assert!((tokens.issued_at_ms - orgkey_core::token::now_ms()).abs() < 60_000);

    let wrong = password::login(
        &http,
        &password::PasswordLogin {
            host: &host,
            client_id,
            client_secret: Some(&secret(client_secret)),
            username,
            password: &secret(pw),
            security_token: None,
        },
    )
    .await
    .unwrap_err();
    assert_eq!(wrong.oauth_error(), Some("invalid_grant"));
}

#[tokio::test]
async fn jwt_bearer_flow_signs_an_assertion_sfsim_accepts() {
    let sim = sim().await;
    let http = Http::new();
    let host = url(sim.my_domain_url());
    let key = secret(sfsim::DEMO_JWT_KEY_PEM);
    let tokens = jwt_bearer::login(
        &http,
        &jwt_bearer::JwtLogin {
            host: &host,
            client_id: JWT_APP,
            username: ADA.0,
            audience: &host,
            private_key: &key,
        },
    )
    .await
    .unwrap();
    assert!(tokens.access_token.expose().starts_with("00D"));

    let not_a_key = secret("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    let error = jwt_bearer::login(
        &http,
        &jwt_bearer::JwtLogin {
            host: &host,
            client_id: JWT_APP,
            username: ADA.0,
            audience: &host,
            private_key: &not_a_key,
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(error, AuthError::BadKey { .. }), "{error:?}");
}

#[tokio::test]
async fn client_credentials_flow_works_on_the_my_domain_and_is_refused_elsewhere() {
    let sim = sim().await;
    let http = Http::new();
    let (client_id, client_secret) = CC_APP;
    let tokens = client_credentials::login(
        &http,
        &url(sim.my_domain_url()),
        client_id,
        &secret(client_secret),
    )
    .await
    .unwrap();
    assert!(tokens.refresh_token.is_none());

    // sfsim's login role answers as Salesforce does.
    let error = client_credentials::login(
        &http,
        &url(sim.login_url()),
        client_id,
        &secret(client_secret),
    )
    .await
    .unwrap_err();
    assert_eq!(error.oauth_error(), Some("invalid_grant"));
    // The real login host is refused before anything is sent.
    let error = client_credentials::login(
        &http,
        &url("https://login.salesforce.com"),
        client_id,
        &secret(client_secret),
    )
    .await
    .unwrap_err();
    assert!(matches!(error, AuthError::NeedsMyDomain { .. }));
}

#[tokio::test]
async fn web_server_flow_with_pkce_then_refresh_with_rotation() {
    let sim = sim().await;
    let http = Http::new();
    let host = url(sim.my_domain_url());
    let callback = url(CALLBACK);
    let scopes = vec!["api".to_owned(), "refresh_token".to_owned()];
    let (client_id, client_secret) = ROTATING_APP;
    let request = web_server::WebLogin {
        host: &host,
        client_id,
        client_secret: Some(&secret(client_secret)),
        callback_url: &callback,
        scopes: &scopes,
        force_login: true,
        login_hint: Some(ADA.0),
    };
    let person = Person::new(ADA.0, ADA.1);
    let first = web_server::login(&http, &request, &person).await.unwrap();
    let refresh_1 = first
        .refresh_token
        .clone()
        .expect("a refresh token with scope refresh_token");

    let second = refresh::refresh(
        &http,
        &host,
        client_id,
        Some(&secret(client_secret)),
        &refresh_1,
    )
    .await
    .unwrap();
    let refresh_2 = second
        .refresh_token
        .clone()
        .expect("rotation returns a new refresh token");
    assert_ne!(refresh_1.expose(), refresh_2.expose());

    // Reusing the rotated-out token is refused, and kills the family.
    let reused = refresh::refresh(
        &http,
        &host,
        client_id,
        Some(&secret(client_secret)),
        &refresh_1,
    )
    .await
    .unwrap_err();
    assert_eq!(reused.oauth_error(), Some("invalid_grant"));
    let after = refresh::refresh(
        &http,
        &host,
        client_id,
        Some(&secret(client_secret)),
        &refresh_2,
    )
    .await
    .unwrap_err();
    assert_eq!(after.oauth_error(), Some("invalid_grant"));
}

#[tokio::test]
async fn web_server_flow_reports_a_denied_approval() {
    let sim = sim().await;
    let http = Http::new();
    let host = url(sim.my_domain_url());
    let callback = url(CALLBACK);
    let scopes = vec!["api".to_owned()];
    let (client_id, client_secret) = WEB_APP;
    let request = web_server::WebLogin {
        host: &host,
        client_id,
        client_secret: Some(&secret(client_secret)),
        callback_url: &callback,
        scopes: &scopes,
        force_login: true,
        login_hint: None,
    };
    let mut person = Person::new("grace@acme.demo", "Hopper1906!");
    person.approve = false;
    let error = web_server::login(&http, &request, &person)
        .await
        .unwrap_err();
    assert_eq!(error.oauth_error(), Some("access_denied"));
}

#[tokio::test]
async fn device_flow_polls_until_the_person_approves() {
    let sim = sim().await;
    let http = Http::new();
    let host = url(sim.my_domain_url());
    let scopes = vec!["api".to_owned(), "refresh_token".to_owned()];
    let authorization = device::start(&http, &host, DEVICE_APP, &scopes)
        .await
        .unwrap();
    assert_eq!(authorization.user_code.len(), 8);
    assert!(!format!("{authorization:?}").contains("device_code:"));

    let person = Person::new(ADA.0, ADA.1);
    let approve = async {
        // Let the first poll see authorization_pending.
        tokio::time::sleep(Duration::from_millis(200)).await;
        person
            .walk(
                &authorization.verification_uri,
                "http://never",
                Some(&authorization.user_code),
            )
            .await
            .expect_err("the device pages end on a page, not a redirect");
    };
    let (tokens, ()) = tokio::join!(
        device::wait_for_approval(
            &http,
            &host,
            DEVICE_APP,
            &authorization,
            Duration::from_secs(60),
            std::future::pending()
        ),
        approve
    );
    let tokens = tokens.unwrap();
    assert!(tokens.refresh_token.is_some());
}

#[tokio::test]
async fn device_flow_can_be_cancelled() {
    let sim = sim().await;
    let http = Http::new();
    let host = url(sim.my_domain_url());
    let authorization = device::start(&http, &host, DEVICE_APP, &["api".to_owned()])
        .await
        .unwrap();
    let error = device::wait_for_approval(
        &http,
        &host,
        DEVICE_APP,
        &authorization,
        Duration::from_secs(60),
        tokio::time::sleep(Duration::from_millis(50)),
    )
    .await
    .unwrap_err();
    assert!(matches!(error, AuthError::Cancelled));
}
