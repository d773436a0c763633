//! Application sessions: every link sent, where each contractor is (step), expired or
//! complete; expire one, change where it sends the contractor, and the default URLs.

use crate::bidi::isolate;
use crate::components::field::Field;
use crate::components::form_state::FormState;
use crate::components::toast::Toasts;
use crate::dates::iso_date;
use crate::forms::quote_request_draft::coverage_label;
use crate::forms::FormFeedback;
use crate::ipc;
use crate::loaded::{loading_note, Loaded};
use crate::pages::quotes::copy_with_toast;
use coverdesk_ipc::sessions::SessionDefaults;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use ten99::{Session, SessionUpdate};

/// What a session row names, through its quote: the contractor and the coverage.
type QuoteNames = HashMap<String, (String, String)>;

#[component]
pub fn SessionsPage() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let version = RwSignal::new(0_u64);
    let refreshing = RwSignal::new(false);
    let sessions = Loaded::new(move || {
        version.track();
        ipc::sessions::list()
    });
    let names = Loaded::new(move || {
        version.track();
        async move {
            let contractors = ipc::records::list::<ten99::Contractor>(None)
                .await
                .unwrap_or_default();
            let quotes = ipc::quotes::list(None, None).await.unwrap_or_default();
            quotes
                .into_iter()
                .map(|q| {
                    let who = contractors
                        .iter()
                        .find(|c| c.id == q.contractor)
                        .map(|c| c.full_name())
                        .unwrap_or(q.contractor.clone());
                    (q.id.clone(), (who, coverage_label(&q.coverage_type)))
                })
                .collect::<QuoteNames>()
        }
    });
    let refresh = move |_| {
        refreshing.set(true);
        spawn_local(async move {
            match ipc::sessions::refresh().await {
                Ok(summary) => {
                    toasts.success(format!(
                        "Refreshed: {} sessions from the API",
                        summary.fetched
                    ));
                    version.update(|v| *v += 1);
                }
                Err(e) => toasts.error(format!("Refresh failed: {}", e.message)),
            }
            refreshing.set(false);
        });
    };

    view! {
        <div class="page page-sessions">
            <section class="card" aria-labelledby="session-list-title">
                <header class="card-header">
                    <div>
                        <h2 id="session-list-title">"Application links"</h2>
                        <p class="card-subtitle">"Sessions created from quotes, newest first."</p>
                    </div>
                    <div class="toolbar">
                        <button id="session-refresh" type="button" class="button button-secondary" disabled=move || refreshing.get() on:click=refresh>
                            {move || if refreshing.get() { "Refreshing…" } else { "Refresh" }}
                        </button>
                    </div>
                </header>
                {move || {
                    let names = names.get().unwrap_or_default();
                    sessions.get().map(|result| match result {
                        Ok(list) => view! { <SessionTable sessions=list names=names version=version /> }.into_any(),
                        Err(e) => view! { <div class="alert alert-error" role="alert"><p>{e.message}</p></div> }.into_any(),
                    })
                        .unwrap_or_else(|| loading_note("Loading sessions…"))
                }}
            </section>
            <DefaultUrls />
        </div>
    }
}

#[component]
fn SessionTable(
    sessions: Vec<Session>,
    names: QuoteNames,
    version: RwSignal<u64>,
) -> impl IntoView {
    let editing = RwSignal::new(None::<String>);
    let empty = sessions.is_empty().then(|| {
        view! { <tr class="empty-row"><td id="session-empty" colspan="5">"No application links yet. Create one from a quote on the Quotes page."</td></tr> }
    });
    view! {
        <div class="table-wrap">
            <table id="session-list" class="table">
                <thead>
                    <tr>
                        <th scope="col">"For"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Link"</th>
                        <th scope="col">"Redirects"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {sessions
                        .into_iter()
                        .map(|s| {
                            let name = s.quote.as_ref().and_then(|q| names.get(q).cloned());
                            view! { <SessionRow session=s name=name editing=editing version=version /> }
                        })
                        .collect_view()}
                    {empty}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn SessionRow(
    session: Session,
    name: Option<(String, String)>,
    editing: RwSignal<Option<String>>,
    version: RwSignal<u64>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let id = session.id.clone();
    let (status, class) = if session.is_complete() {
        ("Complete", "tag tag-ok")
    } else if session.expired {
        ("Expired", "tag tag-muted")
    } else {
        ("Open", "tag")
    };
    let step = session
        .step
        .as_ref()
        .map(|s| s.label().to_owned())
        .unwrap_or_else(|| "Not started".into());
    let open = !session.expired && !session.is_complete();
    let url = session.url.clone().unwrap_or_default();
    let expire = {
        let id = id.clone();
        let who = name.clone().map(|(who, _)| who).unwrap_or(id.clone());
        move |_| {
            let id = id.clone();
            let action = format!("Expire the application link for {}", isolate(&who));
            spawn_local(async move {
                match ipc::sessions::expire(&id, &action).await {
                    Ok(_) => {
                        toasts.success("Link expired: it now leads to the cancel page");
                        version.update(|v| *v += 1);
                    }
                    Err(e) => toasts.error(format!("Could not expire: {}", e.message)),
                }
            });
        }
    };
    let is_editing = {
        let id = id.clone();
        move || editing.with(|e| e.as_deref() == Some(id.as_str()))
    };
    let edit_id = id.clone();
    let edit_form = {
        let session = session.clone();
        move || {
            is_editing().then(
                || view! { <EditUrls session=session.clone() editing=editing version=version /> },
            )
        }
    };
    view! {
        <tr class="record-row session-row" data-id=id.clone()>
            <td class="cell-strong">
                {name.clone().map(|(who, _)| who).unwrap_or_else(|| session.quote.clone().unwrap_or_default())}
                <span class="cell-sub">{name.map(|(_, coverage)| coverage)}</span>
            </td>
            <td>
                <span class=class>{status}</span>
                <span class="cell-sub">{step}</span>
                <span class="cell-sub">{format!("Sent {}", iso_date(session.created.0))}</span>
            </td>
            <td class="cell-link">
                <code class="id">{url.clone()}</code>
                <button type="button" class="button button-quiet button-small" on:click=move |_| copy_with_toast(url.clone(), "Link")>"Copy"</button>
            </td>
            <td class="cell-redirects">
                <RedirectLine label="Success" url=session.success_url.clone().unwrap_or_default() />
                <RedirectLine label="Cancel" url=session.cancel_url.clone().unwrap_or_default() />
                {edit_form}
            </td>
            <td class="cell-nowrap">
                <div class="button-stack">
                    <button id=format!("edit-{id}") type="button" class="button button-secondary button-small" on:click=move |_| editing.set(Some(edit_id.clone()))>"Edit URLs"</button>
                    <button id=format!("expire-{id}") type="button" class="button button-danger-quiet button-small" disabled=!open on:click=expire>"Expire"</button>
                </div>
            </td>
        </tr>
    }
}

/// One redirect, cut to the cell's width; the whole URL in its tooltip.
#[component]
fn RedirectLine(label: &'static str, url: String) -> impl IntoView {
    let title = url.clone();
    view! {
        <span class="cell-sub redirect" title=title>
            <span class="redirect-label">{label}</span>
            {url}
        </span>
    }
}

#[component]
fn EditUrls(
    session: Session,
    editing: RwSignal<Option<String>>,
    version: RwSignal<u64>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let success_url = RwSignal::new(session.success_url.clone().unwrap_or_default());
    let cancel_url = RwSignal::new(session.cancel_url.clone().unwrap_or_default());
    let server = RwSignal::new(std::collections::BTreeMap::<String, String>::new());
    let update = move || SessionUpdate {
        success_url: Some(success_url.get()),
        cancel_url: Some(cancel_url.get()),
    };
    let error = move |path: &'static str| {
        Signal::derive(move || {
            update()
                .validate()
                .get(path)
                .map(str::to_owned)
                .or_else(|| server.with(|s| s.get(path).cloned()))
        })
    };
    let id = session.id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = update();
        if !change.validate().is_empty() {
            return;
        }
        let id = id.clone();
        spawn_local(async move {
            match ipc::sessions::update(&id, &change, &format!("Change the redirect URLs of {id}"))
                .await
            {
                Ok(_) => {
                    toasts.success("Redirect URLs saved");
                    editing.set(None);
                    version.update(|v| *v += 1);
                }
                Err(e) => server.set(e.fields),
            }
        });
    };
    view! {
        <form class="inline-form" novalidate on:submit=save>
            <Field path="success_url" label="Success URL" value=success_url input_type="url" error=error("success_url") />
            <Field path="cancel_url" label="Cancel URL" value=cancel_url input_type="url" error=error("cancel_url") />
            <div class="button-row">
                <button id="session-save" type="submit" class="button button-primary button-small">"Save"</button>
                <button type="button" class="button button-secondary button-small" on:click=move |_| editing.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}

/// The success and cancel URLs new links get.
#[component]
fn DefaultUrls() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let success_url = RwSignal::new(String::new());
    let cancel_url = RwSignal::new(String::new());
    spawn_local(async move {
        if let Ok(defaults) = ipc::sessions::defaults().await {
            success_url.set(defaults.success_url);
            cancel_url.set(defaults.cancel_url);
        }
    });
    let defaults = move || SessionDefaults {
        success_url: success_url.get(),
        cancel_url: cancel_url.get(),
    };
    // Problems show once a field is left or Save is pressed, not while the saved
    // values are still on their way.
    let form = FormState::new(Memo::new(move |_| defaults().validate()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.feedback.update(FormFeedback::attempt_submit);
        let wanted = defaults();
        if !wanted.validate().is_empty() {
            return;
        }
        spawn_local(async move {
            match ipc::sessions::save_defaults(&wanted).await {
                Ok(_) => toasts.success("Default redirect URLs saved"),
                Err(e) => toasts.error(format!("Could not save: {}", e.message)),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="defaults-title">
            <header class="card-header">
                <div>
                    <h2 id="defaults-title">"Default redirect URLs"</h2>
                    <p class="card-subtitle">"Where contractors land after an application; new links start with these."</p>
                </div>
            </header>
            <form class="form-grid" novalidate on:submit=save>
                <Field path="default_success_url" label="After applying" value=success_url input_type="url" error=form.error_of("success_url") class="span-3" on_touch=form.touch("success_url") on_edit=form.edit("success_url") />
                <Field path="default_cancel_url" label="After cancelling or if not eligible" value=cancel_url input_type="url" error=form.error_of("cancel_url") class="span-3" on_touch=form.touch("cancel_url") on_edit=form.edit("cancel_url") />
                <div class="form-actions span-6">
                    <button id="defaults-submit" type="submit" class="button button-primary">"Save defaults"</button>
                </div>
            </form>
        </section>
    }
}
