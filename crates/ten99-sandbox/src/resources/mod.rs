//! The API's resources, one module each, and what their handlers share: reading a
//! JSON body and the paging parameters.

pub mod assignments;
pub(crate) mod bridge;
pub mod category_codes;
pub mod certificates;
pub mod contractors;
pub(crate) mod cover;
pub mod documents;
pub mod entities;
pub mod events;
pub mod invoices;
pub mod jobs;
pub mod policies;
pub mod quotes;
pub mod sessions;
pub(crate) mod shared;
pub mod webhook_endpoints;

use crate::error::Error;
use crate::server::AppState;
use crate::store::{Cursor, Page};
use axum::Router;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Every resource's routes, relative to `/api/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(contractors::routes())
        .merge(category_codes::routes())
        .merge(entities::routes())
        .merge(jobs::routes())
        .merge(quotes::routes())
        .merge(sessions::routes())
        .merge(policies::routes())
        .merge(assignments::routes())
        .merge(invoices::routes())
        .merge(events::routes())
        .merge(webhook_endpoints::routes())
        .merge(certificates::routes())
}

/// The JSON object a create or update sends. Anything that is not a JSON object is
/// `bad_request`: there are no fields to point at yet.
pub(crate) fn json_object(body: &[u8]) -> Result<Map<String, Value>, Error> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(fields)) => Ok(fields),
        Ok(_) => Err(Error::BadRequest(
            "The request body must be a JSON object.".into(),
        )),
        Err(e) => Err(Error::BadRequest(format!(
            "The request body is not valid JSON: {e}"
        ))),
    }
}

/// Decodes `fields` laid over `T::default()`, so that a missing (or null) field
/// reads as empty and the model's `validate()` names it in its own words, the same
/// words the app shows as you type. A value of the wrong type is reported at its path
/// (`address.postalcode`).
pub(crate) fn decode_over_default<T: Default + Serialize + DeserializeOwned>(
    fields: Map<String, Value>,
) -> Result<T, Error> {
    let mut value =
        serde_json::to_value(T::default()).map_err(|e| Error::BadRequest(e.to_string()))?;
    overlay(&mut value, Value::Object(fields));
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { "body".to_owned() } else { path };
        Error::invalid(&field, format!("Has the wrong type: {}", e.inner()))
    })
}

fn overlay(base: &mut Value, top: Value) {
    match (base, top) {
        (Value::Object(base), Value::Object(top)) => {
            for (key, value) in top {
                match base.get_mut(&key) {
                    Some(existing) if value.is_null() && !existing.is_null() => {}
                    Some(existing) if existing.is_object() && value.is_object() => {
                        overlay(existing, value)
                    }
                    _ => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, top) => *base = top,
    }
}

/// Turns numbers at these top-level keys into strings: the SDK examples send a few
/// text fields (a tax ID, a phone) as JSON numbers.
pub(crate) fn numbers_as_text(fields: &mut Map<String, Value>, keys: &[&str]) {
    for key in keys {
        if let Some(value) = fields.get_mut(*key) {
            if let Value::Number(n) = value {
                *value = Value::String(n.to_string());
            }
        }
    }
}

/// `limit` (1–100, default 10) and one of `starting_after` / `ending_before`
/// (reference §3). Empty values count as absent.
pub(crate) fn page(query: &HashMap<String, String>) -> Result<Page, Error> {
    let get = |name: &str| query.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let limit = match get("limit") {
        None => 10,
        Some(text) => match text.parse::<u32>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => return Err(Error::invalid("limit", "Use a whole number from 1 to 100")),
        },
    };
    let cursor = match (get("starting_after"), get("ending_before")) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid(
                "ending_before",
                "Use starting_after or ending_before, not both",
            ))
        }
        (Some(id), None) => Some(Cursor::StartingAfter(id.to_owned())),
        (None, Some(id)) => Some(Cursor::EndingBefore(id.to_owned())),
        (None, None) => None,
    };
    Ok(Page { limit, cursor })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn overlay_keeps_defaults_for_missing_and_null_fields() {
        let mut base = json!({"a": "", "n": {"x": "", "y": ""}, "o": null});
        overlay(
            &mut base,
            json!({"a": null, "n": {"x": "1"}, "o": null, "z": 2}),
        );
        assert_eq!(
            base,
            json!({"a": "", "n": {"x": "1", "y": ""}, "o": null, "z": 2})
        );
    }

    #[test]
    fn page_parameters() {
        let q = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        assert_eq!(
            page(&q(&[])).unwrap(),
            Page {
                limit: 10,
                cursor: None
            }
        );
        assert_eq!(
            page(&q(&[("limit", "100"), ("ending_before", "cn_1")])).unwrap(),
            Page {
                limit: 100,
                cursor: Some(Cursor::EndingBefore("cn_1".into()))
            }
        );
        for bad in ["0", "101", "x", "-1"] {
            assert!(page(&q(&[("limit", bad)])).is_err(), "{bad}");
        }
        assert!(page(&q(&[("starting_after", "a"), ("ending_before", "b")])).is_err());
    }
}
