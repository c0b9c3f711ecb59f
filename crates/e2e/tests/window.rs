//! The app remembers where its window was and how large, and runs once: a second
//! launch hands over to the first and leaves.

use std::time::{Duration, Instant};

use e2e::App;
use e2e::desktop::{close_window, geometry, place, wait_for_window, wait_until_gone};

const MAIN: &str = "OrgKey$";

#[tokio::test(flavor = "multi_thread")]
async fn the_window_comes_back_where_it_was_and_only_once() {
    let app = App::start_empty().await;
    app.find_text("h2", "No orgs yet").await;
    let window = wait_for_window(MAIN).await;

    // A second launch finds the first, hands over and exits at once.
    let started = Instant::now();
    let mut second = std::process::Command::new(std::env::var("ORGKEY_E2E_APP").unwrap())
        .spawn()
        .unwrap();
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "a second OrgKey kept running"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "the second launch failed: {status}");
    app.find_text("h2", "No orgs yet").await;

    place(&window, 60, 40, 900, 600);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let placed = geometry(&window);
    assert_eq!(
        (placed.2, placed.3),
        (900, 600),
        "xdotool could not resize: {placed:?}"
    );
    // Closed as a person closes it, so the app saves its state on the way out.
    close_window(&window);
    wait_until_gone(MAIN).await;
    drop(app);

    let again = App::start().await;
    again.find_text("h2", "No orgs yet").await;
    let window = wait_for_window(MAIN).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(geometry(&window), placed);
    again.close().await;
}
