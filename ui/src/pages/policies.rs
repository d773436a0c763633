//! Policies: what the follow task and Refresh brought into the cache, each with its
//! documents (opened in the viewer), cancel, and repeat coverage for its contractor.

mod cancel_dialog;
mod list;
mod repeat_coverage;
mod row;

use crate::components::pdf_viewer::PdfViewer;
use coverdesk_ipc::documents::DocumentKind;
use coverdesk_ipc::policies::PolicyRow;
use leptos::prelude::*;
use list::PolicyList;
use repeat_coverage::RepeatCoverage;

/// Shared by the shell and the page: the shell bumps `version` when the backend says
/// policies changed, and sets `highlight` when a notification's link is followed.
#[derive(Debug, Clone, Copy)]
pub struct PoliciesView {
    pub version: RwSignal<u64>,
    pub highlight: RwSignal<Option<String>>,
}

impl PoliciesView {
    pub fn new() -> Self {
        PoliciesView {
            version: RwSignal::new(0),
            highlight: RwSignal::new(None),
        }
    }

    pub fn changed(self) {
        self.version.update(|v| *v += 1);
    }
}

#[component]
pub fn PoliciesPage() -> impl IntoView {
    let shared = expect_context::<PoliciesView>();
    let viewing = RwSignal::new(None::<(String, DocumentKind)>);
    let assigning = RwSignal::new(None::<PolicyRow>);

    view! {
        <div class="page page-policies">
            {move || {
                viewing
                    .get()
                    .map(|(policy, kind)| {
                        view! {
                            <PdfViewer
                                policy=policy
                                kind=kind
                                on_close=Callback::new(move |_| viewing.set(None))
                            />
                        }
                    })
            }}
            {move || {
                assigning
                    .get()
                    .map(|row| {
                        view! {
                            <RepeatCoverage
                                row=row
                                on_close=Callback::new(move |_| assigning.set(None))
                            />
                        }
                    })
            }}
            <PolicyList
                shared=shared
                on_view=Callback::new(move |opened| viewing.set(Some(opened)))
                on_assign=Callback::new(move |row| assigning.set(Some(row)))
            />
        </div>
    }
}
