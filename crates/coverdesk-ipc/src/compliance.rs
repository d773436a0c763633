//! The compliance desk: for every job, its contractors and the state of each line of
//! cover the job's entity requires. Worked out in the backend (`coverdesk-compliance`);
//! the web view receives a page of rows and the counts.

use crate::page::Page;
use serde::{Deserialize, Serialize};
use ten99::{CoverageLimit, CoverageType, UnixTime};

/// Names of the backend commands (`src-tauri/src/commands/compliance.rs`).
pub mod command {
    /// args `{ filter: super::ComplianceFilter, offset, limit }` → [`super::ComplianceView`].
    pub const TABLE: &str = "compliance_table";
    /// args `{ entity }` → [`crate::records_csv::ExportSummary`]: the entity's report as
    /// CSV in the Downloads folder.
    pub const REPORT: &str = "compliance_report";
    /// no args → `Vec<super::Chart>`: the desk's charts over every row.
    pub const CHARTS: &str = "compliance_charts";
    /// args `{ days }` → `u32`: keeps the warning window (checked by
    /// [`super::check_warning_days`]) and answers with it.
    pub const SET_WARNING_DAYS: &str = "compliance_set_warning_days";
    /// no args → `bool`: whether this environment's cache holds a job, which makes the
    /// desk the app's first page.
    pub const HOME: &str = "compliance_home";
}

/// The warning window when none is set: two weeks' notice.
pub const DEFAULT_WARNING_DAYS: u32 = 14;
/// A year: further ahead, "expiring" would mean nearly every policy.
pub const MAX_WARNING_DAYS: u32 = 365;

/// The rule for the warning window, run by the form and again by the backend.
pub fn check_warning_days(days: u32) -> Result<u32, String> {
    if (1..=MAX_WARNING_DAYS).contains(&days) {
        Ok(days)
    } else {
        Err(format!("Enter whole days from 1 to {MAX_WARNING_DAYS}"))
    }
}

/// The warning window as typed.
pub fn parse_warning_days(text: &str) -> Result<u32, String> {
    match text.trim() {
        "" => Err("Enter a number of days".to_owned()),
        text => text
            .parse::<u32>()
            .map_err(|_| format!("Enter whole days from 1 to {MAX_WARNING_DAYS}"))
            .and_then(check_warning_days),
    }
}

/// Where a required line (or, for a row, its worst line) stands. The order is the
/// desk's: what needs doing first comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplianceStatus {
    /// No active policy, no application under way, nothing refused.
    Missing,
    /// The latest quote (or assignment) for the line was not eligible: a person must look.
    Ineligible,
    /// An application link is out (not expired) for a quote covering the line.
    Pending,
    /// Covered today, but the cover ends before the engagement does, within the warning window.
    Expiring,
    /// An active policy covers the line through the engagement's end.
    Covered,
    /// The entity requires no cover.
    NotRequired,
    /// The job has nobody on it yet (no quote, assignment or policy names a contractor).
    Unstaffed,
}

impl ComplianceStatus {
    pub const ALL: [ComplianceStatus; 7] = [
        ComplianceStatus::Missing,
        ComplianceStatus::Ineligible,
        ComplianceStatus::Pending,
        ComplianceStatus::Expiring,
        ComplianceStatus::Covered,
        ComplianceStatus::NotRequired,
        ComplianceStatus::Unstaffed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ComplianceStatus::Missing => "Missing",
            ComplianceStatus::Ineligible => "Ineligible",
            ComplianceStatus::Pending => "Application sent",
            ComplianceStatus::Expiring => "Expiring",
            ComplianceStatus::Covered => "Covered",
            ComplianceStatus::NotRequired => "No requirement",
            ComplianceStatus::Unstaffed => "No contractor",
        }
    }

    /// The IPC spelling, used as a CSS class and an element id part.
    pub fn as_str(self) -> &'static str {
        match self {
            ComplianceStatus::Missing => "missing",
            ComplianceStatus::Ineligible => "ineligible",
            ComplianceStatus::Pending => "pending",
            ComplianceStatus::Expiring => "expiring",
            ComplianceStatus::Covered => "covered",
            ComplianceStatus::NotRequired => "not_required",
            ComplianceStatus::Unstaffed => "unstaffed",
        }
    }

    pub fn parse(text: &str) -> Option<ComplianceStatus> {
        ComplianceStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
    }
}

/// One required line of one (job, contractor).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineState {
    pub coverage: CoverageType,
    pub status: ComplianceStatus,
    /// The policy that covers it (covered, expiring).
    pub policy: Option<String>,
    /// When that policy ends.
    pub until: Option<UnixTime>,
    /// Its certificate of insurance, as the API links it.
    pub certificate_url: Option<String>,
}

/// One contractor on one job (or a job with nobody on it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceRow {
    pub job: String,
    pub job_name: String,
    pub entity: String,
    pub entity_name: String,
    pub contractor: Option<String>,
    pub contractor_name: Option<String>,
    pub limit: Option<CoverageLimit>,
    /// The engagement's end: the latest quote's or assignment's `end_date`.
    pub engagement_end: Option<UnixTime>,
    /// One per line the entity requires, in the entity's order.
    pub lines: Vec<LineState>,
    /// The worst of `lines`.
    pub status: ComplianceStatus,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ComplianceFilter {
    pub entity: Option<String>,
    pub status: Option<ComplianceStatus>,
    /// Rows that require this line; with `status`, this line must be in that state.
    pub coverage: Option<CoverageType>,
    /// Rows with a line whose cover ends within this many days.
    pub expiring_within_days: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: ComplianceStatus,
    pub rows: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityChoice {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceView {
    /// The rows the filter keeps, worst first.
    pub page: Page<ComplianceRow>,
    /// Per status, how many rows the filter keeps when its status part is left out.
    pub counts: Vec<StatusCount>,
    pub entities: Vec<EntityChoice>,
    /// When the oldest of the records this was worked out from was fetched from the API;
    /// `None` when nothing has been fetched yet.
    pub data_as_of: Option<UnixTime>,
    pub warning_days: u32,
}

/// A chart drawn in the backend, with its figures for those who cannot see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// Part of element ids: `status-by-entity`.
    pub id: String,
    pub title: String,
    /// SVG text; its text and axes are `currentColor`, so they follow the page's theme.
    pub svg: String,
    /// One sentence saying what the chart shows (its `aria-label`).
    pub summary: String,
    /// The figures: column headings, then one row per bar (a label and its numbers).
    pub columns: Vec<String>,
    pub rows: Vec<ChartRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartRow {
    pub label: String,
    pub values: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_window_is_whole_days_from_one_to_a_year() {
        assert_eq!(parse_warning_days(" 30 "), Ok(30));
        assert_eq!(parse_warning_days("1"), Ok(1));
        assert_eq!(parse_warning_days("365"), Ok(365));
        for bad in ["0", "366", "-3", "2.5", "two", "99999999999"] {
            assert_eq!(
                parse_warning_days(bad),
                Err("Enter whole days from 1 to 365".to_owned()),
                "{bad}"
            );
        }
        assert_eq!(
            parse_warning_days(""),
            Err("Enter a number of days".to_owned())
        );
    }
}
