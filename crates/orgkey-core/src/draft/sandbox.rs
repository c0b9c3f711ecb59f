//! "Duplicate for another sandbox": the same connected app and user in a sandbox of
//! the same org, which Salesforce names predictably — the My Domain becomes
//! `NAME--SANDBOX.sandbox.my.salesforce.com` and the username gains `.SANDBOX`.

use super::{OrgDraft, kind_of};
use crate::org::{Environment, Flow, Org};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid sandbox name {0:?}")]
pub struct InvalidSandbox(pub String);

impl crate::explain::Explain for InvalidSandbox {
    fn explain(&self) -> crate::explain::Explanation {
        crate::explain::Explanation::new(
            crate::explain::Kind::Input,
            format!("{:?} cannot be a sandbox name.", self.0),
            "Give the sandbox's name as Salesforce shows it: up to 10 letters and digits, starting with a letter (for example uat).",
        )
    }
}

/// A draft of `org` in the sandbox `sandbox`: new alias, host, username suffix and
/// label; the same flow, connected app, scopes and colour.
pub fn for_sandbox(org: &Org, sandbox: &str) -> Result<OrgDraft, InvalidSandbox> {
    let sandbox = sandbox.trim().to_ascii_lowercase();
    let valid = sandbox.len() <= 10
        && sandbox.starts_with(|c: char| c.is_ascii_alphabetic())
        && sandbox.chars().all(|c| c.is_ascii_alphanumeric());
    if !valid {
        return Err(InvalidSandbox(sandbox));
    }
    let from_sandbox = org.environment == Environment::Sandbox;
    let alias_base = match org.alias.rsplit_once('-') {
        Some((base, _)) if from_sandbox => base,
        _ => org.alias.as_str(),
    };
    let my_domain_name = org
        .my_domain
        .as_ref()
        .unwrap_or(&org.login_url)
        .host_str()
        .and_then(|host| host.split_once(".my.salesforce.com").map(|(name, _)| name))
        .map(|name| name.split_once("--").map_or(name, |(base, _)| base));
    let login_url = match my_domain_name {
        Some(name) => format!("https://{name}--{sandbox}.sandbox.my.salesforce.com"),
        None => "https://test.salesforce.com".to_owned(),
    };
    let username = match &org.flow {
        Flow::Password { username, .. } | Flow::JwtBearer { username, .. } => {
            // A sandbox username is the production one plus ".sandbox".
            let production = match username.rsplit_once('.') {
                Some((base, _)) if from_sandbox && base.contains('@') => base,
                _ => username.as_str(),
            };
            Some(format!("{production}.{sandbox}"))
        }
        _ => None,
    };
    let (callback_url, scopes) = match &org.flow {
        Flow::WebServer {
            callback_url,
            scopes,
            ..
        } => (Some(callback_url.to_string()), Some(scopes.join(" "))),
        Flow::Device { scopes, .. } => (None, Some(scopes.join(" "))),
        _ => (None, None),
    };
    let base_label = match org.label.rsplit_once(" (") {
        Some((base, _)) if from_sandbox => base,
        _ => org.label.as_str(),
    };
    Ok(OrgDraft {
        alias: Some(format!("{alias_base}-{sandbox}")),
        flow: Some(kind_of(&org.flow)),
        login_url: Some(login_url.clone()),
        // The sandbox's own My Domain (when known) is where its tokens come from.
        my_domain: Some(if my_domain_name.is_some() {
            login_url
        } else {
            String::new()
        }),
        client_id: Some(org.flow.client_id().to_owned()),
        username,
        key_file: None,
        callback_url,
        audience: None,
        scopes,
        label: Some(if base_label.is_empty() {
            sandbox.clone()
        } else {
            format!("{base_label} ({sandbox})")
        }),
        color: org.color.clone(),
        environment: Some(Environment::Sandbox),
        session_timeout_minutes: Some(org.session_timeout_minutes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::FlowKind;

    fn production(flow: FlowKind, login_url: &str) -> Org {
        OrgDraft {
            alias: Some("acme".into()),
            flow: Some(flow),
            login_url: Some(login_url.into()),
            client_id: Some("3MVG9x".into()),
            username: Some("ada@acme.com".into()),
            label: Some("Acme".into()),
            ..OrgDraft::default()
        }
        .build_new()
        .unwrap()
    }

    #[test]
    fn a_production_org_on_the_shared_host_goes_to_test_salesforce() {
        let org = production(FlowKind::Jwt, "https://login.salesforce.com");
        let draft = for_sandbox(&org, "UAT").unwrap();
        assert_eq!(draft.alias.as_deref(), Some("acme-uat"));
        assert_eq!(
            draft.login_url.as_deref(),
            Some("https://test.salesforce.com")
        );
        assert_eq!(draft.username.as_deref(), Some("ada@acme.com.uat"));
        assert_eq!(draft.label.as_deref(), Some("Acme (uat)"));
        let copy = draft.build_new().unwrap();
        assert_eq!(copy.environment, Environment::Sandbox);
        assert_eq!(copy.flow.client_id(), "3MVG9x");
        assert_ne!(copy.id, org.id);
    }

    #[test]
    fn a_sandbox_of_a_my_domain_org_gets_its_own_my_domain() {
        let org = production(FlowKind::Web, "https://acme.my.salesforce.com");
        let draft = for_sandbox(&org, "qa").unwrap();
        assert_eq!(
            draft.login_url.as_deref(),
            Some("https://acme--qa.sandbox.my.salesforce.com")
        );
        let uat = for_sandbox(&org, "uat").unwrap().build_new().unwrap();
        // From one sandbox to another: suffixes are replaced, not stacked.
        let again = for_sandbox(&uat, "qa").unwrap();
        assert_eq!(again.alias.as_deref(), Some("acme-qa"));
        assert_eq!(again.label.as_deref(), Some("Acme (qa)"));
        assert_eq!(
            again.login_url.as_deref(),
            Some("https://acme--qa.sandbox.my.salesforce.com")
        );
    }

    #[test]
    fn a_sandbox_username_loses_its_old_suffix() {
        let org = production(FlowKind::Password, "https://login.salesforce.com");
        let uat = for_sandbox(&org, "uat").unwrap().build_new().unwrap();
        let qa = for_sandbox(&uat, "qa").unwrap();
        assert_eq!(qa.username.as_deref(), Some("ada@acme.com.qa"));
    }

    #[test]
    fn bad_sandbox_names_are_refused() {
        let org = production(FlowKind::Password, "https://login.salesforce.com");
        for bad in ["", "1uat", "u-at", "averyverylongname"] {
            assert!(for_sandbox(&org, bad).is_err(), "{bad:?} accepted");
        }
    }
}
