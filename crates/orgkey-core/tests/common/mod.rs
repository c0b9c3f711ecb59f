//! Shared by the flow tests: sfsim with its demo fixtures, and a "person" who fills
//! sfsim's login, approval and device pages over plain HTTP, as a browser would.

#![allow(dead_code)] // each test file uses a different part

use orgkey_core::error::AuthError;
use orgkey_core::flows::web_server::Browser;
use reqwest::header::LOCATION;
use url::Url;

pub const ADA: (&str, &str, &str) = ("ada@acme.demo", "Passw0rd!", "ADATOKEN42");
pub const WEB_APP: (&str, &str) = ("3MVG9demo.web.server.flow", "WEBSECRET0001");
pub const ROTATING_APP: (&str, &str) = ("3MVG9demo.web.rotating", "ROTSECRET0002");
pub const PASSWORD_APP: (&str, &str) = ("3MVG9demo.password", "PWDSECRET0003");
pub const JWT_APP: &str = "3MVG9demo.jwt.bearer";
pub const CC_APP: (&str, &str) = ("3MVG9demo.client.credentials", "CCSECRET0005");
pub const DEVICE_APP: &str = "3MVG9demo.device";
pub const CALLBACK: &str = "http://localhost:1717/OauthRedirect";

pub async fn sim() -> sfsim::Sim {
    sfsim::Sim::start(sfsim::Fixtures::demo())
        .await
        .expect("sfsim starts")
}

pub fn url(text: impl AsRef<str>) -> Url {
    Url::parse(text.as_ref()).expect("a URL")
}

/// A person at a browser with their own cookies, who logs in as `username` and
/// answers the approval page with `approve`.
pub struct Person {
    client: reqwest::Client,
    pub username: String,
    pub password: String,
    pub approve: bool,
}

impl Person {
    pub fn new(username: &str, password: &str) -> Person {
        Person {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            username: username.into(),
            password: password.into(),
            approve: true,
        }
    }

    /// Follows pages from `start` until a redirect to `stop` (returned), or a page
    /// with no form left to fill (its URL returned with `Err` holding the page).
    pub async fn walk(
        &self,
        start: &Url,
        stop: &str,
        user_code: Option<&str>,
    ) -> Result<Url, String> {
        let mut response = self.client.get(start.clone()).send().await.unwrap();
        for _ in 0..20 {
            if response.status().is_redirection() {
                let location = response.headers()[LOCATION].to_str().unwrap().to_owned();
                let next = response.url().join(&location).unwrap();
                if next.as_str().starts_with(stop) {
                    return Ok(next);
                }
                response = self.client.get(next).send().await.unwrap();
                continue;
            }
            let page_url = response.url().clone();
            let page = response.text().await.unwrap();
            let Some(action) = attribute_after(&page, "<form", "action") else {
                return Err(page);
            };
            let action = page_url.join(&unescape(&action)).unwrap();
            let request = attribute_after(&page, "name=\"request\"", "value").unwrap_or_default();
            let request = unescape(&request);
            let form: Vec<(&str, String)> = if page.contains("id=\"login_form\"") {
                vec![
                    ("request", request),
                    ("username", self.username.clone()),
                    ("password", self.password.clone()),
                ]
            } else if page.contains("id=\"oaapprove\"") {
                let choice = if self.approve { "allow" } else { "deny" };
                vec![("request", request), ("action", choice.into())]
            } else if page.contains("id=\"user_code\"") {
                vec![(
                    "user_code",
                    user_code.expect("a user code for the device page").into(),
                )]
            } else {
                return Err(page);
            };
            response = self.client.post(action).form(&form).send().await.unwrap();
        }
        panic!("too many pages");
    }
}

impl Browser for Person {
    async fn authorize(&self, url: &Url, callback: &Url) -> Result<Url, AuthError> {
        Ok(self
            .walk(url, callback.as_str(), None)
            .await
            .unwrap_or_else(|page| panic!("the login did not come back to the callback:\n{page}")))
    }
}

/// The value of `attribute="…"` in the first tag after `marker`.
fn attribute_after(page: &str, marker: &str, attribute: &str) -> Option<String> {
    let start = page.find(marker)?;
    let rest = &page[start..];
    let tag_end = rest.find('>')?;
    let tag = &rest[..tag_end];
    let key = format!("{attribute}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_owned())
}

fn unescape(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}
