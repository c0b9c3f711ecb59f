//! JWT bearer (§4): a token for a pre-authorised user, signed with a private key whose
//! certificate is uploaded to the app. No password, no person.

use std::time::{SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::Serialize;
use url::Url;

use crate::error::AuthError;
use crate::http::Http;
use crate::org::url_base;
use crate::secret::Secret;
use crate::token::TokenSet;

/// Salesforce documents three minutes as the longest an assertion may live.
const LIFETIME_SECS: u64 = 180;

pub struct JwtLogin<'a> {
    /// Where the assertion is POSTed.
    pub host: &'a Url,
    pub client_id: &'a str,
    pub username: &'a str,
    /// The `aud` claim: login/test.salesforce.com, or the My Domain for an ECA.
    pub audience: &'a Url,
    /// PEM, PKCS#8 or PKCS#1.
    pub private_key: &'a Secret,
}

#[derive(Serialize)]
struct Claims<'a> {
    iss: &'a str,
    sub: &'a str,
    aud: String,
    exp: u64,
    jti: String,
}

/// Signs the assertion. Public so tests (and a curious person) can inspect one.
pub fn assertion(request: &JwtLogin<'_>) -> Result<Secret, AuthError> {
    let key = EncodingKey::from_rsa_pem(request.private_key.expose().as_bytes()).map_err(|_| {
        AuthError::BadKey {
            detail: "it is not an RSA private key in PEM form".into(),
        }
    })?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    let claims = Claims {
        iss: request.client_id,
        sub: request.username,
        aud: url_base(request.audience),
        exp: now + LIFETIME_SECS,
        jti: uuid::Uuid::new_v4().to_string(),
    };
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &key)
        .map(Secret::new)
        .map_err(|error| AuthError::BadKey {
            detail: format!("signing failed: {error}"),
        })
}

pub async fn login(http: &Http, request: &JwtLogin<'_>) -> Result<TokenSet, AuthError> {
    let assertion = assertion(request)?;
    let form = [
        ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
        ("assertion", assertion.expose()),
    ];
    http.token_request(request.host, &form).await
}
