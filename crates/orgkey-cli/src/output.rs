//! Printing for people and for scripts: JSON when asked, plain aligned text otherwise,
//! colour only on a terminal.

use std::io::IsTerminal;

use serde::Serialize;

use crate::failure::Failure;

pub fn json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|error| Failure::internal(format!("cannot write JSON: {error}")))?;
    println!("{text}");
    Ok(())
}

/// Bold on a terminal that wants colour, plain otherwise (NO_COLOR is honoured).
pub fn bold(text: &str) -> String {
    if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// Rows of cells, each column as wide as its widest cell.
pub fn table(header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|cell| cell.len()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    println!(
        "{}",
        bold(&line(header.iter().map(|cell| cell.to_string()).collect()))
    );
    for row in rows {
        println!("{}", line(row.clone()));
    }
}

/// A spinner on stderr while a long wait runs, only on a terminal; cleared on drop.
pub struct Spinner(Option<tokio::task::JoinHandle<()>>);

impl Spinner {
    pub fn start(message: &'static str) -> Spinner {
        if !std::io::stderr().is_terminal() {
            eprintln!("{message}");
            return Spinner(None);
        }
        Spinner(Some(tokio::spawn(async move {
            for frame in ['|', '/', '-', '\\'].iter().cycle() {
                eprint!("\r{frame} {message}");
                tokio::time::sleep(std::time::Duration::from_millis(120)).await;
            }
        })))
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(task) = self.0.take() {
            task.abort();
            eprint!("\r\x1b[2K");
        }
    }
}
