//! What a contractor import did, row by row, and how it is told.

use coverdesk_ipc::records_csv::{ImportPreview, ImportRow};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOutcome {
    /// Line and new contractor ID.
    pub created: Vec<(u64, String)>,
    /// Line and why the API refused it.
    pub failed: Vec<(u64, String)>,
    /// Line and the problems that kept it from being sent.
    pub skipped: Vec<(u64, String)>,
}

/// The rows that pass the checks, in file order: what "Create N contractors" sends.
pub fn ready_rows(preview: &ImportPreview) -> Vec<ImportRow> {
    preview
        .rows
        .iter()
        .filter(|row| row.errors.is_empty())
        .cloned()
        .collect()
}

/// A row's problems in one line, in the order of the file's columns.
pub fn problems_text(row: &ImportRow) -> String {
    row.errors.values().cloned().collect::<Vec<_>>().join("; ")
}

impl ImportOutcome {
    /// Starts with the rows that will not be sent.
    pub fn new(preview: &ImportPreview) -> ImportOutcome {
        ImportOutcome {
            skipped: preview
                .rows
                .iter()
                .filter(|row| !row.errors.is_empty())
                .map(|row| (row.line, problems_text(row)))
                .collect(),
            ..ImportOutcome::default()
        }
    }

    pub fn done(&self) -> usize {
        self.created.len() + self.failed.len()
    }

    /// "Created 2 contractors; 1 failed; 1 skipped (invalid)."
    pub fn headline(&self) -> String {
        let created = match self.created.len() {
            1 => "Created 1 contractor".to_owned(),
            n => format!("Created {n} contractors"),
        };
        format!(
            "{created}; {} failed; {} skipped (invalid).",
            self.failed.len(),
            self.skipped.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use ten99::ContractorInput;

    fn row(line: u64, errors: &[(&str, &str)]) -> ImportRow {
        ImportRow {
            line,
            input: ContractorInput::default(),
            errors: errors
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
        }
    }

    #[test]
    fn only_rows_without_problems_are_sent_and_the_rest_are_counted_as_skipped() {
        let preview = ImportPreview {
            rows: vec![
                row(2, &[]),
                row(
                    3,
                    &[
                        ("email", "Enter a valid email"),
                        ("phone", "Phone is required"),
                    ],
                ),
                row(4, &[]),
            ],
            ..Default::default()
        };
        let ready: Vec<u64> = ready_rows(&preview).iter().map(|r| r.line).collect();
        assert_eq!(ready, [2, 4]);
        let mut outcome = ImportOutcome::new(&preview);
        assert_eq!(
            outcome.skipped,
            [(3, "Enter a valid email; Phone is required".to_owned())]
        );
        outcome.created.push((2, "cn_a".into()));
        outcome
            .failed
            .push((4, "A contractor with this email already exists".into()));
        assert_eq!(outcome.done(), 2);
        assert_eq!(
            outcome.headline(),
            "Created 1 contractor; 1 failed; 1 skipped (invalid)."
        );
    }
}
