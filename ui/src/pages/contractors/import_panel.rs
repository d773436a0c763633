//! Bulk import of contractors from CSV: choose a file or paste the text, see every row
//! checked by the form's own rules, create the good ones one by one with a progress bar,
//! and read what happened to each.

use crate::forms::contractor_import::{problems_text, ready_rows, ImportOutcome};
use crate::ipc;
use coverdesk_ipc::records_csv::{
    too_big_message, ImportPreview, CONTRACTOR_COLUMNS, IMPORT_MAX_BYTES,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Reads the file chosen in `<input type=file>` as text; a file over the import's size
/// limit is not read at all.
async fn chosen_file_text(ev: &leptos::ev::Event) -> Result<String, String> {
    let unreadable = || "That file could not be read as text.".to_owned();
    let input: web_sys::HtmlInputElement = ev
        .target()
        .and_then(|t| t.dyn_into().ok())
        .ok_or_else(unreadable)?;
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or_else(unreadable)?;
    let bytes = file.size() as usize;
    if bytes > IMPORT_MAX_BYTES {
        return Err(too_big_message(bytes));
    }
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(unreadable)
}

#[component]
pub fn ContractorImport(
    /// Runs after the import created at least one contractor.
    on_imported: Callback<()>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let preview = RwSignal::new(None::<ImportPreview>);
    let problem = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<ImportOutcome>);
    let total = RwSignal::new(0_usize);
    let running = RwSignal::new(false);

    let check = move || {
        let typed = text.get_untracked();
        outcome.set(None);
        spawn_local(async move {
            match ipc::records_csv::import_preview(&typed).await {
                Ok(read) => {
                    problem.set(read.unreadable.clone());
                    preview.set(Some(read));
                }
                Err(error) => problem.set(Some(error.message)),
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        spawn_local(async move {
            match chosen_file_text(&ev).await {
                Ok(contents) => {
                    text.set(contents);
                    check();
                }
                Err(why) => problem.set(Some(why)),
            }
        });
    };
    let ready_count = move || preview.with(|p| p.as_ref().map_or(0, |p| ready_rows(p).len()));

    let create_all = move |_| {
        let Some(read) = preview.get_untracked() else {
            return;
        };
        let rows = ready_rows(&read);
        running.set(true);
        spawn_local(async move {
            // In production the whole import is confirmed once, by its size.
            let count = rows.len();
            let noun = if count == 1 {
                "contractor"
            } else {
                "contractors"
            };
            if let Err(declined) =
                ipc::confirm(&format!("Import {count} {noun}"), count as u32).await
            {
                running.set(false);
                problem.set(Some(declined.message));
                return;
            }
            total.set(count);
            outcome.set(Some(ImportOutcome::new(&read)));
            for row in rows {
                let result = ipc::records_csv::import_create(&row.input).await;
                outcome.update(|o| {
                    let o = o.get_or_insert_with(Default::default);
                    match result {
                        Ok(contractor) => o.created.push((row.line, contractor.id)),
                        Err(error) => {
                            let reason = error
                                .fields
                                .values()
                                .next()
                                .cloned()
                                .unwrap_or(error.message);
                            o.failed.push((row.line, reason));
                        }
                    }
                });
            }
            running.set(false);
            preview.set(None);
            if outcome.with_untracked(|o| o.as_ref().is_some_and(|o| !o.created.is_empty())) {
                on_imported.run(());
            }
        });
    };

    let headers: Vec<&str> = CONTRACTOR_COLUMNS
        .iter()
        .map(|(name, _, _)| *name)
        .collect();
    let header_line = headers.join(",");

    view! {
        <section id="contractor-import" class="card" aria-labelledby="import-title">
            <header class="card-header">
                <div>
                    <h2 id="import-title">"Import contractors from CSV"</h2>
                    <p class="card-subtitle">
                        "First row: column names. Columns: " <code>{header_line}</code>
                        ". Each row is checked like the form before anything is sent."
                    </p>
                </div>
            </header>
            <div class="import-source">
                <label class="button button-secondary" for="import-file">"Choose a CSV file…"</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".csv,text/csv" on:change=on_file />
                <span class="import-or">"or paste it here:"</span>
                <textarea
                    id="import-text"
                    rows="4"
                    spellcheck="false"
                    placeholder=headers.join(",")
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <button id="import-preview" type="button" class="button button-secondary" on:click=move |_| check()>
                    "Preview"
                </button>
            </div>
            {move || problem.get().map(|p| view! { <p id="import-problem" class="alert alert-error" role="alert">{p}</p> })}
            {move || preview.get().map(|read| view! { <ImportPreviewTable read=read /> })}
            {move || {
                (ready_count() > 0 && !running.get()).then(|| {
                    let n = ready_count();
                    let noun = if n == 1 { "contractor" } else { "contractors" };
                    view! {
                        <div class="form-actions">
                            <button id="import-submit" type="button" class="button button-primary" on:click=create_all>
                                {format!("Create {n} {noun}")}
                            </button>
                        </div>
                    }
                })
            }}
            {move || outcome.get().map(|o| {
                let done = o.done();
                let of = total.get();
                view! {
                    <div class="import-progress">
                        <progress id="import-progress" max=of value=done></progress>
                        <span>{format!("{done} of {of}")}</span>
                    </div>
                    {(!running.get()).then(|| view! { <ImportSummary outcome=o.clone() /> })}
                }
            })}
        </section>
    }
}

#[component]
fn ImportPreviewTable(read: ImportPreview) -> impl IntoView {
    let notes = [
        (!read.missing_columns.is_empty())
            .then(|| format!("Missing columns: {}.", read.missing_columns.join(", "))),
        (!read.ignored_columns.is_empty())
            .then(|| format!("Ignored columns: {}.", read.ignored_columns.join(", "))),
    ];
    let bad = read.rows.iter().filter(|r| !r.errors.is_empty()).count();
    view! {
        <p id="import-counts" class="import-counts">
            {format!("{} rows read; {} ready, {bad} with problems.", read.rows.len(), read.rows.len() - bad)}
            {notes.into_iter().flatten().map(|n| view! { " " {n} }).collect_view()}
        </p>
        <div class="table-wrap">
            <table id="import-preview-table" class="table">
                <thead>
                    <tr>
                        <th>"Line"</th>
                        <th>"Name"</th>
                        <th>"Email"</th>
                        <th>"Phone"</th>
                        <th>"Address"</th>
                        <th>"Problems"</th>
                    </tr>
                </thead>
                <tbody>
                    {read.rows.into_iter().map(|row| {
                        let problems = problems_text(&row);
                        let a = &row.input.address;
                        let address = format!("{}, {}, {} {}", a.line1, a.locality, a.region, a.postalcode);
                        view! {
                            <tr id=format!("import-row-{}", row.line) class:import-row-bad=!row.errors.is_empty()>
                                <td>{row.line}</td>
                                <td>{format!("{} {}", row.input.first_name, row.input.last_name)}</td>
                                <td>{row.input.email.clone()}</td>
                                <td>{row.input.phone.clone()}</td>
                                <td>{address}</td>
                                <td id=format!("import-errors-{}", row.line) class="import-errors">
                                    {if problems.is_empty() { "Ready".to_owned() } else { problems }}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ImportSummary(outcome: ImportOutcome) -> impl IntoView {
    let lines = outcome
        .failed
        .iter()
        .map(|(line, why)| format!("Line {line} failed: {why}"))
        .chain(
            outcome
                .skipped
                .iter()
                .map(|(line, why)| format!("Line {line} skipped: {why}")),
        )
        .collect::<Vec<_>>();
    view! {
        <div id="import-summary" class="import-summary" role="status">
            <p><strong>{outcome.headline()}</strong></p>
            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </div>
    }
}
