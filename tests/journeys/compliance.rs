//! The compliance desk on the demo set: its counts match what the stand-in holds, the
//! lapsing policy is announced once on the desktop, a filter narrows the rows to one
//! entity, whose report is written and read back, the fix on a missing row opens the
//! quote form on that contractor and job, a shorter warning window is checked, kept and
//! changes the counts, and on the next launch the desk is the home page.

use coverdesk_journeys::notifications::Notifications;
use coverdesk_journeys::App;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

const DAY: i64 = 86_400;
/// The app's default warning window (`coverdesk_ipc::compliance::DEFAULT_WARNING_DAYS`).
const WARNING_DAYS: i64 = 14;

fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_owned()
}

/// Rows per status, worked out from the stand-in's own records: one row per contractor
/// and job that a quote names. The demo's quotes each cover what their entity requires,
/// one quote per pair, so each pair's quote, policy and link decide it.
async fn expected_counts(
    app: &App,
    warning_days: i64,
) -> (HashMap<&'static str, usize>, Vec<Value>) {
    let quotes = app.standin_get("/api/v1/quotes?limit=100").await;
    let quotes = quotes.as_array().unwrap().clone();
    let policies = app.standin_get("/api/v1/policies?limit=100").await;
    let sessions = app.standin_get("/api/v1/apply/sessions?limit=100").await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let mut counts = HashMap::new();
    for quote in &quotes {
        let id = text(quote, "id");
        let policy = policies
            .as_array()
            .unwrap()
            .iter()
            .find(|p| text(p, "quote") == id && p["status"] == "active");
        let link_open = sessions.as_array().unwrap().iter().any(|s| {
            text(s, "quote") == id && s["expired"] == false && s["step"] != "application_complete"
        });
        let status = match policy {
            Some(p) if p["expiration_date"].as_i64().unwrap() < now + warning_days * DAY => {
                "expiring"
            }
            Some(_) => "covered",
            None if link_open => "pending",
            None if quote["eligible"] == false => "ineligible",
            None => "missing",
        };
        *counts.entry(status).or_insert(0) += 1;
    }
    (counts, quotes)
}

async fn count_on_page(app: &App, status: &str, expected: usize) {
    let id = format!("compliance-count-{status}");
    let shown = app
        .wait_for_text(&id, |t| t.ends_with(&format!(" {expected}")))
        .await;
    assert!(shown.ends_with(&expected.to_string()), "{status}: {shown}");
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app, a display and tauri-driver; scripts/test runs it"]
async fn the_desk_counts_filters_and_fixes_a_missing_line() {
    let notifications = Notifications::watch();
    let env = [
        ("COVERDESK_SEED_DEMO", "1"),
        ("COVERDESK_FOLLOW_SECONDS", "1"),
    ];
    let app = App::launch_with("compliance", &env).await;
    let (expected, quotes) = expected_counts(&app, WARNING_DAYS).await;
    // The demo set has every status the desk knows for a staffed job.
    for status in ["covered", "expiring", "pending", "ineligible", "missing"] {
        assert!(
            expected.get(status).is_some_and(|&n| n > 0),
            "{status}: {expected:?}"
        );
    }

    app.click("nav-compliance").await;
    for (status, &rows) in &expected {
        count_on_page(&app, status, rows).await;
    }
    let pairs: usize = expected.values().sum();
    app.wait_for_text("compliance-shown", |t| {
        t == format!("Rows 1–{pairs} of {pairs}")
    })
    .await;
    assert_eq!(app.wait_for_text("compliance-next", |_| true).await, "Next");
    let age = app.wait_for_text("compliance-age", |t| !t.is_empty()).await;
    assert!(age.starts_with("Records as of "), "{age}");
    app.screenshot("compliance").await;

    // The demo's one lapsing policy, announced once: a few more polls add nothing.
    assert_eq!(expected["expiring"], 1, "{expected:?}");
    notifications.wait_for("Cover lapses soon").await;
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    let lapses: Vec<_> = notifications
        .seen()
        .into_iter()
        .filter(|n| n.summary == "Cover lapses soon")
        .collect();
    assert_eq!(lapses.len(), 1, "{lapses:?}");
    assert!(lapses[0].body.contains("ends "), "{lapses:?}");

    // The charts, drawn in the backend: the demo's entities label the stacked bars, and
    // the lapsing policy is the one ending within the 12 weeks.
    let by_entity = app
        .wait_for_text("chart-status-by-entity", |t| t.contains("Brightline"))
        .await;
    assert!(
        by_entity.contains("Coverage status by entity"),
        "{by_entity}"
    );
    app.scroll_to("chart-status-by-entity").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.screenshot("compliance-chart-status").await;
    app.element("chart-expiring-per-week").await;
    app.scroll_to("chart-expiring-per-week").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.screenshot("compliance-chart-expiring").await;

    // One entity: only its jobs' rows remain.
    let entities = app.standin_get("/api/v1/entities?limit=100").await;
    let brightline = entities
        .as_array()
        .unwrap()
        .iter()
        .find(|e| text(e, "name") == "Brightline Events LLC")
        .unwrap();
    let jobs = app.standin_get("/api/v1/jobs?limit=100").await;
    let its_jobs: BTreeSet<String> = jobs
        .as_array()
        .unwrap()
        .iter()
        .filter(|j| j["entity"] == brightline["id"])
        .map(|j| text(j, "id"))
        .collect();
    let its_rows = quotes
        .iter()
        .filter(|q| its_jobs.contains(&text(q, "job")))
        .count();
    assert!(its_rows > 0 && its_rows < pairs);
    app.select("compliance-entity", &text(brightline, "id"))
        .await;
    app.wait_for_text("compliance-shown", |t| {
        t == format!("Rows 1–{its_rows} of {its_rows}")
    })
    .await;
    let table = app
        .wait_for_text("compliance-table", |t| !t.is_empty())
        .await;
    assert!(table.contains("Brightline Events LLC"), "{table}");
    assert!(!table.contains("Harbor & Pine"), "{table}");
    app.screenshot("compliance-filtered").await;

    // The entity's report, read back: a line per contractor, job and required line.
    app.click("compliance-report").await;
    let path = app
        .wait_for_text("compliance-report-path", |t| t.ends_with(".csv"))
        .await;
    let report = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = report.lines().collect();
    assert!(
        lines[0].starts_with("entity,job,job_id,contractor"),
        "{report}"
    );
    // Brightline requires general liability only: one line per row.
    assert_eq!(lines.len() - 1, its_rows, "{report}");
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.starts_with("Brightline Events LLC,")),
        "{report}"
    );
    assert!(
        report.contains("/bound-policies/"),
        "certificate links: {report}"
    );

    // Back to every entity, missing rows only; the first one's fix is a quote.
    app.select("compliance-entity", "").await;
    app.click("compliance-count-missing").await;
    let missing = expected["missing"];
    app.wait_for_text("compliance-shown", |t| {
        t == format!("Rows 1–{missing} of {missing}")
    })
    .await;
    let row = app.element("compliance-row-0").await;
    let job = row.attr("data-job").await.unwrap().unwrap();
    assert_eq!(
        row.attr("data-status").await.unwrap().as_deref(),
        Some("missing")
    );
    let contractor = row.attr("data-contractor").await.unwrap().unwrap();
    assert!(
        quotes
            .iter()
            .any(|q| text(q, "job") == job && text(q, "contractor") == contractor),
        "the row is a pair the stand-in has a quote for"
    );
    app.click("compliance-fix-0").await;
    app.wait_for_text("field-job", |_| true).await;
    assert_eq!(app.value_of("field-job").await, job);
    assert_eq!(app.value_of("field-contractor").await, contractor);
    app.screenshot("compliance-fix-quote").await;

    // A shorter warning window: a bad one is refused beside the field, 5 days is kept
    // and the lapse six days out counts as covered for now.
    app.click("nav-compliance").await;
    app.fill("compliance-warning-days", "0").await;
    app.click("compliance-warning-save").await;
    let refused = app
        .wait_for_text("compliance-warning-days-error", |t| !t.is_empty())
        .await;
    assert!(refused.contains("1"), "{refused}");
    count_on_page(&app, "expiring", 1).await;
    app.fill("compliance-warning-days", "5").await;
    app.click("compliance-warning-save").await;
    let (shorter, _) = expected_counts(&app, 5).await;
    assert_eq!(shorter.get("expiring"), None, "{shorter:?}");
    count_on_page(&app, "expiring", 0).await;
    count_on_page(&app, "covered", shorter["covered"]).await;
    let data_home = app.data_home.clone();
    app.close().await;

    // Records exist now: the next launch opens on the desk, with the window kept.
    let app = App::launch_in(data_home, &env).await;
    count_on_page(&app, "covered", shorter["covered"]).await;
    assert_eq!(app.value_of("compliance-warning-days").await, "5");
    app.screenshot("compliance-home").await;
    app.close().await;
    // Neither the window's change nor the restart announced the lapse again.
    let lapses = notifications
        .seen()
        .into_iter()
        .filter(|n| n.summary == "Cover lapses soon")
        .count();
    assert_eq!(lapses, 1);
}
