//! OpenID Connect `id_token`s for grants with the `openid` scope, signed RS256 with the
//! simulator's own key (shipped in `fixtures/`, test and demo only) and published as a
//! JWKS at `/id/keys`, as Salesforce does.

use axum::Json;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::store::{Grant, Shared, Store};
use crate::tokens;

const SIGNING_KEY_PEM: &str = include_str!("../fixtures/idtoken-signing.key");
/// The certificate of the key that signs `id_token`s.
pub const SIGNING_CERT_PEM: &str = include_str!("../fixtures/idtoken-signing.crt");
const KID: &str = "sfsim-1";
/// Salesforce's `id_token`s live a few minutes; they prove a login, not a session.
const LIFETIME_SECS: i64 = 300;

pub fn wanted(grant: &Grant) -> bool {
    grant.scopes.iter().any(|s| s == "openid")
}

pub fn sign(shared: &Shared, store: &Store, grant: &Grant, access_token: &str) -> Option<String> {
    let user = store.user_by_id(&grant.user_id)?;
    let digest = Sha256::digest(access_token.as_bytes());
    let now = shared.clock.now_secs();
    let mut claims = json!({
        "iss": shared.role_url(grant.role),
        "sub": tokens::identity_url(shared, store, grant),
        "aud": grant.client_id,
        "iat": now,
        "exp": now + LIFETIME_SECS,
        "at_hash": URL_SAFE_NO_PAD.encode(&digest[..16]),
        "preferred_username": user.username,
        "name": user.name,
        "email": user.email,
        "organization_id": store.org.id,
        "user_id": user.id,
    });
    if let Some(nonce) = &grant.nonce {
        claims["nonce"] = Value::String(nonce.clone());
    }
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(KID.into());
    let key = EncodingKey::from_rsa_pem(SIGNING_KEY_PEM.as_bytes()).ok()?;
    jsonwebtoken::encode(&header, &claims, &key).ok()
}

pub async fn jwks() -> Response {
    Json(jwks_value()).into_response()
}

fn jwks_value() -> Value {
    let Some((n, e)) = modulus_exponent(SIGNING_CERT_PEM) else {
        return json!({"keys": []});
    };
    json!({"keys": [{
        "kty": "RSA", "alg": "RS256", "use": "sig", "kid": KID,
        "n": URL_SAFE_NO_PAD.encode(n), "e": URL_SAFE_NO_PAD.encode(e),
    }]})
}

fn modulus_exponent(cert_pem: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    use x509_parser::public_key::PublicKey;
    let (_, pem) = x509_parser::pem::parse_x509_pem(cert_pem.as_bytes()).ok()?;
    let cert = pem.parse_x509().ok()?;
    let PublicKey::RSA(rsa) = cert.tbs_certificate.subject_pki.parsed().ok()? else {
        return None;
    };
    let strip = |b: &[u8]| {
        b.iter()
            .skip_while(|x| **x == 0)
            .copied()
            .collect::<Vec<_>>()
    };
    Some((strip(rsa.modulus), strip(rsa.exponent)))
}
