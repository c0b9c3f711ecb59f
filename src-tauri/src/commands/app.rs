use crate::dto::AppInfo;
use crate::error::IpcError;

/// Version, data directory and keychain status. Async so the keychain probe runs off
/// the main thread.
#[tauri::command]
pub async fn app_info() -> Result<AppInfo, IpcError> {
    Ok(orgkey_core::about::about()?.into())
}
