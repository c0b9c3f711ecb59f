//! Minting Salesforce-shaped tokens and the token endpoint's success answer.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use rand::Rng;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::store::{AccessToken, Grant, RefreshToken, Shared, Store};

const TOKEN_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";

pub fn random(len: usize) -> String {
    let mut rng = rand::thread_rng();
    (0..len)
        .map(|_| TOKEN_CHARS[rng.gen_range(0..TOKEN_CHARS.len())] as char)
        .collect()
}

pub fn random_alnum(len: usize) -> String {
    let mut rng = rand::thread_rng();
    (0..len)
        .map(|_| TOKEN_CHARS[rng.gen_range(0..62)] as char)
        .collect()
}

/// Opaque access tokens are the 15-character org id, `!`, and the rest.
pub fn access_token(org_id: &str) -> String {
    let org15 = org_id.get(..15).unwrap_or(org_id);
    format!("{org15}!AQ{}", random(110))
}

pub fn refresh_token() -> String {
    format!("5Aep861{}", random_alnum(80))
}

/// Real codes end in `==`, which catches clients that forget to URL-decode them.
pub fn auth_code() -> String {
    format!("aPrx{}==", random_alnum(60))
}

/// base64(HMAC-SHA256(client secret, id + issued_at)).
pub fn signature(secret: &str, id: &str, issued_at: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(id.as_bytes());
    mac.update(issued_at.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// base64url(SHA-256(verifier)) without padding.
pub fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

pub fn identity_url(shared: &Shared, store: &Store, grant: &Grant) -> String {
    format!(
        "{}/id/{}/{}",
        shared.role_url(grant.role),
        store.org.id,
        grant.user_id
    )
}

/// Stores a new access token (and, if asked, a refresh token in `family`) and builds
/// the 200 answer. There is deliberately no `expires_in`: Salesforce sends none.
pub fn issue(
    shared: &Shared,
    store: &mut Store,
    grant: Grant,
    family: Option<u64>,
    with_refresh: bool,
) -> Value {
    let now = shared.clock.now_ms();
    let access = access_token(&store.org.id);
    store.access.insert(
        access.clone(),
        AccessToken {
            grant: grant.clone(),
            issued_ms: now,
            last_used_ms: now,
            family,
            alive: true,
        },
    );
    let id = identity_url(shared, store, &grant);
    let issued_at = now.to_string();
    let secret = store
        .app(&grant.client_id)
        .map(|a| a.client_secret.clone())
        .unwrap_or_default();
    let mut body = json!({
        "access_token": access,
        "signature": signature(&secret, &id, &issued_at),
        "scope": grant.scopes.join(" "),
        "instance_url": shared.base_url,
        "id": id,
        "token_type": "Bearer",
        "issued_at": issued_at,
    });
    if crate::id_token::wanted(&grant)
        && let Some(id_token) = crate::id_token::sign(shared, store, &grant, &access)
    {
        body["id_token"] = Value::String(id_token);
    }
    if with_refresh {
        let family = family.unwrap_or_else(|| store.new_family());
        // The access token belongs to the family too, so revoking it cascades.
        if let Some(t) = store.access.get_mut(&access) {
            t.family = Some(family);
        }
        let refresh = refresh_token();
        store.refresh.insert(
            refresh.clone(),
            RefreshToken {
                grant,
                issued_ms: now,
                last_used_ms: now,
                family,
                alive: true,
            },
        );
        body["refresh_token"] = Value::String(refresh);
    }
    body
}

/// Whether the granted scopes carry a refresh token.
pub fn grants_refresh(scopes: &[String]) -> bool {
    scopes
        .iter()
        .any(|s| s == "refresh_token" || s == "offline_access")
}
