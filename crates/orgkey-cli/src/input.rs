//! Where secrets come from: a prompt, standard input, or a named environment variable —
//! never an argument, which any user of the machine can read from the process list.

use std::io::{IsTerminal, Read, Write};

use orgkey_core::Secret;

use crate::failure::Failure;

/// How one secret was offered on the command line.
#[derive(Debug, Clone, Default)]
pub struct SecretSource {
    /// `--…-stdin`: read the whole of standard input.
    pub stdin: bool,
    /// `--…-env VAR`: read the variable VAR.
    pub env: Option<String>,
}

impl SecretSource {
    pub fn given(&self) -> bool {
        self.stdin || self.env.is_some()
    }

    /// The secret, if one was offered; `what` names it in errors.
    pub fn read(&self, what: &str) -> Result<Option<Secret>, Failure> {
        if self.stdin {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map_err(|_| {
                Failure::input(
                    format!("The {what} could not be read from standard input."),
                    "Pipe it in as UTF-8 text.",
                )
            })?;
            let trimmed = text.trim_end_matches(['\r', '\n']);
            return non_empty(trimmed.to_owned(), what).map(Some);
        }
        if let Some(var) = &self.env {
            let value = std::env::var(var).map_err(|_| {
                Failure::input(
                    format!("The environment variable {var} for the {what} is not set."),
                    format!("Export {var} with the {what}, or pass it another way."),
                )
            })?;
            return non_empty(value, what).map(Some);
        }
        Ok(None)
    }

    /// The secret from where it was offered, else a hidden prompt on a terminal.
    pub fn read_or_prompt(&self, what: &str) -> Result<Option<Secret>, Failure> {
        if self.given() {
            return self.read(what);
        }
        prompt_hidden(what)
    }
}

fn non_empty(value: String, what: &str) -> Result<Secret, Failure> {
    if value.is_empty() {
        Err(Failure::input(
            format!("The {what} given is empty."),
            format!("Give the {what} itself."),
        ))
    } else {
        Ok(Secret::new(value))
    }
}

/// Asks on the terminal without echo; `None` when there is no terminal to ask on.
pub fn prompt_hidden(what: &str) -> Result<Option<Secret>, Failure> {
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    eprint!("{what} (input hidden): ");
    let _ = std::io::stderr().flush();
    let echo_off = std::process::Command::new("stty")
        .arg("-echo")
        .status()
        .is_ok_and(|s| s.success());
    let mut line = String::new();
    let read = std::io::stdin().read_line(&mut line);
    if echo_off {
        let _ = std::process::Command::new("stty").arg("echo").status();
    }
    eprintln!();
    read.map_err(|_| Failure::input(format!("The {what} could not be read."), "Try again."))?;
    let value = line.trim_end_matches(['\r', '\n']).to_owned();
    if value.is_empty() {
        Ok(None)
    } else {
        Ok(Some(Secret::new(value)))
    }
}
