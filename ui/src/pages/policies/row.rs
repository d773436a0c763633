//! One policy in the list: who, what, status, dates, documents and actions.

use super::list::SOON_DAYS;
use crate::dates::iso_date;
use coverdesk_ipc::documents::DocumentKind;
use coverdesk_ipc::policies::PolicyRow;
use leptos::prelude::*;
use ten99::PolicyStatus;

/// "in 12 days", "today", "3 days ago".
pub fn relative_days(end: i64, now: i64) -> String {
    let days = (end - now).div_euclid(86_400);
    match days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        d if d > 1 => format!("in {d} days"),
        -1 => "yesterday".to_owned(),
        d => format!("{} days ago", -d),
    }
}

#[component]
pub fn PolicyRowView(
    row: PolicyRow,
    now: i64,
    highlighted: bool,
    on_view: Callback<(String, DocumentKind)>,
    on_assign: Callback<PolicyRow>,
    on_cancel: Callback<PolicyRow>,
) -> impl IntoView {
    let id = row.policy.id.clone();
    let status_class = format!("status status-{}", row.status.as_str());
    let active = row.status == PolicyStatus::Active;
    let dates = match (row.policy.effective_date, row.policy.expiration_date) {
        (Some(start), Some(end)) => format!("{} → {}", iso_date(start.0), iso_date(end.0)),
        (Some(start), None) => format!("from {}", iso_date(start.0)),
        _ => "—".to_owned(),
    };
    let ends = row.policy.expiration_date.map(|end| {
        let soon = active && end.0 >= now && end.0 - now <= i64::from(SOON_DAYS) * 86_400;
        let text = if end.0 < now {
            format!("ended {}", relative_days(end.0, now))
        } else {
            format!("ends {}", relative_days(end.0, now))
        };
        view! { <span class="cell-sub" class:ends-soon=soon>{text}</span> }
    });
    let coverage = if row.coverage.is_empty() {
        view! { <span class="tag tag-muted">"Unknown"</span> }.into_any()
    } else {
        row.coverage
            .iter()
            .map(|c| view! { <span class="tag">{c.label()}</span> })
            .collect_view()
            .into_any()
    };
    let documents = DocumentKind::ALL
        .into_iter()
        .filter(|kind| kind.url(&row.policy).is_some())
        .map(|kind| {
            let policy = id.clone();
            view! {
                <button
                    id=format!("policy-doc-{}-{}", kind.slug(), id)
                    type="button"
                    class="button button-link"
                    on:click=move |_| on_view.run((policy.clone(), kind))
                >
                    {kind.label()}
                </button>
            }
        })
        .collect_view();
    let for_cancel = row.clone();
    let for_assign = row.clone();
    view! {
        <tr class="policy-row record-row" class:highlighted=highlighted data-id=id.clone()>
            <td class="cell-strong">
                {row.holder()}
                <span class="cell-sub">
                    {row.job_name.clone().unwrap_or_else(|| "Job unknown".to_owned())} " · "
                    <code class="id">{id.clone()}</code>
                </span>
            </td>
            <td>
                <div class="tags">{coverage}</div>
            </td>
            <td>
                <span class=status_class>{row.status.as_str().to_owned()}</span>
            </td>
            <td class="cell-nowrap">{dates} {ends}</td>
            <td>
                <div class="doc-links">{documents}</div>
            </td>
            <td class="cell-actions">
                <div class="button-row">
                    <button
                        id=format!("policy-assign-{id}")
                        type="button"
                        class="button button-secondary button-small"
                        disabled=!active || row.contractor.is_none()
                        title="Cover this contractor for another job"
                        on:click=move |_| on_assign.run(for_assign.clone())
                    >
                        "Repeat coverage"
                    </button>
                    <button
                        id=format!("policy-cancel-{id}")
                        type="button"
                        class="button button-danger-quiet button-small"
                        disabled=!active
                        on:click=move |_| on_cancel.run(for_cancel.clone())
                    >
                        "Cancel"
                    </button>
                </div>
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::relative_days;

    #[test]
    fn says_how_far_a_date_is() {
        let now = 1_000 * 86_400 + 3_600;
        assert_eq!(relative_days(now + 12 * 86_400, now), "in 12 days");
        assert_eq!(relative_days(now + 86_400, now), "tomorrow");
        assert_eq!(relative_days(now + 60, now), "today");
        assert_eq!(relative_days(now - 3 * 86_400, now), "3 days ago");
    }
}
