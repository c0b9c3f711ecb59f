//! The CLI's loopback browser: it binds the callback port, hands the URL to an opener,
//! and takes the redirect back, with clear errors for a busy port, a callback it cannot
//! receive, and a person who never comes back.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use orgkey_core::Secret;
use orgkey_core::error::AuthError;
use orgkey_core::flows::loopback::LoopbackBrowser;
use orgkey_core::flows::web_server::{self, Browser};
use orgkey_core::http::Http;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn a_web_login_through_the_loopback_listener() {
    let sim = sim().await;
    let callback = url(format!("http://localhost:{}/OauthRedirect", free_port()));
    let registered = callback.to_string();
    assert!(
        sim.switches()
            .update_app(WEB_APP.0, move |app| app.callback_urls.push(registered))
    );

    // The "system browser": a person who walks the pages and ends on our callback.
    let person = Arc::new(Person::new(ADA.0, ADA.1));
    let (seen_tx, seen_rx) = tokio::sync::oneshot::channel();
    let seen_tx = std::sync::Mutex::new(Some(seen_tx));
    let browser = LoopbackBrowser {
        open: Box::new(move |url| {
            let person = person.clone();
            let url = url.clone();
            let seen_tx = seen_tx.lock().unwrap().take().expect("opened once");
            tokio::spawn(async move {
                let last_page = person
                    .walk(&url, "http://stop.invalid", None)
                    .await
                    .unwrap_err();
                let _ = seen_tx.send(last_page);
            });
            Ok(())
        }),
        timeout: Duration::from_secs(30),
    };
    let host = url(sim.my_domain_url());
    let scopes = vec!["api".to_owned(), "refresh_token".to_owned()];
    let request = web_server::WebLogin {
        host: &host,
        client_id: WEB_APP.0,
        client_secret: Some(&Secret::new(WEB_APP.1)),
        callback_url: &callback,
        scopes: &scopes,
        force_login: false,
        login_hint: None,
    };
    let tokens = web_server::login(&Http::new(), &request, &browser)
        .await
        .unwrap();
    assert!(tokens.refresh_token.is_some());
    let last_page = seen_rx.await.unwrap();
    assert!(last_page.contains("You may close this tab"), "{last_page}");
}

#[tokio::test]
async fn a_busy_callback_port_is_named() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let browser = LoopbackBrowser {
        open: Box::new(|_| Ok(())),
        timeout: Duration::from_secs(5),
    };
    let callback = url(format!("http://localhost:{port}/OauthRedirect"));
    let error = browser
        .authorize(&url("http://127.0.0.1:9/authorize"), &callback)
        .await
        .unwrap_err();
    assert!(
        matches!(error, AuthError::CallbackPortBusy { port: p } if p == port),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_person_who_never_comes_back_times_out() {
    let browser = LoopbackBrowser {
        open: Box::new(|_| Ok(())),
        timeout: Duration::from_millis(100),
    };
    let callback = url(format!("http://127.0.0.1:{}/cb", free_port()));
    let error = browser
        .authorize(&url("http://127.0.0.1:9/authorize"), &callback)
        .await
        .unwrap_err();
    assert!(matches!(error, AuthError::TimedOut { .. }), "{error:?}");
}

#[tokio::test]
async fn callbacks_that_cannot_be_received_here_are_refused() {
    let browser = LoopbackBrowser {
        open: Box::new(|_| panic!("must not open")),
        timeout: Duration::from_secs(1),
    };
    for callback in [
        "https://localhost:1717/cb",
        "http://example.com:1717/cb",
        "http://localhost/cb",
    ] {
        let error = browser
            .authorize(&url("http://127.0.0.1:9/a"), &url(callback))
            .await
            .unwrap_err();
        assert!(
            matches!(error, AuthError::CallbackUnusable { .. }),
            "{callback}: {error:?}"
        );
    }
}
