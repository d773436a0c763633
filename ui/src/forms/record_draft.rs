//! [`RecordDraft`]: what the one record form (`components::record_form`) needs of a
//! kind's draft. The three impls forward to the drafts' own tested methods.

use super::{contractor_draft, entity_draft, job_draft};
use super::{ContractorDraft, EntityDraft, JobDraft};
use crate::ipc::records::Record;
use serde::de::DeserializeOwned;
use serde::Serialize;
use ten99::{Contractor, ContractorUpdate, Entity, EntityUpdate, FieldErrors, Job, JobUpdate};

/// A form's values as typed (`Default`: the empty form), kept as a draft in the backend.
pub trait RecordDraft:
    Clone + Default + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static
{
    type Record: Record;
    /// The paths of the form's inputs, in the order a person fills them in.
    const FIELD_PATHS: &'static [&'static str];

    /// The edit form's starting values.
    fn from_record(record: &Self::Record) -> Self;
    /// Only what changed since `original`.
    fn changes_since(&self, original: &Self) -> <Self::Record as Record>::Update;
    fn problems(&self) -> FieldErrors;
    /// The create request.
    fn input(&self) -> <Self::Record as Record>::Input;
    /// What the form holds after a create: by default, nothing.
    fn after_create(&self) -> Self {
        Self::default()
    }
}

impl RecordDraft for ContractorDraft {
    type Record = Contractor;
    const FIELD_PATHS: &'static [&'static str] = &contractor_draft::FIELD_PATHS;

    fn from_record(record: &Contractor) -> Self {
        ContractorDraft::from_record(record)
    }
    fn changes_since(&self, original: &Self) -> ContractorUpdate {
        ContractorDraft::changes_since(self, original)
    }
    fn problems(&self) -> FieldErrors {
        ContractorDraft::problems(self)
    }
    fn input(&self) -> ten99::ContractorInput {
        self.to_input()
    }
}

impl RecordDraft for EntityDraft {
    type Record = Entity;
    const FIELD_PATHS: &'static [&'static str] = &entity_draft::FIELD_PATHS;

    fn from_record(record: &Entity) -> Self {
        EntityDraft::from_record(record)
    }
    fn changes_since(&self, original: &Self) -> EntityUpdate {
        EntityDraft::changes_since(self, original)
    }
    fn problems(&self) -> FieldErrors {
        self.checked().1
    }
    fn input(&self) -> ten99::EntityInput {
        self.checked().0
    }
}

impl RecordDraft for JobDraft {
    type Record = Job;
    const FIELD_PATHS: &'static [&'static str] = &job_draft::FIELD_PATHS;

    fn from_record(record: &Job) -> Self {
        JobDraft::from_record(record)
    }
    fn changes_since(&self, original: &Self) -> JobUpdate {
        JobDraft::changes_since(self, original)
    }
    fn problems(&self) -> FieldErrors {
        self.checked().1
    }
    fn input(&self) -> ten99::JobInput {
        self.checked().0
    }
    /// Keeps the entity: the next job is most often for the same company.
    fn after_create(&self) -> Self {
        JobDraft {
            entity: self.entity.clone(),
            ..JobDraft::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_a_create_only_a_jobs_entity_stays() {
        let job = JobDraft {
            name: "Field technician".into(),
            entity: "en_1".into(),
            wage: "120".into(),
            ..JobDraft::default()
        };
        let next = job.after_create();
        assert_eq!(next.entity, "en_1");
        assert_eq!(
            next,
            JobDraft {
                entity: "en_1".into(),
                ..JobDraft::default()
            }
        );
        let entity = EntityDraft {
            name: "Lake View Bowl".into(),
            ..EntityDraft::default()
        };
        assert_eq!(entity.after_create(), EntityDraft::default());
    }
}
