//! Interactive logins (web popup, system browser, device): one at a time, each
//! cancellable from the page, so a second click never starts a second login.

use std::future::Future;
use std::sync::{Arc, Mutex};

use orgkey_core::error::AuthError;
use orgkey_core::explain::{Explanation, Kind};
use orgkey_core::flows::device::DeviceAuthorization;
use tokio::sync::Notify;

use crate::error::IpcError;

#[derive(Default)]
pub struct Logins {
    running: Mutex<Option<(String, Arc<Notify>)>>,
    /// A device code shown to the person, waiting for `finish_device_login`.
    device: Mutex<Option<(String, DeviceAuthorization)>>,
    /// Where the person approves the device code shown last.
    device_page: Mutex<Option<url::Url>>,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Held while a login runs; dropping it (the login ended, or its command was dropped)
/// lets the next one start.
pub struct Running<'a> {
    logins: &'a Logins,
    cancel: Arc<Notify>,
}

impl Logins {
    pub fn begin(&self, alias: &str) -> Result<Running<'_>, IpcError> {
        let mut running = lock(&self.running);
        if let Some((other, _)) = running.as_ref() {
            return Err(Explanation::new(
                Kind::Input,
                format!("A login to {other} is already in progress."),
                "Finish it, or cancel it, before starting another.",
            )
            .into());
        }
        let cancel = Arc::new(Notify::new());
        *running = Some((alias.to_owned(), cancel.clone()));
        Ok(Running {
            logins: self,
            cancel,
        })
    }

    /// Cancels the running login, if any.
    pub fn cancel(&self) {
        if let Some((_, cancel)) = lock(&self.running).as_ref() {
            // A stored permit: the cancel lands even if the login is between awaits.
            cancel.notify_one();
        }
        lock(&self.device).take();
        lock(&self.device_page).take();
    }

    pub fn keep_device_code(&self, alias: &str, authorization: DeviceAuthorization) {
        *lock(&self.device_page) = Some(authorization.verification_uri.clone());
        *lock(&self.device) = Some((alias.to_owned(), authorization));
    }

    pub fn take_device_code(&self, alias: &str) -> Option<DeviceAuthorization> {
        let mut device = lock(&self.device);
        match device.take() {
            Some((owner, authorization)) if owner == alias => Some(authorization),
            other => {
                *device = other;
                None
            }
        }
    }

    pub fn device_page(&self) -> Option<url::Url> {
        lock(&self.device_page).clone()
    }
}

impl Running<'_> {
    /// Runs the login until it ends or the person cancels it.
    pub async fn until_cancelled<T>(
        &self,
        login: impl Future<Output = Result<T, AuthError>>,
    ) -> Result<T, AuthError> {
        tokio::select! {
            result = login => result,
            () = self.cancel.notified() => Err(AuthError::Cancelled),
        }
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        lock(&self.logins.running).take();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn one_login_at_a_time_and_cancel_ends_it() {
        let logins = Logins::default();
        let running = logins.begin("acme").unwrap();
        let second = logins
            .begin("other")
            .err()
            .expect("a second login was let in");
        assert!(second.message.contains("acme"));
        logins.cancel();
        let result: Result<(), _> = running
            .until_cancelled(std::future::pending::<Result<(), AuthError>>())
            .await;
        assert!(matches!(result, Err(AuthError::Cancelled)));
        drop(running);
        assert!(logins.begin("other").is_ok());
    }
}
