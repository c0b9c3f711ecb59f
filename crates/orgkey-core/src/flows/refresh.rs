//! Refresh token (§7). With rotation on, the answer holds a new refresh token and the
//! old one is dead: the caller must store the new one before anything else.

use url::Url;

use crate::error::AuthError;
use crate::http::Http;
use crate::secret::Secret;
use crate::token::TokenSet;

pub async fn refresh(
    http: &Http,
    host: &Url,
    client_id: &str,
    client_secret: Option<&Secret>,
    refresh_token: &Secret,
) -> Result<TokenSet, AuthError> {
    let mut form = vec![
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh_token.expose()),
        ("client_id", client_id),
    ];
    if let Some(secret) = client_secret {
        form.push(("client_secret", secret.expose()));
    }
    http.token_request(host, &form).await
}
