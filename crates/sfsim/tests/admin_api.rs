//! The admin API under `/__sfsim/`: every switch, set and cleared over HTTP.

mod common;

use common::*;
use serde_json::json;

async fn admin(
    sim: &sfsim::Sim,
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value) {
    let url = format!("{}/__sfsim{path}", sim.base_url());
    let req = match method {
        "PUT" => client().put(url),
        "DELETE" => client().delete(url),
        "GET" => client().get(url),
        _ => client().post(url),
    };
    let req = match body {
        Some(b) => req.json(&b),
        None => req,
    };
    common::body(req.send().await.unwrap()).await
}

fn pw() -> String {
    format!("{ADA_PW}{ADA_TOKEN}")
}

#[tokio::test]
async fn faults_over_http() {
    let sim = sim().await;
    let (status, _) = admin(
        &sim,
        "PUT",
        "/faults/token",
        Some(json!({"kind": "status", "status": 503})),
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw())).await.0,
        503
    );
    let (_, state) = admin(&sim, "GET", "/", None).await;
    assert_eq!(state["faults"]["token"]["kind"], "status");
    assert_eq!(admin(&sim, "DELETE", "/faults/token", None).await.0, 204);
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw())).await.0,
        200
    );
    admin(
        &sim,
        "PUT",
        "/faults/all",
        Some(json!({"kind": "maintenance", "times": 1})),
    )
    .await;
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw()))
            .await
            .1
            .as_str()
            .map(|s| s.contains("Maintenance")),
        Some(true)
    );
    assert_eq!(
        token(sim.base_url(), &password_form(ADA, &pw())).await.0,
        200
    );
    admin(&sim, "PUT", "/faults/rest", Some(json!({"kind": "drop"}))).await;
    assert_eq!(admin(&sim, "DELETE", "/faults", None).await.0, 204);
    assert_eq!(
        admin(&sim, "PUT", "/faults/nope", Some(json!({"kind": "drop"})))
            .await
            .0,
        400
    );
    assert_eq!(
        admin(
            &sim,
            "PUT",
            "/faults/token",
            Some(json!({"kind": "explode"}))
        )
        .await
        .0,
        400
    );
}

#[tokio::test]
async fn clock_and_sessions_over_http() {
    let sim = sim().await;
    let access = ada_token(&sim).await;
    let data = format!("{}/services/data/v65.0", sim.base_url());
    admin(
        &sim,
        "POST",
        "/clock/advance",
        Some(json!({"seconds": 7201})),
    )
    .await;
    assert_eq!(get_bearer(&data, &access).await.0, 401);
    let access = ada_token(&sim).await;
    assert_eq!(admin(&sim, "POST", "/sessions/expire", None).await.0, 204);
    assert_eq!(get_bearer(&data, &access).await.0, 401);
    assert_eq!(admin(&sim, "POST", "/sandbox/refresh", None).await.0, 204);
}

#[tokio::test]
async fn app_user_and_org_switches_over_http() {
    let sim = sim().await;
    let (status, b) = admin(&sim, "POST", &format!("/apps/{PWD}/rotate-secret"), None).await;
    assert_eq!(status, 200);
    let new_secret = b["client_secret"].as_str().unwrap().to_string();
    let r = token(sim.base_url(), &password_form(ADA, &pw())).await;
    assert_oauth_error(&r, "invalid_client", "invalid client credentials");
    let password = pw();
    let mut form = password_form(ADA, &password);
    form[2].1 = &new_secret;
    assert_eq!(token(sim.base_url(), &form).await.0, 200);

    admin(
        &sim,
        "PUT",
        &format!("/users/{ADA}/active"),
        Some(json!({"value": false})),
    )
    .await;
    assert_eq!(
        token(sim.base_url(), &form).await.1["error"],
        "inactive_user"
    );
    admin(
        &sim,
        "PUT",
        &format!("/users/{ADA}/active"),
        Some(json!({"value": true})),
    )
    .await;
    admin(
        &sim,
        "PUT",
        &format!("/users/{ADA}/login-restricted"),
        Some(json!({"value": true})),
    )
    .await;
    assert_eq!(
        token(sim.base_url(), &form).await.1["error_description"],
        "IP restricted or invalid login hours"
    );
    admin(
        &sim,
        "PUT",
        &format!("/users/{ADA}/login-restricted"),
        Some(json!({"value": false})),
    )
    .await;

    admin(
        &sim,
        "PUT",
        "/org/password-flow",
        Some(json!({"value": false})),
    )
    .await;
    assert_oauth_error(
        &token(sim.base_url(), &form).await,
        "invalid_grant",
        "authentication failure",
    );
    admin(
        &sim,
        "PUT",
        "/org/password-flow",
        Some(json!({"value": true})),
    )
    .await;
    admin(
        &sim,
        "PUT",
        "/org/rate-limited",
        Some(json!({"value": true})),
    )
    .await;
    assert_eq!(
        token(sim.base_url(), &form).await.1["error"],
        "rate_limit_exceeded"
    );
    admin(
        &sim,
        "PUT",
        "/org/rate-limited",
        Some(json!({"value": false})),
    )
    .await;
    admin(&sim, "PUT", "/org/active", Some(json!({"value": false}))).await;
    assert_eq!(
        token(sim.base_url(), &form).await.1["error"],
        "inactive_org"
    );
    admin(&sim, "PUT", "/org/active", Some(json!({"value": true}))).await;

    admin(
        &sim,
        "PUT",
        &format!("/apps/{PWD}/installed"),
        Some(json!({"value": false})),
    )
    .await;
    assert_oauth_error(
        &token(sim.base_url(), &form).await,
        "invalid_client",
        "app must be installed into org",
    );
    admin(
        &sim,
        "PUT",
        &format!("/apps/{PWD}/installed"),
        Some(json!({"value": true})),
    )
    .await;
    admin(
        &sim,
        "PUT",
        &format!("/apps/{PWD}/blocked"),
        Some(json!({"value": true})),
    )
    .await;
    assert_eq!(
        token(sim.base_url(), &form).await.1["error"],
        "OAUTH_APP_BLOCKED"
    );
    admin(
        &sim,
        "PUT",
        &format!("/apps/{PWD}/blocked"),
        Some(json!({"value": false})),
    )
    .await;
    assert_eq!(token(sim.base_url(), &form).await.0, 200);

    assert_eq!(
        admin(
            &sim,
            "PUT",
            "/apps/nope/installed",
            Some(json!({"value": true}))
        )
        .await
        .0,
        404
    );
    assert_eq!(
        admin(&sim, "PUT", "/org/active", Some(json!({"on": true})))
            .await
            .0,
        400
    );
}

#[tokio::test]
async fn uninstalled_external_app_is_not_found() {
    let sim = sim().await;
    sim.switches().set_app_installed(ECA, false);
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", "5Aep861x"),
        ("client_id", ECA),
        ("client_secret", ECA_SECRET),
    ];
    let r = token(sim.base_url(), &form).await;
    assert_oauth_error(
        &r,
        "app_not_found",
        "External client app is not installed in this org",
    );
}
