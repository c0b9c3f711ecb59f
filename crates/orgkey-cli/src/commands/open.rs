//! `orgkey open ALIAS [--url-only]`.

use std::time::Duration;

use orgkey_core::flows::loopback::open_secret_url;
use orgkey_core::open::open_org;

use crate::cli::OpenArgs;
use crate::context::Context;
use crate::failure::Failure;

pub async fn run(args: OpenArgs) -> Result<(), Failure> {
    let context = Context::open()?;
    let org = context.catalog.get(&args.alias)?;
    let opened = open_org(&context.sessions(), &org, "/").await?;
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
