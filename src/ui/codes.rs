//! Enum values as form values: their serialized names (`"whatsapp"`, `"elder-care"`), so a
//! saved draft or a chosen filter reads the same as the data files.

use serde::{de::DeserializeOwned, Serialize};

pub fn code<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|json| json.as_str().map(String::from))
        .unwrap_or_default()
}

/// The value a form value names; `None` for "" (any, or not chosen yet) and for anything else
/// a value does not serialize to.
pub fn parse<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}
