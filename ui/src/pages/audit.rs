//! The audit log: every change sent to the API from Coverdesk in the environment in
//! use, newest first, with how it went.

use crate::dates::iso_date;
use crate::ipc;
use crate::loaded::{loading_note, Loaded};
use coverdesk_ipc::audit::AuditEntry;
use coverdesk_ipc::sync::CACHE_CHANGED_EVENT;
use leptos::prelude::*;

/// `HH:MM` UTC of a Unix time, next to the date.
fn clock(unix_seconds: i64) -> String {
    let seconds = unix_seconds.rem_euclid(86_400);
    format!("{:02}:{:02} UTC", seconds / 3_600, seconds % 3_600 / 60)
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let version = RwSignal::new(0_u64);
    // Every write ends in a cache change, so the log is re-read then too.
    ipc::events::listen(CACHE_CHANGED_EVENT, move |_: String| {
        version.update(|v| *v += 1)
    });
    let entries = Loaded::new(move || {
        version.track();
        ipc::audit::list(Some(500))
    });
    view! {
        <div class="page page-audit">
            <section class="card" aria-labelledby="audit-title">
                <header class="card-header">
                    <div>
                        <h2 id="audit-title">"Audit log"</h2>
                        <p class="card-subtitle">
                            "Every change Coverdesk sent to 1099Policy in this environment, newest first. Kept on this computer."
                        </p>
                    </div>
                </header>
                {move || {
                    entries
                        .get()
                        .map(|result| match result {
                            Ok(entries) => view! { <AuditTable entries=entries /> }.into_any(),
                            Err(error) => {
                                view! {
                                    <div id="audit-error" class="alert alert-error" role="alert">
                                        <p class="alert-title">"Could not load the audit log"</p>
                                        <p>{error.message}</p>
                                    </div>
                                }
                                    .into_any()
                            }
                        })
                        .unwrap_or_else(|| loading_note("Loading the audit log…"))
                }}
            </section>
        </div>
    }
}

#[component]
fn AuditTable(entries: Vec<AuditEntry>) -> impl IntoView {
    let empty = entries.is_empty().then(|| {
        view! {
            <tr class="empty-row">
                <td id="audit-empty" colspan="5">"No changes made from Coverdesk in this environment yet."</td>
            </tr>
        }
    });
    view! {
        <div class="table-wrap">
            <table id="audit-list" class="table">
                <thead>
                    <tr>
                        <th scope="col">"When"</th>
                        <th scope="col">"Environment"</th>
                        <th scope="col">"Action"</th>
                        <th scope="col">"Object"</th>
                        <th scope="col">"Outcome"</th>
                    </tr>
                </thead>
                <tbody>
                    {entries
                        .into_iter()
                        .map(|e| {
                            let ok = e.succeeded();
                            view! {
                                <tr id=format!("audit-row-{}", e.id) class="audit-row">
                                    <td class="cell-nowrap">
                                        {iso_date(e.at)}
                                        <span class="cell-sub">{clock(e.at)}</span>
                                    </td>
                                    <td>{e.environment.clone()}</td>
                                    <td class="cell-strong">{format!("{} {}", e.action, e.object_kind)}</td>
                                    <td>
                                        <code class="id">{e.object_id.clone().unwrap_or_else(|| "—".into())}</code>
                                    </td>
                                    <td>
                                        <span class=if ok { "pill pill-ok" } else { "pill pill-error" }>
                                            {if ok { "ok".to_owned() } else { e.outcome.clone() }}
                                        </span>
                                        {e.detail.clone().map(|d| view! { <span class="cell-sub">{d}</span> })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                    {empty}
                </tbody>
            </table>
        </div>
    }
}
