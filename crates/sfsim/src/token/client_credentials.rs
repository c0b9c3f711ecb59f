//! The client-credentials grant (§5): My Domain only, as the app's Run As user.

use serde_json::Value;

use super::{Ctx, check_secret, lookup_app};
use crate::errors::{self, OAuthError};
use crate::fixtures::HostRole;
use crate::store::Grant;
use crate::tokens;

pub fn grant(ctx: &mut Ctx) -> Result<Value, OAuthError> {
    let app = lookup_app(ctx.store, ctx.role, ctx.auth.id.as_deref())?;
    check_secret(&app, ctx.auth, true)?;
    if ctx.role != HostRole::MyDomain {
        return Err(errors::WRONG_DOMAIN);
    }
    let user = app
        .run_as
        .as_deref()
        .filter(|_| app.client_credentials)
        .and_then(|name| ctx.store.user_by_name(name))
        .ok_or(errors::NO_CC_USER)?
        .clone();
    if !user.active {
        return Err(errors::INACTIVE_USER);
    }
    let grant = Grant {
        client_id: app.client_id.clone(),
        user_id: user.id.clone(),
        scopes: app
            .scopes
            .iter()
            .filter(|s| !tokens::grants_refresh(std::slice::from_ref(s)))
            .cloned()
            .collect(),
        role: ctx.role,
        nonce: None,
    };
    Ok(tokens::issue(ctx.shared, ctx.store, grant, None, false))
}
