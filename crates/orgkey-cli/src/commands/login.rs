//! `orgkey login ALIAS`: run the org's flow now.

use std::io::IsTerminal;
use std::time::Duration;

use orgkey_core::flows::device;
use orgkey_core::flows::loopback::{LoopbackBrowser, open_in_system_browser};
use orgkey_core::org::Flow;
use orgkey_core::session::Freshness;
use orgkey_core::signin;

use crate::cli::LoginArgs;
use crate::context::Context;
use crate::failure::Failure;

/// Device codes live ten minutes at Salesforce.
const DEVICE_MAX_WAIT: Duration = Duration::from_secs(600);

pub async fn run(args: LoginArgs) -> Result<(), Failure> {
    let context = Context::open()?;
    let org = context.catalog.get(&args.alias)?;
    let sessions = context.sessions();
    let tokens = match &org.flow {
        Flow::WebServer { .. } => {
            let mut browser = LoopbackBrowser::system();
            if args.no_browser {
                browser.open = Box::new(|url| {
                    eprintln!(
                        "Open this URL in a browser on this computer to log in:\n\n  {url}\n"
                    );
                    Ok(())
                });
            } else {
                browser.open = Box::new(|url| {
                    eprintln!(
                        "Opening your browser to log in… (if nothing opens, run again with --no-browser)"
                    );
                    open_in_system_browser(url)
                });
            }
            let tokens = signin::web(&context.http, &context.vault, &org, &browser, None).await?;
            sessions.store(&org, tokens)?
        }
        Flow::Device { client_id, .. } => {
            let authorization = signin::device_start(&context.http, &org).await?;
            eprintln!(
                "On any device, open {}\nand enter the code:  {}\n",
                authorization.verification_uri, authorization.user_code
            );
            let cancelled = async {
                let _ = tokio::signal::ctrl_c().await;
            };
            let spinner = crate::output::Spinner::start("Waiting for approval (Ctrl+C to cancel)…");
            let tokens = device::wait_for_approval(
                &context.http,
                org.token_host(),
                client_id,
                &authorization,
                DEVICE_MAX_WAIT,
                cancelled,
            )
            .await;
            drop(spinner);
            sessions.store(&org, tokens?)?
        }
        Flow::RefreshToken { .. }
        | Flow::Password { .. }
        | Flow::JwtBearer { .. }
        | Flow::ClientCredentials { .. } => sessions.token(&org, Freshness::Renew).await?,
    };
    let who = tokens
        .ids()
        .map(|(_, user)| user.to_owned())
        .unwrap_or_default();
    if std::io::stderr().is_terminal() {
        eprintln!(
            "Logged in to {} ({}) as user {who}.",
            org.alias, tokens.instance_url
        );
    }
    Ok(())
}
