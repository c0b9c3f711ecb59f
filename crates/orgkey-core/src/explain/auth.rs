//! Words for every `AuthError`.

use super::{Explain, Explanation, Kind, explain_refusal};
use crate::error::{AuthError, NetworkFailure};

impl Explain for AuthError {
    fn explain(&self) -> Explanation {
        use Kind::*;
        let (kind, message, fix): (Kind, String, String) = match self {
            AuthError::Refused { error, description } => return explain_refusal(error, description),
            AuthError::Unavailable { host, detail } => (
                Network,
                format!("Salesforce is unavailable: {host} did not answer as Salesforce does ({detail})."),
                "Salesforce may be in maintenance, or a proxy is in the way. Try again in a few minutes; check status.salesforce.com for the org's instance.".into(),
            ),
            AuthError::Network { host, failure } => network(host, *failure),
            AuthError::StateMismatch => (
                Salesforce,
                "The login answer did not belong to the login OrgKey started, so it was refused.".into(),
                "Start the login again, and finish it in the window or tab OrgKey opened.".into(),
            ),
            AuthError::NoCode => (
                Salesforce,
                "The login came back without an authorization code.".into(),
                "Start the login again; if it repeats, check the app's callback URL in Setup.".into(),
            ),
            AuthError::Cancelled => (Input, "The login was cancelled.".into(), "Start it again when you are ready.".into()),
            AuthError::TimedOut { waiting_for, seconds } => (
                Input,
                format!("OrgKey stopped waiting for {waiting_for} after {seconds} seconds."),
                "Start the login again and finish it sooner.".into(),
            ),
            AuthError::CallbackPortBusy { port } => (
                Input,
                format!("Port {port}, where the login's callback must arrive, is used by another program (often another Salesforce tool waiting for its own login)."),
                format!("Close the other program's login (or the program) and try again, or register another callback URL such as http://localhost:{} on the app and set it on this org.", port.wrapping_add(1)),
            ),
            AuthError::CallbackUnusable { url, reason } => (
                Input,
                format!("OrgKey cannot receive the login's callback on {url}: {reason}."),
                "Use an http://localhost:PORT/... callback URL registered on the app, such as http://localhost:1717/OauthRedirect.".into(),
            ),
            AuthError::NoBrowser { detail } => (
                Input,
                format!("No web browser could be opened ({detail})."),
                "Set $BROWSER to your browser's command, or log in with --no-browser and open the printed URL yourself.".into(),
            ),
            AuthError::MissingSecret(kind) => (
                Input,
                format!("This org's {} is not stored in the keychain.", kind.as_str().replace('_', " ")),
                "Edit the org and give the missing secret.".into(),
            ),
            AuthError::BadKey { detail } => (
                Input,
                format!("The private key for the JWT flow cannot be used: {detail}."),
                "Give the PEM file of the RSA private key whose certificate is uploaded to the app, or generate a new key and certificate with OrgKey.".into(),
            ),
            AuthError::NeedsMyDomain { host } => (
                Input,
                format!("The client credentials flow does not work on {host}: Salesforce accepts it only on the org's My Domain."),
                "Set the org's login URL to its My Domain, https://NAME.my.salesforce.com.".into(),
            ),
            AuthError::SessionExpired => (
                Salesforce,
                "Salesforce no longer accepts this access token: the session ended (timeout, logout or revoke).".into(),
                "Get a new token (refresh, or `orgkey token ALIAS --refresh`); if that fails, log in again.".into(),
            ),
            AuthError::NeedsLogin => (
                Salesforce,
                "This org has no valid token, and its flow needs a person to log in.".into(),
                "Log in to the org again (in the app, or with `orgkey login ALIAS`).".into(),
            ),
            AuthError::Vault(error) => return error.explain(),
            AuthError::Incomplete(what) => (
                Network,
                format!("Salesforce's answer was incomplete ({what})."),
                "Try again; if it repeats, the login URL may point at something that is not Salesforce.".into(),
            ),
            AuthError::Internal(detail) => (
                Internal,
                format!("OrgKey failed: {detail}."),
                "Please report this as a bug.".into(),
            ),
        };
        Explanation::new(kind, message, fix)
    }
}

fn network(host: &str, failure: NetworkFailure) -> (Kind, String, String) {
    let (message, fix) = match failure {
        NetworkFailure::Dns => (
            format!("The name {host} could not be found."),
            "Check the login URL for typos and that this computer is online.",
        ),
        NetworkFailure::Refused => (
            format!("{host} refused the connection."),
            "Check the login URL and port; if it is a local test server, start it.",
        ),
        NetworkFailure::Timeout => (
            format!("{host} did not answer in time."),
            "Check your network or VPN and try again.",
        ),
        NetworkFailure::Tls => (
            format!(
                "A secure connection to {host} could not be made (its certificate was not accepted)."
            ),
            "Check the login URL; a company proxy that inspects HTTPS needs its certificate installed on this computer.",
        ),
        NetworkFailure::Dropped => (
            format!("The connection to {host} broke before the answer was complete."),
            "Try again; if it repeats, check your network or proxy.",
        ),
        NetworkFailure::Other => (
            format!("{host} could not be reached."),
            "Check your network connection and the login URL.",
        ),
    };
    (Kind::Network, message, fix.to_owned())
}
