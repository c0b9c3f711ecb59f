//! `orgkey open ALIAS [--url-only]`.

use std::time::Duration;

use orgkey_core::error::AuthError;
use orgkey_core::flows::loopback::open_secret_url;
use orgkey_core::open::open_url;
use orgkey_core::session::Freshness;

use crate::cli::OpenArgs;
use crate::context::Context;
use crate::failure::Failure;

pub async fn run(args: OpenArgs) -> Result<(), Failure> {
    let context = Context::open()?;
    let org = context.catalog.get(&args.alias)?;
    let sessions = context.sessions();
    let tokens = sessions.token(&org, Freshness::Cached).await?;
    let opened = match open_url(&context.http, &tokens, "/").await {
        // The cached token died early (a logout): renew once.
        Err(AuthError::SessionExpired) => {
            let renewed = sessions.token(&org, Freshness::Renew).await?;
            open_url(&context.http, &renewed, "/").await?
        }
        other => other?,
    };
    if args.url_only {
        println!("{}", opened.url.expose());
        return Ok(());
    }
    // The URL logs in whoever opens it: it reaches the browser through a local
    // redirect, never as a command-line argument.
    open_secret_url(&opened.url, Duration::from_secs(60)).await?;
    eprintln!("Opened {} in your browser.", org.alias);
    Ok(())
}
