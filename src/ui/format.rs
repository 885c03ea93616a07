//! Dates and numbers written the way the person's language writes them, through the browser's
//! `Intl`, so Circle ships no locale data of its own.

use crate::i18n::Lang;
use crate::model::Day;
use js_sys::{Array, Date, Function, Intl, Object};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// A whole number with the locale's digit grouping: 10,000 or 10.000.
pub fn number(lang: Lang, n: usize) -> String {
    formatted(lang, Style::Number, &JsValue::from_f64(n as f64))
}

/// A wall time as a short date and time: "27 Nov 2026, 14:05" or "27 nov 2026, 14:05".
pub fn moment(lang: Lang, ms: u64) -> String {
    formatted(
        lang,
        Style::Moment,
        &Date::new(&JsValue::from_f64(ms as f64)),
    )
}

/// A calendar day as a date, read in UTC because a [`Day`] names the same date everywhere.
pub fn day(lang: Lang, day: Day) -> String {
    let date = Date::new(&JsValue::from_f64(day.start_ms() as f64));
    formatted(lang, Style::Day, &date)
}

/// A share from 0 to 1 as a whole percentage: "40%", "40 %".
pub fn percent(lang: Lang, share: f64) -> String {
    formatted(lang, Style::Percent, &JsValue::from_f64(share))
}

/// An amount in minor units (cents) with its two decimals, the locale's way: "1,234.50",
/// "1234,50". The group's currency is left to the people reading it.
pub fn money(lang: Lang, cents: i128) -> String {
    formatted(lang, Style::Money, &JsValue::from_f64(cents as f64 / 100.0))
}

/// A month of a year: "November 2026", "noviembre de 2026".
pub fn month(lang: Lang, year: i32, month: u32) -> String {
    let date = Date::new_with_year_month_day(year as u32, month as i32 - 1, 1);
    // The date above is local midnight; read it back in the same zone, so it names its month.
    formatted(lang, Style::Month, &date)
}

/// How long ago `ms` was, at `now_ms`: "3 hours ago", "yesterday", "hace 5 minutos".
pub fn ago(lang: Lang, ms: u64, now_ms: u64) -> String {
    const MINUTE: f64 = 60_000.0;
    let minutes = (now_ms.saturating_sub(ms) as f64 / MINUTE).floor();
    let (value, unit) = if minutes < 60.0 {
        (minutes, "minute")
    } else if minutes < 48.0 * 60.0 {
        ((minutes / 60.0).floor(), "hour")
    } else {
        ((minutes / (24.0 * 60.0)).floor(), "day")
    };
    let locales = Array::of1(&JsValue::from_str(lang.code()));
    Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")]))
        .format(-value, unit)
        .into()
}

/// The ways Circle writes a value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Number,
    Moment,
    Day,
    Percent,
    Month,
    Money,
}

thread_local! {
    /// One `Intl` format function per language and style. Building a formatter costs far more
    /// than using one, and a page of the board writes dozens of dates.
    static FORMATTERS: RefCell<Vec<(Lang, Style, Function)>> = const { RefCell::new(Vec::new()) };
}

/// Builds the formatters the board's first screen writes with (its counts and the cards'
/// dates), each in a task of its own, once the app's first screen is drawn and before a sync
/// brings posts to write. The browser's first `Intl` formatter costs a slow phone tens of
/// milliseconds (it loads the locale's data): here it does not lengthen the task that draws
/// the posts. A board this phone already keeps is drawn first, and builds them itself.
pub fn warm_up(lang: Lang) {
    for style in [Style::Number, Style::Moment] {
        super::platform::after_paint(move || {
            FORMATTERS.with_borrow_mut(|formatters| index_of(formatters, lang, style));
        });
    }
}

fn formatted(lang: Lang, style: Style, value: &JsValue) -> String {
    FORMATTERS.with_borrow_mut(|formatters| {
        let index = index_of(formatters, lang, style);
        formatters[index]
            .2
            .call1(&JsValue::NULL, value)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    })
}

/// Where the formatter for `lang` and `style` is, built on first use.
fn index_of(formatters: &mut Vec<(Lang, Style, Function)>, lang: Lang, style: Style) -> usize {
    match formatters
        .iter()
        .position(|(l, s, _)| *l == lang && *s == style)
    {
        Some(index) => index,
        None => {
            formatters.push((lang, style, formatter(lang, style)));
            formatters.len() - 1
        }
    }
}

fn formatter(lang: Lang, style: Style) -> Function {
    let locales = Array::of1(&JsValue::from_str(lang.code()));
    match style {
        Style::Number => Intl::NumberFormat::new(&locales, &Object::new()).format(),
        Style::Moment => Intl::DateTimeFormat::new(
            &locales,
            &options(&[("dateStyle", "medium"), ("timeStyle", "short")]),
        )
        .format(),
        Style::Day => Intl::DateTimeFormat::new(
            &locales,
            &options(&[("dateStyle", "medium"), ("timeZone", "UTC")]),
        )
        .format(),
        Style::Percent => Intl::NumberFormat::new(
            &locales,
            &options(&[("style", "percent"), ("maximumFractionDigits", "0")]),
        )
        .format(),
        Style::Money => Intl::NumberFormat::new(
            &locales,
            &options(&[
                ("minimumFractionDigits", "2"),
                ("maximumFractionDigits", "2"),
            ]),
        )
        .format(),
        Style::Month => Intl::DateTimeFormat::new(
            &locales,
            &options(&[("month", "long"), ("year", "numeric")]),
        )
        .format(),
    }
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}
