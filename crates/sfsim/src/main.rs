//! `sfsim --port N --fixtures FILE [--tls-cert C --tls-key K]`: a local Salesforce for
//! people and scripts. The first line on stdout says where it listens.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use sfsim::{Fixtures, Options, Sim};

#[derive(Parser)]
#[command(
    name = "sfsim",
    version,
    about = "A local stand-in for Salesforce's OAuth endpoints"
)]
struct Args {
    /// Port on 127.0.0.1; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Fixtures file (TOML); the shipped demo set when omitted.
    #[arg(long)]
    fixtures: Option<PathBuf>,
    /// PEM certificate chain: serve https.
    #[arg(long, requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// PEM private key for --tls-cert.
    #[arg(long, requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Do not log requests on stderr.
    #[arg(long)]
    quiet: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let fixtures = match &args.fixtures {
        Some(path) => match Fixtures::load(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("sfsim: {e}");
                return ExitCode::from(2);
            }
        },
        None => Fixtures::demo(),
    };
    let opts = Options {
        port: args.port,
        tls: args.tls_cert.zip(args.tls_key),
        log: !args.quiet,
    };
    let sim = match Sim::start_with(fixtures, opts).await {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("sfsim: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "listening on {}", sim.base_url());
    let _ = writeln!(out, "login.salesforce.com role: {}", sim.login_url());
    let _ = writeln!(out, "test.salesforce.com role:  {}", sim.test_url());
    let _ = out.flush();
    drop(out);
    sim.run_until_ctrl_c().await;
    ExitCode::SUCCESS
}
