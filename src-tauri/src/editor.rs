//! Saving what the org editor holds: the checks shown as the person types, then the
//! org and its secrets. The rules are the core's (`OrgDraft`); this adds only what
//! needs the catalog and the keychain — a taken alias, a secret neither typed nor stored.

use orgkey_core::Secret;
use orgkey_core::draft::{FlowKind, OrgDraft};
use orgkey_core::explain::{Explain, Explanation, Kind};
use orgkey_core::interop::SfdxAuthUrl;
use orgkey_core::org::{Org, url_base};
use orgkey_core::vault::{SecretKind, Vault};

use crate::error::IpcError;
use crate::form::{FieldProblem, FormField, OrgForm, SecretEntry, SecretField};
use crate::state::AppState;

/// What the editor submits: the form, the org it edits (none for a new one), and the
/// secrets typed into it.
pub struct Submission<'a> {
    pub form: &'a OrgForm,
    pub editing: Option<&'a str>,
    pub secrets: &'a [SecretEntry],
}

fn typed(secrets: &[SecretEntry], field: SecretField) -> Option<&str> {
    secrets
        .iter()
        .find(|entry| entry.field == field)
        .map(|entry| entry.value.as_str())
        .filter(|value| !value.trim().is_empty())
}

/// A submission read once, for both checking and saving: the org it edits, the draft
/// (with what an SFDX auth URL brings) and the parsed SFDX URL or why it is wrong.
struct Prepared {
    base: Option<Org>,
    draft: OrgDraft,
    import: Result<Option<SfdxAuthUrl>, FieldProblem>,
}

/// The draft, with what an SFDX auth URL brings (host, client id) when one was given.
fn draft(submission: &Submission<'_>) -> (OrgDraft, Result<Option<SfdxAuthUrl>, FieldProblem>) {
    let mut draft = submission.form.to_draft();
    let import = match typed(submission.secrets, SecretField::SfdxAuthUrl) {
        Some(text) if draft.flow == Some(FlowKind::Refresh) => {
            SfdxAuthUrl::parse(text.trim()).map(Some).map_err(|error| {
                let explanation = error.explain();
                FieldProblem::new(
                    SecretField::SfdxAuthUrl.into(),
                    explanation.message,
                    explanation.fix,
                )
            })
        }
        _ => Ok(None),
    };
    if let Ok(Some(url)) = &import {
        let from_url = url
            .to_org("imported")
            .expect("a parsed SFDX URL makes an org");
        draft.login_url = Some(url_base(&from_url.login_url));
        draft.my_domain = Some(
            from_url
                .my_domain
                .as_ref()
                .map(url_base)
                .unwrap_or_default(),
        );
        draft.client_id = Some(url.client_id.clone());
    }
    (draft, import)
}

impl AppState {
    fn prepare(&self, submission: &Submission<'_>) -> Result<Prepared, IpcError> {
        let base = submission
            .editing
            .map(|alias| self.catalog.get(alias))
            .transpose()?;
        let (draft, import) = draft(submission);
        Ok(Prepared {
            base,
            draft,
            import,
        })
    }

    /// Every problem of the form, next to its field; empty when it can be saved.
    pub fn form_problems(
        &self,
        submission: &Submission<'_>,
    ) -> Result<Vec<FieldProblem>, IpcError> {
        self.problems_of(submission, &self.prepare(submission)?)
    }

    fn problems_of(
        &self,
        submission: &Submission<'_>,
        prepared: &Prepared,
    ) -> Result<Vec<FieldProblem>, IpcError> {
        let Prepared {
            base,
            draft,
            import,
        } = prepared;
        let mut problems: Vec<FieldProblem> = Vec::new();
        if draft.flow.is_none() {
            problems.push(FieldProblem::new(
                FormField::Flow,
                "No login flow is chosen.",
                "Choose how OrgKey logs in to this org; each choice says when it fits.",
            ));
        }
        if let Err(problem) = import {
            problems.push(problem.clone());
        }
        let importing = draft.flow == Some(FlowKind::Refresh) && base.is_none();
        problems.extend(
            draft
                .problems()
                .into_iter()
                .map(FieldProblem::from)
                // A new refresh org takes its host and client id from the SFDX URL,
                // whose own problem says what is missing.
                .filter(|problem| {
                    !(importing
                        && matches!(problem.field, FormField::LoginUrl | FormField::ClientId))
                }),
        );
        if let Some(alias) = draft.alias.as_deref()
            && Some(alias) != submission.editing
            && self.catalog.load()?.get(alias).is_some()
        {
            problems.push(FieldProblem::new(
                FormField::Alias,
                format!("{alias} is already the alias of another org."),
                "Choose another alias; each org needs its own.",
            ));
        }
        let required = draft.flow.map_or(&[][..], FlowKind::required_secrets);
        for kind in required {
            let field = SecretField::of_kind(*kind).expect("every required secret has a field");
            let stored = match base {
                Some(org) => self.vault()?.get(&org.id.0, *kind)?.is_some(),
                None => false,
            };
            if typed(submission.secrets, field).is_none() && !stored {
                problems.push(missing_secret(field));
            }
        }
        // In the editor's order, so the first problem is the first field to fix.
        problems.sort_by_key(|problem| problem.field);
        Ok(problems)
    }

    /// Saves the secrets and then the org (an org without its secrets could not log
    /// in), or nothing at all when any field is wrong.
    pub fn save_form(
        &self,
        submission: &Submission<'_>,
        copy_secrets_from: Option<&str>,
    ) -> Result<Org, IpcError> {
        let prepared = self.prepare(submission)?;
        if let Some(problem) = self.problems_of(submission, &prepared)?.into_iter().next() {
            return Err(Explanation::new(Kind::Input, problem.message, problem.fix).into());
        }
        let Prepared {
            base,
            draft,
            import,
        } = prepared;
        // A bad SFDX URL is one of the problems above, so here it parsed (or was absent).
        let import = import.ok().flatten();
        let org = draft.build(base.as_ref())?;
        let vault = self.vault()?;
        if let Some(base) = &base
            && (base.flow != org.flow
                || base.login_url != org.login_url
                || base.my_domain != org.my_domain)
        {
            // Tokens belong to the old settings (another user, app or host).
            vault.delete(&org.id.0, SecretKind::AccessToken)?;
            vault.delete(&org.id.0, SecretKind::RefreshToken)?;
        }
        let written =
            self.write_secrets(&org, submission.secrets, import.as_ref(), copy_secrets_from);
        let saved = written.and_then(|()| {
            match submission.editing {
                Some(alias) => self.catalog.replace(alias, org.clone()).map(drop)?,
                None => self.catalog.add(org.clone())?,
            }
            Ok(())
        });
        if let Err(error) = saved {
            if base.is_none() {
                // Nothing may stay behind for an org that was never saved.
                let _ = vault.delete_all(&org.id.0);
            }
            return Err(error);
        }
        Ok(org)
    }

    fn write_secrets(
        &self,
        org: &Org,
        secrets: &[SecretEntry],
        import: Option<&SfdxAuthUrl>,
        copy_from: Option<&str>,
    ) -> Result<(), IpcError> {
        let vault = self.vault()?;
        if let Some(alias) = copy_from {
            let source = self.catalog.get(alias)?;
            // The same connected app and certificate serve every sandbox of an org;
            // passwords and tokens differ, so they are typed again.
            for kind in [SecretKind::ClientSecret, SecretKind::PrivateKey] {
                if let Some(value) = vault.get(&source.id.0, kind)? {
                    vault.set(&org.id.0, kind, &value)?;
                }
            }
        }
        for entry in secrets {
            if entry.field == SecretField::SfdxAuthUrl || entry.value.trim().is_empty() {
                continue;
            }
            vault.set(
                &org.id.0,
                entry.field.kind(),
                &Secret::new(entry.value.clone()),
            )?;
        }
        if let Some(url) = import {
            vault.set(&org.id.0, SecretKind::RefreshToken, &url.refresh_token)?;
            if let Some(secret) = &url.client_secret {
                vault.set(&org.id.0, SecretKind::ClientSecret, secret)?;
            }
            vault.delete(&org.id.0, SecretKind::AccessToken)?;
        }
        Ok(())
    }

    /// Removes the org, its keychain entries, its certificate and its login popup's
    /// cookies.
    pub fn delete_org(&self, alias: &str) -> Result<(), IpcError> {
        let org = self.catalog.remove(alias, self.vault()?)?;
        // Leftovers are harmless (no secret is kept in them), so failures are ignored.
        let _ = std::fs::remove_file(orgkey_core::certs::saved_path(&self.home, &org.id.0));
        let _ = std::fs::remove_dir_all(self.home.join("webviews").join(&org.id.0));
        Ok(())
    }

    /// Which of the editor's secrets the keychain holds for the org.
    pub fn stored_secrets(&self, org: &Org) -> Result<Vec<SecretField>, IpcError> {
        let vault = self.vault()?;
        let mut stored = Vec::new();
        for field in SecretField::ALL {
            if vault.get(&org.id.0, field.kind())?.is_some() {
                stored.push(field);
            }
        }
        Ok(stored)
    }
}

fn missing_secret(field: SecretField) -> FieldProblem {
    let (message, fix) = match field {
        SecretField::ClientSecret => (
            "The client secret (consumer secret) is needed for this flow.",
            "Copy it from the app in Salesforce Setup (App Manager → View → Manage Consumer Details).",
        ),
        SecretField::Password => (
            "The password is needed for this flow.",
            "Type the user's password; the security token has its own field.",
        ),
        SecretField::SfdxAuthUrl => (
            "An SFDX auth URL is needed to import this org.",
            "Paste the URL `sf org auth show-sfdx-auth-url --target-org ALIAS` prints (force://…).",
        ),
        SecretField::SecurityToken | SecretField::PrivateKey => (
            "This secret is needed for this flow.",
            "Fill it in, then save.",
        ),
    };
    FieldProblem::new(field.into(), message, fix)
}
