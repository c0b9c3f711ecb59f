//! The command line, as clap sees it. Options that carry secrets only ever name where
//! to read them from (`--…-stdin`, `--…-env VAR`).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::input::SecretSource;

#[derive(Parser)]
#[command(
    name = "orgkey",
    version,
    about = "Every Salesforce org in one place; a fresh access token in one command."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Add, change, list, show and remove orgs.
    #[command(subcommand)]
    Org(Box<OrgCommand>),
    /// Log in to an org now with its flow (web: your browser; device: a code to enter).
    Login(LoginArgs),
    /// Print a valid access token, refreshing or logging in again when needed.
    Token(TokenArgs),
    /// Open the org in your browser, already logged in.
    Open(OpenArgs),
    /// Revoke the org's tokens at Salesforce and forget them here.
    Revoke(AliasArg),
    /// Certificates for the JWT flow.
    #[command(subcommand)]
    Cert(CertCommand),
    /// Print an org's SFDX auth URL (refresh-token logins only).
    Export(ExportArgs),
    /// Add an org from an SFDX auth URL.
    Import(ImportArgs),
    /// Print shell completions.
    Completions { shell: clap_complete::Shell },
    /// Internal: holds the clipboard for `token --copy` after that command exits.
    #[command(hide = true, name = "__serve-clipboard")]
    ServeClipboard,
}

#[derive(Subcommand)]
pub enum OrgCommand {
    /// Add an org. Everything is checked before anything is saved.
    Add(OrgAddArgs),
    /// Change an org's settings or secrets.
    Edit(OrgEditArgs),
    /// List the orgs.
    List(JsonArg),
    /// Show one org's settings (never its secrets).
    Show(ShowArgs),
    /// Remove an org and its keychain entries.
    Remove(AliasArg),
}

#[derive(Args)]
pub struct AliasArg {
    pub alias: String,
}

#[derive(Args)]
pub struct JsonArg {
    /// Print JSON (the schema is in crates/orgkey-cli/README.md).
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ShowArgs {
    pub alias: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FlowName {
    Web,
    Password,
    Jwt,
    ClientCredentials,
    Device,
    Refresh,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum EnvironmentName {
    Production,
    Sandbox,
    Scratch,
    Developer,
}

/// The settings shared by `org add` and `org edit`.
#[derive(Args, Default)]
pub struct OrgSettings {
    /// Where to log in: https://login.salesforce.com, https://test.salesforce.com or a My Domain.
    #[arg(long)]
    pub login_url: Option<String>,
    /// The org's My Domain, where token requests go when set.
    #[arg(long)]
    pub my_domain: Option<String>,
    /// The app's consumer key.
    #[arg(long)]
    pub client_id: Option<String>,
    #[arg(long)]
    pub username: Option<String>,
    /// A PEM file with the RSA private key for the JWT flow (read when needed, never copied).
    #[arg(long)]
    pub key_file: Option<PathBuf>,
    /// The web flow's callback URL [default: http://localhost:1717/OauthRedirect].
    #[arg(long)]
    pub callback_url: Option<String>,
    /// The JWT audience [default: the My Domain, else the login URL].
    #[arg(long)]
    pub audience: Option<String>,
    /// Scopes for the web and device flows, space- or comma-separated.
    #[arg(long)]
    pub scopes: Option<String>,
    #[arg(long)]
    pub label: Option<String>,
    /// A colour as #rrggbb.
    #[arg(long)]
    pub color: Option<String>,
    #[arg(long, value_enum)]
    pub environment: Option<EnvironmentName>,
    /// The org's session timeout in minutes [default: 120].
    #[arg(long)]
    pub session_timeout: Option<u32>,
    #[command(flatten)]
    pub secrets: SecretArgs,
}

#[derive(Args, Default)]
pub struct SecretArgs {
    /// Read the client secret from standard input.
    #[arg(long)]
    pub client_secret_stdin: bool,
    /// Read the client secret from this environment variable.
    #[arg(long, value_name = "VAR")]
    pub client_secret_env: Option<String>,
    /// Read the password from standard input.
    #[arg(long)]
    pub password_stdin: bool,
    /// Read the password from this environment variable (with the security token
    /// appended is fine when no --security-token-env is given).
    #[arg(long, value_name = "VAR")]
    pub password_env: Option<String>,
    /// Read the security token from this environment variable.
    #[arg(long, value_name = "VAR")]
    pub security_token_env: Option<String>,
    /// Read the JWT private key (PEM) from this environment variable into the keychain.
    #[arg(long, value_name = "VAR")]
    pub key_env: Option<String>,
}

impl SecretArgs {
    pub fn client_secret(&self) -> SecretSource {
        SecretSource {
            stdin: self.client_secret_stdin,
            env: self.client_secret_env.clone(),
        }
    }
    pub fn password(&self) -> SecretSource {
        SecretSource {
            stdin: self.password_stdin,
            env: self.password_env.clone(),
        }
    }
    pub fn security_token(&self) -> SecretSource {
        SecretSource {
            stdin: false,
            env: self.security_token_env.clone(),
        }
    }
    pub fn key(&self) -> SecretSource {
        SecretSource {
            stdin: false,
            env: self.key_env.clone(),
        }
    }
}

#[derive(Args)]
pub struct OrgAddArgs {
    pub alias: String,
    #[arg(long, value_enum)]
    pub flow: FlowName,
    #[command(flatten)]
    pub settings: OrgSettings,
}

#[derive(Args)]
pub struct OrgEditArgs {
    pub alias: String,
    /// A new alias.
    #[arg(long)]
    pub rename: Option<String>,
    #[command(flatten)]
    pub settings: OrgSettings,
}

#[derive(Args)]
pub struct LoginArgs {
    pub alias: String,
    /// Print the login URL instead of opening a browser.
    #[arg(long)]
    pub no_browser: bool,
}

#[derive(Args)]
pub struct TokenArgs {
    /// The org; omit it in stateless mode (--login-url …).
    pub alias: Option<String>,
    #[arg(long)]
    pub json: bool,
    /// Get a new token even if the cached one looks fresh.
    #[arg(long)]
    pub refresh: bool,
    /// Check the token with Salesforce before printing it (renewing it if dead).
    #[arg(long)]
    pub verify: bool,
    /// Put the token on the clipboard instead of printing it.
    #[arg(long, conflicts_with = "json")]
    pub copy: bool,
    #[command(flatten)]
    pub stateless: StatelessArgs,
}

/// A token without the catalog or the keychain, for CI pipelines.
#[derive(Args, Default)]
pub struct StatelessArgs {
    #[arg(long, conflicts_with = "alias")]
    pub login_url: Option<String>,
    #[arg(long, value_enum, requires = "login_url")]
    pub flow: Option<FlowName>,
    #[arg(long, requires = "login_url")]
    pub client_id: Option<String>,
    #[arg(long, requires = "login_url")]
    pub username: Option<String>,
    #[arg(long, requires = "login_url")]
    pub audience: Option<String>,
    /// The JWT private key (PEM) from this environment variable.
    #[arg(long, value_name = "VAR", requires = "login_url")]
    pub key_env: Option<String>,
    /// The client secret from this environment variable.
    #[arg(long, value_name = "VAR", requires = "login_url")]
    pub client_secret_env: Option<String>,
}

#[derive(Args)]
pub struct OpenArgs {
    pub alias: String,
    /// Print the URL instead of opening it (it logs in whoever opens it: keep it private).
    #[arg(long)]
    pub url_only: bool,
}

#[derive(Subcommand)]
pub enum CertCommand {
    /// Make an RSA-2048 key pair and a self-signed certificate for the JWT flow.
    New(CertNewArgs),
}

#[derive(Args)]
pub struct CertNewArgs {
    /// The certificate's common name.
    #[arg(long)]
    pub cn: String,
    #[arg(long, default_value_t = 365)]
    pub days: u32,
    /// Where to write NAME.crt.
    #[arg(long)]
    pub out: PathBuf,
    /// Keep the key in the keychain as this org's JWT key.
    #[arg(long, required_unless_present = "key_out", conflicts_with = "key_out")]
    pub org: Option<String>,
    /// Write the key to this file instead (created with mode 0600).
    #[arg(long)]
    pub key_out: Option<PathBuf>,
}

#[derive(Args)]
pub struct ExportArgs {
    pub alias: String,
    /// Print the SFDX auth URL (it holds the refresh token: keep it private).
    #[arg(long, required = true)]
    pub sfdx_url: bool,
}

#[derive(Args)]
pub struct ImportArgs {
    /// A file holding the SFDX auth URL, or - for standard input.
    #[arg(long, value_name = "FILE")]
    pub sfdx_url: String,
    /// The alias for the new org [default: from the instance host].
    #[arg(long)]
    pub alias: Option<String>,
}
