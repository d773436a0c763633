//! The line above a list saying how fresh its rows are ("Offline — showing data from
//! 12 minutes ago"), with a Refresh button. It follows the backend's refresh as it
//! walks the pages.

use crate::ipc;
use crate::records::freshness::describe;
use coverdesk_ipc::sync::{SyncStatus, PROGRESS_EVENT};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

fn unix_now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

#[component]
pub fn SyncStatusLine(
    /// Singular, for ids: `contractor` → `contractor-sync-status`, `contractor-refresh`.
    kind: &'static str,
    /// The list's resource name (`contractors`).
    resource: &'static str,
    /// A refresh asked for here has finished (the list re-reads the cache then, even
    /// if the `cache-changed` event came before the list was listening).
    on_refreshed: Callback<()>,
) -> impl IntoView {
    let status = RwSignal::new(None::<SyncStatus>);
    let now = RwSignal::new(unix_now());

    let load = move || {
        spawn_local(async move {
            if let Ok(all) = ipc::sync::status().await {
                status.set(all.into_iter().find(|s| s.resource == resource));
            }
        })
    };
    load();
    ipc::events::listen(PROGRESS_EVENT, move |update: SyncStatus| {
        if update.resource == resource {
            now.set(unix_now());
            status.set(Some(update));
        }
    });
    // Ages are re-read every half minute so "2 minutes ago" keeps true.
    if let Ok(ticker) =
        set_interval_with_handle(move || now.set(unix_now()), Duration::from_secs(30))
    {
        on_cleanup(move || ticker.clear());
    }

    let refresh = move |_| {
        status.update(|s| {
            if let Some(s) = s {
                s.running = true;
                s.fetched = 0;
            }
        });
        spawn_local(async move {
            match ipc::sync::refresh(Some(resource)).await {
                Ok(all) => {
                    status.set(all.into_iter().find(|s| s.resource == resource));
                    now.set(unix_now());
                    on_refreshed.run(());
                }
                Err(_) => load(),
            }
        });
    };
    let running = move || status.with(|s| s.as_ref().is_some_and(|s| s.running));

    view! {
        <div class="sync-line">
            {move || {
                status
                    .get()
                    .map(|s| {
                        let (tone, text) = describe(&s, now.get(), resource);
                        view! {
                            <span id=format!("{kind}-sync-status") class=format!("sync-status {}", tone.class()) role="status">
                                <span class="sync-dot" aria-hidden="true"></span>
                                {text}
                            </span>
                        }
                    })
            }}
            <button
                id=format!("{kind}-refresh")
                type="button"
                class="button button-secondary button-small"
                disabled=running
                aria-busy=move || if running() { "true" } else { "false" }
                on:click=refresh
            >
                {move || if running() { "Refreshing…" } else { "Refresh" }}
            </button>
        </div>
    }
}
