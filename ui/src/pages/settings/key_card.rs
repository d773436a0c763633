//! The API key of one environment: what is saved (only `…last4`), save a new one, remove it.

use crate::components::field::FieldError;
use crate::components::toast::Toasts;
use crate::current_settings::CurrentSettings;
use crate::dates::iso_date;
use crate::ipc;
use coverdesk_ipc::{AppEnvironment, KeyView};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A reason not to send `key` for `environment`, when its prefix names the other one.
pub fn key_mismatch(environment: AppEnvironment, key: &str) -> Option<String> {
    let belongs_to = ten99::Environment::of_key(key.trim())?;
    (belongs_to != environment.api_environment()).then(|| {
        format!(
            "This is a {} key; paste it under {} instead.",
            belongs_to.as_str(),
            if belongs_to == ten99::Environment::Production {
                "Production"
            } else {
                "Sandbox"
            }
        )
    })
}

#[component]
pub fn KeyCard(environment: AppEnvironment) -> impl IntoView {
    let settings = expect_context::<CurrentSettings>();
    let toasts = expect_context::<Toasts>();
    let name = environment.as_str();
    let key = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let saved = move || -> Option<KeyView> {
        settings.view.with(|view| {
            view.as_ref()?
                .keys
                .iter()
                .find(|key| key.environment == environment)
                .cloned()
        })
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = key.get_untracked();
        let typed = typed.trim();
        if typed.is_empty() || busy.get_untracked() {
            return;
        }
        let typed = typed.to_owned();
        // Whatever happens next, the input never keeps a key.
        key.set(String::new());
        if let Some(mismatch) = key_mismatch(environment, &typed) {
            problem.set(Some(mismatch));
            return;
        }
        problem.set(None);
        busy.set(true);
        spawn_local(async move {
            match ipc::settings::save_key(environment, &typed).await {
                Ok(view) => {
                    toasts.success(format!("{} key …{} saved", environment.label(), view.last4));
                    settings.reload();
                }
                Err(error) => problem.set(Some(error.message)),
            }
            busy.set(false);
        });
    };

    let remove = move |_| {
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            match ipc::settings::delete_key(environment).await {
                Ok(()) => {
                    toasts.success(format!("{} key removed", environment.label()));
                    settings.reload();
                }
                Err(error) => problem.set(Some(error.message)),
            }
            busy.set(false);
        });
    };

    let input_id = format!("key-input-{name}");
    let error_id = format!("error-key-{name}");
    let described_by = error_id.clone();
    let placeholder = match environment {
        AppEnvironment::Production => "t9sk_live_…",
        _ => "t9sk_test_…",
    };

    view! {
        <div id=format!("key-card-{name}") class="key-card">
            <div class="key-card-head">
                <h3>{environment.label()}</h3>
                {move || match saved() {
                    Some(view) => {
                        view! {
                            <span id=format!("key-saved-{name}") class="key-saved">
                                <code>{format!("…{}", view.last4)}</code>
                                <span class="muted">{format!("saved {}", iso_date(view.saved_at))}</span>
                            </span>
                        }
                            .into_any()
                    }
                    None => view! { <span class="tag tag-muted">"No key saved"</span> }.into_any(),
                }}
            </div>
            <form class="key-form" novalidate=true on:submit=save>
                <div class="field">
                    <label for=input_id.clone()>
                        {move || if saved().is_some() { "Replace key" } else { "Secret key" }}
                    </label>
                    <div class="input-row">
                        <input
                            id=input_id
                            type="password"
                            autocomplete="off"
                            spellcheck="false"
                            placeholder=placeholder
                            aria-invalid=move || if problem.with(Option::is_some) { "true" } else { "false" }
                            aria-describedby=move || problem.with(Option::is_some).then(|| described_by.clone())
                            prop:value=move || key.get()
                            on:input=move |ev| {
                                key.set(event_target_value(&ev));
                                problem.set(None);
                            }
                        />
                        <button
                            id=format!("key-save-{name}")
                            type="submit"
                            class="button button-primary"
                            disabled=move || busy.get() || key.with(|k| k.trim().is_empty())
                        >
                            "Save"
                        </button>
                        <Show when=move || saved().is_some()>
                            <button
                                id=format!("key-remove-{name}")
                                type="button"
                                class="button button-danger-quiet"
                                disabled=move || busy.get()
                                on:click=remove
                            >
                                "Remove"
                            </button>
                        </Show>
                    </div>
                    <FieldError id=error_id error=problem />
                </div>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_of_the_other_environment_is_refused() {
        assert!(key_mismatch(AppEnvironment::Sandbox, "t9sk_live_abc").is_some());
        assert!(key_mismatch(AppEnvironment::Production, "t9sk_test_abc").is_some());
        assert_eq!(key_mismatch(AppEnvironment::Sandbox, "t9sk_test_abc"), None);
        assert_eq!(
            key_mismatch(AppEnvironment::Production, " t9k_live_abc "),
            None
        );
        // Unknown shapes are left to the backend, which checks every key with a call.
        assert_eq!(
            key_mismatch(AppEnvironment::Sandbox, "something-else"),
            None
        );
    }
}
