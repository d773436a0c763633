//! "Export CSV" for a list: the backend writes the file (there is no save dialog) and the
//! saved path stays on screen so it can be found.

use crate::components::toast::Toasts;
use crate::ipc;
use coverdesk_ipc::records_csv::RecordKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ExportButton(kind: RecordKind) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let saved = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let noun = kind.as_str();
    let export = move |_| {
        busy.set(true);
        spawn_local(async move {
            match ipc::records_csv::export(kind).await {
                Ok(summary) => {
                    toasts.success(format!("Exported {} {noun}", summary.rows));
                    saved.set(Some(format!(
                        "{} {noun} saved to {}",
                        summary.rows, summary.path
                    )));
                }
                Err(error) => toasts.error(format!("Export failed: {}", error.message)),
            }
            busy.set(false);
        });
    };
    view! {
        <button
            id=format!("{noun}-export")
            type="button"
            class="button button-secondary"
            disabled=move || busy.get()
            on:click=export
        >
            "Export CSV"
        </button>
        <span id=format!("{noun}-export-path") class="export-path">
            {move || saved.get()}
        </span>
    }
}
