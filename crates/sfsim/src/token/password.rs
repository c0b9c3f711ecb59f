//! The username-password grant (§6): password and security token joined, and a
//! blocked flow answering exactly like a wrong password.

use serde_json::Value;

use super::{Ctx, check_secret, check_user, lookup_app};
use crate::errors::{self, OAuthError};
use crate::store::Grant;
use crate::tokens;

pub fn grant(ctx: &mut Ctx) -> Result<Value, OAuthError> {
    let app = lookup_app(ctx.store, ctx.role, ctx.auth.id.as_deref())?;
    check_secret(&app, ctx.auth, true)?;
    if !ctx.store.org.allow_password_flow {
        return Err(errors::AUTH_FAILURE);
    }
    let username = ctx.params.get("username").unwrap_or_default();
    let password = ctx.params.get("password").unwrap_or_default();
    let user = ctx
        .store
        .user_by_name(username)
        .filter(|u| format!("{}{}", u.password, u.security_token) == password)
        .ok_or(errors::AUTH_FAILURE)?
        .clone();
    check_user(&app, &user)?;
    let grant = Grant {
        client_id: app.client_id.clone(),
        user_id: user.id.clone(),
        scopes: app.scopes.clone(),
        role: ctx.role,
        nonce: None,
    };
    Ok(tokens::issue(ctx.shared, ctx.store, grant, None, false))
}
