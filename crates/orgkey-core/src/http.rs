//! HTTP to Salesforce: one client with timeouts, no redirects, a real user agent, and
//! the one function that turns a token-endpoint answer into a `TokenSet` or an
//! `AuthError`, so no flow ever parses a body by hand.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use serde::Deserialize;
use url::Url;

use crate::error::{AuthError, NetworkFailure};
use crate::secret::Secret;
use crate::token::{TokenResponse, TokenSet};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const TOTAL_TIMEOUT: Duration = Duration::from_secs(30);

/// A client for Salesforce's endpoints. Cheap to clone. The reqwest client inside is
/// built on first use: building it (TLS roots and all) costs milliseconds that
/// `orgkey token` answering from its cache should not pay.
#[derive(Clone)]
pub struct Http {
    client: Arc<OnceLock<reqwest::Client>>,
    total_timeout: Duration,
}

impl Default for Http {
    fn default() -> Self {
        Self::new()
    }
}

impl Http {
    pub fn new() -> Self {
        Self::with_timeout(TOTAL_TIMEOUT)
    }

    /// A client that gives up on a whole request after `total` (tests use a short one).
    pub fn with_timeout(total: Duration) -> Self {
        Http {
            client: Arc::new(OnceLock::new()),
            total_timeout: total,
        }
    }

    pub(crate) fn client(&self) -> &reqwest::Client {
        self.client.get_or_init(|| {
            reqwest::Client::builder()
                .user_agent(concat!("OrgKey/", env!("CARGO_PKG_VERSION")))
                .connect_timeout(CONNECT_TIMEOUT)
                .timeout(self.total_timeout)
                // A redirect from the token endpoint is never an answer, and following
                // it would resend credentials to wherever it points.
                .redirect(reqwest::redirect::Policy::none())
                .build()
                // Fails only when no TLS backend can start at all, which no request
                // could survive either.
                .expect("the HTTP client's TLS backend failed to start")
        })
    }

    /// POSTs a form to `{host}/services/oauth2/token` and reads a token set.
    pub async fn token_request(
        &self,
        host: &Url,
        form: &[(&str, &str)],
    ) -> Result<TokenSet, AuthError> {
        let response = self.post_form(host, "services/oauth2/token", form).await?;
        let body: TokenResponse = read_json(response).await?;
        TokenSet::from_response(body)
    }

    /// GETs `url` with the access token as Bearer; the raw response, for callers that
    /// read its status themselves (a 401 means a dead token, not an outage).
    pub(crate) async fn get_with_token(
        &self,
        url: &Url,
        access_token: &Secret,
    ) -> Result<reqwest::Response, AuthError> {
        self.client()
            .get(url.clone())
            .bearer_auth(access_token.expose())
            .send()
            .await
            .map_err(|error| classify(url, &error))
    }

    /// POSTs a form to an endpoint below `host` and returns the successful response;
    /// OAuth errors and unavailability become `AuthError`s.
    pub(crate) async fn post_form(
        &self,
        host: &Url,
        path: &str,
        form: &[(&str, &str)],
    ) -> Result<reqwest::Response, AuthError> {
        let url = endpoint(host, path);
        let response = self
            .client()
            .post(url.clone())
            .form(form)
            .send()
            .await
            .map_err(|error| classify(&url, &error))?;
        check(response).await
    }
}

/// `{host}/{path}`, keeping any path prefix of the host (Experience sites, sfsim roles).
pub fn endpoint(host: &Url, path: &str) -> Url {
    let mut url = host.clone();
    let base = host.path().trim_end_matches('/');
    url.set_path(&format!("{base}/{path}"));
    url.set_query(None);
    url
}

#[derive(Deserialize)]
struct OAuthErrorBody {
    error: String,
    #[serde(default)]
    error_description: String,
}

/// Success passes through; an OAuth error body becomes `Refused`; anything else that is
/// not a success (5xx, an HTML maintenance page, a proxy's page) is `Unavailable`.
pub(crate) async fn check(response: reqwest::Response) -> Result<reqwest::Response, AuthError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let url = response.url().clone();
    let bytes = response
        .bytes()
        .await
        .map_err(|error| classify(&url, &error))?;
    if let Ok(body) = serde_json::from_slice::<OAuthErrorBody>(&bytes) {
        return Err(AuthError::Refused {
            error: body.error,
            description: body.error_description,
        });
    }
    Err(AuthError::Unavailable {
        host: host_of(&url),
        detail: format!("it answered HTTP {}", status.as_u16()),
    })
}

/// Reads a JSON body; a body that is not the JSON expected means Salesforce is not
/// itself (a maintenance page served with 200, a cut-off answer).
pub(crate) async fn read_json<T: serde::de::DeserializeOwned>(
    response: reqwest::Response,
) -> Result<T, AuthError> {
    let url = response.url().clone();
    let bytes = response
        .bytes()
        .await
        .map_err(|error| classify(&url, &error))?;
    serde_json::from_slice(&bytes).map_err(|_| AuthError::Unavailable {
        host: host_of(&url),
        detail: "its answer was not the JSON expected".into(),
    })
}

pub(crate) fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        _ => url.to_string(),
    }
}

/// Names the network failure a person can act on. reqwest hides the cause in its
/// error chain, so walk it.
pub(crate) fn classify(url: &Url, error: &reqwest::Error) -> AuthError {
    let chain = error_chain(error).to_lowercase();
    let failure = if error.is_timeout() || chain.contains("timed out") {
        NetworkFailure::Timeout
    } else if chain.contains("dns")
        || chain.contains("failed to lookup")
        || chain.contains("name or service not known")
    {
        NetworkFailure::Dns
    } else if chain.contains("certificate") || chain.contains("tls") || chain.contains("handshake")
    {
        NetworkFailure::Tls
    } else if chain.contains("connection refused") {
        NetworkFailure::Refused
    } else if error.is_body()
        || error.is_decode()
        || chain.contains("connection closed")
        || chain.contains("incomplete")
        || chain.contains("reset")
    {
        NetworkFailure::Dropped
    } else {
        NetworkFailure::Other
    };
    AuthError::Network {
        host: host_of(url),
        failure,
    }
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_keep_the_host_path_prefix() {
        let host = Url::parse("http://127.0.0.1:9/__test").unwrap();
        assert_eq!(
            endpoint(&host, "services/oauth2/token").as_str(),
            "http://127.0.0.1:9/__test/services/oauth2/token"
        );
        let host = Url::parse("https://acme.my.salesforce.com/").unwrap();
        assert_eq!(
            endpoint(&host, "services/oauth2/token").as_str(),
            "https://acme.my.salesforce.com/services/oauth2/token"
        );
    }
}
