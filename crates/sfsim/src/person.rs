//! A person at a browser, for tests of clients (feature `person`): their own cookies,
//! following sfsim's pages from a URL and filling the login, approval and device-code
//! forms as they come, the way a person would click through them.

use reqwest::Client;
use reqwest::header::LOCATION;
use url::Url;

pub struct Person {
    client: Client,
    pub username: String,
    pub password: String,
    /// The answer on the approval page: Allow, or Deny when false.
    pub approve: bool,
}

/// The page a walk ended on.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub url: Url,
    pub text: String,
}

impl Person {
    pub fn new(username: &str, password: &str) -> Person {
        Person {
            client: Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("an HTTP client"),
            username: username.to_owned(),
            password: password.to_owned(),
            approve: true,
        }
    }

    /// The demo fixtures' Ada Lovelace.
    pub fn ada() -> Person {
        Person::new("ada@acme.demo", "Passw0rd!")
    }

    /// Follows every redirect and fills every form from `start`; the last page.
    pub async fn walk(&self, start: &str, user_code: Option<&str>) -> Page {
        match self.follow(start, None, user_code).await {
            Ok(url) => unreachable!("no stop was given, yet the walk stopped at {url}"),
            Err(page) => page,
        }
    }

    /// Follows pages from `start` until a redirect to a URL starting with `stop`, which
    /// is returned unfollowed (a client's callback); `Err` with the page it ended on
    /// when the pages lead elsewhere.
    pub async fn walk_to(
        &self,
        start: &str,
        stop: &str,
        user_code: Option<&str>,
    ) -> Result<Url, Page> {
        self.follow(start, Some(stop), user_code).await
    }

    async fn follow(
        &self,
        start: &str,
        stop: Option<&str>,
        user_code: Option<&str>,
    ) -> Result<Url, Page> {
        let mut response = self.client.get(start).send().await.expect("sfsim answers");
        for _ in 0..20 {
            if response.status().is_redirection() {
                let location = response.headers()[LOCATION].to_str().unwrap().to_owned();
                let next = response.url().join(&location).expect("a redirect URL");
                if stop.is_some_and(|stop| next.as_str().starts_with(stop)) {
                    return Ok(next);
                }
                response = self.client.get(next).send().await.expect("sfsim answers");
                continue;
            }
            let page = Page {
                status: response.status().as_u16(),
                url: response.url().clone(),
                text: response.text().await.unwrap_or_default(),
            };
            let Some(action) = attribute_after(&page.text, "<form", "action") else {
                return Err(page);
            };
            let action = page.url.join(&unescape(&action)).expect("a form action");
            let request = unescape(
                &attribute_after(&page.text, "name=\"request\"", "value").unwrap_or_default(),
            );
            let form: Vec<(&str, String)> = if page.text.contains("id=\"login_form\"") {
                vec![
                    ("request", request),
                    ("username", self.username.clone()),
                    ("password", self.password.clone()),
                ]
            } else if page.text.contains("id=\"oaapprove\"") {
                let choice = if self.approve { "allow" } else { "deny" };
                vec![("request", request), ("action", choice.into())]
            } else if page.text.contains("id=\"user_code\"") {
                let Some(code) = user_code else {
                    return Err(page);
                };
                vec![("user_code", code.to_owned())]
            } else {
                return Err(page);
            };
            response = self
                .client
                .post(action)
                .form(&form)
                .send()
                .await
                .expect("sfsim answers");
        }
        panic!("more than 20 pages from {start}");
    }
}

/// The value of `attribute="…"` in the first tag after `marker`.
fn attribute_after(page: &str, marker: &str, attribute: &str) -> Option<String> {
    let rest = &page[page.find(marker)?..];
    let tag = &rest[..rest.find('>')?];
    let key = format!("{attribute}=\"");
    let at = tag.find(&key)? + key.len();
    Some(tag[at..at + tag[at..].find('"')?].to_owned())
}

fn unescape(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}
