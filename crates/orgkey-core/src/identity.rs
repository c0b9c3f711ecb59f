//! Who a token belongs to, and whether it still works, with one cheap call.

use serde::Deserialize;

use crate::error::AuthError;
use crate::http::{Http, check, endpoint, read_json};
use crate::token::TokenSet;

#[derive(Debug, Clone, Deserialize)]
pub struct Identity {
    pub user_id: String,
    pub organization_id: String,
    pub username: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub email: String,
}

/// Reads the identity URL with the token. Fails with `Refused`/`Unavailable` when the
/// token is dead or Salesforce is down.
pub async fn identity(http: &Http, tokens: &TokenSet) -> Result<Identity, AuthError> {
    let url = tokens
        .id_url
        .clone()
        .ok_or(AuthError::Incomplete("no identity URL came with the token"))?;
    let response = http.get_with_token(&url, &tokens.access_token).await?;
    read_json(check(response).await?).await
}

/// Checks that the token works, with `GET {instance}/services/data/` (cheap, and what
/// every client's first call is). A dead token answers 401 `INVALID_SESSION_ID`.
pub async fn verify(http: &Http, tokens: &TokenSet) -> Result<(), AuthError> {
    let url = endpoint(&tokens.instance_url, "services/data/");
    let response = http.get_with_token(&url, &tokens.access_token).await?;
    if response.status() == reqwest::StatusCode::UNAUTHORIZED {
        return Err(AuthError::SessionExpired);
    }
    check(response).await.map(drop)
}
