//! What the resource handlers share beyond the body and paging helpers in `mod.rs`:
//! typed update bodies, `custom_metadata`, lookups of referenced objects, the
//! address and delete shapes.

use crate::auth::Tenant;
use crate::error::Error;
use crate::store::table::Table;
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::http::header::HOST;
use axum::http::HeaderMap;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use ten99::{Address, FieldErrors};

/// Query parameters, or `bad_request` when the query string cannot be read.
pub(crate) type QueryMap = Result<Query<HashMap<String, String>>, QueryRejection>;

pub(crate) fn query(query: QueryMap) -> Result<HashMap<String, String>, Error> {
    let Query(query) = query.map_err(|e| Error::BadRequest(e.body_text()))?;
    Ok(query)
}

/// A non-empty query parameter.
pub(crate) fn param<'a>(query: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    query.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// Decodes an update body (every field optional) into `T`; a value of the wrong
/// type is reported at its path, like on create.
pub(crate) fn decode<T: DeserializeOwned>(fields: Map<String, Value>) -> Result<T, Error> {
    serde_path_to_error::deserialize(Value::Object(fields)).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { "body".to_owned() } else { path };
        Error::invalid(&field, format!("Has the wrong type: {}", e.inner()))
    })
}

/// Older field names moved to the current ones (`entity_id` → `entity`), unless
/// both are sent: the model accepts either, but the defaults laid under a create
/// body already hold the current name, which would then be a duplicate.
pub(crate) fn renamed(
    mut fields: Map<String, Value>,
    pairs: &[(&str, &str)],
) -> Map<String, Value> {
    for (old, new) in pairs {
        if !fields.contains_key(*new) {
            if let Some(value) = fields.remove(*old) {
                fields.insert((*new).to_owned(), value);
            }
        }
    }
    fields
}

/// `validate()`'s verdict as the handler's result.
pub(crate) fn checked(errors: FieldErrors) -> Result<(), Error> {
    errors.into_result().map_err(Error::InvalidInput)
}

/// `custom_metadata` taken out of a body before the typed model (which wants
/// string values): any JSON object is accepted and echoed as sent.
pub(crate) fn take_metadata(
    fields: &mut Map<String, Value>,
) -> Result<Option<Map<String, Value>>, Error> {
    match fields.remove("custom_metadata") {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(Map::new())),
        Some(Value::Object(map)) => Ok(Some(map)),
        Some(_) => Err(Error::invalid(
            "custom_metadata",
            "Must be an object of keys and values",
        )),
    }
}

/// A `PUT`'s `custom_metadata` laid over the stored one: a key with an empty value
/// (`""` or `null`) is removed, and `{}` clears them all (reference §2.1, as the
/// `ten99` update types document it).
pub(crate) fn merge_metadata(stored: &Value, update: Map<String, Value>) -> Value {
    if update.is_empty() {
        return json!({});
    }
    let mut merged = stored.as_object().cloned().unwrap_or_default();
    for (key, value) in update {
        let empty = value.is_null() || value.as_str() == Some("");
        if empty {
            merged.remove(&key);
        } else {
            merged.insert(key, value);
        }
    }
    Value::Object(merged)
}

/// The object `id` named in the URL, or 404 `resource_not_found`.
pub(crate) fn found(
    table: Table<'_>,
    tenant: &Tenant,
    id: &str,
    noun: &str,
) -> Result<Value, Error> {
    table
        .get(tenant, id)?
        .ok_or_else(|| Error::NotFound(format!("No such {noun}: {id}")))
}

/// The object `id` a body refers to, or 400 with the API's `invalid_<noun>_id`.
pub(crate) fn referenced(
    table: Table<'_>,
    tenant: &Tenant,
    id: &str,
    code: &'static str,
    noun: &str,
) -> Result<Value, Error> {
    table
        .get(tenant, id)?
        .ok_or_else(|| Error::rule(code, format!("No such {noun}: {id}")))
}

/// An address in the API's shape, every key present (`null` where not given).
pub(crate) fn address(address: &Address) -> Value {
    json!({
        "line1": address.line1,
        "line2": address.line2.as_deref().filter(|l| !l.is_empty()),
        "locality": address.locality,
        "region": address.region,
        "postalcode": address.postalcode,
        "country": address.country.as_deref().filter(|c| !c.is_empty()),
    })
}

/// The region of a stored address object, if it has one.
pub(crate) fn region(object: &Value) -> Option<String> {
    object["address"]["region"]
        .as_str()
        .map(|r| r.trim().to_ascii_uppercase())
        .filter(|r| !r.is_empty())
}

/// How a contractor (first, middle, last name) or an entity (`name`) is addressed.
pub(crate) fn display_name(object: &Value) -> String {
    let text = |key: &str| object[key].as_str().unwrap_or_default().trim().to_owned();
    if object.get("first_name").is_none() {
        return text("name");
    }
    [text("first_name"), text("middle_name"), text("last_name")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A stored address as printed: `1 Kearny St`, `San Francisco, CA 94104`.
pub(crate) fn address_lines(object: &Value) -> Vec<String> {
    let a = &object["address"];
    let part = |key: &str| a[key].as_str().unwrap_or_default().trim().to_owned();
    let place = format!("{} {}", part("region"), part("postalcode"));
    let city = [part("locality"), place.trim().to_owned()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    [part("line1"), part("line2"), city]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect()
}

/// What every `DELETE` returns (reference §2.1).
pub(crate) fn deleted(id: &str, object: &str, at: i64) -> Value {
    json!({"id": id, "object": object, "deleted": true, "deleted_at": at})
}

/// `http://HOST` as the client reached us, for links we hand out (the session
/// `url`): correct whatever address or port the server was started on.
pub(crate) fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty())
        .unwrap_or("127.0.0.1");
    format!("http://{host}")
}

/// A field path's problem removed from a validation result (for the fields whose
/// problems have an error code of their own, like dates on quotes).
pub(crate) fn without(errors: FieldErrors, fields: &[&str]) -> FieldErrors {
    let mut map = errors.into_map();
    for field in fields {
        map.remove(*field);
    }
    FieldErrors::from(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_merges_removes_and_clears() {
        let stored = json!({"a": "1", "b": 2, "c": "x"});
        let update = |v: Value| v.as_object().unwrap().clone();
        assert_eq!(
            merge_metadata(&stored, update(json!({"a": "", "b": null, "d": "new"}))),
            json!({"c": "x", "d": "new"})
        );
        assert_eq!(merge_metadata(&stored, update(json!({}))), json!({}));
    }
}
