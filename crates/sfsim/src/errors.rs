//! Salesforce's error answers, word for word: the token endpoint's
//! `{"error", "error_description"}` (SALESFORCE-OAUTH.md §10) and the REST API's
//! `[{"message", "errorCode"}]`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An OAuth error: HTTP 400 JSON from the token endpoint, or a redirect's query from
/// the authorize endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OAuthError {
    pub status: u16,
    pub error: &'static str,
    pub description: &'static str,
}

const fn e(error: &'static str, description: &'static str) -> OAuthError {
    OAuthError {
        status: 400,
        error,
        description,
    }
}

pub const INVALID_CLIENT_ID: OAuthError = e("invalid_client_id", "client identifier invalid");
pub const INVALID_CLIENT: OAuthError = e("invalid_client", "invalid client credentials");
pub const AUTH_FAILURE: OAuthError = e("invalid_grant", "authentication failure");
pub const EXPIRED_TOKEN: OAuthError = e("invalid_grant", "expired access/refresh token");
pub const IP_RESTRICTED: OAuthError = e("invalid_grant", "IP restricted or invalid login hours");
pub const NOT_APPROVED: OAuthError = e("invalid_grant", "user hasn't approved this consumer");
pub const INVALID_ASSERTION: OAuthError = e("invalid_grant", "invalid assertion");
pub const BAD_AUDIENCE: OAuthError = e("invalid_grant", "audience is invalid");
pub const EXPIRED_CODE: OAuthError = e("invalid_grant", "expired authorization code");
pub const INVALID_CODE: OAuthError = e("invalid_grant", "invalid authorization code");
pub const NO_CC_USER: OAuthError = e("invalid_grant", "no client credentials user enabled");
pub const WRONG_DOMAIN: OAuthError = e("invalid_grant", "request not supported on this domain");
pub const NOT_ADMIN_APPROVED: OAuthError = e(
    "invalid_app_access",
    "user is not admin approved to access this app",
);
pub const APP_NOT_FOUND: OAuthError = e(
    "app_not_found",
    "External client app is not installed in this org",
);
pub const NOT_INSTALLED: OAuthError = e("invalid_client", "app must be installed into org");
pub const APP_BLOCKED: OAuthError = e("OAUTH_APP_BLOCKED", "this app is blocked by admin");
pub const INACTIVE_USER: OAuthError = e("inactive_user", "user is inactive");
pub const INACTIVE_ORG: OAuthError = e("inactive_org", "organization is inactive");
pub const RATE_LIMITED: OAuthError = e("rate_limit_exceeded", "rate limit exceeded");
pub const UNSUPPORTED_GRANT: OAuthError = e("unsupported_grant_type", "grant type not supported");
pub const INVALID_SCOPE: OAuthError = e("invalid_scope", "the requested scope is not allowed");
pub const HTTPS_REQUIRED: OAuthError = e("invalid_request", "HTTPS required");
pub const MUST_POST: OAuthError = e("invalid_request", "must use HTTP POST");
pub const JTI_REUSED: OAuthError = e("invalid_request", "jti already in use");
pub const MISSING_CHALLENGE: OAuthError = e("invalid_request", "missing required code challenge");
pub const BAD_CHALLENGE_METHOD: OAuthError = e("invalid_request", "invalid code challenge method");
pub const MISSING_VERIFIER: OAuthError = e("invalid_grant", "invalid code verifier");
pub const WRONG_VERIFIER: OAuthError = e("invalid_request", "invalid code verifier");
pub const REDIRECT_MISMATCH: OAuthError = e(
    "redirect_uri_mismatch",
    "redirect_uri must match configuration",
);
pub const REDIRECT_MISSING: OAuthError = e("redirect_uri_missing", "redirect_uri must be provided");
pub const UNSUPPORTED_RESPONSE_TYPE: OAuthError =
    e("unsupported_response_type", "response type not supported");
pub const ACCESS_DENIED: OAuthError = e("access_denied", "end-user denied authorization");
pub const AUTHORIZATION_PENDING: OAuthError = e("authorization_pending", "authorization pending");
pub const FLOW_NOT_ENABLED: OAuthError = e("invalid_client", "flow not enabled for this app");
pub const INVALID_TOKEN: OAuthError = e("invalid_token", "invalid token");
pub const UNSUPPORTED_TOKEN_TYPE: OAuthError =
    e("unsupported_token_type", "this token type is not supported");

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        let body = json!({"error": self.error, "error_description": self.description});
        (status, Json(body)).into_response()
    }
}

/// A REST API error: Salesforce answers a JSON array of `{message, errorCode}`.
#[derive(Debug, Clone, Copy)]
pub struct RestError {
    pub status: u16,
    pub code: &'static str,
    pub message: &'static str,
}

pub const INVALID_SESSION: RestError = RestError {
    status: 401,
    code: "INVALID_SESSION_ID",
    message: "Session expired or invalid",
};
pub const NOT_FOUND: RestError = RestError {
    status: 404,
    code: "NOT_FOUND",
    message: "The requested resource does not exist",
};
pub const MALFORMED_QUERY: RestError = RestError {
    status: 400,
    code: "MALFORMED_QUERY",
    message: "unexpected token: query is not valid SOQL",
};

impl IntoResponse for RestError {
    fn into_response(self) -> Response {
        rest_error(self.status, self.code, self.message)
    }
}

pub fn rest_error(status: u16, code: &str, message: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    (
        status,
        Json(json!([{"message": message, "errorCode": code}])),
    )
        .into_response()
}
