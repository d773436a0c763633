//! The shell: sidebar with the product name and navigation, a header with the environment
//! badge, the current page, and the toasts.

use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::environment_badge::{EnvironmentBadge, ProductionBanner};
use crate::components::policy_notice::{PolicyNoticeStack, PolicyNotices};
use crate::components::toast::{ToastStack, Toasts};
use crate::current_settings::CurrentSettings;
use crate::pages::audit::AuditPage;
use crate::pages::contractors::ContractorsPage;
use crate::pages::entities::EntitiesPage;
use crate::pages::jobs::JobsPage;
use crate::pages::policies::{PoliciesPage, PoliciesView};
use crate::pages::quotes::{OpenQuotes, QuoteTarget, QuotesPage};
use crate::pages::sessions::SessionsPage;
use crate::pages::settings::SettingsPage;
use leptos::prelude::*;

/// The sidebar entries. A signal holds the current one; no router is needed for a handful of pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Contractors,
    Entities,
    Jobs,
    Quotes,
    Sessions,
    Policies,
    Audit,
    Settings,
}

impl Page {
    const ALL: [Page; 8] = [
        Page::Contractors,
        Page::Entities,
        Page::Jobs,
        Page::Quotes,
        Page::Sessions,
        Page::Policies,
        Page::Audit,
        Page::Settings,
    ];

    fn title(self) -> &'static str {
        match self {
            Page::Contractors => "Contractors",
            Page::Entities => "Entities",
            Page::Jobs => "Jobs",
            Page::Quotes => "Quotes",
            Page::Sessions => "Application links",
            Page::Policies => "Policies",
            Page::Audit => "Audit log",
            Page::Settings => "Settings",
        }
    }

    fn nav_id(self) -> &'static str {
        match self {
            Page::Contractors => "nav-contractors",
            Page::Entities => "nav-entities",
            Page::Jobs => "nav-jobs",
            Page::Quotes => "nav-quotes",
            Page::Sessions => "nav-sessions",
            Page::Policies => "nav-policies",
            Page::Audit => "nav-audit",
            Page::Settings => "nav-settings",
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let settings = CurrentSettings::new();
    settings.reload();
    provide_context(settings);
    provide_context(Toasts::new());

    let page = RwSignal::new(Page::Contractors);
    // A job or contractor row opens the Quotes page on itself.
    let quote_target = RwSignal::new(QuoteTarget::default());
    provide_context(quote_target);
    provide_context(OpenQuotes(Callback::new(move |target| {
        quote_target.set(target);
        page.set(Page::Quotes);
    })));

    // The follow task's findings: a notice linking to the policy, and a fresh list.
    let policies = PoliciesView::new();
    provide_context(policies);
    let notices = PolicyNotices::new();
    crate::ipc::events::listen(coverdesk_ipc::policies::POLICY_BOUND_EVENT, move |bound| {
        notices.push(bound);
        policies.changed();
    });
    crate::ipc::events::listen("cache-changed", move |resource: String| {
        if resource == "policies" {
            policies.changed();
        }
    });
    let open_policy = Callback::new(move |id: String| {
        policies.highlight.set(Some(id));
        page.set(Page::Policies);
    });

    view! {
        <div class="app-shell" class:is-production=move || settings.is_production()>
            <aside class="sidebar">
                <div class="brand">
                    <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" />
                        <path class="brand-check" d="m8.5 12 2.5 2.5 4.5-5" />
                    </svg>
                    <span class="brand-name">"Coverdesk"</span>
                </div>
                <nav class="nav" aria-label="Main">
                    {Page::ALL
                        .into_iter()
                        .map(|entry| {
                            let active = move || page.get() == entry;
                            view! {
                                <button
                                    id=entry.nav_id()
                                    type="button"
                                    class="nav-item"
                                    class:active=active
                                    aria-current=move || active().then_some("page")
                                    on:click=move |_| page.set(entry)
                                >
                                    {entry.title()}
                                </button>
                            }
                        })
                        .collect_view()}
                </nav>
                <p class="sidebar-foot">"1099Policy operations"</p>
            </aside>
            <div class="workspace">
                <ProductionBanner />
                <header class="topbar">
                    <h1 class="page-title">{move || page.get().title()}</h1>
                    <EnvironmentBadge />
                </header>
                <main class="content">
                    {move || match page.get() {
                        Page::Contractors => view! { <ContractorsPage /> }.into_any(),
                        Page::Entities => view! { <EntitiesPage /> }.into_any(),
                        Page::Jobs => view! { <JobsPage /> }.into_any(),
                        Page::Quotes => view! { <QuotesPage /> }.into_any(),
                        Page::Sessions => view! { <SessionsPage /> }.into_any(),
                        Page::Policies => view! { <PoliciesPage /> }.into_any(),
                        Page::Audit => view! { <AuditPage /> }.into_any(),
                        Page::Settings => view! { <SettingsPage /> }.into_any(),
                    }}
                </main>
            </div>
            <ToastStack />
            <ConfirmDialog />
            <PolicyNoticeStack notices=notices on_open=open_policy />
        </div>
    }
}
