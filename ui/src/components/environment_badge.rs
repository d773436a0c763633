//! Which environment Coverdesk is talking to, always in sight: a coloured badge in the
//! header and, in production, a banner across the top.

use crate::current_settings::CurrentSettings;
use coverdesk_ipc::AppEnvironment;
use leptos::prelude::*;

/// The CSS modifier of each environment: local is calm teal, sandbox amber, production red.
pub fn environment_class(environment: AppEnvironment) -> &'static str {
    match environment {
        AppEnvironment::Local => "env-local",
        AppEnvironment::Sandbox => "env-sandbox",
        AppEnvironment::Production => "env-production",
    }
}

#[component]
pub fn EnvironmentBadge() -> impl IntoView {
    let settings = expect_context::<CurrentSettings>();
    let environment = move || settings.environment();
    let class = move || match environment() {
        Some(environment) => format!("badge env-badge {}", environment_class(environment)),
        None if settings.load_error.with(Option::is_some) => {
            "badge env-badge env-unknown".to_owned()
        }
        None => "badge env-badge env-loading".to_owned(),
    };
    let label = move || match environment() {
        Some(environment) => environment.label(),
        None if settings.load_error.with(Option::is_some) => "Environment unknown",
        None => "Connecting…",
    };
    let title = move || {
        settings.view.with(|view| {
            view.as_ref()
                .map(|view| format!("Calls go to {}", view.api_base))
        })
    };

    view! {
        <span
            id="env-badge"
            class=class
            data-environment=move || environment().map(AppEnvironment::as_str)
            title=title
            role="status"
        >
            <span class="env-dot" aria-hidden="true"></span>
            {label}
        </span>
    }
}

#[component]
pub fn ProductionBanner() -> impl IntoView {
    let settings = expect_context::<CurrentSettings>();
    move || {
        settings.is_production().then(|| {
            view! {
                <div id="production-banner" class="production-banner" role="note">
                    <strong>"Production"</strong>
                    " — real coverage and real charges"
                </div>
            }
        })
    }
}
