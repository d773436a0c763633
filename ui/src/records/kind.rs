//! The three kinds of record a person keeps in Coverdesk (contractors, entities, jobs),
//! and the words and backend commands each goes by. The record pages, lists, detail views
//! and forms are the same machinery for all three; what they say comes from here.

use coverdesk_ipc::drafts::DraftForm;
use coverdesk_ipc::records_csv::RecordKind as ExportKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Contractor,
    Entity,
    Job,
}

/// The backend commands of one kind (`src-tauri/src/commands/<plural>.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Commands {
    pub list: &'static str,
    pub create: &'static str,
    pub update: &'static str,
    pub delete: &'static str,
    pub detail: &'static str,
}

impl RecordKind {
    /// Singular, as in ids (`contractor-delete`) and action labels.
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::Contractor => "contractor",
            RecordKind::Entity => "entity",
            RecordKind::Job => "job",
        }
    }

    /// Lower case: `contractors`; also the resource `cache-changed` names.
    pub fn plural(self) -> &'static str {
        match self {
            RecordKind::Contractor => "contractors",
            RecordKind::Entity => "entities",
            RecordKind::Job => "jobs",
        }
    }

    /// The heading of the list: `Contractors`.
    pub fn title(self) -> &'static str {
        match self {
            RecordKind::Contractor => "Contractors",
            RecordKind::Entity => "Entities",
            RecordKind::Job => "Jobs",
        }
    }

    /// What the detail view says until the record is back (a `&'static` for `loading_note`).
    pub fn loading_text(self) -> &'static str {
        match self {
            RecordKind::Contractor => "Loading the contractor…",
            RecordKind::Entity => "Loading the entity…",
            RecordKind::Job => "Loading the job…",
        }
    }

    pub fn commands(self) -> Commands {
        use coverdesk_ipc::{contractors, entities, jobs};
        match self {
            RecordKind::Contractor => Commands {
                list: contractors::command::LIST,
                create: contractors::command::CREATE,
                update: contractors::command::UPDATE,
                delete: contractors::command::DELETE,
                detail: contractors::command::DETAIL,
            },
            RecordKind::Entity => Commands {
                list: entities::command::LIST,
                create: entities::command::CREATE,
                update: entities::command::UPDATE,
                delete: entities::command::DELETE,
                detail: entities::command::DETAIL,
            },
            RecordKind::Job => Commands {
                list: jobs::command::LIST,
                create: jobs::command::CREATE,
                update: jobs::command::UPDATE,
                delete: jobs::command::DELETE,
                detail: jobs::command::DETAIL,
            },
        }
    }

    /// Which list the CSV export writes.
    pub fn export(self) -> ExportKind {
        match self {
            RecordKind::Contractor => ExportKind::Contractors,
            RecordKind::Entity => ExportKind::Entities,
            RecordKind::Job => ExportKind::Jobs,
        }
    }

    /// Under which name the backend keeps the form's draft.
    pub fn draft_form(self) -> DraftForm {
        match self {
            RecordKind::Contractor => DraftForm::Contractor,
            RecordKind::Entity => DraftForm::Entity,
            RecordKind::Job => DraftForm::Job,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_names_agree_with_the_backend() {
        for kind in [RecordKind::Contractor, RecordKind::Entity, RecordKind::Job] {
            assert_eq!(kind.export().as_str(), kind.plural());
            assert_eq!(kind.draft_form().as_str(), kind.noun());
            assert!(kind.commands().list.starts_with(kind.plural()));
        }
    }
}
