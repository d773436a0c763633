//! What every object table shares: rows scoped by `(tenant, environment)`, the
//! public object as JSON in `body`, and a few columns lookups filter on. Each
//! table's own file wraps a [`Table`] and adds the queries only it needs.

use super::{paging, scope, CachedStatements, Page, Store};
use crate::auth::Tenant;
use crate::error::Error;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;
use ten99::Environment;

/// One table of objects.
#[derive(Clone, Copy)]
pub struct Table<'a> {
    pub(super) store: &'a Store,
    pub(super) name: &'static str,
}

/// A `column = value` condition or assignment.
pub type Column<'a> = (&'a str, Sql);

impl<'a> Table<'a> {
    pub(super) fn new(store: &'a Store, name: &'static str) -> Table<'a> {
        Table { store, name }
    }

    /// Stores a new object; `columns` fill the table's lookup columns.
    pub fn insert(
        &self,
        tenant: &Tenant,
        id: &str,
        created: i64,
        columns: &[Column<'_>],
        body: &Value,
    ) -> Result<(), Error> {
        insert(
            &self.store.lock(),
            self.name,
            tenant,
            id,
            created,
            columns,
            body,
        )
    }

    pub fn get(&self, tenant: &Tenant, id: &str) -> Result<Option<Value>, Error> {
        get(&self.store.lock(), self.name, tenant, id)
    }

    /// Replaces the object (and any lookup columns given); false if there is none.
    pub fn update(
        &self,
        tenant: &Tenant,
        id: &str,
        columns: &[Column<'_>],
        body: &Value,
    ) -> Result<bool, Error> {
        update(&self.store.lock(), self.name, tenant, id, columns, body)
    }

    /// Removes the object; false if there was none.
    pub fn delete(&self, tenant: &Tenant, id: &str) -> Result<bool, Error> {
        let (key, environment) = scope(tenant);
        let n = self.store.lock().execute_cached(
            &format!(
                "DELETE FROM {} WHERE tenant = ?1 AND environment = ?2 AND id = ?3",
                self.name
            ),
            (key, environment, id),
        )?;
        Ok(n == 1)
    }

    /// One page, newest first (reference §3), of the objects matching `filters`.
    pub fn list(
        &self,
        tenant: &Tenant,
        filters: &[(&str, String)],
        page: &Page,
    ) -> Result<Vec<Value>, Error> {
        let bodies = paging::list(&self.store.lock(), self.name, tenant, filters, page)?;
        bodies.iter().map(|b| parse(b)).collect()
    }

    /// Every object matching `filters`, newest first.
    pub fn find(&self, tenant: &Tenant, filters: &[Column<'_>]) -> Result<Vec<Value>, Error> {
        find(&self.store.lock(), self.name, tenant, filters, "")
    }

    /// Object `id` in `environment`, whoever holds it, with its holder: document
    /// links work without a key, like the real service's storage links.
    pub fn locate(
        &self,
        environment: Environment,
        id: &str,
    ) -> Result<Option<(Tenant, Value)>, Error> {
        let row: Option<(String, String)> = self
            .store
            .lock()
            .query_row_cached(
                &format!(
                    "SELECT tenant, body FROM {} WHERE environment = ?1 AND id = ?2",
                    self.name
                ),
                (environment.as_str(), id),
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        row.map(|(key, body)| Ok((Tenant { key, environment }, parse(&body)?)))
            .transpose()
    }

    /// Object `id` in any environment, with its holder: for the application page,
    /// which knows nothing but a session id.
    pub fn locate_any(&self, id: &str) -> Result<Option<(Tenant, Value)>, Error> {
        let row: Option<(String, String, String)> = self
            .store
            .lock()
            .query_row_cached(
                &format!(
                    "SELECT tenant, environment, body FROM {} WHERE id = ?1",
                    self.name
                ),
                [id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        let Some((key, environment, body)) = row else {
            return Ok(None);
        };
        let environment = Environment::parse(&environment).unwrap_or(Environment::Sandbox);
        Ok(Some((Tenant { key, environment }, parse(&body)?)))
    }

    /// Whether any object matches `filters`.
    pub fn exists(&self, tenant: &Tenant, filters: &[Column<'_>]) -> Result<bool, Error> {
        Ok(!find(&self.store.lock(), self.name, tenant, filters, " LIMIT 1")?.is_empty())
    }
}

pub(super) fn insert(
    conn: &Connection,
    table: &str,
    tenant: &Tenant,
    id: &str,
    created: i64,
    columns: &[Column<'_>],
    body: &Value,
) -> Result<(), Error> {
    let (key, environment) = scope(tenant);
    let mut names = String::from("tenant, environment, id, created, body");
    let mut params: Vec<Sql> = vec![
        key.to_owned().into(),
        environment.to_owned().into(),
        id.to_owned().into(),
        created.into(),
        body.to_string().into(),
    ];
    for (name, value) in columns {
        names += &format!(", {name}");
        params.push(value.clone());
    }
    let marks: Vec<String> = (1..=params.len()).map(|i| format!("?{i}")).collect();
    conn.prepare_cached(&format!(
        "INSERT INTO {table} ({names}) VALUES ({})",
        marks.join(", ")
    ))?
    .execute(rusqlite::params_from_iter(params))?;
    Ok(())
}

pub(super) fn get(
    conn: &Connection,
    table: &str,
    tenant: &Tenant,
    id: &str,
) -> Result<Option<Value>, Error> {
    let (key, environment) = scope(tenant);
    // Cached: this is the hottest query (every GET by id), and parsing its SQL
    // each time cost more than running it.
    let body: Option<String> = conn
        .prepare_cached(&format!(
            "SELECT body FROM {table} WHERE tenant = ?1 AND environment = ?2 AND id = ?3"
        ))?
        .query_row((key, environment, id), |row| row.get(0))
        .optional()?;
    body.map(|b| parse(&b)).transpose()
}

pub(super) fn update(
    conn: &Connection,
    table: &str,
    tenant: &Tenant,
    id: &str,
    columns: &[Column<'_>],
    body: &Value,
) -> Result<bool, Error> {
    let (key, environment) = scope(tenant);
    let mut params: Vec<Sql> = vec![
        key.to_owned().into(),
        environment.to_owned().into(),
        id.to_owned().into(),
        body.to_string().into(),
    ];
    let mut sets = String::from("body = ?4");
    for (name, value) in columns {
        params.push(value.clone());
        sets += &format!(", {name} = ?{}", params.len());
    }
    let n = conn
        .prepare_cached(&format!(
            "UPDATE {table} SET {sets} WHERE tenant = ?1 AND environment = ?2 AND id = ?3"
        ))?
        .execute(rusqlite::params_from_iter(params))?;
    Ok(n == 1)
}

/// Bodies matching `filters`, newest first; `tail` may add a `LIMIT`.
pub(super) fn find(
    conn: &Connection,
    table: &str,
    tenant: &Tenant,
    filters: &[Column<'_>],
    tail: &str,
) -> Result<Vec<Value>, Error> {
    let (key, environment) = scope(tenant);
    let mut sql = format!("SELECT body FROM {table} WHERE tenant = ?1 AND environment = ?2");
    let mut params: Vec<Sql> = vec![key.to_owned().into(), environment.to_owned().into()];
    for (name, value) in filters {
        params.push(value.clone());
        sql += &format!(" AND {name} = ?{}", params.len());
    }
    sql += " ORDER BY created DESC, seq DESC";
    sql += tail;
    let mut statement = conn.prepare_cached(&sql)?;
    let bodies = statement
        .query_map(rusqlite::params_from_iter(params), |row| {
            row.get::<_, String>(0)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    bodies.iter().map(|b| parse(b)).collect()
}

/// Bodies are only ever written by us from a `Value`, so this fails only on a
/// hand-edited file; reported as the server fault it is.
pub(super) fn parse(body: &str) -> Result<Value, Error> {
    serde_json::from_str(body)
        .map_err(|e| Error::Io(std::io::Error::other(format!("stored object: {e}"))))
}

/// A text column value.
pub fn text(value: &str) -> Sql {
    Sql::Text(value.to_owned())
}
