//! Everything the simulated org remembers: its fixtures (changed at run time by
//! switches), and the tokens, codes, approvals and browser sessions it handed out.
//! One `std::sync::Mutex` guards it all; it is never held across an `.await`.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::clock::Clock;
use crate::fixtures::{App, Fixtures, HostRole, Org, User};
use crate::switches::Faults;

/// What a token or code was issued for.
#[derive(Debug, Clone)]
pub struct Grant {
    pub client_id: String,
    pub user_id: String,
    pub scopes: Vec<String>,
    pub role: HostRole,
    /// The authorize request's `nonce`, echoed in the `id_token`.
    pub nonce: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AccessToken {
    pub grant: Grant,
    pub issued_ms: i64,
    pub last_used_ms: i64,
    /// The refresh-token family it came from; revoking the family kills it.
    pub family: Option<u64>,
    pub alive: bool,
}

#[derive(Debug, Clone)]
pub struct RefreshToken {
    pub grant: Grant,
    pub issued_ms: i64,
    pub last_used_ms: i64,
    pub family: u64,
    pub alive: bool,
}

#[derive(Debug, Clone)]
pub struct AuthCode {
    pub grant: Grant,
    pub redirect_uri: String,
    pub challenge: Option<String>,
    pub issued_ms: i64,
    pub used: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceState {
    Pending,
    Approved(String),
    Denied,
    Used,
}

#[derive(Debug, Clone)]
pub struct DeviceCode {
    pub client_id: String,
    pub user_code: String,
    pub scopes: Vec<String>,
    pub role: HostRole,
    pub issued_ms: i64,
    pub state: DeviceState,
}

/// A validated authorize request waiting for the user to log in and approve.
#[derive(Debug, Clone)]
pub struct AuthorizeRequest {
    pub client_id: String,
    pub redirect_uri: String,
    pub state: Option<String>,
    pub scopes: Vec<String>,
    pub challenge: Option<String>,
    pub force_login: bool,
    pub force_consent: bool,
    pub login_hint: Option<String>,
    pub nonce: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Pending {
    Web(AuthorizeRequest),
    /// The device code being approved from the verification page.
    Device(String),
}

#[derive(Debug, Clone)]
pub struct Otp {
    pub user_id: String,
    pub start_url: String,
    pub used: bool,
}

/// No `Debug`: it holds every live token.
#[derive(Default)]
pub struct Store {
    pub org: Org,
    pub users: Vec<User>,
    pub apps: Vec<App>,
    pub access: HashMap<String, AccessToken>,
    pub refresh: HashMap<String, RefreshToken>,
    pub codes: HashMap<String, AuthCode>,
    pub devices: HashMap<String, DeviceCode>,
    pub pending: HashMap<String, (HostRole, Pending)>,
    /// Browser session cookie → user id.
    pub browser: HashMap<String, String>,
    /// (user id, client id) pairs the user approved on the approval page.
    pub approvals: HashSet<(String, String)>,
    pub jtis: HashSet<String>,
    pub otps: HashMap<String, Otp>,
    pub next_family: u64,
    pub rate_limited: bool,
}

impl Store {
    pub fn new(f: Fixtures) -> Store {
        Store {
            org: f.org,
            users: f.users,
            apps: f.apps,
            ..Store::default()
        }
    }

    pub fn user_by_name(&self, username: &str) -> Option<&User> {
        self.users
            .iter()
            .find(|u| u.username.eq_ignore_ascii_case(username))
    }

    pub fn user_by_id(&self, id: &str) -> Option<&User> {
        // Salesforce accepts the 15- and the 18-character form of an id.
        self.users
            .iter()
            .find(|u| u.id == id || (id.len() == 15 && u.id.starts_with(id)))
    }

    pub fn app(&self, client_id: &str) -> Option<&App> {
        self.apps.iter().find(|a| a.client_id == client_id)
    }

    pub fn app_mut(&mut self, client_id: &str) -> Option<&mut App> {
        self.apps.iter_mut().find(|a| a.client_id == client_id)
    }

    pub fn timeout_ms(&self, client_id: &str) -> i64 {
        let secs = self
            .app(client_id)
            .and_then(|a| a.session_timeout_secs)
            .unwrap_or(self.org.session_timeout_secs);
        crate::clock::secs_to_ms(secs)
    }

    /// The live access token, touched (Salesforce's timeout counts from last use).
    pub fn use_access(&mut self, token: &str, now: i64) -> Option<AccessToken> {
        let timeout = {
            let t = self.access.get(token)?;
            self.timeout_ms(&t.grant.client_id)
        };
        let t = self.access.get_mut(token)?;
        if !t.alive || now - t.last_used_ms > timeout {
            t.alive = false;
            return None;
        }
        t.last_used_ms = now;
        Some(t.clone())
    }

    /// Kills a refresh-token family and every access token it produced.
    pub fn kill_family(&mut self, family: u64) {
        for r in self.refresh.values_mut().filter(|r| r.family == family) {
            r.alive = false;
        }
        for a in self
            .access
            .values_mut()
            .filter(|a| a.family == Some(family))
        {
            a.alive = false;
        }
    }

    pub fn new_family(&mut self) -> u64 {
        self.next_family += 1;
        self.next_family
    }
}

/// What every handler shares. No `Debug`, for the same reason as [`Store`].
pub struct Shared {
    pub store: Mutex<Store>,
    pub clock: Clock,
    pub faults: Faults,
    /// `http://127.0.0.1:PORT` (or `https://`): the My Domain and instance.
    pub base_url: String,
    pub tls: bool,
    /// Write one line per request to stderr.
    pub log: bool,
}

pub type AppState = Arc<Shared>;

impl Shared {
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock leaves plain data behind; keep serving.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn role_url(&self, role: HostRole) -> String {
        format!("{}{}", self.base_url, role_prefix(role))
    }
}

pub fn role_prefix(role: HostRole) -> &'static str {
    match role {
        HostRole::Login => "/__login",
        HostRole::Test => "/__test",
        HostRole::MyDomain => "",
    }
}
