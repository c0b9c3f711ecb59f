//! The Salesforce CLI's SFDX auth URL, in and out:
//! `force://<clientId>:<clientSecret>:<refreshToken>@<instanceHost>`.
//!
//! It carries a refresh token, so the parsed form keeps the secret parts as
//! [`Secret`]s, the formatted URL is a [`Secret`] too, and no error quotes the input.

use url::Url;

use crate::draft::{FlowKind, OrgDraft};
use crate::explain::{Explain, Explanation, Kind};
use crate::org::{self, InvalidOrg, Org};
use crate::secret::Secret;

const SCHEME: &str = "force://";

/// A parsed SFDX auth URL. `Debug` shows the client id and host only.
#[derive(Debug, Clone)]
pub struct SfdxAuthUrl {
    pub client_id: String,
    /// `None` when the URL has an empty secret, as with the CLI's `PlatformCLI` app.
    pub client_secret: Option<Secret>,
    pub refresh_token: Secret,
    /// The instance (or My Domain) the refresh token is redeemed at.
    pub instance_url: Url,
}

/// What is wrong with a text given as an SFDX auth URL. Never holds the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SfdxUrlError {
    #[error("an SFDX auth URL starts with force://")]
    NotForce,
    #[error("an SFDX auth URL has an @ before the instance host")]
    MissingAt,
    #[error("an SFDX auth URL has clientId:clientSecret:refreshToken before the @")]
    MissingParts,
    #[error("the client id of the SFDX auth URL is empty")]
    EmptyClientId,
    #[error("the refresh token of the SFDX auth URL is empty")]
    EmptyRefreshToken,
    #[error("the {0} of the SFDX auth URL contains spaces or line breaks")]
    Whitespace(&'static str),
    #[error("the instance host of the SFDX auth URL is not usable: {0}")]
    BadHost(InvalidOrg),
}

impl SfdxAuthUrl {
    pub fn parse(text: &str) -> Result<Self, SfdxUrlError> {
        let text = text.trim();
        let rest = text
            .get(..SCHEME.len())
            .filter(|head| head.eq_ignore_ascii_case(SCHEME))
            .map(|_| &text[SCHEME.len()..])
            .ok_or(SfdxUrlError::NotForce)?;
        // The last @: the host never holds one, a token might.
        let (credentials, host) = rest.rsplit_once('@').ok_or(SfdxUrlError::MissingAt)?;
        // The first two colons: client ids and secrets hold none, a token might.
        let mut parts = credentials.splitn(3, ':');
        let (Some(client_id), Some(secret), Some(token)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(SfdxUrlError::MissingParts);
        };
        for (name, part) in [
            ("client id", client_id),
            ("client secret", secret),
            ("refresh token", token),
        ] {
            if part.chars().any(char::is_whitespace) {
                return Err(SfdxUrlError::Whitespace(name));
            }
        }
        if client_id.is_empty() {
            return Err(SfdxUrlError::EmptyClientId);
        }
        if token.is_empty() {
            return Err(SfdxUrlError::EmptyRefreshToken);
        }
        if host.is_empty() {
            return Err(SfdxUrlError::BadHost(InvalidOrg::Missing("instance host")));
        }
        let instance_url = org::parse_host_url(host).map_err(SfdxUrlError::BadHost)?;
        Ok(SfdxAuthUrl {
            client_id: client_id.to_owned(),
            client_secret: (!secret.is_empty()).then(|| Secret::new(secret)),
            refresh_token: Secret::new(token),
            instance_url,
        })
    }

    /// The URL as the Salesforce CLI writes it: the host without `https://` (plain
    /// `http://` is kept, for loopback test servers). A [`Secret`], as it holds one.
    pub fn format(&self) -> Secret {
        let base = org::url_base(&self.instance_url);
        let host = base.strip_prefix("https://").unwrap_or(&base);
        let secret = self.client_secret.as_ref().map_or("", |s| s.expose());
        Secret::new(format!(
            "{SCHEME}{}:{secret}:{}@{host}",
            self.client_id,
            self.refresh_token.expose()
        ))
    }

    /// The URL that gives another tool this org's login: `None` without a refresh token.
    pub fn for_org(
        vault: &dyn crate::vault::Vault,
        org: &Org,
    ) -> Result<Option<SfdxAuthUrl>, crate::vault::VaultError> {
        use crate::vault::SecretKind;
        let Some(refresh_token) = vault.get(&org.id.0, SecretKind::RefreshToken)? else {
            return Ok(None);
        };
        Ok(Some(SfdxAuthUrl {
            client_id: org.flow.client_id().to_owned(),
            client_secret: vault.get(&org.id.0, SecretKind::ClientSecret)?,
            refresh_token,
            instance_url: org.token_host().clone(),
        }))
    }

    /// An org that logs in with this URL's refresh token. Its secrets — the refresh
    /// token and any client secret — are for the caller to put in the vault.
    pub fn to_org(&self, alias: &str) -> Result<Org, InvalidOrg> {
        let host = self.instance_url.host_str().unwrap_or_default();
        let my_domain = host
            .ends_with(".my.salesforce.com")
            .then(|| self.instance_url.to_string());
        OrgDraft {
            alias: Some(alias.to_owned()),
            flow: Some(FlowKind::Refresh),
            login_url: Some(self.instance_url.to_string()),
            my_domain,
            client_id: Some(self.client_id.clone()),
            ..OrgDraft::default()
        }
        .build_new()
    }
}

impl Explain for SfdxUrlError {
    fn explain(&self) -> Explanation {
        let message = match self {
            SfdxUrlError::BadHost(invalid) => format!(
                "The text is not a usable SFDX auth URL: the instance host after the @ is wrong. {}",
                invalid.explain().message
            ),
            other => format!("The text is not a usable SFDX auth URL: {other}."),
        };
        Explanation::new(
            Kind::Input,
            message,
            "Paste the whole URL as `sf org auth show-sfdx-auth-url --target-org ALIAS` prints it: \
             force://CLIENT_ID:CLIENT_SECRET:REFRESH_TOKEN@HOST (the secret may be empty).",
        )
    }
}
