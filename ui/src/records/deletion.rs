//! What a delete confirmation says: the record, that it is for good, and what else the
//! API cancels with it (reference §2.1–2.3).

use crate::bidi::isolate;
use crate::records::kind::RecordKind;

impl RecordKind {
    /// The question and its consequences, for the confirmation dialog.
    pub fn delete_warning(self, name: &str) -> (String, &'static str) {
        let question = format!("Delete {} {}?", self.noun(), isolate(name));
        let consequence = match self {
            RecordKind::Contractor => {
                "This deletes the contractor at 1099Policy for good and immediately cancels all of their active policies. It cannot be undone."
            }
            RecordKind::Entity => {
                "This deletes the entity at 1099Policy for good and cancels the policies tied to its active jobs. It cannot be undone."
            }
            RecordKind::Job => {
                "This deletes the job at 1099Policy for good. The API reference names nothing else it cancels; it may refuse a job that quotes or assignments still use. It cannot be undone."
            }
        };
        (question, consequence)
    }

    /// The bulk bar's question: how many, for good, and the same consequences.
    pub fn bulk_delete_warning(self, count: usize) -> (String, &'static str) {
        let question = format!("Delete {}?", self.counted(count));
        let (_, consequence) = self.delete_warning("");
        (question, consequence)
    }

    /// "1 contractor", "3 contractors".
    pub fn counted(self, count: usize) -> String {
        let noun = if count == 1 {
            self.noun()
        } else {
            self.plural()
        };
        format!("{count} {noun}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_says_what_it_cancels() {
        let (question, consequence) = RecordKind::Contractor.delete_warning("Ann Lee");
        assert_eq!(question, "Delete contractor \u{2068}Ann Lee\u{2069}?");
        assert!(consequence.contains("cancels all of their active policies"));
        let (_, entity) = RecordKind::Entity.delete_warning("Lake View Bowl");
        assert!(entity.contains("policies tied to its active jobs"));
        let (_, job) = RecordKind::Job.delete_warning("Tech");
        assert!(job.contains("cannot be undone"));
    }

    #[test]
    fn a_bulk_delete_counts_what_it_deletes() {
        let (question, consequence) = RecordKind::Contractor.bulk_delete_warning(2);
        assert_eq!(question, "Delete 2 contractors?");
        assert!(consequence.contains("cancels all of their active policies"));
        assert_eq!(RecordKind::Entity.counted(1), "1 entity");
    }
}
