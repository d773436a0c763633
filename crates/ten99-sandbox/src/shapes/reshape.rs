//! The canonical reply → the same objects in the alternative shapes, per resource
//! kind. Each rule names the reference section that shows or implies the shape.

use crate::format::civil;
use crate::pricing::python_repr;
use serde_json::{json, Map, Value};

/// Which resource a reply under `/api/v1` carries, from its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Contractor,
    Entity,
    Job,
    Quote,
    Session,
    Policy,
    Assignment,
    Invoice,
    Event,
    WebhookEndpoint,
    Certificate,
    Other,
}

impl Kind {
    pub fn of_path(path: &str) -> Kind {
        let rest = path.trim_start_matches("/api/v1/");
        let first = rest.split('/').next().unwrap_or_default();
        match first {
            // `/contractors/{id}/policies` lists policies.
            "contractors" if rest.ends_with("/policies") => Kind::Policy,
            "contractors" => Kind::Contractor,
            "entities" => Kind::Entity,
            "jobs" => Kind::Job,
            "quotes" => Kind::Quote,
            "apply" => Kind::Session,
            "policies" => Kind::Policy,
            "assignments" => Kind::Assignment,
            "invoices" => Kind::Invoice,
            "events" => Kind::Event,
            "webhook_endpoints" => Kind::WebhookEndpoint,
            "files" => Kind::Certificate,
            _ => Kind::Other,
        }
    }
}

/// Whole-number members the reference types as `string(int64)` or whose SDK
/// examples send as numeric strings (§2.2 limits, §2.5 dates, §1.7 money).
const NUMBERS_AS_TEXT: &[&str] = &[
    "created",
    "effective_date",
    "end_date",
    "expiration_date",
    "deleted_at",
    "cancellation_date",
    "wage",
    "years_experience",
    "duration_hours",
    "net_rate",
    "gl_net_rate",
    "wc_net_rate",
    "gross_pay",
    "premium_due",
    "paycycle_startdate",
    "paycycle_enddate",
    "aggregate_limit",
    "occurrence_limit",
];

/// The reply (an object, or a bare list of them) in the alternative shapes.
pub fn reshape(kind: Kind, value: Value) -> Value {
    match value {
        // §3: the Stripe-style envelope the Python SDK was built for.
        Value::Array(items) => json!({
            "object": "list",
            "url": "/api/v1",
            "has_more": false,
            "data": items.into_iter().map(|i| object(kind, i)).collect::<Vec<_>>(),
        }),
        other => object(kind, other),
    }
}

/// An error body: `message` also as a field → list map when it is one, and the
/// whole error again nested under `error` (§4.2, Stripe heritage). The top-level
/// `error_code`/`message` stay, because the Python SDK requires them.
pub fn error(value: Value) -> Value {
    let Value::Object(mut body) = value else {
        return value;
    };
    if let Some(Value::Object(fields)) = body.get("message") {
        let lists: Map<String, Value> = fields
            .iter()
            .map(|(k, v)| (k.clone(), json!([v])))
            .collect();
        body.insert("message".into(), Value::Object(lists));
    }
    let nested = Value::Object(body.clone());
    body.insert("error".into(), nested);
    Value::Object(body)
}

fn object(kind: Kind, value: Value) -> Value {
    let Value::Object(mut o) = value else {
        return value;
    };
    // Delete replies carry `deleted`; only their number changes.
    if o.contains_key("deleted") {
        numbers_as_text(&mut o);
        return Value::Object(o);
    }
    match kind {
        Kind::Contractor => {
            nulls_as_text(&mut o, "None");
            address(&mut o);
        }
        Kind::Entity => {
            address(&mut o);
            wrap_coverage(&mut o, "required_coverage");
            if let Some(Value::Object(limits)) = o.get_mut("coverage_limit") {
                numbers_as_text(limits);
            }
        }
        Kind::Job => {
            address(&mut o);
            copy_as(&mut o, "entity", "entity_id"); // §2.3: renamed in 2023
        }
        Kind::Quote => {
            // §1.6: quote_json as the Python literal; §2.5 wrapped coverage_type.
            if o.get("quote_json").is_some_and(Value::is_object) {
                let literal = python_repr(&o["quote_json"]);
                o.insert("quote_json".into(), Value::String(literal));
            }
            wrap_coverage(&mut o, "coverage_type");
            copy_as(&mut o, "contractor", "contractor_id");
            copy_as(&mut o, "job", "job_id");
        }
        Kind::Session => {
            // §2.6: the seed guide's older shape, `quotes` a string, `policies: ""`.
            copy_as(&mut o, "quote", "quotes");
            o.entry("policies").or_insert(Value::String(String::new()));
        }
        Kind::Policy => {
            // §2.7: event payloads show `is_active`; SDK examples `quote_id`.
            let active = o.get("status").and_then(Value::as_str) == Some("active");
            o.entry("is_active").or_insert(Value::Bool(active));
            copy_as(&mut o, "quote", "quote_id");
        }
        Kind::Assignment | Kind::Invoice => nulls_as_text(&mut o, ""),
        Kind::Event => {
            // §5.3 variant 2: ISO-8601 dates inside `data` (one guide rendering).
            if let Some(Value::Object(data)) = o.get_mut("data") {
                for key in ["created", "effective_date", "expiration_date", "end_date"] {
                    if let Some(n) = data.get(key).and_then(Value::as_i64) {
                        data.insert(key.into(), Value::String(iso(n)));
                    }
                }
            }
        }
        Kind::WebhookEndpoint => {
            // §2.11: an older revision's ISO `created`.
            if let Some(n) = o.get("created").and_then(Value::as_i64) {
                o.insert("created".into(), Value::String(iso(n)));
            }
        }
        Kind::Certificate | Kind::Other => {}
    }
    numbers_as_text(&mut o);
    // Members no client knows: a tolerant one ignores them.
    o.insert("livemode".into(), Value::Bool(false));
    o.insert(
        "x_sandbox_shape".into(),
        Value::String("alternative".into()),
    );
    Value::Object(o)
}

fn numbers_as_text(o: &mut Map<String, Value>) {
    for key in NUMBERS_AS_TEXT {
        if let Some(n) = o.get(*key).and_then(Value::as_i64) {
            o.insert((*key).into(), Value::String(n.to_string()));
        }
    }
}

/// Top-level nulls as the text the Python back end prints for `None`.
fn nulls_as_text(o: &mut Map<String, Value>, text: &str) {
    for value in o.values_mut() {
        if value.is_null() {
            *value = Value::String(text.into());
        }
    }
}

/// §1.7: doc examples show `"null"` for an empty `line2`/`country`, and a number
/// for `postalcode`.
fn address(o: &mut Map<String, Value>) {
    let Some(Value::Object(address)) = o.get_mut("address") else {
        return;
    };
    for value in address.values_mut() {
        if value.is_null() {
            *value = Value::String("null".into());
        }
    }
    let zip = address.get("postalcode").and_then(Value::as_str);
    if let Some(n) = zip
        .filter(|z| !z.starts_with('0'))
        .and_then(|z| z.parse::<i64>().ok())
    {
        address.insert("postalcode".into(), Value::from(n));
    }
}

/// §2.2/§2.5: `["general"]` → `{"coverage_type": ["general"]}`.
fn wrap_coverage(o: &mut Map<String, Value>, key: &str) {
    if let Some(list) = o.get(key).filter(|v| v.is_array()).cloned() {
        o.insert(key.into(), json!({ "coverage_type": list }));
    }
}

fn copy_as(o: &mut Map<String, Value>, from: &str, to: &str) {
    if let Some(value) = o.get(from).cloned() {
        o.entry(to).or_insert(value);
    }
}

/// Unix seconds as the Python back end's `isoformat()` (UTC, no zone).
fn iso(unix: i64) -> String {
    let (y, m, d) = civil(unix);
    let s = unix.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_takes_every_documented_alternative_and_keeps_its_values() {
        let quote = json!({
            "id": "qt_1", "contractor": "cn_1", "job": "jb_1",
            "coverage_type": ["general"], "effective_date": 1700000000,
            "net_rate": 65, "quote_json": {"gl": {"net_rate": 20, "stamping_fee": null}},
        });
        let shaped = reshape(Kind::Quote, quote);
        assert_eq!(
            shaped["coverage_type"],
            json!({"coverage_type": ["general"]})
        );
        assert_eq!(shaped["effective_date"], "1700000000");
        assert_eq!(shaped["net_rate"], "65");
        assert_eq!(shaped["contractor_id"], "cn_1");
        assert_eq!(shaped["job_id"], "jb_1");
        assert_eq!(
            shaped["quote_json"],
            "{'gl': {'net_rate': 20, 'stamping_fee': None}}"
        );
    }

    #[test]
    fn lists_come_in_the_envelope_and_each_item_is_reshaped() {
        let shaped = reshape(
            Kind::Job,
            json!([{"id": "jb_1", "entity": "en_1", "wage": 100}]),
        );
        assert_eq!(shaped["object"], "list");
        assert_eq!(shaped["data"][0]["entity_id"], "en_1");
        assert_eq!(shaped["data"][0]["wage"], "100");
    }

    #[test]
    fn contractor_nulls_become_none_and_address_nulls_the_text_null() {
        let shaped = reshape(
            Kind::Contractor,
            json!({"id": "cn_1", "middle_name": null,
                   "address": {"line2": null, "postalcode": "94104"}}),
        );
        assert_eq!(shaped["middle_name"], "None");
        assert_eq!(shaped["address"]["line2"], "null");
        assert_eq!(shaped["address"]["postalcode"], 94104);
    }

    #[test]
    fn errors_keep_top_level_members_and_nest_a_copy_with_field_lists() {
        let shaped =
            error(json!({"error_code": "invalid_input", "message": {"email": "Required"}}));
        assert_eq!(shaped["error_code"], "invalid_input");
        assert_eq!(shaped["message"], json!({"email": ["Required"]}));
        assert_eq!(shaped["error"]["error_code"], "invalid_input");
    }

    #[test]
    fn iso_dates_are_utc_without_a_zone() {
        assert_eq!(iso(0), "1970-01-01T00:00:00");
        assert_eq!(iso(1_700_000_000), "2023-11-14T22:13:20");
    }
}
