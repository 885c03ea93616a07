//! A group's settings: its name, languages, areas, categories, retention and data sources. The
//! app reads them from `public/config.json`, which a self-hosting group edits by hand, so every
//! field has a default and a missing file still gives a working single-device board.
//!
//! The shape of `config.json` (every key optional):
//!
//! ```json
//! {
//!   "name": "Eastside Mutual Aid",
//!   "languages": ["en", "es"],
//!   "areas": ["north", {"key": "riverside", "label": {"en": "Riverside", "es": "Ribera"}}],
//!   "categories": ["food", "meals", {"key": "school-supplies", "label": {"en": "School supplies"}}],
//!   "ask_expiry_days": 30,
//!   "demo_board": "demo-board.json",
//!   "private_retention_days": 14,
//!   "coordinator_keys": ["f262b11950524a8818f56ae0af7c1d95b825f5f656735a036953f5a98a0fcd95"],
//!   "publish_key": "3f1b0f2e4f5f9d3c6a1e0b7d2c4a6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9",
//!   "phone_country_code": 1,
//!   "sources": [
//!     {"kind": "json", "url": "board.json", "name": "The group's board"},
//!     {"kind": "csv", "url": "https://docs.google.com/…/pub?output=csv", "columns": {"Necesito": "title"}},
//!     {"kind": "csv", "holds": "resources", "url": "places.csv"}
//!   ],
//!   "write_back": {"url": "https://script.google.com/macros/s/…/exec"}
//! }
//! ```
//!
//! A choice (area or category) is either a bare key or `{key, label}`; the built-in category
//! keys are translated by the message catalogue, and `label` names a group's own ones.
//!
//! Every number has a range ([`Setting`]). A value outside it (`"ask_expiry_days": 0` would
//! close every ask at once), or one that is not a whole number, falls back to its default while
//! the rest of the file still applies, and [`GroupConfig::read`] names it so the app can say so.
//! `phone_country_code` (a number such as `1` or `34`, or a text such as `"+34"`) lets people
//! type phone numbers without their country code. A value that is no country's calling code is
//! left out and named, like a number out of range.

use super::phone;
use super::sorted_map::SortedMap;
use super::trust::AuthorKey;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

/// The category keys every group starts with, in the order the design lists them.
pub const DEFAULT_CATEGORIES: [&str; 16] = [
    "food",
    "meals",
    "rides",
    "childcare",
    "elder-care",
    "health",
    "harm-reduction",
    "housing",
    "cash",
    "supplies",
    "check-ins",
    "paperwork",
    "tech",
    "pets",
    "errands",
    "other",
];

/// How many days an open ask stays up before it expires, unless the group says otherwise.
pub const DEFAULT_ASK_EXPIRY_DAYS: u32 = 30;

/// How many days after a post closes its private fields are wiped, unless the group says
/// otherwise.
pub const DEFAULT_PRIVATE_RETENTION_DAYS: u32 = 14;

/// A group's settings, as read from `config.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupConfig {
    pub name: String,
    /// Language codes the group works in, most used first.
    pub languages: Vec<String>,
    /// The coarse places posts may name. Empty means "any area the author types".
    pub areas: Vec<Choice>,
    pub categories: Vec<Choice>,
    #[serde(deserialize_with = "ask_expiry_days")]
    pub ask_expiry_days: u32,
    #[serde(deserialize_with = "private_retention_days")]
    pub private_retention_days: u32,
    pub sources: Vec<DataSource>,
    /// A board of invented posts merged in on a device's first run, so a newcomer sees how
    /// Circle looks in use. Groups running a real board leave it out.
    pub demo_board: Option<String>,
    /// The author keys (64 hex digits each, shown in a coordinator's Settings) that may close
    /// or hide any post, for moderation. Empty: nobody moderates.
    pub coordinator_keys: Vec<AuthorKey>,
    /// The public half of the group's sheet key (`publish --key-file`), which signs each
    /// published `board.json` as a whole (`trust::vouch`): a phone then checks that one
    /// signature instead of every post's. Without it, every post's signature is checked.
    pub publish_key: Option<AuthorKey>,
    /// The country calling code of numbers typed without one, when the group is in one
    /// country. Without it, every number needs `+` and its country code.
    #[serde(deserialize_with = "country_code")]
    pub phone_country_code: Option<u16>,
    /// Where phones send the posts and status changes they make, for the group's spreadsheet
    /// (`backing/` has the script). Without it, nothing is sent anywhere.
    pub write_back: Option<WriteBack>,
}

/// The group's write-back endpoint: a web address that takes Circle's changes and answers
/// which it holds (`sources::write_back` describes the exchange).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteBack {
    pub url: String,
}

impl Default for GroupConfig {
    fn default() -> Self {
        Self {
            name: "Circle".to_string(),
            languages: vec!["en".to_string()],
            areas: Vec::new(),
            categories: DEFAULT_CATEGORIES
                .iter()
                .map(|key| Choice::new(key))
                .collect(),
            ask_expiry_days: DEFAULT_ASK_EXPIRY_DAYS,
            private_retention_days: DEFAULT_PRIVATE_RETENTION_DAYS,
            sources: Vec::new(),
            demo_board: None,
            coordinator_keys: Vec::new(),
            publish_key: None,
            phone_country_code: None,
            write_back: None,
        }
    }
}

impl GroupConfig {
    /// Reads `config.json`; errors carry serde's line and column. A number out of its range
    /// takes its default.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Reads `config.json` like [`GroupConfig::from_json`], and also names each value that
    /// could not be used and took its default: numbers out of range, in [`Setting::ALL`] order,
    /// then a `phone_country_code` that is no country's.
    pub fn read(text: &str) -> Result<(Self, Vec<ConfigProblem>), serde_json::Error> {
        let config = Self::from_json(text)?;
        let raw: BTreeMap<String, Value> = serde_json::from_str(text).unwrap_or_default();
        let mut problems: Vec<ConfigProblem> = Setting::ALL
            .into_iter()
            .filter(|setting| {
                raw.get(setting.key())
                    .is_some_and(|value| setting.accept(value).is_none())
            })
            .map(ConfigProblem::OutOfRange)
            .collect();
        if raw
            .get("phone_country_code")
            .is_some_and(|value| read_country_code(value).is_err())
        {
            problems.push(ConfigProblem::NotACountryCode);
        }
        Ok((config, problems))
    }

    pub fn has_category(&self, key: &str) -> bool {
        self.categories.iter().any(|choice| choice.key == key)
    }

    /// Whether `key` is an area of this group; a group that lists no areas accepts any.
    pub fn has_area(&self, key: &str) -> bool {
        self.areas.is_empty() || self.areas.iter().any(|choice| choice.key == key)
    }
}

/// A number in `config.json`, with the range a group may set it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    AskExpiryDays,
    PrivateRetentionDays,
}

impl Setting {
    pub const ALL: [Setting; 2] = [Setting::AskExpiryDays, Setting::PrivateRetentionDays];

    /// Its key in `config.json`, which is how the app names it: that is what a group edits.
    pub const fn key(self) -> &'static str {
        match self {
            Self::AskExpiryDays => "ask_expiry_days",
            Self::PrivateRetentionDays => "private_retention_days",
        }
    }

    /// The values a group may choose. Zero days is never meant: it would close every ask, or
    /// wipe a contact the moment its post closes, and it may be a hand-edit gone wrong.
    pub const fn range(self) -> RangeInclusive<u32> {
        match self {
            Self::AskExpiryDays | Self::PrivateRetentionDays => 1..=365,
        }
    }

    /// The value used when the file leaves it out or sets it out of range.
    pub const fn default_value(self) -> u32 {
        match self {
            Self::AskExpiryDays => DEFAULT_ASK_EXPIRY_DAYS,
            Self::PrivateRetentionDays => DEFAULT_PRIVATE_RETENTION_DAYS,
        }
    }

    /// The value as written, when it is a whole number in range.
    fn accept(self, value: &Value) -> Option<u32> {
        value
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| self.range().contains(n))
    }
}

/// Reads any JSON value where a number is expected, and keeps it only if it is in range.
fn setting<'de, D: Deserializer<'de>>(deserializer: D, setting: Setting) -> Result<u32, D::Error> {
    let value = Value::deserialize(deserializer)?;
    Ok(setting
        .accept(&value)
        .unwrap_or_else(|| setting.default_value()))
}

fn ask_expiry_days<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    setting(deserializer, Setting::AskExpiryDays)
}

fn private_retention_days<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    setting(deserializer, Setting::PrivateRetentionDays)
}

/// Reads `phone_country_code` as `1`, `"1"` or `"+1"`. Anything but a real country calling code
/// is left out (numbers then need their `+` and country code, as with no code at all) and
/// named by [`GroupConfig::read`], so a typo never files every number under a wrong country.
fn country_code<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u16>, D::Error> {
    let value = Option::<Value>::deserialize(deserializer)?.unwrap_or(Value::Null);
    Ok(read_country_code(&value).unwrap_or(None))
}

/// The code `value` names, `Ok(None)` for none, or `Err` for a value that is not one.
fn read_country_code(value: &Value) -> Result<Option<u16>, NotACountryCode> {
    let code = match value {
        Value::Null => return Ok(None),
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        Value::String(text) => text.trim().trim_start_matches('+').parse().ok(),
        _ => None,
    };
    code.filter(|&code| phone::is_country_code(code))
        .map(Some)
        .ok_or(NotACountryCode)
}

/// A `phone_country_code` that is no country's calling code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotACountryCode;

/// A value in `config.json` that could not be used as written; Circle uses the default instead
/// and says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// A number outside its range, or not a whole number.
    OutOfRange(Setting),
    /// `phone_country_code` is not a country calling code.
    NotACountryCode,
}

/// One area or category: a stable key, and labels per language for a group's own keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ChoiceForm")]
pub struct Choice {
    pub key: String,
    /// Label per language code; empty for built-in keys the catalogue translates.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub label: SortedMap<String, String>,
}

impl Choice {
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_string(),
            label: SortedMap::new(),
        }
    }

    /// The label in `language`, else any label, else the key itself.
    pub fn label_in(&self, language: &str) -> &str {
        self.label
            .get(language)
            .or_else(|| self.label.values().next())
            .map_or(self.key.as_str(), String::as_str)
    }
}

// Lets a hand-edited file say `"food"` where it needs no label.
#[derive(Deserialize)]
#[serde(untagged)]
enum ChoiceForm {
    Key(String),
    Full {
        key: String,
        #[serde(default)]
        label: SortedMap<String, String>,
    },
}

impl From<ChoiceForm> for Choice {
    fn from(form: ChoiceForm) -> Self {
        match form {
            ChoiceForm::Key(key) => Self {
                key,
                label: SortedMap::new(),
            },
            ChoiceForm::Full { key, label } => Self { key, label },
        }
    }
}

/// Where a shared board comes from, besides this device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataSource {
    pub kind: SourceKind,
    /// Relative to the app's page, or absolute.
    pub url: String,
    /// What the app calls the source ("Request form"); its URL when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// For a sheet: what its rows are (a request form's responses are asks).
    #[serde(default)]
    pub holds: Holds,
    /// For a sheet: header name → post field, on top of the built-in synonyms.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub columns: SortedMap<String, String>,
}

impl DataSource {
    /// How the app names the source to people.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.url)
    }
}

/// What a published sheet's rows are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Holds {
    /// A request form's responses: rows are asks unless they say otherwise.
    #[default]
    Asks,
    /// Rows are offers unless they say otherwise.
    Offers,
    /// A directory of places.
    Resources,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A snapshot file such as `board.json` (or `board.enc.json`, encrypted with the group
    /// passphrase).
    Json,
    /// A sheet published as CSV.
    Csv,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_gives_the_defaults() {
        let config = GroupConfig::from_json("{}").unwrap();
        assert_eq!(config, GroupConfig::default());
        assert_eq!(config.categories.len(), 16);
        assert!(config.has_category("harm-reduction"));
        assert!(config.has_area("anywhere"));
        assert_eq!(config.ask_expiry_days, 30);
    }

    #[test]
    fn choices_are_keys_or_labelled_objects() {
        let config = GroupConfig::from_json(
            r#"{"name":"Eastside","areas":["north",{"key":"river","label":{"es":"Ribera"}}],
                "categories":["food"],"sources":[{"kind":"csv","url":"s.csv"}]}"#,
        )
        .unwrap();
        assert_eq!(config.areas[0], Choice::new("north"));
        assert_eq!(config.areas[1].label_in("en"), "Ribera");
        assert_eq!(config.areas[0].label_in("en"), "north");
        assert!(config.has_area("river") && !config.has_area("south"));
        assert!(!config.has_category("meals"));
        assert_eq!(config.sources[0].kind, SourceKind::Csv);
    }

    #[test]
    fn a_source_is_called_by_its_name_or_else_its_address() {
        let config = GroupConfig::from_json(
            r#"{"sources":[{"kind":"csv","url":"s.csv","name":"Request form"},
                           {"kind":"json","url":"board.json"}]}"#,
        )
        .unwrap();
        assert_eq!(config.sources[0].display_name(), "Request form");
        assert_eq!(config.sources[1].display_name(), "board.json");
    }

    #[test]
    fn the_phone_country_code_must_be_a_real_one() {
        assert_eq!(GroupConfig::default().phone_country_code, None);
        for (json, code) in [
            (r#"{"phone_country_code": 1}"#, Some(1)),
            (r#"{"phone_country_code": "+34"}"#, Some(34)),
            (r#"{"phone_country_code": " 502 "}"#, Some(502)),
            (r#"{"phone_country_code": null}"#, None),
        ] {
            // Each is a code or, written as null, none: nothing to name as a problem.
            let (config, problems) = GroupConfig::read(json).unwrap();
            assert_eq!(config.phone_country_code, code, "{json}");
            assert_eq!(problems, [], "{json}");
        }
        for json in [
            r#"{"phone_country_code": 0}"#,
            r#"{"phone_country_code": 999}"#,
            r#"{"phone_country_code": 70000}"#,
            r#"{"phone_country_code": -1}"#,
            r#"{"phone_country_code": "Spain"}"#,
            r#"{"phone_country_code": 3.4}"#,
        ] {
            // The rest of the file still applies; only the code is left out, and named.
            let json = json.replace('}', r#", "name": "Eastside"}"#);
            let (config, problems) = GroupConfig::read(&json).unwrap();
            assert_eq!(config.phone_country_code, None, "{json}");
            assert_eq!(config.name, "Eastside", "{json}");
            assert_eq!(problems, [ConfigProblem::NotACountryCode], "{json}");
        }
    }

    #[test]
    fn a_broken_file_names_the_line() {
        let error = GroupConfig::from_json("{\n\"areas\": 5}").unwrap_err();
        assert_eq!(error.line(), 2);
        assert!(GroupConfig::read("{\n\"name\": \"Eastside\",\n\"ask_expiry_days\": }").is_err());
    }

    #[test]
    fn every_number_in_range_is_kept() {
        for setting in Setting::ALL {
            for n in [*setting.range().start(), 7, *setting.range().end()] {
                let (config, bad) =
                    GroupConfig::read(&format!(r#"{{"{}": {n}}}"#, setting.key())).unwrap();
                assert_eq!(bad, [], "{setting:?} {n}");
                let kept = match setting {
                    Setting::AskExpiryDays => config.ask_expiry_days,
                    Setting::PrivateRetentionDays => config.private_retention_days,
                };
                assert_eq!(kept, n, "{setting:?}");
            }
        }
    }

    #[test]
    fn a_number_out_of_range_is_named_and_takes_its_default_while_the_rest_applies() {
        for bad_value in [
            "0",
            "366",
            "-1",
            "4294967296",
            "1e10",
            "7.5",
            "\"soon\"",
            "null",
            "[30]",
        ] {
            let text = format!(
                r#"{{"name": "Eastside", "ask_expiry_days": {bad_value}, "private_retention_days": 3}}"#
            );
            let (config, bad) = GroupConfig::read(&text).unwrap();
            assert_eq!(
                bad,
                [ConfigProblem::OutOfRange(Setting::AskExpiryDays)],
                "{bad_value}"
            );
            assert_eq!(
                config.ask_expiry_days, DEFAULT_ASK_EXPIRY_DAYS,
                "{bad_value}"
            );
            assert_eq!(config.private_retention_days, 3);
            assert_eq!(config.name, "Eastside");
            assert_eq!(GroupConfig::from_json(&text).unwrap(), config);
        }
        let (config, bad) =
            GroupConfig::read(r#"{"ask_expiry_days": 0, "private_retention_days": 1000}"#).unwrap();
        assert_eq!(bad, Setting::ALL.map(ConfigProblem::OutOfRange));
        assert_eq!(config, GroupConfig::default());
    }
}
