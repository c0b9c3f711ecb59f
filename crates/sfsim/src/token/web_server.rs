//! The authorization-code grant (§3): single-use, short-lived codes, the exact
//! redirect URI, and PKCE S256.

use serde_json::Value;

use super::{Ctx, check_secret, check_user, lookup_app};
use crate::errors::{self, OAuthError};
use crate::tokens;

/// Salesforce's codes live 15 minutes.
pub const CODE_LIFETIME_MS: i64 = 15 * 60 * 1000;

pub fn grant(ctx: &mut Ctx) -> Result<Value, OAuthError> {
    let app = lookup_app(ctx.store, ctx.role, ctx.auth.id.as_deref())?;
    check_secret(&app, ctx.auth, app.require_secret)?;
    let now = ctx.shared.clock.now_ms();
    let code = ctx.params.get("code").ok_or(errors::INVALID_CODE)?;
    let c = ctx
        .store
        .codes
        .get(code)
        .filter(|c| c.grant.client_id == app.client_id)
        .ok_or(errors::INVALID_CODE)?
        .clone();
    if c.used || now - c.issued_ms > CODE_LIFETIME_MS {
        return Err(errors::EXPIRED_CODE);
    }
    if ctx.params.get("redirect_uri") != Some(c.redirect_uri.as_str()) {
        return Err(errors::REDIRECT_MISMATCH);
    }
    if let Some(challenge) = &c.challenge {
        let verifier = ctx
            .params
            .get("code_verifier")
            .ok_or(errors::MISSING_VERIFIER)?;
        if &tokens::pkce_challenge(verifier) != challenge {
            return Err(errors::WRONG_VERIFIER);
        }
    }
    if let Some(stored) = ctx.store.codes.get_mut(code) {
        stored.used = true;
    }
    let user = ctx
        .store
        .user_by_id(&c.grant.user_id)
        .ok_or(errors::INVALID_CODE)?
        .clone();
    check_user(&app, &user)?;
    let refresh = tokens::grants_refresh(&c.grant.scopes);
    Ok(tokens::issue(ctx.shared, ctx.store, c.grant, None, refresh))
}
