use super::*;
use crate::catalog::job_categories::{all, find};
use Coverage::{Cyber, General, Media, Professional, WorkersComp};

fn quote(work: Option<&str>, home: &str, code: &str, coverage: &[Coverage]) -> Pricing {
    price(&PricingInput {
        work_state: work,
        residence_state: home,
        category: find(code).unwrap(),
        coverage,
    })
}

const FIELD_TECH: &str = "jc_MTqpkbkp6G";
const JANITORIAL: &str = "jc_OCnBfMXJ7P";
const GRAPHIC_DESIGN: &str = "jc_tWDfDoCs5i";

#[test]
fn quote_json_has_the_seed_guides_shape_and_adds_up() {
    let p = quote(Some("IL"), "IL", FIELD_TECH, &[WorkersComp, General]);
    assert!(p.eligible && p.reason.is_none());
    let q = p.quote_json();
    let wc = q["wc"].as_object().unwrap();
    let gl = q["gl"].as_object().unwrap();
    let keys = |m: &Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(wc), ["net_rate", "state", "wc_code"]);
    assert_eq!(
        keys(gl),
        [
            "gl_code",
            "net_rate",
            "residence_state",
            "stamping_fee_rate",
            "state",
            "tax_rate"
        ]
    );
    assert_eq!(q["wc"]["state"], "IL");
    assert_eq!(q["wc"]["wc_code"], 7600);
    assert_eq!(q["gl"]["gl_code"], 41677);
    assert_eq!(q["gl"]["tax_rate"], "0.03500");
    assert_eq!(q["gl"]["stamping_fee_rate"], "0.00040");
    let sum = q["wc"]["net_rate"].as_u64().unwrap() + q["gl"]["net_rate"].as_u64().unwrap();
    assert_eq!(sum, u64::from(p.net_rate));
}

#[test]
fn same_input_same_price() {
    let a = quote(
        Some("CA"),
        "NV",
        GRAPHIC_DESIGN,
        &[General, WorkersComp, Media],
    );
    let b = quote(
        Some("ca "),
        "nv",
        GRAPHIC_DESIGN,
        &[Media, General, WorkersComp, Media],
    );
    assert_eq!(a, b);
    assert_eq!(a.lines().count(), 3);
}

#[test]
fn wc_plus_gl_is_0_6_to_1_7_percent_of_pay_everywhere() {
    let mut seen = (u32::MAX, 0);
    for category in all() {
        for state in states::codes() {
            let p = price(&PricingInput {
                work_state: Some(state),
                residence_state: state,
                category,
                coverage: &[WorkersComp, General],
            });
            if states::MONOPOLISTIC_WC.contains(&state) || state == "HI" {
                assert!(!p.eligible, "{state}");
                continue;
            }
            assert!(
                (60..=170).contains(&p.net_rate),
                "{} in {state}: {}",
                category.name,
                p.net_rate
            );
            seen = (seen.0.min(p.net_rate), seen.1.max(p.net_rate));
        }
    }
    // The band is actually used, not squeezed into the middle.
    assert!(seen.0 < 75 && seen.1 > 150, "{seen:?}");
}

#[test]
fn heavier_work_and_dearer_states_cost_more() {
    let rate = |code, state| quote(Some(state), state, code, &[WorkersComp]).net_rate;
    assert!(rate(JANITORIAL, "TX") > rate(GRAPHIC_DESIGN, "TX"));
    assert!(rate(JANITORIAL, "CA") > rate(JANITORIAL, "TX"));
}

#[test]
fn monopolistic_fund_states_refuse_workers_comp() {
    for state in ["ND", "OH", "WA", "WY"] {
        let p = quote(Some(state), "IL", JANITORIAL, &[WorkersComp, General]);
        assert!(!p.eligible);
        assert_eq!(
            p.reason.as_deref(),
            Some(
                format!("Workers' compensation in {state} is provided only by the state fund")
                    .as_str()
            )
        );
        assert_eq!((p.net_rate, p.lines().count()), (0, 0));
        assert_eq!(p.quote_json(), json!({}));
        // General liability alone is fine there.
        assert!(quote(Some(state), "IL", JANITORIAL, &[General]).eligible);
    }
}

#[test]
fn remote_work_is_rated_where_the_contractor_lives() {
    let remote = quote(None, "OH", GRAPHIC_DESIGN, &[WorkersComp]);
    assert!(!remote.eligible);
    let p = quote(None, "CA", GRAPHIC_DESIGN, &[WorkersComp]);
    assert_eq!(p.wc.unwrap().state, "CA");
}

#[test]
fn hawaii_residents_get_no_general_liability_but_may_buy_media_alone() {
    let gl = quote(Some("CA"), "HI", GRAPHIC_DESIGN, &[General]);
    assert_eq!(
        gl.reason.as_deref(),
        Some("General liability is not available to residents of Hawaii")
    );
    let media = quote(Some("HI"), "HI", GRAPHIC_DESIGN, &[Media]);
    assert!(media.eligible, "{:?}", media.reason);
    // Everywhere else media and cyber need general liability alongside.
    let alone = quote(Some("CA"), "CA", GRAPHIC_DESIGN, &[Media, Cyber]);
    assert_eq!(
        alone.reason.as_deref(),
        Some("Media liability requires general liability coverage; Cyber liability requires general liability coverage")
    );
}

#[test]
fn optional_lines_follow_the_class() {
    let p = quote(Some("NY"), "NJ", JANITORIAL, &[General, Professional]);
    assert_eq!(
        p.reason.as_deref(),
        Some("Professional liability is not offered for Janitorial Services")
    );
    let p = quote(
        Some("NY"),
        "NJ",
        GRAPHIC_DESIGN,
        &[General, Professional, Cyber],
    );
    assert!(p.eligible);
    let q = p.quote_json();
    assert_eq!(q["pl"]["residence_state"], "NJ");
    assert_eq!(q["cyber"]["tax_rate"], "0.05000");
    assert!(q.get("wc").is_none());
}

#[test]
fn impossible_requests_are_ineligible_not_errors() {
    assert!(!quote(Some("IL"), "IL", JANITORIAL, &[]).eligible);
    let p = quote(Some("PR"), "ZZ", JANITORIAL, &[General]);
    assert!(p.reason.unwrap().contains("work state \"PR\""));
}

#[test]
fn premium_due_rounds_and_has_a_floor() {
    assert_eq!(premium_due(250_000, 65), 1625);
    assert_eq!(premium_due(250_000, 173), 4325); // the reference's invoice example
    assert_eq!(premium_due(12_345, 67), 100); // 82.7 → the 100-cent minimum
    assert_eq!(premium_due(1_000_050, 1), 100);
    assert_eq!(premium_due(10_050, 1_000), 1005);
    assert_eq!(premium_due(15_000_000, 99), 148_500);
    assert_eq!(premium_due(150_050, 100), 1501); // 1500.5 rounds half up
}

#[test]
fn python_literal_of_a_quote_json() {
    let p = quote(Some("IL"), "IL", FIELD_TECH, &[General]);
    let text = python_repr(&p.quote_json());
    assert!(
        text.starts_with("{'gl': {'gl_code': 41677, 'net_rate': "),
        "{text}"
    );
    assert!(text.ends_with("'tax_rate': '0.03500'}}"), "{text}");
}
