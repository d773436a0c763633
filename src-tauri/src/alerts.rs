//! Desktop notifications for what needs a person while Coverdesk sits in the background:
//! a policy bound, a required line of cover about to lapse. Each event is announced once:
//! the environment's cache keeps the key of every alert shown, so neither the next poll
//! nor the next launch repeats it.

use crate::cache::Cache;
use crate::error::Result;
use coverdesk_compliance::{ComplianceStatus, StatusTable};
use coverdesk_ipc::policies::PolicyBound;
use std::collections::HashSet;
use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;

/// More new lapses than this at once (a first look at a large book) make one summary
/// rather than a notification each.
const MOST_AT_ONCE: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// What makes the event itself: `bound:po_1`, `lapse:po_1:general`.
    pub key: String,
    pub title: String,
    pub body: String,
}

pub fn bound(bound: &PolicyBound) -> Alert {
    let who = bound.contractor_name.as_deref().unwrap_or("A contractor");
    Alert {
        key: format!("bound:{}", bound.policy_id),
        title: "Policy bound".into(),
        body: format!(
            "{who} is covered: policy {} was bound ({}).",
            bound.policy_id, bound.environment
        ),
    }
}

/// One alert per policy and line that ends before its job does, within the warning
/// window (the desk's "expiring" lines).
pub fn lapses(table: &StatusTable) -> Vec<Alert> {
    let mut seen = HashSet::new();
    let mut alerts = Vec::new();
    for row in table.rows() {
        for line in &row.lines {
            let (ComplianceStatus::Expiring, Some(policy), Some(until)) =
                (line.status, &line.policy, line.until)
            else {
                continue;
            };
            let key = format!("lapse:{policy}:{}", line.coverage.as_str());
            if !seen.insert(key.clone()) {
                continue;
            }
            let who = row.contractor_name.as_deref().unwrap_or("A contractor");
            alerts.push(Alert {
                key,
                title: "Cover lapses soon".into(),
                body: format!(
                    "{who}'s {} ends {} while {} for {} needs it. Renew it from the Compliance page.",
                    line.coverage.label().to_lowercase(),
                    until.to_ymd(),
                    row.job_name,
                    row.entity_name
                ),
            });
        }
    }
    alerts
}

/// Of `alerts`, those not announced before in this cache (each is marked as it is
/// returned); beyond [`MOST_AT_ONCE`] lapses, one summary stands for them.
pub fn unannounced(cache: &Cache, alerts: Vec<Alert>, now: i64) -> Result<Vec<Alert>> {
    let mut fresh = Vec::new();
    for alert in alerts {
        if cache.mark_announced(&alert.key, now)? {
            fresh.push(alert);
        }
    }
    let lapsing = fresh.iter().filter(|a| a.key.starts_with("lapse:")).count();
    if lapsing > MOST_AT_ONCE {
        fresh.retain(|a| !a.key.starts_with("lapse:"));
        fresh.push(Alert {
            key: "lapse:summary".into(),
            title: "Cover lapses soon".into(),
            body: format!(
                "{lapsing} lines of cover end before their jobs do, within the warning window. See the Compliance page."
            ),
        });
    }
    Ok(fresh)
}

/// Shows each alert. A desktop without a notification service only loses the pop-up:
/// the Compliance page and the policy notice say the same.
pub async fn show(app: &AppHandle, alerts: Vec<Alert>) {
    if alerts.is_empty() {
        return;
    }
    let app = app.clone();
    // notify-rust waits for the D-Bus reply: off the async threads.
    let _ = tokio::task::spawn_blocking(move || {
        for alert in alerts {
            if let Err(error) = app
                .notification()
                .builder()
                .title(&alert.title)
                .body(&alert.body)
                .show()
            {
                eprintln!("coverdesk: could not show a notification ({error})");
            }
        }
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use coverdesk_compliance::Records;
    use coverdesk_ipc::policies::PolicyRow;
    use serde_json::json;
    use ten99::time::DAY;
    use ten99::{CoverageType, Policy, PolicyStatus, UnixTime};

    const TODAY: i64 = 20_000 * DAY;

    /// Ann works `jobs` for an entity requiring general liability; each job's quote ends
    /// in 60 days and its policy `ends` days from today.
    fn table(jobs: &[(&str, i64)]) -> StatusTable {
        let mut records = Records {
            entities: vec![serde_json::from_value(json!({
                "id": "en_a", "name": "Acme", "required_coverage": ["general"], "created": 1
            }))
            .unwrap()],
            contractor_names: [("cn_ann".to_string(), "Ann Lee".to_string())].into(),
            ..Records::default()
        };
        for (n, (job, ends)) in jobs.iter().enumerate() {
            records.jobs.push(
                serde_json::from_value(json!({
                    "id": job, "name": format!("Job {job}"), "entity": "en_a",
                    "category_code": "jc_x", "wage": 5000, "wage_type": "flatfee", "created": 1
                }))
                .unwrap(),
            );
            let quote = format!("qt_{n}");
            records.quotes.push(
                serde_json::from_value(json!({
                    "id": quote, "contractor": "cn_ann", "job": job, "coverage_type": ["general"],
                    "effective_date": TODAY - 30 * DAY, "end_date": TODAY + 60 * DAY, "created": 10
                }))
                .unwrap(),
            );
            records.policies.push(PolicyRow {
                policy: Policy {
                    id: format!("po_{n}"),
                    quote: Some(quote),
                    status: Some(PolicyStatus::Active),
                    effective_date: Some(UnixTime(TODAY - 30 * DAY)),
                    expiration_date: Some(UnixTime(TODAY + ends * DAY)),
                    pdf_url: None,
                    certificates: Default::default(),
                    is_active: None,
                    created: UnixTime(1),
                },
                status: PolicyStatus::Active,
                contractor: Some("cn_ann".into()),
                contractor_name: Some("Ann Lee".into()),
                job: Some(job.to_string()),
                job_name: None,
                coverage: vec![CoverageType::General],
            });
        }
        StatusTable::build(&records, UnixTime(TODAY + DAY / 2), 14)
    }

    #[test]
    fn a_line_ending_within_the_window_before_its_job_is_one_alert() {
        let alerts = lapses(&table(&[("jb_soon", 5), ("jb_later", 30)]));
        assert_eq!(alerts.len(), 1, "{alerts:?}");
        assert_eq!(alerts[0].key, "lapse:po_0:general");
        assert!(alerts[0].body.contains("Ann Lee"), "{}", alerts[0].body);
        assert!(alerts[0].body.contains("Job jb_soon"), "{}", alerts[0].body);
        assert!(alerts[0].body.contains("Acme"), "{}", alerts[0].body);
    }

    #[test]
    fn each_event_is_shown_once_across_polls() {
        let cache = Cache::open_in_memory().unwrap();
        let bound = bound(&PolicyBound {
            policy_id: "po_9".into(),
            contractor_name: Some("Ann Lee".into()),
            environment: "local".into(),
        });
        let first = lapses(&table(&[("jb_soon", 5)]));
        let mut all = first.clone();
        all.push(bound.clone());
        assert_eq!(unannounced(&cache, all.clone(), 1).unwrap(), all);
        assert!(unannounced(&cache, all, 2).unwrap().is_empty());
    }

    #[test]
    fn many_new_lapses_at_once_make_one_summary() {
        let cache = Cache::open_in_memory().unwrap();
        let jobs: Vec<(String, i64)> = (0..5).map(|n| (format!("jb_{n}"), 3)).collect();
        let jobs: Vec<(&str, i64)> = jobs.iter().map(|(j, d)| (j.as_str(), *d)).collect();
        let shown = unannounced(&cache, lapses(&table(&jobs)), 1).unwrap();
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert_eq!(shown[0].key, "lapse:summary");
        assert!(shown[0].body.starts_with("5 lines"), "{}", shown[0].body);
        // Each was still noted: the summary is not repeated on the next poll.
        assert!(unannounced(&cache, lapses(&table(&jobs)), 2)
            .unwrap()
            .is_empty());
    }
}
