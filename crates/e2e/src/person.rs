//! A person at a browser, with their own cookies: follows sfsim's pages from a URL,
//! filling the login, approval and device-code forms as they come.

use reqwest::Client;
use reqwest::header::LOCATION;

pub struct Person {
    client: Client,
    pub username: String,
    pub password: String,
}

impl Person {
    pub fn ada() -> Person {
        crate::install_crypto();
        Person {
            client: Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            username: "ada@acme.demo".into(),
            password: "Passw0rd!".into(),
        }
    }

    /// Follows pages from `start`, filling forms, following every redirect; returns
    /// the last page's status and text.
    pub async fn walk(&self, start: &str, user_code: Option<&str>) -> (u16, String) {
        let mut response = self.client.get(start).send().await.unwrap();
        for _ in 0..20 {
            if response.status().is_redirection() {
                let location = response.headers()[LOCATION].to_str().unwrap().to_owned();
                let next = response.url().join(&location).unwrap();
                response = self.client.get(next).send().await.unwrap();
                continue;
            }
            let status = response.status().as_u16();
            let page_url = response.url().clone();
            let page = response.text().await.unwrap();
            let Some(action) = attribute_after(&page, "<form", "action") else {
                return (status, page);
            };
            let action = page_url.join(&action.replace("&amp;", "&")).unwrap();
            let request = attribute_after(&page, "name=\"request\"", "value")
                .unwrap_or_default()
                .replace("&amp;", "&");
            let form: Vec<(&str, String)> = if page.contains("id=\"login_form\"") {
                vec![
                    ("request", request),
                    ("username", self.username.clone()),
                    ("password", self.password.clone()),
                ]
            } else if page.contains("id=\"oaapprove\"") {
                vec![("request", request), ("action", "allow".into())]
            } else if page.contains("id=\"user_code\"") {
                vec![("user_code", user_code.expect("a user code").into())]
            } else {
                return (status, page);
            };
            response = self.client.post(action).form(&form).send().await.unwrap();
        }
        panic!("too many pages");
    }
}

fn attribute_after(page: &str, marker: &str, attribute: &str) -> Option<String> {
    let rest = &page[page.find(marker)?..];
    let tag = &rest[..rest.find('>')?];
    let key = format!("{attribute}=\"");
    let at = tag.find(&key)? + key.len();
    Some(tag[at..at + tag[at..].find('"')?].to_owned())
}
