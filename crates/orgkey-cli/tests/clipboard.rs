//! `orgkey token --copy` on a real X server (Xvfb): the token lands on the clipboard,
//! never on stdout, and stays there after the command has exited.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::*;

struct Xvfb(Child, String);

impl Xvfb {
    fn start() -> Xvfb {
        let display = (200..260)
            .find(|n| !std::path::Path::new(&format!("/tmp/.X11-unix/X{n}")).exists())
            .expect("a free display number");
        let mut child = Command::new("Xvfb")
            .args([
                format!(":{display}").as_str(),
                "-screen",
                "0",
                "640x480x24",
                "-nolisten",
                "tcp",
            ])
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (make setup installs it)");
        for _ in 0..100 {
            if std::path::Path::new(&format!("/tmp/.X11-unix/X{display}")).exists() {
                return Xvfb(child, format!(":{display}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("Xvfb did not start");
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn clipboard(display: &str) -> String {
    let output = Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .env("DISPLAY", display)
        .output()
        .expect("xclip (make setup installs it)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn copy_puts_the_token_on_the_clipboard_and_keeps_it_there() {
    let sim = Sim::start();
    let home = Home::new();
    assert!(
        add_client_credentials_org(&home, &sim, "cc")
            .status
            .success()
    );
    let token =
        String::from_utf8(home.orgkey().args(["token", "cc"]).output().unwrap().stdout).unwrap();

    let x = Xvfb::start();
    let copied = home
        .orgkey()
        .args(["token", "cc", "--copy"])
        .env("DISPLAY", &x.1)
        .output()
        .unwrap();
    assert!(
        copied.status.success(),
        "{}",
        String::from_utf8_lossy(&copied.stderr)
    );
    assert!(copied.stdout.is_empty(), "the token must not be printed");
    assert!(!String::from_utf8_lossy(&copied.stderr).contains(token.trim()));
    // The command has exited; the clipboard still holds the token.
    assert_eq!(clipboard(&x.1), token.trim());

    // Without a display it says so plainly.
    let headless = home
        .orgkey()
        .args(["token", "cc", "--copy"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(headless.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&headless.stderr).contains("clipboard cannot be used"));
}
