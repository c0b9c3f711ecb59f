//! The key pair and certificate for Salesforce's JWT-bearer flow: an RSA-2048 key that
//! stays in the keychain and a self-signed certificate a person uploads to the app.
//!
//! Also reads what people bring: a certificate (fingerprints, expiry, to compare with
//! what Salesforce shows) and a private key (is it one the JWT flow can sign with?).

mod error;
mod key;
mod pem;

use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair, SanType};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};
use x509_parser::prelude::{FromDer, SubjectPublicKeyInfo, X509Certificate};
use x509_parser::public_key::PublicKey;

pub use error::CertError;
pub use key::{KeyFormat, KeyInfo, check_private_key, key_matches_certificate};

use crate::secret::Secret;

pub const DEFAULT_VALIDITY_DAYS: u32 = 365;
pub const MAX_VALIDITY_DAYS: u32 = 3650;

/// What to put in a new certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateRequest {
    pub common_name: String,
    pub organization: Option<String>,
    pub validity_days: u32,
}

impl CertificateRequest {
    /// A request valid for [`DEFAULT_VALIDITY_DAYS`], without an organisation.
    pub fn new(common_name: impl Into<String>) -> Self {
        CertificateRequest {
            common_name: common_name.into(),
            organization: None,
            validity_days: DEFAULT_VALIDITY_DAYS,
        }
    }
}

/// A new key pair and its certificate. `Debug` shows no key: [`Secret`] redacts it.
#[derive(Debug, Clone)]
pub struct GeneratedCertificate {
    /// Public: uploaded to the app in Salesforce, may be saved anywhere.
    pub certificate_pem: String,
    /// PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), for the keychain only.
    pub private_key: Secret,
    pub info: CertificateInfo,
}

/// What a person compares with Salesforce's certificate page, and when to renew.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateInfo {
    pub subject_common_name: Option<String>,
    /// SHA-256 of the DER, `AB:CD:…` uppercase.
    pub sha256_fingerprint: String,
    pub sha1_fingerprint: String,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    /// The key size when the certificate holds an RSA key; `None` for any other kind,
    /// which the JWT flow cannot use.
    pub rsa_bits: Option<usize>,
}

impl CertificateInfo {
    /// Whole days until expiry from `now`; negative once expired.
    pub fn days_left_at(&self, now: OffsetDateTime) -> i64 {
        (self.not_after - now).whole_days()
    }

    pub fn days_left(&self) -> i64 {
        self.days_left_at(OffsetDateTime::now_utc())
    }

    pub fn is_expired_at(&self, now: OffsetDateTime) -> bool {
        now >= self.not_after
    }
}

/// Makes an RSA-2048 key and a self-signed certificate for it, valid from now.
pub fn generate(request: &CertificateRequest) -> Result<GeneratedCertificate, CertError> {
    let common_name = request.common_name.trim();
    check_name(common_name).map_err(|reason| CertError::CommonName { reason })?;
    let organization = request.organization.as_deref().map(str::trim);
    if let Some(organization) = organization.filter(|o| !o.is_empty()) {
        check_name(organization).map_err(|reason| CertError::Organization { reason })?;
    }
    let days = request.validity_days;
    if !(1..=MAX_VALIDITY_DAYS).contains(&days) {
        return Err(CertError::Validity { days });
    }

    let failed = |err: rcgen::Error| CertError::Generation {
        detail: err.to_string(),
    };
    let key = KeyPair::generate_rsa_for(&rcgen::PKCS_RSA_SHA256, rcgen::RsaKeySize::_2048)
        .map_err(failed)?;
    let mut params = CertificateParams::default();
    let mut name = DistinguishedName::new();
    name.push(DnType::CommonName, common_name);
    if let Some(organization) = organization.filter(|o| !o.is_empty()) {
        name.push(DnType::OrganizationName, organization);
    }
    params.distinguished_name = name;
    if is_dns_name(common_name) {
        let dns = common_name.to_owned().try_into().map_err(failed)?;
        params.subject_alt_names = vec![SanType::DnsName(dns)];
    }
    // Whole seconds: the certificate cannot hold more, and the info read back from it
    // should equal what was asked for.
    let now = OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or(OffsetDateTime::now_utc());
    params.not_before = now;
    params.not_after = now + Duration::days(days.into());
    let certificate = params.self_signed(&key).map_err(failed)?;

    let certificate_pem = certificate.pem();
    let info = inspect(&certificate_pem)?;
    Ok(GeneratedCertificate {
        certificate_pem,
        private_key: Secret::new(key.serialize_pem()),
        info,
    })
}

/// Where an org's certificate is kept for showing again: `certs/ORG-ID.crt` in the
/// data directory. Certificates are public; the key stays in the keychain.
pub fn saved_path(data_dir: &std::path::Path, org_id: &str) -> std::path::PathBuf {
    data_dir.join("certs").join(format!("{org_id}.crt"))
}

/// Keeps an org's certificate (replacing any earlier one).
pub fn save(
    data_dir: &std::path::Path,
    org_id: &str,
    certificate_pem: &str,
) -> std::io::Result<()> {
    let path = saved_path(data_dir, org_id);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, certificate_pem)
}

/// The org's kept certificate, if it has one.
pub fn load_saved(data_dir: &std::path::Path, org_id: &str) -> std::io::Result<Option<String>> {
    match std::fs::read_to_string(saved_path(data_dir, org_id)) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

/// Reads the first certificate of a PEM text.
pub fn inspect(certificate_pem: &str) -> Result<CertificateInfo, CertError> {
    let not_a_cert = |reason: &str| CertError::NotACertificate {
        reason: reason.to_owned(),
    };
    let block = pem::first_block(certificate_pem).map_err(|p| not_a_cert(p.reason()))?;
    match block.label.as_str() {
        "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => {}
        label if label.contains("PRIVATE KEY") => {
            return Err(not_a_cert(
                "it is a private key; give the certificate instead",
            ));
        }
        _ => return Err(not_a_cert("its PEM block is not a CERTIFICATE")),
    }
    let der = block.der.as_slice();
    let (_, cert) = X509Certificate::from_der(der)
        .map_err(|err| not_a_cert(&format!("the certificate inside cannot be read ({err})")))?;
    let time = |t: x509_parser::time::ASN1Time| {
        OffsetDateTime::from_unix_timestamp(t.timestamp())
            .map_err(|_| not_a_cert("its validity dates are out of range"))
    };
    Ok(CertificateInfo {
        subject_common_name: cert
            .subject()
            .iter_common_name()
            .next()
            .and_then(|cn| cn.as_str().ok())
            .map(str::to_owned),
        sha256_fingerprint: fingerprint(&Sha256::digest(der)),
        sha1_fingerprint: fingerprint(&Sha1::digest(der)),
        not_before: time(cert.validity().not_before)?,
        not_after: time(cert.validity().not_after)?,
        rsa_bits: rsa_bits(cert.public_key()),
    })
}

fn rsa_bits(spki: &SubjectPublicKeyInfo<'_>) -> Option<usize> {
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => Some(rsa.key_size()),
        _ => None,
    }
}

/// `AB:CD:…`, as Salesforce and `openssl x509 -fingerprint` show it.
fn fingerprint(digest: &[u8]) -> String {
    digest
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn check_name(name: &str) -> Result<(), &'static str> {
    if name.is_empty() {
        Err("is empty")
    } else if name.chars().count() > 64 {
        Err("is longer than 64 characters")
    } else if name.chars().any(char::is_control) {
        Err("contains control characters")
    } else {
        Ok(())
    }
}

/// A host name the certificate may also name as a SAN: letters, digits and hyphens in
/// dot-separated labels of 1 to 63 characters.
fn is_dns_name(name: &str) -> bool {
    name.len() <= 253
        && name.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_names() {
        for good in ["orgkey-jwt", "jwt.acme.example", "a1"] {
            assert!(is_dns_name(good), "{good}");
        }
        for bad in ["OrgKey JWT", "-x", "a..b", "x_y", "", "ünï.example"] {
            assert!(!is_dns_name(bad), "{bad}");
        }
    }

    #[test]
    fn fingerprints_are_uppercase_pairs() {
        assert_eq!(fingerprint(&[0x0a, 0xff, 0x10]), "0A:FF:10");
    }
}
