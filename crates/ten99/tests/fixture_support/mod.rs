//! Reading `tests/fixtures/` the way the client reads a reply.

use serde::de::DeserializeOwned;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn read(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Decodes as the client does (`client/transport.rs`), so a failure names the field
/// path: straight from the text, and when a key came under its old and new name at
/// once, again without the old one.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).or_else(|e| {
        let message = format!("at {}: {}", e.path(), e.inner());
        let mut value: Value = serde_json::from_str(text).map_err(|_| message.clone())?;
        if !e.inner().to_string().starts_with("duplicate field")
            || !ten99::decode::drop_old_names(&mut value)
        {
            return Err(message);
        }
        serde_path_to_error::deserialize(value)
            .map_err(|e| format!("at {}: {}", e.path(), e.inner()))
    })
}
