//! The JWT-bearer grant (§4): RS256 against the uploaded certificate, the audience
//! rules, `exp` in seconds or milliseconds, and `jti` replay.

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;

use super::{Ctx, check_user, lookup_app, preauthorized};
use crate::errors::{self, OAuthError};
use crate::fixtures::{HostRole, PermittedUsers};
use crate::store::{Grant, Shared, Store};
use crate::tokens;

pub fn grant(ctx: &mut Ctx) -> Result<Value, OAuthError> {
    let assertion = ctx
        .params
        .get("assertion")
        .ok_or(errors::INVALID_ASSERTION)?;
    let unverified = payload(assertion).ok_or(errors::INVALID_ASSERTION)?;
    let iss = unverified.get("iss").and_then(Value::as_str);
    let app = lookup_app(ctx.store, ctx.role, iss)?;
    let key = app
        .certificate
        .as_deref()
        .and_then(decoding_key)
        .ok_or(errors::INVALID_ASSERTION)?;
    let mut validation = Validation::new(Algorithm::RS256);
    validation.validate_exp = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    let claims = jsonwebtoken::decode::<Value>(assertion, &key, &validation)
        .map_err(|_| errors::INVALID_ASSERTION)?
        .claims;

    let audiences = accepted_audiences(ctx.shared, ctx.store);
    let aud_ok = match claims.get("aud") {
        Some(Value::String(a)) => audience_matches(&audiences, a),
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .any(|a| audience_matches(&audiences, a)),
        _ => false,
    };
    if !aud_ok {
        return Err(errors::BAD_AUDIENCE);
    }
    let exp = claims
        .get("exp")
        .and_then(Value::as_f64)
        .ok_or(errors::INVALID_ASSERTION)?;
    // Clients that put milliseconds in `exp` get away with it on Salesforce.
    let exp_secs = if exp > 1e11 { exp / 1000.0 } else { exp };
    if exp_secs < ctx.shared.clock.now_secs() as f64 {
        return Err(errors::EXPIRED_CODE);
    }
    let jti = claims
        .get("jti")
        .and_then(Value::as_str)
        .map(str::to_string);
    if jti.as_ref().is_some_and(|j| ctx.store.jtis.contains(j)) {
        return Err(errors::JTI_REUSED);
    }
    let sub = claims
        .get("sub")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let user = ctx
        .store
        .user_by_name(sub)
        .ok_or(errors::NOT_APPROVED)?
        .clone();
    let approved = match app.permitted_users {
        PermittedUsers::AdminApproved => preauthorized(&app, &user),
        PermittedUsers::All => ctx
            .store
            .approvals
            .contains(&(user.id.clone(), app.client_id.clone())),
    };
    check_user(&app, &user).map_err(|e| {
        if e == errors::NOT_ADMIN_APPROVED {
            errors::NOT_APPROVED
        } else {
            e
        }
    })?;
    if !approved {
        return Err(errors::NOT_APPROVED);
    }
    if let Some(j) = jti {
        ctx.store.jtis.insert(j);
    }
    let grant = Grant {
        client_id: app.client_id.clone(),
        user_id: user.id.clone(),
        scopes: app.scopes.clone(),
        role: ctx.role,
        nonce: None,
    };
    Ok(tokens::issue(ctx.shared, ctx.store, grant, None, false))
}

/// The claims, read before the signature is checked, only to find the app.
fn payload(assertion: &str) -> Option<Value> {
    use base64::Engine;
    let part = assertion.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The RSA public key inside an X.509 certificate, in PEM.
pub fn decoding_key(cert_pem: &str) -> Option<DecodingKey> {
    let (_, pem) = x509_parser::pem::parse_x509_pem(cert_pem.as_bytes()).ok()?;
    let cert = pem.parse_x509().ok()?;
    let spki = &cert.tbs_certificate.subject_pki;
    Some(DecodingKey::from_rsa_der(&spki.subject_public_key.data))
}

/// Every `aud` the org accepts: its login host by org type, its My Domain (local and
/// pretended) and its instance. Compared without a trailing slash.
pub fn accepted_audiences(shared: &Shared, store: &Store) -> Vec<String> {
    let mut out = vec![
        shared.role_url(HostRole::MyDomain),
        format!("https://{}", store.org.my_domain),
    ];
    if store.org.sandbox {
        out.push("https://test.salesforce.com".into());
        out.push(shared.role_url(HostRole::Test));
    } else {
        out.push("https://login.salesforce.com".into());
        out.push(shared.role_url(HostRole::Login));
    }
    out
}

fn audience_matches(accepted: &[String], aud: &str) -> bool {
    let aud = aud.strip_suffix('/').unwrap_or(aud);
    accepted.iter().any(|a| a == aud)
}
