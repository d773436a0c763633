//! The status of each required line of one (contractor, job); the rules are stated in the
//! crate's documentation (`lib.rs`).

use coverdesk_ipc::compliance::{ComplianceStatus, LineState};
use coverdesk_ipc::policies::PolicyRow;
use ten99::time::DAY;
use ten99::{Assignment, CoverageType, PolicyStatus, Quote, UnixTime};

/// Everything known about one contractor on one job.
#[derive(Debug, Default)]
pub(crate) struct Pair<'a> {
    pub quotes: Vec<&'a Quote>,
    pub assignments: Vec<&'a Assignment>,
    pub policies: Vec<&'a PolicyRow>,
    /// Lines an unexpired application link is out for.
    pub applying_for: Vec<CoverageType>,
}

/// The day a time falls on (UTC), the unit every comparison uses.
fn day(time: UnixTime) -> i64 {
    time.0.div_euclid(DAY)
}

impl Pair<'_> {
    /// The newest quote's or assignment's `end_date`, among those that have one.
    pub fn engagement_end(&self) -> Option<UnixTime> {
        let quotes = self.quotes.iter().map(|q| (q.created, q.end_date));
        let assignments = self.assignments.iter().map(|a| (a.created, a.end_date));
        quotes
            .chain(assignments)
            .filter_map(|(created, end)| end.map(|end| (created, end)))
            .max()
            .map(|(_, end)| end)
    }

    pub fn line(&self, coverage: CoverageType, today: i64, warning_days: u32) -> LineState {
        let end_day = self.engagement_end().map_or(today, day);
        let longest = self
            .policies
            .iter()
            .filter(|row| row.coverage.contains(&coverage) && counts(row, today))
            // No expiration date runs longest of all.
            .max_by_key(|row| row.policy.expiration_date.map_or(i64::MAX, day));
        if let Some(row) = longest {
            let ends = row.policy.expiration_date.map_or(i64::MAX, day);
            let lapses_soon = ends < end_day && ends <= today + i64::from(warning_days);
            return LineState {
                coverage,
                status: if lapses_soon {
                    ComplianceStatus::Expiring
                } else {
                    ComplianceStatus::Covered
                },
                policy: Some(row.policy.id.clone()),
                until: row.policy.expiration_date,
                certificate_url: certificate(row, coverage),
            };
        }
        let status = if self.applying_for.contains(&coverage) {
            ComplianceStatus::Pending
        } else if self.newest_eligibility(coverage) == Some(false) {
            ComplianceStatus::Ineligible
        } else {
            ComplianceStatus::Missing
        };
        LineState {
            coverage,
            status,
            policy: None,
            until: None,
            certificate_url: None,
        }
    }

    /// What the newest quote or assignment with this line said about eligibility.
    fn newest_eligibility(&self, coverage: CoverageType) -> Option<bool> {
        let quotes = self
            .quotes
            .iter()
            .filter(|q| q.coverage_type.contains(&coverage))
            .map(|q| (q.created, Some(q.eligible)));
        let assignments = self
            .assignments
            .iter()
            .filter(|a| a.coverage_type.contains(&coverage))
            .map(|a| (a.created, a.eligible.as_ref().map(|e| e.result)));
        quotes
            .chain(assignments)
            .max_by_key(|(created, _)| *created)
            .and_then(|(_, eligible)| eligible)
    }
}

/// Active as of today: cancelled or expired cover never counts, whatever the cache last
/// heard (an `active` policy past its expiration day has expired).
fn counts(row: &PolicyRow, today: i64) -> bool {
    let status_active = row.status == PolicyStatus::Active && row.policy.is_active != Some(false);
    let not_ended = row
        .policy
        .expiration_date
        .is_none_or(|end| day(end) >= today);
    status_active && not_ended
}

/// The line's certificate of insurance; the policy document where the API has no
/// certificate per line.
fn certificate(row: &PolicyRow, coverage: CoverageType) -> Option<String> {
    let certificates = &row.policy.certificates;
    let own = match coverage {
        CoverageType::General => certificates.gl_coi_pdf_url.clone(),
        CoverageType::WorkersComp => certificates.wc_coi_pdf_url.clone(),
        _ => None,
    };
    own.or_else(|| row.policy.pdf_url.clone())
}

/// The worst of a row's lines (see [`ComplianceStatus`]'s order).
pub(crate) fn worst(lines: &[LineState]) -> ComplianceStatus {
    lines
        .iter()
        .map(|line| line.status)
        .min()
        .unwrap_or(ComplianceStatus::NotRequired)
}
