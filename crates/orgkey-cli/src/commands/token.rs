//! `orgkey token`: a valid access token on stdout and nothing else, so that
//! `$(orgkey token prod)` works; or, with `--login-url …`, one without any stored state.

use orgkey_core::Secret;
use orgkey_core::error::AuthError;
use orgkey_core::flows::{client_credentials, jwt_bearer};
use orgkey_core::http::Http;
use orgkey_core::identity;
use orgkey_core::org::{parse_host_url, url_base};
use orgkey_core::session::Freshness;
use orgkey_core::token::TokenSet;
use serde::Serialize;

use crate::cli::{FlowName, StatelessArgs, TokenArgs};
use crate::context::Context;
use crate::failure::Failure;
use crate::input::SecretSource;
use crate::output;

pub async fn run(args: TokenArgs) -> Result<(), Failure> {
    let (tokens, alias) = match &args.alias {
        Some(alias) => (
            stored(alias, args.refresh, args.verify).await?,
            Some(alias.as_str()),
        ),
        None => (stateless(&args.stateless).await?, None),
    };
    if args.json {
        return output::json(&token_json(&tokens, alias));
    }
    if args.copy {
        super::clipboard::copy(&tokens.access_token)?;
        eprintln!("Copied the access token to the clipboard.");
        return Ok(());
    }
    println!("{}", tokens.access_token.expose());
    Ok(())
}

async fn stored(alias: &str, refresh: bool, verify: bool) -> Result<TokenSet, Failure> {
    let context = Context::open()?;
    let org = context.catalog.get(alias)?;
    let sessions = context.sessions();
    let freshness = if refresh {
        Freshness::Renew
    } else {
        Freshness::Cached
    };
    let tokens = sessions.token(&org, freshness).await?;
    if !verify {
        return Ok(tokens);
    }
    match identity::verify(&context.http, &tokens).await {
        Ok(()) => Ok(tokens),
        // The estimate was wrong (a logout, a revoke): renew once, and check again.
        Err(AuthError::SessionExpired) => {
            let renewed = sessions.token(&org, Freshness::Renew).await?;
            identity::verify(&context.http, &renewed).await?;
            Ok(renewed)
        }
        Err(error) => Err(error.into()),
    }
}

async fn stateless(args: &StatelessArgs) -> Result<TokenSet, Failure> {
    let usage = || {
        Failure::input(
            "Say which org: `orgkey token ALIAS`, or for a pipeline without stored state `orgkey token --login-url URL --flow jwt|client-credentials --client-id ID ...`.",
            "See `orgkey token --help`.",
        )
    };
    let login_url = args.login_url.as_deref().ok_or_else(usage)?;
    let host = parse_host_url(login_url)?;
    let client_id = args
        .client_id
        .as_deref()
        .ok_or_else(|| needs("--client-id ID"))?;
    let http = Http::new();
    let tokens = match args
        .flow
        .ok_or_else(|| needs("--flow jwt or --flow client-credentials"))?
    {
        FlowName::Jwt => {
            let username = args
                .username
                .as_deref()
                .ok_or_else(|| needs("--username USER"))?;
            let key = env_secret(&args.key_env, "private key", "--key-env VAR")?;
            let audience = match &args.audience {
                Some(text) => parse_host_url(text)?,
                None => host.clone(),
            };
            jwt_bearer::login(
                &http,
                &jwt_bearer::JwtLogin {
                    host: &host,
                    client_id,
                    username,
                    audience: &audience,
                    private_key: &key,
                },
            )
            .await?
        }
        FlowName::ClientCredentials => {
            let secret = env_secret(
                &args.client_secret_env,
                "client secret",
                "--client-secret-env VAR",
            )?;
            client_credentials::login(&http, &host, client_id, &secret).await?
        }
        _ => {
            return Err(Failure::input(
                "Only the jwt and client-credentials flows run without stored state.",
                "Use --flow jwt or --flow client-credentials, or add the org with `orgkey org add`.",
            ));
        }
    };
    Ok(tokens)
}

fn needs(what: &str) -> Failure {
    Failure::input(
        format!("This stateless token request needs {what}."),
        format!("Add {what}."),
    )
}

fn env_secret(var: &Option<String>, what: &str, option: &str) -> Result<Secret, Failure> {
    SecretSource {
        stdin: false,
        env: var.clone(),
    }
    .read(what)?
    .ok_or_else(|| needs(option))
}

/// The `--json` shape (documented in the crate README). It includes the token: the
/// person asked for it.
#[derive(Serialize)]
struct TokenJson<'a> {
    alias: Option<&'a str>,
    access_token: &'a str,
    instance_url: String,
    org_id: Option<&'a str>,
    user_id: Option<&'a str>,
    issued_at: i64,
    scope: Option<&'a str>,
}

fn token_json<'a>(tokens: &'a TokenSet, alias: Option<&'a str>) -> TokenJson<'a> {
    let ids = tokens.ids();
    TokenJson {
        alias,
        access_token: tokens.access_token.expose(),
        instance_url: url_base(&tokens.instance_url),
        org_id: ids.map(|(org, _)| org),
        user_id: ids.map(|(_, user)| user),
        issued_at: tokens.issued_at_ms,
        scope: tokens.scope.as_deref(),
    }
}
