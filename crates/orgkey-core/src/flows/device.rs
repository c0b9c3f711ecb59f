//! Device flow (§8): for a machine without a browser. Start, show the person a code
//! and a URL, then poll at the interval Salesforce asks for until they approve.

use std::future::Future;
use std::time::Duration;

use serde::Deserialize;
use url::Url;

use crate::error::AuthError;
use crate::http::{Http, read_json};
use crate::secret::Secret;
use crate::token::TokenSet;

/// What to show the person, and the code to poll with.
pub struct DeviceAuthorization {
    pub user_code: String,
    pub verification_uri: Url,
    pub interval: Duration,
    device_code: Secret,
}

impl std::fmt::Debug for DeviceAuthorization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceAuthorization")
            .field("user_code", &self.user_code)
            .field("verification_uri", &self.verification_uri.as_str())
            .field("interval", &self.interval)
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
struct StartResponse {
    device_code: String,
    user_code: String,
    verification_uri: String,
    #[serde(default)]
    interval: Option<u64>,
}

pub async fn start(
    http: &Http,
    host: &Url,
    client_id: &str,
    scopes: &[String],
) -> Result<DeviceAuthorization, AuthError> {
    let scope = scopes.join(" ");
    let form = [
        ("response_type", "device_code"),
        ("client_id", client_id),
        ("scope", scope.as_str()),
    ];
    let response = http.post_form(host, "services/oauth2/token", &form).await?;
    let body: StartResponse = read_json(response).await?;
    Ok(DeviceAuthorization {
        verification_uri: Url::parse(&body.verification_uri)
            .map_err(|_| AuthError::Incomplete("verification_uri is not a URL"))?,
        user_code: body.user_code,
        // Never hammer the endpoint, whatever the answer said.
        interval: Duration::from_secs(body.interval.unwrap_or(5).max(1)),
        device_code: Secret::new(body.device_code),
    })
}

/// Polls until the person approves, denies, the code expires, `max_wait` passes, or
/// `cancelled` completes.
pub async fn wait_for_approval(
    http: &Http,
    host: &Url,
    client_id: &str,
    authorization: &DeviceAuthorization,
    max_wait: Duration,
    cancelled: impl Future<Output = ()>,
) -> Result<TokenSet, AuthError> {
    let polling = async {
        let mut interval = authorization.interval;
        loop {
            tokio::time::sleep(interval).await;
            let form = [
                ("grant_type", "device"),
                ("code", authorization.device_code.expose()),
                ("client_id", client_id),
            ];
            match http.token_request(host, &form).await {
                Err(AuthError::Refused { error, .. }) if error == "authorization_pending" => {}
                Err(AuthError::Refused { error, .. }) if error == "slow_down" => {
                    interval += Duration::from_secs(5);
                }
                other => return other,
            }
        }
    };
    tokio::select! {
        result = polling => result,
        () = cancelled => Err(AuthError::Cancelled),
        () = tokio::time::sleep(max_wait) => Err(AuthError::TimedOut {
            waiting_for: "the device approval",
            seconds: max_wait.as_secs(),
        }),
    }
}
