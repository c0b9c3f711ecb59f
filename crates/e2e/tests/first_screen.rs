//! The app starts and shows its first screen: the product, its version as the backend
//! reports it, the empty org list, and a keychain that really works.

use e2e::App;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn the_first_screen_shows_the_product_its_version_and_a_ready_keychain() {
    let app = App::start_empty().await;

    app.find_text("h1", "OrgKey").await;
    // The version comes from the `app_info` command, so seeing it proves IPC works.
    let version = format!("v{}", env!("CARGO_PKG_VERSION"));
    app.find_text("span", &version).await;
    app.find_text("h2", "No orgs yet").await;
    let nav = app.find(Locator::Css("nav[aria-label='Orgs']")).await;
    assert!(nav.text().await.unwrap().ends_with("No orgs yet"));

    // app_info wrote and removed a probe entry in the real gnome-keyring.
    app.find_text("span", "Keychain ready").await;
    let data_dir = app.find(Locator::Css(".data-dir code")).await;
    assert_eq!(
        data_dir.text().await.unwrap(),
        std::env::var("ORGKEY_HOME").expect("scripts/e2e sets ORGKEY_HOME")
    );

    let title = app.client.title().await.unwrap();
    assert_eq!(title, "OrgKey");

    let bytes = app.screenshot("first-screen").await;
    assert!(
        bytes > 10_000,
        "the screenshot is suspiciously small: {bytes} bytes"
    );
    app.close().await;
}
