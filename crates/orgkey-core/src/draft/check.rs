//! Field-by-field checking of a draft, for an editor that says what is wrong next to
//! the field while the person types. `OrgDraft::build` stops at the first problem;
//! this finds them all, with the same rules (it calls the same validators).

use super::{FlowKind, OrgDraft, parse_callback};
use crate::explain::Explain;
use crate::org::{InvalidOrg, parse_host_url, validate_alias, validate_color};

/// The fields of a draft a problem can be shown next to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Alias,
    Color,
    LoginUrl,
    MyDomain,
    ClientId,
    Username,
    CallbackUrl,
    Audience,
}

/// What is wrong with one field, in `explain`'s words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: String,
    pub fix: String,
}

impl Problem {
    pub fn new(field: Field, invalid: &InvalidOrg) -> Problem {
        let explanation = invalid.explain();
        Problem {
            field,
            message: explanation.message,
            fix: explanation.fix,
        }
    }
}

fn given(value: &Option<String>) -> Option<&str> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

impl OrgDraft {
    /// Every problem of a new org drafted like this; empty when `build_new` would succeed.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut check = |field, result: Result<(), InvalidOrg>| {
            if let Err(invalid) = result {
                problems.push(Problem::new(field, &invalid));
            }
        };
        let required =
            |value: &Option<String>, what| given(value).map(drop).ok_or(InvalidOrg::Missing(what));
        check(
            Field::Alias,
            given(&self.alias).map_or(Err(InvalidOrg::Missing("alias")), validate_alias),
        );
        if let Some(color) = given(&self.color) {
            check(Field::Color, validate_color(color));
        }
        check(
            Field::LoginUrl,
            given(&self.login_url)
                .ok_or(InvalidOrg::Missing("login URL"))
                .and_then(|url| parse_host_url(url).map(drop)),
        );
        if let Some(url) = given(&self.my_domain) {
            check(Field::MyDomain, parse_host_url(url).map(drop));
        }
        let Some(flow) = self.flow else {
            return problems;
        };
        check(
            Field::ClientId,
            required(&self.client_id, "client id (consumer key)"),
        );
        match flow {
            FlowKind::Password | FlowKind::Jwt => {
                check(Field::Username, required(&self.username, "username"));
            }
            FlowKind::Web => {
                if let Some(url) = given(&self.callback_url) {
                    check(Field::CallbackUrl, parse_callback(url).map(drop));
                }
            }
            FlowKind::ClientCredentials => {
                let host = given(&self.my_domain).or(given(&self.login_url));
                if let Some(Ok(url)) = host.map(parse_host_url) {
                    let field = if given(&self.my_domain).is_some() {
                        Field::MyDomain
                    } else {
                        Field::LoginUrl
                    };
                    check(field, super::require_my_domain(&url));
                }
            }
            FlowKind::Device | FlowKind::Refresh => {}
        }
        if flow == FlowKind::Jwt
            && let Some(url) = given(&self.audience)
        {
            check(Field::Audience, parse_host_url(url).map(drop));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(draft: &OrgDraft) -> Vec<Field> {
        draft
            .problems()
            .iter()
            .map(|problem| problem.field)
            .collect()
    }

    #[test]
    fn an_empty_draft_names_what_is_missing() {
        let draft = OrgDraft {
            flow: Some(FlowKind::Password),
            ..OrgDraft::default()
        };
        assert_eq!(
            fields(&draft),
            [
                Field::Alias,
                Field::LoginUrl,
                Field::ClientId,
                Field::Username
            ]
        );
        assert_eq!(draft.problems()[3].message, "The username is missing.");
    }

    #[test]
    fn every_bad_value_is_reported_at_once() {
        let draft = OrgDraft {
            alias: Some("-bad".into()),
            color: Some("red".into()),
            flow: Some(FlowKind::Web),
            login_url: Some("http://login.salesforce.com".into()),
            my_domain: Some("ftp://acme".into()),
            client_id: Some("3MVG9x".into()),
            callback_url: Some("http://example.com/cb".into()),
            ..OrgDraft::default()
        };
        assert_eq!(
            fields(&draft),
            [
                Field::Alias,
                Field::Color,
                Field::LoginUrl,
                Field::MyDomain,
                Field::CallbackUrl
            ]
        );
    }

    #[test]
    fn a_good_draft_has_no_problem_and_builds() {
        let draft = OrgDraft {
            alias: Some("acme".into()),
            flow: Some(FlowKind::Jwt),
            login_url: Some("https://login.salesforce.com".into()),
            client_id: Some("3MVG9x".into()),
            username: Some("ada@acme.com".into()),
            audience: Some("https://acme.my.salesforce.com".into()),
            ..OrgDraft::default()
        };
        assert_eq!(draft.problems(), []);
        assert!(draft.build_new().is_ok());
    }

    #[test]
    fn client_credentials_refuse_the_shared_login_hosts() {
        let mut draft = OrgDraft {
            alias: Some("acme".into()),
            flow: Some(FlowKind::ClientCredentials),
            login_url: Some("https://login.salesforce.com".into()),
            client_id: Some("3MVG9x".into()),
            ..OrgDraft::default()
        };
        assert_eq!(fields(&draft), [Field::LoginUrl]);
        assert!(draft.build_new().is_err());
        draft.my_domain = Some("https://acme.my.salesforce.com".into());
        assert_eq!(fields(&draft), []);
        assert!(draft.build_new().is_ok());
    }
}
