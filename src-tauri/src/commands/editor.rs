//! The org editor: open an org's form, check a form as it is typed, save, delete, and
//! start a copy for another sandbox.

use orgkey_core::draft::for_sandbox;
use tauri::State;

use crate::dto::OrgSummary;
use crate::editor::Submission;
use crate::error::IpcError;
use crate::form::{FieldProblem, OrgEditing, OrgForm, SecretEntry};
use crate::state::AppState;

#[tauri::command]
pub fn org_editing(state: State<'_, AppState>, alias: String) -> Result<OrgEditing, IpcError> {
    let org = state.catalog.get(&alias)?;
    Ok(OrgEditing::new(&org, state.stored_secrets(&org)?))
}

#[tauri::command]
pub fn check_org(
    state: State<'_, AppState>,
    form: OrgForm,
    editing: Option<String>,
    secrets: Vec<SecretEntry>,
) -> Result<Vec<FieldProblem>, IpcError> {
    state.form_problems(&Submission {
        form: &form,
        editing: editing.as_deref(),
        secrets: &secrets,
    })
}

#[tauri::command]
pub fn save_org(
    state: State<'_, AppState>,
    form: OrgForm,
    editing: Option<String>,
    secrets: Vec<SecretEntry>,
    copy_secrets_from: Option<String>,
) -> Result<OrgSummary, IpcError> {
    let submission = Submission {
        form: &form,
        editing: editing.as_deref(),
        secrets: &secrets,
    };
    let org = state.save_form(&submission, copy_secrets_from.as_deref())?;
    Ok(state.summary(&org))
}

#[tauri::command]
pub fn delete_org(state: State<'_, AppState>, alias: String) -> Result<(), IpcError> {
    state.delete_org(&alias)
}

/// The form of a copy of `alias` for the sandbox `sandbox`, to review before saving.
#[tauri::command]
pub fn sandbox_copy(
    state: State<'_, AppState>,
    alias: String,
    sandbox: String,
) -> Result<OrgForm, IpcError> {
    let org = state.catalog.get(&alias)?;
    Ok(OrgForm::from_draft(&for_sandbox(&org, &sandbox)?))
}
