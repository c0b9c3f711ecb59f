// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Without a display GTK aborts with a panic and a backtrace; say it plainly instead.
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        eprintln!(
            "OrgKey cannot open its window: there is no display (DISPLAY and WAYLAND_DISPLAY are unset).\n\
             Start it from a desktop session, or use the `orgkey` command in a terminal."
        );
        std::process::exit(2);
    }
    orgkey_app::run();
}
