//! Username-password (§6): blocked by default in newer orgs and being retired by
//! Salesforce, but still what many integrations run on.

use url::Url;

use crate::error::AuthError;
use crate::http::Http;
use crate::secret::Secret;
use crate::token::TokenSet;

pub struct PasswordLogin<'a> {
    pub host: &'a Url,
    pub client_id: &'a str,
    pub client_secret: Option<&'a Secret>,
    pub username: &'a str,
    pub password: &'a Secret,
    /// Kept apart because it changes at every reset; appended only here, on the wire.
    pub security_token: Option<&'a Secret>,
}

pub async fn login(http: &Http, request: &PasswordLogin<'_>) -> Result<TokenSet, AuthError> {
    let joined = Secret::new(format!(
        "{}{}",
        request.password.expose(),
        request.security_token.map(Secret::expose).unwrap_or("")
    ));
    let mut form = vec![
        ("grant_type", "password"),
        ("client_id", request.client_id),
        ("username", request.username),
        ("password", joined.expose()),
    ];
    if let Some(secret) = request.client_secret {
        form.push(("client_secret", secret.expose()));
    }
    http.token_request(request.host, &form).await
}
