//! The JWT flow's certificate: make one (the key goes to the keychain), show it, save
//! the `.crt` where the person chooses, copy it.

use orgkey_core::Secret;
use orgkey_core::certs::{self, CertificateRequest};
use orgkey_core::explain::{Explanation, Kind};
use orgkey_core::org::{Flow, KeySource, Org};
use orgkey_core::vault::{SecretKind, Vault};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::dto::CertificateView;
use crate::error::IpcError;
use crate::state::AppState;

fn jwt_org(state: &AppState, alias: &str) -> Result<Org, IpcError> {
    let org = state.catalog.get(alias)?;
    match org.flow {
        Flow::JwtBearer { .. } => Ok(org),
        _ => Err(Explanation::new(
            Kind::Input,
            format!("{alias} does not use the JWT flow, so it has no use for a certificate."),
            "Edit the org and choose the JWT bearer flow first.",
        )
        .into()),
    }
}

fn saved_pem(state: &AppState, org: &Org) -> Result<Option<String>, IpcError> {
    certs::load_saved(&state.home, &org.id.0).map_err(|error| {
        Explanation::new(
            Kind::Storage,
            format!("The saved certificate could not be read ({error})."),
            "Check the permissions of OrgKey's data folder, or make a new certificate.",
        )
        .into()
    })
}

fn view(state: &AppState, org: &Org, pem: &str) -> Result<CertificateView, IpcError> {
    let info = certs::inspect(pem)?;
    // A key pasted in the editor later, or a new pair made by the CLI, would not fit.
    let key = state.vault()?.get(&org.id.0, SecretKind::PrivateKey)?;
    let key_fits = match key {
        Some(key) => certs::key_matches_certificate(&key, pem).unwrap_or(false),
        None => false,
    };
    Ok(CertificateView::new(&info, key_fits))
}

/// The org's certificate, or `None` when OrgKey has not made one for it.
#[tauri::command]
pub fn certificate(
    state: State<'_, AppState>,
    alias: String,
) -> Result<Option<CertificateView>, IpcError> {
    let org = jwt_org(&state, &alias)?;
    saved_pem(&state, &org)?
        .map(|pem| view(&state, &org, &pem))
        .transpose()
}

/// A new key pair and certificate: the key into the keychain (replacing any other),
/// the certificate kept to show and save.
#[tauri::command]
pub async fn generate_certificate(
    state: State<'_, AppState>,
    alias: String,
    common_name: String,
    validity_days: u32,
) -> Result<CertificateView, IpcError> {
    let org = jwt_org(&state, &alias)?;
    let mut request = CertificateRequest::new(common_name);
    request.validity_days = validity_days;
    // An RSA key takes a moment; keep it off the thread that answers the window.
    let generated = tokio::task::spawn_blocking(move || certs::generate(&request))
        .await
        .map_err(|error| {
            IpcError::from(Explanation::new(
                Kind::Internal,
                format!("Making the key stopped unexpectedly ({error})."),
                "Try again.",
            ))
        })??;
    state
        .vault()?
        .set(&org.id.0, SecretKind::PrivateKey, &generated.private_key)?;
    state.catalog.edit(&alias, |org| {
        if let Flow::JwtBearer { key, .. } = &mut org.flow {
            *key = KeySource::Keychain;
        }
    })?;
    certs::save(&state.home, &org.id.0, &generated.certificate_pem).map_err(|error| {
        IpcError::from(Explanation::new(
            Kind::Storage,
            format!("The certificate could not be kept ({error}); the key is in the keychain."),
            "Check the permissions of OrgKey's data folder, then make the certificate again.",
        ))
    })?;
    crate::demo::upload_certificate(&state, &org, &generated.certificate_pem).await;
    view(&state, &org, &generated.certificate_pem)
}

/// Saves the `.crt` where the person picks in a save dialog; `None` if they cancel.
#[tauri::command]
pub async fn save_certificate(
    app: AppHandle,
    state: State<'_, AppState>,
    alias: String,
) -> Result<Option<String>, IpcError> {
    let org = jwt_org(&state, &alias)?;
    let pem = saved_pem(&state, &org)?.ok_or_else(|| no_certificate(&alias))?;
    let (sender, receiver) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title("Save the certificate to upload to Salesforce")
        .set_file_name(format!("{alias}.crt"))
        .add_filter("Certificate", &["crt"])
        .save_file(move |path| {
            let _ = sender.send(path);
        });
    let Some(path) = receiver.await.ok().flatten() else {
        return Ok(None);
    };
    let path = path.into_path().map_err(|error| {
        IpcError::from(Explanation::new(
            Kind::Input,
            format!("That place cannot be written to ({error})."),
            "Choose a folder on this computer.",
        ))
    })?;
    std::fs::write(&path, pem).map_err(|error| {
        IpcError::from(Explanation::new(
            Kind::Storage,
            format!("{} could not be written ({error}).", path.display()),
            "Choose a folder you can write to.",
        ))
    })?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub fn copy_certificate(state: State<'_, AppState>, alias: String) -> Result<(), IpcError> {
    let org = jwt_org(&state, &alias)?;
    let pem = saved_pem(&state, &org)?.ok_or_else(|| no_certificate(&alias))?;
    // Public, but copied the same way as everything else.
    crate::clipboard::copy(&state, &Secret::new(pem))
}

fn no_certificate(alias: &str) -> IpcError {
    Explanation::new(
        Kind::Input,
        format!("OrgKey has made no certificate for {alias} yet."),
        "Make one first with “Generate key and certificate”.",
    )
    .into()
}
