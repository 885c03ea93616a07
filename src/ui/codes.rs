//! Enum values as form values: their serialized names (`"whatsapp"`, `"elder-care"`), so a
//! saved draft or a chosen filter reads the same as the data files.

use serde::de::value::{Error, StrDeserializer};
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::Serialize;

pub fn code<T: Serialize>(value: &T) -> String {
    // A unit variant serializes as a JSON string without escapes: its name in quotes.
    serde_json::to_string(value)
        .map(|json| json.trim_matches('"').to_string())
        .unwrap_or_default()
}

/// The value a form value names; `None` for "" (any, or not chosen yet) and for anything else
/// a value does not serialize to.
pub fn parse<T: DeserializeOwned>(code: &str) -> Option<T> {
    let name: StrDeserializer<'_, Error> = code.into_deserializer();
    T::deserialize(name).ok()
}
