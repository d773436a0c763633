//! What a quote costs on a given pay: the premium of each line, the surplus-lines taxes
//! and fees on the liability lines, and a total, all in whole cents.
//!
//! The API charges `round(pay × net_rate / 10000)` (reference §6.1), so the premium is
//! computed on the total rate and then shared out over the lines by largest remainder:
//! the lines' premiums always add up to exactly the premium charged, to the cent.

use crate::coverage::CoverageType;
use crate::money::{Cents, RatePer100};
use crate::resources::quotes::{DecimalRate, Quote};

/// One line of cover and what it costs.
#[derive(Debug, Clone, PartialEq)]
pub struct LineCost {
    /// The `quote_json` key (`wc`, `gl`, `pl`, …).
    pub key: String,
    /// The coverage type the key names; `None` for a line Coverdesk does not know.
    pub coverage: Option<CoverageType>,
    /// This line's rate per $100 of pay.
    pub rate: RatePer100,
    /// This line's share of the premium.
    pub premium: Cents,
    /// The line's premium tax rate, as the breakdown sent it; `None` when it sends none.
    pub tax_rate: Option<DecimalRate>,
    /// Premium tax on this line.
    pub tax: Cents,
    /// The line's stamping fee rate, as the breakdown sent it; `None` when it sends none.
    pub stamping_fee_rate: Option<DecimalRate>,
    /// The stamping fee plus any fixed fee the line names (`risk_purchasing_group_fee`).
    pub fees: Cents,
}

impl LineCost {
    /// "Workers' comp", or the key in capitals for a line Coverdesk does not know.
    pub fn label(&self) -> String {
        self.coverage
            .map(|c| c.label().to_owned())
            .unwrap_or_else(|| self.key.to_ascii_uppercase())
    }
}

/// What a quote costs on one pay amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Costs {
    /// The pay the premium is estimated on.
    pub pay: Cents,
    /// The total rate the API charges (`net_rate`, else the lines' sum).
    pub rate: RatePer100,
    /// Each coverage line's share, in the breakdown's order.
    pub lines: Vec<LineCost>,
    /// `round(pay × rate / 10000)`: what the API would charge.
    pub premium: Cents,
    /// The lines' taxes, summed.
    pub taxes: Cents,
    /// The lines' fees, summed.
    pub fees: Cents,
    /// Premium, taxes and fees.
    pub total: Cents,
    /// Whether the lines' rates add up to the total rate. When they do not (the API
    /// sent inconsistent numbers), each line's premium is rounded on its own.
    pub lines_add_up: bool,
}

/// Fixed fees a line may carry in whole cents (`null` in the reference's example).
const FIXED_FEES: [&str; 2] = ["stamping_fee", "risk_purchasing_group_fee"];

/// The costs of `quote` on `pay`; `None` when the quote carries no rate at all.
pub fn costs(quote: &Quote, pay: Cents) -> Option<Costs> {
    let mut lines = lines_of(quote);
    let rate = quote
        .total_rate()
        .or_else(|| lines.iter().map(|l| l.rate).reduce(|a, b| a + b))?;
    let premium = rate.premium_on(pay);
    let line_sum = lines
        .iter()
        .map(|l| l.rate)
        .fold(RatePer100(0), |a, b| a + b);
    let lines_add_up = !lines.is_empty() && line_sum == rate;
    if lines_add_up {
        let shares = share_out(pay, &lines.iter().map(|l| l.rate).collect::<Vec<_>>());
        for (line, share) in lines.iter_mut().zip(shares) {
            line.premium = share;
        }
    } else {
        for line in &mut lines {
            line.premium = line.rate.premium_on(pay);
        }
    }
    for line in &mut lines {
        line.tax = line
            .tax_rate
            .as_ref()
            .map_or(Cents::ZERO, |r| apply(line.premium, r));
        line.fees = line
            .stamping_fee_rate
            .as_ref()
            .map_or(Cents::ZERO, |r| apply(line.premium, r))
            + line.fees;
    }
    let taxes = lines.iter().fold(Cents::ZERO, |a, l| a + l.tax);
    let fees = lines.iter().fold(Cents::ZERO, |a, l| a + l.fees);
    Some(Costs {
        pay,
        rate,
        lines,
        premium,
        taxes,
        fees,
        total: premium + taxes + fees,
        lines_add_up,
    })
}

/// The lines of `quote_json`, workers' comp first; when it has none, the lines the
/// `wc_net_rate` / `gl_net_rate` fields give. Premiums are filled in by [`costs`].
fn lines_of(quote: &Quote) -> Vec<LineCost> {
    let mut lines: Vec<LineCost> = quote
        .quote_json
        .lines()
        .filter_map(|line| {
            let fixed = FIXED_FEES
                .iter()
                .filter_map(|name| line.get(name).and_then(serde_json::Value::as_i64))
                .fold(Cents::ZERO, |a, b| a + Cents(b));
            Some(LineCost {
                key: line.key().to_owned(),
                coverage: line.coverage_type(),
                rate: line.net_rate()?,
                premium: Cents::ZERO,
                tax_rate: line.tax_rate(),
                tax: Cents::ZERO,
                stamping_fee_rate: line.stamping_fee_rate(),
                fees: fixed,
            })
        })
        .collect();
    if lines.is_empty() {
        for (key, rate) in [("wc", quote.wc_net_rate), ("gl", quote.gl_net_rate)] {
            if let Some(rate) = rate {
                lines.push(LineCost {
                    key: key.to_owned(),
                    coverage: CoverageType::parse(key),
                    rate,
                    premium: Cents::ZERO,
                    tax_rate: None,
                    tax: Cents::ZERO,
                    stamping_fee_rate: None,
                    fees: Cents::ZERO,
                });
            }
        }
    }
    lines.sort_by_key(|l| (line_rank(l.coverage), l.key.clone()));
    lines
}

fn line_rank(coverage: Option<CoverageType>) -> u8 {
    match coverage {
        Some(CoverageType::WorkersComp) => 0,
        Some(CoverageType::General) => 1,
        Some(CoverageType::Professional) => 2,
        Some(CoverageType::Media) => 3,
        Some(CoverageType::Cyber) => 4,
        None => 5,
    }
}

/// Shares `round(pay × Σrates / 10000)` over the rates by largest remainder: each
/// share is its exact amount rounded down, and the cents left over go to the largest
/// fractions (the earlier line on a tie), so the shares add up to the rounded total.
pub fn share_out(pay: Cents, rates: &[RatePer100]) -> Vec<Cents> {
    let pay = i128::from(pay.0);
    let exact: Vec<i128> = rates.iter().map(|r| pay * i128::from(r.0)).collect();
    let total: i128 = exact.iter().sum();
    let target = (total + 5_000).div_euclid(10_000);
    let mut shares: Vec<i128> = exact.iter().map(|e| e.div_euclid(10_000)).collect();
    // Rounding the total can gain at most one cent per share, so one pass is enough.
    let left = usize::try_from(target - shares.iter().sum::<i128>()).unwrap_or(0);
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(exact[i].rem_euclid(10_000)), i));
    for &i in order.iter().take(left) {
        shares[i] += 1;
    }
    shares.into_iter().map(|s| Cents(clamp(s))).collect()
}

/// `amount × rate`, to the cent, halves rounded up. Exact for decimal text like
/// `"0.03500"`; other spellings (`"1e-3"`) go through floating point.
pub fn apply(amount: Cents, rate: &DecimalRate) -> Cents {
    match exact_fraction(rate.as_str()) {
        Some((numerator, scale)) => {
            let denominator = 10_i128.pow(scale);
            let product = i128::from(amount.0) * numerator;
            Cents(clamp(
                (2 * product + denominator).div_euclid(2 * denominator),
            ))
        }
        None => Cents((amount.0 as f64 * rate.to_f64()).round() as i64),
    }
}

/// `"0.03500"` → `(3500, 5)`; `None` unless plain decimal digits (at most 18 after the point).
fn exact_fraction(text: &str) -> Option<(i128, u32)> {
    let (negative, digits) = match text.trim().strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.trim().trim_start_matches('+')),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !plain(whole) || !plain(fraction) {
        return None;
    }
    if fraction.len() > 18 || whole.len() > 18 {
        return None;
    }
    let value: i128 = format!("{whole}{fraction}").parse().ok()?;
    Some((if negative { -value } else { value }, fraction.len() as u32))
}

fn clamp(value: i128) -> i64 {
    value.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}
