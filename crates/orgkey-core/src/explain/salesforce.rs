//! Salesforce's OAuth errors (SALESFORCE-OAUTH.md §10), each as what it means and what
//! to do. Matched on `error` and a part of `error_description`, as Salesforce's
//! descriptions vary in case and punctuation.

use super::{Explanation, Kind};

/// One §10 row: the `error`, a lower-case part of the description (empty matches
/// any), and the words for a person.
struct Row {
    error: &'static str,
    description: &'static str,
    message: &'static str,
    fix: &'static str,
}

const ROWS: &[Row] = &[
    Row {
        error: "invalid_client_id",
        description: "",
        message: "Salesforce does not know this app's client id (consumer key).",
        fix: "Check the client id against the app in Setup. A new app takes 2 to 10 minutes to become usable. An External Client App answers only on its own org's My Domain: use https://NAME.my.salesforce.com as the login URL.",
    },
    Row {
        error: "invalid_client",
        description: "must be installed",
        message: "The app is not installed in this org.",
        fix: "Install the app in the org (Setup > Connected Apps OAuth Usage, or create your own External Client App there) and use its client id.",
    },
    Row {
        error: "invalid_client",
        description: "flow not enabled",
        message: "The app does not allow this flow.",
        fix: "In the app's OAuth settings in Setup, enable the flow you chose (for example \"Enable for Device Flow\").",
    },
    Row {
        error: "invalid_client",
        description: "",
        message: "Salesforce rejected the app's client secret: it is wrong or has been rotated.",
        fix: "Copy the consumer secret again from the app in Setup and store it in OrgKey (edit the org and replace the secret).",
    },
    Row {
        error: "invalid_grant",
        description: "authentication failure",
        message: "Salesforce rejected the username, password or security token, or this org does not allow the username-password flow.",
        fix: "Check the password and the security token (reset the token from your personal settings; it changes at every reset). If both are right, the org blocks this flow: allow it in Setup > OAuth and OpenID Connect Settings, or switch this org to the JWT or web login flow.",
    },
    Row {
        error: "invalid_grant",
        description: "expired access/refresh token",
        message: "The refresh token no longer works: it was revoked, expired under the app's policy, used twice after rotation, or the sandbox was refreshed.",
        fix: "Log in to this org again.",
    },
    Row {
        error: "invalid_grant",
        description: "ip restricted",
        message: "Salesforce refused the login from this network address or at this hour.",
        fix: "Relax the IP restrictions in the app's policies (\"Relax IP restrictions\"), or ask an admin about the profile's login IP ranges and hours.",
    },
    Row {
        error: "invalid_grant",
        description: "login hours",
        message: "Salesforce refused the login from this network address or at this hour.",
        fix: "Relax the IP restrictions in the app's policies (\"Relax IP restrictions\"), or ask an admin about the profile's login IP ranges and hours.",
    },
    Row {
        error: "invalid_grant",
        description: "hasn't approved",
        message: "This user is not pre-authorised for the app, which the JWT flow needs.",
        fix: "In the app's policies set \"Admin approved users are pre-authorized\", then add the user's profile or a permission set to the app.",
    },
    Row {
        error: "invalid_grant",
        description: "invalid assertion",
        message: "The JWT signature does not match the certificate uploaded to the app.",
        fix: "Upload the certificate that belongs to OrgKey's private key for this org (\"Use digital signatures\" in the app's settings), or give OrgKey the key that matches the uploaded certificate.",
    },
    Row {
        error: "invalid_grant",
        description: "audience is invalid",
        message: "Salesforce rejected the JWT's audience for this host.",
        fix: "Use https://login.salesforce.com for production, https://test.salesforce.com for a sandbox, or the org's My Domain URL for an External Client App.",
    },
    Row {
        error: "invalid_grant",
        description: "authorization code",
        message: "The login answer was already used or has expired, or the JWT's expiry is in the past.",
        fix: "Log in again. If this keeps happening with JWT, check this computer's clock.",
    },
    Row {
        error: "invalid_grant",
        description: "no client credentials user",
        message: "The app has no Run As user for the client credentials flow.",
        fix: "In the app's policies enable the client credentials flow and choose a Run As user.",
    },
    Row {
        error: "invalid_grant",
        description: "not supported on this domain",
        message: "The client credentials flow works only on the org's My Domain.",
        fix: "Set the org's login URL to its My Domain, https://NAME.my.salesforce.com.",
    },
    Row {
        error: "invalid_grant",
        description: "inactive",
        message: "Salesforce says the user or org is inactive.",
        fix: "Ask an admin to reactivate the user, or use another user.",
    },
    Row {
        error: "invalid_grant",
        description: "",
        message: "Salesforce refused the grant.",
        fix: "Log in again; if it fails the same way, check the org's and the app's settings in Setup.",
    },
    Row {
        error: "invalid_app_access",
        description: "",
        message: "This user may not use the app.",
        fix: "Assign the user to the app with a profile or permission set; if API Access Control is on, allow the app there.",
    },
    Row {
        error: "app_not_found",
        description: "",
        message: "The app does not exist in the org that answered.",
        fix: "An External Client App belongs to one org: send the login to that org's My Domain (https://NAME.my.salesforce.com), not login or test.salesforce.com.",
    },
    Row {
        error: "inactive_user",
        description: "",
        message: "The user is inactive.",
        fix: "Ask an admin to reactivate the user, or use another user.",
    },
    Row {
        error: "inactive_org",
        description: "",
        message: "The org is inactive or locked.",
        fix: "Check the org's status with its admin (a trial or sandbox may have expired).",
    },
    Row {
        error: "rate_limit_exceeded",
        description: "",
        message: "Salesforce is limiting how often this user logs in.",
        fix: "Wait a few minutes, then try again; reuse tokens rather than logging in for each call.",
    },
    Row {
        error: "unsupported_grant_type",
        description: "",
        message: "Salesforce does not accept this kind of login on this host.",
        fix: "Check the login URL; for client credentials use the My Domain.",
    },
    Row {
        error: "invalid_scope",
        description: "",
        message: "The app does not allow one of the scopes OrgKey asked for.",
        fix: "Add the scopes to the app in Setup (for example api, web, refresh_token), or remove them from the org's settings in OrgKey.",
    },
    Row {
        error: "invalid_request",
        description: "https required",
        message: "Salesforce needs HTTPS for this call.",
        fix: "Use an https:// login URL.",
    },
    Row {
        error: "invalid_request",
        description: "post",
        message: "Salesforce needs this call to be a POST.",
        fix: "This is a bug in OrgKey: please report it.",
    },
    Row {
        error: "invalid_request",
        description: "jti",
        message: "Salesforce saw this JWT before (its jti was already used).",
        fix: "Try again: each login makes a new JWT.",
    },
    Row {
        error: "invalid_request",
        description: "code challenge",
        message: "The app requires PKCE and the login lacked it.",
        fix: "This is a bug in OrgKey, which always sends PKCE: please report it.",
    },
    Row {
        error: "invalid_request",
        description: "code verifier",
        message: "The PKCE check failed: the login answer does not belong to this login.",
        fix: "Log in again from the start.",
    },
    Row {
        error: "invalid_request",
        description: "",
        message: "Salesforce found the request malformed.",
        fix: "Check the org's settings in OrgKey (login URL, client id, callback URL); if they are right, please report it.",
    },
    Row {
        error: "access_denied",
        description: "",
        message: "The login was denied: the user chose Deny, or the app refused the user.",
        fix: "Log in again and choose Allow; if you did, ask an admin to give the user access to the app.",
    },
    Row {
        error: "redirect_uri_mismatch",
        description: "",
        message: "The callback URL is not registered on the app.",
        fix: "Add OrgKey's callback URL to the app's Callback URL list in Setup exactly as OrgKey shows it (for example http://localhost:1717/OauthRedirect), or change the org's callback URL in OrgKey to one the app has.",
    },
    Row {
        error: "redirect_uri_missing",
        description: "",
        message: "The login request lacked a callback URL.",
        fix: "Set the org's callback URL in OrgKey.",
    },
    Row {
        error: "unsupported_response_type",
        description: "",
        message: "Salesforce does not support this kind of login request.",
        fix: "This is a bug in OrgKey: please report it.",
    },
    Row {
        error: "oauth_app_blocked",
        description: "",
        message: "An admin has blocked this app in the org.",
        fix: "Ask an admin to unblock it (Setup > Connected Apps OAuth Usage).",
    },
    Row {
        error: "expired_token",
        description: "",
        message: "The device code expired before it was approved.",
        fix: "Start the device login again and approve it within ten minutes.",
    },
];

/// Explains `(error, error_description)` as Salesforce sent it. Salesforce's own words
/// are quoted at the end: they carry no secret and help when asking for support.
pub fn explain_refusal(error: &str, description: &str) -> Explanation {
    let error_lower = error.to_lowercase();
    let description_lower = description.to_lowercase();
    let quoted = if description.is_empty() {
        format!("Salesforce said \"{error}\".")
    } else {
        format!("Salesforce said \"{error}: {description}\".")
    };
    match ROWS
        .iter()
        .find(|row| row.error == error_lower && description_lower.contains(row.description))
    {
        Some(row) => Explanation::new(
            Kind::Salesforce,
            format!("{} {quoted}", row.message),
            row.fix,
        ),
        None => Explanation::new(
            Kind::Salesforce,
            format!("Salesforce refused the request. {quoted}"),
            "Check the org's settings in OrgKey and the app's settings in Setup, then try again.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_matched_on_error_and_description() {
        let explained = explain_refusal("invalid_grant", "authentication failure");
        assert!(
            explained
                .message
                .starts_with("Salesforce rejected the username")
        );
        assert!(
            explained
                .message
                .ends_with("Salesforce said \"invalid_grant: authentication failure\".")
        );
        assert!(
            explain_refusal("invalid_grant", "expired access/refresh token")
                .fix
                .contains("Log in")
        );
        assert!(
            explain_refusal("invalid_client", "invalid client credentials")
                .message
                .contains("client secret")
        );
        assert!(
            explain_refusal("invalid_client", "app must be installed into org")
                .message
                .contains("not installed")
        );
        assert!(
            explain_refusal("OAUTH_APP_BLOCKED", "this app is blocked by admin")
                .message
                .contains("blocked")
        );
    }

    #[test]
    fn an_unknown_error_still_gets_words_and_a_fix() {
        let explained = explain_refusal("brand_new_error", "");
        assert_eq!(explained.kind, Kind::Salesforce);
        assert!(explained.message.contains("\"brand_new_error\""));
        assert!(!explained.fix.is_empty());
    }
}
