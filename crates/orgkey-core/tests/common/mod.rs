//! Shared by the flow tests: sfsim with its demo fixtures, and a "person" who fills
//! sfsim's login, approval and device pages over plain HTTP, as a browser would.

#![allow(dead_code)] // each test file uses a different part

use orgkey_core::error::AuthError;
use orgkey_core::flows::web_server::Browser;
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

/// sfsim's person at a browser, who logs in as `username` and answers the approval page
/// with `approve`; here also a `Browser` for the web server flow.
pub struct Person(pub sfsim::person::Person);

impl Person {
    pub fn new(username: &str, password: &str) -> Person {
        Person(sfsim::person::Person::new(username, password))
    }

    /// Follows pages from `start` until a redirect to `stop` (returned), or a page
    /// with no form left to fill (`Err` holding the page).
    pub async fn walk(
        &self,
        start: &Url,
        stop: &str,
        user_code: Option<&str>,
    ) -> Result<Url, String> {
        self.0
            .walk_to(start.as_str(), stop, user_code)
            .await
            .map_err(|page| page.text)
    }
}

impl std::ops::Deref for Person {
    type Target = sfsim::person::Person;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Person {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
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
