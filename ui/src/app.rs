//! The shell: sidebar with the product name and navigation, a header with the environment
//! badge, the current page, and the toasts.

use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::environment_badge::{EnvironmentBadge, ProductionBanner};
use crate::components::policy_notice::{PolicyNoticeStack, PolicyNotices};
use crate::components::toast::{ToastStack, Toasts};
use crate::current_settings::CurrentSettings;
use crate::first_screen::FirstScreen;
use crate::loaded::loading_note;
use crate::pages::audit::AuditPage;
use crate::pages::compliance::{ComplianceLinks, CompliancePage};
use crate::pages::contractors::ContractorsPage;
use crate::pages::entities::EntitiesPage;
use crate::pages::jobs::JobsPage;
use crate::pages::policies::{PoliciesPage, PoliciesView};
use crate::pages::quotes::{OpenQuotes, QuoteTarget, QuotesPage};
use crate::pages::sessions::SessionsPage;
use crate::pages::settings::SettingsPage;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// The sidebar entries. A signal holds the current one; no router is needed for a handful of pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Compliance,
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
    const ALL: [Page; 9] = [
        Page::Compliance,
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
            Page::Compliance => "Compliance",
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
            Page::Compliance => "nav-compliance",
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

/// Renders one page; a plain function pointer, so it can come out of a lazily loaded module.
type Render = fn() -> AnyView;

const CONTRACTORS: Render = || view! { <ContractorsPage /> }.into_any();

/// What shows when the pages' module cannot be loaded: it ships inside the app, so only a
/// damaged install gets here, and starting again or reinstalling is what helps.
const UNLOADABLE: Render = || {
    view! {
        <div id="page-load-error" class="alert alert-error" role="alert">
            "This page's code could not be loaded. Restart Coverdesk; if it happens again, reinstall it."
        </div>
    }
    .into_any()
};

impl Page {
    /// This page's code. The first page is in the main wasm; the others are cut out into
    /// one module of their own (wasm-split, scripts/build-ui), fetched the first time any
    /// of them is asked for, so the web view compiles only the first screen's code before
    /// showing it.
    async fn load(self) -> Result<Render, SplitLoaderError> {
        match self {
            Page::Compliance => compliance_page().await,
            Page::Contractors => Ok(CONTRACTORS),
            Page::Entities => entities_page().await,
            Page::Jobs => jobs_page().await,
            Page::Quotes => quotes_page().await,
            Page::Sessions => sessions_page().await,
            Page::Policies => policies_page().await,
            Page::Audit => audit_page().await,
            Page::Settings => settings_page().await,
        }
    }
}

/// One function per page in the split module: wasm-split's unit is a function, and its
/// result must be a plain value (it is returned across the modules' boundary).
macro_rules! split_page {
    ($($load:ident => $page:ident),* $(,)?) => {$(
        #[wasm_split(pages, wasm_split_path = leptos::wasm_split, fallible)]
        fn $load() -> Result<Render, SplitLoaderError> {
            Ok(|| view! { <$page /> }.into_any())
        }
    )*};
}

split_page! {
    compliance_page => CompliancePage,
    entities_page => EntitiesPage,
    jobs_page => JobsPage,
    quotes_page => QuotesPage,
    sessions_page => SessionsPage,
    policies_page => PoliciesPage,
    audit_page => AuditPage,
    settings_page => SettingsPage,
}

#[component]
pub fn App() -> impl IntoView {
    let settings = CurrentSettings::new();
    settings.reload();
    provide_context(settings);
    provide_context(Toasts::new());
    provide_context(FirstScreen::after_next_paint());

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
    // A second launch on this data folder brought this window forward instead.
    let toasts = expect_context::<Toasts>();
    crate::ipc::events::listen(coverdesk_ipc::desktop::ALREADY_RUNNING_EVENT, move |()| {
        toasts.success("Coverdesk is already open: this is its window.");
    });
    leptos::task::spawn_local(crate::ipc::startup::tell_cache_notices(toasts));
    crate::ipc::events::listen("cache-changed", move |resource: String| {
        if resource == "policies" {
            policies.changed();
        }
    });
    let open_policy = Callback::new(move |id: String| {
        policies.highlight.set(Some(id));
        page.set(Page::Policies);
    });
    provide_context(ComplianceLinks {
        open_policy,
        open_sessions: Callback::new(move |_| page.set(Page::Sessions)),
    });

    // The first page shows at once; another may wait for its code (None meanwhile).
    let shown = RwSignal::new(Some(CONTRACTORS));
    Effect::watch(
        move || page.get(),
        move |&wanted, _, _| {
            shown.set(None);
            leptos::task::spawn_local(async move {
                let render = wanted.load().await.unwrap_or(UNLOADABLE);
                // A quicker click may have moved on while this page's code was loading.
                if page.get_untracked() == wanted {
                    shown.set(Some(render));
                }
            });
        },
        false,
    );
    // Once the first screen is drawn, the other pages' code loads in the background, so the
    // first visit to one does not wait for it either. One module holds them all: loading
    // one page's code loads every page's. (A failure here is retried, and shown, when a
    // page is opened.)
    crate::first_screen::after_next_paint(|| {
        leptos::task::spawn_local(async {
            let _ = Page::Settings.load().await;
        });
    });
    // Once the cache holds jobs, the desk is the home: the team opens Coverdesk to see
    // who is not covered. The answer comes within milliseconds of the first screen,
    // before anyone has moved; a click that came first wins.
    let moved = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if crate::ipc::compliance::home().await == Ok(true) && !moved.get_untracked() {
            page.set(Page::Compliance);
        }
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
                                    on:click=move |_| {
                                        moved.set(true);
                                        page.set(entry);
                                    }
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
                    {move || match shown.get() {
                        Some(render) => render(),
                        None => loading_note("Opening the page…"),
                    }}
                </main>
            </div>
            <ToastStack />
            <ConfirmDialog />
            <PolicyNoticeStack notices=notices on_open=open_policy />
        </div>
    }
}
