//! Helpers shared by the sfsim tests: plain HTTP with reqwest, never a client library.
#![allow(dead_code)]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::redirect::Policy;
use serde_json::{Value, json};
use sfsim::{Fixtures, Sim};
use sha2::{Digest, Sha256};

pub const WEB: &str = "3MVG9demo.web.server.flow";
pub const WEB_SECRET: &str = "WEBSECRET0001";
pub const ROT: &str = "3MVG9demo.web.rotating";
pub const ROT_SECRET: &str = "ROTSECRET0002";
pub const PWD: &str = "3MVG9demo.password";
pub const PWD_SECRET: &str = "PWDSECRET0003";
pub const JWT: &str = "3MVG9demo.jwt.bearer";
pub const CC: &str = "3MVG9demo.client.credentials";
pub const CC_SECRET: &str = "CCSECRET0005";
pub const DEV: &str = "3MVG9demo.device";
pub const ECA: &str = "3MVG9demo.external";
pub const ECA_SECRET: &str = "ECASECRET0007";
pub const CALLBACK: &str = "http://localhost:1717/OauthRedirect";
pub const ADA: &str = "ada@acme.demo";
pub const ADA_PW: &str = "Passw0rd!";
pub const ADA_ID: &str = "0055g00000AdaAdAAZ";
pub const ADA_TOKEN: &str = "ADATOKEN42";
pub const GRACE: &str = "grace@acme.demo";
pub const GRACE_PW: &str = "Hopper1906!";
pub const GRACE_TOKEN: &str = "GRACETOKEN7";
pub const INTEGRATION: &str = "integration@acme.demo";
pub const ORG_ID: &str = "00D5g000004Xyz1EAC";
pub const JWT_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

pub async fn sim() -> Sim {
    Sim::start(Fixtures::demo()).await.expect("sim starts")
}

pub async fn sim_with(change: impl FnOnce(&mut Fixtures)) -> Sim {
    let mut f = Fixtures::demo();
    change(&mut f);
    Sim::start(f).await.expect("sim starts")
}

/// A client that never follows redirects, so tests see every hop.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

/// A browser: redirects by hand, cookies kept.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .cookie_store(true)
        .build()
        .expect("client")
}

pub async fn body(resp: reqwest::Response) -> (u16, Value) {
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

pub async fn post_form(url: &str, form: &[(&str, &str)]) -> (u16, Value) {
    body(client().post(url).form(form).send().await.expect("request")).await
}

/// POST {base}/services/oauth2/token.
pub async fn token(base: &str, form: &[(&str, &str)]) -> (u16, Value) {
    post_form(&format!("{base}/services/oauth2/token"), form).await
}

pub async fn get_bearer(url: &str, token: &str) -> (u16, Value) {
    body(
        client()
            .get(url)
            .bearer_auth(token)
            .send()
            .await
            .expect("request"),
    )
    .await
}

#[track_caller]
pub fn assert_oauth_error(resp: &(u16, Value), error: &str, description: &str) {
    assert_eq!(resp.0, 400, "status of {:?}", resp.1);
    assert_eq!(resp.1["error"], error, "error of {:?}", resp.1);
    assert_eq!(
        resp.1["error_description"], description,
        "description of {:?}",
        resp.1
    );
}

pub fn password_form<'a>(username: &'a str, password: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("grant_type", "password"),
        ("client_id", PWD),
        ("client_secret", PWD_SECRET),
        ("username", username),
        ("password", password),
    ]
}

/// Ada's access token through the password grant on the My Domain.
pub async fn ada_token(sim: &Sim) -> String {
    let pw = format!("{ADA_PW}{ADA_TOKEN}");
    let (status, body) = token(sim.base_url(), &password_form(ADA, &pw)).await;
    assert_eq!(status, 200, "{body}");
    body["access_token"]
        .as_str()
        .expect("access token")
        .to_string()
}

/// A PKCE pair: (verifier, S256 challenge).
pub fn pkce(len: usize) -> (String, String) {
    let verifier: String = "abcdefghijklmnopqrstuvwxyz0123456789-._~ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        .chars()
        .cycle()
        .take(len)
        .collect();
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

pub fn query_param(url: &str, name: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    parsed
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

pub fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// The hidden `request` field of a login or approval page.
pub fn hidden_request(html: &str) -> String {
    let start = html
        .find("name=\"request\" value=\"")
        .expect("request field")
        + 22;
    html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string()
}

pub fn authorize_url(base: &str, params: &[(&str, &str)]) -> String {
    let mut u = url::Url::parse(&format!("{base}/services/oauth2/authorize")).expect("url");
    u.query_pairs_mut().extend_pairs(params);
    u.to_string()
}

/// Submits the login form of `page` as the user; returns the response.
pub async fn log_in(
    b: &reqwest::Client,
    base: &str,
    page: &str,
    user: &str,
    pw: &str,
) -> reqwest::Response {
    let action = format!("{base}/services/oauth2/authorize/login");
    let request = hidden_request(page);
    let form = [
        ("request", request.as_str()),
        ("username", user),
        ("password", pw),
    ];
    b.post(action).form(&form).send().await.expect("login post")
}

/// Clicks "Allow" or "Deny" on an approval page.
pub async fn decide(b: &reqwest::Client, base: &str, page: &str, allow: bool) -> reqwest::Response {
    let action = format!("{base}/services/oauth2/authorize/approve");
    let request = hidden_request(page);
    let choice = if allow { "allow" } else { "deny" };
    let form = [("request", request.as_str()), ("action", choice)];
    b.post(action)
        .form(&form)
        .send()
        .await
        .expect("approve post")
}

/// Runs authorize → login → (approval) with a fresh browser; returns the callback URL.
pub async fn web_login(base: &str, params: &[(&str, &str)], user: &str, pw: &str) -> String {
    let b = browser();
    let page = b
        .get(authorize_url(base, params))
        .send()
        .await
        .expect("authorize");
    assert_eq!(page.status(), 200);
    let page = page.text().await.expect("page");
    let resp = log_in(&b, base, &page, user, pw).await;
    let resp = if resp.status() == 200 {
        let html = resp.text().await.expect("approval page");
        assert!(html.contains(">Allow</button>"), "{html}");
        decide(&b, base, &html, true).await
    } else {
        resp
    };
    assert_eq!(resp.status(), 302);
    location(&resp)
}

/// The standard web-server authorize parameters with a PKCE challenge.
pub fn web_params<'a>(challenge: &'a str, state: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("response_type", "code"),
        ("client_id", WEB),
        ("redirect_uri", CALLBACK),
        ("state", state),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
    ]
}

pub fn jwt_claims(aud: &str, sub: &str) -> Value {
    let exp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs()
        + 180;
    json!({"iss": JWT, "sub": sub, "aud": aud, "exp": exp})
}

pub fn sign(claims: &Value) -> String {
    sign_with(
        sfsim::DEMO_JWT_KEY_PEM,
        Header::new(Algorithm::RS256),
        claims,
    )
}

pub fn sign_with(key_pem: &str, header: Header, claims: &Value) -> String {
    let key = EncodingKey::from_rsa_pem(key_pem.as_bytes()).expect("RSA key");
    jsonwebtoken::encode(&header, claims, &key).expect("signs")
}

pub async fn jwt_token(base: &str, assertion: &str) -> (u16, Value) {
    token(base, &[("grant_type", JWT_GRANT), ("assertion", assertion)]).await
}
