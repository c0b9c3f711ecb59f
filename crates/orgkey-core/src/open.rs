//! A URL that opens the org in a browser, already logged in.

use serde::Deserialize;
use url::Url;

use crate::error::AuthError;
use crate::http::{Http, check, endpoint, read_json};
use crate::secret::Secret;
use crate::token::TokenSet;

/// The URL logs the browser in, so it is a secret until used.
pub struct OpenUrl {
    pub url: Secret,
    /// A single-access URL works once and briefly; the frontdoor.jsp fallback carries
    /// the access token itself and works as long as the token does.
    pub single_use: bool,
}

/// The org's open URL from a valid token, renewing once when the cached token turns
/// out to have died early (a logout, a session timeout shorter than estimated).
pub async fn open_org(
    sessions: &crate::session::Sessions<'_>,
    org: &crate::org::Org,
    path: &str,
) -> Result<OpenUrl, AuthError> {
    use crate::session::Freshness;
    let tokens = sessions.token(org, Freshness::Cached).await?;
    match open_url(sessions.http, &tokens, path).await {
        Err(AuthError::SessionExpired) => {
            let renewed = sessions.token(org, Freshness::Renew).await?;
            open_url(sessions.http, &renewed, path).await
        }
        other => other,
    }
}

#[derive(Deserialize)]
struct SingleAccess {
    frontdoor_uri: String,
}

/// Asks for a single-use frontdoor URL (the preferred way); falls back to
/// `frontdoor.jsp` when the endpoint is not there. `path` is where to land ("/" for home).
pub async fn open_url(http: &Http, tokens: &TokenSet, path: &str) -> Result<OpenUrl, AuthError> {
    let url = endpoint(&tokens.instance_url, "services/oauth2/singleaccess");
    let response = http.get_with_token(&url, &tokens.access_token).await?;
    match response.status().as_u16() {
        403 | 401 => return Err(AuthError::SessionExpired),
        404 | 405 => return Ok(frontdoor(tokens, path)),
        _ => {}
    }
    let body: SingleAccess = read_json(check(response).await?).await?;
    let mut single = Url::parse(&body.frontdoor_uri)
        .map_err(|_| AuthError::Incomplete("frontdoor_uri is not a URL"))?;
    if path != "/" {
        single.query_pairs_mut().append_pair("retURL", path);
    }
    Ok(OpenUrl {
        url: Secret::new(single.to_string()),
        single_use: true,
    })
}

fn frontdoor(tokens: &TokenSet, path: &str) -> OpenUrl {
    let mut url = endpoint(&tokens.instance_url, "secur/frontdoor.jsp");
    url.query_pairs_mut()
        .append_pair("sid", tokens.access_token.expose())
        .append_pair("retURL", path);
    OpenUrl {
        url: Secret::new(url.to_string()),
        single_use: false,
    }
}
