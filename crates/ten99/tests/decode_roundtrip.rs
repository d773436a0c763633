//! Property tests: what we encode, we decode back unchanged; the tolerant readers
//! never panic on any input.

use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Debug;
use ten99::decode::python_literal;
use ten99::*;

/// Encode to JSON text, decode back, compare.
fn assert_round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(
    value: &T,
) -> Result<(), TestCaseError> {
    let text = serde_json::to_string(value).unwrap();
    let back: T =
        serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e} in {text}")))?;
    prop_assert_eq!(&back, value, "via {}", text);
    Ok(())
}

/// Text that no tolerant reader takes for a placeholder or a stringified value.
fn word() -> impl Strategy<Value = String> {
    "x[a-zA-Z0-9 _.-]{0,12}"
}

fn id(prefix: &'static str) -> impl Strategy<Value = String> {
    "[a-zA-Z0-9]{1,12}".prop_map(move |s| format!("{prefix}{s}"))
}

fn time() -> impl Strategy<Value = UnixTime> {
    (-62_000_000_000i64..253_000_000_000).prop_map(UnixTime)
}

fn cents() -> impl Strategy<Value = Cents> {
    any::<i64>().prop_map(Cents)
}

fn rate() -> impl Strategy<Value = RatePer100> {
    (0i64..10_000).prop_map(RatePer100)
}

fn coverage() -> impl Strategy<Value = Vec<CoverageType>> {
    vec(prop::sample::select(CoverageType::ALL), 0..5)
}

fn metadata() -> impl Strategy<Value = BTreeMap<String, String>> {
    btree_map("[a-z_]{1,8}", "[a-zA-Z0-9 ]{0,8}", 0..4)
}

fn address() -> impl Strategy<Value = Address> {
    (
        word(),
        option::of(word()),
        word(),
        "[A-Z]{2}",
        "[0-9]{5}",
        option::of(Just("US".to_owned())),
    )
        .prop_map(
            |(line1, line2, locality, region, postalcode, country)| Address {
                line1,
                line2,
                locality,
                region,
                postalcode,
                country,
            },
        )
}

/// JSON without floats (whose text round trip is serde_json's business, not ours).
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        ".*".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(".*", inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn json_object() -> impl Strategy<Value = Map<String, Value>> {
    btree_map("x[a-z_]{0,8}", json_value(), 0..5).prop_map(|m| m.into_iter().collect())
}

fn open_enum<T: Clone + Debug + 'static>(
    known: &'static [T],
    unknown: fn(String) -> T,
) -> impl Strategy<Value = T> {
    prop_oneof![
        prop::sample::select(known),
        "zz[a-z_.]{0,10}".prop_map(unknown)
    ]
}

fn quote() -> impl Strategy<Value = Quote> {
    (
        (
            id("qt_"),
            id("cn_"),
            id("jb_"),
            coverage(),
            option::of(time()),
            option::of(time()),
        ),
        (
            any::<bool>(),
            option::of(rate()),
            option::of(rate()),
            option::of(rate()),
            json_object(),
            time(),
        ),
    )
        .prop_map(
            |(
                (id, contractor, job, coverage_type, effective_date, end_date),
                (eligible, net_rate, gl_net_rate, wc_net_rate, q, created),
            )| {
                Quote {
                    id,
                    contractor,
                    job,
                    coverage_type,
                    effective_date,
                    end_date,
                    eligible,
                    net_rate,
                    gl_net_rate,
                    wc_net_rate,
                    quote_json: QuoteBreakdown(q),
                    created,
                }
            },
        )
}

fn coi_urls() -> impl Strategy<Value = CoiUrls> {
    (option::of(word()), option::of(word())).prop_map(|(gl_coi_pdf_url, wc_coi_pdf_url)| CoiUrls {
        gl_coi_pdf_url,
        wc_coi_pdf_url,
    })
}

fn policy() -> impl Strategy<Value = Policy> {
    (
        id("pl_"),
        option::of(id("qt_")),
        option::of(open_enum(PolicyStatus::KNOWN, PolicyStatus::Unknown)),
        option::of(time()),
        option::of(time()),
        option::of(word()),
        coi_urls(),
        option::of(any::<bool>()),
        time(),
    )
        .prop_map(
            |(
                id,
                quote,
                status,
                effective_date,
                expiration_date,
                pdf_url,
                certificates,
                is_active,
                created,
            )| Policy {
                id,
                quote,
                status,
                effective_date,
                expiration_date,
                pdf_url,
                certificates,
                is_active,
                created,
            },
        )
}

fn session() -> impl Strategy<Value = Session> {
    (
        id("ias_"),
        option::of(id("qt_")),
        option::of(word()),
        option::of(word()),
        option::of(word()),
        any::<bool>(),
        option::of(open_enum(SessionStep::KNOWN, SessionStep::Unknown)),
        option::of(id("cn_")),
        vec(id("pl_"), 0..3),
        time(),
    )
        .prop_map(
            |(
                id,
                quote,
                success_url,
                cancel_url,
                url,
                expired,
                step,
                contractor,
                policies,
                created,
            )| Session {
                id,
                quote,
                success_url,
                cancel_url,
                url,
                expired,
                step,
                contractor,
                policies,
                created,
            },
        )
}

fn assignment() -> impl Strategy<Value = Assignment> {
    (
        (
            id("an_"),
            id("cn_"),
            id("jb_"),
            option::of(id("pl_")),
            coverage(),
            option::of(time()),
            option::of(time()),
        ),
        (
            any::<bool>(),
            option::of(rate()),
            coi_urls(),
            option::of((any::<bool>(), option::of(word()))),
        ),
        (
            any::<bool>(),
            option::of(time()),
            option::of(open_enum(
                CancellationReason::KNOWN,
                CancellationReason::Unknown,
            )),
            time(),
        ),
    )
        .prop_map(
            |(
                (id, contractor, job, policy, coverage_type, effective_date, end_date),
                (bind, net_rate, certificates, eligible),
                (cancelled, cancellation_date, cancellation_reason, created),
            )| Assignment {
                id,
                contractor,
                job,
                policy,
                coverage_type,
                effective_date,
                end_date,
                bind,
                net_rate,
                certificates,
                eligible: eligible.map(|(result, message)| Eligibility { result, message }),
                cancelled,
                cancellation_date,
                cancellation_reason,
                created,
            },
        )
}

fn job() -> impl Strategy<Value = Job> {
    (
        (
            id("jb_"),
            word(),
            option::of(word()),
            id("en_"),
            id("jc_"),
            cents(),
            prop::sample::select(WageType::ALL),
        ),
        (
            option::of(0u32..100),
            option::of(address()),
            metadata(),
            any::<bool>(),
            option::of(0u32..1000),
            time(),
        ),
    )
        .prop_map(
            |(
                (id, name, description, entity, category_code, wage, wage_type),
                (
                    years_experience,
                    address,
                    custom_metadata,
                    withhold_premium,
                    duration_hours,
                    created,
                ),
            )| Job {
                id,
                name,
                description,
                entity,
                category_code,
                wage,
                wage_type,
                years_experience,
                address,
                custom_metadata,
                withhold_premium,
                duration_hours,
                created,
            },
        )
}

fn entity() -> impl Strategy<Value = Entity> {
    (
        id("en_"),
        word(),
        option::of(address()),
        option::of((cents(), cents())),
        coverage(),
        time(),
    )
        .prop_map(
            |(id, name, address, limits, required_coverage, created)| Entity {
                id,
                name,
                address,
                coverage_limit: limits.map(|(aggregate_limit, occurrence_limit)| CoverageLimit {
                    aggregate_limit,
                    occurrence_limit,
                }),
                required_coverage,
                created,
            },
        )
}

fn invoice() -> impl Strategy<Value = Invoice> {
    (
        id("in_"),
        id("cn_"),
        id("jb_"),
        cents(),
        time(),
        time(),
        cents(),
        option::of(word()),
        time(),
    )
        .prop_map(
            |(
                id,
                contractor,
                job,
                gross_pay,
                paycycle_startdate,
                paycycle_enddate,
                premium_due,
                purchase_order_number,
                created,
            )| Invoice {
                id,
                contractor,
                job,
                gross_pay,
                paycycle_startdate,
                paycycle_enddate,
                premium_due,
                purchase_order_number,
                created,
            },
        )
}

fn event_type() -> impl Strategy<Value = EventType> {
    open_enum(EventType::KNOWN, EventType::Unknown)
}

fn event() -> impl Strategy<Value = Event> {
    (option::of(id("ev_")), event_type(), time(), json_object()).prop_map(
        |(id, type_, created, data)| Event {
            id,
            type_,
            created,
            data: Value::Object(data),
        },
    )
}

fn webhook_endpoint() -> impl Strategy<Value = WebhookEndpoint> {
    (
        id("whe_"),
        word(),
        option::of(word()),
        option::of(id("whsec_")),
        vec(event_type(), 0..4),
        time(),
    )
        .prop_map(
            |(id, url, description, secret, events, created)| WebhookEndpoint {
                id,
                url,
                description,
                secret,
                events,
                created,
            },
        )
}

fn certificate() -> impl Strategy<Value = Certificate> {
    let status = || open_enum(CertificateStatus::KNOWN, CertificateStatus::Unknown);
    let audit = (
        option::of(id("car_")),
        word(),
        option::of(word()),
        word(),
        option::of(word()),
        any::<bool>(),
        option::of(time()),
    )
        .prop_map(
            |(id, rule_name, rule_path, result, message, manually_approved, created)| AuditResult {
                id,
                rule_name,
                rule_path,
                result,
                message,
                manually_approved,
                created,
            },
        );
    let review = (
        option::of(id("ca_")),
        option::of(status()),
        option::of((0u32..50, 0u32..50, 0u32..100)),
        option::of(time()),
        option::of(time()),
        option::of(json_object().prop_map(Value::Object)),
        vec(audit, 0..3),
    )
        .prop_map(
            |(id, status, summary, created, updated, parsed_certificate_json, audit_results)| {
                ReviewResults {
                    id,
                    status,
                    summary: summary.map(|(passed, failed, total_rules)| ReviewSummary {
                        passed,
                        failed,
                        total_rules,
                    }),
                    created,
                    updated,
                    parsed_certificate_json,
                    audit_results,
                }
            },
        );
    (
        id("ci_"),
        id("cn_"),
        option::of(word()),
        option::of(word()),
        status(),
        option::of(review),
        time(),
        option::of(time()),
    )
        .prop_map(
            |(id, contractor, filename, pdf_url, status, review_results, created, updated)| {
                Certificate {
                    id,
                    contractor,
                    filename,
                    pdf_url,
                    status,
                    review_results,
                    created,
                    updated,
                }
            },
        )
}

fn contractor() -> impl Strategy<Value = Contractor> {
    (
        (id("cn_"), word(), word(), option::of(word())),
        (word(), "[0-9-]{0,12}", address(), option::of(word())),
        (metadata(), any::<bool>(), time()),
    )
        .prop_map(
            |(
                (id, first_name, last_name, middle_name),
                (email, phone, address, company_name),
                (custom_metadata, withhold_premium, created),
            )| Contractor {
                id,
                first_name,
                last_name,
                middle_name,
                email,
                phone,
                address,
                company_name,
                custom_metadata,
                withhold_premium,
                created: created.seconds(),
            },
        )
}

fn deleted() -> impl Strategy<Value = Deleted> {
    (
        id("cn_"),
        option::of(word()),
        any::<bool>(),
        option::of(time()),
    )
        .prop_map(|(id, object, deleted, deleted_at)| Deleted {
            id,
            object,
            deleted,
            deleted_at,
        })
}

fn job_category() -> impl Strategy<Value = JobCategory> {
    (id("jc_"), "[a-zA-Z ]{0,16}").prop_map(|(category_code, name)| JobCategory {
        category_code,
        name,
    })
}

fn error_body() -> impl Strategy<Value = ErrorBody> {
    prop_oneof![
        ("[a-z_]{1,16}", word()).prop_map(|(code, message)| ErrorBody::new(&code, message)),
        btree_map("[a-z_.]{1,8}", word(), 0..4).prop_map(ErrorBody::invalid_input),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn cents_display_reads_back(c in -1_000_000_000_000_000i64..1_000_000_000_000_000) {
        let cents = Cents(c);
        prop_assert_eq!(Cents::from_dollars_str(&cents.to_string()), Ok(cents));
        prop_assert_eq!(Cents::from_dollars_str(&cents.plain_dollars()), Ok(cents));
        let as_string: Cents = serde_json::from_value(Value::String(c.to_string())).unwrap();
        prop_assert_eq!(as_string, cents);
        assert_round_trip(&cents)?;
    }

    #[test]
    fn premiums_are_within_half_a_cent(wage in 0i64..10_000_000_000, r in 0i64..10_000) {
        let premium = RatePer100(r).premium_on(Cents(wage)).0 as f64;
        let exact = wage as f64 * r as f64 / 10_000.0;
        prop_assert!((premium - exact).abs() <= 0.5 + 1e-6);
    }

    #[test]
    fn times_read_back_from_iso_and_strings(t in time()) {
        prop_assert_eq!(UnixTime::parse_iso(&t.to_string()), Ok(t));
        prop_assert_eq!(UnixTime::parse_iso(&t.to_ymd()), Ok(t.start_of_day()));
        let from_string: UnixTime = serde_json::from_value(Value::String(t.0.to_string())).unwrap();
        prop_assert_eq!(from_string, t);
        assert_round_trip(&t)?;
    }

    #[test]
    fn python_repr_reads_back(value in json_value()) {
        prop_assert_eq!(python_literal::parse(&python_literal::to_python(&value)), Ok(value.clone()));
        prop_assert_eq!(python_literal::parse(&value.to_string()), Ok(value), "plain JSON reads too");
    }

    #[test]
    fn readers_never_panic(text in ".{0,64}", bytes in vec(any::<u8>(), 0..64)) {
        let _ = python_literal::parse(&text);
        let _ = UnixTime::parse_iso(&text);
        let _ = Cents::from_dollars_str(&text);
        let lossy = String::from_utf8_lossy(&bytes);
        let _ = python_literal::parse(&lossy);
        let _ = serde_json::from_slice::<Quote>(&bytes);
        let _ = serde_json::from_value::<QuoteBreakdown>(Value::String(text.clone()));
        let _ = serde_json::from_value::<Event>(serde_json::json!({"type": text, "created": text, "data": text}));
    }

    #[test]
    fn quotes(q in quote()) { assert_round_trip(&q)?; }

    #[test]
    fn policies(p in policy()) { assert_round_trip(&p)?; }

    #[test]
    fn sessions(s in session()) { assert_round_trip(&s)?; }

    #[test]
    fn assignments(a in assignment()) { assert_round_trip(&a)?; }

    #[test]
    fn jobs(j in job()) { assert_round_trip(&j)?; }

    #[test]
    fn entities(e in entity()) { assert_round_trip(&e)?; }

    #[test]
    fn invoices(i in invoice()) { assert_round_trip(&i)?; }

    #[test]
    fn events(e in event()) { assert_round_trip(&e)?; }

    #[test]
    fn webhook_endpoints(w in webhook_endpoint()) { assert_round_trip(&w)?; }

    #[test]
    fn certificates(c in certificate()) { assert_round_trip(&c)?; }

    #[test]
    fn contractors(c in contractor()) { assert_round_trip(&c)?; }

    #[test]
    fn deletes(d in deleted()) { assert_round_trip(&d)?; }

    #[test]
    fn job_categories(c in job_category()) { assert_round_trip(&c)?; }

    #[test]
    fn error_bodies(e in error_body()) { assert_round_trip(&e)?; }

    #[test]
    fn lists(quotes in vec(quote(), 0..3), has_more in option::of(any::<bool>())) {
        assert_round_trip(&List { data: quotes, has_more })?;
    }

    #[test]
    fn quote_inputs(contractor in id("cn_"), job in id("jb_"), coverage_type in coverage(), effective_date in option::of(time()), end_date in option::of(time())) {
        assert_round_trip(&QuoteInput { contractor, job, coverage_type, effective_date, end_date })?;
    }

    #[test]
    fn job_inputs(name in word(), entity in id("en_"), wage in cents(), wage_type in option::of(prop::sample::select(WageType::ALL)),
                  address in option::of(address()), custom_metadata in metadata(), hours in option::of(0u32..100), withhold in option::of(any::<bool>())) {
        let input = JobInput {
            name, description: "x".into(), entity, category_code: "jc_1".into(), wage, wage_type,
            years_experience: hours, address, custom_metadata, withhold_premium: withhold, duration_hours: hours,
        };
        assert_round_trip(&input)?;
    }

    #[test]
    fn entity_inputs(name in word(), address in option::of(address()), limits in option::of((cents(), cents())), required_coverage in coverage()) {
        let coverage_limit = limits.map(|(aggregate_limit, occurrence_limit)| CoverageLimit { aggregate_limit, occurrence_limit });
        assert_round_trip(&EntityInput { name, address, coverage_limit, required_coverage })?;
    }

    #[test]
    fn other_inputs(contractor in id("cn_"), job in id("jb_"), pay in cents(), start in time(), end in time(), po in option::of("[a-zA-Z0-9-]{0,8}"),
                    coverage_type in coverage(), bind in option::of(any::<bool>()), url in word(), events in vec(event_type(), 0..4)) {
        assert_round_trip(&InvoiceInput {
            contractor: contractor.clone(), job: job.clone(), gross_pay: pay, paycycle_startdate: start, paycycle_enddate: end,
            purchase_order_number: po.clone(),
        })?;
        assert_round_trip(&InvoiceUpdate { gross_pay: Some(pay), purchase_order_number: po, ..Default::default() })?;
        assert_round_trip(&AssignmentInput {
            contractor: contractor.clone(), job: job.clone(), coverage_type: coverage_type.clone(), effective_date: Some(start),
            end_date: Some(end), policy: None, bind,
        })?;
        assert_round_trip(&AssignmentUpdate { coverage_type: Some(coverage_type.clone()), bind, ..Default::default() })?;
        assert_round_trip(&QuoteUpdate { coverage_type: Some(coverage_type.clone()), end_date: Some(end), ..Default::default() })?;
        assert_round_trip(&EntityUpdate { required_coverage: Some(coverage_type), ..Default::default() })?;
        assert_round_trip(&SessionInput { quote: Some("qt_1".into()), success_url: Some(url.clone()), contractor: Some(contractor.clone()), ..Default::default() })?;
        assert_round_trip(&SessionUpdate { cancel_url: Some(url.clone()), success_url: None })?;
        assert_round_trip(&PolicyInput { quote: "qt_1".into(), effective_date: Some(start), expiration_date: None })?;
        assert_round_trip(&PolicyUpdate { is_active: bind })?;
        assert_round_trip(&AssignmentCancel { job_id: job.clone(), reason: Some(CancellationReason::ContractorRequest) })?;
        assert_round_trip(&WebhookEndpointInput { url: url.clone(), description: None, events: events.clone() })?;
        assert_round_trip(&WebhookEndpointUpdate { url: Some(url), events: Some(events), description: None })?;
        assert_round_trip(&JobUpdate { wage: Some(pay), custom_metadata: Some(BTreeMap::new()), ..Default::default() })?;
        assert_round_trip(&ContractorUpdate { email: Some(contractor), withhold_premium: bind, ..Default::default() })?;
    }
}
