//! What a person does outside the page: type into the login popup (a window WebDriver
//! cannot reach, since it has its own data store), and read what the app opened in the
//! "system browser" (scripts/e2e-browser records it).

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

fn xdotool(args: &[&str]) -> String {
    let output = Command::new("xdotool")
        .args(args)
        .output()
        .expect("xdotool (make setup installs it)");
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Waits up to 20 s for a visible window whose title starts with `title` and returns
/// its X id.
pub async fn wait_for_window(title: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let found = xdotool(&["search", "--onlyvisible", "--name", &format!("^{title}")]);
        if let Some(id) = found.lines().next() {
            return id.to_owned();
        }
        assert!(
            Instant::now() < deadline,
            "no window titled {title:?} appeared"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether a window whose title starts with `title` is shown.
pub fn window_exists(title: &str) -> bool {
    !xdotool(&["search", "--onlyvisible", "--name", &format!("^{title}")]).is_empty()
}

/// Gives the window the keyboard and types `keys`: text, or `xdotool key` names
/// written as `{Tab}`, `{Return}`.
pub async fn type_into(window: &str, keys: &[&str]) {
    xdotool(&["windowfocus", "--sync", window]);
    for key in keys {
        if let Some(name) = key.strip_prefix('{').and_then(|k| k.strip_suffix('}')) {
            xdotool(&["key", "--clearmodifiers", name]);
        } else {
            xdotool(&["type", "--delay", "20", key]);
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Asks a window to close as its close button would: the WM_DELETE_WINDOW message a
/// window manager sends. (`xdotool windowclose` destroys the window under the app
/// instead, which no person can do and which GTK does not survive.)
pub fn close_window(window: &str) {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt, EventMask};
    let window: u32 = window.parse().expect("an X window id");
    let (conn, _) = x11rb::connect(None).expect("no X display");
    let atom = |name: &[u8]| conn.intern_atom(false, name).unwrap().reply().unwrap().atom;
    let protocols = atom(b"WM_PROTOCOLS");
    let delete = atom(b"WM_DELETE_WINDOW");
    let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
    conn.send_event(false, window, EventMask::NO_EVENT, event)
        .unwrap()
        .check()
        .unwrap();
    conn.flush().unwrap();
}

fn opened_file() -> PathBuf {
    PathBuf::from(std::env::var("ORGKEY_E2E_OPENED").expect("scripts/e2e sets ORGKEY_E2E_OPENED"))
}

/// How many URLs the app has opened in the "system browser" so far.
pub fn opened_count() -> usize {
    std::fs::read_to_string(opened_file())
        .map(|text| text.lines().count())
        .unwrap_or(0)
}

/// Waits up to 20 s for the app to open URL number `index` (from 0) and returns it.
pub async fn wait_for_opened(index: usize) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(line) = std::fs::read_to_string(opened_file())
            .ok()
            .and_then(|text| text.lines().nth(index).map(str::to_owned))
        {
            return line;
        }
        assert!(
            Instant::now() < deadline,
            "the app opened no URL number {index}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Where and how large a window is: x, y, width, height.
pub fn geometry(window: &str) -> (i32, i32, u32, u32) {
    let text = xdotool(&["getwindowgeometry", "--shell", window]);
    let value = |key: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("xdotool said {text:?}"))
            .parse::<i64>()
            .unwrap()
    };
    (
        value("X") as i32,
        value("Y") as i32,
        value("WIDTH") as u32,
        value("HEIGHT") as u32,
    )
}

/// Moves and resizes a window as a person dragging it would.
pub fn place(window: &str, x: i32, y: i32, width: u32, height: u32) {
    xdotool(&[
        "windowsize",
        "--sync",
        window,
        &width.to_string(),
        &height.to_string(),
    ]);
    xdotool(&[
        "windowmove",
        "--sync",
        window,
        &x.to_string(),
        &y.to_string(),
    ]);
}

/// Waits up to 20 s until no visible window's title starts with `title`.
pub async fn wait_until_gone(title: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while window_exists(title) {
        assert!(
            Instant::now() < deadline,
            "the window {title:?} did not close"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits up to 20 s until the window shows one of sfsim's pages, known by their grey
/// background (#f3f3f3) in the top-left corner, where an unloaded window shows GTK's.
pub async fn wait_for_page(window: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let pixel = Command::new("import")
            .args(["-window", window, "-crop", "1x1+5+5", "txt:-"])
            .output()
            .expect("ImageMagick's import (make setup installs it)");
        let text = String::from_utf8_lossy(&pixel.stdout);
        if text
            .lines()
            .nth(1)
            .is_some_and(|line| line.contains("srgb(243,243,243)"))
        {
            return;
        }
        assert!(Instant::now() < deadline, "the window never showed a page");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
