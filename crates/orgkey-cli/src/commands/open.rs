//! `orgkey open ALIAS [--url-only]`.

use orgkey_core::error::AuthError;
use orgkey_core::flows::loopback::open_in_system_browser;
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
    let url = url::Url::parse(opened.url.expose())
        .map_err(|_| Failure::internal("the org's URL is not a URL"))?;
    open_in_system_browser(&url)?;
    eprintln!("Opened {} in your browser.", org.alias);
    Ok(())
}
