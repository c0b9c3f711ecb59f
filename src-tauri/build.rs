fn main() {
    // Listing the app's commands makes each one a permission that a capability must
    // grant; a window without a capability (the login popup) can call none of them.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "app_info",
        "list_orgs",
        "start_demo",
        "token_info",
        "refresh_token",
        "copy_token",
        "reveal_token",
        "org_editing",
        "check_org",
        "save_org",
        "delete_org",
        "sandbox_copy",
        "log_in",
        "log_in_web",
        "start_device_login",
        "finish_device_login",
        "cancel_login",
        "open_device_page",
        "open_org",
        "revoke_tokens",
        "copy_sfdx_url",
        "certificate",
        "generate_certificate",
        "save_certificate",
        "copy_certificate",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the Tauri build step failed");
}
