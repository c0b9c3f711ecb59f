//! `orgkey`: every Salesforce org and every OAuth flow from a terminal, and a token on
//! stdout in a few milliseconds when one is cached.
//!
//! This crate parses arguments and prints; every action is a call into `orgkey-core`.
//! It must never take a secret from an argument (other users can read the process
//! list), never print one except the token asked for, and never hold domain logic.

mod cli;
mod commands;
mod context;
mod failure;
mod input;
mod output;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::failure::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // One thread is plenty for one person's command, and starts fastest.
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return Failure::internal(format!("cannot start: {error}")).report(),
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

async fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Org(command) => commands::org::run(*command),
        Command::Login(args) => commands::login::run(args).await,
        Command::Token(args) => commands::token::run(args).await,
        Command::Open(args) => commands::open::run(args).await,
        Command::Revoke(args) => commands::revoke::run(args).await,
        Command::Cert(command) => commands::cert::run(command),
        Command::Export(args) => commands::interop::export(args),
        Command::Import(args) => commands::interop::import(args).await,
        Command::ServeClipboard => commands::clipboard::serve(),
        Command::Completions { shell } => {
            commands::completions(shell);
            Ok(())
        }
    }
}
