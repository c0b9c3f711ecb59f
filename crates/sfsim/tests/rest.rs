//! §9 / §12: the REST calls clients make after a login, and the session timeout.

mod common;

use std::time::Duration;

use common::*;
use serde_json::json;

#[tokio::test]
async fn versions_resources_user_and_organization() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let base = sim.base_url();
    let (status, list) = get_bearer(&format!("{base}/services/data/"), &access).await;
    assert_eq!(status, 200);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|v| v["version"] == "65.0" && v["url"] == "/services/data/v65.0")
    );
    let (status, res) = get_bearer(&format!("{base}/services/data/v65.0"), &access).await;
    assert_eq!(status, 200);
    assert_eq!(res["query"], "/services/data/v65.0/query");
    assert_eq!(
        get_bearer(&format!("{base}/services/data/v12.0"), &access)
            .await
            .0,
        404
    );
    let (status, user) = get_bearer(
        &format!("{base}/services/data/v65.0/sobjects/User/{ADA_ID}"),
        &access,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(user["Username"], ADA);
    assert_eq!(user["Id"], ADA_ID);
    let soql = "SELECT Name, InstanceName, IsSandbox, OrganizationType, TrialExpirationDate FROM Organization";
    let url = format!(
        "{base}/services/data/v65.0/query?q={}",
        soql.replace(' ', "+")
    );
    let (status, q) = get_bearer(&url, &access).await;
    assert_eq!(status, 200, "{q}");
    assert_eq!(q["totalSize"], 1);
    let rec = &q["records"][0];
    assert_eq!(rec["Name"], "Acme Demo");
    assert_eq!(rec["InstanceName"], "NA224");
    assert_eq!(rec["IsSandbox"], false);
    assert_eq!(rec["attributes"]["type"], "Organization");
}

#[tokio::test]
async fn scratch_org_info_is_invalid_type() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let url = format!(
        "{}/services/data/v65.0/query?q=SELECT+Id+FROM+ScratchOrgInfo",
        sim.base_url()
    );
    let (status, b) = get_bearer(&url, &access).await;
    assert_eq!(status, 400);
    assert_eq!(b[0]["errorCode"], "INVALID_TYPE");
    let url = format!("{}/services/data/v65.0/query?q=garbage", sim.base_url());
    assert_eq!(
        get_bearer(&url, &access).await.1[0]["errorCode"],
        "MALFORMED_QUERY"
    );
}

#[tokio::test]
async fn dead_token_is_invalid_session_id() {
    let sim = sim().await;
    let expected =
        json!([{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]);
    let base = sim.base_url();
    for path in [
        "/services/data/",
        "/services/data/v65.0",
        "/services/data/v65.0/query?q=SELECT+Id+FROM+Organization",
        &format!("/services/data/v65.0/sobjects/User/{ADA_ID}"),
    ] {
        assert_eq!(
            get_bearer(&format!("{base}{path}"), "00D5g000004Xyz1!dead").await,
            (401, expected.clone()),
            "{path}"
        );
    }
    // Versions need no session at all, as on Salesforce.
    assert_eq!(
        body(
            client()
                .get(format!("{base}/services/data/"))
                .send()
                .await
                .unwrap()
        )
        .await
        .0,
        200
    );
}

#[tokio::test]
async fn session_timeout_counts_from_last_use() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let url = format!("{}/services/data/v65.0", sim.base_url());
    let s = sim.switches();
    s.advance_clock(Duration::from_secs(7000));
    assert_eq!(get_bearer(&url, &access).await.0, 200);
    s.advance_clock(Duration::from_secs(7000));
    assert_eq!(
        get_bearer(&url, &access).await.0,
        200,
        "use keeps the session alive"
    );
    s.advance_clock(Duration::from_secs(7201));
    assert_eq!(get_bearer(&url, &access).await.0, 401);
    // A per-app timeout overrides the org's.
    s.update_app(PWD, |a| a.session_timeout_secs = Some(60));
    let access = ada_token(&sim).await;
    s.advance_clock(Duration::from_secs(61));
    assert_eq!(get_bearer(&url, &access).await.0, 401);
}

#[tokio::test]
async fn expire_all_sessions() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    sim.switches().expire_all_sessions();
    let url = format!("{}/services/data/v65.0", sim.base_url());
    assert_eq!(get_bearer(&url, &access).await.0, 401);
}
