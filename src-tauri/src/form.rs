//! The org editor's shapes: the form as the page holds it (every field text), the
//! problems shown next to fields, and the secrets typed into it. Turning a form into an
//! org is the core's `OrgDraft`, so the editor and `orgkey org add` agree on every rule.

use orgkey_core::draft::{Field, FlowKind as CoreFlowKind, OrgDraft, Problem};
use orgkey_core::org::{Flow, KeySource, Org, url_base};
use orgkey_core::vault::SecretKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::Environment;

/// Every field of the editor as text; empty means "not given".
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrgForm {
    pub alias: String,
    pub label: String,
    pub color: String,
    /// `None`: guessed from the login host.
    pub environment: Option<Environment>,
    pub flow: Option<FlowKind>,
    pub login_url: String,
    pub my_domain: String,
    pub client_id: String,
    pub username: String,
    pub callback_url: String,
    pub audience: String,
    pub scopes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FlowKind {
    Web,
    Password,
    Jwt,
    ClientCredentials,
    Device,
    Refresh,
}

impl From<FlowKind> for CoreFlowKind {
    fn from(kind: FlowKind) -> Self {
        match kind {
            FlowKind::Web => CoreFlowKind::Web,
            FlowKind::Password => CoreFlowKind::Password,
            FlowKind::Jwt => CoreFlowKind::Jwt,
            FlowKind::ClientCredentials => CoreFlowKind::ClientCredentials,
            FlowKind::Device => CoreFlowKind::Device,
            FlowKind::Refresh => CoreFlowKind::Refresh,
        }
    }
}

impl From<CoreFlowKind> for FlowKind {
    fn from(kind: CoreFlowKind) -> Self {
        match kind {
            CoreFlowKind::Web => FlowKind::Web,
            CoreFlowKind::Password => FlowKind::Password,
            CoreFlowKind::Jwt => FlowKind::Jwt,
            CoreFlowKind::ClientCredentials => FlowKind::ClientCredentials,
            CoreFlowKind::Device => FlowKind::Device,
            CoreFlowKind::Refresh => FlowKind::Refresh,
        }
    }
}

fn text(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|value| !value.is_empty())
}

impl OrgForm {
    /// The draft the core checks and builds. A field left empty on an edit clears
    /// optional values rather than keeping the old ones: the form shows every value.
    pub fn to_draft(&self) -> OrgDraft {
        OrgDraft {
            alias: text(&self.alias),
            flow: self.flow.map(Into::into),
            login_url: text(&self.login_url),
            my_domain: Some(self.my_domain.trim().to_owned()),
            client_id: text(&self.client_id),
            username: text(&self.username),
            key_file: None,
            callback_url: text(&self.callback_url),
            audience: Some(self.audience.trim().to_owned()),
            scopes: text(&self.scopes),
            label: Some(self.label.trim().to_owned()),
            color: Some(self.color.trim().to_owned()),
            environment: self.environment.map(Into::into),
            session_timeout_minutes: None,
        }
    }

    pub fn from_draft(draft: &OrgDraft) -> OrgForm {
        let owned = |value: &Option<String>| value.clone().unwrap_or_default();
        OrgForm {
            alias: owned(&draft.alias),
            label: owned(&draft.label),
            color: owned(&draft.color),
            environment: draft.environment.map(Into::into),
            flow: draft.flow.map(Into::into),
            login_url: owned(&draft.login_url),
            my_domain: owned(&draft.my_domain),
            client_id: owned(&draft.client_id),
            username: owned(&draft.username),
            callback_url: owned(&draft.callback_url),
            audience: owned(&draft.audience),
            scopes: owned(&draft.scopes),
        }
    }

    pub fn from_org(org: &Org) -> OrgForm {
        let mut form = OrgForm {
            alias: org.alias.clone(),
            label: org.label.clone(),
            color: org.color.clone().unwrap_or_default(),
            environment: Some(org.environment.into()),
            flow: Some(orgkey_core::draft::kind_of(&org.flow).into()),
            login_url: url_base(&org.login_url),
            my_domain: org.my_domain.as_ref().map(url_base).unwrap_or_default(),
            client_id: org.flow.client_id().to_owned(),
            ..OrgForm::default()
        };
        match &org.flow {
            Flow::WebServer {
                callback_url,
                scopes,
                ..
            } => {
                form.callback_url = callback_url.to_string();
                form.scopes = scopes.join(" ");
            }
            Flow::Password { username, .. } => form.username = username.clone(),
            Flow::JwtBearer {
                username, audience, ..
            } => {
                form.username = username.clone();
                form.audience = audience.as_ref().map(url_base).unwrap_or_default();
            }
            Flow::Device { scopes, .. } => form.scopes = scopes.join(" "),
            Flow::ClientCredentials { .. } | Flow::RefreshToken { .. } => {}
        }
        form
    }
}

/// What the editor opens with: the form, and which secrets are already stored (never
/// their values).
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrgEditing {
    pub form: OrgForm,
    pub stored: Vec<SecretField>,
    /// Where the JWT key is read from when it is a file the person chose (CLI only).
    pub key_file: Option<String>,
}

impl OrgEditing {
    pub fn new(org: &Org, stored: Vec<SecretField>) -> OrgEditing {
        OrgEditing {
            form: OrgForm::from_org(org),
            stored,
            key_file: match &org.flow {
                Flow::JwtBearer {
                    key: KeySource::File { path },
                    ..
                } => Some(path.display().to_string()),
                _ => None,
            },
        }
    }
}

/// The editor's secret fields. Written to the keychain, never read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SecretField {
    ClientSecret,
    Password,
    SecurityToken,
    PrivateKey,
    /// An SFDX auth URL: the refresh token, client id, secret and host in one.
    SfdxAuthUrl,
}

impl SecretField {
    pub const ALL: [SecretField; 5] = [
        SecretField::ClientSecret,
        SecretField::Password,
        SecretField::SecurityToken,
        SecretField::PrivateKey,
        SecretField::SfdxAuthUrl,
    ];

    /// The keychain entry the field is stored as.
    pub fn kind(self) -> SecretKind {
        match self {
            SecretField::ClientSecret => SecretKind::ClientSecret,
            SecretField::Password => SecretKind::Password,
            SecretField::SecurityToken => SecretKind::SecurityToken,
            SecretField::PrivateKey => SecretKind::PrivateKey,
            SecretField::SfdxAuthUrl => SecretKind::RefreshToken,
        }
    }

    pub fn of_kind(kind: SecretKind) -> Option<SecretField> {
        SecretField::ALL
            .into_iter()
            .find(|field| field.kind() == kind)
    }
}

/// A secret typed into the editor. It crosses IPC once, into Rust, and is never
/// printed: `Debug` shows no value.
#[derive(Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecretEntry {
    pub field: SecretField,
    pub value: String,
}

impl std::fmt::Debug for SecretEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretEntry({:?}, [redacted])", self.field)
    }
}

/// The editor's fields a problem can sit next to, in the order the editor shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FormField {
    Alias,
    Color,
    LoginUrl,
    MyDomain,
    Flow,
    ClientId,
    Username,
    CallbackUrl,
    Audience,
    // The secret fields, named as `SecretField` names them.
    ClientSecret,
    Password,
    SecurityToken,
    PrivateKey,
    SfdxAuthUrl,
}

impl From<SecretField> for FormField {
    fn from(field: SecretField) -> Self {
        match field {
            SecretField::ClientSecret => FormField::ClientSecret,
            SecretField::Password => FormField::Password,
            SecretField::SecurityToken => FormField::SecurityToken,
            SecretField::PrivateKey => FormField::PrivateKey,
            SecretField::SfdxAuthUrl => FormField::SfdxAuthUrl,
        }
    }
}

impl From<Field> for FormField {
    fn from(field: Field) -> Self {
        match field {
            Field::Alias => FormField::Alias,
            Field::Color => FormField::Color,
            Field::LoginUrl => FormField::LoginUrl,
            Field::MyDomain => FormField::MyDomain,
            Field::ClientId => FormField::ClientId,
            Field::Username => FormField::Username,
            Field::CallbackUrl => FormField::CallbackUrl,
            Field::Audience => FormField::Audience,
        }
    }
}

/// What is wrong with one field: shown next to it while the person types.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    pub field: FormField,
    pub message: String,
    pub fix: String,
}

impl FieldProblem {
    pub fn new(field: FormField, message: impl Into<String>, fix: impl Into<String>) -> Self {
        FieldProblem {
            field,
            message: message.into(),
            fix: fix.into(),
        }
    }
}

impl From<Problem> for FieldProblem {
    fn from(problem: Problem) -> Self {
        FieldProblem {
            field: problem.field.into(),
            message: problem.message,
            fix: problem.fix,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_entry_never_prints_its_value() {
        let entry = SecretEntry {
            field: SecretField::Password,
            value: "Passw0rd!".into(),
        };
        assert!(!format!("{entry:?}").contains("Passw0rd"));
    }

    #[test]
    fn an_org_comes_back_as_the_form_that_made_it() {
        let form = OrgForm {
            alias: "acme-uat".into(),
            label: "Acme UAT".into(),
            color: "#1f77b4".into(),
            environment: Some(Environment::Sandbox),
            flow: Some(FlowKind::Jwt),
            login_url: "https://test.salesforce.com".into(),
            client_id: "3MVG9x".into(),
            username: "ada@acme.com.uat".into(),
            audience: "https://acme--uat.sandbox.my.salesforce.com".into(),
            ..OrgForm::default()
        };
        let org = form.to_draft().build_new().unwrap();
        let back = OrgForm::from_org(&org);
        assert_eq!(
            serde_json::to_value(&back).unwrap(),
            serde_json::to_value(&form).unwrap()
        );
    }
}
