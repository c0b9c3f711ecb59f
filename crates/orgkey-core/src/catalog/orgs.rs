//! The list of orgs in memory, and the rules it keeps: aliases valid and unique, ids
//! unique, colours well formed.

use std::collections::HashSet;

use super::CatalogError;
use crate::org::{Org, OrgId, validate_alias, validate_color};

/// The orgs, in the order they were added (which is the order people see them in).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Orgs(Vec<Org>);

impl Orgs {
    pub fn new(orgs: Vec<Org>) -> Self {
        Orgs(orgs)
    }

    pub fn as_slice(&self) -> &[Org] {
        &self.0
    }

    pub fn into_vec(self) -> Vec<Org> {
        self.0
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Org> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The org with exactly this alias (case-sensitive).
    pub fn get(&self, alias: &str) -> Option<&Org> {
        self.0.iter().find(|org| org.alias == alias)
    }

    pub fn get_mut(&mut self, alias: &str) -> Option<&mut Org> {
        self.0.iter_mut().find(|org| org.alias == alias)
    }

    pub fn by_id(&self, id: &OrgId) -> Option<&Org> {
        self.0.iter().find(|org| &org.id == id)
    }

    /// Like [`Orgs::get`], but a missing alias is an error a person can read.
    pub fn require(&self, alias: &str) -> Result<&Org, CatalogError> {
        self.get(alias)
            .ok_or_else(|| CatalogError::NotFound(alias.to_owned()))
    }

    pub fn add(&mut self, org: Org) -> Result<(), CatalogError> {
        check_org(&org)?;
        if self.get(&org.alias).is_some() {
            return Err(CatalogError::AliasTaken(org.alias));
        }
        if self.by_id(&org.id).is_some() {
            return Err(CatalogError::IdTaken(org.id));
        }
        self.0.push(org);
        Ok(())
    }

    /// Puts `org` where the org called `alias` was, keeping its place in the list, and
    /// returns the old one. The new org may carry another alias, if that one is free.
    pub fn replace(&mut self, alias: &str, org: Org) -> Result<Org, CatalogError> {
        check_org(&org)?;
        let index = self.index(alias)?;
        let clash = self
            .0
            .iter()
            .enumerate()
            .find(|(i, other)| *i != index && (other.alias == org.alias || other.id == org.id));
        if let Some((_, other)) = clash {
            return Err(if other.alias == org.alias {
                CatalogError::AliasTaken(org.alias)
            } else {
                CatalogError::IdTaken(org.id)
            });
        }
        Ok(std::mem::replace(&mut self.0[index], org))
    }

    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), CatalogError> {
        validate_alias(to)?;
        let index = self.index(from)?;
        if from != to && self.get(to).is_some() {
            return Err(CatalogError::AliasTaken(to.to_owned()));
        }
        self.0[index].alias = to.to_owned();
        Ok(())
    }

    pub fn remove(&mut self, alias: &str) -> Result<Org, CatalogError> {
        let index = self.index(alias)?;
        Ok(self.0.remove(index))
    }

    /// Checks the whole list, as every save does: a change made through
    /// [`Orgs::get_mut`] cannot break the rules unnoticed.
    pub fn validate(&self) -> Result<(), CatalogError> {
        let mut aliases = HashSet::new();
        let mut ids = HashSet::new();
        for org in &self.0 {
            check_org(org)?;
            if !aliases.insert(org.alias.as_str()) {
                return Err(CatalogError::AliasTaken(org.alias.clone()));
            }
            if !ids.insert(&org.id) {
                return Err(CatalogError::IdTaken(org.id.clone()));
            }
        }
        Ok(())
    }

    fn index(&self, alias: &str) -> Result<usize, CatalogError> {
        self.0
            .iter()
            .position(|org| org.alias == alias)
            .ok_or_else(|| CatalogError::NotFound(alias.to_owned()))
    }
}

impl<'a> IntoIterator for &'a Orgs {
    type Item = &'a Org;
    type IntoIter = std::slice::Iter<'a, Org>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

fn check_org(org: &Org) -> Result<(), CatalogError> {
    validate_alias(&org.alias)?;
    if let Some(color) = &org.color {
        validate_color(color)?;
    }
    Ok(())
}
