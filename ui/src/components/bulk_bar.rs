//! The bar over a record list while rows are ticked: how many, Clear, and the actions on
//! them (delete, export as CSV). Not generic in the row type, so it is compiled once for every kind.
//!
//! Deletes are one by one through the kind's delete command, after the same dialog a
//! single delete asks in (and one production confirmation for the lot). They cannot be
//! undone: the API has no undelete, so unlike an edit there is no Undo here.

use crate::components::delete_dialog::DeleteDialog;
use crate::components::toast::Toasts;
use crate::ipc;
use crate::records::kind::RecordKind;
use crate::records::selection::Selection;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn BulkBar(
    kind: RecordKind,
    selection: RwSignal<Selection>,
    /// Runs after a bulk delete, whatever came of it, so the list is read again.
    on_changed: Callback<()>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let confirming = RwSignal::new(false);
    // Some((done, of)) while deletes are under way.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let deleting = Signal::derive(move || progress.with(Option::is_some));
    let count = move || selection.with(Selection::len);

    let delete = Callback::new(move |()| {
        let ids = selection.with_untracked(Selection::ids);
        let total = ids.len();
        progress.set(Some((0, total)));
        spawn_local(async move {
            let outcome =
                ipc::records::delete_each(kind, &ids, |done| progress.set(Some((done, total))))
                    .await;
            progress.set(None);
            confirming.set(false);
            let results = match outcome {
                Ok(results) => results,
                Err(error) => {
                    toasts.error(format!("Nothing deleted: {}", error.message));
                    return;
                }
            };
            let failed: Vec<(String, String)> = results
                .into_iter()
                .filter_map(|(id, result)| result.err().map(|e| (id, e.message)))
                .collect();
            let deleted = total - failed.len();
            let failed_ids: Vec<String> = failed.iter().map(|(id, _)| id.clone()).collect();
            selection.update(|s| s.keep_only(&failed_ids));
            if failed.is_empty() {
                toasts.success(format!("Deleted {}", kind.counted(deleted)));
            } else {
                let why: Vec<String> = failed
                    .iter()
                    .map(|(id, message)| format!("{id}: {message}"))
                    .collect();
                toasts.error(format!(
                    "Deleted {}; {} failed and stay selected — {}",
                    kind.counted(deleted),
                    failed.len(),
                    why.join("; ")
                ));
            }
            on_changed.run(());
        });
    });

    // Just the ticked rows, whatever the search shows now.
    let exporting = RwSignal::new(false);
    let export = move |_| {
        let ids = selection.with_untracked(Selection::ids);
        exporting.set(true);
        spawn_local(async move {
            match ipc::records_csv::export(kind.export(), None, Some(&ids)).await {
                Ok(summary) => toasts.success(format!(
                    "Exported {} selected to {}",
                    kind.counted(summary.rows),
                    summary.path
                )),
                Err(error) => toasts.error(format!("Export failed: {}", error.message)),
            }
            exporting.set(false);
        });
    };

    move || {
        (count() > 0).then(|| {
            view! {
                <div id="bulk-bar" class="bulk-bar" role="region" aria-label="Selected rows">
                    <span id="bulk-count" class="bulk-count" aria-live="polite">
                        {move || format!("{} selected", count())}
                    </span>
                    <button
                        id="bulk-clear"
                        type="button"
                        class="button button-secondary"
                        on:click=move |_| selection.update(Selection::clear)
                    >
                        "Clear"
                    </button>
                    <button
                        id="bulk-delete"
                        type="button"
                        class="button button-danger"
                        disabled=deleting
                        on:click=move |_| confirming.set(true)
                    >
                        "Delete selected"
                    </button>
                    <button
                        id="bulk-export"
                        type="button"
                        class="button button-secondary"
                        disabled=move || exporting.get()
                        on:click=export
                    >
                        "Export selected"
                    </button>
                    <span id="bulk-progress" class="bulk-progress">
                        {move || progress.get().map(|(done, of)| format!("Deleting {done} of {of}…"))}
                    </span>
                    {move || {
                        confirming
                            .get()
                            .then(|| {
                                let n = count();
                                view! {
                                    <DeleteDialog
                                        kind=kind
                                        warning=kind.bulk_delete_warning(n)
                                        label=format!("Delete {}", kind.counted(n))
                                        deleting=deleting
                                        on_confirm=delete
                                        on_cancel=Callback::new(move |()| confirming.set(false))
                                    />
                                }
                            })
                    }}
                </div>
            }
        })
    }
}
