//! §3 and §10: the authorize endpoint's errors — Salesforce's error page when the
//! callback cannot be trusted, otherwise redirects with `error`, `error_description`
//! and `state`.

mod common;

use common::*;

#[tokio::test]
async fn deny_redirects_access_denied() {
    let sim = sim().await;
    let (_, challenge) = pkce(50);
    let b = browser();
    let base = sim.base_url();
    let page = b
        .get(authorize_url(base, &web_params(&challenge, "s")))
        .send()
        .await
        .unwrap();
    let approval = log_in(&b, base, &page.text().await.unwrap(), ADA, ADA_PW).await;
    let resp = decide(&b, base, &approval.text().await.unwrap(), false).await;
    let loc = location(&resp);
    assert!(loc.starts_with(CALLBACK));
    assert_eq!(query_param(&loc, "error").as_deref(), Some("access_denied"));
    assert_eq!(
        query_param(&loc, "error_description").as_deref(),
        Some("end-user denied authorization")
    );
    assert_eq!(query_param(&loc, "state").as_deref(), Some("s"));
}

/// Errors that happen before the callback is trusted go to Salesforce's error page.
#[tokio::test]
async fn untrusted_callback_errors_go_to_the_error_page() {
    let sim = sim().await;
    let cases = [
        (
            vec![("client_id", "3MVG9nope"), ("redirect_uri", CALLBACK)],
            "invalid_client_id",
            "client identifier invalid",
        ),
        (
            vec![("client_id", WEB)],
            "redirect_uri_missing",
            "redirect_uri must be provided",
        ),
        (
            vec![
                ("client_id", WEB),
                ("redirect_uri", "http://evil.example/cb"),
            ],
            "redirect_uri_mismatch",
            "redirect_uri must match configuration",
        ),
    ];
    for (mut params, error, description) in cases {
        params.push(("response_type", "code"));
        let resp = client()
            .get(authorize_url(sim.base_url(), &params))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 302);
        let loc = location(&resp);
        assert!(
            loc.starts_with("/setup/secur/RemoteAccessErrorPage.apexp"),
            "{loc}"
        );
        let full = format!("{}{loc}", sim.base_url());
        assert_eq!(query_param(&full, "error").as_deref(), Some(error));
        assert_eq!(
            query_param(&full, "error_description").as_deref(),
            Some(description)
        );
        let page = client()
            .get(&full)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains(error));
    }
}

async fn redirect_error(
    sim: &sfsim::Sim,
    base: &str,
    params: &[(&str, &str)],
) -> (String, String, String) {
    let resp = client()
        .get(authorize_url(base, params))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 302);
    let loc = location(&resp);
    assert!(loc.starts_with(CALLBACK), "{loc} (sim {})", sim.base_url());
    let q = |n| query_param(&loc, n).unwrap_or_default();
    (q("error"), q("error_description"), q("state"))
}

#[tokio::test]
async fn errors_redirected_to_the_callback() {
    let sim = sim().await;
    let base = sim.base_url();
    let (_, challenge) = pkce(50);
    let mut p = web_params(&challenge, "s");
    p[0].1 = "token";
    let r = redirect_error(&sim, base, &p).await;
    assert_eq!(
        r,
        (
            "unsupported_response_type".into(),
            "response type not supported".into(),
            "s".into()
        )
    );
    let p = [
        ("response_type", "code"),
        ("client_id", WEB),
        ("redirect_uri", CALLBACK),
        ("state", "s"),
    ];
    let r = redirect_error(&sim, base, &p).await;
    assert_eq!(
        (r.0.as_str(), r.1.as_str()),
        ("invalid_request", "missing required code challenge")
    );
    let mut p = web_params(&challenge, "s");
    p.push(("scope", "api chatter_api"));
    let r = redirect_error(&sim, base, &p).await;
    assert_eq!(
        (r.0.as_str(), r.1.as_str()),
        ("invalid_scope", "the requested scope is not allowed")
    );
    let mut p = web_params(&challenge, "s");
    p[5].1 = "plain";
    let r = redirect_error(&sim, base, &p).await;
    assert_eq!(r.0, "invalid_request");
    sim.switches().set_app_blocked(WEB, true);
    let r = redirect_error(&sim, base, &web_params(&challenge, "s")).await;
    assert_eq!(
        (r.0.as_str(), r.1.as_str()),
        ("OAUTH_APP_BLOCKED", "this app is blocked by admin")
    );
    sim.switches().set_app_blocked(WEB, false);
    sim.switches().set_app_installed(WEB, false);
    let r = redirect_error(&sim, base, &web_params(&challenge, "s")).await;
    assert_eq!(
        (r.0.as_str(), r.1.as_str()),
        ("invalid_client", "app must be installed into org")
    );
}

#[tokio::test]
async fn admin_approved_app_redirects_unlisted_user() {
    let sim = sim().await;
    sim.switches().update_app(WEB, |a| {
        a.permitted_users = sfsim::PermittedUsers::AdminApproved;
        a.preauthorized_users = vec![ADA.into()];
    });
    let (_, challenge) = pkce(50);
    let b = browser();
    let base = sim.base_url();
    let page = b
        .get(authorize_url(base, &web_params(&challenge, "s")))
        .send()
        .await
        .unwrap();
    let resp = log_in(&b, base, &page.text().await.unwrap(), GRACE, GRACE_PW).await;
    let loc = location(&resp);
    assert_eq!(
        query_param(&loc, "error").as_deref(),
        Some("invalid_app_access")
    );
    // A pre-authorised user skips the approval page.
    let cb = web_login(base, &web_params(&challenge, "t"), ADA, ADA_PW).await;
    assert!(query_param(&cb, "code").is_some());
}

#[tokio::test]
async fn external_client_app_only_on_my_domain() {
    let sim = sim().await;
    let (verifier, challenge) = pkce(50);
    let mut p = web_params(&challenge, "s");
    p[1].1 = ECA;
    let resp = client()
        .get(authorize_url(&sim.login_url(), &p))
        .send()
        .await
        .unwrap();
    assert!(location(&resp).contains("error=app_not_found"));
    let cb = web_login(sim.base_url(), &p, ADA, ADA_PW).await;
    let code = query_param(&cb, "code").unwrap();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("client_id", ECA),
        ("client_secret", ECA_SECRET),
        ("redirect_uri", CALLBACK),
        ("code_verifier", verifier.as_str()),
    ];
    let r = token(&sim.login_url(), &form).await;
    assert_oauth_error(
        &r,
        "app_not_found",
        "External client app is not installed in this org",
    );
    assert_eq!(token(sim.base_url(), &form).await.0, 200);
}

/// §11: the Salesforce CLI's own app is treated as not installed in most orgs.
#[tokio::test]
async fn platform_cli_app_is_not_installed() {
    let sim = sim().await;
    let (_, challenge) = pkce(50);
    let mut p = web_params(&challenge, "s");
    p[1].1 = "PlatformCLI";
    let r = redirect_error(&sim, sim.base_url(), &p).await;
    assert_eq!(
        (r.0.as_str(), r.1.as_str()),
        ("invalid_client", "app must be installed into org")
    );
}
