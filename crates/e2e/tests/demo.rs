//! Demo mode from an empty start: the local Salesforce starts in the app, demo orgs
//! appear labelled DEMO, and one click copies a real token to the clipboard without the
//! page ever holding it — until "Reveal" is asked for — and the quick switcher copies
//! another org's token from the keyboard.

use e2e::App;
use fantoccini::Locator;

#[tokio::test]
async fn the_demo_gives_orgs_whose_tokens_copy_to_the_clipboard() {
    let app = App::start_empty().await;
    app.find_text("h2", "No orgs yet").await;
    app.click_button("Try the demo").await;

    let aliases = [
        "demo-integration",
        "demo-device",
        "demo-imported",
        "demo-jwt",
        "demo-password",
        "demo-web",
    ];
    for alias in aliases {
        app.find_text("span", alias).await;
    }
    let badges = app
        .client
        .find_all(Locator::Css(".org-row .badge"))
        .await
        .unwrap();
    assert_eq!(badges.len(), aliases.len());
    for badge in badges {
        assert_eq!(badge.text().await.unwrap(), "DEMO");
    }

    // The first org is selected and logged in through client credentials.
    app.find_text("h2", "demo-integration").await;
    app.find(Locator::XPath(
        "//dd[starts-with(normalize-space(), 'Logged in · expires in')]",
    ))
    .await;
    let masked = app.find(Locator::Css("code.token.masked")).await;
    assert!(!masked.text().await.unwrap().contains("00D"));

    app.click_button("Copy token").await;
    app.find_text("div", "Token copied").await;
    let copied = app.clipboard();
    assert!(
        copied.starts_with("00D5g000004Xyz1!"),
        "clipboard holds {copied:?}"
    );
    let source = app.client.source().await.unwrap();
    assert!(
        !source.contains(&copied),
        "the token entered the page without being revealed"
    );
    app.screenshot("demo-token-panel").await;

    app.click_button("Reveal").await;
    let revealed = app.find(Locator::Css("code.token:not(.masked)")).await;
    assert_eq!(revealed.text().await.unwrap(), copied);

    // Refresh gets a new token (and hides the revealed one again).
    app.click_button("Refresh").await;
    app.find_text("div", "Token refreshed").await;
    app.click_button("Copy token").await;
    app.find_text("div", "Token copied").await;
    assert_ne!(app.clipboard(), copied, "Refresh kept the old token");

    // The imported org logs in with the refresh token it came with.
    app.select_org("demo-imported").await;
    app.find(Locator::XPath(
        "//dd[starts-with(normalize-space(), 'Logged in · expires in')]",
    ))
    .await;
    app.click_button("Copy SFDX auth URL").await;
    app.find_text("div", "SFDX auth URL copied").await;
    assert!(
        app.clipboard()
            .starts_with("force://3MVG9demo.web.server.flow:WEBSECRET0001:")
    );

    // The JWT demo org logs in with the key kept in the keychain.
    app.find(Locator::XPath(
        "//button[contains(@class,'org-row')][.//span[normalize-space()='demo-jwt']]",
    ))
    .await
    .click()
    .await
    .unwrap();
    app.find_text("h2", "demo-jwt").await;
    app.find(Locator::XPath(
        "//dd[starts-with(normalize-space(), 'Logged in · expires in')]",
    ))
    .await;
    app.click_button("Copy curl").await;
    app.find_text("div", "curl command copied").await;
    assert!(
        app.clipboard()
            .starts_with("curl -s -H 'Authorization: Bearer 00D")
    );
    app.screenshot("demo-jwt").await;

    // The quick switcher: Ctrl+K, an alias, Enter copies that org's token.
    let page = app.client.active_element().await.unwrap();
    page.send_keys("\u{E009}k\u{E000}").await.unwrap();
    let switcher = app
        .find(Locator::Css("input[aria-label='Org to copy a token from']"))
        .await;
    switcher.send_keys("demo-pass").await.unwrap();
    app.find(Locator::XPath(
        "//li[@aria-selected='true']/span[normalize-space()='demo-password']",
    ))
    .await;
    app.screenshot("quick-switcher").await;
    switcher.send_keys("\u{E007}").await.unwrap();
    app.find_text("div", "demo-password: token copied").await;
    app.find_text("h2", "demo-password").await;
    let copied = app.clipboard();
    assert!(
        copied.starts_with("00D5g000004Xyz1!"),
        "clipboard holds {copied:?}"
    );
    app.close().await;
}
