//! The modal that asks before a write is sent to production, naming the action.
//!
//! `ipc::write` calls [`confirm_in_production`]; the answer comes from the one
//! [`ConfirmDialog`] the shell mounts. Cancel has the focus, Escape cancels, and Enter
//! never confirms (a form submitted with Enter must not confirm on the same key):
//! confirming takes a click, or Space on the confirm button.

use crate::current_settings::CurrentSettings;
use coverdesk_ipc::AppEnvironment;
use leptos::html;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// A question waiting for its answer: `answer` resolves the promise `ask` awaits.
#[derive(Clone)]
struct Question {
    action: String,
    answer: js_sys::Function,
}

impl Question {
    fn answer(&self, confirmed: bool) {
        let _ = self
            .answer
            .call1(&JsValue::NULL, &JsValue::from_bool(confirmed));
    }
}

/// What the mounted dialog shares with `ipc::write` (the web view has one thread).
#[derive(Clone, Copy)]
struct Dialog {
    settings: CurrentSettings,
    open: RwSignal<Option<Question>>,
}

thread_local! {
    static DIALOG: Cell<Option<Dialog>> = const { Cell::new(None) };
}

/// The environment calls go to, asking the backend when the shell does not know yet.
async fn current_environment(settings: CurrentSettings) -> Option<AppEnvironment> {
    if let Some(environment) = settings.environment() {
        return Some(environment);
    }
    let view = crate::ipc::settings::get().await.ok()?;
    let environment = view.environment;
    settings.replace(view);
    Some(environment)
}

/// The answer about one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    /// Not production: nothing to ask.
    NotNeeded,
    /// Production, and the person confirmed.
    Confirmed,
    /// Production and cancelled, or no way to ask or to learn the environment.
    Declined,
}

/// Whether `action` may be sent: always outside production; in production only when
/// the person confirms it in the dialog. Without a dialog to ask, or when the
/// environment cannot be learnt, the answer is no.
pub async fn confirm_in_production(action: &str) -> Confirmation {
    let Some(dialog) = DIALOG.with(Cell::get) else {
        return Confirmation::Declined;
    };
    match current_environment(dialog.settings).await {
        Some(AppEnvironment::Production) => {}
        Some(_) => return Confirmation::NotNeeded,
        None => return Confirmation::Declined,
    }
    let mut answer = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| answer = Some(resolve));
    let Some(answer) = answer else {
        return Confirmation::Declined;
    };
    // A question still open is cancelled: only one action is ever on screen.
    if let Some(earlier) = dialog.open.get_untracked() {
        earlier.answer(false);
    }
    dialog.open.set(Some(Question {
        action: action.to_owned(),
        answer,
    }));
    let confirmed = JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if confirmed {
        Confirmation::Confirmed
    } else {
        Confirmation::Declined
    }
}

#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let settings = expect_context::<CurrentSettings>();
    let open = RwSignal::new(None::<Question>);
    DIALOG.with(|d| d.set(Some(Dialog { settings, open })));
    on_cleanup(|| DIALOG.with(|d| d.set(None)));

    let cancel_button = NodeRef::<html::Button>::new();
    let confirm_button = NodeRef::<html::Button>::new();
    let close = move |confirmed: bool| {
        if let Some(question) = open.get_untracked() {
            open.set(None);
            question.answer(confirmed);
        }
    };
    // Each time it opens, the safe choice has the focus.
    Effect::new(move |_| {
        if open.with(Option::is_some) {
            if let Some(button) = cancel_button.get() {
                let _ = button.focus();
            }
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            close(false);
        }
        "Enter" => {
            ev.prevent_default();
            // Enter on Cancel cancels; Enter anywhere else does nothing.
            let on_cancel = cancel_button.get_untracked().is_some_and(|button| {
                document().active_element().is_some_and(|active| {
                    let button: &web_sys::Element = &button;
                    &active == button
                })
            });
            if on_cancel {
                close(false);
            }
        }
        // Focus stays inside the dialog: Tab moves between its two buttons.
        "Tab" => {
            ev.prevent_default();
            let on_cancel = document().active_element().is_some_and(|active| {
                cancel_button
                    .get_untracked()
                    .is_some_and(|b| &active == AsRef::<web_sys::Element>::as_ref(&b))
            });
            let next = if on_cancel {
                confirm_button
            } else {
                cancel_button
            };
            if let Some(button) = next.get_untracked() {
                let _ = button.focus();
            }
        }
        _ => {}
    };

    move || {
        open.get().map(|question| {
            let action = question.action.clone();
            view! {
                <div class="confirm-backdrop">
                    <div
                        id="confirm-dialog"
                        class="confirm-modal"
                        role="alertdialog"
                        aria-modal="true"
                        aria-labelledby="confirm-title"
                        aria-describedby="confirm-text"
                        on:keydown=on_keydown
                    >
                        <h2 id="confirm-title">"Confirm in Production"</h2>
                        <p id="confirm-action" class="confirm-modal-action">{action.clone()}</p>
                        <p id="confirm-text">
                            "This goes to the live 1099Policy API with your production key: real records, real coverage, real charges."
                        </p>
                        <div class="button-row confirm-modal-buttons">
                            <button
                                id="confirm-cancel"
                                type="button"
                                class="button button-secondary"
                                node_ref=cancel_button
                                on:click=move |_| close(false)
                            >
                                "Cancel"
                            </button>
                            <button
                                id="confirm-accept"
                                type="button"
                                class="button button-danger"
                                node_ref=confirm_button
                                on:click=move |_| close(true)
                            >
                                {format!("{action} in production")}
                            </button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
