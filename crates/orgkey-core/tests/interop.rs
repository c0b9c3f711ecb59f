//! SFDX auth URLs: round trips, every malformation, and no secret in sight.

use orgkey_core::interop::{SfdxAuthUrl, SfdxUrlError};
use orgkey_core::org::{Environment, Flow};
use orgkey_core::{Explain, Kind};

const TOKEN: &str =
    "5Aep861KIwKdekr90I4iHdtDgWwRoG7O_6uHrgJ.yVtMS0UaGxRYypnGzVJZ3X2ge.bWfMHzXkqPQ8d9bcWf0";

#[test]
fn the_cli_default_app_with_an_empty_secret() {
    let text = format!("force://PlatformCLI::{TOKEN}@acme.my.salesforce.com");
    let url = SfdxAuthUrl::parse(&text).unwrap();
    assert_eq!(url.client_id, "PlatformCLI");
    assert!(url.client_secret.is_none());
    assert_eq!(url.refresh_token.expose(), TOKEN);
    assert_eq!(url.instance_url.as_str(), "https://acme.my.salesforce.com/");
    assert_eq!(url.format().expose(), text);
}

#[test]
fn round_trips() {
    let cases = [
        // (input, formatted)
        (
            format!("force://3MVG9abc.def:SECRET123:{TOKEN}@acme--uat.sandbox.my.salesforce.com"),
            None,
        ),
        (
            format!("force://PlatformCLI::{TOKEN}@https://acme.my.salesforce.com"),
            Some(format!(
                "force://PlatformCLI::{TOKEN}@acme.my.salesforce.com"
            )),
        ),
        (
            format!("  force://c:s:{TOKEN}@https://acme.my.salesforce.com/\n"),
            Some(format!("force://c:s:{TOKEN}@acme.my.salesforce.com")),
        ),
        (format!("force://c::{TOKEN}@http://127.0.0.1:41234"), None),
        // A token with colons and an @ keeps them: first two colons, last @.
        (
            "force://c:s:to:ken@with@acme.my.salesforce.com".to_owned(),
            None,
        ),
    ];
    for (input, formatted) in cases {
        let url = SfdxAuthUrl::parse(&input).unwrap();
        let out = url.format();
        assert_eq!(
            out.expose(),
            formatted.as_deref().unwrap_or(input.as_str()),
            "{input}"
        );
        let again = SfdxAuthUrl::parse(out.expose()).unwrap();
        assert_eq!(again.client_id, url.client_id);
        assert_eq!(again.refresh_token.expose(), url.refresh_token.expose());
        assert_eq!(again.instance_url, url.instance_url);
    }
    let odd = SfdxAuthUrl::parse("force://c:s:to:ken@with@acme.my.salesforce.com").unwrap();
    assert_eq!(odd.refresh_token.expose(), "to:ken@with");
    assert_eq!(odd.client_secret.unwrap().expose(), "s");
}

#[test]
fn malformations_are_named_without_echoing_secrets() {
    let cases = [
        (
            format!("https://c:SECRETX:{TOKEN}@acme.my.salesforce.com"),
            SfdxUrlError::NotForce,
        ),
        (String::new(), SfdxUrlError::NotForce),
        ("forc".to_owned(), SfdxUrlError::NotForce),
        (
            format!("force://c:SECRETX:{TOKEN}"),
            SfdxUrlError::MissingAt,
        ),
        (
            format!("force://c:{TOKEN}@acme.my.salesforce.com"),
            SfdxUrlError::MissingParts,
        ),
        (
            format!("force://{TOKEN}@acme.my.salesforce.com"),
            SfdxUrlError::MissingParts,
        ),
        (
            "force://c:SECRETX:@acme.my.salesforce.com".to_owned(),
            SfdxUrlError::EmptyRefreshToken,
        ),
        (
            format!("force://:SECRETX:{TOKEN}@acme.my.salesforce.com"),
            SfdxUrlError::EmptyClientId,
        ),
        (
            format!("force://c:SECRETX:{TOKEN} x@acme.my.salesforce.com"),
            SfdxUrlError::Whitespace("refresh token"),
        ),
    ];
    for (input, expected) in cases {
        let err = SfdxAuthUrl::parse(&input).unwrap_err();
        assert_eq!(err, expected, "{input}");
        shows_no_secret(&err);
    }
    for host in [
        "",
        "http://acme.my.salesforce.com",
        "ftp://x",
        "acme.my.salesforce.com?x=1",
        "https://",
    ] {
        let input = format!("force://c:SECRETX:{TOKEN}@{host}");
        let err = SfdxAuthUrl::parse(&input).unwrap_err();
        assert!(matches!(err, SfdxUrlError::BadHost(_)), "{host}: {err:?}");
        shows_no_secret(&err);
    }
}

fn shows_no_secret(err: &SfdxUrlError) {
    let explanation = err.explain();
    assert_eq!(explanation.kind, Kind::Input);
    let shown = format!("{err} {err:?} {explanation}");
    assert!(
        !shown.contains("SECRETX") && !shown.contains("5Aep861"),
        "{shown}"
    );
}

#[test]
fn debug_shows_no_secret() {
    let url = SfdxAuthUrl::parse(&format!(
        "force://3MVG9x:SECRETX:{TOKEN}@acme.my.salesforce.com"
    ))
    .unwrap();
    let debug = format!("{url:?} {:?}", url.format());
    assert!(
        debug.contains("3MVG9x") && debug.contains("acme.my.salesforce.com"),
        "{debug}"
    );
    assert!(
        !debug.contains("SECRETX") && !debug.contains("5Aep861"),
        "{debug}"
    );
}

#[test]
fn becomes_a_refresh_token_org() {
    let url = SfdxAuthUrl::parse(&format!(
        "force://PlatformCLI::{TOKEN}@acme--uat.sandbox.my.salesforce.com"
    ))
    .unwrap();
    let org = url.to_org("acme-uat").unwrap();
    assert_eq!(org.environment, Environment::Sandbox);
    assert_eq!(
        org.flow,
        Flow::RefreshToken {
            client_id: "PlatformCLI".into()
        }
    );
    assert_eq!(org.login_url, url.instance_url);
    assert_eq!(org.my_domain.as_ref(), Some(&url.instance_url));
    assert!(url.to_org("bad alias").is_err());
    let local = SfdxAuthUrl::parse(&format!("force://c::{TOKEN}@http://127.0.0.1:41234")).unwrap();
    let org = local.to_org("sim").unwrap();
    assert_eq!(
        (org.environment, org.my_domain),
        (Environment::Production, None)
    );
}
