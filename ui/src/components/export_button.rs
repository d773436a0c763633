//! "Export CSV" for a list: what the list shows (narrowed by its search, if any). The
//! backend writes the file (there is no save dialog) and the saved path stays on screen
//! so it can be found.

use crate::components::toast::Toasts;
use crate::ipc;
use coverdesk_ipc::records_csv::RecordKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ExportButton(
    kind: RecordKind,
    /// The list's search box.
    search: RwSignal<String>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let saved = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let noun = kind.as_str();
    let export = move |_| {
        busy.set(true);
        let search = search.get_untracked().trim().to_owned();
        spawn_local(async move {
            let search = (!search.is_empty()).then_some(search);
            match ipc::records_csv::export(kind, search.as_deref(), None).await {
                Ok(summary) => {
                    let which = match &search {
                        Some(search) => {
                            format!("{} {noun} matching \u{201c}{search}\u{201d}", summary.rows)
                        }
                        None => format!("{} {noun}", summary.rows),
                    };
                    toasts.success(format!("Exported {which}"));
                    saved.set(Some(format!("{which} saved to {}", summary.path)));
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
            {move || if search.with(|s| s.trim().is_empty()) { "Export CSV" } else { "Export matches" }}
        </button>
        <span id=format!("{noun}-export-path") class="export-path">
            {move || saved.get()}
        </span>
    }
}
