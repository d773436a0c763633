//! Asks before a policy is cancelled, naming it: cover ends at once.

use crate::bidi::isolate;
use coverdesk_ipc::policies::PolicyRow;
use leptos::prelude::*;

#[component]
pub fn CancelDialog(
    row: PolicyRow,
    on_confirm: Callback<()>,
    on_dismiss: Callback<()>,
    busy: ReadSignal<bool>,
) -> impl IntoView {
    let what = format!(
        "Cancel policy {} for {}?",
        row.policy.id,
        isolate(&row.holder())
    );
    let job = row
        .job_name
        .clone()
        .map(|j| format!(" for the job “{j}”"))
        .unwrap_or_default();
    view! {
        <div class="dialog-backdrop">
            <div id="policy-cancel-dialog" class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="policy-cancel-title">
                <h2 id="policy-cancel-title">{what}</h2>
                <p>
                    {format!("Cover{job} ends now, and assignments under it that have not started are cancelled too. ")}
                    "This cannot be undone from Coverdesk."
                </p>
                <div class="button-row">
                    <button
                        id="policy-cancel-confirm"
                        type="button"
                        class="button button-danger"
                        disabled=move || busy.get()
                        on:click=move |_| on_confirm.run(())
                    >
                        {move || if busy.get() { "Cancelling…" } else { "Cancel policy" }}
                    </button>
                    <button
                        id="policy-cancel-dismiss"
                        type="button"
                        class="button button-secondary"
                        on:click=move |_| on_dismiss.run(())
                    >
                        "Keep it"
                    </button>
                </div>
            </div>
        </div>
    }
}
