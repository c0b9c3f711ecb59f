//! §2 optional extra: `id_token` for the `openid` scope, verifiable against `/id/keys`.

mod common;

use common::*;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;

async fn verify(sim: &sfsim::Sim, id_token: &str) -> Value {
    let (_, jwks) = body(
        client()
            .get(format!("{}/id/keys", sim.base_url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let key = &jwks["keys"][0];
    assert_eq!(key["kty"], "RSA");
    let header = jsonwebtoken::decode_header(id_token).unwrap();
    assert_eq!(header.kid.as_deref(), key["kid"].as_str());
    let dk =
        DecodingKey::from_rsa_components(key["n"].as_str().unwrap(), key["e"].as_str().unwrap())
            .unwrap();
    let mut v = Validation::new(Algorithm::RS256);
    v.set_audience(&[WEB]);
    v.set_issuer(&[sim.base_url()]);
    jsonwebtoken::decode::<Value>(id_token, &dk, &v)
        .expect("valid id_token")
        .claims
}

#[tokio::test]
async fn openid_scope_gets_a_signed_id_token() {
    let sim = sim().await;
    let (verifier, challenge) = pkce(50);
    let mut p = web_params(&challenge, "s");
    p.push(("scope", "api openid refresh_token"));
    p.push(("nonce", "n-0S6_WzA2Mj"));
    let cb = web_login(sim.base_url(), &p, ADA, ADA_PW).await;
    let code = query_param(&cb, "code").unwrap();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("client_id", WEB),
        ("client_secret", WEB_SECRET),
        ("redirect_uri", CALLBACK),
        ("code_verifier", verifier.as_str()),
    ];
    let (status, b) = token(sim.base_url(), &form).await;
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["scope"], "api openid refresh_token");
    let claims = verify(&sim, b["id_token"].as_str().unwrap()).await;
    assert_eq!(claims["nonce"], "n-0S6_WzA2Mj");
    assert_eq!(claims["sub"], b["id"]);
    assert_eq!(claims["preferred_username"], ADA);
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", b["refresh_token"].as_str().unwrap()),
        ("client_id", WEB),
        ("client_secret", WEB_SECRET),
    ];
    let (_, refreshed) = token(sim.base_url(), &form).await;
    let claims = verify(&sim, refreshed["id_token"].as_str().unwrap()).await;
    assert!(claims.get("nonce").is_none());
}

#[tokio::test]
async fn no_openid_no_id_token() {
    let sim = sim().await;
    let (verifier, challenge) = pkce(50);
    let mut p = web_params(&challenge, "s");
    p.push(("scope", "api refresh_token"));
    let cb = web_login(sim.base_url(), &p, ADA, ADA_PW).await;
    let code = query_param(&cb, "code").unwrap();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("client_id", WEB),
        ("client_secret", WEB_SECRET),
        ("redirect_uri", CALLBACK),
        ("code_verifier", verifier.as_str()),
    ];
    let (_, b) = token(sim.base_url(), &form).await;
    assert!(b.get("id_token").is_none());
    let (_, cfg) = body(
        client()
            .get(format!(
                "{}/.well-known/openid-configuration",
                sim.base_url()
            ))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(cfg["jwks_uri"], format!("{}/id/keys", sim.base_url()));
}
