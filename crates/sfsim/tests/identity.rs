//! §9 identity, userinfo, discovery; §12 identity URL with `?format=json&oauth_token=`.

mod common;

use common::*;

#[tokio::test]
async fn identity_with_bearer_and_query_token() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let id_url = format!("{}/id/{ORG_ID}/{ADA_ID}", sim.base_url());
    let (status, b) = get_bearer(&id_url, &access).await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["user_id"], ADA_ID);
    assert_eq!(b["organization_id"], ORG_ID);
    assert_eq!(b["username"], ADA);
    assert_eq!(b["display_name"], "Ada Admin");
    assert_eq!(b["email"], "ada@acme.demo");
    assert_eq!(b["is_active"], true);
    assert_eq!(b["user_type"], "STANDARD");
    assert_eq!(
        b["urls"]["rest"],
        format!("{}/services/data/v65.0/", sim.base_url())
    );
    let q = url::form_urlencoded::byte_serialize(access.as_bytes()).collect::<String>();
    let resp = client()
        .get(format!("{id_url}?format=json&oauth_token={q}"))
        .send()
        .await
        .unwrap();
    assert_eq!(body(resp).await.1["username"], ADA);
    // The id URL on the login role works as well.
    let login_id = format!("{}/id/{ORG_ID}/{ADA_ID}", sim.login_url());
    assert_eq!(get_bearer(&login_id, &access).await.0, 200);
}

#[tokio::test]
async fn dead_tokens_are_refused() {
    let sim = sim().await;
    let id_url = format!("{}/id/{ORG_ID}/{ADA_ID}", sim.base_url());
    let userinfo = format!("{}/services/oauth2/userinfo", sim.base_url());
    for url in [&id_url, &userinfo] {
        let r = get_bearer(url, "00D5g000004Xyz1!bogus").await;
        assert_eq!(
            r,
            (403, serde_json::Value::String("Bad_OAuth_Token".into()))
        );
    }
    let access = ada_token(&sim).await;
    let other = format!("{}/id/{ORG_ID}/0055g00000NoSuchAAA", sim.base_url());
    assert_eq!(get_bearer(&other, &access).await.0, 404);
}

#[tokio::test]
async fn userinfo_claims() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let (status, b) = get_bearer(
        &format!("{}/services/oauth2/userinfo", sim.base_url()),
        &access,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(b["sub"], format!("{}/id/{ORG_ID}/{ADA_ID}", sim.base_url()));
    assert_eq!(b["preferred_username"], ADA);
    assert_eq!(b["organization_id"], ORG_ID);
    assert_eq!(b["user_id"], ADA_ID);
    assert_eq!(b["email"], "ada@acme.demo");
}

#[tokio::test]
async fn openid_configuration_per_host() {
    let sim = sim().await;
    for base in [sim.base_url().to_string(), sim.login_url(), sim.test_url()] {
        let resp = client()
            .get(format!("{base}/.well-known/openid-configuration"))
            .send()
            .await
            .unwrap();
        let (status, b) = body(resp).await;
        assert_eq!(status, 200);
        assert_eq!(b["issuer"], base.as_str());
        assert_eq!(b["token_endpoint"], format!("{base}/services/oauth2/token"));
        assert_eq!(
            b["authorization_endpoint"],
            format!("{base}/services/oauth2/authorize")
        );
        assert_eq!(
            b["userinfo_endpoint"],
            format!("{base}/services/oauth2/userinfo")
        );
        assert_eq!(
            b["revocation_endpoint"],
            format!("{base}/services/oauth2/revoke")
        );
        assert_eq!(
            b["introspection_endpoint"],
            format!("{base}/services/oauth2/introspect")
        );
    }
}
