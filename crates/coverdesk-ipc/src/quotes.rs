//! Quotes: several coverage combinations requested at once for one contractor and job,
//! and the earlier quotes kept in the cache (`src-tauri/src/commands/quotes.rs`).

use crate::ErrorView;
use serde::{Deserialize, Serialize};
use ten99::{CoverageType, FieldErrors, Quote, QuoteInput, UnixTime};

/// Names of the backend commands for quotes.
pub mod command {
    /// args `{ contractor: Option<String>, job: Option<String> }` → `Vec<ten99::Quote>`
    /// from the cache, newest first; either filter may be left out.
    pub const LIST: &str = "quotes_list";
    /// args `{ request: QuoteRequest }` → `Vec<QuoteAttempt>`, one per combination, in
    /// order. Emits [`super::PROGRESS_EVENT`] as each combination is done.
    pub const REQUEST: &str = "quotes_request";
    /// no args → [`super::RefreshSummary`]: pulls every quote from the API into the cache.
    pub const REFRESH: &str = "quotes_refresh";
}

/// Event emitted while a [`QuoteRequest`] runs; payload [`QuoteProgress`].
pub const PROGRESS_EVENT: &str = "quote-progress";

/// Quotes for one contractor and job: one per coverage combination, same dates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteRequest {
    pub contractor: String,
    pub job: String,
    pub combinations: Vec<Vec<CoverageType>>,
    /// Left out: the API's default (the next day).
    #[serde(default)]
    pub effective_date: Option<UnixTime>,
    /// Left out: the API's default (30 days after the start).
    #[serde(default)]
    pub end_date: Option<UnixTime>,
}

impl QuoteRequest {
    /// The body of each quote to create, in the order of the combinations.
    pub fn inputs(&self) -> Vec<QuoteInput> {
        self.combinations
            .iter()
            .map(|coverage| QuoteInput {
                contractor: self.contractor.trim().to_owned(),
                job: self.job.trim().to_owned(),
                coverage_type: coverage.clone(),
                effective_date: self.effective_date,
                end_date: self.end_date,
            })
            .collect()
    }

    /// Every problem as of `now`: the `ten99` rules of each quote, plus at least one
    /// combination and no combination twice (under `combinations`).
    pub fn validate(&self, now: UnixTime) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if self.combinations.is_empty() {
            errors.add("combinations", "Tick at least one coverage combination");
        }
        for (i, combination) in self.combinations.iter().enumerate() {
            let mut sorted = combination.clone();
            sorted.sort_by_key(|c| c.as_str());
            let repeated = self.combinations[..i].iter().any(|earlier| {
                let mut other = earlier.clone();
                other.sort_by_key(|c| c.as_str());
                other == sorted
            });
            if repeated {
                errors.add("combinations", "The same combination is ticked twice");
            }
        }
        let mut inputs = self.inputs();
        if inputs.is_empty() {
            // Still check who, which job and when, with no coverage yet.
            inputs.push(
                QuoteRequest {
                    combinations: vec![vec![]],
                    ..self.clone()
                }
                .inputs()
                .remove(0),
            );
        }
        for input in inputs {
            for (field, message) in input.validate(now).iter() {
                let field = if field == "coverage_type" {
                    "combinations"
                } else {
                    field.as_str()
                };
                if errors.get(field).is_none() {
                    errors.add(field, message.clone());
                }
            }
        }
        errors
    }
}

/// What became of one combination: the quote, or why the API refused it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteAttempt {
    pub coverage_type: Vec<CoverageType>,
    pub outcome: Result<Quote, ErrorView>,
}

/// Payload of [`PROGRESS_EVENT`]: combination `index` (of `total`) is done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteProgress {
    pub index: usize,
    pub total: usize,
    /// The API's refusal, if it refused.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshSummary {
    /// How many quotes the API returned.
    pub fetched: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use CoverageType::{General, WorkersComp};

    const NOW: UnixTime = UnixTime(1_800_000_000);

    fn request() -> QuoteRequest {
        QuoteRequest {
            contractor: "cn_yJBbMeq9QA".into(),
            job: " jb_jsb9KEcTpc ".into(),
            combinations: vec![vec![WorkersComp], vec![General], vec![WorkersComp, General]],
            effective_date: Some(NOW.plus_days(1)),
            end_date: Some(NOW.plus_days(31)),
        }
    }

    #[test]
    fn one_input_per_combination_with_shared_dates() {
        let request = request();
        assert!(request.validate(NOW).is_empty());
        let inputs = request.inputs();
        assert_eq!(inputs.len(), 3);
        assert_eq!(inputs[2].coverage_type, [WorkersComp, General]);
        assert!(inputs
            .iter()
            .all(|i| i.job == "jb_jsb9KEcTpc" && i.end_date == Some(NOW.plus_days(31))));
    }

    #[test]
    fn date_rules_and_combinations_are_checked_before_any_call() {
        let bad = QuoteRequest {
            contractor: String::new(),
            combinations: vec![
                vec![General, WorkersComp],
                vec![WorkersComp, General],
                vec![],
            ],
            effective_date: Some(NOW.plus_days(-1)),
            end_date: Some(NOW.plus_days(-2)),
            ..request()
        };
        let errors = bad.validate(NOW);
        for field in ["contractor", "combinations", "effective_date", "end_date"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert_eq!(
            errors.get("combinations"),
            Some("The same combination is ticked twice")
        );
        let none = QuoteRequest {
            combinations: vec![],
            job: "job".into(),
            ..request()
        };
        assert!(none.validate(NOW).get("job").is_some());
        assert_eq!(
            none.validate(NOW).get("combinations"),
            Some("Tick at least one coverage combination")
        );
        let too_long = QuoteRequest {
            end_date: Some(NOW.plus_days(400)),
            ..request()
        };
        assert!(too_long
            .validate(NOW)
            .get("end_date")
            .unwrap()
            .contains("365 days"));
    }
}
