//! The device flow (§8): the start call, and polling that answers
//! `authorization_pending` until the user approves on the verification page.

use rand::Rng;
use serde_json::{Value, json};

use super::{Ctx, check_secret, lookup_app, resolve_scopes};
use crate::errors::{self, OAuthError};
use crate::store::{DeviceCode, DeviceState, Grant};
use crate::tokens;

pub const DEVICE_CODE_LIFETIME_MS: i64 = 10 * 60 * 1000;
pub const INTERVAL_SECS: u64 = 5;

pub fn start(ctx: &mut Ctx) -> Result<Value, OAuthError> {
    let app = lookup_app(ctx.store, ctx.role, ctx.auth.id.as_deref())?;
    if !app.device_flow {
        return Err(errors::FLOW_NOT_ENABLED);
    }
    let scopes = resolve_scopes(&app, ctx.params.get("scope"))?;
    let device_code = tokens::random_alnum(64);
    let user_code = user_code();
    ctx.store.devices.insert(
        device_code.clone(),
        DeviceCode {
            client_id: app.client_id.clone(),
            user_code: user_code.clone(),
            scopes,
            role: ctx.role,
            issued_ms: ctx.shared.clock.now_ms(),
            state: DeviceState::Pending,
        },
    );
    Ok(json!({
        "device_code": device_code,
        "user_code": user_code,
        "verification_uri": format!("{}/setup/connect", ctx.shared.role_url(ctx.role)),
        "interval": INTERVAL_SECS,
    }))
}

/// Eight characters without look-alikes, easy to type from another screen.
fn user_code() -> String {
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    (0..8)
        .map(|_| CHARS[rng.gen_range(0..CHARS.len())] as char)
        .collect()
}

pub fn poll(ctx: &mut Ctx) -> Result<Value, OAuthError> {
    let app = lookup_app(ctx.store, ctx.role, ctx.auth.id.as_deref())?;
    check_secret(&app, ctx.auth, false)?;
    let now = ctx.shared.clock.now_ms();
    let code = ctx.params.get("code").ok_or(errors::INVALID_CODE)?;
    let d = ctx
        .store
        .devices
        .get_mut(code)
        .filter(|d| d.client_id == app.client_id)
        .ok_or(errors::INVALID_CODE)?;
    if now - d.issued_ms > DEVICE_CODE_LIFETIME_MS {
        return Err(errors::EXPIRED_CODE);
    }
    let user_id = match &d.state {
        DeviceState::Pending => return Err(errors::AUTHORIZATION_PENDING),
        DeviceState::Denied => return Err(errors::ACCESS_DENIED),
        DeviceState::Used => return Err(errors::EXPIRED_CODE),
        DeviceState::Approved(user_id) => user_id.clone(),
    };
    d.state = DeviceState::Used;
    let grant = Grant {
        client_id: app.client_id.clone(),
        user_id,
        scopes: d.scopes.clone(),
        role: d.role,
        nonce: None,
    };
    let refresh = tokens::grants_refresh(&grant.scopes);
    Ok(tokens::issue(ctx.shared, ctx.store, grant, None, refresh))
}
