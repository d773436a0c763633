//! From a chosen quote to the link the contractor follows: create the application
//! session (success and cancel URLs from settings, editable here), then Copy, Open, a QR
//! code and a ready-to-send message.

use super::Records;
use crate::bidi::isolate;
use crate::components::field::Field;
use crate::components::form_alert::FormAlert;
use crate::components::form_state::FormState;
use crate::components::toast::Toasts;
use crate::forms::application_message::application_message;
use crate::forms::quote_request_draft::coverage_label;
use crate::forms::FormFeedback;
use crate::ipc;
use crate::loaded::Loaded;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::{Quote, Session, SessionInput};

const FIELD_PATHS: [&str; 2] = ["success_url", "cancel_url"];

/// Copies `text` to the system clipboard and says so.
pub(crate) fn copy_with_toast(text: String, what: &'static str) {
    let toasts = expect_context::<Toasts>();
    spawn_local(async move {
        match ipc::desktop::copy(&text).await {
            Ok(()) => toasts.success(format!("{what} copied to the clipboard")),
            Err(error) => toasts.error(format!("Could not copy: {}", error.message)),
        }
    });
}

#[component]
pub(super) fn LinkGenerator(chosen: RwSignal<Option<Quote>>, records: Records) -> impl IntoView {
    let success_url = RwSignal::new(String::new());
    let cancel_url = RwSignal::new(String::new());
    let session = RwSignal::new(None::<Session>);

    let problems = Memo::new(move |_| {
        SessionInput {
            quote: chosen.with(|q| q.as_ref().map(|q| q.id.clone())),
            success_url: Some(success_url.get()),
            cancel_url: Some(cancel_url.get()),
            ..Default::default()
        }
        .validate()
    });
    let form = FormState::new(problems);
    let (feedback, rejection, busy) = (form.feedback, form.rejection, form.sending);

    // A new choice starts a new link, with the saved defaults.
    Effect::new(move |_| {
        chosen.track();
        session.set(None);
        rejection.set(None);
        spawn_local(async move {
            if let Ok(defaults) = ipc::sessions::defaults().await {
                success_url.set(defaults.success_url);
                cancel_url.set(defaults.cancel_url);
            }
        });
    });

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        feedback.update(FormFeedback::attempt_submit);
        let Some(quote) = chosen.get_untracked() else {
            return;
        };
        if !problems.with_untracked(|p| p.is_empty()) {
            return;
        }
        let input = SessionInput::for_quote(
            &quote.id,
            &success_url.get_untracked(),
            &cancel_url.get_untracked(),
        );
        let who = records
            .contractor(&quote.contractor)
            .map(|c| isolate(&c.full_name()))
            .unwrap_or(quote.contractor.clone());
        busy.set(true);
        spawn_local(async move {
            match ipc::sessions::create(&input, &format!("Create application link for {who}")).await
            {
                Ok(created) => session.set(Some(created)),
                Err(e) => {
                    feedback.update(|f| f.rejected(e.fields.clone()));
                    rejection.set(Some(e));
                }
            }
            busy.set(false);
        });
    };

    // Opening moves the keyboard into the dialog, so Escape (below) reaches it and Tab
    // starts at its first control.
    let dialog = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            let _ = dialog.focus();
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            chosen.set(None);
        }
    };

    move || {
        let quote = chosen.get()?;
        let contractor = records.contractor(&quote.contractor);
        let job = records.job(&quote.job);
        let entity = job.as_ref().and_then(|j| records.entity(&j.entity));
        let who = contractor
            .as_ref()
            .map(|c| isolate(&c.full_name()))
            .unwrap_or(quote.contractor.clone());
        let heading = format!("{} for {who}", coverage_label(&quote.coverage_type));
        let first_name = contractor.map(|c| c.first_name).unwrap_or_default();
        let job_name = job.map(|j| j.name).unwrap_or(quote.job.clone());
        let entity_name = entity.map(|e| e.name);
        Some(view! {
            // A dialog over the comparison: the link is the one thing to deal with now.
            <div class="modal-layer">
            <div class="modal-backdrop" on:click=move |_| chosen.set(None)></div>
            <section id="link-generator" class="card link-card modal" role="dialog" aria-modal="true" aria-labelledby="link-title" tabindex="-1" node_ref=dialog on:keydown=on_keydown>
                <header class="card-header">
                    <div>
                        <h2 id="link-title">"Application link"</h2>
                        <p class="card-subtitle">{heading}" · "<code class="id">{quote.id.clone()}</code></p>
                    </div>
                    <button id="link-close" type="button" class="button button-secondary" on:click=move |_| chosen.set(None)>"Close"</button>
                </header>
                {move || match session.get() {
                    None => view! {
                        <form class="form-grid" novalidate on:submit=create>
                            <Field path="success_url" label="After applying, send the contractor to" value=success_url input_type="url" error=form.error_of("success_url") class="span-3" on_touch=form.touch("success_url") on_edit=form.edit("success_url") />
                            <Field path="cancel_url" label="If they cancel or cannot be covered" value=cancel_url input_type="url" error=form.error_of("cancel_url") class="span-3" on_touch=form.touch("cancel_url") on_edit=form.edit("cancel_url") />
                            <FormAlert rejection=rejection field_paths=&FIELD_PATHS />
                            <div class="form-actions span-6">
                                <p class="field-hint">"Defaults come from the Sessions page; changes here apply to this link only."</p>
                                <button id="session-submit" type="submit" class="button button-primary" disabled=move || busy.get()>
                                    {move || if busy.get() { "Creating…" } else { "Create application link" }}
                                </button>
                            </div>
                        </form>
                    }.into_any(),
                    Some(created) => view! {
                        <LinkDetails session=created first_name=first_name.clone() job=job_name.clone() entity=entity_name.clone() />
                    }.into_any(),
                }}
            </section>
            </div>
        })
    }
}

#[component]
fn LinkDetails(
    session: Session,
    first_name: String,
    job: String,
    entity: Option<String>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let url = session.url.clone().unwrap_or_default();
    let message = application_message(&first_name, &job, entity.as_deref(), &url);
    let qr = Loaded::new({
        let url = url.clone();
        move || {
            let url = url.clone();
            async move { ipc::desktop::qr_svg(&url).await }
        }
    });
    let (copy_url, open_url, copy_message) = (url.clone(), url.clone(), message.clone());
    view! {
        <div class="link-layout">
            <div class="link-main">
                <label class="link-label" for="link-url">"Link for the contractor"</label>
                <div class="input-row">
                    <input id="link-url" class="link-url" type="text" readonly prop:value=url.clone() />
                    <button id="link-copy" type="button" class="button button-primary" on:click=move |_| copy_with_toast(copy_url.clone(), "Link")>"Copy"</button>
                    <button
                        id="link-open"
                        type="button"
                        class="button button-secondary"
                        on:click=move |_| {
                            let url = open_url.clone();
                            spawn_local(async move {
                                if let Err(e) = ipc::desktop::open_url(&url).await {
                                    toasts.error(format!("Could not open the link: {}", e.message));
                                }
                            });
                        }
                    >
                        "Open"
                    </button>
                </div>
                <p class="field-hint">
                    "Session " <code class="id">{session.id.clone()}</code>
                    {format!(" · step: {}", session.step.as_ref().map(|s| s.label().to_owned()).unwrap_or_else(|| "not started".into()))}
                </p>
                <label class="link-label" for="link-message">"Message to send"</label>
                <textarea id="link-message" class="link-message" readonly rows="10" prop:value=message.clone()></textarea>
                <div class="button-row">
                    <button id="link-message-copy" type="button" class="button button-secondary" on:click=move |_| copy_with_toast(copy_message.clone(), "Message")>"Copy message"</button>
                </div>
            </div>
            <figure class="link-qr">
                {move || match qr.get() {
                    Some(Ok(svg)) => view! { <div id="link-qr" class="qr" inner_html=svg></div> }.into_any(),
                    Some(Err(e)) => view! { <p class="field-error">{e.message}</p> }.into_any(),
                    None => view! { <div class="qr qr-loading"></div> }.into_any(),
                }}
                <figcaption>"Scan to open on a phone"</figcaption>
            </figure>
        </div>
    }
}
