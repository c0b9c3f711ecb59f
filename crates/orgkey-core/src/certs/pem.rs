//! The one PEM block OrgKey reads from a key or certificate text. Our own few lines,
//! so the decoded key bytes are wiped when dropped.

use base64::Engine;
use zeroize::Zeroizing;

pub struct Block {
    pub label: String,
    pub der: Zeroizing<Vec<u8>>,
}

/// What is wrong with a PEM text, in words that quote none of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NoBlock,
    Unterminated,
    BadBase64,
}

impl Problem {
    pub fn reason(self) -> &'static str {
        match self {
            Problem::NoBlock => "it has no -----BEGIN …----- line",
            Problem::Unterminated => "its -----END …----- line is missing",
            Problem::BadBase64 => "the text between its BEGIN and END lines is not valid base64",
        }
    }
}

pub fn first_block(text: &str) -> Result<Block, Problem> {
    let mut lines = text.lines().map(str::trim);
    let label = lines
        .by_ref()
        .find_map(|line| line.strip_prefix("-----BEGIN ")?.strip_suffix("-----"))
        .ok_or(Problem::NoBlock)?
        .to_owned();
    let end = format!("-----END {label}-----");
    let mut body = Zeroizing::new(String::new());
    let mut ended = false;
    for line in lines {
        if line == end {
            ended = true;
            break;
        }
        // RFC 1421 headers ("Proc-Type: …") are not base64; the caller looks for them.
        if !line.contains(':') {
            body.push_str(line);
        }
    }
    if !ended {
        return Err(Problem::Unterminated);
    }
    let der = base64::engine::general_purpose::STANDARD
        .decode(body.as_bytes())
        .map_err(|_| Problem::BadBase64)?;
    Ok(Block {
        label,
        der: Zeroizing::new(der),
    })
}

/// Whether a PKCS#8 structure names rsaEncryption (1.2.840.113549.1.1.1), to tell "an
/// RSA key we cannot use" from "not a key at all".
pub fn mentions_rsa_oid(der: &[u8]) -> bool {
    const RSA_OID: [u8; 11] = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01,
    ];
    der.windows(RSA_OID.len()).any(|window| window == RSA_OID)
}
