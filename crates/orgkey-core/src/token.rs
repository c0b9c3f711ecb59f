//! What a successful login yields, and what can be told from it without asking
//! Salesforce: whether the signature is genuine and roughly when the token dies.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use url::Url;

use crate::error::AuthError;
use crate::secret::Secret;

/// The token endpoint's JSON (§2). No Debug: it holds tokens as plain strings until
/// they are moved into `Secret`s.
#[derive(Deserialize)]
pub(crate) struct TokenResponse {
    access_token: Option<String>,
    refresh_token: Option<String>,
    instance_url: Option<String>,
    id: Option<String>,
    issued_at: Option<String>,
    signature: Option<String>,
    scope: Option<String>,
    token_type: Option<String>,
}

/// An access token and what came with it.
#[derive(Debug, Clone)]
pub struct TokenSet {
    pub access_token: Secret,
    /// Present when the flow grants one (web server, device, or rotation on refresh).
    pub refresh_token: Option<Secret>,
    pub instance_url: Url,
    /// The identity URL, `…/id/{orgId}/{userId}`.
    pub id_url: Option<Url>,
    /// Epoch milliseconds, as Salesforce sends it.
    pub issued_at_ms: i64,
    pub signature: Option<String>,
    pub scope: Option<String>,
    pub token_type: String,
}

impl TokenSet {
    pub(crate) fn from_response(body: TokenResponse) -> Result<TokenSet, AuthError> {
        let access_token = body
            .access_token
            .ok_or(AuthError::Incomplete("no access_token"))?;
        let instance_url = body
            .instance_url
            .as_deref()
            .and_then(|url| Url::parse(url).ok())
            .ok_or(AuthError::Incomplete("no usable instance_url"))?;
        let issued_at_ms = match body.issued_at {
            Some(text) => text
                .parse()
                .map_err(|_| AuthError::Incomplete("issued_at is not a number"))?,
            // Some grants omit it; now is the best estimate.
            None => now_ms(),
        };
        Ok(TokenSet {
            access_token: Secret::new(access_token),
            refresh_token: body.refresh_token.map(Secret::new),
            instance_url,
            id_url: body.id.as_deref().and_then(|url| Url::parse(url).ok()),
            issued_at_ms,
            signature: body.signature,
            scope: body.scope,
            token_type: body.token_type.unwrap_or_else(|| "Bearer".into()),
        })
    }

    /// Checks `signature` = base64(HMAC-SHA256(client secret, id + issued_at)). `None`
    /// when there is nothing to check (no signature or no id), which some grants do.
    pub fn signature_is_valid(&self, client_secret: &Secret) -> Option<bool> {
        let signature = self.signature.as_deref()?;
        let id = self.id_url.as_ref()?;
        let expected = sign(client_secret, id.as_str(), self.issued_at_ms);
        Some(STANDARD.decode(signature).ok()? == expected)
    }

    /// The org and user ids from the identity URL.
    pub fn ids(&self) -> Option<(&str, &str)> {
        let mut segments = self.id_url.as_ref()?.path_segments()?.rev();
        let user = segments.next()?;
        let org = segments.next()?;
        Some((org, user))
    }

    /// When the access token is expected to die: its own `exp` when it is a JWT, else
    /// issued-at plus the org's session timeout. An estimate: logout or revoke kill it
    /// sooner, and Salesforce extends sessions that are in use.
    pub fn expires_at(&self, session_timeout: Duration) -> SystemTime {
        if let Some(exp) = jwt_exp(self.access_token.expose()) {
            return UNIX_EPOCH + Duration::from_secs(exp);
        }
        let issued = UNIX_EPOCH + Duration::from_millis(self.issued_at_ms.max(0) as u64);
        issued + session_timeout
    }

    /// Serialised for the keychain's `access_token` entry, so another process can
    /// reuse a fresh token. The refresh token is kept in its own entry, not here.
    pub fn to_cache(&self) -> Secret {
        let cached = CachedToken {
            access_token: self.access_token.expose(),
            instance_url: self.instance_url.as_str(),
            id: self.id_url.as_ref().map(Url::as_str),
            issued_at: self.issued_at_ms,
            scope: self.scope.as_deref(),
            token_type: &self.token_type,
        };
        Secret::new(serde_json::to_string(&cached).unwrap_or_default())
    }

    /// Reads a cached token set; `None` when the entry is not one (an older format).
    pub fn from_cache(cache: &Secret) -> Option<TokenSet> {
        let cached: CachedToken<'_> = serde_json::from_str(cache.expose()).ok()?;
        Some(TokenSet {
            access_token: Secret::new(cached.access_token),
            refresh_token: None,
            instance_url: Url::parse(cached.instance_url).ok()?,
            id_url: cached.id.and_then(|id| Url::parse(id).ok()),
            issued_at_ms: cached.issued_at,
            signature: None,
            scope: cached.scope.map(String::from),
            token_type: cached.token_type.to_owned(),
        })
    }
}

/// How a token is copied: alone, as a header, or as a ready command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyFormat {
    Token,
    AuthorizationHeader,
    /// `curl` against `/services/data/vNN.0/`, the first call anyone makes.
    Curl,
}

impl TokenSet {
    /// The token in the chosen form; a `Secret`, since every form contains it.
    pub fn render(&self, format: CopyFormat, api_version: &str) -> Secret {
        let token = self.access_token.expose();
        Secret::new(match format {
            CopyFormat::Token => token.to_owned(),
            CopyFormat::AuthorizationHeader => format!("Authorization: Bearer {token}"),
            CopyFormat::Curl => format!(
                "curl -s -H 'Authorization: Bearer {token}' '{}/services/data/v{api_version}/'",
                crate::org::url_base(&self.instance_url)
            ),
        })
    }
}

#[derive(Serialize, Deserialize)]
struct CachedToken<'a> {
    access_token: &'a str,
    instance_url: &'a str,
    id: Option<&'a str>,
    issued_at: i64,
    scope: Option<&'a str>,
    token_type: &'a str,
}

fn sign(client_secret: &Secret, id: &str, issued_at_ms: i64) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(client_secret.expose().as_bytes())
        .expect("HMAC takes a key of any length");
    mac.update(id.as_bytes());
    mac.update(issued_at_ms.to_string().as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// `exp` of a JWT-format access token, without verifying it (OrgKey only reads it).
fn jwt_exp(token: &str) -> Option<u64> {
    let mut parts = token.split('.');
    let (_, payload, _, None) = (parts.next()?, parts.next()?, parts.next()?, parts.next()) else {
        return None;
    };
    let json: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    json.get("exp")?.as_u64()
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_millis() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(access: &str) -> TokenSet {
        TokenSet::from_response(TokenResponse {
            access_token: Some(access.into()),
            refresh_token: Some("5Aep-refresh".into()),
            instance_url: Some("https://acme.my.salesforce.com".into()),
            id: Some(
                "https://login.salesforce.com/id/00D5g000004Xyz1EAC/0055g00000AbCdEAAZ".into(),
            ),
            issued_at: Some("1733325012345".into()),
            signature: None,
            scope: Some("api web".into()),
            token_type: None,
        })
        .unwrap()
    }

    #[test]
    fn the_signature_is_checked_with_the_client_secret() {
        let mut set = token("00D!x");
        let secret = Secret::new("s3cret");
        set.signature = Some(STANDARD.encode(sign(
            &secret,
            set.id_url.as_ref().unwrap().as_str(),
            set.issued_at_ms,
        )));
        assert_eq!(set.signature_is_valid(&secret), Some(true));
        assert_eq!(set.signature_is_valid(&Secret::new("other")), Some(false));
        set.signature = None;
        assert_eq!(set.signature_is_valid(&secret), None);
    }

    #[test]
    fn expiry_is_the_session_timeout_after_issue_or_the_jwt_exp() {
        let set = token("00D!opaque");
        let expected =
            UNIX_EPOCH + Duration::from_millis(1733325012345) + Duration::from_secs(7200);
        assert_eq!(set.expires_at(Duration::from_secs(7200)), expected);

        let payload = URL_SAFE_NO_PAD.encode(br#"{"exp":1900000000}"#);
        let jwt = token(&format!("eyJhbGciOiJSUzI1NiJ9.{payload}.sig"));
        assert_eq!(
            jwt.expires_at(Duration::from_secs(7200)),
            UNIX_EPOCH + Duration::from_secs(1900000000)
        );
    }

    #[test]
    fn ids_come_from_the_identity_url() {
        assert_eq!(
            token("x").ids(),
            Some(("00D5g000004Xyz1EAC", "0055g00000AbCdEAAZ"))
        );
    }

    #[test]
    fn the_cache_round_trips_without_the_refresh_token() {
        let set = token("00D!cached");
        let back = TokenSet::from_cache(&set.to_cache()).unwrap();
        assert_eq!(back.access_token.expose(), "00D!cached");
        assert_eq!(back.instance_url, set.instance_url);
        assert_eq!(back.issued_at_ms, set.issued_at_ms);
        assert!(back.refresh_token.is_none());
        assert!(!set.to_cache().expose().contains("5Aep-refresh"));
    }

    #[test]
    fn copy_formats() {
        let set = token("00D!tok");
        assert_eq!(set.render(CopyFormat::Token, "62.0").expose(), "00D!tok");
        assert_eq!(
            set.render(CopyFormat::AuthorizationHeader, "62.0").expose(),
            "Authorization: Bearer 00D!tok"
        );
        assert_eq!(
            set.render(CopyFormat::Curl, "62.0").expose(),
            "curl -s -H 'Authorization: Bearer 00D!tok' 'https://acme.my.salesforce.com/services/data/v62.0/'"
        );
    }

    #[test]
    fn a_response_without_a_token_is_incomplete() {
        let body: TokenResponse =
            serde_json::from_str(r#"{"instance_url":"https://x.my.salesforce.com"}"#).unwrap();
        assert!(matches!(
            TokenSet::from_response(body),
            Err(AuthError::Incomplete(_))
        ));
    }
}
