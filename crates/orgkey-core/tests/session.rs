//! Sessions against sfsim and the real keychain: cache, refresh with rotation,
//! unattended re-login, "log in again", and refreshes serialised across processes.
//! Needs a Secret Service (scripts/with-keyring, as `make test` provides).

mod common;

use std::process::Command;

use common::*;
use orgkey_core::Secret;
use orgkey_core::error::AuthError;
use orgkey_core::http::Http;
use orgkey_core::org::{Environment, Flow, Org, OrgId, parse_host_url};
use orgkey_core::session::{Freshness, Sessions};
use orgkey_core::vault::{KeychainVault, SecretKind, Vault};
use orgkey_core::{identity, open, revoke, signin};

const CHILD_ENV: &str = "ORGKEY_TEST_SESSION_CHILD";

fn org(id: &str, base: &str, flow: Flow) -> Org {
    Org {
        id: OrgId(id.into()),
        alias: "acme".into(),
        label: String::new(),
        color: None,
        environment: Environment::Production,
        login_url: parse_host_url(base).unwrap(),
        my_domain: None,
        api_version: "62.0".into(),
        session_timeout_minutes: 120,
        flow,
    }
}

fn web_flow(client_id: &str) -> Flow {
    Flow::WebServer {
        client_id: client_id.into(),
        callback_url: url(CALLBACK),
        scopes: vec!["api".into(), "web".into(), "refresh_token".into()],
    }
}

fn vault(service: &str) -> KeychainVault {
    KeychainVault::open(service).expect("a Secret Service (run under scripts/with-keyring)")
}

fn service() -> String {
    format!("orgkey-test-{}", uuid::Uuid::new_v4())
}

#[tokio::test]
async fn a_password_org_logs_in_alone_and_then_reuses_its_cached_token() {
    let sim = sim().await;
    let vault = vault(&service());
    let lock_dir = tempfile::tempdir().unwrap();
    let http = Http::new();
    let sessions = Sessions {
        http: &http,
        vault: &vault,
        lock_dir: lock_dir.path().into(),
    };
    let org = org(
        "pw",
        &sim.my_domain_url(),
        Flow::Password {
            client_id: PASSWORD_APP.0.into(),
            username: ADA.0.into(),
        },
    );

    let missing = sessions.token(&org, Freshness::Cached).await.unwrap_err();
    assert!(
        matches!(missing, AuthError::MissingSecret(SecretKind::Password)),
        "{missing:?}"
    );

    vault
        .set("pw", SecretKind::ClientSecret, &Secret::new(PASSWORD_APP.1))
        .unwrap();
    vault
        .set("pw", SecretKind::Password, &Secret::new(ADA.1))
        .unwrap();
    vault
        .set("pw", SecretKind::SecurityToken, &Secret::new(ADA.2))
        .unwrap();
    let first = sessions.token(&org, Freshness::Cached).await.unwrap();
    let again = sessions.token(&org, Freshness::Cached).await.unwrap();
    assert_eq!(
        first.access_token.expose(),
        again.access_token.expose(),
        "the cached token is reused"
    );
    identity::verify(&http, &again).await.unwrap();

    let renewed = sessions.token(&org, Freshness::Renew).await.unwrap();
    assert_ne!(renewed.access_token.expose(), first.access_token.expose());

    // Salesforce ends the sessions: verify notices, and a renewal recovers alone.
    sim.switches().expire_all_sessions();
    assert!(matches!(
        identity::verify(&http, &renewed).await,
        Err(AuthError::SessionExpired)
    ));
    let recovered = sessions.token(&org, Freshness::Renew).await.unwrap();
    identity::verify(&http, &recovered).await.unwrap();
    vault.delete_all("pw").unwrap();
}

#[tokio::test]
async fn a_web_org_refreshes_and_says_log_in_again_when_it_cannot() {
    let sim = sim().await;
    let vault = vault(&service());
    let lock_dir = tempfile::tempdir().unwrap();
    let http = Http::new();
    let sessions = Sessions {
        http: &http,
        vault: &vault,
        lock_dir: lock_dir.path().into(),
    };
    let org = org("web", &sim.my_domain_url(), web_flow(ROTATING_APP.0));
    vault
        .set(
            "web",
            SecretKind::ClientSecret,
            &Secret::new(ROTATING_APP.1),
        )
        .unwrap();

    assert!(matches!(
        sessions.token(&org, Freshness::Cached).await,
        Err(AuthError::NeedsLogin)
    ));

    let tokens = signin::web(&http, &vault, &org, &Person::new(ADA.0, ADA.1), Some(ADA.0))
        .await
        .unwrap();
    let stored = sessions.store(&org, tokens).unwrap();
    let refresh_1 = vault.get("web", SecretKind::RefreshToken).unwrap().unwrap();

    let renewed = sessions.token(&org, Freshness::Renew).await.unwrap();
    assert_ne!(renewed.access_token.expose(), stored.access_token.expose());
    let refresh_2 = vault.get("web", SecretKind::RefreshToken).unwrap().unwrap();
    assert_ne!(
        refresh_1.expose(),
        refresh_2.expose(),
        "the rotated refresh token was stored"
    );

    let me = identity::identity(&http, &renewed).await.unwrap();
    assert_eq!(me.username, ADA.0);
    assert_eq!(me.organization_id, "00D5g000004Xyz1EAC");

    let opened = open::open_url(&http, &renewed, "/").await.unwrap();
    assert!(opened.single_use);
    assert!(opened.url.expose().starts_with(sim.base_url()));

    // Revoking kills the family at Salesforce and forgets it here.
    revoke::revoke(&http, &vault, &org).await.unwrap();
    assert!(
        vault
            .get("web", SecretKind::RefreshToken)
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        identity::verify(&http, &renewed).await,
        Err(AuthError::SessionExpired)
    ));
    let error = sessions.token(&org, Freshness::Renew).await.unwrap_err();
    assert!(matches!(error, AuthError::NeedsLogin), "{error:?}");
    vault.delete_all("web").unwrap();
}

/// Two processes renew the same org 50 times each, with rotation on. Serialised by the
/// lock, every refresh uses the newest refresh token, so the family survives.
/// Multi-threaded: the in-process sfsim must keep serving while this test waits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_refreshing_one_org_never_kill_the_token_family() {
    let sim = sim().await;
    let service = service();
    let vault = vault(&service);
    let lock_dir = tempfile::tempdir().unwrap();
    let http = Http::new();
    let sessions = Sessions {
        http: &http,
        vault: &vault,
        lock_dir: lock_dir.path().into(),
    };
    let org = org("race", &sim.my_domain_url(), web_flow(ROTATING_APP.0));
    vault
        .set(
            "race",
            SecretKind::ClientSecret,
            &Secret::new(ROTATING_APP.1),
        )
        .unwrap();
    let tokens = signin::web(&http, &vault, &org, &Person::new(ADA.0, ADA.1), None)
        .await
        .unwrap();
    sessions.store(&org, tokens).unwrap();

    let children: Vec<_> = (0..2)
        .map(|_| {
            Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "refresh_50_times_as_a_child_process",
                    "--nocapture",
                ])
                .env(CHILD_ENV, "1")
                .env("CHILD_SIM", sim.my_domain_url())
                .env("CHILD_SERVICE", &service)
                .env("CHILD_LOCKS", lock_dir.path())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        let status = tokio::task::spawn_blocking(move || child.wait())
            .await
            .unwrap()
            .unwrap();
        assert!(status.success(), "a child process failed to refresh");
    }
    // The family is alive: the stored refresh token still works.
    sessions.token(&org, Freshness::Renew).await.unwrap();
    vault.delete_all("race").unwrap();
}

/// The body of each child process of the test above; does nothing in a normal run.
#[tokio::test]
async fn refresh_50_times_as_a_child_process() {
    if std::env::var_os(CHILD_ENV).is_none() {
        return;
    }
    let env = |name| std::env::var(name).unwrap();
    let vault = vault(&env("CHILD_SERVICE"));
    let http = Http::new();
    let sessions = Sessions {
        http: &http,
        vault: &vault,
        lock_dir: env("CHILD_LOCKS").into(),
    };
    let org = org("race", &env("CHILD_SIM"), web_flow(ROTATING_APP.0));
    for round in 0..50 {
        if let Err(error) = sessions.token(&org, Freshness::Renew).await {
            panic!("refresh {round} failed: {error:?}");
        }
    }
}
