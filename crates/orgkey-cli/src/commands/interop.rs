//! `orgkey export ALIAS --sfdx-url` and `orgkey import --sfdx-url FILE|-`.

use std::io::Read;

use orgkey_core::Secret;
use orgkey_core::interop::SfdxAuthUrl;
use orgkey_core::org::Flow;
use orgkey_core::session::Freshness;
use orgkey_core::vault::{SecretKind, Vault};

use crate::cli::{ExportArgs, ImportArgs};
use crate::context::Context;
use crate::failure::Failure;

pub fn export(args: ExportArgs) -> Result<(), Failure> {
    let context = Context::open()?;
    let org = context.catalog.get(&args.alias)?;
    let url = SfdxAuthUrl::for_org(&context.vault, &org)?.ok_or_else(|| {
        Failure::input(
            format!("{} has no refresh token, so it has no SFDX auth URL.", org.alias),
            "Only orgs logged in with the web, device or refresh flow have one; log in first with `orgkey login`.",
        )
    })?;
    println!("{}", url.format().expose());
    Ok(())
}

pub async fn import(args: ImportArgs) -> Result<(), Failure> {
    let text = read_source(&args.sfdx_url)?;
    let parsed = SfdxAuthUrl::parse(text.expose())?;
    let alias = args.alias.unwrap_or_else(|| alias_from_host(&parsed));
    let org = parsed.to_org(&alias)?;
    let context = Context::open()?;
    if context.catalog.load()?.get(&org.alias).is_some() {
        return Err(orgkey_core::catalog::CatalogError::AliasTaken(org.alias.clone()).into());
    }
    context
        .vault
        .set(&org.id.0, SecretKind::RefreshToken, &parsed.refresh_token)?;
    if let Some(secret) = &parsed.client_secret {
        context
            .vault
            .set(&org.id.0, SecretKind::ClientSecret, secret)?;
    }
    context.catalog.add(org.clone())?;
    debug_assert!(matches!(org.flow, Flow::RefreshToken { .. }));
    // Prove the refresh token works now, rather than at the first `token`.
    if let Err(failure) = context.sessions().token(&org, Freshness::Renew).await {
        eprintln!(
            "Imported {}, but its refresh token did not work:",
            org.alias
        );
        return Err(failure.into());
    }
    eprintln!("Imported {}. Try: orgkey token {}", org.alias, org.alias);
    Ok(())
}

fn read_source(source: &str) -> Result<Secret, Failure> {
    let mut text = String::new();
    let read = if source == "-" {
        std::io::stdin().read_to_string(&mut text).map(drop)
    } else {
        std::fs::File::open(source)
            .and_then(|mut file| file.read_to_string(&mut text))
            .map(drop)
    };
    read.map_err(|error| {
        Failure::input(
            format!(
                "The SFDX auth URL could not be read from {source} ({}).",
                error.kind()
            ),
            "Give a readable file, or - to read standard input.",
        )
    })?;
    Ok(Secret::new(text))
}

/// `acme` from `acme.my.salesforce.com`, `acme--uat` from a sandbox My Domain.
fn alias_from_host(url: &SfdxAuthUrl) -> String {
    let host = url.instance_url.host_str().unwrap_or("org");
    host.split('.').next().unwrap_or("org").to_owned()
}
