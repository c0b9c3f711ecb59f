//! Web server flow (§3): authorization code with PKCE S256 and `state`, always.
//!
//! Showing the login page is someone else's job: a [`Browser`] is handed the
//! authorize URL and returns the redirect it ended on. The desktop app's login popup
//! and the CLI's system browser + loopback listener (`loopback`) are both browsers.

use std::future::Future;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use url::Url;

use crate::error::AuthError;
use crate::http::{Http, endpoint};
use crate::secret::Secret;
use crate::token::TokenSet;

/// Shows a URL to a person and returns the callback URL the login ended on.
pub trait Browser {
    fn authorize(&self, url: &Url, callback: &Url) -> impl Future<Output = Result<Url, AuthError>>;
}

pub struct WebLogin<'a> {
    pub host: &'a Url,
    pub client_id: &'a str,
    pub client_secret: Option<&'a Secret>,
    pub callback_url: &'a Url,
    pub scopes: &'a [String],
    /// `prompt=login`: always ask for credentials, for switching users of one org.
    pub force_login: bool,
    pub login_hint: Option<&'a str>,
}

/// One login attempt's PKCE verifier and state, and the URL that starts it.
pub struct Authorization {
    pub url: Url,
    state: String,
    verifier: Secret,
}

impl Authorization {
    pub fn new(request: &WebLogin<'_>) -> Authorization {
        // 64 random bytes: an 86-character verifier, inside RFC 7636's 43–128.
        let verifier = Secret::new(random_token(64));
        let state = random_token(24);
        let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.expose().as_bytes()));
        let mut url = endpoint(request.host, "services/oauth2/authorize");
        {
            let mut query = url.query_pairs_mut();
            query
                .append_pair("response_type", "code")
                .append_pair("client_id", request.client_id)
                .append_pair("redirect_uri", request.callback_url.as_str())
                .append_pair("state", &state)
                .append_pair("code_challenge", &challenge)
                .append_pair("code_challenge_method", "S256");
            if !request.scopes.is_empty() {
                query.append_pair("scope", &request.scopes.join(" "));
            }
            if request.force_login {
                query.append_pair("prompt", "login");
            }
            if let Some(hint) = request.login_hint {
                query.append_pair("login_hint", hint);
            }
        }
        Authorization {
            url,
            state,
            verifier,
        }
    }

    /// Reads the redirect: the code when `state` matches, Salesforce's error when it
    /// sent one, and a refusal for anything forged or stale.
    pub fn code_from(&self, redirect: &Url) -> Result<Secret, AuthError> {
        let mut code = None;
        let mut state = None;
        let mut error = None;
        let mut description = String::new();
        for (key, value) in redirect.query_pairs() {
            match key.as_ref() {
                "code" => code = Some(Secret::new(value.into_owned())),
                "state" => state = Some(value.into_owned()),
                "error" => error = Some(value.into_owned()),
                "error_description" => description = value.into_owned(),
                _ => {}
            }
        }
        // Errors before the app is trusted may come without state; they are still the
        // truest account of what went wrong, and carry no code to misuse.
        if let Some(error) = error {
            return Err(AuthError::Refused { error, description });
        }
        if state.as_deref() != Some(self.state.as_str()) {
            return Err(AuthError::StateMismatch);
        }
        code.ok_or(AuthError::NoCode)
    }

    pub async fn exchange(
        &self,
        http: &Http,
        request: &WebLogin<'_>,
        code: &Secret,
    ) -> Result<TokenSet, AuthError> {
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code.expose()),
            ("client_id", request.client_id),
            ("redirect_uri", request.callback_url.as_str()),
            ("code_verifier", self.verifier.expose()),
        ];
        if let Some(secret) = request.client_secret {
            form.push(("client_secret", secret.expose()));
        }
        http.token_request(request.host, &form).await
    }
}

/// The whole flow: authorize in the browser, check the answer, exchange the code.
pub async fn login(
    http: &Http,
    request: &WebLogin<'_>,
    browser: &impl Browser,
) -> Result<TokenSet, AuthError> {
    let authorization = Authorization::new(request);
    let redirect = browser
        .authorize(&authorization.url, request.callback_url)
        .await?;
    let code = authorization.code_from(&redirect)?;
    authorization.exchange(http, request, &code).await
}

fn random_token(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buffer);
    URL_SAFE_NO_PAD.encode(buffer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request<'a>(host: &'a Url, callback: &'a Url, scopes: &'a [String]) -> WebLogin<'a> {
        WebLogin {
            host,
            client_id: "3MVG9.client",
            client_secret: None,
            callback_url: callback,
            scopes,
            force_login: true,
            login_hint: Some("ada@acme.demo"),
        }
    }

    #[test]
    fn the_authorize_url_carries_pkce_state_and_prompt() {
        let host = Url::parse("https://acme.my.salesforce.com").unwrap();
        let callback = Url::parse("http://localhost:1717/OauthRedirect").unwrap();
        let scopes = vec!["api".to_owned(), "refresh_token".to_owned()];
        let authorization = Authorization::new(&request(&host, &callback, &scopes));
        let pairs: std::collections::HashMap<_, _> =
            authorization.url.query_pairs().into_owned().collect();
        assert_eq!(authorization.url.path(), "/services/oauth2/authorize");
        assert_eq!(pairs["response_type"], "code");
        assert_eq!(pairs["redirect_uri"], "http://localhost:1717/OauthRedirect");
        assert_eq!(pairs["code_challenge_method"], "S256");
        assert_eq!(pairs["scope"], "api refresh_token");
        assert_eq!(pairs["prompt"], "login");
        assert_eq!(pairs["login_hint"], "ada@acme.demo");
        let expected = URL_SAFE_NO_PAD.encode(Sha256::digest(authorization.verifier.expose()));
        assert_eq!(pairs["code_challenge"], expected);
        assert!((43..=128).contains(&authorization.verifier.expose().len()));
        assert_eq!(pairs["state"], authorization.state);
    }

    #[test]
    fn the_redirect_is_checked() {
        let host = Url::parse("https://acme.my.salesforce.com").unwrap();
        let callback = Url::parse("http://localhost:1717/OauthRedirect").unwrap();
        let authorization = Authorization::new(&request(&host, &callback, &[]));
        let at = |query: &str| Url::parse(&format!("{callback}?{query}")).unwrap();
        let state = authorization.state.clone();

        let code = authorization
            .code_from(&at(&format!("code=aPrx1&state={state}")))
            .unwrap();
        assert_eq!(code.expose(), "aPrx1");
        assert!(matches!(
            authorization.code_from(&at("code=aPrx1&state=forged")),
            Err(AuthError::StateMismatch)
        ));
        assert!(matches!(
            authorization.code_from(&at("code=aPrx1")),
            Err(AuthError::StateMismatch)
        ));
        assert!(matches!(
            authorization.code_from(&at(&format!("state={state}"))),
            Err(AuthError::NoCode)
        ));
        let refused = authorization
            .code_from(&at(&format!(
                "error=access_denied&error_description=end-user+denied+authorization&state={state}"
            )))
            .unwrap_err();
        assert!(
            matches!(refused, AuthError::Refused { ref error, ref description }
            if error == "access_denied" && description == "end-user denied authorization")
        );
    }
}
