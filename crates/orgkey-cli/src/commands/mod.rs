//! One file per command group; each parses nothing and decides nothing on its own
//! beyond wiring arguments to `orgkey-core` and printing the result.

pub mod cert;
pub mod clipboard;
pub mod interop;
pub mod login;
pub mod open;
pub mod org;
pub mod revoke;
pub mod token;

use clap::CommandFactory;

pub fn completions(shell: clap_complete::Shell) {
    clap_complete::generate(
        shell,
        &mut crate::cli::Cli::command(),
        "orgkey",
        &mut std::io::stdout(),
    );
}
