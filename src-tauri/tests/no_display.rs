//! Started where there is no display, the app says so and exits, instead of panicking.

use std::process::Command;

#[test]
fn without_a_display_the_app_explains_and_exits() {
    let output = Command::new(env!("CARGO_BIN_EXE_orgkey-app"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("there is no display"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
