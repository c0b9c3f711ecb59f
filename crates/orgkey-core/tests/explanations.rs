//! Every §10 row a flow can meet, provoked through sfsim, and every way Salesforce can
//! be unreachable, each yielding the right explanation: a table over the rows.

mod common;

use std::time::Duration;

use common::*;
use orgkey_core::Secret;
use orgkey_core::error::AuthError;
use orgkey_core::explain::{Explain, Kind};
use orgkey_core::flows::{client_credentials, jwt_bearer, password, refresh};
use orgkey_core::http::Http;
use sfsim::{Endpoint, Fault, FaultKind};

/// A password login as ada with the demo password app, on `host`.
async fn password_login(http: &Http, host: &str, password: &str) -> Result<(), AuthError> {
    password::login(
        http,
        &password::PasswordLogin {
            host: &url(host),
            client_id: PASSWORD_APP.0,
            client_secret: Some(&Secret::new(PASSWORD_APP.1)),
            username: ADA.0,
            password: &Secret::new(password),
            security_token: Some(&Secret::new(ADA.2)),
        },
    )
    .await
    .map(drop)
}

async fn jwt_login(
    http: &Http,
    sim: &sfsim::Sim,
    audience: &str,
    key: &str,
) -> Result<(), AuthError> {
    jwt_bearer::login(
        http,
        &jwt_bearer::JwtLogin {
            host: &url(sim.my_domain_url()),
            client_id: JWT_APP,
            username: ADA.0,
            audience: &url(audience),
            private_key: &Secret::new(key),
        },
    )
    .await
    .map(drop)
}

fn expect(result: Result<(), AuthError>, kind: Kind, phrase: &str) {
    let error = result.expect_err("the request should have failed");
    let explanation = error.explain();
    assert_eq!(explanation.kind, kind, "{error:?} → {explanation:?}");
    assert!(
        explanation.message.contains(phrase) || explanation.fix.contains(phrase),
        "{error:?} explained as {explanation:?}, expected it to mention {phrase:?}"
    );
    assert!(!explanation.fix.is_empty());
}

#[tokio::test]
async fn salesforce_refusals_are_explained_row_by_row() {
    let sim = sim().await;
    let http = Http::new();
    let switches = sim.switches();
    let base = sim.my_domain_url();

    // invalid_grant / authentication failure: a wrong password…
    expect(
        password_login(&http, &base, "wrong").await,
        Kind::Salesforce,
        "username, password or security token",
    );
    // …or the flow blocked in the org, which answers the same.
    switches.set_password_flow_allowed(false);
    expect(
        password_login(&http, &base, ADA.1).await,
        Kind::Salesforce,
        "does not allow the username-password flow",
    );
    switches.set_password_flow_allowed(true);

    // invalid_client_id
    let unknown =
        client_credentials::login(&http, &url(&base), "3MVG9nobody", &Secret::new("x")).await;
    expect(unknown.map(drop), Kind::Salesforce, "client id");
    // invalid_client / invalid client credentials: a rotated secret.
    let new_secret = switches.rotate_client_secret(CC_APP.0).unwrap();
    let rotated =
        client_credentials::login(&http, &url(&base), CC_APP.0, &Secret::new(CC_APP.1)).await;
    expect(rotated.map(drop), Kind::Salesforce, "client secret");

    // invalid_grant / IP restricted or invalid login hours
    switches.set_user_login_restricted(ADA.0, true);
    expect(
        password_login(&http, &base, ADA.1).await,
        Kind::Salesforce,
        "network address",
    );
    switches.set_user_login_restricted(ADA.0, false);

    // inactive_user
    switches.set_user_active(ADA.0, false);
    expect(
        password_login(&http, &base, ADA.1).await,
        Kind::Salesforce,
        "inactive",
    );
    switches.set_user_active(ADA.0, true);

    // invalid_grant / request not supported on this domain
    let on_login = client_credentials::login(
        &http,
        &url(sim.login_url()),
        CC_APP.0,
        &Secret::new(new_secret.clone()),
    )
    .await;
    expect(on_login.map(drop), Kind::Salesforce, "My Domain");

    // invalid_grant / audience is invalid
    expect(
        jwt_login(
            &http,
            &sim,
            "https://test.salesforce.com",
            sfsim::DEMO_JWT_KEY_PEM,
        )
        .await,
        Kind::Salesforce,
        "audience",
    );
    // invalid_grant / invalid assertion: a key that does not match the certificate.
    let other_key = include_str!("../../sfsim/tests/data/other-jwt.key");
    expect(
        jwt_login(&http, &sim, &base, other_key).await,
        Kind::Salesforce,
        "certificate uploaded",
    );
    // invalid_grant / user hasn't approved this consumer
    switches.update_app(JWT_APP, |app| app.preauthorized_users.clear());
    expect(
        jwt_login(&http, &sim, &base, sfsim::DEMO_JWT_KEY_PEM).await,
        Kind::Salesforce,
        "pre-authorised",
    );

    // invalid_grant / expired access/refresh token
    let dead = refresh::refresh(
        &http,
        &url(&base),
        WEB_APP.0,
        Some(&Secret::new(WEB_APP.1)),
        &Secret::new("5Aep-dead"),
    )
    .await;
    expect(dead.map(drop), Kind::Salesforce, "Log in to this org again");

    // invalid_client / app must be installed into org
    switches.set_app_installed(PASSWORD_APP.0, false);
    expect(
        password_login(&http, &base, ADA.1).await,
        Kind::Salesforce,
        "not installed",
    );
    switches.set_app_installed(PASSWORD_APP.0, true);

    // invalid_app_access: an admin-approved app and a user nobody approved.
    let unlisted = password::login(
        &http,
        &password::PasswordLogin {
            host: &url(&base),
            client_id: JWT_APP,
            client_secret: Some(&Secret::new("JWTSECRET0004")),
            username: "grace@acme.demo",
            password: &Secret::new("Hopper1906!"),
            security_token: Some(&Secret::new("GRACETOKEN7")),
        },
    )
    .await;
    expect(unlisted.map(drop), Kind::Salesforce, "may not use the app");

    // app_not_found: an External Client App asked for on the login host.
    switches.update_app(CC_APP.0, |app| app.external = true);
    let eca = client_credentials::login(
        &http,
        &url(sim.login_url()),
        CC_APP.0,
        &Secret::new(new_secret.clone()),
    )
    .await;
    expect(
        eca.map(drop),
        Kind::Salesforce,
        "does not exist in the org that answered",
    );
    switches.update_app(CC_APP.0, |app| app.external = false);

    // invalid_scope: a device login asking for a scope the app does not offer.
    let scoped =
        orgkey_core::flows::device::start(&http, &url(&base), DEVICE_APP, &["full".to_owned()])
            .await;
    expect(scoped.map(drop), Kind::Salesforce, "scopes");

    // rate_limit_exceeded and inactive_org
    switches.set_rate_limited(true);
    expect(
        password_login(&http, &base, ADA.1).await,
        Kind::Salesforce,
        "limiting",
    );
    switches.set_rate_limited(false);
    switches.set_org_active(false);
    expect(
        password_login(&http, &base, ADA.1).await,
        Kind::Salesforce,
        "inactive",
    );
}

#[tokio::test]
async fn an_unavailable_salesforce_is_said_plainly_never_a_parse_panic() {
    let sim = sim().await;
    let http = Http::with_timeout(Duration::from_millis(500));
    let switches = sim.switches();
    let base = sim.my_domain_url();
    let faults = [
        (
            FaultKind::Status { status: 503 },
            "Salesforce is unavailable",
        ),
        (
            FaultKind::Status { status: 500 },
            "Salesforce is unavailable",
        ),
        (FaultKind::Maintenance, "Salesforce is unavailable"),
        (FaultKind::TruncatedJson, "Salesforce is unavailable"),
        (FaultKind::Drop, "broke before the answer"),
        (FaultKind::Delay { ms: 2_000 }, "did not answer in time"),
    ];
    for (fault, phrase) in faults {
        switches.set_fault(Endpoint::Token, Fault::new(fault).times(1));
        expect(
            password_login(&http, &base, ADA.1).await,
            Kind::Network,
            phrase,
        );
        switches.clear_faults();
    }
    // And once the fault clears, the same call succeeds.
    password_login(&http, &base, ADA.1).await.unwrap();
}

#[tokio::test]
async fn a_closed_port_is_a_network_failure() {
    let http = Http::with_timeout(Duration::from_secs(5));
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    expect(
        password_login(&http, &format!("http://127.0.0.1:{closed}"), "x").await,
        Kind::Network,
        "refused the connection",
    );
}

#[tokio::test]
async fn an_untrusted_certificate_is_a_tls_failure() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../sfsim/tests/data");
    let options = sfsim::Options {
        port: 0,
        tls: Some((
            format!("{data}/tls.crt").into(),
            format!("{data}/tls.key").into(),
        )),
        log: false,
    };
    let sim = sfsim::Sim::start_with(sfsim::Fixtures::demo(), options)
        .await
        .unwrap();
    assert!(sim.base_url().starts_with("https://"));
    let http = Http::with_timeout(Duration::from_secs(5));
    expect(
        password_login(&http, sim.base_url(), ADA.1).await,
        Kind::Network,
        "secure connection",
    );
}
