//! Dates and numbers written the way the person's language writes them, through the browser's
//! `Intl`, so Circle ships no locale data of its own.

use crate::i18n::Lang;
use crate::model::Day;
use wasm_bindgen::JsValue;

/// A whole number with the locale's digit grouping: 10,000 or 10.000.
pub fn number(lang: Lang, n: usize) -> String {
    js_sys::Number::from(n as f64)
        .to_locale_string(lang.code())
        .into()
}

/// A wall time as a short date and time: "27 Nov 2026, 14:05" or "27 nov 2026, 14:05".
pub fn moment(lang: Lang, ms: u64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    date.to_locale_string(
        lang.code(),
        &options(&[("dateStyle", "medium"), ("timeStyle", "short")]),
    )
    .into()
}

/// A calendar day as a date, read in UTC because a [`Day`] names the same date everywhere.
pub fn day(lang: Lang, day: Day) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(day.start_ms() as f64));
    date.to_locale_date_string(
        lang.code(),
        &options(&[("dateStyle", "medium"), ("timeZone", "UTC")]),
    )
    .into()
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object.into()
}
