//! "Policy bound for Ann Lee": the notices the follow task raises, each with a link to
//! the policy. They stay until dismissed or followed: a bound policy is worth a look.

use coverdesk_ipc::policies::PolicyBound;
use leptos::prelude::*;

/// The notices on screen, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct PolicyNotices {
    shown: RwSignal<Vec<PolicyBound>>,
}

impl PolicyNotices {
    pub fn new() -> Self {
        PolicyNotices {
            shown: RwSignal::new(Vec::new()),
        }
    }

    pub fn push(self, bound: PolicyBound) {
        self.shown.update(|shown| {
            shown.retain(|b| b.policy_id != bound.policy_id);
            shown.push(bound);
            let excess = shown.len().saturating_sub(3);
            shown.drain(..excess);
        });
    }

    fn dismiss(self, policy_id: &str) {
        self.shown
            .update(|shown| shown.retain(|b| b.policy_id != policy_id));
    }
}

#[component]
pub fn PolicyNoticeStack(notices: PolicyNotices, on_open: Callback<String>) -> impl IntoView {
    view! {
        <div class="notice-stack" aria-live="polite">
            <For each=move || notices.shown.get() key=|bound| bound.policy_id.clone() let(bound)>
                {
                    let id = bound.policy_id.clone();
                    let open_id = id.clone();
                    let close_id = id.clone();
                    view! {
                        <div id=format!("notice-{id}") class="toast toast-success notice" role="status">
                            <svg class="notice-icon" viewBox="0 0 24 24" aria-hidden="true">
                                <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" />
                                <path class="notice-check" d="m8.5 12 2.5 2.5 4.5-5" />
                            </svg>
                            <div class="notice-body">
                                <strong class="notice-title">{bound.headline()}</strong>
                                <span class="cell-sub">{format!("{id} · {}", bound.environment)}</span>
                                <button
                                    id=format!("notice-open-{id}")
                                    type="button"
                                    class="button button-link"
                                    on:click=move |_| {
                                        notices.dismiss(&open_id);
                                        on_open.run(open_id.clone());
                                    }
                                >
                                    "View policy"
                                </button>
                            </div>
                            <button
                                type="button"
                                class="toast-close"
                                aria-label="Dismiss"
                                on:click=move |_| notices.dismiss(&close_id)
                            >
                                "×"
                            </button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
