//! The `policies` table (reference §2.7).
//!
//! `status` holds what the API set (`active` or `cancelled`); a policy whose
//! `expiration_date` the tenant's clock has passed is expired, so "active" queries
//! take that clock's `now`.

use super::table::{self, Column, Table};
use super::{scope, CachedStatements, Store};
use crate::auth::Tenant;
use crate::error::Error;
use rusqlite::OptionalExtension;
use serde_json::Value;
use std::ops::Deref;

pub struct Policies<'a>(pub Table<'a>);

impl<'a> Deref for Policies<'a> {
    type Target = Table<'a>;
    fn deref(&self) -> &Table<'a> {
        &self.0
    }
}

/// A policy about to be stored.
pub struct NewPolicy<'a> {
    pub id: &'a str,
    pub created: i64,
    pub quote: &'a str,
    pub contractor: &'a str,
    pub job: &'a str,
    pub expiration_date: i64,
    /// What was bound (contractor, entity, job, quote), for the PDFs.
    pub bound: &'a Value,
    pub body: &'a Value,
}

/// What makes two covers the same (reference §2.5, repeat coverage).
pub struct CoverKey<'a> {
    pub contractor: &'a str,
    pub coverage: &'a str,
    pub category_code: &'a str,
    pub work_state: &'a str,
    pub residence_state: &'a str,
}

impl Store {
    pub fn policies(&self) -> Policies<'_> {
        Policies(Table::new(self, "policies"))
    }
}

impl Policies<'_> {
    /// Stores a policy unless its quote already has one, under one lock so two
    /// binds of the same quote cannot both win. Returns the existing policy's id.
    pub fn create(&self, tenant: &Tenant, new: NewPolicy<'_>) -> Result<Option<String>, Error> {
        let conn = self.store.lock();
        let (key, environment) = scope(tenant);
        let existing: Option<String> = conn
            .query_row_cached(
                "SELECT id FROM policies WHERE tenant = ?1 AND environment = ?2 AND quote = ?3",
                (key, environment, new.quote),
                |row| row.get(0),
            )
            .optional()?;
        if existing.is_some() {
            return Ok(existing);
        }
        let columns: [Column<'_>; 6] = [
            ("quote", table::text(new.quote)),
            ("contractor", table::text(new.contractor)),
            ("job", table::text(new.job)),
            ("status", table::text("active")),
            ("expiration_date", new.expiration_date.into()),
            ("bound", table::text(&new.bound.to_string())),
        ];
        table::insert(
            &conn,
            "policies",
            tenant,
            new.id,
            new.created,
            &columns,
            new.body,
        )?;
        Ok(None)
    }

    /// The contractor's policies in force at `now`, newest first.
    pub fn active_for_contractor(
        &self,
        tenant: &Tenant,
        contractor: &str,
        now: i64,
    ) -> Result<Vec<Value>, Error> {
        self.active_where(tenant, "contractor = ?3", contractor, now)
    }

    /// Policies in force at `now` for jobs of `entity`, newest first.
    pub fn active_for_entity(
        &self,
        tenant: &Tenant,
        entity: &str,
        now: i64,
    ) -> Result<Vec<Value>, Error> {
        self.active_where(
            tenant,
            "job IN (SELECT id FROM jobs WHERE tenant = ?1 AND environment = ?2 AND entity = ?3)",
            entity,
            now,
        )
    }

    fn active_where(
        &self,
        tenant: &Tenant,
        condition: &str,
        value: &str,
        now: i64,
    ) -> Result<Vec<Value>, Error> {
        let conn = self.store.lock();
        let (key, environment) = scope(tenant);
        let mut statement = conn.prepare_cached(&format!(
            "SELECT body FROM policies WHERE tenant = ?1 AND environment = ?2 AND {condition}
             AND status = 'active' AND expiration_date > ?4 ORDER BY created DESC, seq DESC"
        ))?;
        let bodies = statement
            .query_map((key, environment, value, now), |row| {
                row.get::<_, String>(0)
            })?
            .collect::<Result<Vec<_>, _>>()?;
        bodies.iter().map(|b| table::parse(b)).collect()
    }

    /// The id of a policy in force at `now` whose quote covers the same as `key`.
    pub fn matching(
        &self,
        tenant: &Tenant,
        cover: &CoverKey<'_>,
        now: i64,
    ) -> Result<Option<String>, Error> {
        let conn = self.store.lock();
        let (key, environment) = scope(tenant);
        conn.query_row_cached(
            "SELECT p.id FROM policies p JOIN quotes q
               ON q.tenant = p.tenant AND q.environment = p.environment AND q.id = p.quote
             WHERE p.tenant = ?1 AND p.environment = ?2 AND p.contractor = ?3
               AND p.status = 'active' AND p.expiration_date > ?4
               AND q.coverage = ?5 AND q.category_code = ?6
               AND q.work_state = ?7 AND q.residence_state = ?8
             LIMIT 1",
            rusqlite::params![
                key,
                environment,
                cover.contractor,
                now,
                cover.coverage,
                cover.category_code,
                cover.work_state,
                cover.residence_state
            ],
            |row| row.get(0),
        )
        .optional()
        .map_err(Error::from)
    }

    /// Sets `status` and the object together.
    pub fn set(
        &self,
        tenant: &Tenant,
        id: &str,
        status: &str,
        body: &Value,
    ) -> Result<bool, Error> {
        self.update(tenant, id, &[("status", table::text(status))], body)
    }

    /// What was bound with policy `id`, for its documents.
    pub fn bound(&self, tenant: &Tenant, id: &str) -> Result<Option<Value>, Error> {
        let (key, environment) = scope(tenant);
        let bound: Option<String> = self
            .store
            .lock()
            .query_row_cached(
                "SELECT bound FROM policies WHERE tenant = ?1 AND environment = ?2 AND id = ?3",
                (key, environment, id),
                |row| row.get(0),
            )
            .optional()?;
        bound.map(|b| table::parse(&b)).transpose()
    }
}
