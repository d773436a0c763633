//! Newest-first pages with id cursors (reference §3), shared by every list endpoint.

use super::{scope, CachedStatements};
use crate::auth::Tenant;
use crate::error::Error;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

/// One page request: how many, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub limit: u32,
    pub cursor: Option<Cursor>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    /// The objects just older than this id.
    StartingAfter(String),
    /// The objects just newer than this id.
    EndingBefore(String),
}

/// The JSON bodies of one page of `table`, newest `created` first and, within one
/// second, newest insertion first, so the order never depends on SQLite's whim.
/// `filters` are `column = value` conditions on top of the tenant scope.
pub(super) fn list(
    conn: &Connection,
    table: &str,
    tenant: &Tenant,
    filters: &[(&str, String)],
    page: &Page,
) -> Result<Vec<String>, Error> {
    let (key, environment) = scope(tenant);
    let mut sql = format!("SELECT body FROM {table} WHERE tenant = ?1 AND environment = ?2");
    let mut params: Vec<Value> = vec![key.to_owned().into(), environment.to_owned().into()];
    for (column, value) in filters {
        params.push(value.clone().into());
        sql += &format!(" AND {column} = ?{}", params.len());
    }
    let newest_first = !matches!(page.cursor, Some(Cursor::EndingBefore(_)));
    if let Some(cursor) = &page.cursor {
        let (field, id) = match cursor {
            Cursor::StartingAfter(id) => ("starting_after", id),
            Cursor::EndingBefore(id) => ("ending_before", id),
        };
        let position: Option<(i64, i64)> = conn
            .query_row_cached(
                &format!("SELECT created, seq FROM {table} WHERE tenant = ?1 AND environment = ?2 AND id = ?3"),
                (key, environment, id),
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let (created, seq) =
            position.ok_or_else(|| Error::invalid(field, format!("No object with id {id}")))?;
        let (c, s) = (params.len() + 1, params.len() + 2);
        let op = if newest_first { "<" } else { ">" };
        sql += &format!(" AND (created {op} ?{c} OR (created = ?{c} AND seq {op} ?{s}))");
        params.push(created.into());
        params.push(seq.into());
    }
    // ending_before walks towards newer objects, nearest the cursor first, then the
    // page is flipped back to newest first.
    let order = if newest_first { "DESC" } else { "ASC" };
    sql += &format!(
        " ORDER BY created {order}, seq {order} LIMIT {}",
        page.limit
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let mut bodies = statement
        .query_map(rusqlite::params_from_iter(params), |row| {
            row.get::<_, String>(0)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if !newest_first {
        bodies.reverse();
    }
    Ok(bodies)
}
