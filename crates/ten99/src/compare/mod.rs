//! Quotes side by side: what each costs on the job's pay, whether it can be bought, whether
//! it gives the entity the cover it requires, and which one is the best choice.
//!
//! Pure arithmetic on the model, so the web view runs it as you sort and the tests pin it.

mod costs;

pub use costs::{apply, costs, share_out, Costs, LineCost};

use crate::coverage::CoverageType;
use crate::money::Cents;
use crate::resources::jobs::{Job, WageType};
use crate::resources::quotes::Quote;
use serde_json::Value;
use std::cmp::Ordering;

/// The pay a premium is estimated on, and how it was worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstimatedPay {
    /// The estimated pay.
    pub amount: Cents,
    /// "40 h × $25.00", "flat fee".
    pub basis: String,
}

/// An hourly job with a duration is paid `wage × hours`; any other job's wage is the pay.
pub fn estimated_pay(job: &Job) -> EstimatedPay {
    match (job.wage_type, job.duration_hours) {
        (WageType::Hourly, Some(hours)) if hours > 0 => EstimatedPay {
            amount: Cents(job.wage.0.saturating_mul(i64::from(hours))),
            basis: format!("{hours} h × {}", job.wage),
        },
        (wage_type, _) => EstimatedPay {
            amount: job.wage,
            basis: wage_type.label().to_lowercase(),
        },
    }
}

/// One quote in the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRow {
    /// The quote as the API returned it.
    pub quote: Quote,
    /// `None` when the quote has no rate (typically not eligible).
    pub costs: Option<Costs>,
    /// Why the quote cannot be bought, when it cannot.
    pub ineligible_reason: Option<String>,
    /// Cover the entity requires that this quote does not give.
    pub missing: Vec<CoverageType>,
}

impl QuoteRow {
    /// Prices `quote` on `pay` (only if eligible) and lists the cover in `required` it lacks.
    pub fn new(quote: Quote, pay: Cents, required: &[CoverageType]) -> QuoteRow {
        let missing = required
            .iter()
            .copied()
            .filter(|c| !quote.coverage_type.contains(c))
            .collect();
        QuoteRow {
            // A quote that cannot be bought has no price worth showing or sorting on.
            costs: quote.eligible.then(|| costs(&quote, pay)).flatten(),
            ineligible_reason: (!quote.eligible).then(|| ineligible_reason(&quote)),
            missing,
            quote,
        }
    }

    /// Whether the quote gives every cover the entity requires.
    pub fn meets_requirements(&self) -> bool {
        self.missing.is_empty()
    }

    /// Eligible, priced and giving every required cover.
    pub fn is_candidate(&self) -> bool {
        self.quote.eligible && self.meets_requirements() && self.costs.is_some()
    }
}

/// Why a quote is not eligible: the message the API put in `quote_json` (the stand-in
/// says it under `eligibility`, as assignments do), or a plain sentence when it gave none.
pub fn ineligible_reason(quote: &Quote) -> String {
    let breakdown = &quote.quote_json;
    let text = |v: &Value| {
        v.as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    breakdown
        .get("eligibility")
        .and_then(|e| e.get("message"))
        .and_then(text)
        .or_else(|| breakdown.get("reason").and_then(text))
        .or_else(|| breakdown.get("message").and_then(text))
        .unwrap_or_else(|| "Not eligible; the API gave no reason.".to_owned())
}

/// Quotes with their costs on `pay` and the best choice among them.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// One row per quote, in the order given until [`Comparison::sort`].
    pub rows: Vec<QuoteRow>,
    /// ID of the best choice: the candidate with the lowest total; on a tie, more
    /// cover, then the newer quote.
    pub best: Option<String>,
}

impl Comparison {
    /// Prices every quote on `pay` against the entity's `required` cover and picks the best.
    pub fn new(quotes: Vec<Quote>, pay: Cents, required: &[CoverageType]) -> Comparison {
        let rows: Vec<QuoteRow> = quotes
            .into_iter()
            .map(|q| QuoteRow::new(q, pay, required))
            .collect();
        let best = rows
            .iter()
            .filter(|r| r.is_candidate())
            .min_by(|a, b| {
                let total = |r: &QuoteRow| r.costs.as_ref().map(|c| c.total);
                total(a)
                    .cmp(&total(b))
                    .then(
                        b.quote
                            .coverage_type
                            .len()
                            .cmp(&a.quote.coverage_type.len()),
                    )
                    .then(b.quote.created.cmp(&a.quote.created))
            })
            .map(|r| r.quote.id.clone());
        Comparison { rows, best }
    }

    /// Whether `row` is the best choice.
    pub fn is_best(&self, row: &QuoteRow) -> bool {
        self.best.as_deref() == Some(row.quote.id.as_str())
    }

    /// Orders the rows by `column`; rows without a value (no price) go last either way.
    pub fn sort(&mut self, column: SortColumn, ascending: bool) {
        self.rows.sort_by(|a, b| {
            let (ka, kb) = (column.key(a), column.key(b));
            match (ka, kb) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Greater,
                (Some(_), None) => Ordering::Less,
                (Some(x), Some(y)) if ascending => x.cmp(&y),
                (Some(x), Some(y)) => y.cmp(&x),
            }
        });
    }
}

/// The columns a comparison can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// By the number of coverage types, then their names.
    Coverage,
    /// Eligible quotes first (ascending).
    Eligible,
    /// By total rate per $100.
    Rate,
    /// By premium on the pay.
    Premium,
    /// By taxes plus fees.
    TaxesAndFees,
    /// By premium, taxes and fees together.
    Total,
    /// By effective date; quotes without one go last.
    Effective,
    /// By how many required covers are missing.
    Requirements,
}

impl SortColumn {
    /// Every column, in the table's order.
    pub const ALL: [SortColumn; 8] = [
        SortColumn::Coverage,
        SortColumn::Eligible,
        SortColumn::Rate,
        SortColumn::Premium,
        SortColumn::TaxesAndFees,
        SortColumn::Total,
        SortColumn::Effective,
        SortColumn::Requirements,
    ];

    /// A stable name, for element ids (`sort-total`).
    pub fn id(self) -> &'static str {
        match self {
            SortColumn::Coverage => "coverage",
            SortColumn::Eligible => "eligible",
            SortColumn::Rate => "rate",
            SortColumn::Premium => "premium",
            SortColumn::TaxesAndFees => "taxes",
            SortColumn::Total => "total",
            SortColumn::Effective => "dates",
            SortColumn::Requirements => "requirements",
        }
    }

    /// What sorts: numbers compare as numbers; eligibility and requirements put yes first.
    fn key(self, row: &QuoteRow) -> Option<(i64, String)> {
        let money = |f: fn(&Costs) -> i64| row.costs.as_ref().map(|c| (f(c), String::new()));
        match self {
            SortColumn::Coverage => Some((
                row.quote.coverage_type.len() as i64,
                row.quote
                    .coverage_type
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
            )),
            SortColumn::Eligible => Some((i64::from(!row.quote.eligible), String::new())),
            SortColumn::Rate => money(|c| c.rate.0),
            SortColumn::Premium => money(|c| c.premium.0),
            SortColumn::TaxesAndFees => money(|c| c.taxes.0 + c.fees.0),
            SortColumn::Total => money(|c| c.total.0),
            SortColumn::Effective => row.quote.effective_date.map(|t| (t.0, String::new())),
            SortColumn::Requirements => Some((row.missing.len() as i64, String::new())),
        }
    }
}

#[cfg(test)]
mod tests;
