//! Every screen, in the theme the system has: scripts/e2e runs this test once as it is
//! (light) and once under GTK's dark theme (ORGKEY_E2E_THEME=dark), and the page must
//! follow. Screenshots go to target/e2e-shots/screen-NAME-THEME.png.

use e2e::App;
use e2e::desktop::{close_window, wait_for_page, wait_for_window};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_follows_the_system_theme() {
    let theme = std::env::var("ORGKEY_E2E_THEME").unwrap_or_else(|_| "light".into());
    let app = App::start_empty().await;
    let shot = |name: &str| format!("screen-{name}-{theme}");

    let background = app
        .client
        .execute(
            "return getComputedStyle(document.documentElement).backgroundColor",
            vec![],
        )
        .await
        .unwrap();
    let expected = if theme == "dark" {
        "rgb(21, 25, 31)"
    } else {
        "rgb(246, 247, 249)"
    };
    assert_eq!(
        background, expected,
        "the page does not follow the {theme} theme"
    );

    app.find_text("h2", "No orgs yet").await;
    app.screenshot(&shot("empty")).await;

    app.click_button("Try the demo").await;
    app.find_text("h2", "demo-integration").await;
    app.find(Locator::XPath(
        "//dd[starts-with(normalize-space(), 'Logged in · expires in')]",
    ))
    .await;
    app.screenshot(&shot("token")).await;

    app.select_org("demo-web").await;
    app.find_text("span", "needs login").await;
    app.screenshot(&shot("needs-login")).await;
    app.click_button("Log in").await;
    let popup = wait_for_window("Log in to demo-web").await;
    wait_for_page(&popup).await;
    let shots = std::env::var("ORGKEY_E2E_SHOTS").unwrap();
    let popup_png = format!("{shots}/{}.png", shot("login-popup"));
    let imported = std::process::Command::new("import")
        .args(["-window", &popup, &popup_png])
        .status()
        .expect("ImageMagick's import (make setup installs it)");
    assert!(imported.success());
    close_window(&popup);
    app.find_text("p", "The login was cancelled.").await;
    app.screenshot(&shot("error")).await;

    app.select_org("demo-device").await;
    app.click_button("Log in with a device code").await;
    app.find(Locator::Css("[aria-label='Device code']")).await;
    app.screenshot(&shot("device-code")).await;
    app.click_button("Cancel login").await;
    app.find_text("p", "The login was cancelled.").await;

    app.select_org("demo-jwt").await;
    app.click_button("Certificate").await;
    app.find_text("h2", "Certificate for demo-jwt").await;
    app.click_button("Generate key and certificate").await;
    app.find(Locator::Css("code.fingerprint")).await;
    app.screenshot(&shot("certificate")).await;
    app.click_button("Back to demo-jwt").await;
    // In demo mode the new certificate is uploaded to the local Salesforce at once:
    // a new JWT login signs with the new key and still works.
    app.click_button("Refresh").await;
    app.find_text("div", "Token refreshed").await;

    app.select_org("demo-password").await;
    app.click_button("Edit org").await;
    app.find_text("h2", "Edit demo-password").await;
    app.screenshot(&shot("editor-edit")).await;

    app.click_button("+ Add org").await;
    app.click_button("Save").await;
    app.expect_problem("alias", "The alias is missing.").await;
    app.screenshot(&shot("editor-problems")).await;
    app.click_button("Cancel").await;

    let page = app.client.active_element().await.unwrap();
    page.send_keys("\u{E009}k\u{E000}").await.unwrap();
    app.find(Locator::Css("input[aria-label='Org to copy a token from']"))
        .await;
    app.screenshot(&shot("quick-switcher")).await;
    app.close().await;
}
