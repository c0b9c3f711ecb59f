//! The web server flow, added through the editor: log in through the login popup (a
//! person typing into sfsim's login page in the popup window), cancel by closing the
//! popup, and log in with the system browser instead (RFC 8252). Then the refresh-token
//! actions: copy the SFDX auth URL, revoke.

use std::time::Duration;

use e2e::App;
use e2e::desktop::{
    close_window, opened_count, type_into, wait_for_opened, wait_for_page, wait_for_window,
    window_exists,
};
use fantoccini::Locator;
use sfsim::person::Person;

const POPUP: &str = "Log in to acme-web";

async fn logged_in(app: &App) {
    app.find(Locator::XPath(
        "//dd[starts-with(normalize-space(), 'Logged in · expires in')]",
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_web_flow_logs_in_in_the_popup_or_the_browser() {
    let sim = sfsim::Sim::start(sfsim::Fixtures::demo()).await.unwrap();
    let app = App::start_empty().await;

    app.click_button("Add org").await;
    app.find_text("h2", "New org").await;
    app.fill("field-alias", "acme-web").await;
    app.choose("Custom URL").await;
    app.fill("field-loginUrl", sim.base_url()).await;
    app.choose("Web server").await;
    app.fill("field-clientId", "3MVG9demo.web.server.flow")
        .await;
    app.fill("field-clientSecret", "WEBSECRET0001").await;
    app.screenshot("editor-web").await;
    app.click_button("Save").await;
    app.find_text("h2", "acme-web").await;
    app.find_text("span", "needs login").await;
    app.screenshot("needs-login").await;

    // First a refusal: Deny on Salesforce's approval page: the error redirect, in explain's words.
    app.click_button("Log in").await;
    let popup = wait_for_window(POPUP).await;
    wait_for_page(&popup).await;
    type_into(&popup, &["ada@acme.demo", "{Tab}", "Passw0rd!", "{Return}"]).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    type_into(&popup, &["{Tab}", "{Tab}", "{Return}"]).await;
    app.wait_for_text("The login was denied: the user chose Deny")
        .await;
    app.wait_for_text("Log in again and choose Allow").await;
    assert!(
        !window_exists(POPUP),
        "the popup stayed open after the refusal"
    );

    // The popup: its own window, which WebDriver cannot reach; a person types into it.
    app.click_button("Log in").await;
    app.wait_for_text("Waiting for you to log in in the login window")
        .await;
    let popup = wait_for_window(POPUP).await;
    wait_for_page(&popup).await;
    type_into(&popup, &["ada@acme.demo", "{Tab}", "Passw0rd!", "{Return}"]).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    // The approval page: the first Tab reaches "Allow".
    type_into(&popup, &["{Tab}", "{Return}"]).await;
    logged_in(&app).await;
    assert!(
        !window_exists(POPUP),
        "the popup stayed open after the login"
    );
    app.find_text("div", "Logged in to acme-web").await;

    app.click_button("Copy token").await;
    app.find_text("div", "Token copied").await;
    assert!(
        app.clipboard().starts_with("00D"),
        "clipboard: {}",
        app.clipboard()
    );

    app.click_button("Copy SFDX auth URL").await;
    app.find_text("div", "SFDX auth URL copied").await;
    let sfdx = app.clipboard();
    assert!(
        sfdx.starts_with("force://3MVG9demo.web.server.flow:WEBSECRET0001:"),
        "clipboard: {sfdx}"
    );
    assert!(!app.client.source().await.unwrap().contains(&sfdx));

    app.click_button("Revoke").await;
    app.find_text("div", "Tokens revoked").await;
    app.find_text("span", "needs login").await;

    // Closing the popup cancels the login cleanly.
    app.click_button("Log in").await;
    let popup = wait_for_window(POPUP).await;
    wait_for_page(&popup).await;
    close_window(&popup);
    app.find_text("p", "The login was cancelled.").await;
    app.screenshot("login-cancelled").await;

    // The system browser (RFC 8252): the app opens the authorize URL, listens on the
    // callback's loopback port, and the person logs in there.
    let before = opened_count();
    app.click_button("Log in with my browser").await;
    let authorize = wait_for_opened(before).await;
    assert!(
        authorize.contains("/services/oauth2/authorize?"),
        "opened {authorize}"
    );
    let status = Person::ada().walk(&authorize, None).await.status;
    assert_eq!(status, 200);
    logged_in(&app).await;
    app.close().await;
}
