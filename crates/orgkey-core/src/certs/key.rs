//! Private keys people bring: is this one the JWT flow can sign with, and does it
//! belong to the certificate uploaded to the app?

use rcgen::{KeyPair, PublicKeyData};
use x509_parser::prelude::{FromDer, SubjectPublicKeyInfo, X509Certificate};

use super::{CertError, pem, rsa_bits};
use crate::secret::Secret;

/// How a private key was written down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormat {
    /// `-----BEGIN PRIVATE KEY-----`
    Pkcs8,
    /// `-----BEGIN RSA PRIVATE KEY-----`
    Pkcs1,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyInfo {
    pub format: KeyFormat,
    pub bits: usize,
}

/// Checks that `key_pem` is an unencrypted RSA private key the JWT flow can sign
/// with (PKCS#8 or PKCS#1, at least 2048 bits). The error never quotes the key.
pub fn check_private_key(key_pem: &Secret) -> Result<KeyInfo, CertError> {
    let (key, format) = read_key(key_pem)?;
    let spki = key.subject_public_key_info();
    let bits = SubjectPublicKeyInfo::from_der(&spki)
        .ok()
        .and_then(|(_, info)| rsa_bits(&info))
        .ok_or(CertError::UnusableRsaKey)?;
    Ok(KeyInfo { format, bits })
}

/// Whether the private key is the one whose public half the certificate holds: the
/// JWT flow fails with "invalid assertion" when they do not belong together.
pub fn key_matches_certificate(key_pem: &Secret, certificate_pem: &str) -> Result<bool, CertError> {
    let (key, _) = read_key(key_pem)?;
    let block = pem::first_block(certificate_pem).map_err(|p| CertError::NotACertificate {
        reason: p.reason().to_owned(),
    })?;
    let (_, cert) =
        X509Certificate::from_der(&block.der).map_err(|err| CertError::NotACertificate {
            reason: format!("the certificate inside cannot be read ({err})"),
        })?;
    Ok(cert.public_key().raw == key.subject_public_key_info().as_slice())
}

fn read_key(key_pem: &Secret) -> Result<(KeyPair, KeyFormat), CertError> {
    let not_a_key = |reason: &str| CertError::NotAPrivateKey {
        reason: reason.to_owned(),
    };
    let text = key_pem.expose();
    if text.contains("Proc-Type: 4,ENCRYPTED") {
        return Err(CertError::EncryptedKey);
    }
    let block = pem::first_block(text).map_err(|p| not_a_key(p.reason()))?;
    let format = match block.label.as_str() {
        "PRIVATE KEY" => KeyFormat::Pkcs8,
        "RSA PRIVATE KEY" => KeyFormat::Pkcs1,
        "ENCRYPTED PRIVATE KEY" => return Err(CertError::EncryptedKey),
        "EC PRIVATE KEY" => {
            return Err(CertError::NotRsa {
                found: "an elliptic-curve key",
            });
        }
        "DSA PRIVATE KEY" => return Err(CertError::NotRsa { found: "a DSA key" }),
        "OPENSSH PRIVATE KEY" => {
            return Err(not_a_key(
                "it is in OpenSSH's format; convert a copy with `ssh-keygen -p -m PKCS8 -f FILE`",
            ));
        }
        "CERTIFICATE" => return Err(not_a_key("it is a certificate, which holds no private key")),
        label if label.contains("PUBLIC KEY") => {
            return Err(not_a_key("it is a public key; the private one is needed"));
        }
        _ => return Err(not_a_key("its PEM block is not a private key")),
    };
    let key = KeyPair::try_from(block.der.as_slice()).map_err(|_| {
        if format == KeyFormat::Pkcs1 || pem::mentions_rsa_oid(&block.der) {
            CertError::UnusableRsaKey
        } else {
            not_a_key("its contents cannot be read")
        }
    })?;
    let alg = key.algorithm();
    if alg == &rcgen::PKCS_RSA_SHA256 {
        Ok((key, format))
    } else if alg == &rcgen::PKCS_ED25519 {
        Err(CertError::NotRsa {
            found: "an Ed25519 key",
        })
    } else {
        Err(CertError::NotRsa {
            found: "an elliptic-curve key",
        })
    }
}
