//! Redirects: to the callback with a code or an error, or to Salesforce's own error
//! page when the callback cannot be trusted.

use axum::extract::RawQuery;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::errors::OAuthError;
use crate::fixtures::HostRole;
use crate::html;
use crate::store::role_prefix;
use crate::token::Params;

pub fn redirect(location: &str) -> Response {
    (
        StatusCode::FOUND,
        [(header::LOCATION, location.to_string())],
    )
        .into_response()
}

/// `base` with `pairs` appended to its query.
pub fn with_query(base: &str, pairs: &[(&str, &str)]) -> String {
    let mut ser = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        ser.append_pair(k, v);
    }
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}{}", ser.finish())
}

pub fn error_page(role: HostRole, e: OAuthError) -> Response {
    let page = format!(
        "{}/setup/secur/RemoteAccessErrorPage.apexp",
        role_prefix(role)
    );
    redirect(&with_query(
        &page,
        &[("error", e.error), ("error_description", e.description)],
    ))
}

pub fn redirect_error(redirect_uri: &str, state: Option<&str>, e: OAuthError) -> Response {
    let mut pairs = vec![("error", e.error), ("error_description", e.description)];
    if let Some(s) = state {
        pairs.push(("state", s));
    }
    redirect(&with_query(redirect_uri, &pairs))
}

pub async fn error_page_get(RawQuery(q): RawQuery) -> Response {
    let p = Params::parse(q.unwrap_or_default().as_bytes());
    html::error_page(
        p.get("error").unwrap_or(""),
        p.get("error_description").unwrap_or(""),
    )
}
