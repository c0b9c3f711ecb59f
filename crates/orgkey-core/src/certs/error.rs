//! Why a certificate could not be made or read, or a key cannot sign for Salesforce.

use crate::explain::{Explain, Explanation, Kind};

/// Never carries key material: reasons are fixed words or parser messages about
/// structure, not contents.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertError {
    #[error("invalid common name: {reason}")]
    CommonName { reason: &'static str },
    #[error("invalid organisation: {reason}")]
    Organization { reason: &'static str },
    #[error("invalid validity of {days} days")]
    Validity { days: u32 },
    #[error("the key or certificate could not be made: {detail}")]
    Generation { detail: String },
    #[error("not a certificate: {reason}")]
    NotACertificate { reason: String },
    #[error("not a private key: {reason}")]
    NotAPrivateKey { reason: String },
    #[error("the private key is encrypted")]
    EncryptedKey,
    #[error("the private key is {found}, not RSA")]
    NotRsa { found: &'static str },
    #[error("the RSA private key cannot be used (shorter than 2048 bits, or damaged)")]
    UnusableRsaKey,
}

const GIVE_A_KEY: &str = "Give the private key that belongs to the certificate uploaded to the app, as a PEM file \
     (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----), or let OrgKey make a new key and certificate.";

impl Explain for CertError {
    fn explain(&self) -> Explanation {
        let input = |message: String, fix: &str| Explanation::new(Kind::Input, message, fix);
        match self {
            CertError::CommonName { reason } => input(
                format!("The certificate's common name {reason}."),
                "Give a short name of up to 64 characters, for example orgkey-jwt or your integration's name.",
            ),
            CertError::Organization { reason } => input(
                format!("The certificate's organisation {reason}."),
                "Give up to 64 characters, or leave it out.",
            ),
            CertError::Validity { days } => input(
                format!("A certificate cannot be valid for {days} days here."),
                "Choose between 1 and 3650 days (ten years); 365 is usual.",
            ),
            CertError::Generation { detail } => Explanation::new(
                Kind::Internal,
                format!("OrgKey could not make the key or certificate ({detail})."),
                "This is a bug in OrgKey; please report it. Nothing was saved.",
            ),
            CertError::NotACertificate { reason } => input(
                format!("This is not a certificate OrgKey can read: {reason}."),
                "Give the certificate as a PEM file that starts with -----BEGIN CERTIFICATE----- (the .crt you uploaded to the app).",
            ),
            CertError::NotAPrivateKey { reason } => input(
                format!("This is not a private key OrgKey can read: {reason}."),
                GIVE_A_KEY,
            ),
            CertError::EncryptedKey => input(
                "The private key is protected by a passphrase, which OrgKey cannot use unattended."
                    .into(),
                "Decrypt a copy with `openssl pkcs8 -in key.pem -out key-plain.pem` and give that (OrgKey keeps it in the keychain), or let OrgKey make a new key.",
            ),
            CertError::NotRsa { found } => input(
                format!(
                    "The private key is {found}, but Salesforce's JWT flow signs with RS256, which needs an RSA key."
                ),
                "Make an RSA key (`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`) and upload its certificate, or let OrgKey make both.",
            ),
            CertError::UnusableRsaKey => input(
                "The RSA private key cannot be used: it is shorter than 2048 bits or damaged."
                    .into(),
                "Make a 2048-bit (or longer) RSA key and upload its certificate to the app, or let OrgKey make both.",
            ),
        }
    }
}
