//! Job category codes (`GET /api/v1/category_codes`, reference §2.4): the fixed
//! catalog every sandbox account is approved for, as a bare array of
//! `{"category_code", "name"}`, the only shape the reference shows.

use super::page;
use crate::auth::Tenant;
use crate::catalog::{job_categories, JobCategory};
use crate::error::Error;
use crate::server::AppState;
use crate::store::{Cursor, Page};
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new().route("/category_codes", get(list))
}

/// Paged like every list (`limit`, `starting_after`, `ending_before`), in the
/// catalog's order (by name): the codes have no `created` to sort newest first by.
async fn list(
    // Not used to filter: every account sees the same catalog. Taking it keeps the
    // endpoint behind the same key check as the rest of the API.
    _tenant: Tenant,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<Vec<Value>>, Error> {
    let Query(query) = query.map_err(|e| Error::BadRequest(e.body_text()))?;
    let page = page(&query)?;
    let categories = slice(job_categories::all(), &page)?;
    Ok(Json(
        categories
            .iter()
            .map(|c| json!({"category_code": c.code, "name": c.name}))
            .collect(),
    ))
}

/// One page of `all`: up to `limit` after the `starting_after` code, or the
/// `limit` just before the `ending_before` one.
fn slice<'a>(all: &'a [JobCategory], page: &Page) -> Result<&'a [JobCategory], Error> {
    let limit = page.limit as usize;
    let position = |field: &str, code: &str| {
        all.iter()
            .position(|c| c.code == code)
            .ok_or_else(|| Error::invalid(field, format!("No object with id {code}")))
    };
    Ok(match &page.cursor {
        None => &all[..limit.min(all.len())],
        Some(Cursor::StartingAfter(code)) => {
            let start = position("starting_after", code)? + 1;
            &all[start..(start + limit).min(all.len())]
        }
        Some(Cursor::EndingBefore(code)) => {
            let end = position("ending_before", code)?;
            &all[end.saturating_sub(limit)..end]
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[JobCategory]) -> Vec<&str> {
        list.iter().map(|c| c.code).collect()
    }

    #[test]
    fn pages_walk_the_catalog_both_ways() {
        let all = job_categories::all();
        let page = |limit, cursor| Page { limit, cursor };
        assert_eq!(
            codes(slice(all, &page(10, None)).unwrap()),
            codes(&all[..10])
        );
        let after = Some(Cursor::StartingAfter(all[9].code.into()));
        assert_eq!(
            codes(slice(all, &page(3, after)).unwrap()),
            codes(&all[10..13])
        );
        let before = Some(Cursor::EndingBefore(all[2].code.into()));
        assert_eq!(
            codes(slice(all, &page(10, before)).unwrap()),
            codes(&all[..2])
        );
        let last = Some(Cursor::StartingAfter(all[all.len() - 1].code.into()));
        assert!(slice(all, &page(10, last)).unwrap().is_empty());
        let unknown = Some(Cursor::StartingAfter("jc_nope".into()));
        assert!(slice(all, &page(10, unknown)).is_err());
    }
}
