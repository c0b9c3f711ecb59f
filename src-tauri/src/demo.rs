//! Demo mode: sfsim, the local Salesforce, on loopback with its demo fixtures, and one
//! org per flow, each labelled DEMO. Nothing leaves the machine; the demo's secrets are
//! sfsim's published test values (the demo person is ada@acme.demo / Passw0rd!).

use orgkey_core::Secret;
use orgkey_core::catalog::CatalogError;
use orgkey_core::draft::{FlowKind, OrgDraft};
use orgkey_core::explain::{Explanation, Kind};
use orgkey_core::org::{Environment, Org};
use orgkey_core::vault::{SecretKind, Vault};

use crate::error::IpcError;
use crate::state::AppState;

pub const LABEL_PREFIX: &str = "DEMO";

pub fn is_demo(org: &Org) -> bool {
    org.label.starts_with(LABEL_PREFIX)
}

struct DemoOrg {
    alias: &'static str,
    label: &'static str,
    flow: FlowKind,
    client_id: &'static str,
    username: Option<&'static str>,
    scopes: Option<&'static str>,
    secrets: &'static [(SecretKind, &'static str)],
    /// Given a refresh token of this user at each start, as if imported from the sf CLI.
    refresh_token_of: Option<&'static str>,
}

const ORGS: &[DemoOrg] = &[
    DemoOrg {
        alias: "demo-integration",
        label: "DEMO · client credentials",
        flow: FlowKind::ClientCredentials,
        client_id: "3MVG9demo.client.credentials",
        username: None,
        scopes: None,
        secrets: &[(SecretKind::ClientSecret, "CCSECRET0005")],
        refresh_token_of: None,
    },
    DemoOrg {
        alias: "demo-device",
        label: "DEMO · device (approve as ada@acme.demo / Passw0rd!)",
        flow: FlowKind::Device,
        client_id: "3MVG9demo.device",
        username: None,
        scopes: Some("api refresh_token"),
        secrets: &[],
        refresh_token_of: None,
    },
    DemoOrg {
        alias: "demo-imported",
        label: "DEMO · refresh token (imported)",
        flow: FlowKind::Refresh,
        client_id: "3MVG9demo.web.server.flow",
        username: None,
        scopes: None,
        secrets: &[(SecretKind::ClientSecret, "WEBSECRET0001")],
        refresh_token_of: Some("ada@acme.demo"),
    },
    DemoOrg {
        alias: "demo-jwt",
        label: "DEMO · JWT bearer",
        flow: FlowKind::Jwt,
        client_id: "3MVG9demo.jwt.bearer",
        username: Some("ada@acme.demo"),
        scopes: None,
        secrets: &[(SecretKind::PrivateKey, sfsim::DEMO_JWT_KEY_PEM)],
        refresh_token_of: None,
    },
    DemoOrg {
        alias: "demo-password",
        label: "DEMO · username-password",
        flow: FlowKind::Password,
        client_id: "3MVG9demo.password",
        username: Some("ada@acme.demo"),
        secrets: &[
            (SecretKind::ClientSecret, "PWDSECRET0003"),
            (SecretKind::Password, "Passw0rd!"),
            (SecretKind::SecurityToken, "ADATOKEN42"),
        ],
        scopes: None,
        refresh_token_of: None,
    },
    DemoOrg {
        alias: "demo-web",
        label: "DEMO · web server (log in as ada@acme.demo / Passw0rd!)",
        flow: FlowKind::Web,
        client_id: "3MVG9demo.web.server.flow",
        username: None,
        scopes: None,
        secrets: &[(SecretKind::ClientSecret, "WEBSECRET0001")],
        refresh_token_of: None,
    },
];

/// Starts the local Salesforce if it is not running and points the demo orgs at it,
/// adding those that are missing. Safe to call again (after a restart the port moves).
pub async fn start(state: &AppState) -> Result<(), IpcError> {
    let mut demo = state.demo.lock().await;
    if demo.is_none() {
        *demo = Some(
            sfsim::Sim::start(sfsim::Fixtures::demo())
                .await
                .map_err(|error| {
                    IpcError::from(Explanation::new(
                        Kind::Internal,
                        format!("The demo Salesforce could not start ({error})."),
                        "Try again; if it keeps failing, please report it.",
                    ))
                })?,
        );
    }
    let sim = demo.as_ref().expect("started above");
    let base = sim.base_url().to_owned();
    let vault = state.vault()?;
    let existing = state.catalog.load()?;
    for demo_org in ORGS {
        let draft = OrgDraft {
            alias: Some(demo_org.alias.into()),
            flow: Some(demo_org.flow),
            login_url: Some(base.clone()),
            client_id: Some(demo_org.client_id.into()),
            username: demo_org.username.map(String::from),
            scopes: demo_org.scopes.map(String::from),
            label: Some(demo_org.label.into()),
            environment: Some(Environment::Developer),
            ..OrgDraft::default()
        };
        let current = existing.get(demo_org.alias);
        if let Some(current) = current.filter(|org| !is_demo(org)) {
            return Err(Explanation::new(
                Kind::Input,
                format!(
                    "An org of yours is called {}, which the demo needs.",
                    current.alias
                ),
                "Rename that org, then try the demo again.",
            )
            .into());
        }
        let org = draft.build(current)?;
        for (kind, value) in demo_org.secrets {
            vault.set(&org.id.0, *kind, &Secret::new(*value))?;
        }
        // Tokens of an earlier run belong to a local Salesforce that is gone.
        vault.delete(&org.id.0, SecretKind::AccessToken)?;
        vault.delete(&org.id.0, SecretKind::RefreshToken)?;
        if let Some(username) = demo_org.refresh_token_of {
            let token = sim
                .switches()
                .issue_refresh_token(demo_org.client_id, username)
                .expect("the demo fixtures have this app and user");
            vault.set(&org.id.0, SecretKind::RefreshToken, &Secret::new(token))?;
        }
        state.catalog.update(|orgs| -> Result<(), CatalogError> {
            match orgs.get(demo_org.alias) {
                Some(_) => orgs.replace(demo_org.alias, org).map(drop),
                None => orgs.add(org),
            }
        })?;
    }
    Ok(())
}

/// In demo mode the local Salesforce plays the admin too: a certificate made for a demo
/// org is uploaded to its app there at once, so the org keeps logging in with its new key.
pub async fn upload_certificate(state: &AppState, org: &Org, certificate_pem: &str) {
    if !is_demo(org) {
        return;
    }
    if let Some(sim) = state.demo.lock().await.as_ref() {
        let pem = certificate_pem.to_owned();
        sim.switches()
            .update_app(org.flow.client_id(), move |app| app.certificate = Some(pem));
    }
}
