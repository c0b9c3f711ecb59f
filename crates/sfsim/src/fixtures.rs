//! What the simulated org holds: the org, its apps and its users. Read from a TOML file
//! (documented in `fixtures/demo.toml`) or built as Rust values in tests.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The shipped demo set: one org, an app per flow, a few users.
pub const DEMO_TOML: &str = include_str!("../fixtures/demo.toml");
/// The certificate uploaded to the demo JWT app.
pub const DEMO_JWT_CERT_PEM: &str = include_str!("../fixtures/demo-jwt.crt");
/// The private key matching [`DEMO_JWT_CERT_PEM`]. Test and demo use only: it is public.
pub const DEMO_JWT_KEY_PEM: &str = include_str!("../fixtures/demo-jwt.key");

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixtures {
    pub org: Org,
    #[serde(default)]
    pub users: Vec<User>,
    #[serde(default)]
    pub apps: Vec<App>,
}

/// Which host a request was sent to. Everything runs on one loopback port, so the role
/// is chosen by a path prefix (see the README).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostRole {
    /// `login.salesforce.com`
    Login,
    /// `test.salesforce.com`
    Test,
    /// the org's My Domain, which is also its instance
    MyDomain,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Org {
    /// 18-character org id, `00D…`.
    pub id: String,
    pub name: String,
    /// The real-world My Domain host the org pretends to have, e.g. `acme.my.salesforce.com`.
    /// JWT audiences naming it (`https://` + host) are accepted like the local URL.
    pub my_domain: String,
    pub instance_name: String,
    pub sandbox: bool,
    pub session_timeout_secs: u64,
    /// The hosts that know this org; `login` and `test` are mutually exclusive in reality.
    pub answers_as: Vec<HostRole>,
    pub allow_password_flow: bool,
    pub active: bool,
    /// When true, plain-HTTP token requests answer `invalid_request` "HTTPS required".
    pub require_https: bool,
}

impl Default for Org {
    fn default() -> Self {
        Org {
            id: "00D5g000004Xyz1EAC".into(),
            name: "Acme".into(),
            my_domain: "acme.my.salesforce.com".into(),
            instance_name: "NA224".into(),
            sandbox: false,
            session_timeout_secs: 7200,
            answers_as: vec![HostRole::Login, HostRole::MyDomain],
            allow_password_flow: true,
            active: true,
            require_https: false,
        }
    }
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct User {
    pub username: String,
    pub password: String,
    pub security_token: String,
    pub active: bool,
    /// 18-character user id, `005…`.
    pub id: String,
    pub name: String,
    pub email: String,
    /// Profile login IP ranges or hours refuse this user.
    pub login_restricted: bool,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("username", &self.username)
            .field("id", &self.id)
            .field("active", &self.active)
            .finish_non_exhaustive()
    }
}

impl Default for User {
    fn default() -> Self {
        User {
            username: String::new(),
            password: String::new(),
            security_token: String::new(),
            active: true,
            id: String::new(),
            name: String::new(),
            email: String::new(),
            login_restricted: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum RefreshPolicy {
    #[default]
    UntilRevoked,
    ExpireAfter {
        secs: u64,
    },
    ExpireIfUnused {
        secs: u64,
    },
    Immediately,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PermittedUsers {
    /// All users may self-authorise (after an approval page).
    #[default]
    All,
    /// Admin-approved users are pre-authorised; everybody else is refused.
    AdminApproved,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct App {
    pub name: String,
    pub client_id: String,
    pub client_secret: String,
    pub callback_urls: Vec<String>,
    pub scopes: Vec<String>,
    /// Require the secret for the web-server flow and for refresh.
    pub require_secret: bool,
    pub require_pkce: bool,
    pub refresh_policy: RefreshPolicy,
    pub rotate_refresh_tokens: bool,
    pub permitted_users: PermittedUsers,
    /// Usernames pre-authorised (by profile or permission set).
    pub preauthorized_users: Vec<String>,
    /// Uploaded X.509 certificate, PEM.
    pub certificate: Option<String>,
    /// A PEM file, relative to the fixtures file; read into `certificate` on load.
    #[serde(skip_serializing)]
    pub certificate_file: Option<String>,
    pub client_credentials: bool,
    /// Run As username for client credentials.
    pub run_as: Option<String>,
    pub device_flow: bool,
    pub installed: bool,
    /// An External Client App: known on the My Domain only.
    pub external: bool,
    /// Blocked by an admin (`OAUTH_APP_BLOCKED`).
    pub blocked: bool,
    /// Overrides the org's session timeout for tokens of this app.
    pub session_timeout_secs: Option<u64>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("name", &self.name)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

impl Default for App {
    fn default() -> Self {
        App {
            name: String::new(),
            client_id: String::new(),
            client_secret: String::new(),
            callback_urls: vec![],
            scopes: vec!["api".into(), "web".into(), "refresh_token".into()],
            require_secret: true,
            require_pkce: false,
            refresh_policy: RefreshPolicy::UntilRevoked,
            rotate_refresh_tokens: false,
            permitted_users: PermittedUsers::All,
            preauthorized_users: vec![],
            certificate: None,
            certificate_file: None,
            client_credentials: false,
            run_as: None,
            device_flow: false,
            installed: true,
            external: false,
            blocked: false,
            session_timeout_secs: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("fixtures are not valid: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("fixtures are not valid: {0}")]
    Invalid(String),
}

impl Fixtures {
    /// The shipped demo fixtures, with the demo certificate in place.
    pub fn demo() -> Fixtures {
        let mut f = Fixtures::from_toml(DEMO_TOML).expect("the shipped demo fixtures parse");
        for app in &mut f.apps {
            if app.certificate_file.take().is_some() {
                app.certificate = Some(DEMO_JWT_CERT_PEM.to_string());
            }
        }
        f
    }

    /// Parses fixtures; `certificate_file` entries are left unread.
    pub fn from_toml(text: &str) -> Result<Fixtures, FixtureError> {
        let f: Fixtures = toml::from_str(text)?;
        f.validate()?;
        Ok(f)
    }

    /// Reads a fixtures file, with `certificate_file` paths relative to it.
    pub fn load(path: &Path) -> Result<Fixtures, FixtureError> {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|source| FixtureError::Read {
                path: p.display().to_string(),
                source,
            })
        };
        let mut f = Fixtures::from_toml(&read(path)?)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        for app in &mut f.apps {
            if let Some(file) = app.certificate_file.take() {
                app.certificate = Some(read(&dir.join(file))?);
            }
        }
        Ok(f)
    }

    fn validate(&self) -> Result<(), FixtureError> {
        if !self.org.id.starts_with("00D") || self.org.id.len() != 18 {
            return Err(FixtureError::Invalid(format!(
                "org id {:?} must be 18 characters starting with 00D",
                self.org.id
            )));
        }
        for u in &self.users {
            if !u.id.starts_with("005") || u.id.len() != 18 {
                return Err(FixtureError::Invalid(format!(
                    "user {:?}: id must be 18 characters starting with 005",
                    u.username
                )));
            }
        }
        for a in &self.apps {
            if a.client_id.is_empty() {
                return Err(FixtureError::Invalid(format!(
                    "app {:?} has no client_id",
                    a.name
                )));
            }
        }
        Ok(())
    }
}
