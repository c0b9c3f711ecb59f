use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Starts the local demo Salesforce and adds (or re-points) the demo orgs.
#[tauri::command]
pub async fn start_demo(state: State<'_, AppState>) -> Result<(), IpcError> {
    crate::demo::start(&state).await
}
