//! The PDFs a bound policy comes with (reference §2.7 `pdf_url`, `certificates`):
//! the policy document and one certificate of insurance per coverage.
//!
//! Everything is drawn by the small writer in [`pdf`]; the inputs are plain structs
//! so the policies resource can fill them from whatever it stored at binding. Every
//! page says it is a sandbox specimen: these files look real and must never be
//! mistaken for evidence of insurance.

pub mod certificate;
pub mod pdf;
pub mod policy;
mod style;

use crate::coverage::Coverage;

/// A person or company with a postal address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    /// Address lines as printed (`1 Kearny St`, `San Francisco, CA 94104`).
    pub address: Vec<String>,
}

/// A carrier. Fictional: the sandbox writes no real insurance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insurer {
    pub name: &'static str,
    pub naic: &'static str,
}

/// Workers' comp is admitted business; the liability lines are written on a
/// surplus-lines paper, as on-demand programs usually are.
pub fn insurer_for(coverage: Coverage) -> Insurer {
    match coverage {
        Coverage::WorkersComp => Insurer {
            name: "Harborline Casualty Company",
            naic: "99901",
        },
        _ => Insurer {
            name: "Northgate Specialty Insurance Company",
            naic: "99902",
        },
    }
}

/// One limit of a coverage: `("Each occurrence", 100000000)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub label: &'static str,
    pub cents: i64,
}

/// One coverage of a bound policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageTerms {
    pub coverage: Coverage,
    pub policy_number: String,
    pub insurer: Insurer,
    /// The class it is rated on (WC four digits, the others the GL class).
    pub class_code: u32,
    /// Cents per $100 of pay, this line's share.
    pub net_rate: u32,
    pub limits: Vec<Limit>,
}

impl CoverageTerms {
    /// The usual terms: limits from the entity's `coverage_limit` (occurrence and
    /// aggregate, cents) where it set them, else $1M / $2M.
    pub fn standard(
        policy_id: &str,
        coverage: Coverage,
        class_code: u32,
        net_rate: u32,
        entity_limits: Option<(i64, i64)>,
    ) -> CoverageTerms {
        CoverageTerms {
            coverage,
            policy_number: policy_number(policy_id, coverage),
            insurer: insurer_for(coverage),
            class_code,
            net_rate,
            limits: standard_limits(coverage, entity_limits),
        }
    }
}

/// The number printed on forms for one coverage of a policy: `T99-GL-WzFRszJhoY`.
/// Two-letter line codes keep it inside the forms' policy-number column.
pub fn policy_number(policy_id: &str, coverage: Coverage) -> String {
    let id = policy_id.strip_prefix("pl_").unwrap_or(policy_id);
    let line = match coverage {
        Coverage::WorkersComp => "WC",
        Coverage::General => "GL",
        Coverage::Professional => "PL",
        Coverage::Media => "MD",
        Coverage::Cyber => "CY",
    };
    format!("T99-{line}-{id}")
}

const MILLION: i64 = 100_000_000;

/// The limits a coverage carries, most specific first, as forms list them.
pub fn standard_limits(coverage: Coverage, entity_limits: Option<(i64, i64)>) -> Vec<Limit> {
    let (occurrence, aggregate) = entity_limits.unwrap_or((MILLION, 2 * MILLION));
    let l = |label, cents| Limit { label, cents };
    match coverage {
        Coverage::WorkersComp => vec![
            l("E.L. each accident", MILLION),
            l("E.L. disease - each employee", MILLION),
            l("E.L. disease - policy limit", MILLION),
        ],
        Coverage::General => vec![
            l("Each occurrence", occurrence),
            l("Damage to rented premises", 10_000_000),
            l("Medical expense (any one person)", 500_000),
            l("Personal & advertising injury", occurrence),
            l("General aggregate", aggregate),
            l("Products-completed ops aggregate", aggregate),
        ],
        Coverage::Professional | Coverage::Media | Coverage::Cyber => {
            vec![l("Each claim", occurrence), l("Aggregate", aggregate)]
        }
    }
}

/// Everything printed about a bound policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundPolicy {
    pub policy_id: String,
    pub insured: Party,
    pub insured_email: Option<String>,
    /// The entity the work is for; `None` prints a generic holder.
    pub certificate_holder: Option<Party>,
    pub job_name: String,
    pub job_description: String,
    /// `None` for remote work.
    pub work_state: Option<String>,
    pub coverages: Vec<CoverageTerms>,
    /// Cents per $100 of pay, all lines.
    pub net_rate: u32,
    pub effective_date: i64,
    pub expiration_date: i64,
    /// When the documents were issued (also their PDF creation date).
    pub issued: i64,
}

impl BoundPolicy {
    pub fn terms(&self, coverage: Coverage) -> Option<&CoverageTerms> {
        self.coverages.iter().find(|t| t.coverage == coverage)
    }
}

/// The producer printed on every form.
pub(crate) const PRODUCER: [&str; 3] = [
    "Sandbox Insurance Services",
    "1 Sandbox Way, Suite 1099",
    "San Francisco, CA 94104",
];
pub(crate) const PRODUCER_CONTACT: (&str, &str, &str) = (
    "Certificate Desk",
    "(555) 010-1099",
    "certificates@sandbox.invalid",
);

/// Printed on every page, small but unmissable.
pub(crate) const SPECIMEN: &str =
    "SANDBOX SPECIMEN - issued by a test environment; not evidence of insurance.";

#[cfg(test)]
mod tests;
