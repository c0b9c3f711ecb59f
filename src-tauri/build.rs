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
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the Tauri build step failed");
}
