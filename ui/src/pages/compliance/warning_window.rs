//! The warning window: how many days before a lapse a line shows as expiring (and a
//! notification goes out). Kept in the backend's settings; checked here first, with the
//! same rule the backend applies, so a bad value never leaves the form.

use crate::components::field::FieldError;
use crate::components::toast::Toasts;
use crate::ipc;
use coverdesk_ipc::compliance::parse_warning_days;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn WarningWindow(
    days: u32,
    /// The window was changed: the desk is worked out again.
    on_saved: Callback<()>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let text = RwSignal::new(days.to_string());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let days = match parse_warning_days(&text.get_untracked()) {
            Ok(days) => days,
            Err(message) => return error.set(Some(message)),
        };
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            match ipc::compliance::set_warning_days(days).await {
                Ok(saved) => {
                    toasts.success(format!("Lines now show as expiring {saved} days ahead"));
                    on_saved.run(());
                }
                Err(failure) => error.set(Some(
                    failure
                        .fields
                        .get("warning_days")
                        .cloned()
                        .unwrap_or(failure.message),
                )),
            }
            busy.set(false);
        });
    };
    let has_error = move || error.with(Option::is_some);
    view! {
        <form class="toolbar compliance-warning" novalidate=true on:submit=save>
            <div class="field" class:has-error=has_error>
                <label for="compliance-warning-days">"Warn before a lapse (days)"</label>
                <input
                    id="compliance-warning-days"
                    type="number"
                    min="1"
                    inputmode="numeric"
                    aria-invalid=move || if has_error() { "true" } else { "false" }
                    aria-describedby=move || has_error().then_some("compliance-warning-days-error")
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                <FieldError id="compliance-warning-days-error".to_owned() error=error />
            </div>
            <button id="compliance-warning-save" type="submit" class="button button-secondary" disabled=move || busy.get()>
                "Save"
            </button>
        </form>
    }
}
