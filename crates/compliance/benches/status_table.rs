//! The compliance desk over 100,000 jobs and 100,000 policies (not a test: it prints
//! figures). Times building the status table once (what a cache change costs, in the
//! backend, off the UI's path), the first page (50 rows and the counts, unfiltered) and a
//! filter change (a random entity, status, line or expiry window: 50 rows and the
//! counts), and drawing the charts. Target: p99 under 20 ms for the first page and for a
//! filter change.

#[path = "../../../benches/figures.rs"]
mod figures;

use coverdesk_compliance::*;
use coverdesk_ipc::policies::PolicyRow;
use figures::{report, Dice};
use serde_json::json;
use std::time::Instant;
use ten99::time::DAY;
use ten99::{CoverageType, Policy, PolicyStatus, UnixTime};

const JOBS: usize = 100_000;
const ENTITIES: usize = 1_000;
const CONTRACTORS: usize = 50_000;
const RUNS: usize = 1_000;
const NOW: i64 = 20_000 * DAY;

const LINES: [&str; 3] = ["general", "workers-comp", "professional"];
const COVERAGE: [CoverageType; 3] = [
    CoverageType::General,
    CoverageType::WorkersComp,
    CoverageType::Professional,
];

fn records(dice: &mut Dice) -> Records {
    let entities = (0..ENTITIES)
        .map(|n| {
            let required = &LINES[..n % 3 + usize::from(n % 7 != 0)];
            serde_json::from_value(json!({
                "id": format!("en_{n:05}"), "name": format!("Client {n}"),
                "required_coverage": required, "created": n
            }))
            .unwrap()
        })
        .collect();
    let jobs = (0..JOBS)
        .map(|n| {
            serde_json::from_value(json!({
                "id": format!("jb_{n:06}"), "name": format!("Job {n}"),
                "entity": format!("en_{:05}", dice.next(ENTITIES)), "category_code": "jc_x",
                "wage": 5000, "wage_type": "flatfee", "created": n
            }))
            .unwrap()
        })
        .collect();
    let contractor = |n: usize| format!("cn_{n:05}");
    let mut quotes = Vec::with_capacity(JOBS);
    let mut policies = Vec::with_capacity(JOBS);
    for n in 0..JOBS {
        let who = contractor(dice.next(CONTRACTORS));
        let end = NOW + (dice.next(120) as i64 - 10) * DAY;
        let width = dice.next(3) + 1;
        let lines = &LINES[..width];
        quotes.push(
            serde_json::from_value(json!({
                "id": format!("qt_{n:06}"), "contractor": who, "job": format!("jb_{n:06}"),
                "coverage_type": lines, "end_date": end, "eligible": dice.next(20) != 0,
                "created": n
            }))
            .unwrap(),
        );
        // Nine jobs in ten have a policy, of which a few are cancelled or lapse early.
        if dice.next(10) != 0 {
            let status = if dice.next(30) == 0 {
                PolicyStatus::Cancelled
            } else {
                PolicyStatus::Active
            };
            let ends = end - dice.next(40) as i64 * DAY;
            policies.push(PolicyRow {
                policy: Policy {
                    id: format!("pl_{n:06}"),
                    quote: Some(format!("qt_{n:06}")),
                    status: Some(status.clone()),
                    effective_date: Some(UnixTime(NOW - 30 * DAY)),
                    expiration_date: Some(UnixTime(ends)),
                    pdf_url: Some(format!("/bound-policies/sandbox/pl_{n:06}.pdf")),
                    certificates: Default::default(),
                    is_active: None,
                    created: UnixTime(n as i64),
                },
                status,
                contractor: Some(who),
                contractor_name: None,
                job: Some(format!("jb_{n:06}")),
                job_name: None,
                coverage: COVERAGE[..width].to_vec(),
            });
        }
    }
    Records {
        entities,
        jobs,
        contractor_names: (0..CONTRACTORS)
            .map(|n| (contractor(n), format!("Contractor {n}")))
            .collect(),
        quotes,
        policies,
        ..Records::default()
    }
}

fn random_filter(dice: &mut Dice) -> ComplianceFilter {
    let mut filter = ComplianceFilter::default();
    match dice.next(4) {
        0 => filter.entity = Some(format!("en_{:05}", dice.next(ENTITIES))),
        1 => filter.status = Some(ComplianceStatus::ALL[dice.next(5)]),
        2 => filter.coverage = Some(COVERAGE[dice.next(3)]),
        _ => filter.expiring_within_days = Some(dice.next(30) as u32 + 1),
    }
    // Half the time a second criterion on top, as a person narrows further.
    if dice.next(2) == 0 {
        filter.status = Some(ComplianceStatus::ALL[dice.next(5)]);
    }
    filter
}

fn main() {
    let mut dice = Dice(0x2545_f491_4f6c_dd1d);
    let records = records(&mut dice);
    let started = Instant::now();
    let table = StatusTable::build(&records, UnixTime(NOW + DAY / 2), 14);
    println!(
        "built the status table: {} rows from {JOBS} jobs, {} policies in {:.0} ms",
        table.rows().len(),
        records.policies.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    let all = ComplianceFilter::default();
    for count in table.query(&all, 0, 0).1 {
        println!("  {:<20} {:>6}", count.status.label(), count.rows);
    }

    let mut drawn = Vec::with_capacity(20);
    for _ in 0..20 {
        let started = Instant::now();
        let charts = table.charts();
        drawn.push(started.elapsed());
        assert_eq!(charts.len(), 3);
    }
    report("the three charts (SVG)", drawn);

    let mut first = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let (page, counts) = table.query(&all, 0, 50);
        first.push(started.elapsed());
        assert_eq!(page.items.len() + counts.len(), 57);
    }
    report("first page + counts", first);

    let mut changes = Vec::with_capacity(RUNS);
    let mut kept = 0;
    for _ in 0..RUNS {
        let filter = random_filter(&mut dice);
        let started = Instant::now();
        let (page, counts) = table.query(&filter, 0, 50);
        changes.push(started.elapsed());
        assert_eq!(counts.len(), ComplianceStatus::ALL.len());
        kept += page.total;
    }
    report("filter change + counts", changes);
    println!("  (on average {} rows kept per filter)", kept / RUNS);
}
