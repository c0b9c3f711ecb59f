//! The org editor says what is wrong next to each field while the person types, with
//! the same rules as `orgkey org add`, and saves nothing until every field is right.

use e2e::App;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn every_wrong_field_is_named_next_to_it_as_you_type() {
    let sim = sfsim::Sim::start(sfsim::Fixtures::demo()).await.unwrap();
    let app = App::start_empty().await;
    app.click_button("Add org").await;
    app.find_text("h2", "New org").await;

    // Saving an empty form names what is missing, and saves nothing.
    app.click_button("Save").await;
    app.expect_problem(
        "alias",
        "The alias is missing. Give the alias; the org cannot be saved without it.",
    )
    .await;
    app.expect_problem("flow", "No login flow is chosen.").await;
    app.screenshot("editor-empty-save").await;

    // Each field is checked as it is typed.
    app.fill("field-alias", "-bad").await;
    app.expect_problem("alias", "cannot be an alias.").await;
    app.fill("field-alias", "acme").await;
    app.expect_no_problem("alias").await;

    app.fill("field-color", "red").await;
    app.expect_problem("color", "is not a colour.").await;
    app.fill("field-color", "#1f77b4").await;
    app.find(Locator::Css(".swatch")).await;
    app.expect_no_problem("color").await;

    app.choose("Custom URL").await;
    app.fill("field-loginUrl", "http://example.com").await;
    app.expect_problem("loginUrl", "plain http is only allowed for loopback")
        .await;
    app.fill("field-loginUrl", "ftp://example.com").await;
    app.expect_problem("loginUrl", "only https URLs are allowed")
        .await;
    app.fill("field-loginUrl", "").await;
    app.expect_problem("loginUrl", "The login URL is missing.")
        .await;

    // Each flow shows only its own fields, and names what it still needs.
    app.choose("Username-password").await;
    app.expect_problem("clientId", "The client id (consumer key) is missing.")
        .await;
    app.expect_problem("username", "The username is missing.")
        .await;
    app.expect_problem(
        "clientSecret",
        "The client secret (consumer secret) is needed",
    )
    .await;
    app.expect_problem("password", "The password is needed")
        .await;
    app.find(Locator::Id("field-securityToken")).await;
    assert!(
        app.client
            .find(Locator::Id("field-callbackUrl"))
            .await
            .is_err()
    );
    app.screenshot("editor-password-problems").await;

    app.choose("Web server").await;
    app.fill("field-callbackUrl", "http://example.com/callback")
        .await;
    app.expect_problem("callbackUrl", "plain http is only allowed for loopback")
        .await;
    assert!(
        app.client
            .find(Locator::Id("field-password"))
            .await
            .is_err()
    );

    app.choose("JWT bearer").await;
    app.fill("field-audience", "http://example.com").await;
    app.expect_problem("audience", "plain http is only allowed for loopback")
        .await;

    app.choose("Production (login.salesforce.com)").await;
    app.choose("Client credentials").await;
    app.expect_problem("loginUrl", "works only on your My Domain")
        .await;
    app.choose("My Domain").await;
    app.fill("field-loginUrl", "acme.my.salesforce.com").await;
    app.expect_no_problem("loginUrl").await;

    app.choose("Refresh token").await;
    app.fill("field-sfdxAuthUrl", "not a url").await;
    app.expect_problem("sfdxAuthUrl", "The text is not a usable SFDX auth URL")
        .await;

    // A right form saves; its alias is then taken.
    app.choose("Client credentials").await;
    app.choose("Custom URL").await;
    app.fill("field-loginUrl", sim.base_url()).await;
    app.fill("field-clientId", "3MVG9demo.client.credentials")
        .await;
    app.fill("field-clientSecret", "CCSECRET0005").await;
    app.click_button("Save").await;
    app.find_text("h2", "acme").await;

    app.click_button("+ Add org").await;
    app.find_text("h2", "New org").await;
    app.fill("field-alias", "acme").await;
    app.expect_problem(
        "alias",
        "acme is already the alias of another org. Choose another alias; each org needs its own.",
    )
    .await;
    app.screenshot("editor-alias-taken").await;

    // A stored secret never comes back into the page: it can only be replaced.
    app.click_button("Cancel").await;
    app.click_button("Edit org").await;
    app.find_text("h2", "Edit acme").await;
    app.find(Locator::Css(
        "[aria-label='Client secret (consumer secret) stored']",
    ))
    .await;
    assert!(!app.client.source().await.unwrap().contains("CCSECRET0005"));
    app.screenshot("editor-edit").await;

    // Deleting asks twice and removes the org.
    app.click_button("Delete org").await;
    app.click_button("Delete acme and its secrets").await;
    app.find_text("h2", "No orgs yet").await;
    app.close().await;
}
