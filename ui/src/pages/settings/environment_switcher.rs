//! Shows the environment in use and switches it; production asks for confirmation first.

use crate::components::environment_badge::environment_class;
use crate::components::toast::Toasts;
use crate::current_settings::CurrentSettings;
use crate::ipc;
use coverdesk_ipc::AppEnvironment;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn description(environment: AppEnvironment) -> &'static str {
    match environment {
        AppEnvironment::Local => {
            "The built-in stand-in of the API. Offline, nothing leaves this computer."
        }
        AppEnvironment::Sandbox => {
            "1099Policy's test environment, with your sandbox key. No real coverage."
        }
        AppEnvironment::Production => {
            "The live API with your production key: real coverage, real charges."
        }
    }
}

#[component]
pub fn EnvironmentSwitcher() -> impl IntoView {
    let settings = expect_context::<CurrentSettings>();
    let toasts = expect_context::<Toasts>();
    let confirming_production = RwSignal::new(false);
    let switching = RwSignal::new(None::<AppEnvironment>);

    let switch_to = move |environment: AppEnvironment| {
        confirming_production.set(false);
        switching.set(Some(environment));
        spawn_local(async move {
            match ipc::settings::switch_environment(environment).await {
                Ok(view) => {
                    settings.replace(view);
                    toasts.success(format!("Now using {}", environment.label()));
                    ipc::startup::tell_cache_notices(toasts).await;
                }
                Err(error) => toasts.error(format!(
                    "Could not switch to {}: {}",
                    environment.label(),
                    error.message
                )),
            }
            switching.set(None);
        });
    };
    let choose = move |environment: AppEnvironment| {
        if environment == AppEnvironment::Production {
            confirming_production.set(true);
        } else {
            switch_to(environment);
        }
    };

    let current = move || settings.environment();
    let api_base = move || {
        settings.view.with(|view| {
            view.as_ref()
                .map(|view| view.api_base.clone())
                .unwrap_or_default()
        })
    };
    let has_key = move |environment: AppEnvironment| {
        environment == AppEnvironment::Local
            || settings.view.with(|view| {
                view.as_ref()
                    .is_some_and(|view| view.keys.iter().any(|key| key.environment == environment))
            })
    };

    view! {
        <section class="card" aria-labelledby="environment-title">
            <header class="card-header">
                <div>
                    <h2 id="environment-title">"Environment"</h2>
                    <p class="card-subtitle">
                        "Data is kept apart per environment. Calls go to "
                        <code id="api-base">{api_base}</code>
                    </p>
                </div>
            </header>
            <div class="environment-options" role="group" aria-label="Switch environment">
                {AppEnvironment::ALL
                    .into_iter()
                    .map(|environment| {
                        let is_current = move || current() == Some(environment);
                        view! {
                            <button
                                id=format!("env-switch-{}", environment.as_str())
                                type="button"
                                class=format!("environment-option {}", environment_class(environment))
                                class:current=is_current
                                aria-pressed=move || if is_current() { "true" } else { "false" }
                                disabled=move || is_current() || switching.with(Option::is_some)
                                on:click=move |_| choose(environment)
                            >
                                <span class="environment-option-head">
                                    <span class="env-dot" aria-hidden="true"></span>
                                    <span class="environment-option-name">{environment.label()}</span>
                                    {move || {
                                        if is_current() {
                                            Some(view! { <span class="tag">"In use"</span> }.into_any())
                                        } else if switching.get() == Some(environment) {
                                            Some(view! { <span class="tag">"Switching…"</span> }.into_any())
                                        } else if !has_key(environment) {
                                            Some(view! { <span class="tag tag-muted">"No key saved"</span> }.into_any())
                                        } else {
                                            None
                                        }
                                    }}
                                </span>
                                <span class="environment-option-text">{description(environment)}</span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                confirming_production
                    .get()
                    .then(|| {
                        view! {
                            <div id="production-confirm" class="confirm" role="alert">
                                <p>
                                    <strong>"Switch to Production?"</strong>
                                    " Every call from now on uses your live key and creates real coverage and real charges."
                                </p>
                                <div class="button-row">
                                    <button
                                        id="env-confirm-production"
                                        type="button"
                                        class="button button-danger"
                                        on:click=move |_| switch_to(AppEnvironment::Production)
                                    >
                                        "Switch to Production"
                                    </button>
                                    <button
                                        id="env-confirm-cancel"
                                        type="button"
                                        class="button button-secondary"
                                        on:click=move |_| confirming_production.set(false)
                                    >
                                        "Cancel"
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
        </section>
    }
}
