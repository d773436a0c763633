//! Quotes: request several coverage combinations for a contractor and job, compare them
//! side by side, and turn the chosen one into an application link.

mod comparison;
mod link_generator;
mod request_form;

use crate::ipc;
use crate::loaded::Loaded;
use comparison::QuoteComparison;
use leptos::prelude::*;
pub(crate) use link_generator::copy_with_toast;
use link_generator::LinkGenerator;
use request_form::QuoteRequestForm;
use ten99::{Contractor, Entity, Job, Quote, UnixTime};

/// Who and what the page quotes for when opened from a job or a contractor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteTarget {
    pub contractor: Option<String>,
    pub job: Option<String>,
}

impl QuoteTarget {
    pub fn contractor(id: &str) -> QuoteTarget {
        QuoteTarget {
            contractor: Some(id.to_owned()),
            job: None,
        }
    }

    pub fn job(id: &str) -> QuoteTarget {
        QuoteTarget {
            contractor: None,
            job: Some(id.to_owned()),
        }
    }
}

/// Opens the Quotes page on a target; provided by the app shell.
#[derive(Clone, Copy)]
pub struct OpenQuotes(pub Callback<QuoteTarget>);

/// The Quote button of a record list's row: `quote-<noun>-<id>`.
pub fn quote_button(noun: &str, id: &str, target: QuoteTarget) -> AnyView {
    view! { <QuoteButton id=format!("quote-{noun}-{id}") target=target /> }.into_any()
}

/// "Quote" on a job or contractor row: opens the Quotes page on that record.
#[component]
pub fn QuoteButton(id: String, target: QuoteTarget) -> impl IntoView {
    let open = use_context::<OpenQuotes>();
    view! {
        <button
            id=id
            type="button"
            class="button button-secondary button-small"
            on:click=move |ev| {
                // The button sits in a row that opens the record when clicked.
                ev.stop_propagation();
                if let Some(OpenQuotes(open)) = open {
                    open.run(target.clone());
                }
            }
        >
            "Quote"
        </button>
    }
}

/// The records the page names things with, loaded once per visit.
#[derive(Clone, Copy)]
pub(crate) struct Records {
    pub contractors: Signal<Vec<Contractor>>,
    pub jobs: Signal<Vec<Job>>,
    pub entities: Signal<Vec<Entity>>,
}

impl Records {
    pub fn contractor(&self, id: &str) -> Option<Contractor> {
        self.contractors
            .with(|all| all.iter().find(|c| c.id == id).cloned())
    }

    pub fn job(&self, id: &str) -> Option<Job> {
        self.jobs
            .with(|all| all.iter().find(|j| j.id == id).cloned())
    }

    pub fn entity(&self, id: &str) -> Option<Entity> {
        self.entities
            .with(|all| all.iter().find(|e| e.id == id).cloned())
    }
}

/// The contractor and job the page is about.
#[derive(Clone, Copy)]
pub(crate) struct Selection {
    pub contractor: RwSignal<String>,
    pub job: RwSignal<String>,
}

/// What a list resource holds once loaded; empty while loading or after a failure (the
/// records' own pages show their errors).
fn loaded<T: Clone + Send + Sync + 'static>(
    resource: Loaded<Result<Vec<T>, coverdesk_ipc::ErrorView>>,
) -> Signal<Vec<T>> {
    Signal::derive(move || resource.get().and_then(Result::ok).unwrap_or_default())
}

/// Now, from the browser's clock.
pub(crate) fn now() -> UnixTime {
    UnixTime((js_sys::Date::now() / 1000.0) as i64)
}

#[component]
pub fn QuotesPage() -> impl IntoView {
    let target = use_context::<RwSignal<QuoteTarget>>()
        .map(|t| t.get_untracked())
        .unwrap_or_default();
    let selection = Selection {
        contractor: RwSignal::new(target.contractor.unwrap_or_default()),
        job: RwSignal::new(target.job.unwrap_or_default()),
    };
    let contractors = Loaded::new(|| ipc::records::list::<Contractor>(None));
    let jobs = Loaded::new(|| ipc::records::list::<Job>(None));
    let entities = Loaded::new(|| ipc::records::list::<Entity>(None));
    let records = Records {
        contractors: loaded(contractors),
        jobs: loaded(jobs),
        entities: loaded(entities),
    };
    // Bumped when new quotes are in the cache, so the comparison loads them.
    let quotes_version = RwSignal::new(0_u64);
    let chosen = RwSignal::new(None::<Quote>);

    view! {
        <div class="page page-quotes">
            <QuoteRequestForm
                selection=selection
                records=records
                on_quoted=Callback::new(move |_| quotes_version.update(|v| *v += 1))
            />
            <QuoteComparison
                selection=selection
                records=records
                quotes_version=quotes_version
                chosen=chosen
            />
            <LinkGenerator chosen=chosen records=records />
        </div>
    }
}
