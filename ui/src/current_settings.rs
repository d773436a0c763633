//! The backend's settings as last seen, shared through context by the header (environment
//! badge, production banner), the settings page and any page that confirms writes.

use crate::ipc;
use coverdesk_ipc::{AppEnvironment, ErrorView, SettingsView};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Debug, Clone, Copy)]
pub struct CurrentSettings {
    /// `None` until the first `settings_get` answers.
    pub view: RwSignal<Option<SettingsView>>,
    /// Why the last load failed, if it did.
    pub load_error: RwSignal<Option<ErrorView>>,
}

impl CurrentSettings {
    pub fn new() -> Self {
        CurrentSettings {
            view: RwSignal::new(None),
            load_error: RwSignal::new(None),
        }
    }

    /// Asks the backend again (after a key was saved or removed).
    pub fn reload(self) {
        spawn_local(async move {
            match ipc::settings::get().await {
                Ok(view) => self.replace(view),
                Err(error) => self.load_error.set(Some(error)),
            }
        });
    }

    /// Takes the settings a command returned.
    pub fn replace(self, view: SettingsView) {
        self.view.set(Some(view));
        self.load_error.set(None);
    }

    /// The environment in use; `None` while unknown.
    pub fn environment(self) -> Option<AppEnvironment> {
        self.view
            .with(|view| view.as_ref().map(|view| view.environment))
    }

    pub fn is_production(self) -> bool {
        self.environment() == Some(AppEnvironment::Production)
    }
}
