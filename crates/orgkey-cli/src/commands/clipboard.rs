//! `token --copy`. On X11 the clipboard's content lives in the process that owns it and
//! vanishes when that process exits, so, like `xclip`, a small background process (this
//! same binary, `__serve-clipboard`) holds it until something else is copied. The token
//! reaches it through a pipe, never an argument.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

use orgkey_core::Secret;

use crate::failure::Failure;

const READY: &str = "ready";

fn no_clipboard(detail: impl std::fmt::Display) -> Failure {
    Failure::input(
        format!("The clipboard cannot be used here ({detail})."),
        "Run in a desktop session (DISPLAY or WAYLAND_DISPLAY set), or print the token instead of --copy.",
    )
}

/// Starts the holder and returns once it owns the clipboard.
pub fn copy(token: &Secret) -> Result<(), Failure> {
    let exe = std::env::current_exe().map_err(no_clipboard)?;
    let mut command = Command::new(exe);
    command
        .arg("__serve-clipboard")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Its own process group: closing the terminal or Ctrl+C here must not end it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut holder = command.spawn().map_err(no_clipboard)?;
    let mut stdin = holder.stdin.take().ok_or_else(|| no_clipboard("no pipe"))?;
    stdin
        .write_all(token.expose().as_bytes())
        .map_err(no_clipboard)?;
    drop(stdin);
    let mut line = String::new();
    let stdout = holder
        .stdout
        .take()
        .ok_or_else(|| no_clipboard("no pipe"))?;
    BufReader::new(stdout)
        .read_line(&mut line)
        .map_err(no_clipboard)?;
    if line.trim() == READY {
        return Ok(());
    }
    let mut detail = String::new();
    if let Some(mut stderr) = holder.stderr.take() {
        let _ = stderr.read_to_string(&mut detail);
    }
    let _ = holder.wait();
    Err(no_clipboard(detail.trim()))
}

/// The holder: takes the token from stdin, owns the clipboard, says so, and waits
/// until another program takes the clipboard over.
pub fn serve() -> Result<(), Failure> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(no_clipboard)?;
    let token = Secret::new(text);
    // Failures go to the parent, which reads stderr and explains them.
    let fail = |error: arboard::Error| -> ! {
        eprint!("{error}");
        std::process::exit(2)
    };
    let mut clipboard = arboard::Clipboard::new().unwrap_or_else(|error| fail(error));
    if let Err(error) = clipboard.set_text(token.expose()) {
        fail(error);
    }
    // We own the selection now; the parent may return.
    println!("{READY}");
    let _ = std::io::stdout().flush();
    // Serve it (arboard does, from its own thread, while `clipboard` lives) until
    // another program takes the clipboard over; then there is nothing left to hold.
    loop {
        std::thread::sleep(std::time::Duration::from_millis(500));
        match clipboard.get_text() {
            Ok(current) if current == token.expose() => {}
            _ => return Ok(()),
        }
    }
}
