//! Certificates and keys, checked by tools that are not ours: openssl reads what we
//! make, jsonwebtoken signs with our key and verifies against our certificate.

use std::path::Path;
use std::process::Command;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use orgkey_core::certs::{self, CertError, CertificateRequest, KeyFormat};
use orgkey_core::{Explain, Kind, Secret};
use serde_json::{Value, json};
use x509_parser::prelude::{FromDer, X509Certificate};

fn openssl(args: &[&str]) -> String {
    let out = Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn openssl_key(dir: &Path, name: &str, args: &[&str]) -> Secret {
    let path = dir.join(name);
    let path = path.to_str().unwrap();
    // genrsa wants the key size last, so the output goes right after the command.
    let mut all = args.to_vec();
    all.splice(1..1, ["-out", path]);
    openssl(&all);
    Secret::new(std::fs::read_to_string(path).unwrap())
}

fn request() -> CertificateRequest {
    CertificateRequest {
        common_name: "orgkey-jwt.acme.example".into(),
        organization: Some("Acme".into()),
        validity_days: 730,
    }
}

#[test]
fn openssl_reads_the_certificate_and_agrees_on_fingerprints() {
    let made = certs::generate(&request()).unwrap();
    let temp = tempfile::tempdir().unwrap();
    let cert = temp.path().join("orgkey.crt");
    std::fs::write(&cert, &made.certificate_pem).unwrap();
    let cert = cert.to_str().unwrap();

    let text = openssl(&["x509", "-noout", "-text", "-in", cert]);
    for expected in [
        "Public-Key: (2048 bit)",
        "sha256WithRSAEncryption",
        "CN = orgkey-jwt.acme.example",
        "O = Acme",
        "DNS:orgkey-jwt.acme.example",
    ] {
        assert!(text.contains(expected), "{expected} missing in\n{text}");
    }
    // openssl prints `sha256 Fingerprint=` or `SHA256 Fingerprint=` by version.
    let fingerprint = |digest: &str| {
        let out = openssl(&["x509", "-noout", "-fingerprint", digest, "-in", cert]);
        out.trim().split_once('=').unwrap().1.to_owned()
    };
    assert_eq!(fingerprint("-sha256"), made.info.sha256_fingerprint);
    assert_eq!(fingerprint("-sha1"), made.info.sha1_fingerprint);

    // The key openssl sees is the certificate's, and is a plain PKCS#8 PEM.
    let key = temp.path().join("orgkey.key");
    std::fs::write(&key, made.private_key.expose()).unwrap();
    let from_key = openssl(&["pkey", "-pubout", "-in", key.to_str().unwrap()]);
    let from_cert = openssl(&["x509", "-noout", "-pubkey", "-in", cert]);
    assert_eq!(from_key, from_cert);
    assert!(
        made.private_key
            .expose()
            .starts_with("-----BEGIN PRIVATE KEY-----")
    );
}

#[test]
fn info_and_inspection_agree() {
    let made = certs::generate(&request()).unwrap();
    let info = &made.info;
    assert_eq!(certs::inspect(&made.certificate_pem).unwrap(), *info);
    assert_eq!(
        info.subject_common_name.as_deref(),
        Some("orgkey-jwt.acme.example")
    );
    assert_eq!(info.rsa_bits, Some(2048));
    assert_eq!((info.not_after - info.not_before).whole_days(), 730);
    assert!((729..=730).contains(&info.days_left()));
    assert!(!info.is_expired_at(info.not_before));
    assert!(info.is_expired_at(info.not_after));
    assert_eq!(info.sha256_fingerprint.len(), 32 * 3 - 1);

    let key = certs::check_private_key(&made.private_key).unwrap();
    assert_eq!((key.format, key.bits), (KeyFormat::Pkcs8, 2048));
    assert!(certs::key_matches_certificate(&made.private_key, &made.certificate_pem).unwrap());
    let other = certs::generate(&CertificateRequest::new("OrgKey JWT")).unwrap();
    assert!(!certs::key_matches_certificate(&made.private_key, &other.certificate_pem).unwrap());

    let debug = format!("{made:?}");
    assert!(
        debug.contains("[redacted]") && !debug.contains("PRIVATE KEY"),
        "{debug}"
    );
}

#[test]
fn a_name_that_is_no_host_gets_no_san() {
    let made = certs::generate(&CertificateRequest::new("OrgKey JWT")).unwrap();
    let der = x509_parser::pem::parse_x509_pem(made.certificate_pem.as_bytes())
        .unwrap()
        .1;
    let (_, cert) = X509Certificate::from_der(&der.contents).unwrap();
    assert!(cert.subject_alternative_name().unwrap().is_none());
    assert_eq!(made.info.subject_common_name.as_deref(), Some("OrgKey JWT"));
    assert_eq!(
        (made.info.not_after - made.info.not_before).whole_days(),
        365
    );
}

#[test]
fn the_key_signs_an_rs256_jwt_the_certificate_verifies() {
    let made = certs::generate(&request()).unwrap();
    let key = EncodingKey::from_rsa_pem(made.private_key.expose().as_bytes()).unwrap();
    let claims = json!({"iss": "3MVG9x", "sub": "ada@acme.demo", "aud": "https://login.salesforce.com", "exp": 4_102_444_800u64});
    let jwt = jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &key).unwrap();

    let pem = x509_parser::pem::parse_x509_pem(made.certificate_pem.as_bytes())
        .unwrap()
        .1;
    let (_, cert) = X509Certificate::from_der(&pem.contents).unwrap();
    let public = DecodingKey::from_rsa_der(&cert.public_key().subject_public_key.data);
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_audience(&["https://login.salesforce.com"]);
    let decoded = jsonwebtoken::decode::<Value>(&jwt, &public, &validation).unwrap();
    assert_eq!(decoded.claims["sub"], "ada@acme.demo");

    let other = certs::generate(&CertificateRequest::new("other")).unwrap();
    let pem = x509_parser::pem::parse_x509_pem(other.certificate_pem.as_bytes())
        .unwrap()
        .1;
    let (_, cert) = X509Certificate::from_der(&pem.contents).unwrap();
    let wrong = DecodingKey::from_rsa_der(&cert.public_key().subject_public_key.data);
    assert!(jsonwebtoken::decode::<Value>(&jwt, &wrong, &validation).is_err());
}

#[test]
fn keys_from_openssl_are_told_apart() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let pkcs1 = openssl_key(dir, "pkcs1.pem", &["genrsa", "-traditional", "2048"]);
    assert!(
        pkcs1
            .expose()
            .starts_with("-----BEGIN RSA PRIVATE KEY-----")
    );
    let info = certs::check_private_key(&pkcs1).unwrap();
    assert_eq!((info.format, info.bits), (KeyFormat::Pkcs1, 2048));
    let pkcs8 = openssl_key(
        dir,
        "rsa3072.pem",
        &[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:3072",
        ],
    );
    assert_eq!(certs::check_private_key(&pkcs8).unwrap().bits, 3072);

    let refused = [
        (
            openssl_key(
                dir,
                "ec8.pem",
                &[
                    "genpkey",
                    "-algorithm",
                    "EC",
                    "-pkeyopt",
                    "ec_paramgen_curve:P-256",
                ],
            ),
            CertError::NotRsa {
                found: "an elliptic-curve key",
            },
        ),
        (
            openssl_key(
                dir,
                "ec1.pem",
                &["ecparam", "-genkey", "-name", "prime256v1", "-noout"],
            ),
            CertError::NotRsa {
                found: "an elliptic-curve key",
            },
        ),
        (
            openssl_key(dir, "ed.pem", &["genpkey", "-algorithm", "ed25519"]),
            CertError::NotRsa {
                found: "an Ed25519 key",
            },
        ),
        (
            openssl_key(dir, "short.pem", &["genrsa", "1024"]),
            CertError::UnusableRsaKey,
        ),
        (
            openssl_key(dir, "short1.pem", &["genrsa", "-traditional", "1024"]),
            CertError::UnusableRsaKey,
        ),
        (
            openssl_key(
                dir,
                "enc.pem",
                &[
                    "genpkey",
                    "-algorithm",
                    "RSA",
                    "-pkeyopt",
                    "rsa_keygen_bits:2048",
                    "-aes256",
                    "-pass",
                    "pass:x",
                ],
            ),
            CertError::EncryptedKey,
        ),
        (
            openssl_key(
                dir,
                "enc1.pem",
                &[
                    "genrsa",
                    "-traditional",
                    "-aes256",
                    "-passout",
                    "pass:x",
                    "2048",
                ],
            ),
            CertError::EncryptedKey,
        ),
    ];
    for (key, expected) in refused {
        let err = certs::check_private_key(&key).unwrap_err();
        assert_eq!(err, expected);
        let explanation = err.explain();
        assert_eq!(explanation.kind, Kind::Input);
        assert!(!explanation.fix.is_empty());
    }
}

#[test]
fn garbage_is_refused_without_quoting_it() {
    let secret_body = "c2VjcmV0LWdhcmJhZ2UtdGhhdC1pcy1ub3QtYS1rZXk=";
    let made = certs::generate(&CertificateRequest::new("x")).unwrap();
    let cases = [
        format!("-----BEGIN PRIVATE KEY-----\n{secret_body}\n-----END PRIVATE KEY-----\n"),
        format!("-----BEGIN PRIVATE KEY-----\n{secret_body}!!\n-----END PRIVATE KEY-----\n"),
        format!("-----BEGIN PRIVATE KEY-----\n{secret_body}\n"),
        secret_body.to_owned(),
        String::new(),
        made.certificate_pem.clone(),
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----".into(),
        "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----".into(),
    ];
    for text in cases {
        let err = certs::check_private_key(&Secret::new(text.clone())).unwrap_err();
        assert!(matches!(err, CertError::NotAPrivateKey { .. }), "{err:?}");
        let shown = format!("{err} {err:?} {}", err.explain());
        assert!(!shown.contains(secret_body), "{shown}");
        assert!(!shown.contains("AAAA"), "{shown}");
    }
    let not_certs = [
        made.private_key.expose(),
        "hello",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
    ];
    for text in not_certs {
        let err = certs::inspect(text).unwrap_err();
        assert!(matches!(err, CertError::NotACertificate { .. }), "{err:?}");
        assert!(!err.explain().message.contains("MII"), "{err}");
    }
}

#[test]
fn bad_requests_are_explained() {
    let long = "x".repeat(65);
    let cases = [
        (CertificateRequest::new("  "), "common name is empty"),
        (CertificateRequest::new(long.clone()), "longer than 64"),
        (
            CertificateRequest {
                organization: Some(long),
                ..request()
            },
            "organisation is longer",
        ),
        (
            CertificateRequest {
                validity_days: 0,
                ..request()
            },
            "0 days",
        ),
        (
            CertificateRequest {
                validity_days: 3651,
                ..request()
            },
            "3651 days",
        ),
    ];
    for (request, expected) in cases {
        let explanation = certs::generate(&request).unwrap_err().explain();
        assert_eq!(explanation.kind, Kind::Input);
        assert!(explanation.message.contains(expected), "{explanation}");
    }
    let longest = CertificateRequest {
        validity_days: 3650,
        organization: Some(String::new()),
        ..request()
    };
    assert_eq!(certs::generate(&longest).unwrap().info.days_left(), 3649);
}
