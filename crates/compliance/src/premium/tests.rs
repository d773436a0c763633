use super::*;
use crate::tests::{entity, job, policy, quote, NOON, TODAY};
use ten99::time::DAY;
use ten99::CoverageType::{Cyber, General, Professional, WorkersComp};

fn priced(id: &str, lines: &[&str], rates: serde_json::Value) -> Quote {
    let mut quote = serde_json::to_value(quote(id, "jb_1", lines, TODAY + 90 * DAY, 5)).unwrap();
    for (name, rate) in rates.as_object().unwrap() {
        quote[name] = rate.clone();
    }
    serde_json::from_value(quote).unwrap()
}

#[test]
fn a_line_with_its_own_rate_keeps_it_and_the_others_share_the_rest() {
    let quote = priced(
        "qt_1",
        &["general", "professional", "cyber"],
        serde_json::json!({"net_rate": 500, "gl_net_rate": 200}),
    );
    assert_eq!(
        rate_per_line(&quote),
        vec![
            (General, RatePer100(200)),
            (Professional, RatePer100(150)),
            (Cyber, RatePer100(150)),
        ]
    );
    let unpriced = priced("qt_2", &["general"], serde_json::json!({}));
    assert_eq!(rate_per_line(&unpriced), vec![]);
}

#[test]
fn premium_counts_in_the_month_a_policy_starts_and_never_for_a_cancelled_one() {
    // Job pay $50 (the helper's wage): $1.00 per $100 is 50 cents, $3.00 is $1.50.
    let mut wide = job("jb_1", "en_a");
    wide.wage = Cents(5_000_000);
    let records = Records {
        entities: vec![entity("en_a", &["general", "workers-comp"])],
        jobs: vec![wide],
        quotes: vec![priced(
            "qt_1",
            &["general", "workers-comp"],
            serde_json::json!({"gl_net_rate": 100, "wc_net_rate": 300}),
        )],
        policies: vec![
            policy(
                "po_1",
                "jb_1",
                &[General, WorkersComp],
                PolicyStatus::Active,
                TODAY + 60 * DAY,
            ),
            policy(
                "po_2",
                "jb_1",
                &[General, WorkersComp],
                PolicyStatus::Cancelled,
                TODAY + 60 * DAY,
            ),
        ],
        ..Records::default()
    };
    let premium = MonthlyPremium::from_records(&records, UnixTime(NOON));
    // TODAY is 2024-10-04; the policies start 30 days earlier, in September.
    assert_eq!(premium.months.len(), MONTHS);
    assert_eq!(premium.months[0], "2024-01");
    assert_eq!(premium.months[MONTHS - 1], "2024-12");
    let september = premium.months.iter().position(|m| m == "2024-09").unwrap();
    for (at, month) in premium.premium.iter().enumerate() {
        let expected = if at == september {
            // Workers' comp first, then general liability: the chart's stacking order.
            [
                Cents(150_000),
                Cents(50_000),
                Cents::ZERO,
                Cents::ZERO,
                Cents::ZERO,
            ]
        } else {
            [Cents::ZERO; 5]
        };
        assert_eq!(*month, expected, "{}", premium.months[at]);
    }
}

#[test]
fn a_policy_starting_outside_the_months_shown_is_left_out() {
    let mut records = Records {
        jobs: vec![job("jb_1", "en_a")],
        quotes: vec![priced(
            "qt_1",
            &["general"],
            serde_json::json!({"net_rate": 100}),
        )],
        policies: vec![policy(
            "po_1",
            "jb_1",
            &[General],
            PolicyStatus::Active,
            TODAY + DAY,
        )],
        ..Records::default()
    };
    records.policies[0].policy.effective_date = Some(UnixTime(TODAY - 400 * DAY));
    let premium = MonthlyPremium::from_records(&records, UnixTime(NOON));
    assert!(premium.premium.iter().flatten().all(|&c| c == Cents::ZERO));
}
