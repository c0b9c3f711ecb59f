use tauri::State;

use crate::dto::OrgSummary;
use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn list_orgs(state: State<'_, AppState>) -> Result<Vec<OrgSummary>, IpcError> {
    Ok(state
        .catalog
        .list()?
        .iter()
        .map(|org| state.summary(org))
        .collect())
}
