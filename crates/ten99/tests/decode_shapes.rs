//! The alternative shapes of `tests/fixtures/` decode to the expected values, and
//! integers out of range are refused with the field named, never clamped.

mod fixture_support;

use fixture_support::{decode, read};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use ten99::error_body::ErrorMessage;
use ten99::*;

fn fixture<T: DeserializeOwned>(name: &str) -> T {
    decode(&read(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn fields(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn contractor_with_strings_numbers_and_a_python_literal_address() {
    let c: Contractor = fixture("contractor__strings_python_literal_address.json");
    assert_eq!(c.middle_name, None);
    assert_eq!(c.phone, "4154749088");
    assert_eq!(c.address.line1, "1 Kearny St");
    assert_eq!(c.address.line2, None);
    assert_eq!(c.address.postalcode, "94104");
    assert_eq!(c.address.country.as_deref(), Some("US"));
    assert_eq!(c.company_name, None);
    assert_eq!(
        c.custom_metadata,
        fields(&[("level", "3"), ("team", "west")])
    );
    assert!(c.withhold_premium);
    assert_eq!(c.created, 1_646_818_364);
}

#[test]
fn contractor_with_a_float_time_and_null_optionals() {
    let c: Contractor = fixture("contractor__float_created_null_optionals.json");
    assert_eq!((c.middle_name, c.company_name), (None, None));
    assert!(c.custom_metadata.is_empty());
    assert!(c.withhold_premium);
    assert_eq!(c.created, 1_646_818_364);
    assert_eq!(c.address.line2, None);
}

#[test]
fn contractor_reference_placeholders() {
    let c: Contractor = fixture("contractor__reference.json");
    assert_eq!(c.middle_name, None);
    assert_eq!((c.address.line2, c.address.country), (None, None));
    assert_eq!(c.address.postalcode, "94104");
    assert_eq!(c.created, 1_646_818_364);
}

#[test]
fn error_bodies_keep_their_code_in_every_shape() {
    let text: ErrorBody = fixture("error__text.json");
    assert_eq!(
        text,
        ErrorBody::new(
            "duplicate_email",
            "A contractor with this email already exists"
        )
    );
    let map: ErrorBody = fixture("error__field_map.json");
    assert_eq!(
        map,
        ErrorBody::invalid_input(fields(&[
            ("email", "Not a valid email address."),
            ("phone", "Missing data for required field."),
        ]))
    );
    let lists: ErrorBody = fixture("error__field_lists.json");
    assert_eq!(
        lists,
        ErrorBody::invalid_input(fields(&[
            ("email", "Not a valid email address.; Too long."),
            ("phone", "Missing data for required field."),
        ]))
    );
    let null: ErrorBody = fixture("error__null_message.json");
    assert_eq!(null.error_code, "rate_limited");
    assert_eq!(null.message, ErrorMessage::Text(String::new()));
    let nested: ErrorBody = fixture("error__stripe_nested.json");
    assert_eq!(
        nested,
        ErrorBody::new("invalid_api_key", "Invalid API key provided")
    );
    assert!(decode::<ErrorBody>("{}").is_err());
    assert!(decode::<ErrorBody>("[]").is_err());
}

#[test]
fn job_categories_under_old_key_names() {
    let list: List<JobCategory> = fixture("job_categories__code_and_id_aliases.json");
    let got: Vec<(&str, &str)> = list
        .data
        .iter()
        .map(|c| (c.category_code.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("jc_MTqpkbkp6G", "Computer Service or Repair"),
            ("jc_Other2", "")
        ]
    );
}

#[test]
fn deletes_with_strings() {
    let d: Deleted =
        decode(r#"{"id":"cn_1","object":"None","deleted":"true","deleted_at":"1646818364","x":1}"#)
            .unwrap();
    assert_eq!(
        d,
        Deleted {
            id: "cn_1".into(),
            object: None,
            deleted: true,
            deleted_at: Some(UnixTime(1_646_818_364)),
        }
    );
}

/// `fixture` with `field` replaced by `value`: the decode error, which must name the field.
fn refused<T: DeserializeOwned + std::fmt::Debug>(name: &str, field: &str, value: Value) -> String {
    let mut body: Value = serde_json::from_str(&read(name)).unwrap();
    body[field] = value.clone();
    let err = decode::<T>(&body.to_string()).expect_err(&format!("{field} = {value} accepted"));
    assert!(
        err.starts_with(&format!("at {field}:")),
        "{field} = {value}: {err}"
    );
    err
}

#[test]
fn integers_out_of_range_are_refused_naming_the_field() {
    for value in [
        json!(-1),
        json!("-1"),
        json!(4_294_967_296u64),
        json!("99999999999"),
    ] {
        let err = refused::<Job>("job__reference.json", "years_experience", value);
        assert!(err.contains("out of range"), "{err}");
    }
    for value in [
        json!(18_446_744_073_709_551_615u64),
        json!("9223372036854775808"),
        json!(1e20),
    ] {
        refused::<Job>("job__reference.json", "wage", value.clone());
        refused::<Contractor>("contractor__reference.json", "created", value);
    }
    // Inside the range the same shapes are read, not refused.
    let mut job: Value = serde_json::from_str(&read("job__reference.json")).unwrap();
    job["wage"] = json!("9223372036854775807");
    job["years_experience"] = json!("4294967295");
    let job: Job = decode(&job.to_string()).unwrap();
    assert_eq!(job.wage, Cents(i64::MAX));
    assert_eq!(job.years_experience, Some(u32::MAX));
}

#[test]
fn invoice_with_numeric_strings_old_ids_and_mixed_dates() {
    let i: Invoice = fixture("invoice__strings_old_ids_iso_dates.json");
    assert_eq!(
        (i.contractor.as_str(), i.job.as_str()),
        ("cn_Ehb3bYa", "jb_jsb9KEcTpc")
    );
    assert_eq!((i.gross_pay, i.premium_due), (Cents(250_000), Cents(4_325)));
    assert_eq!(
        i.paycycle_startdate,
        UnixTime::from_ymd(2022, 3, 1).unwrap()
    );
    assert_eq!(i.paycycle_enddate, UnixTime(1_646_818_364));
    assert_eq!(i.purchase_order_number, None);
    assert_eq!(i.created, UnixTime(1_646_818_364));
}

#[test]
fn entity_with_a_python_literal_address_and_list() {
    let e: Entity = fixture("entity__python_literal_address_iso_created.json");
    let address = e.address.expect("address");
    assert_eq!(
        (address.line1.as_str(), address.postalcode.as_str()),
        ("1 Kearny St", "94104")
    );
    assert_eq!(address.line2, None);
    assert_eq!(e.coverage_limit, None);
    assert_eq!(e.required_coverage.len(), 2);
    assert_eq!(e.created, UnixTime(1_646_818_364));
}

#[test]
fn invoice_premium_due_null_or_placeholder_is_zero() {
    let mut body: Value =
        serde_json::from_str(&read("invoice__strings_old_ids_iso_dates.json")).unwrap();
    for empty in [json!(null), json!(""), json!("None"), json!("null")] {
        body["premium_due"] = empty.clone();
        let i: Invoice = decode(&body.to_string()).unwrap_or_else(|e| panic!("{empty}: {e}"));
        assert_eq!(i.premium_due, Cents(0), "{empty}");
    }
    body["premium_due"] = json!("9223372036854775808");
    let err = decode::<Invoice>(&body.to_string()).unwrap_err();
    assert!(err.starts_with("at premium_due:"), "{err}");
}

#[test]
fn job_with_numeric_strings_a_python_literal_address_and_the_old_entity_name() {
    let j: Job = fixture("job__strings_python_literal_address_old_entity_name.json");
    assert_eq!(j.description, None);
    assert_eq!(j.entity, "en_Ah3tqYn");
    assert_eq!(j.wage, Cents(15_000));
    assert_eq!(j.wage_type, WageType::Flatfee);
    assert_eq!((j.years_experience, j.duration_hours), (Some(20), Some(8)));
    let address = j.address.expect("address");
    assert_eq!(
        (address.line1.as_str(), address.line2),
        ("1 Kearny St", None)
    );
    assert_eq!(
        j.custom_metadata,
        fields(&[("purchase_order_number", "PO-1001")])
    );
    assert!(!j.withhold_premium);
    assert_eq!(j.created, UnixTime(1_646_818_364));
}

#[test]
fn a_job_with_both_entity_names_reads_as_one() {
    let j: Job = fixture("job__both_entity_names.json");
    assert_eq!(j.entity, "en_Ah3tqYn");
    assert_eq!((j.wage, j.wage_type), (Cents(15_000), WageType::Hourly));
    assert_eq!(j.address, None);
    assert_eq!(j.created, UnixTime(1_646_818_364));
}

#[test]
fn session_with_quotes_as_a_list_and_placeholders() {
    let s: Session = fixture("session__quotes_list_placeholders.json");
    assert_eq!(s.quote.as_deref(), Some("qt_5DciVga8Kt"));
    assert_eq!((s.success_url, s.cancel_url), (None, None));
    assert!(!s.expired);
    assert_eq!((s.step, s.contractor), (None, None));
    assert_eq!(s.policies, ["pl_WzFRszJhoY", "pl_x2"]);
    assert_eq!(s.created, UnixTime(1_646_818_364));
}

#[test]
fn webhook_endpoint_with_an_iso_time_and_events_as_text() {
    let w: WebhookEndpoint = fixture("webhook_endpoint__iso_created_events_text.json");
    assert_eq!(w.description, None);
    assert_eq!(
        w.events,
        [
            EventType::CertificateFlagged,
            EventType::CertificateApproved
        ]
    );
    assert_eq!(w.created, UnixTime(1_704_519_039));
}

#[test]
fn policy_with_the_old_quote_name_strings_and_a_python_literal_certificates() {
    let p: Policy = fixture("policy__strings_old_quote_name_iso_dates.json");
    assert_eq!(p.quote.as_deref(), Some("qt_5DciVga8Kt"));
    assert_eq!(p.status, Some(PolicyStatus::Active));
    assert_eq!(p.is_active, Some(true));
    assert_eq!(p.created, UnixTime(1_646_818_364));
    assert_eq!(p.effective_date, Some(UnixTime(1_646_818_364)));
    assert_eq!(p.expiration_date, Some(UnixTime(1_678_334_737)));
    assert_eq!(p.pdf_url, None);
    assert_eq!(
        p.certificates.gl_coi_pdf_url.as_deref(),
        Some("/bound-policies/prod/gl_coi_pl_wv23Q3lMc1_1691450123.pdf")
    );
    assert_eq!(p.certificates.wc_coi_pdf_url, None);
}

#[test]
fn assignment_with_old_names_strings_and_a_python_literal_eligibility() {
    let a: Assignment = fixture("assignment__strings_old_names.json");
    assert_eq!(
        (a.contractor.as_str(), a.job.as_str()),
        ("cn_Ehb3bYa", "jb_jsb9KEcTpc")
    );
    assert_eq!(
        a.coverage_type,
        [CoverageType::General, CoverageType::WorkersComp]
    );
    assert_eq!(a.effective_date, Some(UnixTime(1_646_818_364)));
    assert_eq!(a.end_date, Some(UnixTime(1_678_334_737)));
    assert!(a.bind);
    assert_eq!(a.net_rate, Some(RatePer100(65)));
    assert!(a.certificates.is_empty());
    let eligible = a.eligible.expect("eligible");
    assert!(eligible.result);
    assert_eq!(a.created, UnixTime(1_646_818_364));
}

#[test]
fn certificate_with_the_old_contractor_name_placeholders_and_an_iso_time() {
    let c: Certificate = fixture("certificate__strings_placeholders_iso.json");
    assert_eq!(c.contractor, "cn_Ehb3bYa");
    assert_eq!((c.filename, c.pdf_url), (None, None));
    assert_eq!(c.status, CertificateStatus::Pending);
    assert_eq!(c.review_results, None);
    assert_eq!(c.created, UnixTime(1_700_000_000));
    assert_eq!(c.updated, Some(UnixTime(1_700_000_000)));
}

#[test]
fn event_with_an_iso_time_and_its_policy_as_a_python_literal() {
    let e: Event = fixture("event__iso_created_stringified_policy.json");
    assert_eq!(e.id, None);
    assert_eq!(e.type_, EventType::PolicyActive);
    assert_eq!(e.created, UnixTime(1_646_818_364));
    let EventObject::Policy(policy) = e.resource().unwrap() else {
        panic!("not a policy: {:?}", e.data);
    };
    assert_eq!(policy.id, "pl_WzFRszJhoY");
    assert_eq!(policy.quote.as_deref(), Some("qt_5DciVga8Kt"));
    assert_eq!(policy.created, UnixTime(1_646_818_364));
    assert!(policy.certificates.is_empty());
}
