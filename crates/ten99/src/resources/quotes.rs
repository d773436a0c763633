//! Quotes (`/api/v1/quotes`, reference §2.5): the price of cover for a contractor and job.

use crate::coverage::{self, CoverageType};
use crate::decode;
use crate::money::{Cents, RatePer100};
use crate::resources::cover_request::CoverRequest;
use crate::time::UnixTime;
use crate::validation::{CoverageWindow, FieldErrors};
use serde::{Deserialize, Serialize};

mod breakdown;
pub use breakdown::{CoverageLine, DecimalRate, QuoteBreakdown};

/// ID prefix of quotes.
pub const ID_PREFIX: &str = "qt_";

/// Longest cover one quote can ask for, in days (`end_date_invalid` beyond it).
pub const MAX_TERM_DAYS: i64 = 365;

/// The body of `POST /api/v1/quotes`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteInput {
    /// `cn_…`. Older guides call it `contractor_id`.
    #[serde(default, alias = "contractor_id")]
    pub contractor: String,
    /// `jb_…`. Older guides call it `job_id`.
    #[serde(default, alias = "job_id")]
    pub job: String,
    /// The cover to price (`general`, `workers-comp`, …); sent as a list.
    #[serde(default, deserialize_with = "coverage::list")]
    pub coverage_type: Vec<CoverageType>,
    /// Must be in the future; the API's default is the next day.
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub effective_date: Option<UnixTime>,
    /// After `effective_date`, at most a year later; the API's default is 30 days on.
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_date: Option<UnixTime>,
}

impl QuoteInput {
    /// Every problem with the input as of `now`, keyed by field path.
    pub fn validate(&self, now: UnixTime) -> FieldErrors {
        let mut errors = FieldErrors::default();
        CoverRequest {
            contractor: Some(&self.contractor),
            job: Some(&self.job),
            coverage_type: Some(&self.coverage_type),
            window: CoverageWindow {
                effective: self.effective_date,
                end: self.end_date,
            },
        }
        .check_into(&mut errors, now, false, Some(MAX_TERM_DAYS));
        errors
    }
}

/// The body of `PUT /api/v1/quotes/{id}`: only the fields to change. A quote can be
/// edited until a policy has been issued for it (`cant_update_create_new_quote`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteUpdate {
    #[serde(
        default,
        alias = "contractor_id",
        skip_serializing_if = "Option::is_none"
    )]
    /// Another contractor (`cn_…`); `None` keeps it.
    pub contractor: Option<String>,
    /// Another job (`jb_…`); `None` keeps it.
    #[serde(default, alias = "job_id", skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    #[serde(
        default,
        deserialize_with = "coverage::optional_list",
        skip_serializing_if = "Option::is_none"
    )]
    /// Other cover to price; `None` keeps it.
    pub coverage_type: Option<Vec<CoverageType>>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New start of cover; `None` keeps it.
    pub effective_date: Option<UnixTime>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New end of cover; `None` keeps it.
    pub end_date: Option<UnixTime>,
}

impl QuoteUpdate {
    /// Problems with the fields being changed, as of `now`.
    pub fn validate(&self, now: UnixTime) -> FieldErrors {
        let mut errors = FieldErrors::default();
        CoverRequest {
            contractor: self.contractor.as_deref(),
            job: self.job.as_deref(),
            coverage_type: self.coverage_type.as_deref(),
            window: CoverageWindow {
                effective: self.effective_date,
                end: self.end_date,
            },
        }
        .check_into(&mut errors, now, false, Some(MAX_TERM_DAYS));
        errors
    }
}

fn eligible_default<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(decode::optional_boolean(d)?.unwrap_or(true))
}

fn yes() -> bool {
    true
}

/// A quote as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// `qt_…`.
    pub id: String,
    /// The contractor quoted (`cn_…`); older revisions call it `contractor_id`.
    #[serde(alias = "contractor_id")]
    pub contractor: String,
    /// The job quoted (`jb_…`); older revisions call it `job_id`.
    #[serde(alias = "job_id")]
    pub job: String,
    /// Sent as an array, a `{"coverage_type": [...]}` wrapper or a bare string;
    /// encoded as an array.
    #[serde(default, deserialize_with = "coverage::list")]
    pub coverage_type: Vec<CoverageType>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Start of cover; `None` when the API sent none.
    pub effective_date: Option<UnixTime>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// End of cover; `None` when the API sent none.
    pub end_date: Option<UnixTime>,
    /// Whether the contractor can be covered; the API's default is `true`.
    #[serde(default = "yes", deserialize_with = "eligible_default")]
    pub eligible: bool,
    /// Total premium per $100 earned.
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub net_rate: Option<RatePer100>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// General liability's part of `net_rate`, per $100; `None` without that cover.
    pub gl_net_rate: Option<RatePer100>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Workers' comp's part of `net_rate`, per $100; `None` without that cover.
    pub wc_net_rate: Option<RatePer100>,
    /// How the premium is made up; often sent as a Python-literal string.
    #[serde(default, skip_serializing_if = "QuoteBreakdown::is_empty")]
    pub quote_json: QuoteBreakdown,
    /// When the quote was made.
    pub created: UnixTime,
}

impl Quote {
    /// The total rate: `net_rate`, else the sum of the per-line rates, else the breakdown's.
    pub fn total_rate(&self) -> Option<RatePer100> {
        self.net_rate
            .or_else(|| match (self.gl_net_rate, self.wc_net_rate) {
                (None, None) => None,
                (gl, wc) => Some(gl.unwrap_or_default() + wc.unwrap_or_default()),
            })
            .or_else(|| self.quote_json.total_net_rate())
    }

    /// The premium a contractor would pay on `wage` at this quote's total rate.
    pub fn premium_on(&self, wage: Cents) -> Option<Cents> {
        self.total_rate().map(|rate| rate.premium_on(wage))
    }
}

#[cfg(test)]
mod tests;
