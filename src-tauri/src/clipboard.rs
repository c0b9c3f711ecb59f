//! Copying done in Rust, so a token reaches the clipboard without entering the page.

use orgkey_core::Secret;
use orgkey_core::explain::{Explanation, Kind};

use crate::error::IpcError;
use crate::state::AppState;

pub fn copy(state: &AppState, text: &Secret) -> Result<(), IpcError> {
    let unavailable = |error: arboard::Error| -> IpcError {
        Explanation::new(
            Kind::Internal,
            format!("The clipboard could not be used ({error})."),
            "Try again; if it keeps failing, reveal the token and copy it by hand.",
        )
        .into()
    };
    let mut slot = state
        .clipboard
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if slot.is_none() {
        *slot = Some(arboard::Clipboard::new().map_err(unavailable)?);
    }
    let clipboard = slot.as_mut().expect("set just above");
    clipboard.set_text(text.expose()).map_err(unavailable)
}
