//! The policies in the backend's cache: status, coverage and dates, a filter for those
//! expiring soon, their documents, cancel and repeat coverage.

use super::cancel_dialog::CancelDialog;
use super::row::PolicyRowView;
use super::PoliciesView;
use crate::components::toast::Toasts;
use crate::ipc;
use crate::loaded::{loading_note, Loaded};
use coverdesk_ipc::documents::DocumentKind;
use coverdesk_ipc::policies::{PolicyFilter, PolicyRow};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// "Expiring soon" means within this many days.
pub const SOON_DAYS: u32 = 30;

fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

#[component]
pub fn PolicyList(
    shared: PoliciesView,
    on_view: Callback<(String, DocumentKind)>,
    on_assign: Callback<PolicyRow>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let expiring_only = RwSignal::new(false);
    let refreshing = RwSignal::new(false);
    let cancelling = RwSignal::new(None::<PolicyRow>);
    let (busy, set_busy) = signal(false);

    let policies = Loaded::new(move || {
        shared.version.track();
        let filter = PolicyFilter {
            expiring_within_days: expiring_only.get().then_some(SOON_DAYS),
        };
        async move { ipc::policies::list(&filter).await }
    });

    let refresh = move |_| {
        refreshing.set(true);
        spawn_local(async move {
            match ipc::policies::refresh().await {
                Ok(summary) => {
                    let noun = if summary.fetched == 1 {
                        "policy"
                    } else {
                        "policies"
                    };
                    toasts.success(format!(
                        "Refreshed: {} {noun} from the API",
                        summary.fetched
                    ));
                    shared.changed();
                }
                Err(error) => toasts.error(format!("Refresh failed: {}", error.message)),
            }
            refreshing.set(false);
        });
    };

    let confirm_cancel = Callback::new(move |_| {
        let Some(row) = cancelling.get_untracked() else {
            return;
        };
        set_busy.set(true);
        spawn_local(async move {
            match ipc::policies::cancel(&row.policy.id, &row.holder()).await {
                Ok(done) => {
                    toasts.success(format!(
                        "Policy {} for {} is cancelled",
                        done.policy.id,
                        done.holder()
                    ));
                    cancelling.set(None);
                    shared.changed();
                }
                Err(error) => toasts.error(format!("Could not cancel: {}", error.message)),
            }
            set_busy.set(false);
        });
    });

    view! {
        <section class="card" aria-labelledby="policy-list-title">
            <header class="card-header">
                <div>
                    <h2 id="policy-list-title">"Policies"</h2>
                    <p class="card-subtitle">
                        "Bound cover in the current environment. New policies appear here on their own as contractors finish their applications."
                    </p>
                </div>
                <div class="toolbar">
                    <div class="segmented" role="group" aria-label="Which policies">
                        <button
                            id="policy-filter-all"
                            type="button"
                            class="segment"
                            class:selected=move || !expiring_only.get()
                            aria-pressed=move || (!expiring_only.get()).to_string()
                            on:click=move |_| expiring_only.set(false)
                        >
                            "All"
                        </button>
                        <button
                            id="policy-filter-expiring"
                            type="button"
                            class="segment"
                            class:selected=move || expiring_only.get()
                            aria-pressed=move || expiring_only.get().to_string()
                            on:click=move |_| expiring_only.set(true)
                        >
                            {format!("Expiring within {SOON_DAYS} days")}
                        </button>
                    </div>
                    <button
                        id="policy-refresh"
                        type="button"
                        class="button button-secondary"
                        disabled=move || refreshing.get()
                        on:click=refresh
                    >
                        {move || if refreshing.get() { "Refreshing…" } else { "Refresh" }}
                    </button>
                </div>
            </header>
            {move || {
                policies
                    .get()
                    .map(|result| match result {
                        Ok(rows) => {
                            view! {
                                <PolicyTable
                                    rows=rows
                                    expiring_only=expiring_only.get_untracked()
                                    highlight=shared.highlight.get()
                                    on_view=on_view
                                    on_assign=on_assign
                                    on_cancel=Callback::new(move |row| cancelling.set(Some(row)))
                                />
                            }
                                .into_any()
                        }
                        Err(error) => {
                            view! {
                                <div id="policy-list-error" class="alert alert-error" role="alert">
                                    <p class="alert-title">"Could not load policies"</p>
                                    <p>{error.message}</p>
                                </div>
                            }
                                .into_any()
                        }
                    })
                    .unwrap_or_else(|| loading_note("Loading policies…"))
            }}
            {move || {
                cancelling
                    .get()
                    .map(|row| {
                        view! {
                            <CancelDialog
                                row=row
                                busy=busy
                                on_confirm=confirm_cancel
                                on_dismiss=Callback::new(move |_| cancelling.set(None))
                            />
                        }
                    })
            }}
        </section>
    }
}

#[component]
fn PolicyTable(
    rows: Vec<PolicyRow>,
    expiring_only: bool,
    highlight: Option<String>,
    on_view: Callback<(String, DocumentKind)>,
    on_assign: Callback<PolicyRow>,
    on_cancel: Callback<PolicyRow>,
) -> impl IntoView {
    let empty = rows.is_empty().then(|| {
        let text = if expiring_only {
            format!("No active policy expires within {SOON_DAYS} days.")
        } else {
            "No policies yet in this environment. They appear here when a contractor completes an application link, or Refresh to pull them from the API.".to_owned()
        };
        view! {
            <tr class="empty-row">
                <td id="policy-empty" colspan="6">{text}</td>
            </tr>
        }
    });
    let now = now_seconds();
    view! {
        <div class="table-wrap">
            <table id="policy-list" class="table">
                <thead>
                    <tr>
                        <th scope="col">"Contractor"</th>
                        <th scope="col">"Coverage"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Dates"</th>
                        <th scope="col">"Documents"</th>
                        <th scope="col" class="cell-actions">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let highlighted = highlight.as_deref() == Some(row.policy.id.as_str());
                            view! {
                                <PolicyRowView
                                    row=row
                                    now=now
                                    highlighted=highlighted
                                    on_view=on_view
                                    on_assign=on_assign
                                    on_cancel=on_cancel
                                />
                            }
                        })
                        .collect_view()}
                    {empty}
                </tbody>
            </table>
        </div>
    }
}
