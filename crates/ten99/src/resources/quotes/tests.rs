use super::*;
use serde_json::json;
use CoverageType::*;

/// 2024-01-01T00:00:00Z.
const NOW: UnixTime = UnixTime(1_704_067_200);

fn input() -> QuoteInput {
    QuoteInput {
        contractor: "cn_yJBbMeq9QA".into(),
        job: "jb_jsb9KEcTpc".into(),
        coverage_type: vec![WorkersComp, General],
        effective_date: Some(NOW.plus_days(1)),
        end_date: Some(NOW.plus_days(31)),
    }
}

#[test]
fn a_complete_quote_is_valid_and_encodes_like_the_sdks() {
    assert!(input().validate(NOW).is_empty());
    assert_eq!(
        serde_json::to_value(input()).unwrap(),
        json!({"contractor": "cn_yJBbMeq9QA", "job": "jb_jsb9KEcTpc", "coverage_type": ["workers-comp", "general"],
               "effective_date": 1704153600, "end_date": 1706745600})
    );
    let minimal = QuoteInput {
        effective_date: None,
        end_date: None,
        ..input()
    };
    assert!(minimal.validate(NOW).is_empty());
    assert!(serde_json::to_value(minimal)
        .unwrap()
        .get("end_date")
        .is_none());
}

#[test]
fn reads_the_seed_guides_old_body() {
    let old: QuoteInput = serde_json::from_value(json!({
        "job_id": "jb_jsb9KEcTpc", "contractor_id": "cn_yJBbMeq9QA", "coverage_type": "workers-comp"
    }))
    .unwrap();
    assert_eq!(old.coverage_type, [WorkersComp]);
    assert_eq!(old.job, "jb_jsb9KEcTpc");
}

#[test]
fn coverage_rules() {
    let errors = QuoteInput {
        coverage_type: vec![],
        ..input()
    }
    .validate(NOW);
    assert_eq!(
        errors.get("coverage_type"),
        Some("Choose at least one coverage type")
    );
    let errors = QuoteInput {
        coverage_type: vec![WorkersComp, Cyber],
        ..input()
    }
    .validate(NOW);
    assert!(errors
        .get("coverage_type")
        .unwrap()
        .contains("together with general liability"));
    let errors = QuoteInput {
        coverage_type: vec![General, Media, General],
        ..input()
    }
    .validate(NOW);
    assert!(errors
        .get("coverage_type")
        .unwrap()
        .contains("more than once"));
}

#[test]
fn date_rules() {
    let past = QuoteInput {
        effective_date: Some(NOW),
        ..input()
    }
    .validate(NOW);
    assert_eq!(
        past.get("effective_date"),
        Some("Start date must be in the future (today is 2024-01-01), e.g. 2024-01-02")
    );
    let backwards = QuoteInput {
        end_date: Some(NOW.plus_days(1)),
        ..input()
    }
    .validate(NOW);
    assert_eq!(
        backwards.get("end_date"),
        Some("End date must be after the start date (2024-01-02)")
    );
    let one_year = QuoteInput {
        end_date: Some(NOW.plus_days(366)),
        ..input()
    };
    assert!(
        one_year.validate(NOW).is_empty(),
        "exactly 365 days is allowed"
    );
    let too_long = QuoteInput {
        end_date: Some(UnixTime(NOW.plus_days(366).0 + 1)),
        ..input()
    };
    assert_eq!(
        too_long.validate(NOW).get("end_date"),
        Some("Cover can last at most 365 days; the latest end date is 2025-01-01")
    );
    let end_only = QuoteInput {
        effective_date: None,
        end_date: Some(NOW),
        ..input()
    };
    assert_eq!(
        end_only.validate(NOW).get("end_date"),
        Some("End date must be in the future")
    );
}

#[test]
fn ids_are_checked() {
    let errors = QuoteInput {
        contractor: "jb_x".into(),
        job: "".into(),
        ..input()
    }
    .validate(NOW);
    assert!(errors
        .get("contractor")
        .unwrap()
        .starts_with("Contractor IDs start with cn_"));
    assert_eq!(errors.get("job"), Some("Choose the job"));
}

#[test]
fn updates_check_only_what_changes() {
    assert!(QuoteUpdate::default().validate(NOW).is_empty());
    let update = QuoteUpdate {
        coverage_type: Some(vec![Media]),
        end_date: Some(NOW),
        ..Default::default()
    };
    let errors = update.validate(NOW);
    assert!(errors.get("coverage_type").is_some());
    assert_eq!(
        errors.get("end_date"),
        Some("End date must be in the future")
    );
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"coverage_type": ["media"], "end_date": 1704067200})
    );
}

#[test]
fn decodes_seed_002_with_the_wrapped_coverage_type() {
    let quote: Quote = serde_json::from_value(json!({
        "contractor": "cn_Ehb3bYa", "coverage_type": {"coverage_type": ["general", "workers-comp"]},
        "created": 1646818364, "effective_date": 1646818364, "eligible": true, "end_date": 1678334737,
        "gl_net_rate": 20, "id": "qt_5DciVga8Kt", "job": "jb_jsb9KEcTpc", "net_rate": 65,
        "quote_json": {"gl": {"net_rate": 20, "risk_purchasing_group_fee": null, "stamping_fee": null}, "wc": {"net_rate": 45}},
        "wc_net_rate": 45
    }))
    .unwrap();
    assert_eq!(quote.coverage_type, [General, WorkersComp]);
    assert_eq!(quote.premium_on(Cents(250_000)), Some(Cents(1625)));
    assert_eq!(
        quote.quote_json.wc().unwrap().net_rate(),
        Some(RatePer100(45))
    );
}

#[test]
fn decodes_string_dates_and_defaults() {
    let quote: Quote = serde_json::from_value(json!({
        "id": "qt_1", "contractor": "cn_1", "job": "jb_1", "coverage_type": "general",
        "effective_date": "1701561600", "end_date": "2023-12-07T00:00:00Z", "created": 1699309311,
        "eligible": null, "net_rate": "null", "gl_net_rate": 17, "wc_net_rate": "27"
    }))
    .unwrap();
    assert_eq!(quote.effective_date, Some(UnixTime(1_701_561_600)));
    assert_eq!(quote.end_date, Some(UnixTime(1_701_907_200)));
    assert!(quote.eligible);
    assert_eq!(quote.net_rate, None);
    assert_eq!(quote.total_rate(), Some(RatePer100(44)));
    assert!(quote.quote_json.is_empty());
}

#[test]
fn a_bad_field_is_an_error_not_a_panic() {
    let err = serde_json::from_value::<Quote>(json!({
        "id": "qt_1", "contractor": "cn_1", "job": "jb_1", "coverage_type": ["general"], "created": 1,
        "quote_json": "{'gl': {'net_rate': 17"
    }))
    .unwrap_err();
    assert!(err.to_string().contains("Python literal"), "{err}");
}
