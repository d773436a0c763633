//! Drafts: `src-tauri/src/commands/drafts.rs`. Local only, so plain `invoke`, not `write`.

use super::invoke;
use coverdesk_ipc::drafts::{command, DraftForm, SavedDraft};
use coverdesk_ipc::ErrorView;
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct KeyArgs<'a> {
    form: DraftForm,
    record_id: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SaveArgs<'a> {
    form: DraftForm,
    record_id: Option<&'a str>,
    body: &'a str,
}

pub async fn get(
    form: DraftForm,
    record_id: Option<&str>,
) -> Result<Option<SavedDraft>, ErrorView> {
    invoke(command::GET, &KeyArgs { form, record_id }).await
}

pub async fn save(
    form: DraftForm,
    record_id: Option<&str>,
    body: &str,
) -> Result<SavedDraft, ErrorView> {
    invoke(
        command::SAVE,
        &SaveArgs {
            form,
            record_id,
            body,
        },
    )
    .await
}

pub async fn discard(form: DraftForm, record_id: Option<&str>) -> Result<(), ErrorView> {
    invoke(command::DISCARD, &KeyArgs { form, record_id }).await
}
