//! Contractors, entities and jobs: `src-tauri/src/commands/{contractors,entities,jobs}.rs`.
//! The three have the same five commands with the same arguments; [`Record`] says what
//! differs (the types, the names), and one call of each serves all three.

use super::{invoke, write};
use crate::records::kind::RecordKind;
use coverdesk_ipc::ErrorView;
use coverdesk_ipc::{contractors::ContractorDetail, entities::EntityDetail, jobs::JobDetail};
use serde::de::DeserializeOwned;
use serde::Serialize;
use ten99::{Contractor, ContractorInput, ContractorUpdate, Deleted};
use ten99::{Entity, EntityInput, EntityUpdate, Job, JobInput, JobUpdate};

/// One kind of record as the backend speaks of it.
pub trait Record: Clone + PartialEq + Send + Sync + DeserializeOwned + 'static {
    const KIND: RecordKind;
    type Input: Serialize + 'static;
    type Update: Serialize + PartialEq + Default + Send + Sync + 'static;
    /// The record and its related records.
    type Detail: DeserializeOwned + Clone + Send + Sync + 'static;

    fn id(&self) -> &str;
    /// How a person knows it ("Ann Lee"): the detail's heading and the update's label.
    fn name(&self) -> String;
    /// The name in the create's action label, from what is about to be sent.
    fn input_name(input: &Self::Input) -> String;
    /// The name in the toast after a create or a save.
    fn saved_name(&self) -> String;
    /// The name in the delete's action label and toasts.
    fn deleted_name(&self) -> String;
    fn in_detail(detail: &Self::Detail) -> &Self;
}

#[derive(Serialize)]
struct ListArgs<'a> {
    search: Option<&'a str>,
}

#[derive(Serialize)]
struct CreateArgs<'a, I> {
    input: &'a I,
}

/// `{ id }`: delete and detail.
#[derive(Serialize)]
struct IdArgs<'a> {
    id: &'a str,
}

/// `{ id, update }`: a partial PUT.
#[derive(Serialize)]
struct UpdateArgs<'a, U> {
    id: &'a str,
    update: &'a U,
}

/// The records in the backend's cache, optionally narrowed by `search`.
pub async fn list<R: Record>(search: Option<&str>) -> Result<Vec<R>, ErrorView> {
    invoke(R::KIND.commands().list, &ListArgs { search }).await
}

pub async fn create<R: Record>(input: &R::Input) -> Result<R, ErrorView> {
    let action = format!("Create {} {}", R::KIND.noun(), R::input_name(input));
    write(R::KIND.commands().create, &CreateArgs { input }, &action).await
}

/// Changes the fields set in `update`; `name` is how the person knows the record
/// ("Ann Lee"), for the action label.
pub async fn update<R: Record>(id: &str, update: &R::Update, name: &str) -> Result<R, ErrorView> {
    let action = format!("Update {} {name}", R::KIND.noun());
    write(
        R::KIND.commands().update,
        &UpdateArgs { id, update },
        &action,
    )
    .await
}

/// Not generic: every kind's delete replies the same [`Deleted`].
pub async fn delete(kind: RecordKind, id: &str, name: &str) -> Result<Deleted, ErrorView> {
    let action = format!("Delete {} {name}", kind.noun());
    write(kind.commands().delete, &IdArgs { id }, &action).await
}

/// Deletes `ids` one by one, after one confirmation in production covering them all
/// (the backend's permit counts the deletes). Yields each id with its result, in order,
/// as it goes: `on_each` gets the ones done so far, for a progress line.
pub async fn delete_each(
    kind: RecordKind,
    ids: &[String],
    mut on_each: impl FnMut(usize),
) -> Result<Vec<(String, Result<Deleted, ErrorView>)>, ErrorView> {
    let action = format!("Delete {}", kind.counted(ids.len()));
    let changes = u32::try_from(ids.len()).unwrap_or(u32::MAX);
    super::confirm(&action, changes).await?;
    let mut results = Vec::with_capacity(ids.len());
    for (done, id) in ids.iter().enumerate() {
        let result = invoke(kind.commands().delete, &IdArgs { id }).await;
        results.push((id.clone(), result));
        on_each(done + 1);
    }
    Ok(results)
}

pub async fn detail<R: Record>(id: &str) -> Result<R::Detail, ErrorView> {
    invoke(R::KIND.commands().detail, &IdArgs { id }).await
}

// The names are as the pages always said them: only some are isolated (`bidi`), and the
// journeys read these texts.

impl Record for Contractor {
    const KIND: RecordKind = RecordKind::Contractor;
    type Input = ContractorInput;
    type Update = ContractorUpdate;
    type Detail = ContractorDetail;

    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> String {
        self.full_name()
    }
    fn input_name(input: &ContractorInput) -> String {
        format!("{} {}", input.first_name, input.last_name)
    }
    fn saved_name(&self) -> String {
        crate::bidi::isolate(&self.full_name())
    }
    fn deleted_name(&self) -> String {
        self.full_name()
    }
    fn in_detail(detail: &ContractorDetail) -> &Self {
        &detail.contractor
    }
}

impl Record for Entity {
    const KIND: RecordKind = RecordKind::Entity;
    type Input = EntityInput;
    type Update = EntityUpdate;
    type Detail = EntityDetail;

    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> String {
        self.name.clone()
    }
    fn input_name(input: &EntityInput) -> String {
        input.name.clone()
    }
    fn saved_name(&self) -> String {
        self.name.clone()
    }
    fn deleted_name(&self) -> String {
        self.name.clone()
    }
    fn in_detail(detail: &EntityDetail) -> &Self {
        &detail.entity
    }
}

impl Record for Job {
    const KIND: RecordKind = RecordKind::Job;
    type Input = JobInput;
    type Update = JobUpdate;
    type Detail = JobDetail;

    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> String {
        self.name.clone()
    }
    fn input_name(input: &JobInput) -> String {
        input.name.clone()
    }
    fn saved_name(&self) -> String {
        crate::bidi::isolate(&self.name)
    }
    fn deleted_name(&self) -> String {
        crate::bidi::isolate(&self.name)
    }
    fn in_detail(detail: &JobDetail) -> &Self {
        &detail.job
    }
}
