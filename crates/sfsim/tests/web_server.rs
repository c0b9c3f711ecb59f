//! §3: the web-server flow — login and approval pages, PKCE, single-use codes.

mod common;

use std::time::Duration;

use common::*;

async fn exchange(
    sim: &sfsim::Sim,
    code: &str,
    verifier: Option<&str>,
) -> (u16, serde_json::Value) {
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("client_id", WEB),
        ("client_secret", WEB_SECRET),
        ("redirect_uri", CALLBACK),
    ];
    if let Some(v) = verifier {
        form.push(("code_verifier", v));
    }
    token(sim.base_url(), &form).await
}

#[tokio::test]
async fn full_flow_with_pkce_and_state() {
    let sim = sim().await;
    let (verifier, challenge) = pkce(64);
    let callback = web_login(
        sim.base_url(),
        &web_params(&challenge, "st4te"),
        ADA,
        ADA_PW,
    )
    .await;
    assert!(callback.starts_with(CALLBACK), "{callback}");
    assert_eq!(query_param(&callback, "state").as_deref(), Some("st4te"));
    assert!(
        callback.contains("%3D%3D"),
        "codes end in == and arrive URL-encoded: {callback}"
    );
    let code = query_param(&callback, "code").unwrap();
    let (status, b) = exchange(&sim, &code, Some(&verifier)).await;
    assert_eq!(status, 200, "{b}");
    assert!(b["refresh_token"].as_str().unwrap().starts_with("5Aep861"));
    assert!(
        b["access_token"]
            .as_str()
            .unwrap()
            .starts_with("00D5g000004Xyz1!")
    );
    assert!(b.get("expires_in").is_none());
    // Single use.
    let r = exchange(&sim, &code, Some(&verifier)).await;
    assert_oauth_error(&r, "invalid_grant", "expired authorization code");
}

#[tokio::test]
async fn missing_method_means_s256_and_long_verifiers_work() {
    let sim = sim().await;
    let (verifier, challenge) = pkce(171);
    let params = [
        ("response_type", "code"),
        ("client_id", WEB),
        ("redirect_uri", CALLBACK),
        ("code_challenge", challenge.as_str()),
    ];
    let callback = web_login(sim.base_url(), &params, ADA, ADA_PW).await;
    let code = query_param(&callback, "code").unwrap();
    assert_eq!(query_param(&callback, "state"), None);
    assert_eq!(exchange(&sim, &code, Some(&verifier)).await.0, 200);
}

#[tokio::test]
async fn pkce_failures() {
    let sim = sim().await;
    let (verifier, challenge) = pkce(50);
    let code_for = || async {
        let cb = web_login(sim.base_url(), &web_params(&challenge, "s"), ADA, ADA_PW).await;
        query_param(&cb, "code").unwrap()
    };
    let r = exchange(&sim, &code_for().await, None).await;
    assert_oauth_error(&r, "invalid_grant", "invalid code verifier");
    let r = exchange(
        &sim,
        &code_for().await,
        Some("wrong-verifier-wrong-verifier-wrong-verifier-x"),
    )
    .await;
    assert_oauth_error(&r, "invalid_request", "invalid code verifier");
    assert_eq!(
        exchange(&sim, &code_for().await, Some(&verifier)).await.0,
        200
    );
}

#[tokio::test]
async fn codes_expire_and_redirect_uri_must_match() {
    let sim = sim().await;
    let (verifier, challenge) = pkce(50);
    let cb = web_login(sim.base_url(), &web_params(&challenge, "s"), ADA, ADA_PW).await;
    let code = query_param(&cb, "code").unwrap();
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("client_id", WEB),
        ("client_secret", WEB_SECRET),
        ("redirect_uri", "http://127.0.0.1:1717/OauthRedirect"),
        ("code_verifier", verifier.as_str()),
    ];
    let r = token(sim.base_url(), &form).await;
    assert_oauth_error(
        &r,
        "redirect_uri_mismatch",
        "redirect_uri must match configuration",
    );
    form[4].1 = CALLBACK;
    sim.switches().advance_clock(Duration::from_secs(16 * 60));
    let r = token(sim.base_url(), &form).await;
    assert_oauth_error(&r, "invalid_grant", "expired authorization code");
    let r = exchange(&sim, "aPrxnotacode==", Some(&verifier)).await;
    assert_oauth_error(&r, "invalid_grant", "invalid authorization code");
}

#[tokio::test]
async fn secret_required_unless_the_app_says_otherwise() {
    let sim = sim().await;
    let (verifier, challenge) = pkce(50);
    let cb = web_login(sim.base_url(), &web_params(&challenge, "s"), ADA, ADA_PW).await;
    let code = query_param(&cb, "code").unwrap();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("client_id", WEB),
        ("redirect_uri", CALLBACK),
        ("code_verifier", verifier.as_str()),
    ];
    let r = token(sim.base_url(), &form).await;
    assert_oauth_error(&r, "invalid_client", "invalid client credentials");
    sim.switches().update_app(WEB, |a| a.require_secret = false);
    assert_eq!(token(sim.base_url(), &form).await.0, 200);
}

#[tokio::test]
async fn approval_is_remembered_and_prompt_forces_pages() {
    let sim = sim().await;
    let (_, challenge) = pkce(50);
    let b = browser();
    let base = sim.base_url();
    let page = b
        .get(authorize_url(base, &web_params(&challenge, "1")))
        .send()
        .await
        .unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains("<label for=\"username\">Username</label>"));
    assert!(page.contains(">Log In</button>"));
    let approval = log_in(&b, base, &page, ADA, ADA_PW)
        .await
        .text()
        .await
        .unwrap();
    assert!(approval.contains(">Allow</button>") && approval.contains(">Deny</button>"));
    assert_eq!(decide(&b, base, &approval, true).await.status(), 302);
    // Logged in and approved: straight back to the callback.
    let again = b
        .get(authorize_url(base, &web_params(&challenge, "2")))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 302);
    assert_eq!(
        query_param(&location(&again), "state").as_deref(),
        Some("2")
    );
    // prompt=login shows the form again, with login_hint filled in.
    let mut params = web_params(&challenge, "3");
    params.push(("prompt", "login"));
    params.push(("login_hint", GRACE));
    let forced = b.get(authorize_url(base, &params)).send().await.unwrap();
    assert_eq!(forced.status(), 200);
    let html = forced.text().await.unwrap();
    assert!(html.contains(&format!("value=\"{GRACE}\"")), "{html}");
    // prompt=consent shows the approval page again.
    let mut params = web_params(&challenge, "4");
    params.push(("prompt", "consent"));
    let consent = b
        .get(authorize_url(base, &params))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(consent.contains(">Allow</button>"));
}

#[tokio::test]
async fn wrong_password_on_the_form_shows_an_error() {
    let sim = sim().await;
    let (_, challenge) = pkce(50);
    let b = browser();
    let page = b
        .get(authorize_url(sim.base_url(), &web_params(&challenge, "s")))
        .send()
        .await
        .unwrap();
    let page = page.text().await.unwrap();
    let resp = log_in(&b, sim.base_url(), &page, ADA, "nope").await;
    assert_eq!(resp.status(), 200);
    let html = resp.text().await.unwrap();
    assert!(html.contains("Please check your username and password"));
    assert!(html.contains("name=\"request\""));
}

#[tokio::test]
async fn authorize_also_takes_a_form_post() {
    let sim = sim().await;
    let (_, challenge) = pkce(50);
    let url = format!("{}/services/oauth2/authorize", sim.base_url());
    let resp = browser()
        .post(url)
        .form(&web_params(&challenge, "s"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.text().await.unwrap().contains(">Log In</button>"));
}
