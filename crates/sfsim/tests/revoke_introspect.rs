//! §9 revoke and introspect.

mod common;

use common::*;

#[tokio::test]
async fn revoke_access_token() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let url = format!("{}/services/oauth2/revoke", sim.base_url());
    assert_eq!(post_form(&url, &[("token", &access)]).await.0, 200);
    let data = format!("{}/services/data/v65.0", sim.base_url());
    assert_eq!(get_bearer(&data, &access).await.0, 401);
    let r = post_form(&url, &[("token", &access)]).await;
    assert_oauth_error(&r, "invalid_token", "invalid token");
    let r = post_form(&url, &[]).await;
    assert_oauth_error(
        &r,
        "unsupported_token_type",
        "this token type is not supported",
    );
    let access = ada_token(&sim).await;
    let q = url::form_urlencoded::byte_serialize(access.as_bytes()).collect::<String>();
    let resp = client()
        .get(format!("{url}?token={q}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "GET revoke works too");
}

#[tokio::test]
async fn introspect_active_and_inactive() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let url = format!("{}/services/oauth2/introspect", sim.base_url());
    let form = |t: &str| {
        vec![
            ("token", t.to_string()),
            ("token_type_hint", "access_token".into()),
            ("client_id", PWD.into()),
            ("client_secret", PWD_SECRET.into()),
        ]
    };
    let send = |f: Vec<(&'static str, String)>| {
        let url = url.clone();
        async move { body(client().post(url).form(&f).send().await.unwrap()).await }
    };
    let (status, b) = send(form(&access)).await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["active"], true);
    assert_eq!(b["client_id"], PWD);
    assert_eq!(b["username"], ADA);
    assert_eq!(b["token_type"], "access_token");
    assert_eq!(b["scope"], "api web");
    let now = sim.clock().now_secs();
    let exp = b["exp"].as_i64().unwrap();
    assert!(
        (exp - now - 7200).abs() < 5,
        "exp is the session timeout away"
    );
    assert!(b["iat"].is_i64() && b["nbf"].is_i64());
    assert!(b["sub"].as_str().unwrap().ends_with(ADA_ID));
    assert_eq!(
        send(form("nope")).await.1,
        serde_json::json!({"active": false})
    );
    sim.switches()
        .advance_clock(std::time::Duration::from_secs(7201));
    assert_eq!(send(form(&access)).await.1["active"], false);
    let mut bad = form(&access);
    bad[3].1 = "wrong".into();
    let (status, b) = send(bad).await;
    assert_eq!(status, 401);
    assert_eq!(b["error"], "invalid_client");
}
