//! What a quote or an assignment is about, worked out once for both: the contractor
//! and job it names (which must exist), where the work is and where the contractor
//! lives, its class, the price, and the cover's dates (reference §2.5, §2.8, §6.1).

use super::bridge;
use super::shared::{referenced, region};
use crate::auth::Tenant;
use crate::catalog::{job_categories, JobCategory};
use crate::coverage::Coverage;
use crate::error::Error;
use crate::pricing::{self, Pricing, PricingInput};
use crate::server::AppState;
use serde_json::Value;
use ten99::time::DAY;
use ten99::{CoverageType, UnixTime};

/// A contractor and a job, and what follows from them for rating.
pub(crate) struct Parties {
    pub contractor: Value,
    pub job: Value,
    /// `None` if the job's entity has been deleted since.
    pub entity: Option<Value>,
    pub category: &'static JobCategory,
    /// The job's work-site state, else the entity's, else the contractor's home.
    pub work_state: String,
    /// The contractor's home state.
    pub residence_state: String,
}

/// Looks both up: unknown ids are `invalid_contractor_id` / `invalid_job_id`.
pub(crate) fn parties(
    state: &AppState,
    tenant: &Tenant,
    contractor: &str,
    job: &str,
) -> Result<Parties, Error> {
    let store = &state.store;
    let contractor = referenced(
        store.contractors_table(),
        tenant,
        contractor,
        "invalid_contractor_id",
        "contractor",
    )?;
    let job = referenced(store.jobs(), tenant, job, "invalid_job_id", "job")?;
    let entity = match job["entity"].as_str() {
        Some(id) => store.entities().get(tenant, id)?,
        None => None,
    };
    let code = job["category_code"].as_str().unwrap_or_default();
    let category = job_categories::find(code).ok_or_else(|| {
        Error::rule(
            "invalid_job_category_code",
            format!("The job's category {code} is not an approved job category."),
        )
    })?;
    let residence_state = region(&contractor).unwrap_or_default();
    let work_state = region(&job)
        .or_else(|| entity.as_ref().and_then(region))
        .unwrap_or_else(|| residence_state.clone());
    Ok(Parties {
        contractor,
        job,
        entity,
        category,
        work_state,
        residence_state,
    })
}

impl Parties {
    /// The deterministic price of `coverage` for this contractor and job.
    pub fn price(&self, coverage: &[CoverageType]) -> Pricing {
        let coverage: Vec<Coverage> = coverage.iter().map(|c| bridge::coverage(*c)).collect();
        pricing::price(&PricingInput {
            work_state: Some(&self.work_state),
            residence_state: &self.residence_state,
            category: self.category,
            coverage: &coverage,
        })
    }

    pub fn contractor_id(&self) -> &str {
        self.contractor["id"].as_str().unwrap_or_default()
    }

    pub fn job_id(&self) -> &str {
        self.job["id"].as_str().unwrap_or_default()
    }
}

/// Coverage types in a fixed order, comma-joined: two covers with the same set
/// compare equal whatever order they were asked in.
pub(crate) fn coverage_key(coverage: &[CoverageType]) -> String {
    let mut names: Vec<&str> = coverage.iter().map(|c| c.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names.join(",")
}

/// The start and end of cover (reference §2.5): the start must be in the future
/// when it is being set (`check_start`), default the start of the next day; the end
/// defaults to 30 days on, moves to the start of the next day when on the start's
/// calendar day, and must come after the start and, with `max_days`, no later than
/// that many days after it.
pub(crate) fn term(
    now: i64,
    effective: Option<i64>,
    end: Option<i64>,
    check_start: bool,
    max_days: Option<i64>,
) -> Result<(i64, i64), Error> {
    let effective = match effective {
        Some(start) if check_start && start <= now => {
            return Err(Error::rule(
                "effective_date_invalid",
                format!(
                    "effective_date must be in the future (now is {}).",
                    UnixTime(now)
                ),
            ))
        }
        Some(start) => start,
        None => UnixTime(now).start_of_day().plus_days(1).0,
    };
    let mut end = end.unwrap_or(effective + 30 * DAY);
    let day = |t: i64| t.div_euclid(DAY);
    if day(end) == day(effective) {
        end = (day(effective) + 1) * DAY;
    }
    if end <= effective {
        return Err(Error::rule(
            "end_date_invalid",
            format!(
                "end_date must be after effective_date ({}).",
                UnixTime(effective)
            ),
        ));
    }
    if let Some(max) = max_days {
        if end > effective + max * DAY {
            return Err(Error::rule(
                "end_date_invalid",
                format!("end_date can be at most {max} days after effective_date."),
            ));
        }
    }
    Ok((effective, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_704_067_200 + 3_600; // 2024-01-01T01:00:00Z

    fn code(result: Result<(i64, i64), Error>) -> &'static str {
        result.unwrap_err().code()
    }

    #[test]
    fn defaults_and_same_day_end() {
        let tomorrow = 1_704_067_200 + DAY;
        assert_eq!(
            term(NOW, None, None, true, Some(365)).unwrap(),
            (tomorrow, tomorrow + 30 * DAY)
        );
        let start = tomorrow + 9 * 3_600;
        let same_day = term(NOW, Some(start), Some(start + 3_600), true, Some(365)).unwrap();
        assert_eq!(same_day, (start, tomorrow + DAY));
    }

    #[test]
    fn bad_dates_have_their_codes() {
        assert_eq!(
            code(term(NOW, Some(NOW), None, true, None)),
            "effective_date_invalid"
        );
        assert!(term(NOW, Some(NOW), None, false, None).is_ok());
        let start = NOW + 2 * DAY;
        assert_eq!(
            code(term(NOW, Some(start), Some(start - DAY), true, None)),
            "end_date_invalid"
        );
        let too_long = Some(start + 366 * DAY);
        assert_eq!(
            code(term(NOW, Some(start), too_long, true, Some(365))),
            "end_date_invalid"
        );
        assert!(term(NOW, Some(start), Some(start + 365 * DAY), true, Some(365)).is_ok());
    }

    #[test]
    fn coverage_keys_ignore_order() {
        use CoverageType::*;
        assert_eq!(
            coverage_key(&[WorkersComp, General]),
            coverage_key(&[General, WorkersComp])
        );
    }
}
