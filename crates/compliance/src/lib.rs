//! The compliance desk's rules, kept apart from SQLite and Tauri so they can be tested at
//! their edges and timed on 100,000 jobs. The backend feeds [`Records`] from its cache,
//! builds a [`StatusTable`] once per cache change and pages it for the web view.
//!
//! The API links jobs and contractors only indirectly, so the rules do too:
//!
//! * **Who works a job**: every contractor named with the job by a quote, an assignment,
//!   or a policy (a policy's contractor and job come through its quote). A job nobody is
//!   named on is one row, [`Unstaffed`](ComplianceStatus::Unstaffed).
//! * **The engagement's end** for (contractor, job): the `end_date` of the newest quote or
//!   assignment of the pair (by `created`) that has one. Without any, the engagement is
//!   taken to end today: cover must be active now.
//! * **Which policies count** for the pair: those whose quote is the pair's, and those a
//!   non-cancelled assignment of the pair names. A policy counts only while it is active:
//!   status `active` and its expiration day not before today (cancelled and expired
//!   policies never count). Overlapping policies: the one that runs longest decides.
//! * **Per required line**, first match wins (dates compared by UTC calendar day, so a
//!   policy that ends on the day the job ends covers it):
//!   1. [`Covered`](ComplianceStatus::Covered): a counting policy with the line runs to the
//!      engagement's end or beyond (or has no expiration date); also when it ends earlier
//!      but more than the warning window from today (it becomes expiring when the window
//!      reaches it).
//!   2. [`Expiring`](ComplianceStatus::Expiring): a counting policy with the line ends
//!      before the engagement does, within the warning window (today + N days, inclusive).
//!   3. [`Pending`](ComplianceStatus::Pending): an application link is out for a quote
//!      of the pair with the line, neither expired nor completed.
//!   4. [`Ineligible`](ComplianceStatus::Ineligible): the newest quote or assignment of
//!      the pair with the line says the contractor is not eligible (manual review).
//!   5. [`Missing`](ComplianceStatus::Missing): anything else.
//! * **A row's status** is its worst line's, in the order missing, ineligible, pending,
//!   expiring, covered; [`NotRequired`](ComplianceStatus::NotRequired) when the entity
//!   requires no line.

mod charts;
mod premium;
mod records;
mod rules;
mod table;

pub use coverdesk_ipc::compliance::*;
pub use premium::{rate_per_line, MonthlyPremium};
pub use records::Records;
pub use table::StatusTable;

#[cfg(test)]
mod tests;
