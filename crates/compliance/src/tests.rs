//! The rules at their edges (see the crate's documentation for the rules themselves).

use crate::*;
use coverdesk_ipc::policies::PolicyRow;
use serde_json::json;
use ten99::time::DAY;
use ten99::{CoverageType, Entity, Job, Policy, PolicyStatus, Quote, Session, UnixTime};

pub(crate) const TODAY: i64 = 20_000 * DAY;
pub(crate) const NOON: i64 = TODAY + DAY / 2;
const WARNING_DAYS: u32 = 14;

pub(crate) fn entity(id: &str, required: &[&str]) -> Entity {
    serde_json::from_value(json!({
        "id": id, "name": format!("Entity {id}"), "required_coverage": required, "created": 1
    }))
    .unwrap()
}

pub(crate) fn job(id: &str, entity: &str) -> Job {
    serde_json::from_value(json!({
        "id": id, "name": format!("Job {id}"), "entity": entity, "category_code": "jc_x",
        "wage": 5000, "wage_type": "flatfee", "created": 1
    }))
    .unwrap()
}

pub(crate) fn quote(id: &str, job: &str, lines: &[&str], end: i64, created: i64) -> Quote {
    serde_json::from_value(json!({
        "id": id, "contractor": "cn_ann", "job": job, "coverage_type": lines,
        "effective_date": TODAY - 30 * DAY, "end_date": end, "created": created
    }))
    .unwrap()
}

pub(crate) fn policy(
    id: &str,
    job: &str,
    lines: &[CoverageType],
    status: PolicyStatus,
    ends: i64,
) -> PolicyRow {
    PolicyRow {
        policy: Policy {
            id: id.into(),
            quote: Some("qt_1".into()),
            status: Some(status.clone()),
            effective_date: Some(UnixTime(TODAY - 30 * DAY)),
            expiration_date: Some(UnixTime(ends)),
            pdf_url: Some(format!("/bound-policies/sandbox/{id}.pdf")),
            certificates: Default::default(),
            is_active: None,
            created: UnixTime(1),
        },
        status,
        contractor: Some("cn_ann".into()),
        contractor_name: Some("Ann Lee".into()),
        job: Some(job.into()),
        job_name: None,
        coverage: lines.to_vec(),
    }
}

/// One entity requiring general liability, one job ending on `job_end`, Ann on it.
fn records(job_end: i64) -> Records {
    Records {
        entities: vec![entity("en_a", &["general"])],
        jobs: vec![job("jb_1", "en_a")],
        contractor_names: [("cn_ann".to_string(), "Ann Lee".to_string())].into(),
        quotes: vec![quote("qt_1", "jb_1", &["general"], job_end, 10)],
        ..Records::default()
    }
}

fn statuses(records: &Records) -> Vec<ComplianceStatus> {
    StatusTable::build(records, UnixTime(NOON), WARNING_DAYS)
        .rows()
        .iter()
        .map(|row| row.status)
        .collect()
}

const GL: CoverageType = CoverageType::General;

#[test]
fn a_policy_ending_the_day_the_job_ends_covers_it_and_a_day_earlier_does_not() {
    let job_end = TODAY + 5 * DAY + 17 * 3600;
    let mut same_day = records(job_end);
    // Midnight of the job's last day: earlier in seconds, the same day.
    same_day.policies = vec![policy(
        "pl_1",
        "jb_1",
        &[GL],
        PolicyStatus::Active,
        TODAY + 5 * DAY,
    )];
    assert_eq!(statuses(&same_day), [ComplianceStatus::Covered]);

    let mut day_before = records(job_end);
    day_before.policies = vec![policy(
        "pl_1",
        "jb_1",
        &[GL],
        PolicyStatus::Active,
        TODAY + 4 * DAY,
    )];
    assert_eq!(statuses(&day_before), [ComplianceStatus::Expiring]);
}

#[test]
fn a_lapse_beyond_the_warning_window_is_covered_for_now_and_expiring_on_its_edge() {
    let job_end = TODAY + 60 * DAY;
    let ends = |days: i64| {
        let mut r = records(job_end);
        r.policies = vec![policy(
            "pl_1",
            "jb_1",
            &[GL],
            PolicyStatus::Active,
            TODAY + days * DAY,
        )];
        statuses(&r)
    };
    assert_eq!(ends(WARNING_DAYS as i64), [ComplianceStatus::Expiring]);
    assert_eq!(ends(WARNING_DAYS as i64 + 1), [ComplianceStatus::Covered]);
    // Ends today: still active today, so expiring, not missing.
    assert_eq!(ends(0), [ComplianceStatus::Expiring]);
    // Ended yesterday: nothing counts.
    assert_eq!(ends(-1), [ComplianceStatus::Missing]);
}

#[test]
fn an_entity_with_no_requirements_needs_nothing() {
    let mut r = records(TODAY + DAY);
    r.entities = vec![entity("en_a", &[])];
    let table = StatusTable::build(&r, UnixTime(NOON), WARNING_DAYS);
    assert_eq!(table.rows().len(), 1);
    assert_eq!(table.rows()[0].status, ComplianceStatus::NotRequired);
    assert!(table.rows()[0].lines.is_empty());
}

#[test]
fn a_cancelled_policy_does_not_count_even_before_its_expiration() {
    let mut r = records(TODAY + 10 * DAY);
    r.policies = vec![policy(
        "pl_1",
        "jb_1",
        &[GL],
        PolicyStatus::Cancelled,
        TODAY + 30 * DAY,
    )];
    assert_eq!(statuses(&r), [ComplianceStatus::Missing]);
    // Switched off by `is_active: false` while the status still says active.
    let mut switched_off = policy(
        "pl_1",
        "jb_1",
        &[GL],
        PolicyStatus::Active,
        TODAY + 30 * DAY,
    );
    switched_off.policy.is_active = Some(false);
    r.policies = vec![switched_off];
    assert_eq!(statuses(&r), [ComplianceStatus::Missing]);
}

#[test]
fn of_two_overlapping_policies_the_longer_one_decides() {
    let mut r = records(TODAY + 40 * DAY);
    r.policies = vec![
        policy(
            "pl_short",
            "jb_1",
            &[GL],
            PolicyStatus::Active,
            TODAY + 3 * DAY,
        ),
        policy(
            "pl_long",
            "jb_1",
            &[GL],
            PolicyStatus::Active,
            TODAY + 40 * DAY,
        ),
        policy(
            "pl_gone",
            "jb_1",
            &[GL],
            PolicyStatus::Cancelled,
            TODAY + 90 * DAY,
        ),
    ];
    let table = StatusTable::build(&r, UnixTime(NOON), WARNING_DAYS);
    let line = &table.rows()[0].lines[0];
    assert_eq!(line.status, ComplianceStatus::Covered);
    assert_eq!(line.policy.as_deref(), Some("pl_long"));
}

#[test]
fn a_policy_for_another_line_or_job_does_not_cover() {
    let mut r = records(TODAY + 10 * DAY);
    r.policies = vec![
        policy(
            "pl_wc",
            "jb_1",
            &[CoverageType::WorkersComp],
            PolicyStatus::Active,
            TODAY + 90 * DAY,
        ),
        policy(
            "pl_other",
            "jb_2",
            &[GL],
            PolicyStatus::Active,
            TODAY + 90 * DAY,
        ),
    ];
    r.jobs.push(job("jb_2", "en_a"));
    let table = StatusTable::build(&r, UnixTime(NOON), WARNING_DAYS);
    let by_job: Vec<(&str, ComplianceStatus)> = table
        .rows()
        .iter()
        .map(|row| (row.job.as_str(), row.status))
        .collect();
    assert_eq!(
        by_job,
        [
            ("jb_1", ComplianceStatus::Missing),
            ("jb_2", ComplianceStatus::Covered)
        ]
    );
}

#[test]
fn an_open_link_is_pending_an_expired_one_is_not_and_ineligible_asks_for_review() {
    let session = |expired: bool| -> Session {
        serde_json::from_value(json!({
            "id": "ias_1", "quote": "qt_1", "url": "http://127.0.0.1/apply",
            "expired": expired, "created": 20
        }))
        .unwrap()
    };
    let mut r = records(TODAY + 10 * DAY);
    r.sessions = vec![session(false)];
    assert_eq!(statuses(&r), [ComplianceStatus::Pending]);
    r.sessions = vec![session(true)];
    assert_eq!(statuses(&r), [ComplianceStatus::Missing]);
    // Completed, and its policy since cancelled: nothing is under way any more.
    let mut completed = session(false);
    completed.step = Some(ten99::SessionStep::ApplicationComplete);
    r.sessions = vec![completed];
    assert_eq!(statuses(&r), [ComplianceStatus::Missing]);

    // The newest quote decides: an older eligible one does not hide a refusal.
    let mut refused = quote("qt_2", "jb_1", &["general"], TODAY + 10 * DAY, 30);
    refused.eligible = false;
    r.quotes.push(refused);
    assert_eq!(statuses(&r), [ComplianceStatus::Ineligible]);
}

#[test]
fn the_newest_quote_sets_the_engagement_and_an_assignment_renews_cover() {
    let mut r = records(TODAY + 10 * DAY);
    r.quotes
        .push(quote("qt_2", "jb_1", &["general"], TODAY + 100 * DAY, 30));
    r.policies = vec![policy(
        "pl_1",
        "jb_1",
        &[GL],
        PolicyStatus::Active,
        TODAY + 50 * DAY,
    )];
    let table = StatusTable::build(&r, UnixTime(NOON), WARNING_DAYS);
    assert_eq!(
        table.rows()[0].engagement_end,
        Some(UnixTime(TODAY + 100 * DAY))
    );
    // Ends before the engagement, but beyond the window: covered for now.
    assert_eq!(table.rows()[0].status, ComplianceStatus::Covered);

    // A policy bound for another job, attached to this one by an assignment.
    let mut r = records(TODAY + 10 * DAY);
    r.jobs.push(job("jb_old", "en_a"));
    r.policies = vec![policy(
        "pl_old",
        "jb_old",
        &[GL],
        PolicyStatus::Active,
        TODAY + 90 * DAY,
    )];
    r.assignments = vec![serde_json::from_value(json!({
        "id": "as_1", "contractor": "cn_ann", "job": "jb_1", "policy": "pl_old",
        "coverage_type": ["general"], "end_date": TODAY + 10 * DAY, "created": 40
    }))
    .unwrap()];
    assert_eq!(
        statuses(&r),
        [ComplianceStatus::Covered, ComplianceStatus::Covered]
    );
}

#[test]
fn a_row_takes_its_worst_line_and_a_job_without_contractors_is_unstaffed() {
    let mut r = records(TODAY + 10 * DAY);
    r.entities = vec![entity("en_a", &["general", "workers-comp"])];
    r.quotes[0].coverage_type = vec![GL, CoverageType::WorkersComp];
    r.policies = vec![policy(
        "pl_1",
        "jb_1",
        &[GL],
        PolicyStatus::Active,
        TODAY + 90 * DAY,
    )];
    r.jobs.push(job("jb_empty", "en_a"));
    let table = StatusTable::build(&r, UnixTime(NOON), WARNING_DAYS);
    let row = &table.rows()[0];
    assert_eq!(
        row.lines.iter().map(|l| l.status).collect::<Vec<_>>(),
        [ComplianceStatus::Covered, ComplianceStatus::Missing]
    );
    assert_eq!(row.status, ComplianceStatus::Missing);
    assert_eq!(table.rows()[1].status, ComplianceStatus::Unstaffed);
    assert_eq!(table.rows()[1].contractor, None);
}

/// Ann missing on en_a's job; on en_b's two jobs, one policy lapsing in five days (the
/// engagement runs 60) and one covering beyond.
fn two_entities() -> Records {
    let mut r = records(TODAY + 10 * DAY);
    r.entities.push(entity("en_b", &["general"]));
    r.jobs.push(job("jb_2", "en_b"));
    r.jobs.push(job("jb_3", "en_b"));
    r.quotes
        .push(quote("qt_2", "jb_2", &["general"], TODAY + 60 * DAY, 10));
    r.quotes
        .push(quote("qt_3", "jb_3", &["general"], TODAY + 60 * DAY, 10));
    r.policies = vec![
        policy("pl_2", "jb_2", &[GL], PolicyStatus::Active, TODAY + 5 * DAY),
        policy(
            "pl_3",
            "jb_3",
            &[GL],
            PolicyStatus::Active,
            TODAY + 90 * DAY,
        ),
    ];
    r
}

#[test]
fn filters_narrow_rows_and_counts_leave_out_only_the_status() {
    let r = two_entities();
    let table = StatusTable::build(&r, UnixTime(NOON), WARNING_DAYS);
    let count = |filter: &ComplianceFilter, status| {
        table
            .query(filter, 0, 0)
            .1
            .into_iter()
            .find(|c| c.status == status)
            .unwrap()
            .rows
    };
    let all = ComplianceFilter::default();
    assert_eq!(count(&all, ComplianceStatus::Missing), 1);
    assert_eq!(count(&all, ComplianceStatus::Expiring), 1);
    assert_eq!(count(&all, ComplianceStatus::Covered), 1);

    let entity_b_missing = ComplianceFilter {
        entity: Some("en_b".into()),
        status: Some(ComplianceStatus::Missing),
        ..Default::default()
    };
    assert_eq!(table.query(&entity_b_missing, 0, 50).0.total, 0);
    assert_eq!(count(&entity_b_missing, ComplianceStatus::Covered), 1);

    let soon = ComplianceFilter {
        expiring_within_days: Some(7),
        ..Default::default()
    };
    let (page, _) = table.query(&soon, 0, 50);
    assert_eq!(
        page.items
            .iter()
            .map(|r| r.job.as_str())
            .collect::<Vec<_>>(),
        ["jb_2"]
    );

    let wc = ComplianceFilter {
        coverage: Some(CoverageType::WorkersComp),
        ..Default::default()
    };
    assert_eq!(table.query(&wc, 0, 50).0.total, 0);

    let (second, _) = table.query(&all, 1, 1);
    assert_eq!((second.total, second.offset, second.items.len()), (3, 1, 1));
    assert_eq!(second.items[0].status, ComplianceStatus::Expiring);
}

#[test]
fn the_charts_count_rows_per_entity_and_policies_per_week() {
    let mut r = two_entities();
    r.policies.push(policy(
        "pl_4",
        "jb_1",
        &[GL],
        PolicyStatus::Cancelled,
        TODAY + 8 * DAY,
    ));
    let charts = StatusTable::build(&r, UnixTime(NOON), WARNING_DAYS).charts();
    let by_entity = &charts[0];
    // Columns: covered, expiring, pending, ineligible, missing.
    let rows: Vec<(&str, &[usize])> = by_entity
        .rows
        .iter()
        .map(|row| (row.label.as_str(), row.values.as_slice()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Entity en_b", &[1, 1, 0, 0, 0][..]),
            ("Entity en_a", &[0, 0, 0, 0, 1][..])
        ]
    );
    let weeks = &charts[1];
    assert_eq!(weeks.rows.len(), 12);
    // pl_2 ends this week; pl_3 in week 13 (outside); the cancelled pl_4 counts nowhere.
    let counts: Vec<usize> = weeks.rows.iter().map(|row| row.values[0]).collect();
    assert_eq!(counts, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let premium = &charts[2];
    assert_eq!(premium.id, "premium-per-month");
    assert_eq!(premium.rows.len(), crate::premium::MONTHS);
    assert_eq!(premium.columns[1], "Workers' comp ($)");
    for chart in &charts {
        assert!(
            chart.svg.starts_with("<svg aria-hidden=\"true\""),
            "{}",
            chart.id
        );
        assert!(chart.svg.contains("currentColor") && !chart.svg.contains("#000000"));
    }
    assert!(
        by_entity.svg.contains("Entity en_b"),
        "the bars are labelled"
    );
}
