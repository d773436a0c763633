//! Settings: which environment Coverdesk talks to, and the API keys it uses there.

mod environment_switcher;
mod key_card;

use crate::current_settings::CurrentSettings;
use coverdesk_ipc::AppEnvironment;
use environment_switcher::EnvironmentSwitcher;
use key_card::KeyCard;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let settings = expect_context::<CurrentSettings>();
    let loaded = move || settings.view.with(Option::is_some);

    view! {
        <div class="page page-settings">
            {move || {
                settings
                    .load_error
                    .get()
                    .map(|error| {
                        view! {
                            <div id="settings-error" class="alert alert-error" role="alert">
                                <p class="alert-title">"Could not read the settings"</p>
                                <p>{error.message}</p>
                            </div>
                        }
                    })
            }}
            <Show when=loaded fallback=|| view! { <p class="table-note">"Loading settings…"</p> }>
                <EnvironmentSwitcher />
                <KeychainNotice />
                <section class="card" aria-labelledby="keys-title">
                    <header class="card-header">
                        <div>
                            <h2 id="keys-title">"API keys"</h2>
                            <p class="card-subtitle">
                                "Kept in the system keychain. Coverdesk never shows a key again after saving it."
                            </p>
                        </div>
                    </header>
                    <div class="key-grid">
                        <KeyCard environment=AppEnvironment::Sandbox />
                        <KeyCard environment=AppEnvironment::Production />
                    </div>
                </section>
            </Show>
        </div>
    }
}

/// Whether the OS keychain can be used; when not, the backend's advice (what is wrong
/// and what to do) and that Coverdesk carries on with the local stand-in.
#[component]
fn KeychainNotice() -> impl IntoView {
    let settings = expect_context::<CurrentSettings>();
    let status = move || {
        settings
            .view
            .with(|view| view.as_ref().map(|v| v.keychain.clone()))
    };
    move || {
        status().map(|status| {
            if status.available {
                view! {
                    <p id="keychain-status" class="keychain-ok" data-available="true" role="status">
                        <span class="env-dot" aria-hidden="true"></span>
                        "System keychain available: keys are stored there, one entry per environment."
                    </p>
                }
                    .into_any()
            } else {
                let message = status
                    .message
                    .unwrap_or_else(|| "The system keychain is not available.".to_owned());
                view! {
                    <div
                        id="keychain-status"
                        class="alert alert-warning"
                        data-available="false"
                        data-code=status.code
                        role="status"
                    >
                        <p class="alert-title">"Keychain unavailable"</p>
                        <p>{message}</p>
                    </div>
                }
                    .into_any()
            }
        })
    }
}
