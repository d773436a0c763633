//! Every JSON example of the reference and the seeds (copied into `tests/fixtures/`)
//! decodes, and encodes back to something that decodes to the same value.
//!
//! Fixture names are `<kind>__<what>.json`; the kind picks the type.

mod fixture_support;

use fixture_support::{decode, fixtures, read};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;
use ten99::*;

/// Decodes `name`, then checks encode → decode gives the same value.
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + Debug>(name: &str) -> T {
    let value: T = decode(&read(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let encoded = serde_json::to_string(&value).unwrap();
    let again: T = decode(&encoded).unwrap_or_else(|e| panic!("{name} re-decoding {encoded}: {e}"));
    assert_eq!(again, value, "{name}: encode then decode changed the value");
    value
}

#[test]
fn every_fixture_decodes_and_round_trips() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() >= 40, "fixtures went missing: {names:?}");
    for name in &names {
        let kind = name.split("__").next().unwrap();
        match kind {
            "contractor" => drop(round_trip::<Contractor>(name)),
            "contractors" => drop(round_trip::<List<Contractor>>(name)),
            "contractor_input" => drop(round_trip::<ContractorInput>(name)),
            "entity" => drop(round_trip::<Entity>(name)),
            "entity_input" => drop(round_trip::<EntityInput>(name)),
            "job" => drop(round_trip::<Job>(name)),
            "job_input" => drop(round_trip::<JobInput>(name)),
            "job_categories" => drop(round_trip::<List<JobCategory>>(name)),
            "quote" => drop(round_trip::<Quote>(name)),
            "quote_input" => drop(round_trip::<QuoteInput>(name)),
            "session" => drop(round_trip::<Session>(name)),
            "session_input" => drop(round_trip::<SessionInput>(name)),
            "policy" => drop(round_trip::<Policy>(name)),
            "policy_input" => drop(round_trip::<PolicyInput>(name)),
            "assignment" => drop(round_trip::<Assignment>(name)),
            "assignment_input" => drop(round_trip::<AssignmentInput>(name)),
            "assignment_cancel" => drop(round_trip::<AssignmentCancel>(name)),
            "invoice" => drop(round_trip::<Invoice>(name)),
            "invoice_input" => drop(round_trip::<InvoiceInput>(name)),
            "event" => {
                let event = round_trip::<Event>(name);
                event
                    .resource()
                    .unwrap_or_else(|e| panic!("{name}: data does not fit its type: {e}"));
            }
            "events" => drop(round_trip::<List<Event>>(name)),
            "webhook_endpoint" => drop(round_trip::<WebhookEndpoint>(name)),
            "webhook_endpoint_input" => drop(round_trip::<WebhookEndpointInput>(name)),
            "certificate" => drop(round_trip::<Certificate>(name)),
            "certificates" => drop(round_trip::<List<Certificate>>(name)),
            "deleted" => drop(round_trip::<Deleted>(name)),
            "error" => drop(round_trip::<ErrorBody>(name)),
            other => panic!("{name}: no decoder for fixture kind {other:?}"),
        }
    }
}

#[test]
fn seed_000_quote_with_python_quote_json() {
    let quote: Quote = round_trip("quote__seed000_python_quote_json.json");
    let gl = quote.quote_json.gl().unwrap();
    assert_eq!(gl.net_rate(), Some(RatePer100(17)));
    assert_eq!(gl.tax_rate().unwrap().percent(), "3.5%");
    assert_eq!(
        quote.quote_json.wc().unwrap().code().as_deref(),
        Some("8810")
    );
    assert_eq!(quote.total_rate(), Some(RatePer100(44)));
    assert_eq!(quote.effective_date.unwrap().to_ymd(), "2023-12-03");
}

#[test]
fn seed_000_quote_exactly_as_printed() {
    // The guide prints quote_json as an inline single-quoted dict: not JSON at all.
    // The Python-literal reader takes the whole body and gives the same quote.
    let text = read("quote__seed000_verbatim.txt");
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_err());
    let value = ten99::decode::python_literal::parse(&text).unwrap();
    let verbatim: Quote = serde_json::from_value(value).unwrap();
    let fixture: Quote = round_trip("quote__seed000_python_quote_json.json");
    assert_eq!(verbatim, fixture);
}

#[test]
fn seed_002_wrapped_coverage_type() {
    let quote: Quote = round_trip("quote__seed002_wrapped_coverage_type.json");
    assert_eq!(
        quote.coverage_type,
        [CoverageType::General, CoverageType::WorkersComp]
    );
    assert_eq!(
        (quote.gl_net_rate, quote.wc_net_rate),
        (Some(RatePer100(20)), Some(RatePer100(45)))
    );
    assert_eq!(quote.premium_on(Cents(250_000)), Some(Cents(1625)));
    let encoded = serde_json::to_value(&quote).unwrap();
    assert_eq!(
        encoded["coverage_type"],
        serde_json::json!(["general", "workers-comp"]),
        "encoded as a plain array"
    );
}

#[test]
fn seed_003_policy() {
    let policy: Policy = round_trip("policy__seed003.json");
    assert_eq!(policy.status, Some(PolicyStatus::Active));
    assert_eq!(policy.expiration_date.unwrap().to_ymd(), "2023-03-09");
    let gl = policy.certificates.gl_coi_pdf_url.unwrap();
    assert!(
        ten99::resources::policies::resolve_url("http://127.0.0.1:5000", &gl)
            .starts_with("http://127.0.0.1:5000/bound-policies/")
    );
}

#[test]
fn seed_000_session_and_bodies() {
    let session: Session = round_trip("session__seed000_older_shape.json");
    assert_eq!(session.quote.as_deref(), Some("qt_4M7sjSqdam"));
    assert!(!session.expired && session.policies.is_empty());

    let contractor: ContractorInput = round_trip("contractor_input__seed000_guide.json");
    assert_eq!(contractor.address.postalcode, "94104");
    // The guide's phone has 8 digits: validation says so before the API does.
    assert!(contractor.validate().get("phone").is_some());
    let entity: EntityInput = round_trip("entity_input__seed000_string_limits.json");
    assert_eq!(
        entity.coverage_limit.unwrap().aggregate_limit,
        Cents(200_000_000)
    );
    assert!(entity.validate().is_empty());
    let job: JobInput = round_trip("job_input__seed000_entity_id.json");
    assert_eq!(job.entity, "en_FwZfQRe4aW");
    assert!(job.validate().is_empty());
    let quote: QuoteInput = round_trip("quote_input__seed000_old_ids.json");
    assert!(quote.validate(UnixTime(1_700_000_000)).is_empty());
    let session: SessionInput = round_trip("session_input__seed000.json");
    assert!(session.validate().is_empty());
}

#[test]
fn each_event_payload_variant() {
    let v1: Event = round_trip("event__variant1_reference.json");
    assert!(
        matches!(v1.resource().unwrap(), EventObject::Policy(p) if p.status == Some(PolicyStatus::Active))
    );

    let v2: Event = round_trip("event__variant2_compliance_guide_iso.json");
    assert_eq!(v2.id, None);
    let EventObject::Policy(policy) = v2.resource().unwrap() else {
        panic!("policy")
    };
    assert_eq!(policy.current_status(), Some(PolicyStatus::Active));
    assert_eq!(
        policy.effective_date.unwrap().to_string(),
        "2023-09-27T05:37:06Z"
    );

    let v2a: Event = round_trip("event__variant2_assignment_active.json");
    assert!(
        matches!(v2a.resource().unwrap(), EventObject::Assignment(a) if a.eligible.as_ref().is_some_and(|e| e.result))
    );

    let v3: Event = round_trip("event__variant3_certificate_flagged.json");
    assert_eq!(v3.type_, EventType::CertificateFlagged);
    let EventObject::Certificate(certificate) = v3.resource().unwrap() else {
        panic!("certificate")
    };
    assert_eq!(certificate.status, CertificateStatus::Flagged);

    let session: Event = round_trip("event__application_complete.json");
    assert!(matches!(session.resource().unwrap(), EventObject::Session(s) if s.is_complete()));

    let unknown: Event = round_trip("event__unknown_type.json");
    assert!(!unknown.type_.is_known());
}

#[test]
fn webhook_endpoints() {
    let old: WebhookEndpoint = round_trip("webhook_endpoint__secret_false_iso_created.json");
    assert_eq!(old.secret, None);
    assert_eq!(old.created.to_string(), "2024-01-06T05:30:39Z");
    let guide: WebhookEndpoint = round_trip("webhook_endpoint__guide_with_secret.json");
    assert_eq!(guide.events.len(), 4);
    assert!(guide.events.iter().all(EventType::is_known));
}

#[test]
fn money_in_examples() {
    let invoice: Invoice = round_trip("invoice__reference.json");
    assert_eq!(
        (
            invoice.gross_pay.to_string(),
            invoice.premium_due.to_string()
        ),
        ("$2,500.00".into(), "$43.25".into())
    );
    let body: InvoiceInput = round_trip("invoice_input__python_examples.json");
    assert!(body.validate().is_empty());
    let entity: Entity = round_trip("entity__reference_wrapped_required_coverage.json");
    assert_eq!(entity.required_coverage.len(), 3);
    assert_eq!(
        entity.coverage_limit.unwrap().occurrence_limit.to_string(),
        "$1,000,000.00"
    );
}

#[test]
fn lists_in_both_shapes() {
    let bare: List<Contractor> = round_trip("contractors__reference_list.json");
    assert_eq!((bare.len(), bare.has_more), (2, None));
    let wrapped: List<Certificate> = round_trip("certificates__envelope_list.json");
    assert_eq!((wrapped.len(), wrapped.has_more), (1, Some(false)));
}

#[test]
fn deletes() {
    let deleted: Deleted = round_trip("deleted__contractor.json");
    assert_eq!(deleted.object.as_deref(), Some("contractor"));
    let placeholder: Deleted = round_trip("deleted__entity_old_placeholder.json");
    assert!(placeholder.deleted && placeholder.deleted_at.is_none());
}

#[test]
fn decode_errors_name_the_field_path() {
    let mut quote: serde_json::Value =
        serde_json::from_str(&read("quote__seed002_wrapped_coverage_type.json")).unwrap();
    quote["created"] = "soon".into();
    let err = decode::<Quote>(&quote.to_string()).unwrap_err();
    assert!(err.starts_with("at created:"), "{err}");

    let list = format!("[{}, {}]", read("policy__seed003.json"), quote);
    let err = decode::<List<Quote>>(&list).unwrap_err();
    assert!(err.starts_with("at [0]"), "{err}");

    let envelope = format!(
        r#"{{"data": [{}, {{"id": "ci_2", "contractor": "cn_1", "status": "pending", "created": []}}]}}"#,
        read("certificate__pending.json")
    );
    let err = decode::<List<Certificate>>(&envelope).unwrap_err();
    assert!(err.starts_with("at data[1].created"), "{err}");

    let mut bad_coverage = quote.clone();
    bad_coverage["created"] = 1.into();
    bad_coverage["coverage_type"] = serde_json::json!(["general", "auto"]);
    let err = decode::<Quote>(&bad_coverage.to_string()).unwrap_err();
    assert!(
        err.starts_with("at coverage_type:") && err.contains("auto"),
        "{err}"
    );

    let mut bad_breakdown = bad_coverage.clone();
    bad_breakdown["coverage_type"] = "general".into();
    bad_breakdown["quote_json"] = "{'gl': {'net_rate': ".into();
    let err = decode::<Quote>(&bad_breakdown.to_string()).unwrap_err();
    assert!(err.starts_with("at quote_json:"), "{err}");
}
