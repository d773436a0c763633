//! JSON text for values the backend stores as text (form drafts).
//!
//! Encoded with the same `serde_wasm_bindgen` that carries every IPC value, then the
//! browser's own `JSON`: a second serde format (`serde_json`) would compile every draft
//! type's encoder and decoder again, for a cost in wasm size and nothing in speed.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `value` as JSON text (maps as objects, `None` as `null`).
pub fn to_text<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    let value = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "the value has no JSON form".to_owned())
}

/// Reads JSON text written by [`to_text`] (or by any JSON encoder).
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_owned())?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}
