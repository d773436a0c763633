//! Arguments the contractor, entity and job commands share.

use serde::Serialize;

/// `{ id }`: delete and detail.
#[derive(Serialize)]
pub struct IdArgs<'a> {
    pub id: &'a str,
}

/// `{ id, update }`: a partial PUT.
#[derive(Serialize)]
pub struct UpdateArgs<'a, U> {
    pub id: &'a str,
    pub update: &'a U,
}
