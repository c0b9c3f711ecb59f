//! The login popup: the web server flow's login page in a second window of the app.
//!
//! The window has no capability, so its page can call no command; it keeps cookies in a
//! data store of its own per org, so two users of one org never share a session; and
//! it never loads the callback URL: `on_navigation` stops there and hands the redirect
//! back. Closing it by hand cancels the login.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use orgkey_core::error::AuthError;
use orgkey_core::flows::web_server::Browser;
use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};
use tokio::sync::oneshot;
use url::Url;

/// The label every login popup carries (with a random suffix): never `main`, the only
/// label the capability and the window-state plugin name.
const LABEL_PREFIX: &str = "login-";

pub struct PopupBrowser {
    pub app: AppHandle,
    pub title: String,
    /// Cookies and storage of this org's logins, apart from every other org's.
    pub data_dir: PathBuf,
}

/// Whether `url` is the callback (same scheme, host, port and path; any query).
fn is_callback(url: &Url, callback: &Url) -> bool {
    url.scheme() == callback.scheme()
        && url.host_str() == callback.host_str()
        && url.port_or_known_default() == callback.port_or_known_default()
        && url.path() == callback.path()
}

/// Where `on_navigation` sends the redirect it stopped, once.
type Outcome = Arc<Mutex<Option<oneshot::Sender<Url>>>>;

fn finish(outcome: &Outcome, redirect: Url) {
    let sender = outcome
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .take();
    if let Some(sender) = sender {
        let _ = sender.send(redirect);
    }
}

/// Closes the popup however the login ends, cancelled futures included.
struct CloseOnDrop(Option<tauri::WebviewWindow>);

impl Drop for CloseOnDrop {
    fn drop(&mut self) {
        if let Some(window) = self.0.take() {
            let _ = window.destroy();
        }
    }
}

impl Browser for PopupBrowser {
    async fn authorize(&self, url: &Url, callback: &Url) -> Result<Url, AuthError> {
        let (sender, mut receiver) = oneshot::channel();
        let outcome: Outcome = Arc::new(Mutex::new(Some(sender)));
        let label = format!("{LABEL_PREFIX}{}", uuid::Uuid::new_v4().simple());
        let on_navigation = {
            let outcome = outcome.clone();
            let callback = callback.clone();
            move |target: &Url| {
                if is_callback(target, &callback) {
                    finish(&outcome, target.clone());
                    return false;
                }
                true
            }
        };
        let window =
            WebviewWindowBuilder::new(&self.app, &label, WebviewUrl::External(url.clone()))
                .title(&self.title)
                .inner_size(520.0, 680.0)
                .data_directory(self.data_dir.clone())
                .on_navigation(on_navigation)
                .build()
                .map_err(|error| AuthError::NoBrowser {
                    detail: format!("the login window could not open ({error})"),
                })?;
        let _close = CloseOnDrop(Some(window));
        loop {
            tokio::select! {
                answer = &mut receiver => {
                    return answer.map_err(|_| AuthError::Cancelled);
                }
                // Closed by the person (its close button, or the app going away): a
                // window event could be missed before a handler is attached, so look.
                () = tokio::time::sleep(Duration::from_millis(300)) => {
                    if self.app.get_webview_window(&label).is_none() {
                        return Err(AuthError::Cancelled);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_callback_path_is_the_callback() {
        let callback = Url::parse("http://localhost:1717/OauthRedirect").unwrap();
        let at = |text: &str| is_callback(&Url::parse(text).unwrap(), &callback);
        assert!(at("http://localhost:1717/OauthRedirect?code=x&state=y"));
        assert!(!at("http://localhost:1718/OauthRedirect?code=x"));
        assert!(!at("http://localhost:1717/other"));
        assert!(!at("https://localhost:1717/OauthRedirect"));
        let custom = Url::parse("orgkey://callback").unwrap();
        assert!(is_callback(
            &Url::parse("orgkey://callback?code=1").unwrap(),
            &custom
        ));
    }
}
