use super::*;
use crate::money::RatePer100;
use crate::resources::quotes::DecimalRate;
use crate::time::UnixTime;
use serde_json::json;
use CoverageType::{General, Professional, WorkersComp};

fn fixture(name: &str) -> Quote {
    let text = match name {
        "seed000" => include_str!("../../tests/fixtures/quote__seed000_python_quote_json.json"),
        "seed002" => include_str!("../../tests/fixtures/quote__seed002_wrapped_coverage_type.json"),
        "string_dates" => include_str!("../../tests/fixtures/quote__string_dates.json"),
        other => panic!("no fixture {other}"),
    };
    serde_json::from_str(text).unwrap()
}

/// A quote shaped like the stand-in's: `wc`/`gl` lines, GL with surplus-lines tax.
fn quote(
    id: &str,
    coverage: &[CoverageType],
    wc: Option<i64>,
    gl: Option<i64>,
    created: i64,
) -> Quote {
    let mut breakdown = serde_json::Map::new();
    if let Some(rate) = wc {
        breakdown.insert(
            "wc".into(),
            json!({"state": "IL", "wc_code": 8810, "net_rate": rate}),
        );
    }
    if let Some(rate) = gl {
        breakdown.insert(
            "gl".into(),
            json!({"net_rate": rate, "tax_rate": "0.03500", "stamping_fee_rate": "0.00040"}),
        );
    }
    serde_json::from_value(json!({
        "id": id, "contractor": "cn_1", "job": "jb_1", "coverage_type": coverage,
        "eligible": true, "net_rate": wc.unwrap_or(0) + gl.unwrap_or(0),
        "effective_date": 1_800_000_000, "end_date": 1_802_592_000,
        "quote_json": breakdown, "created": created
    }))
    .unwrap()
}

#[test]
fn premium_lines_taxes_and_fees_add_up_on_the_python_literal_quote() {
    // quote_json arrives as a Python-literal string: wc 27 + gl 17 = 44 per $100.
    let quote = fixture("seed000");
    let costs = costs(&quote, Cents(1_234_567)).unwrap();
    assert_eq!(costs.rate, RatePer100(44));
    // 1,234,567 × 44 / 10,000 = 5,432.0948 cents → 5,432.
    assert_eq!(costs.premium, Cents(5_432));
    // wc 3,333.3309 and gl 2,098.7639 round down to 5,431; the cent left goes to gl.
    let shares: Vec<(&str, Cents)> = costs
        .lines
        .iter()
        .map(|l| (l.key.as_str(), l.premium))
        .collect();
    assert_eq!(shares, [("wc", Cents(3_333)), ("gl", Cents(2_099))]);
    assert!(costs.lines_add_up);
    // GL tax 2,099 × 0.035 = 73.465 → 73; stamping 2,099 × 0.0004 = 0.8396 → 1.
    let gl = &costs.lines[1];
    assert_eq!((gl.tax, gl.fees), (Cents(73), Cents(1)));
    assert_eq!(
        gl.tax_rate.as_ref().map(DecimalRate::percent).as_deref(),
        Some("3.5%")
    );
    assert_eq!((costs.taxes, costs.fees), (Cents(73), Cents(1)));
    assert_eq!(costs.total, Cents(5_432 + 73 + 1));
    assert_eq!(costs.lines[0].label(), "Workers' comp");
}

#[test]
fn wrapped_coverage_type_and_null_fees() {
    let quote = fixture("seed002");
    assert_eq!(quote.coverage_type, [General, WorkersComp]);
    let costs = costs(&quote, Cents(250_000)).unwrap();
    // 2,500.00 × 65 / 10,000 = $16.25: wc 45 → $11.25, gl 20 → $5.00, no fees.
    assert_eq!(costs.premium, Cents(1_625));
    assert_eq!(
        costs.lines.iter().map(|l| l.premium).collect::<Vec<_>>(),
        [Cents(1_125), Cents(500)]
    );
    assert_eq!(
        (costs.taxes, costs.fees, costs.total),
        (Cents::ZERO, Cents::ZERO, Cents(1_625))
    );
}

#[test]
fn numeric_string_dates_and_string_rates() {
    let quote = fixture("string_dates");
    assert_eq!(quote.effective_date, Some(UnixTime(1_646_818_364)));
    let row = QuoteRow::new(quote, Cents(10_000), &[General]);
    let costs = row.costs.as_ref().unwrap();
    assert_eq!(costs.premium, Cents(65));
    assert!(row.meets_requirements() && row.is_candidate());
}

#[test]
fn fixed_fees_in_quote_json_are_added() {
    let mut quote = fixture("seed002");
    quote.quote_json = serde_json::from_value(json!(
        "{'gl': {'net_rate': 20, 'stamping_fee': 150, 'risk_purchasing_group_fee': 25}, 'wc': {'net_rate': 45}}"
    ))
    .unwrap();
    let costs = costs(&quote, Cents(250_000)).unwrap();
    assert_eq!(costs.fees, Cents(175));
    assert_eq!(costs.total, Cents(1_625 + 175));
}

#[test]
fn lines_from_rate_fields_when_quote_json_is_empty() {
    let quote: Quote = serde_json::from_value(json!({
        "id": "qt_1", "contractor": "cn_1", "job": "jb_1", "coverage_type": "general",
        "gl_net_rate": "17", "wc_net_rate": 27, "created": 1
    }))
    .unwrap();
    let costs = costs(&quote, Cents(100_000)).unwrap();
    assert_eq!(costs.rate, RatePer100(44));
    assert_eq!(
        costs
            .lines
            .iter()
            .map(|l| (l.key.as_str(), l.premium))
            .collect::<Vec<_>>(),
        [("wc", Cents(270)), ("gl", Cents(170))]
    );
}

#[test]
fn inconsistent_lines_round_on_their_own() {
    let mut quote = fixture("seed000");
    quote.net_rate = Some(RatePer100(50));
    let costs = costs(&quote, Cents(100_000)).unwrap();
    assert!(!costs.lines_add_up);
    assert_eq!(costs.premium, Cents(500), "the API charges net_rate");
    assert_eq!(costs.lines[0].premium, Cents(270));
}

#[test]
fn shares_always_add_up_to_the_rounded_total() {
    let rates = [RatePer100(1), RatePer100(1), RatePer100(1)];
    // Each is half a cent; the total 1.5 rounds to 2, given to the first two.
    assert_eq!(
        share_out(Cents(5_000), &rates),
        [Cents(1), Cents(1), Cents(0)]
    );
    for pay in [0, 1, 99, 12_345, 987_654_321] {
        for set in [&[27, 17][..], &[33, 33, 34], &[1], &[7, 11, 13, 17]] {
            let rates: Vec<RatePer100> = set.iter().map(|r| RatePer100(*r)).collect();
            let total = RatePer100(set.iter().sum()).premium_on(Cents(pay));
            let shares = share_out(Cents(pay), &rates);
            assert_eq!(
                shares.iter().map(|s| s.0).sum::<i64>(),
                total.0,
                "{pay} {set:?}"
            );
        }
    }
}

#[test]
fn decimal_rates_apply_exactly() {
    let rate = |v: serde_json::Value| DecimalRate::from_value(&v).unwrap();
    assert_eq!(apply(Cents(2_099), &rate(json!("0.03500"))), Cents(73));
    assert_eq!(apply(Cents(1_000), &rate(json!("0.0005"))), Cents(1)); // 0.5 → 1
    assert_eq!(apply(Cents(999), &rate(json!("0.0005"))), Cents(0)); // 0.4995 → 0
    assert_eq!(apply(Cents(1_000), &rate(json!("1e-3"))), Cents(1));
    assert_eq!(apply(Cents(10_000), &rate(json!(0.05))), Cents(500));
}

#[test]
fn pay_is_wage_times_hours_for_hourly_jobs() {
    let mut job: Job = serde_json::from_value(json!({
        "id": "jb_1", "name": "Tech", "entity": "en_1", "category_code": "jc_1",
        "wage": 2_500, "wage_type": "hourly", "duration_hours": 40, "created": 1
    }))
    .unwrap();
    let pay = estimated_pay(&job);
    assert_eq!(pay.amount, Cents(100_000));
    assert_eq!(pay.basis, "40 h × $25.00");
    job.wage_type = WageType::Flatfee;
    assert_eq!(estimated_pay(&job).amount, Cents(2_500));
    assert_eq!(estimated_pay(&job).basis, "flat fee");
}

#[test]
fn best_is_the_cheapest_eligible_quote_meeting_the_requirements() {
    let ineligible: Quote = serde_json::from_value(json!({
        "id": "qt_no", "contractor": "cn_1", "job": "jb_1", "coverage_type": ["workers-comp", "general"],
        "eligible": false, "net_rate": 0, "created": 9,
        "quote_json": {"eligibility": {"result": false, "message": "Workers' compensation in OH is provided only by the state fund"}}
    }))
    .unwrap();
    let quotes = vec![
        quote("qt_wc", &[WorkersComp], Some(62), None, 1),
        quote("qt_gl", &[General], None, Some(32), 2),
        quote("qt_both", &[WorkersComp, General], Some(62), Some(32), 3),
        quote(
            "qt_all",
            &[WorkersComp, General, Professional],
            Some(62),
            Some(40),
            4,
        ),
        ineligible,
    ];
    let required = [General, WorkersComp];
    let mut comparison = Comparison::new(quotes.clone(), Cents(100_000), &required);
    assert_eq!(comparison.best.as_deref(), Some("qt_both"));
    let no = comparison
        .rows
        .iter()
        .find(|r| r.quote.id == "qt_no")
        .unwrap();
    assert!(no.costs.is_none());
    assert!(no
        .ineligible_reason
        .as_deref()
        .unwrap()
        .contains("state fund"));
    let wc = comparison
        .rows
        .iter()
        .find(|r| r.quote.id == "qt_wc")
        .unwrap();
    assert_eq!(wc.missing, [General]);

    // No requirements: the cheapest eligible quote wins.
    assert_eq!(
        Comparison::new(quotes.clone(), Cents(100_000), &[])
            .best
            .as_deref(),
        Some("qt_gl")
    );
    // Nothing qualifies: no best.
    assert_eq!(
        Comparison::new(quotes[..2].to_vec(), Cents(100_000), &required).best,
        None
    );

    comparison.sort(SortColumn::Total, true);
    let order: Vec<&str> = comparison
        .rows
        .iter()
        .map(|r| r.quote.id.as_str())
        .collect();
    assert_eq!(order.first(), Some(&"qt_gl"));
    assert_eq!(order.last(), Some(&"qt_no"), "unpriced rows go last");
    comparison.sort(SortColumn::Total, false);
    let order: Vec<&str> = comparison
        .rows
        .iter()
        .map(|r| r.quote.id.as_str())
        .collect();
    // Unpriced rows stay last when descending too.
    assert_eq!(order, ["qt_all", "qt_both", "qt_wc", "qt_gl", "qt_no"]);
}

#[test]
fn ties_prefer_more_cover_then_the_newer_quote() {
    let a = quote("qt_a", &[General], None, Some(30), 1);
    let b = quote("qt_b", &[General, Professional], None, Some(30), 2);
    let c = quote("qt_c", &[General, Professional], None, Some(30), 3);
    let comparison = Comparison::new(vec![a, b, c], Cents(100_000), &[General]);
    assert_eq!(comparison.best.as_deref(), Some("qt_c"));
}
