//! Faults and admin actions that tests (and people, through the admin API) switch on
//! and off while the simulator runs.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use rand::Rng;
use rand::distributions::Alphanumeric;
use serde::{Deserialize, Serialize};

use crate::fixtures::{App, Org};
use crate::store::AppState;

/// An endpoint group a fault can be put on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Endpoint {
    Token,
    Authorize,
    Revoke,
    Introspect,
    Userinfo,
    Identity,
    WellKnown,
    SingleAccess,
    Frontdoor,
    Rest,
    /// Every endpoint above.
    All,
}

impl Endpoint {
    pub const NAMES: [&str; 11] = [
        "token",
        "authorize",
        "revoke",
        "introspect",
        "userinfo",
        "identity",
        "well_known",
        "single_access",
        "frontdoor",
        "rest",
        "all",
    ];

    pub fn parse(name: &str) -> Option<Endpoint> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    /// The endpoint a path (without its host-role prefix) belongs to.
    pub fn of_path(path: &str) -> Option<Endpoint> {
        let p = path;
        Some(if p.starts_with("/services/oauth2/token") {
            Endpoint::Token
        } else if p.starts_with("/services/oauth2/authorize") || p.starts_with("/setup/connect") {
            Endpoint::Authorize
        } else if p.starts_with("/services/oauth2/revoke") {
            Endpoint::Revoke
        } else if p.starts_with("/services/oauth2/introspect") {
            Endpoint::Introspect
        } else if p.starts_with("/services/oauth2/userinfo") {
            Endpoint::Userinfo
        } else if p.starts_with("/services/oauth2/singleaccess") {
            Endpoint::SingleAccess
        } else if p.starts_with("/id/") {
            Endpoint::Identity
        } else if p.starts_with("/.well-known/") {
            Endpoint::WellKnown
        } else if p.starts_with("/secur/frontdoor.jsp") {
            Endpoint::Frontdoor
        } else if p.starts_with("/services/data") {
            Endpoint::Rest
        } else {
            return None;
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Answer this HTTP status with a small HTML error page (500, 503, …).
    Status { status: u16 },
    /// Answer 200 with an HTML "down for maintenance" page, as a proxy would.
    Maintenance,
    /// Wait this long, then answer normally.
    Delay { ms: u64 },
    /// Close the connection without answering.
    Drop,
    /// Answer normally, but cut the body in half.
    TruncatedJson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    #[serde(flatten)]
    pub kind: FaultKind,
    /// Clears itself after this many requests; `None` stays until cleared.
    #[serde(default)]
    pub times: Option<u32>,
}

impl Fault {
    pub fn new(kind: FaultKind) -> Fault {
        Fault { kind, times: None }
    }
    pub fn times(mut self, n: u32) -> Fault {
        self.times = Some(n);
        self
    }
}

#[derive(Debug, Default)]
pub struct Faults(Mutex<HashMap<Endpoint, Fault>>);

impl Faults {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<Endpoint, Fault>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The fault to apply to one request, counted down if it is limited.
    pub fn take(&self, endpoint: Endpoint) -> Option<FaultKind> {
        let mut map = self.map();
        let key = [endpoint, Endpoint::All]
            .into_iter()
            .find(|k| map.contains_key(k))?;
        let fault = map.get_mut(&key)?;
        let kind = fault.kind;
        if let Some(n) = fault.times.as_mut() {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&key);
            }
        }
        Some(kind)
    }

    pub fn set(&self, endpoint: Endpoint, fault: Fault) {
        self.map().insert(endpoint, fault);
    }

    pub fn clear(&self, endpoint: Endpoint) {
        self.map().remove(&endpoint);
    }

    pub fn clear_all(&self) {
        self.map().clear();
    }

    pub fn list(&self) -> HashMap<Endpoint, Fault> {
        self.map().clone()
    }
}

/// Switches of a running simulator. Cheap to clone.
#[derive(Clone)]
pub struct Switches(pub(crate) AppState);

impl std::fmt::Debug for Switches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Switches")
            .field("base_url", &self.0.base_url)
            .finish_non_exhaustive()
    }
}

impl Switches {
    pub fn set_fault(&self, endpoint: Endpoint, fault: Fault) {
        self.0.faults.set(endpoint, fault);
    }

    pub fn clear_fault(&self, endpoint: Endpoint) {
        self.0.faults.clear(endpoint);
    }

    pub fn clear_faults(&self) {
        self.0.faults.clear_all();
    }

    /// Moves the simulated clock forward: sessions, codes and refresh tokens age.
    pub fn advance_clock(&self, by: Duration) {
        self.0.clock.advance(by);
    }

    /// Every access token dies, as after a session-timeout change or a mass logout.
    pub fn expire_all_sessions(&self) {
        let mut s = self.0.store();
        for t in s.access.values_mut() {
            t.alive = false;
        }
        s.browser.clear();
    }

    /// A sandbox refresh: every refresh and access token dies.
    pub fn refresh_sandbox(&self) {
        let mut s = self.0.store();
        for t in s.refresh.values_mut() {
            t.alive = false;
        }
        for t in s.access.values_mut() {
            t.alive = false;
        }
    }

    /// Gives the app a new random secret and returns it; `None` for an unknown app.
    pub fn rotate_client_secret(&self, client_id: &str) -> Option<String> {
        let secret: String = rand::thread_rng()
            .sample_iter(&Alphanumeric)
            .take(64)
            .map(char::from)
            .collect::<String>()
            .to_uppercase();
        self.update_app(client_id, |a| a.client_secret = secret.clone())
            .then_some(secret)
    }

    pub fn set_user_active(&self, username: &str, active: bool) -> bool {
        self.update_user(username, |u| u.active = active)
    }

    pub fn set_user_login_restricted(&self, username: &str, restricted: bool) -> bool {
        self.update_user(username, |u| u.login_restricted = restricted)
    }

    pub fn set_password_flow_allowed(&self, allowed: bool) {
        self.update_org(|o| o.allow_password_flow = allowed);
    }

    pub fn set_app_installed(&self, client_id: &str, installed: bool) -> bool {
        self.update_app(client_id, |a| a.installed = installed)
    }

    pub fn set_app_blocked(&self, client_id: &str, blocked: bool) -> bool {
        self.update_app(client_id, |a| a.blocked = blocked)
    }

    pub fn set_rate_limited(&self, on: bool) {
        self.0.store().rate_limited = on;
    }

    pub fn set_org_active(&self, active: bool) {
        self.update_org(|o| o.active = active);
    }

    /// A refresh token of `username` for the app, with the app's scopes, as if that
    /// person had logged in earlier with another tool (demo mode's imported org).
    /// `None` for an unknown app or user.
    pub fn issue_refresh_token(&self, client_id: &str, username: &str) -> Option<String> {
        let mut store = self.0.store();
        let user_id = store.user_by_name(username)?.id.clone();
        let scopes = store.app(client_id)?.scopes.clone();
        let grant = crate::store::Grant {
            client_id: client_id.to_owned(),
            user_id,
            scopes,
            role: crate::fixtures::HostRole::MyDomain,
            nonce: None,
        };
        let body = crate::tokens::issue(&self.0, &mut store, grant, None, true);
        body["refresh_token"].as_str().map(str::to_owned)
    }

    /// Changes any app setting; false for an unknown app.
    pub fn update_app(&self, client_id: &str, change: impl FnOnce(&mut App)) -> bool {
        self.0.store().app_mut(client_id).map(change).is_some()
    }

    pub fn update_org(&self, change: impl FnOnce(&mut Org)) {
        change(&mut self.0.store().org);
    }

    pub fn update_user(&self, username: &str, change: impl FnOnce(&mut crate::User)) -> bool {
        let mut s = self.0.store();
        let user = s
            .users
            .iter_mut()
            .find(|u| u.username.eq_ignore_ascii_case(username));
        user.map(change).is_some()
    }
}
