//! The `contractors` table.

use super::table::Table;
use super::{paging, scope, CachedStatements, Page, Store};
use crate::auth::Tenant;
use crate::error::Error;
use rusqlite::OptionalExtension;
use serde_json::Value;

pub struct Contractors<'a> {
    store: &'a Store,
}

/// A contractor about to be stored: its public object plus what is never returned.
pub struct NewContractor<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub created: i64,
    pub tax_identification: Option<&'a str>,
    pub body: &'a Value,
}

impl Store {
    pub fn contractors(&self) -> Contractors<'_> {
        Contractors { store: self }
    }

    /// The same table through the generic accessor, for lookups and deletes.
    pub fn contractors_table(&self) -> Table<'_> {
        Table::new(self, "contractors")
    }
}

impl Contractors<'_> {
    /// Stores a new contractor unless the email is already taken in this tenant and
    /// environment. The check and the insert happen under one lock, so two racing
    /// creates cannot both win.
    pub fn create(&self, tenant: &Tenant, new: NewContractor<'_>) -> Result<(), Error> {
        let conn = self.store.lock();
        let (key, environment) = scope(tenant);
        // Exact match, like the list's documented case-sensitive `email` filter, so
        // the contractor that blocks a create is the one the filter finds.
        let existing: Option<String> = conn
            .query_row_cached(
                "SELECT id FROM contractors WHERE tenant = ?1 AND environment = ?2 AND email = ?3",
                (key, environment, new.email),
                |row| row.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            return Err(Error::DuplicateEmail(format!(
                "A contractor with email {} already exists ({id}).",
                new.email
            )));
        }
        conn.execute_cached(
            "INSERT INTO contractors (tenant, environment, id, email, tax_identification, created, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (key, environment, new.id, new.email, new.tax_identification, new.created, new.body.to_string()),
        )?;
        Ok(())
    }

    /// Replaces contractor `id`'s object, its email and (when `Some`) its tax ID,
    /// unless the email belongs to another contractor: checked under the same lock
    /// as the write, like `create`.
    pub fn update(
        &self,
        tenant: &Tenant,
        id: &str,
        email: &str,
        tax_identification: Option<Option<&str>>,
        body: &Value,
    ) -> Result<(), Error> {
        let conn = self.store.lock();
        let (key, environment) = scope(tenant);
        let other: Option<String> = conn
            .query_row_cached(
                "SELECT id FROM contractors WHERE tenant = ?1 AND environment = ?2 AND email = ?3 AND id != ?4",
                (key, environment, email, id),
                |row| row.get(0),
            )
            .optional()?;
        if let Some(other) = other {
            return Err(Error::DuplicateEmail(format!(
                "A contractor with email {email} already exists ({other})."
            )));
        }
        conn.execute_cached(
            "UPDATE contractors SET email = ?4, body = ?5 WHERE tenant = ?1 AND environment = ?2 AND id = ?3",
            (key, environment, id, email, body.to_string()),
        )?;
        if let Some(tax) = tax_identification {
            conn.execute_cached(
                "UPDATE contractors SET tax_identification = ?4 WHERE tenant = ?1 AND environment = ?2 AND id = ?3",
                (key, environment, id, tax),
            )?;
        }
        Ok(())
    }

    pub fn get(&self, tenant: &Tenant, id: &str) -> Result<Option<Value>, Error> {
        let conn = self.store.lock();
        let (key, environment) = scope(tenant);
        let body: Option<String> = conn
            .query_row_cached(
                "SELECT body FROM contractors WHERE tenant = ?1 AND environment = ?2 AND id = ?3",
                (key, environment, id),
                |row| row.get(0),
            )
            .optional()?;
        body.map(|b| parse(&b)).transpose()
    }

    pub fn list(
        &self,
        tenant: &Tenant,
        email: Option<&str>,
        page: &Page,
    ) -> Result<Vec<Value>, Error> {
        let conn = self.store.lock();
        let filters: Vec<(&str, String)> =
            email.map(|e| ("email", e.to_owned())).into_iter().collect();
        let bodies = paging::list(&conn, "contractors", tenant, &filters, page)?;
        bodies.iter().map(|b| parse(b)).collect()
    }
}

fn parse(body: &str) -> Result<Value, Error> {
    // Bodies are only ever written by us from a `Value`, so this fails only on a
    // hand-edited file; report it as the server fault it is.
    serde_json::from_str(body)
        .map_err(|e| Error::Io(std::io::Error::other(format!("stored contractor: {e}"))))
}
