//! Every flow but the web one (see web_login.rs), added through the editor and logged
//! in against sfsim: username-password (and a §10 error shown with its fix), client
//! credentials (with the row's quick actions and "open in browser"), JWT with a
//! certificate made in the app, device with sfsim's verification page, and refresh
//! from an SFDX auth URL. Then "Duplicate for another sandbox".

use std::time::Duration;

use e2e::App;
use e2e::desktop::{opened_count, type_into, wait_for_opened, wait_for_window};
use fantoccini::Locator;
use sfsim::person::Person;

async fn logged_in(app: &App) {
    app.find(Locator::XPath(
        "//dd[starts-with(normalize-space(), 'Logged in · expires in')]",
    ))
    .await;
}

async fn new_org(app: &App, alias: &str, base: &str, flow: &str, client_id: &str) {
    app.click_button("+ Add org").await;
    app.find_text("h2", "New org").await;
    app.fill("field-alias", alias).await;
    app.choose("Custom URL").await;
    app.fill("field-loginUrl", base).await;
    app.choose(flow).await;
    if !client_id.is_empty() {
        app.fill("field-clientId", client_id).await;
    }
}

async fn save(app: &App, alias: &str) {
    app.click_button("Save").await;
    app.find_text("h2", alias).await;
    app.find_text("div", &format!("{alias} saved")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_flow_logs_in_from_the_editor() {
    let sim = sfsim::Sim::start(sfsim::Fixtures::demo()).await.unwrap();
    let base = sim.base_url().to_owned();
    let app = App::start_empty().await;

    // Username-password: the password and the security token are two fields.
    new_org(
        &app,
        "acme-pw",
        &base,
        "Username-password",
        "3MVG9demo.password",
    )
    .await;
    app.fill("field-label", "Acme via password").await;
    app.fill("field-username", "ada@acme.demo").await;
    app.fill("field-clientSecret", "PWDSECRET0003").await;
    app.fill("field-password", "Passw0rd!").await;
    app.fill("field-securityToken", "ADATOKEN42").await;
    save(&app, "acme-pw").await;
    logged_in(&app).await;
    app.click_button("Copy token").await;
    app.find_text("div", "Token copied").await;
    assert!(app.clipboard().starts_with("00D"));

    // A §10 error, in explain's words with its fix: a reset security token.
    app.click_button("Edit org").await;
    app.click_button("Replace security token").await;
    app.fill("field-securityToken", "OLDTOKEN").await;
    app.click_button("Save").await;
    app.find_text("h2", "acme-pw").await;
    app.click_button("Refresh").await;
    app.wait_for_text("Salesforce rejected the username, password or security token")
        .await;
    app.wait_for_text("reset the token from your personal settings")
        .await;
    app.find_text("span", "last attempt failed").await;
    app.screenshot("error-with-fix").await;
    app.click_button("Edit org").await;
    app.click_button("Replace security token").await;
    app.fill("field-securityToken", "ADATOKEN42").await;
    app.click_button("Save").await;
    app.find_text("h2", "acme-pw").await;
    logged_in(&app).await;

    // Duplicate for another sandbox: new alias, host and username suffix to review.
    app.click_button("Duplicate for another sandbox").await;
    app.fill("sandbox-name", "uat").await;
    app.click_button("Continue").await;
    app.find_text("h2", "Copy of acme-pw for a sandbox").await;
    let value = |id: &'static str| {
        let app = &app;
        async move {
            app.find(Locator::Id(id))
                .await
                .prop("value")
                .await
                .unwrap()
                .unwrap()
        }
    };
    assert_eq!(value("field-alias").await, "acme-pw-uat");
    assert_eq!(value("field-username").await, "ada@acme.demo.uat");
    assert_eq!(value("field-label").await, "Acme via password (uat)");
    let sandbox_checked = app
        .find(Locator::XPath(
            "//label[contains(., 'Sandbox (test.salesforce.com)')]/input",
        ))
        .await
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(sandbox_checked.as_deref(), Some("true"));
    app.screenshot("editor-sandbox-copy").await;
    app.click_button("Cancel").await;

    // Client credentials; then the row's quick actions and "open in browser".
    new_org(
        &app,
        "acme-cc",
        &base,
        "Client credentials",
        "3MVG9demo.client.credentials",
    )
    .await;
    app.fill("field-clientSecret", "CCSECRET0005").await;
    save(&app, "acme-cc").await;
    logged_in(&app).await;
    app.select_org("acme-pw").await;
    app.find(Locator::Css("button[aria-label='Copy token of acme-cc']"))
        .await
        .click()
        .await
        .unwrap();
    app.find_text("div", "acme-cc: token copied").await;
    assert!(app.clipboard().starts_with("00D"));

    let before = opened_count();
    app.find(Locator::Css(
        "button[aria-label='Open acme-cc in the browser']",
    ))
    .await
    .click()
    .await
    .unwrap();
    // The app hands the browser a one-time local redirect, never the login URL itself.
    let local = wait_for_opened(before).await;
    assert!(local.starts_with("http://127.0.0.1:"), "opened {local}");
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let redirect = browser.get(&local).send().await.unwrap();
    let single_use = redirect.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        single_use.contains("/secur/frontdoor.jsp?otp="),
        "{single_use}"
    );
    let landed = |url: String| async move {
        let browser = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        browser
            .get(url)
            .send()
            .await
            .unwrap()
            .url()
            .path()
            .to_owned()
    };
    assert_eq!(landed(single_use.clone()).await, "/lightning/page/home");
    assert_ne!(
        landed(single_use).await,
        "/lightning/page/home",
        "the single-use URL logged in twice"
    );
    app.find_text("div", "acme-cc opened in your browser").await;

    // JWT with a certificate made in the app and "uploaded" to sfsim's app.
    new_org(
        &app,
        "acme-jwt",
        &base,
        "JWT bearer",
        "3MVG9demo.jwt.bearer",
    )
    .await;
    app.fill("field-username", "ada@acme.demo").await;
    save(&app, "acme-jwt").await;
    app.click_button("Certificate").await;
    app.find_text("h2", "Certificate for acme-jwt").await;
    // Valid for 20 days only: the screen warns that it ends soon.
    app.fill("cert-days", "20").await;
    app.click_button("Generate key and certificate").await;
    app.find_text(
        "div",
        "Key pair and certificate made; the key is in the keychain",
    )
    .await;
    app.wait_for_text("This certificate expires in 19 days.")
        .await;
    app.find_text("dd", "In the keychain, and it belongs to this certificate")
        .await;
    let fingerprint = app
        .find(Locator::Css("code.fingerprint"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(fingerprint.len(), 95, "{fingerprint}");
    app.screenshot("certificate").await;
    app.click_button("Copy certificate").await;
    app.find_text("div", "Certificate copied").await;
    let certificate = app.clipboard();
    assert!(certificate.starts_with("-----BEGIN CERTIFICATE-----"));
    sim.switches().update_app("3MVG9demo.jwt.bearer", |jwt| {
        jwt.certificate = Some(certificate.clone());
    });

    // The .crt through the save dialog: a person types a path and presses Enter.
    let saved = std::env::temp_dir().join(format!("orgkey-e2e-{}.crt", std::process::id()));
    let _ = std::fs::remove_file(&saved);
    app.click_button("Save .crt…").await;
    let dialog = wait_for_window("Save the certificate").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    type_into(&dialog, &["{ctrl+a}", saved.to_str().unwrap(), "{Return}"]).await;
    app.wait_for_text("Certificate saved to").await;
    assert_eq!(std::fs::read_to_string(&saved).unwrap(), certificate);
    std::fs::remove_file(&saved).unwrap();

    // Back on the org, the JWT flow logs in on its own with the key in the keychain.
    app.click_button("Back to acme-jwt").await;
    logged_in(&app).await;
    app.find_text("span", "logged in · expires in 1 h 59 min")
        .await;

    // Device: the code shown large, the verification page opened, approved by a person.
    new_org(&app, "acme-device", &base, "Device", "3MVG9demo.device").await;
    app.fill("field-scopes", "api refresh_token").await;
    save(&app, "acme-device").await;
    app.find_text("span", "needs login").await;
    app.click_button("Log in with a device code").await;
    let code = app
        .find(Locator::Css("[aria-label='Device code']"))
        .await
        .text()
        .await
        .unwrap();
    app.find_text("p", "Waiting for approval…").await;
    app.screenshot("device-code").await;
    let before = opened_count();
    app.find(Locator::Css(".device-code button.link"))
        .await
        .click()
        .await
        .unwrap();
    let page = wait_for_opened(before).await;
    assert!(page.ends_with("/setup/connect"), "{page}");
    Person::ada().walk(&page, Some(&code)).await;
    logged_in(&app).await;

    // Refresh: the device login's SFDX auth URL, pasted into a new org.
    app.click_button("Copy SFDX auth URL").await;
    app.find_text("div", "SFDX auth URL copied").await;
    let sfdx = app.clipboard();
    assert!(sfdx.starts_with("force://3MVG9demo.device:"), "{sfdx}");
    app.click_button("+ Add org").await;
    app.fill("field-alias", "acme-imported").await;
    app.choose("Refresh token").await;
    app.fill("field-sfdxAuthUrl", &sfdx).await;
    save(&app, "acme-imported").await;
    logged_in(&app).await;
    app.close().await;
}
