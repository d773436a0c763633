//! The guides' `curl -d key=value` bodies (`application/x-www-form-urlencoded`,
//! reference §7 Q8) read as the JSON object they stand for, so every create and
//! update endpoint takes them without knowing: `address[locality]=X` becomes
//! `{"address":{"locality":"X"}}`, `events[]=a&events[]=b` an array.
//!
//! Form values are all text; whole numbers without a leading zero become JSON
//! numbers and `true`/`false` booleans, because that is what the same field holds
//! in the JSON examples (`wage=15000`, `bind=false`). Text the model wants as text
//! (`phone`, a ZIP) is still accepted as a number by the handlers.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::HeaderValue;
use serde_json::{Map, Value};

const MAX_FORM: usize = 1024 * 1024;

/// The request with a form body replaced by its JSON object; any other request as
/// it came.
pub async fn to_json(request: Request) -> Request {
    let is_form = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return request;
    }
    let (mut parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_FORM).await.unwrap_or_default();
    let json = serde_json::to_vec(&Value::Object(decode(&bytes))).unwrap_or_default();
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.insert(CONTENT_LENGTH, json.len().into());
    Request::from_parts(parts, Body::from(json))
}

/// A form body as a JSON object, bracket keys nested.
pub fn decode(body: &[u8]) -> Map<String, Value> {
    let mut root = Map::new();
    for (key, value) in form_urlencoded::parse(body) {
        let path = key_path(&key);
        insert(&mut root, &path, typed(&value));
    }
    root
}

/// `address[locality]` → `["address", "locality"]`; `events[]` → `["events", ""]`.
fn key_path(key: &str) -> Vec<String> {
    let (head, rest) = match key.find('[') {
        Some(i) => key.split_at(i),
        None => return vec![key.to_owned()],
    };
    let mut path = vec![head.to_owned()];
    for part in rest.split('[').skip(1) {
        path.push(part.trim_end_matches(']').to_owned());
    }
    path
}

fn insert(object: &mut Map<String, Value>, path: &[String], value: Value) {
    let (first, rest) = match path.split_first() {
        Some(split) => split,
        None => return,
    };
    match rest.first().map(String::as_str) {
        None => {
            object.insert(first.clone(), value);
        }
        // `key[]` or `key[0]`: an array item.
        Some(index) if index.is_empty() || index.parse::<usize>().is_ok() => {
            let slot = object
                .entry(first.clone())
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = slot {
                items.push(value);
            }
        }
        Some(_) => {
            let slot = object
                .entry(first.clone())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = slot {
                insert(inner, rest, value);
            }
        }
    }
}

fn typed(text: &str) -> Value {
    match text {
        "true" => return Value::Bool(true),
        "false" => return Value::Bool(false),
        _ => {}
    }
    let whole = !text.is_empty()
        && text.len() < 16
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    match text.parse::<i64>() {
        Ok(n) if whole => Value::from(n),
        _ => Value::String(text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bracket_keys_nest_and_repeat_into_arrays() {
        let body = b"first_name=Joe&email=joe%40example.com&address[locality]=San+Francisco\
&address[postalcode]=94104&events[]=policy.active&events[]=policy.cancelled";
        assert_eq!(
            Value::Object(decode(body)),
            json!({
                "first_name": "Joe",
                "email": "joe@example.com",
                "address": {"locality": "San Francisco", "postalcode": 94104},
                "events": ["policy.active", "policy.cancelled"],
            })
        );
    }

    #[test]
    fn numbers_and_booleans_take_their_json_types_but_zip_codes_stay_text() {
        let body = b"wage=15000&bind=false&zip=02134&phone=415-474-9088";
        assert_eq!(
            Value::Object(decode(body)),
            json!({"wage": 15000, "bind": false, "zip": "02134", "phone": "415-474-9088"})
        );
    }
}
