//! Deterministic pricing: what a quote costs and whether it can be bought.
//!
//! Rates are cents per $100 of pay (`net_rate`, reference §2.5); a quote's
//! `net_rate` is the sum of its lines' rates, and an invoice's premium is
//! `gross_pay × net_rate / 10000` (§6.1). The numbers come from a hazard tier per job
//! class and a level per state, tuned so workers' comp plus general liability lands
//! at 0.6–1.7 % of pay, the band 1099Policy's help centre quotes. Same inputs, same
//! quote, always: tests and screenshots can rely on it.

mod python;
pub mod states;

pub use python::python_repr;

use crate::catalog::{HazardTier, JobCategory};
use crate::coverage::Coverage;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// What a quote is priced from.
#[derive(Debug, Clone, Copy)]
pub struct PricingInput<'a> {
    /// The job's work-site state; `None` for remote work, which is then rated where
    /// the contractor lives.
    pub work_state: Option<&'a str>,
    /// The contractor's home state.
    pub residence_state: &'a str,
    pub category: &'a JobCategory,
    pub coverage: &'a [Coverage],
}

/// One priced coverage line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub coverage: Coverage,
    /// The state the line is rated in (the work state).
    pub state: String,
    /// The class code the line is rated on.
    pub code: u32,
    /// Cents per $100 of pay.
    pub net_rate: u32,
    /// Liability lines only: the home state, whose surplus-lines tax applies.
    pub residence_state: Option<String>,
    /// Liability lines only: `"0.03500"`-style decimal strings, as the API sends.
    pub tax_rate: Option<String>,
    pub stamping_fee_rate: Option<String>,
}

/// The outcome of pricing: eligible with lines, or not with a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pricing {
    pub eligible: bool,
    /// Why not, in words fit for the contractor; every reason found, `; `-joined.
    pub reason: Option<String>,
    pub wc: Option<Line>,
    pub gl: Option<Line>,
    pub professional: Option<Line>,
    pub media: Option<Line>,
    pub cyber: Option<Line>,
    /// Sum of the lines' rates; 0 when not eligible.
    pub net_rate: u32,
}

/// Base rates per hazard tier (office, light, moderate, heavy), cents per $100.
const WC_BASE: [u32; 4] = [50, 62, 76, 90];
const GL_BASE: [u32; 4] = [26, 32, 38, 44];
const PROFESSIONAL_BASE: [u32; 4] = [24, 18, 22, 26];
const MEDIA_BASE: u32 = 12;
const CYBER_BASE: u32 = 16;

/// Prices `input`. Never fails: impossible requests come back not eligible.
pub fn price(input: &PricingInput<'_>) -> Pricing {
    let residence = input.residence_state.trim().to_ascii_uppercase();
    let work = input
        .work_state
        .map(|s| s.trim().to_ascii_uppercase())
        .unwrap_or_else(|| residence.clone());
    let wanted: BTreeSet<Coverage> = input.coverage.iter().copied().collect();
    let reasons = ineligibility(&work, &residence, input.category, &wanted);
    if !reasons.is_empty() {
        return Pricing::ineligible(reasons.join("; "));
    }
    let line = |coverage| line(coverage, &work, &residence, input.category);
    let pick = |coverage| wanted.contains(&coverage).then(|| line(coverage));
    let mut pricing = Pricing {
        eligible: true,
        reason: None,
        wc: pick(Coverage::WorkersComp),
        gl: pick(Coverage::General),
        professional: pick(Coverage::Professional),
        media: pick(Coverage::Media),
        cyber: pick(Coverage::Cyber),
        net_rate: 0,
    };
    pricing.net_rate = pricing.lines().map(|l| l.net_rate).sum();
    pricing
}

/// Every reason the request cannot be bought, in a fixed order.
fn ineligibility(
    work: &str,
    residence: &str,
    category: &JobCategory,
    wanted: &BTreeSet<Coverage>,
) -> Vec<String> {
    let mut reasons = Vec::new();
    if wanted.is_empty() {
        reasons.push("No coverage type was requested".to_owned());
    }
    if states::name(work).is_none() {
        reasons.push(format!(
            "Coverage is only available for work in the United States (work state {work:?})"
        ));
    }
    if states::name(residence).is_none() {
        reasons.push(format!(
            "Coverage is only available to residents of the United States (home state {residence:?})"
        ));
    }
    if !reasons.is_empty() {
        return reasons;
    }
    let hawaii_resident = residence == "HI";
    for &coverage in wanted {
        match coverage {
            Coverage::WorkersComp if states::MONOPOLISTIC_WC.contains(&work) => reasons.push(
                format!("Workers' compensation in {work} is provided only by the state fund"),
            ),
            Coverage::General if hawaii_resident => {
                reasons.push("General liability is not available to residents of Hawaii".to_owned())
            }
            Coverage::WorkersComp | Coverage::General => {}
            extra if !category.offers(extra) => reasons.push(format!(
                "{} is not offered for {}",
                extra_name(extra),
                category.name
            )),
            // Media and cyber sit on top of general liability, except for Hawaii
            // residents, who cannot have general liability (reference §2.5).
            Coverage::Media | Coverage::Cyber
                if !hawaii_resident && !wanted.contains(&Coverage::General) =>
            {
                reasons.push(format!(
                    "{} requires general liability coverage",
                    extra_name(coverage)
                ))
            }
            _ => {}
        }
    }
    reasons
}

fn extra_name(coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::Professional => "Professional liability",
        Coverage::Media => "Media liability",
        Coverage::Cyber => "Cyber liability",
        Coverage::WorkersComp => "Workers' compensation",
        Coverage::General => "General liability",
    }
}

fn line(coverage: Coverage, work: &str, residence: &str, category: &JobCategory) -> Line {
    let tier = tier_index(category.tier);
    let code = category.gl_code;
    let (net_rate, code) = match coverage {
        Coverage::WorkersComp => {
            let wc = u32::from(category.wc_code);
            (scaled(WC_BASE[tier], states::wc_factor(work), wc, 4), wc)
        }
        Coverage::General => (
            scaled(GL_BASE[tier], states::gl_factor(work), code, 2),
            code,
        ),
        Coverage::Professional => (
            scaled(
                PROFESSIONAL_BASE[tier],
                states::gl_factor(residence),
                code,
                2,
            ),
            code,
        ),
        Coverage::Media => (
            scaled(MEDIA_BASE, states::gl_factor(residence), code, 1),
            code,
        ),
        Coverage::Cyber => (
            scaled(CYBER_BASE, states::gl_factor(residence), code, 1),
            code,
        ),
    };
    // Workers' comp is an admitted line, taxed inside the rate; the liability lines
    // are surplus lines, taxed in the insured's home state on top.
    let liability = coverage != Coverage::WorkersComp;
    let (tax, stamping) = states::surplus_lines(residence);
    Line {
        coverage,
        state: work.to_owned(),
        code,
        net_rate,
        residence_state: liability.then(|| residence.to_owned()),
        tax_rate: liability.then(|| states::decimal(tax)),
        stamping_fee_rate: liability.then(|| states::decimal(stamping)),
    }
}

fn tier_index(tier: HazardTier) -> usize {
    match tier {
        HazardTier::Office => 0,
        HazardTier::Light => 1,
        HazardTier::Moderate => 2,
        HazardTier::Heavy => 3,
    }
}

/// `base × percent / 100`, rounded, nudged by up to ±`spread` cents by the class
/// code, so two classes of one tier don't price identically; never below 1.
fn scaled(base: u32, percent: u32, class: u32, spread: u32) -> u32 {
    let rate = (base * percent + 50) / 100;
    let nudge = class % (2 * spread + 1);
    (rate + nudge).saturating_sub(spread).max(1)
}

impl Pricing {
    fn ineligible(reason: String) -> Pricing {
        Pricing {
            eligible: false,
            reason: Some(reason),
            wc: None,
            gl: None,
            professional: None,
            media: None,
            cyber: None,
            net_rate: 0,
        }
    }

    /// The priced lines, workers' comp first.
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        [
            &self.wc,
            &self.gl,
            &self.professional,
            &self.media,
            &self.cyber,
        ]
        .into_iter()
        .flatten()
    }

    /// The quote's `quote_json` breakdown, shaped like the seed guide's:
    /// `{"wc":{"state","wc_code","net_rate"},"gl":{"state","gl_code","net_rate",
    /// "residence_state","tax_rate","stamping_fee_rate"}}`, plus `pl`, `media`,
    /// `cyber` the same way. Its lines' `net_rate`s add up to [`Pricing::net_rate`].
    /// Empty when not eligible. A resource may add keys (the reference has seen
    /// `residence_address`); render with [`python_repr`] for the Python-literal fault.
    pub fn quote_json(&self) -> Value {
        let mut out = Map::new();
        for line in self.lines() {
            let short = line.coverage.short();
            let mut entry = Map::new();
            entry.insert("state".into(), json!(line.state));
            entry.insert(format!("{short}_code"), json!(line.code));
            entry.insert("net_rate".into(), json!(line.net_rate));
            if let Some(residence) = &line.residence_state {
                entry.insert("residence_state".into(), json!(residence));
                entry.insert("tax_rate".into(), json!(line.tax_rate));
                entry.insert("stamping_fee_rate".into(), json!(line.stamping_fee_rate));
            }
            out.insert(short.into(), Value::Object(entry));
        }
        Value::Object(out)
    }
}

/// The premium for a pay period: `round(gross_pay × net_rate / 10000)` cents,
/// at least 100 cents (reference §2.9: premium_due min 100).
pub fn premium_due(gross_pay_cents: i64, net_rate: u32) -> i64 {
    let gross = i128::from(gross_pay_cents.max(0));
    let premium = (gross * i128::from(net_rate) + 5_000) / 10_000;
    i64::try_from(premium).unwrap_or(i64::MAX).max(100)
}

#[cfg(test)]
mod tests;
