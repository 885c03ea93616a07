//! A contact's value as it is entered and as it is used. At entry, a phone method (call, text,
//! WhatsApp, Signal) must hold a real number, stored in international form, and email an
//! address. Values stored before these checks (free text such as "555 0100 after 6pm" on an
//! older board) still load; they are shown as text with no link, since a link built from them
//! could call a wrong number.

use super::phone::PhoneNumber;
use super::post::{Contact, ContactMethod};
use super::validate::Problem;

/// Whether the method reaches a phone number.
pub fn is_phone(method: ContactMethod) -> bool {
    !matches!(method, ContactMethod::Email)
}

/// The value to store for a contact typed on this device: a phone number in E.164 form, or the
/// email address as typed (trimmed). `default_code` is the group's country calling code for
/// numbers typed without one.
pub fn entry_value(
    method: ContactMethod,
    value: &str,
    default_code: Option<u16>,
) -> Result<String, Problem> {
    if is_phone(method) {
        PhoneNumber::parse(value, default_code)
            .map(|number| number.e164())
            .map_err(Problem::Phone)
    } else if is_email(value) {
        Ok(value.trim().to_string())
    } else {
        Err(Problem::NotEmail)
    }
}

/// The link that starts the author's chosen way of contact (`tel:`, `sms:`, WhatsApp, Signal,
/// `mailto:`), or `None` when the value is not a number or address it can be built from. Built
/// only from a parsed number's digits or a checked address, so a typed value can never become
/// another kind of link.
pub fn href(contact: &Contact, default_code: Option<u16>) -> Option<String> {
    if contact.method == ContactMethod::Email {
        return is_email(&contact.value).then(|| format!("mailto:{}", contact.value.trim()));
    }
    let number = PhoneNumber::parse(&contact.value, default_code).ok()?;
    Some(match contact.method {
        ContactMethod::Call => format!("tel:{number}"),
        ContactMethod::Text => format!("sms:{number}"),
        ContactMethod::WhatsApp => format!("https://wa.me/{}", number.digits()),
        ContactMethod::Signal => format!("https://signal.me/#p/{number}"),
        ContactMethod::Email => return None,
    })
}

/// A plausible email address: something, one `@`, a domain with a dot, and none of the
/// characters that would end or change a `mailto:` link.
fn is_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let clean = !text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "?&#/:<>\"(),;[]\\".contains(c));
    clean
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::phone::PhoneError;
    use crate::model::Visibility;

    fn contact(method: ContactMethod, value: &str) -> Contact {
        Contact {
            method,
            value: value.into(),
            visibility: Visibility::Public,
        }
    }

    #[test]
    fn every_phone_method_links_the_normalized_number() {
        let link = |method| href(&contact(method, "+1 (555) 010-0199"), None);
        assert_eq!(
            link(ContactMethod::Call).as_deref(),
            Some("tel:+15550100199")
        );
        assert_eq!(
            link(ContactMethod::Text).as_deref(),
            Some("sms:+15550100199")
        );
        assert_eq!(
            link(ContactMethod::WhatsApp).as_deref(),
            Some("https://wa.me/15550100199")
        );
        assert_eq!(
            link(ContactMethod::Signal).as_deref(),
            Some("https://signal.me/#p/+15550100199")
        );
    }

    #[test]
    fn an_old_free_text_number_gets_no_link() {
        for value in ["555 0100 after 6pm", "555-0141", "call Rosa", ""] {
            assert_eq!(
                href(&contact(ContactMethod::Call, value), None),
                None,
                "{value}"
            );
        }
        // With the group's country code, a national number from an old board dials.
        assert_eq!(
            href(&contact(ContactMethod::Call, "(555) 010-0199"), Some(1)).as_deref(),
            Some("tel:+15550100199")
        );
    }

    #[test]
    fn email_is_checked_as_an_address() {
        assert_eq!(
            href(&contact(ContactMethod::Email, " ana@example.org "), None).as_deref(),
            Some("mailto:ana@example.org")
        );
        for bad in [
            "ana",
            "ana@",
            "@example.org",
            "ana@example",
            "ana@@example.org",
            "ana@example.org?subject=x",
            "ana @example.org",
            "javascript:alert(1)@x.org",
        ] {
            assert_eq!(
                href(&contact(ContactMethod::Email, bad), None),
                None,
                "{bad}"
            );
            assert_eq!(
                entry_value(ContactMethod::Email, bad, None),
                Err(Problem::NotEmail),
                "{bad}"
            );
        }
    }

    #[test]
    fn entry_stores_the_normalized_number() {
        assert_eq!(
            entry_value(ContactMethod::WhatsApp, "+34 600 000 000", None),
            Ok("+34600000000".into())
        );
        assert_eq!(
            entry_value(ContactMethod::Call, "555 0100 after 6pm", Some(1)),
            Err(Problem::Phone(PhoneError::ExtraText))
        );
        assert_eq!(
            entry_value(ContactMethod::Email, "ana@example.org", Some(1)),
            Ok("ana@example.org".into())
        );
    }
}
