//! From an `Org` and its secrets in the vault to the right flow's request: the glue
//! between the catalog's settings and the flows, which know neither.

use url::Url;

use crate::error::AuthError;
use crate::flows::{client_credentials, device, jwt_bearer, password, refresh, web_server};
use crate::http::Http;
use crate::org::{Flow, KeySource, Org};
use crate::secret::Secret;
use crate::token::TokenSet;
use crate::vault::{SecretKind, Vault};

fn optional(vault: &dyn Vault, org: &Org, kind: SecretKind) -> Result<Option<Secret>, AuthError> {
    Ok(vault.get(&org.id.0, kind)?)
}

fn required(vault: &dyn Vault, org: &Org, kind: SecretKind) -> Result<Secret, AuthError> {
    optional(vault, org, kind)?.ok_or(AuthError::MissingSecret(kind))
}

/// The JWT flow's private key, from the keychain or the file the person named.
pub fn private_key(vault: &dyn Vault, org: &Org, source: &KeySource) -> Result<Secret, AuthError> {
    match source {
        KeySource::Keychain => required(vault, org, SecretKind::PrivateKey),
        KeySource::File { path } => {
            std::fs::read_to_string(path)
                .map(Secret::new)
                .map_err(|error| AuthError::BadKey {
                    detail: format!("{} cannot be read ({})", path.display(), error.kind()),
                })
        }
    }
}

/// The JWT audience: as set, else the My Domain, else the login URL.
fn audience<'a>(org: &'a Org, configured: &'a Option<Url>) -> &'a Url {
    configured
        .as_ref()
        .or(org.my_domain.as_ref())
        .unwrap_or(&org.login_url)
}

/// Runs the org's flow when it needs no person (password, JWT, client credentials);
/// `NeedsLogin` for the others.
pub async fn unattended(http: &Http, vault: &dyn Vault, org: &Org) -> Result<TokenSet, AuthError> {
    let host = org.token_host();
    match &org.flow {
        Flow::Password {
            client_id,
            username,
        } => {
            let client_secret = optional(vault, org, SecretKind::ClientSecret)?;
            let password = required(vault, org, SecretKind::Password)?;
            let security_token = optional(vault, org, SecretKind::SecurityToken)?;
            password::login(
                http,
                &password::PasswordLogin {
                    host,
                    client_id,
                    client_secret: client_secret.as_ref(),
                    username,
                    password: &password,
                    security_token: security_token.as_ref(),
                },
            )
            .await
        }
        Flow::JwtBearer {
            client_id,
            username,
            audience: aud,
            key,
        } => {
            let private_key = private_key(vault, org, key)?;
            jwt_bearer::login(
                http,
                &jwt_bearer::JwtLogin {
                    host,
                    client_id,
                    username,
                    audience: audience(org, aud),
                    private_key: &private_key,
                },
            )
            .await
        }
        Flow::ClientCredentials { client_id } => {
            let client_secret = required(vault, org, SecretKind::ClientSecret)?;
            client_credentials::login(http, host, client_id, &client_secret).await
        }
        Flow::WebServer { .. } | Flow::Device { .. } | Flow::RefreshToken { .. } => {
            Err(AuthError::NeedsLogin)
        }
    }
}

/// Uses the stored refresh token; `None` when there is none.
pub async fn refresh_stored(
    http: &Http,
    vault: &dyn Vault,
    org: &Org,
) -> Result<Option<TokenSet>, AuthError> {
    let Some(refresh_token) = optional(vault, org, SecretKind::RefreshToken)? else {
        return Ok(None);
    };
    let client_secret = optional(vault, org, SecretKind::ClientSecret)?;
    refresh::refresh(
        http,
        org.token_host(),
        org.flow.client_id(),
        client_secret.as_ref(),
        &refresh_token,
    )
    .await
    .map(Some)
}

/// The web server flow for this org, through whichever browser the front end has.
pub async fn web(
    http: &Http,
    vault: &dyn Vault,
    org: &Org,
    browser: &impl web_server::Browser,
    login_hint: Option<&str>,
) -> Result<TokenSet, AuthError> {
    let Flow::WebServer {
        client_id,
        callback_url,
        scopes,
    } = &org.flow
    else {
        return Err(AuthError::Internal("not a web server org".into()));
    };
    let client_secret = optional(vault, org, SecretKind::ClientSecret)?;
    let request = web_server::WebLogin {
        host: org.token_host(),
        client_id,
        client_secret: client_secret.as_ref(),
        callback_url,
        scopes,
        force_login: true,
        login_hint,
    };
    web_server::login(http, &request, browser).await
}

/// Starts the device flow for this org; poll with [`device::wait_for_approval`].
pub async fn device_start(
    http: &Http,
    org: &Org,
) -> Result<device::DeviceAuthorization, AuthError> {
    let Flow::Device { client_id, scopes } = &org.flow else {
        return Err(AuthError::Internal("not a device org".into()));
    };
    device::start(http, org.token_host(), client_id, scopes).await
}
