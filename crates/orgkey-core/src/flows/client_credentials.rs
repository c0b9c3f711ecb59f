//! Client credentials (§5): an integration user's token from the app's own key and
//! secret. Only the My Domain accepts it, so login/test are refused before sending.

use url::Url;

use crate::error::AuthError;
use crate::http::Http;
use crate::secret::Secret;
use crate::token::TokenSet;

pub async fn login(
    http: &Http,
    host: &Url,
    client_id: &str,
    client_secret: &Secret,
) -> Result<TokenSet, AuthError> {
    if let Some(name) = host.host_str()
        && matches!(name, "login.salesforce.com" | "test.salesforce.com")
    {
        return Err(AuthError::NeedsMyDomain {
            host: name.to_owned(),
        });
    }
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", client_id),
        ("client_secret", client_secret.expose()),
    ];
    http.token_request(host, &form).await
}
