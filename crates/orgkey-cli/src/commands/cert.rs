//! `orgkey cert new`: a key pair and certificate for the JWT flow, and the steps to
//! set it up in Salesforce.

use std::io::Write;
use std::path::Path;

use orgkey_core::certs::{self, CertificateRequest};
use orgkey_core::org::{Flow, KeySource};
use orgkey_core::vault::{SecretKind, Vault};

use crate::cli::{CertCommand, CertNewArgs};
use crate::context::Context;
use crate::failure::Failure;

pub fn run(command: CertCommand) -> Result<(), Failure> {
    match command {
        CertCommand::New(args) => new(args),
    }
}

fn new(args: CertNewArgs) -> Result<(), Failure> {
    let mut request = CertificateRequest::new(&args.cn);
    request.validity_days = args.days;
    // Check where things go before making anything.
    let context = match &args.org {
        Some(alias) => {
            let context = Context::open()?;
            let org = context.catalog.get(alias)?;
            if !matches!(org.flow, Flow::JwtBearer { .. }) {
                return Err(Failure::input(
                    format!("{alias} does not use the JWT flow, so it has no use for a key."),
                    format!(
                        "Switch it first: orgkey org edit {alias} ... or leave out --org and use --key-out FILE."
                    ),
                ));
            }
            Some((context, org))
        }
        None => None,
    };
    std::fs::create_dir_all(&args.out).map_err(|error| unwritable(&args.out, error))?;
    let file_name = args
        .cn
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect::<String>();
    let certificate_path = args.out.join(format!("{file_name}.crt"));

    let generated = certs::generate(&request)?;
    match (&context, &args.key_out) {
        (Some((context, org)), _) => {
            context
                .vault
                .set(&org.id.0, SecretKind::PrivateKey, &generated.private_key)?;
            context.catalog.edit(&org.alias, |org| {
                if let Flow::JwtBearer { key, .. } = &mut org.flow {
                    *key = KeySource::Keychain;
                }
            })?;
        }
        (None, Some(path)) => write_private(path, generated.private_key.expose())?,
        (None, None) => unreachable!("clap requires --org or --key-out"),
    }
    std::fs::write(&certificate_path, &generated.certificate_pem)
        .map_err(|error| unwritable(&certificate_path, error))?;

    let info = &generated.info;
    println!("Certificate: {}", certificate_path.display());
    match (&context, &args.key_out) {
        (Some((_, org)), _) => println!("Private key: in the keychain, as {}'s JWT key", org.alias),
        (None, Some(path)) => println!(
            "Private key: {} (mode 0600; keep it secret)",
            path.display()
        ),
        _ => {}
    }
    println!("SHA-256:     {}", info.sha256_fingerprint);
    println!("SHA-1:       {}", info.sha1_fingerprint);
    println!(
        "Expires:     {} ({} days)",
        info.not_after.date(),
        info.days_left()
    );
    println!(
        "\nIn Salesforce (Setup > External Client App Manager, or App Manager for a Connected App):\n\
         1. Create or edit the app; enable OAuth with the scopes you need (api, refresh_token).\n\
         2. Tick \"Use digital signatures\" and upload {}.\n\
         3. In its policies, set \"Admin approved users are pre-authorized\".\n\
         4. Assign the user's profile or a permission set to the app.\n\
         5. Copy the consumer key: orgkey org add ALIAS --flow jwt --client-id KEY --username USER --login-url https://NAME.my.salesforce.com",
        certificate_path.display()
    );
    Ok(())
}

/// Creates the key file readable by its owner only, and refuses to overwrite one.
fn write_private(path: &Path, pem: &str) -> Result<(), Failure> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|error| {
        if error.kind() == std::io::ErrorKind::AlreadyExists {
            Failure::input(
                format!(
                    "{} exists already; OrgKey does not overwrite a key.",
                    path.display()
                ),
                "Choose another --key-out path, or move the old key away first.",
            )
        } else {
            unwritable(path, error)
        }
    })?;
    file.write_all(pem.as_bytes())
        .map_err(|error| unwritable(path, error))
}

fn unwritable(path: &Path, error: std::io::Error) -> Failure {
    Failure::input(
        format!("{} cannot be written ({}).", path.display(), error.kind()),
        "Choose a folder you can write to.",
    )
}
