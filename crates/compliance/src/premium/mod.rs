//! Premium per line of cover per month: what the policies bound for the desk's jobs cost,
//! estimated as the quote comparison does (each line's rate on the job's pay), counted in
//! the month the policy starts.

use crate::records::Records;
use std::collections::HashMap;
use ten99::{Cents, CoverageType, PolicyStatus, Quote, RatePer100, UnixTime};

/// Months shown before the current one, and after it (policies bound ahead of time).
pub const MONTHS_BACK: i64 = 9;
pub const MONTHS_AHEAD: i64 = 2;
pub const MONTHS: usize = (MONTHS_BACK + 1 + MONTHS_AHEAD) as usize;

/// The lines in the chart's stacking order.
pub const LINES: [CoverageType; 5] = [
    CoverageType::WorkersComp,
    CoverageType::General,
    CoverageType::Professional,
    CoverageType::Media,
    CoverageType::Cyber,
];

/// Per month (oldest first), the estimated premium of each line in [`LINES`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonthlyPremium {
    /// "2026-12" for each month shown.
    pub months: Vec<String>,
    pub premium: Vec<[Cents; LINES.len()]>,
}

/// Months since year 0, so months subtract.
fn month_number(time: UnixTime) -> i64 {
    let (year, month, _) = time.date();
    year * 12 + i64::from(month) - 1
}

fn month_label(number: i64) -> String {
    format!("{}-{:02}", number.div_euclid(12), number.rem_euclid(12) + 1)
}

/// Each line's share of the quote's rate: a line with its own rate in the reply
/// (`gl_net_rate`, `wc_net_rate`) takes it; the rest of the total rate is split evenly
/// between the quote's other lines. Empty when the quote carries no rate at all.
pub fn rate_per_line(quote: &Quote) -> Vec<(CoverageType, RatePer100)> {
    let own = |line: CoverageType| match line {
        CoverageType::General => quote.gl_net_rate,
        CoverageType::WorkersComp => quote.wc_net_rate,
        _ => None,
    };
    let total = quote.total_rate().map_or(0, |rate| rate.0);
    let priced: i64 = quote
        .coverage_type
        .iter()
        .filter_map(|&l| own(l))
        .map(|r| r.0)
        .sum();
    let unpriced = quote
        .coverage_type
        .iter()
        .filter(|&&l| own(l).is_none())
        .count() as i64;
    let share = if unpriced > 0 {
        (total - priced).max(0) / unpriced
    } else {
        0
    };
    quote
        .coverage_type
        .iter()
        .map(|&line| (line, own(line).unwrap_or(RatePer100(share))))
        .filter(|(_, rate)| rate.0 > 0)
        .collect()
}

impl MonthlyPremium {
    /// Every policy that was not cancelled, whose quote and job are in the records and
    /// which starts within the months shown.
    pub fn from_records(records: &Records, now: UnixTime) -> MonthlyPremium {
        let first = month_number(now) - MONTHS_BACK;
        let quotes: HashMap<&str, &Quote> =
            records.quotes.iter().map(|q| (q.id.as_str(), q)).collect();
        let wages: HashMap<&str, Cents> = records
            .jobs
            .iter()
            .map(|j| (j.id.as_str(), j.wage))
            .collect();
        let mut premium = vec![[Cents::ZERO; LINES.len()]; MONTHS];
        for row in &records.policies {
            if row.status == PolicyStatus::Cancelled {
                continue;
            }
            let Some(quote) = row.policy.quote.as_deref().and_then(|id| quotes.get(id)) else {
                continue;
            };
            let Some(&wage) = wages.get(quote.job.as_str()) else {
                continue;
            };
            let Some(start) = row.policy.effective_date.or(quote.effective_date) else {
                continue;
            };
            let Ok(at) = usize::try_from(month_number(start) - first) else {
                continue;
            };
            let Some(month) = premium.get_mut(at) else {
                continue;
            };
            for (line, rate) in rate_per_line(quote) {
                let slot = LINES
                    .iter()
                    .position(|&l| l == line)
                    .expect("LINES has every line");
                month[slot] = month[slot] + rate.premium_on(wage);
            }
        }
        MonthlyPremium {
            months: (0..MONTHS as i64).map(|m| month_label(first + m)).collect(),
            premium,
        }
    }
}

#[cfg(test)]
mod tests;
