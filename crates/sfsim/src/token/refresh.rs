//! The refresh-token grant (§7): the app's policy, and rotation with reuse detection —
//! presenting a rotated-out token kills its whole family.

use serde_json::Value;

use super::{Ctx, check_secret, check_user, lookup_app};
use crate::clock::secs_to_ms;
use crate::errors::{self, OAuthError};
use crate::fixtures::RefreshPolicy;
use crate::tokens;

pub fn grant(ctx: &mut Ctx) -> Result<Value, OAuthError> {
    let app = lookup_app(ctx.store, ctx.role, ctx.auth.id.as_deref())?;
    check_secret(&app, ctx.auth, app.require_secret)?;
    let now = ctx.shared.clock.now_ms();
    let token = ctx
        .params
        .get("refresh_token")
        .ok_or(errors::EXPIRED_TOKEN)?;
    let r = ctx
        .store
        .refresh
        .get(token)
        .filter(|r| r.grant.client_id == app.client_id)
        .ok_or(errors::EXPIRED_TOKEN)?
        .clone();
    if !r.alive {
        // A dead token presented again is either a replay after rotation or a
        // client that lost track; Salesforce revokes the family either way.
        ctx.store.kill_family(r.family);
        return Err(errors::EXPIRED_TOKEN);
    }
    let expired = match app.refresh_policy {
        RefreshPolicy::UntilRevoked => false,
        RefreshPolicy::Immediately => true,
        RefreshPolicy::ExpireAfter { secs } => now - r.issued_ms > secs_to_ms(secs),
        RefreshPolicy::ExpireIfUnused { secs } => now - r.last_used_ms > secs_to_ms(secs),
    };
    if expired {
        ctx.store.kill_family(r.family);
        return Err(errors::EXPIRED_TOKEN);
    }
    let user = ctx
        .store
        .user_by_id(&r.grant.user_id)
        .ok_or(errors::EXPIRED_TOKEN)?
        .clone();
    check_user(&app, &user)?;
    if let Some(stored) = ctx.store.refresh.get_mut(token) {
        stored.last_used_ms = now;
        if app.rotate_refresh_tokens {
            stored.alive = false;
        }
    }
    let mut grant = r.grant;
    grant.role = ctx.role;
    // A nonce belongs to one authorize request; refreshed id_tokens carry none.
    grant.nonce = None;
    let rotate = app.rotate_refresh_tokens;
    Ok(tokens::issue(
        ctx.shared,
        ctx.store,
        grant,
        Some(r.family),
        rotate,
    ))
}
