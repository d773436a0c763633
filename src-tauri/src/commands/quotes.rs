//! Quotes: several coverage combinations for one contractor and job in one go, and the
//! earlier quotes the cache holds for comparison.

use super::CACHE_CHANGED;
use crate::error::{Error, Result};
use crate::state::{now, AppState};
use coverdesk_ipc::quotes::{
    QuoteAttempt, QuoteProgress, QuoteRequest, RefreshSummary, PROGRESS_EVENT,
};
use tauri::{AppHandle, Emitter, State};
use ten99::{Quote, UnixTime};

pub async fn list(
    state: &AppState,
    contractor: Option<String>,
    job: Option<String>,
) -> Result<Vec<Quote>> {
    let blank_is_none =
        |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    state.active().await.cache.list_quotes(
        blank_is_none(contractor).as_deref(),
        blank_is_none(job).as_deref(),
    )
}

/// Checks every combination before the first call, so a bad date or a repeated
/// combination sends nothing. Then asks for each in turn; one refused combination
/// (say, a matching policy on file) does not stop the others. `on_done` hears of each.
pub async fn request(
    state: &AppState,
    request: QuoteRequest,
    on_done: impl Fn(QuoteProgress),
) -> Result<Vec<QuoteAttempt>> {
    request
        .validate(UnixTime(now()))
        .into_result()
        .map_err(Error::Invalid)?;
    let active = state.active_for_write().await?;
    let inputs = request.inputs();
    let total = inputs.len();
    let mut attempts = Vec::with_capacity(total);
    for (index, input) in inputs.into_iter().enumerate() {
        let outcome = match active.client.quotes().create(&input).await {
            Ok(quote) => {
                active
                    .cache
                    .upsert_quotes(std::slice::from_ref(&quote), now())?;
                Ok(quote)
            }
            Err(error) => Err(Error::from(error).view()),
        };
        on_done(QuoteProgress {
            index,
            total,
            error: outcome.as_ref().err().map(|e| e.message.clone()),
        });
        attempts.push(QuoteAttempt {
            coverage_type: input.coverage_type,
            outcome,
        });
    }
    Ok(attempts)
}

pub async fn refresh(state: &AppState) -> Result<RefreshSummary> {
    let active = state.active().await;
    let all = active.client.quotes().list_all().await?;
    active.cache.upsert_quotes(&all, now())?;
    Ok(RefreshSummary { fetched: all.len() })
}

#[tauri::command]
pub async fn quotes_list(
    state: State<'_, AppState>,
    contractor: Option<String>,
    job: Option<String>,
) -> Result<Vec<Quote>> {
    list(&state, contractor, job).await
}

#[tauri::command]
pub async fn quotes_request(
    app: AppHandle,
    state: State<'_, AppState>,
    request: QuoteRequest,
) -> Result<Vec<QuoteAttempt>> {
    // Progress is a courtesy to the page; a lost event changes no outcome.
    let attempts = self::request(&state, request, |progress| {
        let _ = app.emit(PROGRESS_EVENT, progress);
    })
    .await?;
    let _ = app.emit(CACHE_CHANGED, "quotes");
    Ok(attempts)
}

#[tauri::command]
pub async fn quotes_refresh(app: AppHandle, state: State<'_, AppState>) -> Result<RefreshSummary> {
    let summary = refresh(&state).await?;
    let _ = app.emit(CACHE_CHANGED, "quotes");
    Ok(summary)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::commands::test_support::{requests_seen, started};
    use crate::commands::{contractors, entities, jobs};
    use std::sync::Mutex;
    use ten99::{Address, Cents, ContractorInput, CoverageType, JobInput, WageType};
    use CoverageType::{General, Professional, WorkersComp};

    /// A contractor and a job for a bowling alley in Chicago, made through the commands.
    pub(crate) async fn contractor_and_job(state: &AppState) -> (String, String) {
        let ann = ContractorInput {
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            email: format!("ann.lee.{}@example.com", now()),
            phone: "415-474-9088".into(),
            address: Address {
                line1: "1 Main St".into(),
                locality: "Chicago".into(),
                region: "IL".into(),
                postalcode: "60640".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let contractor = contractors::create(state, ann).await.unwrap();
        let entity = entities::create(state, entities::tests::lake_view_bowl())
            .await
            .unwrap();
        let job = jobs::create(
            state,
            JobInput {
                name: "Field technician".into(),
                description: "Run cable from front of commercial building to rear.".into(),
                entity: entity.id,
                category_code: "jc_MTqpkbkp6G".into(),
                wage: Cents(250_000),
                wage_type: Some(WageType::Flatfee),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        (contractor.id, job.id)
    }

    pub(crate) fn three(contractor: &str, job: &str) -> QuoteRequest {
        QuoteRequest {
            contractor: contractor.into(),
            job: job.into(),
            combinations: vec![vec![WorkersComp], vec![General], vec![WorkersComp, General]],
            effective_date: None,
            end_date: None,
        }
    }

    #[tokio::test]
    async fn requests_each_combination_and_lists_them_for_the_job() {
        let (_dir, state) = started().await;
        let (contractor, job) = contractor_and_job(&state).await;
        let heard = Mutex::new(Vec::new());
        let mut four = three(&contractor, &job);
        // Professional liability is not sold for field technicians: quoted, not eligible.
        four.combinations
            .push(vec![WorkersComp, General, Professional]);
        let attempts = request(&state, four, |p| heard.lock().unwrap().push(p))
            .await
            .unwrap();
        assert_eq!(attempts.len(), 4);
        let quotes: Vec<&Quote> = attempts
            .iter()
            .map(|a| a.outcome.as_ref().unwrap())
            .collect();
        assert_eq!(quotes[0].coverage_type, [WorkersComp]);
        assert_eq!(quotes[2].coverage_type, [WorkersComp, General]);
        assert!(!quotes[3].eligible);
        assert!(ten99::compare::ineligible_reason(quotes[3]).contains("not offered"));
        // API defaults: starts tomorrow, lasts 30 days.
        let (start, end) = (
            quotes[0].effective_date.unwrap(),
            quotes[0].end_date.unwrap(),
        );
        assert!(start.0 > now() && start.0 <= now() + 2 * 86_400, "{start}");
        assert_eq!(end.0 - start.0, 30 * 86_400);
        // The stand-in's WC + GL lines add up to the total.
        let both = quotes[2];
        assert_eq!(both.total_rate(), both.quote_json.total_net_rate());
        assert!(both.total_rate().unwrap().0 > 0);
        let heard = heard.into_inner().unwrap();
        assert_eq!(
            heard.iter().map(|p| (p.index, p.total)).collect::<Vec<_>>(),
            [(0, 4), (1, 4), (2, 4), (3, 4)]
        );

        let for_job = list(&state, None, Some(job.clone())).await.unwrap();
        assert_eq!(for_job.len(), 4);
        assert!(list(&state, Some("cn_other".into()), None)
            .await
            .unwrap()
            .is_empty());
        let for_contractor = list(&state, Some(contractor), Some(" ".into())).await;
        assert_eq!(for_contractor.unwrap().len(), 4);
        assert_eq!(refresh(&state).await.unwrap().fetched, 4);
    }

    #[tokio::test]
    async fn bad_dates_or_combinations_never_reach_the_api() {
        let (_dir, state) = started().await;
        let (contractor, job) = contractor_and_job(&state).await;
        let before = requests_seen(&state).await;
        let bad = QuoteRequest {
            effective_date: Some(UnixTime(now() - 86_400)),
            end_date: Some(UnixTime(now() + 500 * 86_400)),
            combinations: vec![vec![General], vec![General]],
            ..three(&contractor, &job)
        };
        let view = request(&state, bad, |_| {}).await.unwrap_err().view();
        assert_eq!(view.code, "invalid_input");
        for field in ["effective_date", "end_date", "combinations"] {
            assert!(
                view.fields.contains_key(field),
                "{field}: {:?}",
                view.fields
            );
        }
        assert_eq!(requests_seen(&state).await, before);
    }

    #[tokio::test]
    async fn a_refused_combination_does_not_stop_the_others() {
        let (_dir, state) = started().await;
        let (contractor, _job) = contractor_and_job(&state).await;
        let request_ = QuoteRequest {
            combinations: vec![vec![General]],
            ..three(&contractor, "jb_doesnotexist")
        };
        let attempts = request(&state, request_, |_| {}).await.unwrap();
        let error = attempts[0].outcome.as_ref().unwrap_err();
        assert!(
            error.fields.contains_key("job") || !error.message.is_empty(),
            "{error:?}"
        );
    }
}
