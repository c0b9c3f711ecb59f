//! `orgkey org add|edit|list|show|remove`.

use orgkey_core::Secret;
use orgkey_core::catalog::Catalog;
use orgkey_core::certs;
use orgkey_core::draft::{FlowKind, OrgDraft};
use orgkey_core::org::{Environment, Flow, KeySource, Org, url_base};
use orgkey_core::vault::{SecretKind, Vault};
use serde::Serialize;

use crate::cli::{
    EnvironmentName, FlowName, OrgAddArgs, OrgCommand, OrgEditArgs, OrgSettings, ShowArgs,
};
use crate::context::Context;
use crate::failure::Failure;
use crate::output;

pub fn run(command: OrgCommand) -> Result<(), Failure> {
    match command {
        OrgCommand::Add(args) => add(args),
        OrgCommand::Edit(args) => edit(args),
        OrgCommand::List(args) => list(args.json),
        OrgCommand::Show(args) => show(args),
        OrgCommand::Remove(args) => {
            let context = Context::open()?;
            let org = context.catalog.remove(&args.alias, &context.vault)?;
            eprintln!("Removed {} and its keychain entries.", org.alias);
            Ok(())
        }
    }
}

pub fn flow_kind(name: FlowName) -> FlowKind {
    match name {
        FlowName::Web => FlowKind::Web,
        FlowName::Password => FlowKind::Password,
        FlowName::Jwt => FlowKind::Jwt,
        FlowName::ClientCredentials => FlowKind::ClientCredentials,
        FlowName::Device => FlowKind::Device,
        FlowName::Refresh => FlowKind::Refresh,
    }
}

fn draft(alias: Option<String>, flow: Option<FlowName>, settings: &OrgSettings) -> OrgDraft {
    OrgDraft {
        alias,
        flow: flow.map(flow_kind),
        login_url: settings.login_url.clone(),
        my_domain: settings.my_domain.clone(),
        client_id: settings.client_id.clone(),
        username: settings.username.clone(),
        key_file: settings.key_file.clone(),
        callback_url: settings.callback_url.clone(),
        audience: settings.audience.clone(),
        scopes: settings.scopes.clone(),
        label: settings.label.clone(),
        color: settings.color.clone(),
        environment: settings.environment.map(|name| match name {
            EnvironmentName::Production => Environment::Production,
            EnvironmentName::Sandbox => Environment::Sandbox,
            EnvironmentName::Scratch => Environment::Scratch,
            EnvironmentName::Developer => Environment::Developer,
        }),
        session_timeout_minutes: settings.session_timeout,
    }
}

/// The secrets given for an org, read and checked before anything is saved.
struct GivenSecrets(Vec<(SecretKind, Secret)>);

impl GivenSecrets {
    /// Reads what the flow can use; prompts on a terminal for what it must have.
    fn read(org: &Org, settings: &OrgSettings, prompt_for_missing: bool) -> Result<Self, Failure> {
        let secrets = &settings.secrets;
        let mut given = Vec::new();
        let needs_secret = matches!(org.flow, Flow::ClientCredentials { .. });
        let client_secret = if needs_secret && prompt_for_missing {
            secrets.client_secret().read_or_prompt("client secret")?
        } else {
            secrets.client_secret().read("client secret")?
        };
        if let Some(secret) = client_secret {
            given.push((SecretKind::ClientSecret, secret));
        } else if needs_secret && prompt_for_missing {
            return Err(missing(
                "client secret",
                "--client-secret-env VAR or --client-secret-stdin",
            ));
        }
        if let Flow::Password { .. } = org.flow {
            let password = if prompt_for_missing {
                secrets.password().read_or_prompt("password")?
            } else {
                secrets.password().read("password")?
            };
            match password {
                Some(password) => given.push((SecretKind::Password, password)),
                None if prompt_for_missing => {
                    return Err(missing(
                        "password",
                        "--password-env VAR or --password-stdin",
                    ));
                }
                None => {}
            }
            if let Some(token) = secrets.security_token().read("security token")? {
                given.push((SecretKind::SecurityToken, token));
            }
        }
        if let Flow::JwtBearer { key, .. } = &org.flow {
            match (key, secrets.key().read("private key")?) {
                (KeySource::Keychain, Some(pem)) => {
                    certs::check_private_key(&pem)?;
                    given.push((SecretKind::PrivateKey, pem));
                }
                (KeySource::File { path }, _) => {
                    let pem = std::fs::read_to_string(path).map_err(|error| {
                        Failure::input(
                            format!(
                                "The key file {} cannot be read ({}).",
                                path.display(),
                                error.kind()
                            ),
                            "Give the path of a readable PEM file with the RSA private key.",
                        )
                    })?;
                    certs::check_private_key(&Secret::new(pem))?;
                }
                (KeySource::Keychain, None) if prompt_for_missing => {
                    return Err(missing(
                        "private key",
                        "--key-file PATH, --key-env VAR, or `orgkey cert new --org ALIAS` afterwards",
                    ));
                }
                (KeySource::Keychain, None) => {}
            }
        }
        Ok(GivenSecrets(given))
    }

    fn store(self, vault: &dyn Vault, org: &Org) -> Result<(), Failure> {
        for (kind, secret) in self.0 {
            vault.set(&org.id.0, kind, &secret)?;
        }
        Ok(())
    }
}

fn missing(what: &str, how: &str) -> Failure {
    Failure::input(
        format!("The {what} is needed for this flow and none was given."),
        format!("Give it with {how} (secrets are never taken as arguments)."),
    )
}

fn add(args: OrgAddArgs) -> Result<(), Failure> {
    let org = draft(Some(args.alias), Some(args.flow), &args.settings).build_new()?;
    // The JWT key may be made later with `cert new --org`, so only the others must be
    // complete now.
    let prompt = !matches!(org.flow, Flow::JwtBearer { .. });
    let secrets = GivenSecrets::read(&org, &args.settings, prompt)?;
    let context = Context::open()?;
    if context.catalog.load()?.get(&org.alias).is_some() {
        return Err(orgkey_core::catalog::CatalogError::AliasTaken(org.alias.clone()).into());
    }
    // Secrets first: an org in the list without its secrets would fail later, while
    // stray entries under a fresh id harm nothing and are removed on failure.
    secrets.store(&context.vault, &org)?;
    if let Err(error) = context.catalog.add(org.clone()) {
        let _ = context.vault.delete_all(&org.id.0);
        return Err(error.into());
    }
    eprintln!(
        "Added {} ({} flow). Next: orgkey login {} or orgkey token {}",
        org.alias,
        org.flow.name(),
        org.alias,
        org.alias
    );
    Ok(())
}

fn edit(args: OrgEditArgs) -> Result<(), Failure> {
    let context = Context::open()?;
    let current = context.catalog.get(&args.alias)?;
    let edited = draft(args.rename.clone(), None, &args.settings).build(Some(&current))?;
    let secrets = GivenSecrets::read(&edited, &args.settings, false)?;
    let alias = args.alias;
    context.catalog.replace(&alias, edited.clone())?;
    secrets.store(&context.vault, &edited)?;
    eprintln!("Saved {}.", edited.alias);
    Ok(())
}

/// The `--json` shape of an org (documented in the crate README).
#[derive(Serialize)]
pub struct OrgJson<'a> {
    alias: &'a str,
    id: &'a str,
    label: &'a str,
    color: Option<&'a str>,
    environment: &'a str,
    flow: &'a str,
    login_url: String,
    my_domain: Option<String>,
    client_id: &'a str,
    username: Option<&'a str>,
    session_timeout_minutes: u32,
}

pub fn org_json(org: &Org) -> OrgJson<'_> {
    OrgJson {
        alias: &org.alias,
        id: &org.id.0,
        label: &org.label,
        color: org.color.as_deref(),
        environment: org.environment.name(),
        flow: org.flow.name(),
        login_url: url_base(&org.login_url),
        my_domain: org.my_domain.as_ref().map(url_base),
        client_id: org.flow.client_id(),
        username: match &org.flow {
            Flow::Password { username, .. } | Flow::JwtBearer { username, .. } => Some(username),
            _ => None,
        },
        session_timeout_minutes: org.session_timeout_minutes,
    }
}

fn list(json: bool) -> Result<(), Failure> {
    let catalog = Catalog::at_default_location()?;
    let orgs = catalog.list()?;
    if json {
        return output::json(&orgs.iter().map(org_json).collect::<Vec<_>>());
    }
    if orgs.is_empty() {
        eprintln!(
            "No orgs yet. Add one: orgkey org add ALIAS --flow web --login-url https://NAME.my.salesforce.com --client-id ID"
        );
        return Ok(());
    }
    let rows: Vec<Vec<String>> = orgs
        .iter()
        .map(|org| {
            vec![
                org.alias.clone(),
                org.environment.name().into(),
                org.flow.name().into(),
                url_base(org.my_domain.as_ref().unwrap_or(&org.login_url)),
                org.label.clone(),
            ]
        })
        .collect();
    output::table(&["ALIAS", "ENVIRONMENT", "FLOW", "HOST", "LABEL"], &rows);
    Ok(())
}

fn show(args: ShowArgs) -> Result<(), Failure> {
    let catalog = Catalog::at_default_location()?;
    let org = catalog.get(&args.alias)?;
    let shown = org_json(&org);
    if args.json {
        return output::json(&shown);
    }
    let value =
        serde_json::to_value(&shown).map_err(|error| Failure::internal(error.to_string()))?;
    if let serde_json::Value::Object(fields) = value {
        for (key, value) in fields {
            let text = match value {
                serde_json::Value::String(text) => text,
                serde_json::Value::Null => "-".into(),
                other => other.to_string(),
            };
            println!("{:<24} {text}", output::bold(&key.replace('_', " ")));
        }
    }
    Ok(())
}
