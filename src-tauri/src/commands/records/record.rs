//! [`Record`]: what a contractor, an entity and a job do differently when they are
//! listed, written, shown and refreshed. Everything they do alike is written once, in
//! the generic steps of [`super`].

use crate::audit::Identified;
use crate::cache::{Cache, RecordTable};
use crate::error::Result;
use crate::state::Active;
use serde::de::DeserializeOwned;
use std::future::Future;
use ten99::client::{Client, Error as ClientError};
use ten99::{Deleted, FieldErrors};

/// One kind of API record the app caches, edits and shows: [`ten99::Contractor`],
/// [`ten99::Entity`] or [`ten99::Job`].
///
/// The calls return `impl Future + Send` rather than being `async fn`s: the generic
/// steps run inside `#[tauri::command]`s, whose futures must be `Send`, and a bare
/// `async fn` in a trait does not promise that to generic code. Implementations still
/// write `async fn`.
pub(crate) trait Record: Identified + DeserializeOwned + Send + Sync + 'static {
    /// What a create sends (`ContractorInput`, …).
    type Input: Send + Sync;
    /// What a partial update sends: fields left `None` stay as they are.
    type Update: Send + Sync;
    /// What the detail page shows: the record and the records related to it.
    type Detail;

    /// The cache table holding this kind; its name is also what `cache-changed` carries.
    const TABLE: RecordTable;
    /// The API's singular name, as the audit log records it (`contractor`).
    const KIND: &'static str;

    /// The cached records matching `search`, newest first (the table's `list_…`).
    fn cached(cache: &Cache, search: Option<&str>) -> Result<Vec<Self>>;
    /// Writes records the API returned into the cache (the table's `upsert_…`).
    fn cache(cache: &Cache, records: &[Self], now: i64) -> Result<()>;

    /// The input as it is checked and sent: what people type with stray spaces, trimmed.
    fn normalized_input(input: Self::Input) -> Self::Input;
    /// [`Record::normalized_input`] for the fields an update sets.
    fn normalized_update(update: Self::Update) -> Self::Update;
    /// `ten99`'s checks, the same the form runs as the person types.
    fn validate_input(input: &Self::Input) -> FieldErrors;
    /// [`Record::validate_input`] for the fields an update sets.
    fn validate_update(update: &Self::Update) -> FieldErrors;

    /// `POST` through `client.<kind>()`, with a fresh idempotency key.
    fn send_create(
        client: &Client,
        input: &Self::Input,
    ) -> impl Future<Output = std::result::Result<Self, ClientError>> + Send;
    /// The partial `PUT`.
    fn send_update(
        client: &Client,
        id: &str,
        update: &Self::Update,
    ) -> impl Future<Output = std::result::Result<Self, ClientError>> + Send;
    fn send_delete(
        client: &Client,
        id: &str,
    ) -> impl Future<Output = std::result::Result<Deleted, ClientError>> + Send;
    /// One record by id, for a detail the cache has not seen yet.
    fn fetch(
        client: &Client,
        id: &str,
    ) -> impl Future<Output = std::result::Result<Self, ClientError>> + Send;

    /// The detail of `record` (the one with `id`, already cached): what relates to it,
    /// from the cache or the API.
    fn detail(
        active: &Active,
        record: Self,
        id: &str,
    ) -> impl Future<Output = Result<Self::Detail>> + Send;
}

/// `impl Record for $kind`, from the names that are all that differ between kinds for
/// most of its items: the table and the audit name, the client resource, the table's
/// cache functions, and which typed fields are trimmed. Its detail is composed by
/// `$compose`, an `async fn(&Active, $kind, &str) -> Result<$detail>` of the kind's own
/// module.
///
/// A macro because the client resources (`client.contractors()` …) share no trait:
/// `ten99` writes their calls with one macro (`write_methods!`, `get_method!`), so here
/// too one macro names them. The types come with `ten99`'s `validate` methods, which
/// the generic steps call through [`Record::validate_input`].
///
/// ```text
/// record_impl! {
///     Entity(EntityInput, EntityUpdate) -> EntityDetail by with_jobs;
///     table: Entities, audit: "entity", client: entities, trimmed: [name],
///     cache: list_entities, upsert_entities
/// }
/// ```
macro_rules! record_impl {
    (
        $kind:ident($input:ident, $update:ident) -> $detail:ident by $compose:ident;
        table: $table:ident, audit: $audit:literal, client: $resource:ident,
        trimmed: [$($field:ident),* $(,)?],
        cache: $list:ident, $upsert:ident $(,)?
    ) => {
        impl crate::commands::records::Record for $kind {
            type Input = $input;
            type Update = $update;
            type Detail = $detail;
            const TABLE: crate::cache::RecordTable = crate::cache::RecordTable::$table;
            const KIND: &'static str = $audit;

            fn cached(
                cache: &crate::cache::Cache,
                search: Option<&str>,
            ) -> crate::error::Result<Vec<$kind>> {
                cache.$list(search)
            }

            fn cache(
                cache: &crate::cache::Cache,
                records: &[$kind],
                now: i64,
            ) -> crate::error::Result<()> {
                cache.$upsert(records, now)
            }

            fn normalized_input(input: $input) -> $input {
                $input {
                    $($field: input.$field.trim().to_owned(),)*
                    ..input
                }
            }

            fn normalized_update(update: $update) -> $update {
                $update {
                    $($field: update.$field.map(|v| v.trim().to_owned()),)*
                    ..update
                }
            }

            fn validate_input(input: &$input) -> ten99::FieldErrors {
                input.validate()
            }

            fn validate_update(update: &$update) -> ten99::FieldErrors {
                update.validate()
            }

            async fn send_create(
                client: &ten99::client::Client,
                input: &$input,
            ) -> std::result::Result<$kind, ten99::client::Error> {
                client.$resource().create(input).await
            }

            async fn send_update(
                client: &ten99::client::Client,
                id: &str,
                update: &$update,
            ) -> std::result::Result<$kind, ten99::client::Error> {
                client.$resource().update(id, update).await
            }

            async fn send_delete(
                client: &ten99::client::Client,
                id: &str,
            ) -> std::result::Result<ten99::Deleted, ten99::client::Error> {
                client.$resource().delete(id).await
            }

            async fn fetch(
                client: &ten99::client::Client,
                id: &str,
            ) -> std::result::Result<$kind, ten99::client::Error> {
                client.$resource().get(id).await
            }

            async fn detail(
                active: &crate::state::Active,
                record: $kind,
                id: &str,
            ) -> crate::error::Result<$detail> {
                $compose(active, record, id).await
            }
        }
    };
}
pub(crate) use record_impl;
