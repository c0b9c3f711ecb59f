//! §10's last paragraph: non-JSON failures — 5xx, HTML maintenance pages, slow answers,
//! dropped connections and truncated JSON, switched on and off per endpoint.

mod common;

use std::time::{Duration, Instant};

use common::*;
use sfsim::{Endpoint, Fault, FaultKind};

fn pw() -> String {
    format!("{ADA_PW}{ADA_TOKEN}")
}

#[tokio::test]
async fn status_and_maintenance_pages() {
    let sim = sim().await;
    let s = sim.switches();
    for status in [500u16, 503] {
        s.set_fault(Endpoint::Token, Fault::new(FaultKind::Status { status }));
        let resp = client()
            .post(format!("{}/services/oauth2/token", sim.base_url()))
            .form(&password_form(ADA, &pw()))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), status);
        assert!(
            resp.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
    }
    s.set_fault(Endpoint::Token, Fault::new(FaultKind::Maintenance));
    let (status, b) = token(sim.base_url(), &password_form(ADA, &pw())).await;
    assert_eq!(status, 200);
    assert!(b.as_str().unwrap().contains("Down for Maintenance"));
    s.clear_fault(Endpoint::Token);
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw())).await.0,
        200
    );
}

#[tokio::test]
async fn faults_stay_on_their_endpoint_or_apply_to_all() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let s = sim.switches();
    let data = format!("{}/services/data/v65.0", sim.base_url());
    s.set_fault(
        Endpoint::Rest,
        Fault::new(FaultKind::Status { status: 503 }),
    );
    assert_eq!(get_bearer(&data, &access).await.0, 503);
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw())).await.0,
        200
    );
    s.clear_faults();
    s.set_fault(Endpoint::All, Fault::new(FaultKind::Status { status: 500 }));
    assert_eq!(
        token(&sim.login_url(), &password_form(ADA, &pw())).await.0,
        500
    );
    assert_eq!(get_bearer(&data, &access).await.0, 500);
    s.clear_faults();
    assert_eq!(get_bearer(&data, &access).await.0, 200);
}

#[tokio::test]
async fn limited_faults_clear_themselves() {
    let sim = sim().await;
    let fault = Fault::new(FaultKind::Status { status: 503 }).times(2);
    sim.switches().set_fault(Endpoint::Token, fault);
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw())).await.0,
        503
    );
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw())).await.0,
        503
    );
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw())).await.0,
        200
    );
}

#[tokio::test]
async fn delay() {
    let sim = sim().await;
    sim.switches()
        .set_fault(Endpoint::Token, Fault::new(FaultKind::Delay { ms: 300 }));
    let start = Instant::now();
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw())).await.0,
        200
    );
    assert!(start.elapsed() >= Duration::from_millis(300));
    let quick = reqwest::Client::builder()
        .timeout(Duration::from_millis(50))
        .build()
        .unwrap();
    let err = quick
        .post(format!("{}/services/oauth2/token", sim.base_url()))
        .form(&password_form(ADA, &pw()))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout());
}

#[tokio::test]
async fn dropped_connection() {
    let sim = sim().await;
    sim.switches()
        .set_fault(Endpoint::Token, Fault::new(FaultKind::Drop));
    let err = client()
        .post(format!("{}/services/oauth2/token", sim.base_url()))
        .form(&password_form(ADA, &pw()))
        .send()
        .await
        .unwrap_err();
    assert!(!err.is_status() && !err.is_timeout(), "{err}");
    sim.switches().clear_fault(Endpoint::Token);
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw())).await.0,
        200
    );
}

#[tokio::test]
async fn truncated_json() {
    let sim = sim().await;
    sim.switches()
        .set_fault(Endpoint::Token, Fault::new(FaultKind::TruncatedJson));
    let resp = client()
        .post(format!("{}/services/oauth2/token", sim.base_url()))
        .form(&password_form(ADA, &pw()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let text = resp.text().await.unwrap();
    assert!(text.starts_with('{'));
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "{text}"
    );
}

#[tokio::test]
async fn faults_on_every_endpoint_group() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let base = sim.base_url();
    let paths = [
        (
            Endpoint::Authorize,
            format!("{base}/services/oauth2/authorize"),
        ),
        (Endpoint::Revoke, format!("{base}/services/oauth2/revoke")),
        (
            Endpoint::Introspect,
            format!("{base}/services/oauth2/introspect"),
        ),
        (
            Endpoint::Userinfo,
            format!("{base}/services/oauth2/userinfo"),
        ),
        (Endpoint::Identity, format!("{base}/id/{ORG_ID}/{ADA_ID}")),
        (
            Endpoint::WellKnown,
            format!("{base}/.well-known/openid-configuration"),
        ),
        (
            Endpoint::SingleAccess,
            format!("{base}/services/oauth2/singleaccess"),
        ),
        (Endpoint::Frontdoor, format!("{base}/secur/frontdoor.jsp")),
        (Endpoint::Rest, format!("{base}/services/data/")),
    ];
    for (endpoint, url) in paths {
        sim.switches()
            .set_fault(endpoint, Fault::new(FaultKind::Status { status: 503 }));
        assert_eq!(get_bearer(&url, &access).await.0, 503, "{endpoint:?}");
        sim.switches().clear_fault(endpoint);
        assert_ne!(get_bearer(&url, &access).await.0, 503, "{endpoint:?}");
    }
}
