//! End-to-end tests of the OrgKey desktop app, driven through WebDriver
//! (tauri-driver → WebKitWebDriver → the real app under Xvfb, with the real keychain).
//!
//! `make e2e` (scripts/e2e) sets the stage and tells these helpers where things are
//! through the environment; the tests must never start or stop shared services
//! themselves, and never reach beyond 127.0.0.1.

pub mod desktop;

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// Set by scripts/e2e: the absolute path of the app binary under test.
const APP_ENV: &str = "ORGKEY_E2E_APP";
/// Set by scripts/e2e: tauri-driver's address.
const DRIVER_ENV: &str = "ORGKEY_E2E_DRIVER";
/// Set by scripts/e2e: where screenshots go.
const SHOTS_ENV: &str = "ORGKEY_E2E_SHOTS";

/// Two TLS back ends meet in this crate (WebDriver's and sfsim's); name one.
pub fn install_crypto() {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the end-to-end tests with `make e2e`, which starts Xvfb, a keyring and tauri-driver")
    })
}

/// A running app with a WebDriver session on its main window.
pub struct App {
    pub client: Client,
}

impl App {
    /// Starts the app with an empty org list (the run's home is shared by the tests,
    /// which run one at a time).
    pub async fn start_empty() -> App {
        let home = PathBuf::from(env("ORGKEY_HOME"));
        let _ = std::fs::remove_file(home.join("orgs.toml"));
        App::start().await
    }

    /// Starts the app through tauri-driver and waits until its page has loaded.
    pub async fn start() -> App {
        install_crypto();
        let mut capabilities = Capabilities::new();
        capabilities.insert("browserName".into(), json!("wry"));
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": env(APP_ENV) }),
        );
        let client = ClientBuilder::rustls()
            .expect("rustls could not start")
            .capabilities(capabilities)
            .connect(&env(DRIVER_ENV))
            .await
            .expect("no WebDriver session: is tauri-driver running (make e2e)?");
        let app = App { client };
        app.find(Locator::Css("#app > *")).await;
        app
    }

    /// Waits up to ten seconds for an element.
    /// On a timeout it saves `target/e2e-shots/failure.png` first, to show why.
    pub async fn find(&self, locator: Locator<'_>) -> Element {
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(locator)
            .await
        {
            Ok(element) => element,
            Err(error) => {
                self.screenshot("failure").await;
                panic!("{locator:?} did not appear: {error} (see target/e2e-shots/failure.png)")
            }
        }
    }

    /// Waits for an element whose whole text is `text`.
    pub async fn find_text(&self, tag: &str, text: &str) -> Element {
        let xpath = format!("//{tag}[normalize-space()='{text}']");
        self.find(Locator::XPath(&xpath)).await
    }

    /// Clicks the button whose text is `text`, once it is enabled.
    pub async fn click_button(&self, text: &str) {
        let xpath = format!("//button[normalize-space()='{text}' and not(@disabled)]");
        self.find(Locator::XPath(&xpath))
            .await
            .click()
            .await
            .unwrap_or_else(|error| panic!("clicking {text:?} failed: {error}"));
    }

    /// Types `text` into the field with id `id`, replacing what it held.
    pub async fn fill(&self, id: &str, text: &str) {
        let field = self.find(Locator::Id(id)).await;
        field.clear().await.unwrap();
        // Clearing fires no input event; typing does. To leave the field empty, type a
        // space and erase it, so the page sees the change.
        let keys = if text.is_empty() { " \u{E003}" } else { text };
        field.send_keys(keys).await.unwrap();
    }

    /// Clicks the radio button or checkbox whose label contains `text`.
    pub async fn choose(&self, text: &str) {
        let xpath = format!("//label[contains(normalize-space(), '{text}')]/input");
        self.find(Locator::XPath(&xpath))
            .await
            .click()
            .await
            .unwrap();
    }

    /// Selects the org `alias` in the list.
    pub async fn select_org(&self, alias: &str) {
        let xpath =
            format!("//button[contains(@class,'org-row')][.//span[normalize-space()='{alias}']]");
        self.find(Locator::XPath(&xpath))
            .await
            .click()
            .await
            .unwrap();
        self.find_text("h2", alias).await;
    }

    /// Waits until the problem shown next to `field` contains `fragment` (checks run
    /// as the person types, so an older problem may show for a moment).
    pub async fn expect_problem(&self, field: &str, fragment: &str) {
        let xpath =
            format!("//*[@id='problem-{field}'][contains(normalize-space(), \"{fragment}\")]");
        self.find(Locator::XPath(&xpath)).await;
    }

    /// Waits until no problem is shown next to `field`.
    pub async fn expect_no_problem(&self, field: &str) {
        let xpath = format!("//form[not(.//*[@id='problem-{field}'])]");
        self.find(Locator::XPath(&xpath)).await;
    }

    /// Waits until the page holds `text` somewhere.
    pub async fn wait_for_text(&self, text: &str) {
        let xpath = format!("//*[contains(normalize-space(), \"{text}\")]");
        self.find(Locator::XPath(&xpath)).await;
    }

    /// What the X clipboard holds now (the app's display, through xclip).
    pub fn clipboard(&self) -> String {
        let output = std::process::Command::new("xclip")
            .args(["-o", "-selection", "clipboard"])
            .output()
            .expect("xclip (make setup installs it)");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Saves a PNG of the window as `target/e2e-shots/NAME.png` and returns its size.
    pub async fn screenshot(&self, name: &str) -> usize {
        // WebKit's snapshot can show the frame before the last DOM change; let it paint.
        tokio::time::sleep(Duration::from_millis(300)).await;
        // WebKitWebDriver has been seen to hang on screenshots (with the DMA-BUF
        // renderer off); a test must fail, not hang.
        let png = tokio::time::timeout(Duration::from_secs(20), self.client.screenshot())
            .await
            .expect("the screenshot took over 20 s")
            .expect("screenshot failed");
        let dir = PathBuf::from(env(SHOTS_ENV));
        std::fs::create_dir_all(&dir).expect("cannot create the screenshot folder");
        std::fs::write(dir.join(format!("{name}.png")), &png).expect("cannot save screenshot");
        png.len()
    }

    pub async fn close(self) {
        self.client
            .close()
            .await
            .expect("closing the session failed");
    }
}
