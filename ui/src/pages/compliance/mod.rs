//! The compliance desk: for every job, who works it and whether each line of cover its
//! entity requires is in place. The backend works the statuses out from the cache and
//! sends one page of rows with the counts; filters and paging ask it again.

use crate::components::toast::Toasts;
use crate::dates::{age_text, iso_date};
use crate::ipc;
use crate::loaded::{loading_note, Loaded};
use crate::pages::quotes::{QuoteButton, QuoteTarget};
use coverdesk_ipc::compliance::{
    Chart, ComplianceFilter, ComplianceRow, ComplianceStatus, ComplianceView, LineState,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::CoverageType;
use warning_window::WarningWindow;

mod warning_window;

/// Rows per page.
const PAGE_ROWS: usize = 50;

/// Where a row's fix leads outside the Quotes page; provided by the app shell.
#[derive(Clone, Copy)]
pub struct ComplianceLinks {
    /// The policy on the Policies page, where "Repeat coverage" assigns it anew.
    pub open_policy: Callback<String>,
    pub open_sessions: Callback<()>,
}

fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

#[component]
pub fn CompliancePage() -> impl IntoView {
    let entity = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let coverage = RwSignal::new(String::new());
    let expiring = RwSignal::new(String::new());
    let offset = RwSignal::new(0_usize);
    let version = RwSignal::new(0_u64);
    crate::ipc::events::listen(
        coverdesk_ipc::sync::CACHE_CHANGED_EVENT,
        move |_: String| {
            version.update(|v| *v += 1);
        },
    );
    let filter = Memo::new(move |_| ComplianceFilter {
        entity: Some(entity.get()).filter(|e| !e.is_empty()),
        status: ComplianceStatus::parse(&status.get()),
        coverage: CoverageType::parse(&coverage.get()),
        expiring_within_days: expiring.get().trim().parse().ok(),
    });
    // A new filter starts at its first page.
    Effect::watch(move || filter.get(), move |_, _, _| offset.set(0), false);
    let loaded = Loaded::new(move || {
        version.track();
        let filter = filter.get();
        let offset = offset.get();
        async move { ipc::compliance::table(&filter, offset, PAGE_ROWS).await }
    });

    view! {
        <section class="card" aria-labelledby="compliance-title">
            <header class="card-header">
                <div>
                    <h2 id="compliance-title">"Compliance"</h2>
                    <p class="card-subtitle">
                        "Each job's contractors against the cover its entity requires, worked out from the records on this computer."
                    </p>
                </div>
            </header>
            {move || match loaded.get() {
                None => loading_note("Working out who is covered…"),
                Some(Err(error)) => {
                    view! {
                        <div id="compliance-error" class="alert alert-error" role="alert">
                            <p class="alert-title">"Could not work out compliance"</p>
                            <p>{error.message}</p>
                        </div>
                    }
                        .into_any()
                }
                Some(Ok(desk)) => {
                    let rework = Callback::new(move |_| version.update(|v| *v += 1));
                    view! {
                        <WarningWindow days=desk.warning_days on_saved=rework />
                        <Desk desk=desk status=status entity=entity coverage=coverage expiring=expiring offset=offset />
                    }
                        .into_any()
                }
            }}
        </section>
        <Charts version=version />
    }
}

/// The charts under the table, each with its figures as a table (its text alternative).
#[component]
fn Charts(version: RwSignal<u64>) -> impl IntoView {
    let charts = Loaded::new(move || {
        version.track();
        ipc::compliance::charts()
    });
    move || match charts.get() {
        None => loading_note("Drawing the charts…"),
        Some(Err(error)) => view! {
            <div id="compliance-charts-error" class="alert alert-error" role="alert">
                <p class="alert-title">"Could not draw the charts"</p>
                <p>{error.message}</p>
            </div>
        }
        .into_any(),
        Some(Ok(charts)) => charts.into_iter().map(chart_card).collect_view().into_any(),
    }
}

fn chart_card(chart: Chart) -> impl IntoView {
    let headings = chart
        .columns
        .iter()
        .map(|c| view! { <th scope="col">{c.clone()}</th> })
        .collect_view();
    let figures = chart
        .rows
        .into_iter()
        .map(|row| {
            let values = row
                .values
                .into_iter()
                .map(|v| view! { <td>{v}</td> })
                .collect_view();
            view! { <tr><th scope="row">{row.label}</th>{values}</tr> }
        })
        .collect_view();
    view! {
        <section id=format!("chart-{}", chart.id) class="card compliance-chart" aria-label=chart.title.clone()>
            <h2>{chart.title.clone()}</h2>
            <div class="chart-figure" role="img" aria-label=chart.summary.clone() inner_html=chart.svg></div>
            <details class="chart-figures">
                <summary>"Figures"</summary>
                <table class="table">
                    <thead><tr>{headings}</tr></thead>
                    <tbody>{figures}</tbody>
                </table>
            </details>
        </section>
    }
}

#[component]
fn Desk(
    desk: ComplianceView,
    status: RwSignal<String>,
    entity: RwSignal<String>,
    coverage: RwSignal<String>,
    expiring: RwSignal<String>,
    offset: RwSignal<usize>,
) -> impl IntoView {
    let now = now_seconds();
    let age = match desk.data_as_of {
        Some(at) => format!(
            "Records as of {} ({}); expiring means within {} days.",
            iso_date(at.0),
            age_text(now, at.0),
            desk.warning_days
        ),
        None => "The record lists have not been read from the API yet.".to_owned(),
    };
    let counts = desk
        .counts
        .iter()
        .map(|count| {
            let value = count.status.as_str();
            let chosen = move || status.get() == value;
            view! {
                <button
                    id=format!("compliance-count-{value}")
                    type="button"
                    class=format!("segment compliance-count compliance-{value}")
                    class:selected=chosen
                    aria-pressed=move || chosen().to_string()
                    on:click=move |_| {
                        status.set(if chosen() { String::new() } else { value.to_owned() })
                    }
                >
                    {count.status.label()}
                    " "
                    <strong class="count-figure">{count.rows}</strong>
                </button>
            }
        })
        .collect_view();
    let entities = desk.entities.clone();
    let page = desk.page;
    let (first, shown, total) = (page.offset, page.items.len(), page.total);
    let rows = page
        .items
        .into_iter()
        .enumerate()
        .map(|(n, row)| view! { <Row row=row n=first + n /> })
        .collect_view();
    view! {
        <p id="compliance-age" class="table-note">{age}</p>
        <div class="segmented compliance-counts" role="group" aria-label="Rows by status">
            {counts}
        </div>
        <div class="toolbar compliance-filters">
            <label class="field">
                "Entity"
                <select id="compliance-entity" prop:value=move || entity.get() on:change=move |ev| entity.set(event_target_value(&ev))>
                    <option value="">"All entities"</option>
                    {entities
                        .into_iter()
                        .map(|e| view! { <option value=e.id.clone()>{e.name}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                "Status"
                <select id="compliance-status" prop:value=move || status.get() on:change=move |ev| status.set(event_target_value(&ev))>
                    <option value="">"Any status"</option>
                    {ComplianceStatus::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str()>{s.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                "Coverage line"
                <select id="compliance-coverage" prop:value=move || coverage.get() on:change=move |ev| coverage.set(event_target_value(&ev))>
                    <option value="">"Any line"</option>
                    {CoverageType::ALL
                        .iter()
                        .map(|c| view! { <option value=c.as_str()>{c.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                "Ends within (days)"
                <input
                    id="compliance-expiring"
                    type="number"
                    min="0"
                    inputmode="numeric"
                    prop:value=move || expiring.get()
                    on:input=move |ev| expiring.set(event_target_value(&ev))
                />
            </label>
        </div>
        <ReportButton entity=entity />
        <div class="table-wrap">
            <table id="compliance-table" class="table">
                <thead>
                    <tr>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Contractor"</th>
                        <th scope="col">"Job and entity"</th>
                        <th scope="col">"Required cover"</th>
                        <th scope="col" class="cell-actions">"Fix"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows}
                    {(total == 0).then(|| view! {
                        <tr class="empty-row">
                            <td id="compliance-empty" colspan="5">"No job matches these filters."</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        <div class="pager">
            <span id="compliance-shown" class="table-note">
                {if total == 0 { "0 rows".to_owned() } else { format!("Rows {}–{} of {total}", first + 1, first + shown) }}
            </span>
            <button
                id="compliance-previous"
                type="button"
                class="button button-secondary button-small"
                disabled={first == 0}
                on:click={move |_| offset.set(first.saturating_sub(PAGE_ROWS))}
            >
                "Previous"
            </button>
            <button
                id="compliance-next"
                type="button"
                class="button button-secondary button-small"
                disabled={first + shown >= total}
                on:click={move |_| offset.set(first + PAGE_ROWS)}
            >
                "Next"
            </button>
        </div>
    }
}

#[component]
fn Row(row: ComplianceRow, n: usize) -> impl IntoView {
    let status = row.status;
    let contractor = row
        .contractor_name
        .clone()
        .unwrap_or_else(|| "Nobody yet".to_owned());
    let lines = row.lines.iter().map(line_view).collect_view();
    view! {
        <tr id=format!("compliance-row-{n}") class="compliance-row" data-job=row.job.clone() data-contractor=row.contractor.clone().unwrap_or_default() data-status=status.as_str()>
            <td><span class=format!("status compliance-{}", status.as_str())>{status.label()}</span></td>
            <td>{contractor}</td>
            <td>{row.job_name.clone()}<span class="cell-sub">{row.entity_name.clone()}</span></td>
            <td><div class="compliance-lines">{lines}</div></td>
            <td class="cell-actions">{fix(&row, n)}</td>
        </tr>
    }
}

fn line_view(line: &LineState) -> impl IntoView {
    let until = line
        .until
        .map(|t| format!(" until {}", iso_date(t.0)))
        .unwrap_or_default();
    view! {
        <span class=format!("compliance-line compliance-{}", line.status.as_str())>
            {line.coverage.label()}": "{line.status.label()}{until}
        </span>
    }
}

/// The one click that moves the row on: a quote for what is missing or refused, the
/// links for what is under way, the policy to renew for what lapses.
fn fix(row: &ComplianceRow, n: usize) -> AnyView {
    let id = format!("compliance-fix-{n}");
    let links = use_context::<ComplianceLinks>();
    match row.status {
        ComplianceStatus::Missing | ComplianceStatus::Ineligible | ComplianceStatus::Unstaffed => {
            let target = QuoteTarget {
                contractor: row.contractor.clone(),
                job: Some(row.job.clone()),
            };
            view! { <QuoteButton id=id target=target /> }.into_any()
        }
        ComplianceStatus::Pending => view! {
            <button id=id type="button" class="button button-secondary button-small"
                on:click=move |_| if let Some(links) = links { links.open_sessions.run(()) }>
                "Links"
            </button>
        }
        .into_any(),
        ComplianceStatus::Expiring => {
            let policy = row
                .lines
                .iter()
                .find(|l| l.status == ComplianceStatus::Expiring)
                .and_then(|l| l.policy.clone())
                .unwrap_or_default();
            view! {
                <button id=id type="button" class="button button-secondary button-small"
                    on:click=move |_| if let Some(links) = links { links.open_policy.run(policy.clone()) }>
                    "Renew"
                </button>
            }
            .into_any()
        }
        ComplianceStatus::Covered | ComplianceStatus::NotRequired => ().into_any(),
    }
}

/// "Report (CSV)" for the entity chosen in the filter: its rows, line by line, with the
/// certificate links; the backend writes the file and the path stays on screen.
#[component]
fn ReportButton(entity: RwSignal<String>) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let saved = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let write = move |_| {
        let chosen = entity.get_untracked();
        busy.set(true);
        spawn_local(async move {
            match ipc::compliance::report(&chosen).await {
                Ok(summary) => {
                    toasts.success(format!("Report written: {} lines", summary.rows));
                    saved.set(Some(summary.path));
                }
                Err(error) => toasts.error(format!(
                    "The report could not be written: {}",
                    error.message
                )),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="toolbar">
            <button
                id="compliance-report"
                type="button"
                class="button button-secondary"
                disabled=move || busy.get() || entity.with(String::is_empty)
                title="Choose an entity first: a report is one client's"
                on:click=write
            >
                "Report (CSV)"
            </button>
            <span id="compliance-report-path" class="export-path">{move || saved.get()}</span>
        </div>
    }
}
