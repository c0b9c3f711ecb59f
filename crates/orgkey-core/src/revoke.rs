//! Revoking an org's tokens at Salesforce, then forgetting them here.

use crate::error::AuthError;
use crate::http::Http;
use crate::org::Org;
use crate::vault::{SecretKind, Vault};

/// Revokes the refresh token (which kills its access tokens too) or else the cached
/// access token, then deletes both from the keychain. A token Salesforce already
/// considers dead is not an error: the goal, no live token, is reached.
pub async fn revoke(http: &Http, vault: &dyn Vault, org: &Org) -> Result<(), AuthError> {
    let refresh = vault.get(&org.id.0, SecretKind::RefreshToken)?;
    let access = vault
        .get(&org.id.0, SecretKind::AccessToken)?
        .and_then(|cache| crate::token::TokenSet::from_cache(&cache));
    let token = match (&refresh, &access) {
        (Some(refresh), _) => Some(refresh.clone()),
        (None, Some(tokens)) => Some(tokens.access_token.clone()),
        (None, None) => None,
    };
    if let Some(token) = token {
        let host = access
            .as_ref()
            .map(|tokens| tokens.instance_url.clone())
            .unwrap_or_else(|| org.token_host().clone());
        match http
            .post_form(
                &host,
                "services/oauth2/revoke",
                &[("token", token.expose())],
            )
            .await
        {
            Ok(_) => {}
            Err(AuthError::Refused { error, .. }) if error == "invalid_token" => {}
            Err(error) => return Err(error),
        }
    }
    vault.delete(&org.id.0, SecretKind::RefreshToken)?;
    vault.delete(&org.id.0, SecretKind::AccessToken)?;
    Ok(())
}
