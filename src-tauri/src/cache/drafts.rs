//! The `drafts` table: one saved draft per form and record (`''` for a create form).

use super::Cache;
use crate::error::Result;
use coverdesk_ipc::drafts::{DraftForm, SavedDraft};
use rusqlite::{params, OptionalExtension};

impl Cache {
    pub fn get_draft(
        &self,
        form: DraftForm,
        record_id: Option<&str>,
    ) -> Result<Option<SavedDraft>> {
        let conn = self.conn();
        let mut statement = conn.prepare_cached(
            "SELECT body, saved_at FROM drafts WHERE form = ?1 AND record_id = ?2",
        )?;
        let draft = statement
            .query_row(params![form.as_str(), record_id.unwrap_or("")], |row| {
                Ok(SavedDraft {
                    body: row.get(0)?,
                    saved_at: row.get(1)?,
                })
            })
            .optional()?;
        Ok(draft)
    }

    pub fn save_draft(
        &self,
        form: DraftForm,
        record_id: Option<&str>,
        body: &str,
        now: i64,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO drafts (form, record_id, body, saved_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (form, record_id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
            params![form.as_str(), record_id.unwrap_or(""), body, now],
        )?;
        Ok(())
    }

    pub fn discard_draft(&self, form: DraftForm, record_id: Option<&str>) -> Result<()> {
        self.conn().execute(
            "DELETE FROM drafts WHERE form = ?1 AND record_id = ?2",
            params![form.as_str(), record_id.unwrap_or("")],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_per_form_and_record_survives_reopening_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.sqlite");
        {
            let cache = Cache::open(&path).unwrap();
            cache
                .save_draft(DraftForm::Contractor, None, r#"{"first_name":"An"}"#, 1)
                .unwrap();
            cache
                .save_draft(DraftForm::Contractor, None, r#"{"first_name":"Ann"}"#, 2)
                .unwrap();
            cache
                .save_draft(
                    DraftForm::Contractor,
                    Some("cn_1"),
                    r#"{"first_name":"Bo"}"#,
                    3,
                )
                .unwrap();
        }
        let cache = Cache::open(&path).unwrap();
        let new = cache
            .get_draft(DraftForm::Contractor, None)
            .unwrap()
            .unwrap();
        assert_eq!(
            (new.body.as_str(), new.saved_at),
            (r#"{"first_name":"Ann"}"#, 2)
        );
        let edit = cache
            .get_draft(DraftForm::Contractor, Some("cn_1"))
            .unwrap()
            .unwrap();
        assert!(edit.body.contains("Bo"));
        assert_eq!(cache.get_draft(DraftForm::Entity, None).unwrap(), None);
        cache.discard_draft(DraftForm::Contractor, None).unwrap();
        assert_eq!(cache.get_draft(DraftForm::Contractor, None).unwrap(), None);
        assert!(cache
            .get_draft(DraftForm::Contractor, Some("cn_1"))
            .unwrap()
            .is_some());
    }
}
