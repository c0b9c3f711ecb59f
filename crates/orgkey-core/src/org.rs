//! An org as OrgKey knows it: who it is, where to log in, and which flow to run, with
//! the non-secret settings that flow needs. Secrets live in the vault, never here.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use url::Url;

use crate::explain::{Explain, Explanation, Kind};

/// OrgKey's own id for an org: stable across renames, the key of its vault entries.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrgId(pub String);

impl OrgId {
    pub fn generate() -> Self {
        OrgId(uuid::Uuid::new_v4().to_string())
    }
}

impl fmt::Display for OrgId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Org {
    pub id: OrgId,
    /// What a person types: `orgkey token ALIAS`. Unique, see [`validate_alias`].
    pub alias: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// `#rrggbb`, the colour strip in the app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    pub environment: Environment,
    /// Where token requests go: login/test.salesforce.com, a My Domain, or loopback.
    pub login_url: Url,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_domain: Option<Url>,
    #[serde(default = "default_api_version")]
    pub api_version: String,
    /// The org's session timeout: how long an access token is trusted without a check.
    #[serde(default = "default_session_timeout")]
    pub session_timeout_minutes: u32,
    pub flow: Flow,
}

/// The REST API version a new org uses.
pub const DEFAULT_API_VERSION: &str = "62.0";

/// Salesforce's default session timeout, the basis of the expiry estimate.
pub const DEFAULT_SESSION_TIMEOUT_MINUTES: u32 = 120;

fn default_api_version() -> String {
    DEFAULT_API_VERSION.into()
}

fn default_session_timeout() -> u32 {
    DEFAULT_SESSION_TIMEOUT_MINUTES
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Production,
    Sandbox,
    Scratch,
    Developer,
}

/// The flow an org logs in with, and its non-secret settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Flow {
    /// Authorization code + PKCE in a browser. Secret: client secret, if the app needs one.
    WebServer {
        client_id: String,
        callback_url: Url,
        #[serde(default = "default_scopes")]
        scopes: Vec<String>,
    },
    /// Secrets: client secret, password, security token.
    Password { client_id: String, username: String },
    /// Secret: the private key, in the keychain or in a file.
    JwtBearer {
        client_id: String,
        username: String,
        /// The `aud` claim; the My Domain (else the login URL) when unset.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        audience: Option<Url>,
        key: KeySource,
    },
    /// Secret: client secret. Only on a My Domain host.
    ClientCredentials { client_id: String },
    /// No secret of its own; a person approves on another device.
    Device {
        client_id: String,
        #[serde(default = "default_scopes")]
        scopes: Vec<String>,
    },
    /// Only a refresh token (and maybe a client secret), as an SFDX auth URL gives.
    RefreshToken { client_id: String },
}

fn default_scopes() -> Vec<String> {
    ["api", "web", "refresh_token"].map(String::from).to_vec()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "in", rename_all = "snake_case")]
pub enum KeySource {
    Keychain,
    File { path: PathBuf },
}

impl Flow {
    pub fn client_id(&self) -> &str {
        match self {
            Flow::WebServer { client_id, .. }
            | Flow::Password { client_id, .. }
            | Flow::JwtBearer { client_id, .. }
            | Flow::ClientCredentials { client_id }
            | Flow::Device { client_id, .. }
            | Flow::RefreshToken { client_id } => client_id,
        }
    }

    /// Whether the flow can run again without a person, when no token is left.
    pub fn runs_unattended(&self) -> bool {
        matches!(
            self,
            Flow::Password { .. } | Flow::JwtBearer { .. } | Flow::ClientCredentials { .. }
        )
    }

    pub fn name(&self) -> &'static str {
        match self {
            Flow::WebServer { .. } => "web",
            Flow::Password { .. } => "password",
            Flow::JwtBearer { .. } => "jwt",
            Flow::ClientCredentials { .. } => "client-credentials",
            Flow::Device { .. } => "device",
            Flow::RefreshToken { .. } => "refresh",
        }
    }
}

impl Environment {
    /// The name used in `orgs.toml` and in the CLI's JSON.
    pub fn name(self) -> &'static str {
        match self {
            Environment::Production => "production",
            Environment::Sandbox => "sandbox",
            Environment::Scratch => "scratch",
            Environment::Developer => "developer",
        }
    }

    /// A guess from a login or My Domain host; a person can correct it afterwards.
    pub fn guess_from_host(host: &str) -> Environment {
        if host == "test.salesforce.com" || host.contains(".sandbox.") {
            Environment::Sandbox
        } else if host.contains(".scratch.") {
            Environment::Scratch
        } else if host.contains(".develop.") {
            Environment::Developer
        } else {
            Environment::Production
        }
    }
}

impl Org {
    /// How long a token of this org lives: its session timeout (Salesforce sends no
    /// expiry, so this is the estimate every "expires in" is built on).
    pub fn session_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(u64::from(self.session_timeout_minutes) * 60)
    }

    /// The host token requests for this org go to: the My Domain when known (External
    /// Client Apps answer only there), else the login URL.
    pub fn token_host(&self) -> &Url {
        match (&self.flow, &self.my_domain) {
            // The person chose the login URL for these on purpose (the JWT host is
            // editable), so it wins.
            (Flow::JwtBearer { .. }, _) | (_, None) => &self.login_url,
            (_, Some(my_domain)) => my_domain,
        }
    }
}

/// Why a value given for an org is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidOrg {
    #[error("invalid alias {0:?}")]
    Alias(String),
    #[error("invalid URL {url:?}: {reason}")]
    Url { url: String, reason: &'static str },
    #[error("missing {0}")]
    Missing(&'static str),
    #[error("invalid colour {0:?}")]
    Color(String),
}

impl Explain for InvalidOrg {
    fn explain(&self) -> Explanation {
        let (message, fix) = match self {
            InvalidOrg::Alias(alias) => (
                format!("{alias:?} cannot be an alias."),
                "Use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (for example acme-uat).".to_owned(),
            ),
            InvalidOrg::Url { url, reason } => (
                format!("{url:?} is not a usable Salesforce URL: {reason}."),
                "Give an https:// URL such as https://login.salesforce.com, https://test.salesforce.com or https://NAME.my.salesforce.com (plain http only for 127.0.0.1 or localhost).".to_owned(),
            ),
            InvalidOrg::Missing(what) => (
                format!("The {what} is missing."),
                format!("Give the {what}; the org cannot be saved without it."),
            ),
            InvalidOrg::Color(color) => (
                format!("{color:?} is not a colour."),
                "Give a colour as #rrggbb, for example #1f77b4.".to_owned(),
            ),
        };
        Explanation::new(Kind::Input, message, fix)
    }
}

pub fn validate_alias(alias: &str) -> Result<(), InvalidOrg> {
    let mut chars = alias.chars();
    let valid = alias.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if valid {
        Ok(())
    } else {
        Err(InvalidOrg::Alias(alias.to_owned()))
    }
}

pub fn validate_color(color: &str) -> Result<(), InvalidOrg> {
    let hex = color.strip_prefix('#').unwrap_or("");
    if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(())
    } else {
        Err(InvalidOrg::Color(color.to_owned()))
    }
}

/// Parses a Salesforce host URL: https only (plain http for loopback, which sfsim and
/// tests use), no query, `*.lightning.force.com` turned into its My Domain, and the
/// path kept (an Experience site or a test double may live under one) without a
/// trailing slash.
pub fn parse_host_url(text: &str) -> Result<Url, InvalidOrg> {
    let invalid = |reason| InvalidOrg::Url {
        url: text.to_owned(),
        reason,
    };
    let trimmed = text.trim();
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let mut url = Url::parse(&with_scheme).map_err(|_| invalid("it is not a URL"))?;
    let host = url.host_str().ok_or(invalid("it has no host"))?.to_owned();
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&host) => {}
        "http" => return Err(invalid("plain http is only allowed for loopback")),
        _ => return Err(invalid("only https URLs are allowed")),
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("it must not have a query or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid("it must not hold a user name or password"));
    }
    if let Some(name) = host.strip_suffix(".lightning.force.com") {
        url.set_host(Some(&format!("{name}.my.salesforce.com")))
            .map_err(|_| invalid("it has no host"))?;
    }
    let path = url.path().trim_end_matches('/').to_owned();
    url.set_path(&path);
    Ok(url)
}

pub fn is_loopback(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]" | "::1")
}

/// A URL as a string without the trailing slash `Url` adds to an empty path.
pub fn url_base(url: &Url) -> String {
    url.as_str().trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases() {
        for good in ["prod", "acme-uat", "a", "Client_1.dev"] {
            validate_alias(good).unwrap();
        }
        for bad in ["", "-x", ".x", "has space", "ünï", &"x".repeat(65), "a/b"] {
            assert!(validate_alias(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn host_urls() {
        let ok = |text: &str| parse_host_url(text).unwrap().to_string();
        assert_eq!(
            ok("https://login.salesforce.com/"),
            "https://login.salesforce.com/"
        );
        assert_eq!(
            ok("acme.my.salesforce.com"),
            "https://acme.my.salesforce.com/"
        );
        assert_eq!(
            ok("https://acme.lightning.force.com"),
            "https://acme.my.salesforce.com/"
        );
        assert_eq!(
            ok("http://127.0.0.1:8443/__test/"),
            "http://127.0.0.1:8443/__test"
        );
        assert_eq!(ok("http://localhost:1717"), "http://localhost:1717/");
        for bad in [
            "http://login.salesforce.com",
            "ftp://x.example",
            "https://",
            "https://a.my.salesforce.com/?x=1",
            "https://u:p@a.my.salesforce.com",
        ] {
            assert!(parse_host_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn environment_names_are_those_of_the_file() {
        for environment in [
            Environment::Production,
            Environment::Sandbox,
            Environment::Scratch,
            Environment::Developer,
        ] {
            let in_toml = toml::Value::try_from(environment).unwrap();
            assert_eq!(in_toml.as_str(), Some(environment.name()));
        }
    }

    #[test]
    fn colours() {
        validate_color("#1f77B4").unwrap();
        for bad in ["1f77b4", "#1f77b", "#ggg000", "red"] {
            assert!(validate_color(bad).is_err());
        }
    }

    #[test]
    fn token_requests_go_to_the_my_domain_when_known() {
        let mut org = Org {
            id: OrgId("x".into()),
            alias: "a".into(),
            label: String::new(),
            color: None,
            environment: Environment::Production,
            login_url: parse_host_url("https://login.salesforce.com").unwrap(),
            my_domain: Some(parse_host_url("https://acme.my.salesforce.com").unwrap()),
            api_version: default_api_version(),
            session_timeout_minutes: 120,
            flow: Flow::ClientCredentials {
                client_id: "c".into(),
            },
        };
        assert_eq!(org.token_host().as_str(), "https://acme.my.salesforce.com/");
        org.my_domain = None;
        assert_eq!(org.token_host().as_str(), "https://login.salesforce.com/");
    }
}
