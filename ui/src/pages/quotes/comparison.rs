//! The quotes for the chosen contractor and job side by side: eligibility, rates per
//! $100, taxes and fees, the premium estimated on the job's pay, dates, the entity's
//! requirements, and the best choice marked. Every column sorts.

use super::{Records, Selection};
use crate::components::toast::Toasts;
use crate::dates::iso_date;
use crate::forms::quote_request_draft::coverage_label;
use crate::ipc;
use crate::loaded::{loading_note, Loaded};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::compare::{estimated_pay, Comparison, QuoteRow, SortColumn};
use ten99::{Cents, CoverageType, Quote};

fn heading(column: SortColumn) -> &'static str {
    match column {
        SortColumn::Coverage => "Coverage",
        SortColumn::Eligible => "Eligibility",
        SortColumn::Rate => "Per $100",
        SortColumn::Premium => "Premium",
        SortColumn::TaxesAndFees => "Taxes, fees",
        SortColumn::Total => "Total",
        SortColumn::Effective => "Dates",
        SortColumn::Requirements => "Required",
    }
}

#[component]
pub(super) fn QuoteComparison(
    selection: Selection,
    records: Records,
    quotes_version: RwSignal<u64>,
    chosen: RwSignal<Option<Quote>>,
) -> impl IntoView {
    let sort = RwSignal::new((SortColumn::Total, true));
    let quotes = Loaded::new(move || {
        let (contractor, job) = (selection.contractor.get(), selection.job.get());
        quotes_version.track();
        async move {
            if contractor.is_empty() || job.is_empty() {
                return Ok(Vec::new());
            }
            ipc::quotes::list(Some(&contractor), Some(&job)).await
        }
    });
    let job = Memo::new(move |_| records.job(&selection.job.get()));
    let required = Memo::new(move |_| {
        job.get()
            .and_then(|j| records.entity(&j.entity))
            .map(|e| e.required_coverage)
            .unwrap_or_default()
    });

    let toasts = expect_context::<Toasts>();
    // Quotes made elsewhere (another app, the dashboard) reach the cache this way.
    let refresh = move |_| {
        spawn_local(async move {
            match ipc::quotes::refresh().await {
                Ok(summary) => {
                    toasts.success(format!(
                        "Refreshed: {} quotes from the API",
                        summary.fetched
                    ));
                    quotes_version.update(|v| *v += 1);
                }
                Err(e) => toasts.error(format!("Refresh failed: {}", e.message)),
            }
        });
    };

    let subtitle = move || match job.get() {
        Some(job) => {
            let pay = estimated_pay(&job);
            let entity = records
                .entity(&job.entity)
                .map(|e| e.name)
                .unwrap_or(job.entity.clone());
            let needs = required.get();
            let needs = if needs.is_empty() {
                "requires no particular coverage".to_owned()
            } else {
                format!("requires {}", coverage_label(&needs))
            };
            format!(
                "{} for {entity}, which {needs}. Rates are per $100 of pay; premium, taxes, fees and total are estimated on {} ({}).",
                job.name, pay.amount, pay.basis
            )
        }
        None => "Choose a contractor and a job to see their quotes.".to_owned(),
    };

    view! {
        <section class="card" aria-labelledby="comparison-title">
            <header class="card-header">
                <div>
                    <h2 id="comparison-title">"Compare quotes"</h2>
                    <p class="card-subtitle" id="comparison-subtitle">{subtitle}</p>
                </div>
                <button id="quote-refresh" type="button" class="button button-secondary" on:click=refresh>
                    "Refresh"
                </button>
            </header>
            {move || {
                quotes.get().map(|result| match result {
                    Ok(list) if list.is_empty() => {
                        view! { <p id="comparison-empty" class="table-note">"No quotes yet for this contractor and job. Request some above."</p> }.into_any()
                    }
                    Ok(list) => {
                        let pay = job.get().map(|j| estimated_pay(&j).amount).unwrap_or(Cents::ZERO);
                        let mut comparison = Comparison::new(list, pay, &required.get());
                        let (column, ascending) = sort.get();
                        comparison.sort(column, ascending);
                        view! { <ComparisonTable comparison=comparison sort=sort chosen=chosen /> }.into_any()
                    }
                    Err(error) => view! {
                        <div class="alert alert-error" role="alert">
                            <p class="alert-title">"Could not load quotes"</p>
                            <p>{error.message}</p>
                        </div>
                    }.into_any(),
                })
                    .unwrap_or_else(|| loading_note("Loading quotes…"))
            }}
        </section>
    }
}

#[component]
fn ComparisonTable(
    comparison: Comparison,
    sort: RwSignal<(SortColumn, bool)>,
    chosen: RwSignal<Option<Quote>>,
) -> impl IntoView {
    let headers = SortColumn::ALL
        .into_iter()
        .map(|column| {
            let arrow = move || match sort.get() {
                (c, true) if c == column => " ▲",
                (c, false) if c == column => " ▼",
                _ => "",
            };
            let aria = move || match sort.get() {
                (c, true) if c == column => "ascending",
                (c, false) if c == column => "descending",
                _ => "none",
            };
            view! {
                <th scope="col" aria-sort=aria>
                    <button
                        id=format!("sort-{}", column.id())
                        type="button"
                        class="sort-button"
                        on:click=move |_| sort.update(|(c, asc)| {
                            if *c == column { *asc = !*asc } else { *c = column; *asc = true }
                        })
                    >
                        {heading(column)}
                        <span class="sort-arrow">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    let rows = comparison
        .rows
        .iter()
        .map(|row| {
            let best = comparison.is_best(row);
            view! { <ComparisonRow row=row.clone() best=best chosen=chosen /> }
        })
        .collect_view();
    let none_best = comparison.best.is_none().then(|| {
        view! { <p id="no-best" class="table-note">"No quote here is eligible and gives every coverage the entity requires."</p> }
    });
    view! {
        <div class="table-wrap">
            <table id="quote-comparison" class="table comparison">
                <thead>
                    <tr>
                        {headers}
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {none_best}
    }
}

fn lines_text(row: &QuoteRow, f: impl Fn(&ten99::compare::LineCost) -> Option<String>) -> String {
    row.costs
        .as_ref()
        .map(|c| {
            c.lines
                .iter()
                .filter_map(|l| f(l).map(|t| format!("{} {t}", l.key.to_uppercase())))
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .unwrap_or_default()
}

#[component]
fn ComparisonRow(row: QuoteRow, best: bool, chosen: RwSignal<Option<Quote>>) -> impl IntoView {
    let quote = row.quote.clone();
    let id = quote.id.clone();
    let dash = || "—".to_owned();
    let money = |f: fn(&ten99::compare::Costs) -> Cents| {
        row.costs
            .as_ref()
            .map(|c| f(c).to_string())
            .unwrap_or_else(dash)
    };
    let rate = row
        .costs
        .as_ref()
        .map(|c| c.rate.per_100().to_string())
        .unwrap_or_else(dash);
    let line_rates = lines_text(&row, |l| Some(l.rate.per_100().to_string()));
    let line_taxes = lines_text(&row, |l| {
        let mut parts = Vec::new();
        if let Some(rate) = &l.tax_rate {
            parts.push(format!("tax {}", rate.percent()));
        }
        if let Some(rate) = &l.stamping_fee_rate {
            parts.push(format!("stamping {}", rate.percent()));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    let (starts, ends) = match (quote.effective_date, quote.end_date) {
        (Some(start), Some(end)) => (iso_date(start.0), format!("to {}", iso_date(end.0))),
        (Some(start), None) => (iso_date(start.0), String::new()),
        _ => ("API defaults".to_owned(), String::new()),
    };
    let eligibility = match &row.ineligible_reason {
        None => view! { <span class="tag tag-ok">"Eligible"</span> }.into_any(),
        Some(reason) => view! {
            <span class="tag tag-bad">"Not eligible"</span>
            <span class="cell-sub">{reason.clone()}</span>
        }
        .into_any(),
    };
    let requirements = if row.missing.is_empty() {
        view! { <span class="tag tag-ok">"Met"</span> }.into_any()
    } else {
        let missing: Vec<CoverageType> = row.missing.clone();
        view! {
            <span class="tag tag-warn">"Not met"</span>
            <span class="cell-sub">{format!("No {}", coverage_label(&missing))}</span>
        }
        .into_any()
    };
    let eligible = quote.eligible;
    let pick = quote.clone();
    let is_chosen = {
        let id = id.clone();
        move || chosen.with(|c| c.as_ref().is_some_and(|q| q.id == id))
    };
    view! {
        <tr id=format!("quote-row-{id}") class="record-row quote-row" class:is-best=best class:is-chosen=is_chosen data-id=id.clone()>
            <td class="cell-strong cell-coverage">
                {quote.coverage_type.iter().map(|c| view! { <span class="coverage-line">{c.label()}</span> }).collect_view()}
                {best.then(|| view! { <span id="best-quote" class="tag tag-best">"Best choice"</span> })}
                <span class="cell-sub"><code class="id">{id.clone()}</code></span>
            </td>
            <td>{eligibility}</td>
            <td class="cell-nowrap">
                {rate}
                <span class="cell-sub">{line_rates}</span>
            </td>
            <td class="cell-nowrap num">
                {money(|c| c.premium)}
            </td>
            <td class="num">
                {money(|c| c.taxes + c.fees)}
                <span class="cell-sub">{line_taxes}</span>
            </td>
            <td class="cell-nowrap num cell-total">{money(|c| c.total)}</td>
            <td class="cell-nowrap">
                {starts}
                <span class="cell-sub">{ends}</span>
            </td>
            <td>{requirements}</td>
            <td class="cell-nowrap">
                <button
                    id=format!("link-{id}")
                    type="button"
                    class="button button-secondary button-small create-link"
                    disabled=!eligible
                    title=if eligible { "Create an application link for this quote" } else { "Not eligible: no application can be made" }
                    on:click=move |_| chosen.set(Some(pick.clone()))
                >
                    "Send link"
                </button>
            </td>
        </tr>
    }
}
