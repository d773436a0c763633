//! The quote request form: contractor, job, which coverage combinations, and dates typed
//! as calendar days (blank = the API's defaults).

use coverdesk_ipc::quotes::QuoteRequest;
use ten99::{CoverageType, FieldErrors, UnixTime};
use CoverageType::{General, Professional, WorkersComp};

/// A combination the form offers: its element id suffix and what it covers.
pub struct Combination {
    pub id: &'static str,
    pub coverage: &'static [CoverageType],
}

/// The combinations ops compare most: each line alone, both, and with professional.
pub const COMBINATIONS: [Combination; 5] = [
    Combination {
        id: "wc",
        coverage: &[WorkersComp],
    },
    Combination {
        id: "gl",
        coverage: &[General],
    },
    Combination {
        id: "wc-gl",
        coverage: &[WorkersComp, General],
    },
    Combination {
        id: "wc-gl-pl",
        coverage: &[WorkersComp, General, Professional],
    },
    Combination {
        id: "gl-pl",
        coverage: &[General, Professional],
    },
];

/// "Workers' comp + General liability".
pub fn coverage_label(coverage: &[CoverageType]) -> String {
    coverage
        .iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Paths of the form's fields, in the order they appear.
pub const FIELD_PATHS: [&str; 5] = [
    "contractor",
    "job",
    "combinations",
    "effective_date",
    "end_date",
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteRequestDraft {
    pub contractor: String,
    pub job: String,
    /// Ids from [`COMBINATIONS`].
    pub ticked: Vec<&'static str>,
    /// `YYYY-MM-DD` as a date input gives it, or blank.
    pub effective_date: String,
    pub end_date: String,
}

impl QuoteRequestDraft {
    /// The request, or every problem with it as of `now`: unreadable dates here, the
    /// rest from `QuoteRequest::validate` (the same rules the backend runs).
    pub fn to_request(&self, now: UnixTime) -> Result<QuoteRequest, FieldErrors> {
        let mut errors = FieldErrors::default();
        let effective = day(&self.effective_date, "effective_date", &mut errors);
        let end = day(&self.end_date, "end_date", &mut errors);
        let request = QuoteRequest {
            contractor: self.contractor.trim().to_owned(),
            job: self.job.trim().to_owned(),
            combinations: COMBINATIONS
                .iter()
                .filter(|c| self.ticked.contains(&c.id))
                .map(|c| c.coverage.to_vec())
                .collect(),
            effective_date: effective,
            end_date: end,
        };
        for (field, message) in request.validate(now).iter() {
            if errors.get(field).is_none() {
                errors.add(field, message.clone());
            }
        }
        errors.into_result().map(|()| request)
    }
}

/// A calendar day at midnight UTC; blank is `None`; anything else unreadable is a problem.
fn day(text: &str, field: &str, errors: &mut FieldErrors) -> Option<UnixTime> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let parsed = text
        .split('-')
        .map(|part| part.parse::<i64>().ok())
        .collect::<Option<Vec<_>>>()
        .and_then(|parts| match parts[..] {
            [y, m, d] => UnixTime::from_ymd(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?),
            _ => None,
        });
    if parsed.is_none() {
        errors.add(
            field,
            "Enter a date like 2026-12-01, or leave it empty for the default",
        );
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-22T07:30:00Z
    const NOW: UnixTime = UnixTime(1_795_332_600);

    fn draft() -> QuoteRequestDraft {
        QuoteRequestDraft {
            contractor: "cn_yJBbMeq9QA".into(),
            job: "jb_jsb9KEcTpc".into(),
            ticked: vec!["wc", "gl", "wc-gl"],
            ..Default::default()
        }
    }

    #[test]
    fn ticked_combinations_in_form_order_and_default_dates() {
        let request = draft().to_request(NOW).unwrap();
        assert_eq!(
            request.combinations,
            [vec![WorkersComp], vec![General], vec![WorkersComp, General]]
        );
        assert_eq!((request.effective_date, request.end_date), (None, None));
        assert_eq!(
            coverage_label(&request.combinations[2]),
            "Workers' comp + General liability"
        );
    }

    #[test]
    fn dates_are_days_and_follow_the_api_rules() {
        let ok = QuoteRequestDraft {
            effective_date: "2026-11-23".into(),
            end_date: "2026-12-23".into(),
            ..draft()
        };
        let request = ok.to_request(NOW).unwrap();
        assert_eq!(request.effective_date, UnixTime::from_ymd(2026, 11, 23));
        let past = QuoteRequestDraft {
            effective_date: "2026-11-22".into(),
            end_date: "2026-11-21".into(),
            ..draft()
        };
        let errors = past.to_request(NOW).unwrap_err();
        assert!(errors.get("effective_date").unwrap().contains("future"));
        assert!(errors.get("end_date").unwrap().contains("after the start"));
        let garbled = QuoteRequestDraft {
            end_date: "next week".into(),
            ..draft()
        };
        assert!(garbled
            .to_request(NOW)
            .unwrap_err()
            .get("end_date")
            .unwrap()
            .contains("2026-12-01"));
        let nothing = QuoteRequestDraft {
            ticked: vec![],
            contractor: String::new(),
            ..draft()
        };
        let errors = nothing.to_request(NOW).unwrap_err();
        assert!(errors.get("combinations").is_some() && errors.get("contractor").is_some());
    }
}
