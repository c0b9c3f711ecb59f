//! The proof that a key and certificate made by OrgKey are what Salesforce accepts:
//! sfsim, checking exactly as Salesforce does, grants a JWT-bearer token signed with
//! our key once our certificate is uploaded to the app.

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use orgkey_core::certs::{self, CertificateRequest};
use serde_json::{Value, json};
use sfsim::{Fixtures, Sim};

const APP: &str = "3MVG9demo.jwt.bearer";
const USER: &str = "ada@acme.demo";
const GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

fn assertion(key_pem: &str) -> String {
    let exp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 180;
    let claims = json!({
        "iss": APP, "sub": USER, "aud": "https://login.salesforce.com", "exp": exp,
        "jti": uuid::Uuid::new_v4().to_string(),
    });
    let key = EncodingKey::from_rsa_pem(key_pem.as_bytes()).unwrap();
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &key).unwrap()
}

async fn token(sim: &Sim, assertion: &str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(format!("{}/services/oauth2/token", sim.login_url()))
        .form(&[("grant_type", GRANT), ("assertion", assertion)])
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn sfsim_accepts_a_key_and_certificate_made_here() {
    let sim = Sim::start(Fixtures::demo()).await.unwrap();
    let made = certs::generate(&CertificateRequest::new("orgkey-jwt")).unwrap();
    let ours = assertion(made.private_key.expose());

    let (status, body) = token(&sim, &ours).await;
    assert_eq!(status, 400, "refused before the upload: {body}");
    assert_eq!(body["error"], "invalid_grant");

    assert!(sim.switches().update_app(APP, |app| app.certificate =
        Some(made.certificate_pem.clone())));
    let (status, body) = token(&sim, &assertion(made.private_key.expose())).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body["access_token"].as_str().unwrap().starts_with("00D"),
        "{body}"
    );

    // The certificate really was replaced: the demo key no longer signs for the app.
    let (status, _) = token(&sim, &assertion(sfsim::DEMO_JWT_KEY_PEM)).await;
    assert_eq!(status, 400);
}
