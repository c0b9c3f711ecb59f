//! An org as a person types it (every field text, most optional), checked and turned
//! into an [`Org`]. The CLI's `org add`/`org edit` and the app's editor both fill one,
//! so both accept and refuse exactly the same things.

mod check;
mod sandbox;

pub use check::{Field, Problem};
pub use sandbox::{InvalidSandbox, for_sandbox};

use std::path::PathBuf;

use crate::vault::SecretKind;

use crate::org::{
    DEFAULT_API_VERSION, DEFAULT_SESSION_TIMEOUT_MINUTES, Environment, Flow, InvalidOrg, KeySource,
    Org, OrgId, parse_host_url, validate_alias, validate_color,
};

/// The web flow's callback when none is given: the Salesforce CLI's, which many admins
/// have already registered on their apps.
pub const DEFAULT_CALLBACK: &str = "http://localhost:1717/OauthRedirect";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowKind {
    Web,
    Password,
    Jwt,
    ClientCredentials,
    Device,
    Refresh,
}

impl FlowKind {
    /// The secrets an org of this flow cannot log in without. The JWT key is not
    /// among them: it is often made after the org, on the certificate screen.
    pub fn required_secrets(self) -> &'static [SecretKind] {
        match self {
            FlowKind::Password => &[SecretKind::ClientSecret, SecretKind::Password],
            FlowKind::ClientCredentials => &[SecretKind::ClientSecret],
            FlowKind::Refresh => &[SecretKind::RefreshToken],
            FlowKind::Web | FlowKind::Jwt | FlowKind::Device => &[],
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct OrgDraft {
    pub alias: Option<String>,
    pub flow: Option<FlowKind>,
    pub login_url: Option<String>,
    pub my_domain: Option<String>,
    pub client_id: Option<String>,
    pub username: Option<String>,
    /// `Some` to read the JWT key from this file; `None` keeps it in the keychain.
    pub key_file: Option<PathBuf>,
    pub callback_url: Option<String>,
    pub audience: Option<String>,
    pub scopes: Option<String>,
    pub label: Option<String>,
    pub color: Option<String>,
    pub environment: Option<Environment>,
    pub session_timeout_minutes: Option<u32>,
}

impl OrgDraft {
    /// A new org from the draft alone.
    pub fn build_new(&self) -> Result<Org, InvalidOrg> {
        self.build(None)
    }

    /// The draft applied over `base`: fields left `None` keep the base's value.
    pub fn build(&self, base: Option<&Org>) -> Result<Org, InvalidOrg> {
        let alias = self
            .alias
            .clone()
            .or_else(|| base.map(|org| org.alias.clone()))
            .ok_or(InvalidOrg::Missing("alias"))?;
        validate_alias(&alias)?;
        let login_url = match (&self.login_url, base) {
            (Some(text), _) => parse_host_url(text)?,
            (None, Some(org)) => org.login_url.clone(),
            (None, None) => return Err(InvalidOrg::Missing("login URL")),
        };
        let my_domain = match (&self.my_domain, base) {
            (Some(text), _) if text.trim().is_empty() => None,
            (Some(text), _) => Some(parse_host_url(text)?),
            (None, base) => base.and_then(|org| org.my_domain.clone()),
        };
        let color = match (&self.color, base) {
            (Some(text), _) if text.trim().is_empty() => None,
            (Some(text), _) => {
                validate_color(text)?;
                Some(text.clone())
            }
            (None, base) => base.and_then(|org| org.color.clone()),
        };
        let flow = self.flow(base)?;
        if let Flow::ClientCredentials { .. } = flow {
            require_my_domain(my_domain.as_ref().unwrap_or(&login_url))?;
        }
        let environment = self
            .environment
            .or(base.map(|org| org.environment))
            .unwrap_or_else(|| {
                Environment::guess_from_host(login_url.host_str().unwrap_or_default())
            });
        Ok(Org {
            id: base.map_or_else(OrgId::generate, |org| org.id.clone()),
            alias,
            label: self
                .label
                .clone()
                .or_else(|| base.map(|org| org.label.clone()))
                .unwrap_or_default(),
            color,
            environment,
            login_url,
            my_domain,
            api_version: base.map_or_else(
                || DEFAULT_API_VERSION.to_owned(),
                |org| org.api_version.clone(),
            ),
            session_timeout_minutes: self
                .session_timeout_minutes
                .or(base.map(|org| org.session_timeout_minutes))
                .unwrap_or(DEFAULT_SESSION_TIMEOUT_MINUTES)
                .max(1),
            flow,
        })
    }

    fn flow(&self, base: Option<&Org>) -> Result<Flow, InvalidOrg> {
        let base_flow = base.map(|org| &org.flow);
        let kind = self
            .flow
            .or(base_flow.map(kind_of))
            .ok_or(InvalidOrg::Missing("flow"))?;
        // Settings of the same flow carry over on edit; another flow starts afresh.
        let same = base_flow.filter(|flow| kind_of(flow) == kind);
        let text = |given: &Option<String>, from_base: Option<String>, what| {
            given
                .clone()
                .filter(|value| !value.trim().is_empty())
                .or(from_base)
                .map(|value| value.trim().to_owned())
                .ok_or(InvalidOrg::Missing(what))
        };
        let client_id = text(
            &self.client_id,
            same.map(|flow| flow.client_id().to_owned()),
            "client id (consumer key)",
        )?;
        let base_username = same.and_then(|flow| match flow {
            Flow::Password { username, .. } | Flow::JwtBearer { username, .. } => {
                Some(username.clone())
            }
            _ => None,
        });
        let scopes = |base: Option<&Vec<String>>| match &self.scopes {
            Some(text) => text
                .split([' ', ','])
                .filter(|scope| !scope.is_empty())
                .map(String::from)
                .collect(),
            None => base
                .cloned()
                .unwrap_or_else(|| ["api", "web", "refresh_token"].map(String::from).to_vec()),
        };
        Ok(match kind {
            FlowKind::Web => {
                let base_callback = same.and_then(|flow| match flow {
                    Flow::WebServer { callback_url, .. } => Some(callback_url.clone()),
                    _ => None,
                });
                let callback_url = match &self.callback_url {
                    Some(text) => parse_callback(text)?,
                    None => base_callback.unwrap_or_else(|| {
                        parse_callback(DEFAULT_CALLBACK).expect("valid default")
                    }),
                };
                let base_scopes = same.and_then(|flow| match flow {
                    Flow::WebServer { scopes, .. } => Some(scopes),
                    _ => None,
                });
                Flow::WebServer {
                    client_id,
                    callback_url,
                    scopes: scopes(base_scopes),
                }
            }
            FlowKind::Password => Flow::Password {
                client_id,
                username: text(&self.username, base_username, "username")?,
            },
            FlowKind::Jwt => {
                let (base_audience, base_key) = match same {
                    Some(Flow::JwtBearer { audience, key, .. }) => {
                        (audience.clone(), Some(key.clone()))
                    }
                    _ => (None, None),
                };
                let audience = match &self.audience {
                    Some(text) if text.trim().is_empty() => None,
                    Some(text) => Some(parse_host_url(text)?),
                    None => base_audience,
                };
                let key = match &self.key_file {
                    Some(path) => KeySource::File { path: path.clone() },
                    None => base_key.unwrap_or(KeySource::Keychain),
                };
                Flow::JwtBearer {
                    client_id,
                    username: text(&self.username, base_username, "username")?,
                    audience,
                    key,
                }
            }
            FlowKind::ClientCredentials => Flow::ClientCredentials { client_id },
            FlowKind::Device => {
                let base_scopes = same.and_then(|flow| match flow {
                    Flow::Device { scopes, .. } => Some(scopes),
                    _ => None,
                });
                Flow::Device {
                    client_id,
                    scopes: scopes(base_scopes),
                }
            }
            FlowKind::Refresh => Flow::RefreshToken { client_id },
        })
    }
}

/// Client credentials answer only on the org's own My Domain, never on the shared
/// login hosts (§5), so an org set up that way could never log in.
fn require_my_domain(host: &url::Url) -> Result<(), InvalidOrg> {
    match host.host_str() {
        Some("login.salesforce.com" | "test.salesforce.com") => Err(InvalidOrg::Url {
            url: crate::org::url_base(host),
            reason: "the client credentials flow works only on your My Domain (https://NAME.my.salesforce.com)",
        }),
        _ => Ok(()),
    }
}

pub fn kind_of(flow: &Flow) -> FlowKind {
    match flow {
        Flow::WebServer { .. } => FlowKind::Web,
        Flow::Password { .. } => FlowKind::Password,
        Flow::JwtBearer { .. } => FlowKind::Jwt,
        Flow::ClientCredentials { .. } => FlowKind::ClientCredentials,
        Flow::Device { .. } => FlowKind::Device,
        Flow::RefreshToken { .. } => FlowKind::Refresh,
    }
}

/// A callback URL: https, or http on loopback (where the CLI can receive it), or an
/// app's custom scheme (`orgkey://callback`), which the desktop popup intercepts.
fn parse_callback(text: &str) -> Result<url::Url, InvalidOrg> {
    let invalid = |reason| InvalidOrg::Url {
        url: text.to_owned(),
        reason,
    };
    let url = url::Url::parse(text.trim()).map_err(|_| invalid("it is not a URL"))?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if url.host_str().is_some_and(crate::org::is_loopback) => Ok(url),
        "http" => Err(invalid("plain http is only allowed for loopback")),
        _ if url.cannot_be_a_base() => Err(invalid("it is not a URL")),
        _ => Ok(url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(flow: FlowKind) -> OrgDraft {
        OrgDraft {
            alias: Some("acme".into()),
            flow: Some(flow),
            login_url: Some("https://test.salesforce.com".into()),
            client_id: Some("3MVG9x".into()),
            username: Some("ada@acme.com".into()),
            ..OrgDraft::default()
        }
    }

    #[test]
    fn a_web_org_gets_the_cli_callback_and_default_scopes() {
        let org = draft(FlowKind::Web).build_new().unwrap();
        assert_eq!(org.environment, Environment::Sandbox);
        let Flow::WebServer {
            callback_url,
            scopes,
            ..
        } = &org.flow
        else {
            panic!()
        };
        assert_eq!(callback_url.as_str(), DEFAULT_CALLBACK);
        assert_eq!(scopes, &["api", "web", "refresh_token"]);
    }

    #[test]
    fn what_a_flow_needs_is_checked() {
        let mut no_client = draft(FlowKind::Password);
        no_client.client_id = None;
        assert_eq!(
            no_client.build_new(),
            Err(InvalidOrg::Missing("client id (consumer key)"))
        );
        let mut no_user = draft(FlowKind::Jwt);
        no_user.username = Some("  ".into());
        assert_eq!(no_user.build_new(), Err(InvalidOrg::Missing("username")));
        let mut http = draft(FlowKind::Web);
        http.login_url = Some("http://login.salesforce.com".into());
        assert!(matches!(http.build_new(), Err(InvalidOrg::Url { .. })));
        let mut bad_callback = draft(FlowKind::Web);
        bad_callback.callback_url = Some("http://example.com/cb".into());
        assert!(matches!(
            bad_callback.build_new(),
            Err(InvalidOrg::Url { .. })
        ));
    }

    #[test]
    fn an_edit_keeps_what_it_does_not_change() {
        let org = draft(FlowKind::Jwt).build_new().unwrap();
        let edit = OrgDraft {
            label: Some("UAT".into()),
            ..OrgDraft::default()
        };
        let edited = edit.build(Some(&org)).unwrap();
        assert_eq!(edited.id, org.id);
        assert_eq!(edited.flow, org.flow);
        assert_eq!(edited.label, "UAT");
    }
}
