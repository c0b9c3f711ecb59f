//! §9 singleaccess (single-use frontdoor URLs) and legacy frontdoor.jsp.

mod common;

use common::*;

#[tokio::test]
async fn singleaccess_urls_work_once() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let url = format!("{}/services/oauth2/singleaccess", sim.base_url());
    let (status, b) = get_bearer(&url, &access).await;
    assert_eq!(status, 200, "{b}");
    let front = b["frontdoor_uri"].as_str().unwrap().to_string();
    assert!(front.starts_with(&format!("{}/secur/frontdoor.jsp?otp=", sim.base_url())));
    let br = browser();
    let resp = br.get(&front).send().await.unwrap();
    assert_eq!(resp.status(), 302);
    assert_eq!(location(&resp), "/lightning/page/home");
    let home = br
        .get(format!("{}/lightning/page/home", sim.base_url()))
        .send()
        .await
        .unwrap();
    assert!(home.text().await.unwrap().contains(ADA), "logged in as Ada");
    let again = browser().get(&front).send().await.unwrap();
    assert_eq!(
        location(&again),
        "/",
        "a used frontdoor URL leads to the login page"
    );
}

#[tokio::test]
async fn singleaccess_refuses_a_dead_token() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    sim.switches().expire_all_sessions();
    let url = format!("{}/services/oauth2/singleaccess", sim.base_url());
    assert_eq!(get_bearer(&url, &access).await.0, 403);
}

#[tokio::test]
async fn frontdoor_with_sid_needs_the_web_scope() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let sid = url::form_urlencoded::byte_serialize(access.as_bytes()).collect::<String>();
    let url = format!(
        "{}/secur/frontdoor.jsp?sid={sid}&retURL=/lightning/setup/SetupOneHome/home",
        sim.base_url()
    );
    let resp = browser().get(&url).send().await.unwrap();
    assert_eq!(location(&resp), "/lightning/setup/SetupOneHome/home");
    let open = format!(
        "{}/secur/frontdoor.jsp?sid={sid}&retURL=https://evil.example/",
        sim.base_url()
    );
    assert_eq!(
        location(&browser().get(&open).send().await.unwrap()),
        "/lightning/page/home",
        "never an open redirect"
    );
    sim.switches()
        .update_app(CC, |a| a.scopes = vec!["api".into()]);
    let (_, b) = token(
        sim.base_url(),
        &[
            ("grant_type", "client_credentials"),
            ("client_id", CC),
            ("client_secret", CC_SECRET),
        ],
    )
    .await;
    let api_only =
        url::form_urlencoded::byte_serialize(b["access_token"].as_str().unwrap().as_bytes())
            .collect::<String>();
    let resp = browser()
        .get(format!(
            "{}/secur/frontdoor.jsp?sid={api_only}",
            sim.base_url()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&resp), "/");
}
