//! Input limits and the typed errors that name what is wrong and where. Every text a person or
//! a file puts on the board passes through here, so a huge or malformed value is refused before
//! it reaches storage. Errors are enums, not sentences, so the interface says them in the
//! reader's language.

use super::config::GroupConfig;
use super::contact_value;
use super::phone::PhoneError;
use super::post::{Contact, PostDraft};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The field an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    Title,
    Details,
    Category,
    Area,
    Author,
    ContactValue,
    Languages,
    Quantity,
    PrivateNote,
    /// A name: of a resource, a roster, a person on a roster.
    Name,
    Hours,
    Accepts,
    Needs,
    Serves,
    /// A short note on a report, check-in or match.
    Note,
    Handle,
    Task,
    HeadCount,
    Purpose,
    Amount,
    Skill,
    Cadence,
    /// A post's status history.
    History,
    /// The responses to one post.
    Responses,
    /// Coordinators' moderation of one post.
    Moderation,
    /// The condition reports on a resource.
    Reports,
    /// The people on a roster.
    People,
    /// The check-ins with one person on a roster.
    CheckIns,
    /// The sign-ups for a shift, including people who backed out.
    Signups,
    /// How long one childcare swap lasted, in minutes.
    Minutes,
    /// The childcare swaps recorded on one skill.
    Swaps,
}

impl Field {
    /// The most characters (Unicode scalar values) the field may hold, or for a list the most
    /// entries.
    pub const fn limit(self) -> usize {
        match self {
            Self::Title | Self::Name | Self::Task => 120,
            Self::Details => 2000,
            Self::Category | Self::Skill => 40,
            Self::Area => 60,
            Self::Author | Self::Handle => 40,
            Self::ContactValue => 200,
            Self::Languages => 8,
            Self::PrivateNote | Self::Note | Self::Purpose => 1000,
            Self::Hours | Self::Accepts | Self::Needs | Self::Serves => 500,
            Self::Quantity => 100_000,
            Self::HeadCount => 500,
            Self::Amount => 1_000_000_000,
            // Hours between check-ins: at most four weeks.
            Self::Cadence => 672,
            // A post changes status a handful of times; a long history is spam.
            Self::History => 64,
            Self::Responses => 100,
            Self::Moderation => 32,
            // Lists that grow as people use a record. Logs past their limit keep their newest
            // entries (a daily check-in for a year and a half, a report a day for half a
            // year); the others are far beyond what one group needs.
            Self::Reports => 200,
            Self::People => 1000,
            Self::CheckIns => 500,
            Self::Signups => 1000,
            // One swap is one stretch of minding: at most a day.
            Self::Minutes => 1440,
            // A swap a week between a few families for years.
            Self::Swaps => 500,
        }
    }

    /// Fields that may hold line breaks.
    const fn multiline(self) -> bool {
        matches!(
            self,
            Self::Details
                | Self::PrivateNote
                | Self::Note
                | Self::Purpose
                | Self::Hours
                | Self::Accepts
                | Self::Needs
                | Self::Serves
        )
    }
}

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Problem {
    /// Required and empty.
    Missing,
    /// Longer than `max` characters.
    TooLong { max: usize },
    /// More than `max` entries in a list.
    TooMany { max: usize },
    /// A category or area the group does not have.
    NotInList,
    /// A control character, or a line break in a one-line field.
    BadCharacter,
    /// A number outside `min..=max`.
    OutOfRange { min: u64, max: u64 },
    /// Not a phone number a link can dial, and why.
    Phone(PhoneError),
    /// Not an email address.
    NotEmail,
}

/// One thing wrong with an input: which field and what.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ValidationError {
    pub field: Field,
    pub problem: Problem,
}

impl fmt::Display for ValidationError {
    // For logs and developer messages; the interface translates the enums instead.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {:?}", self.field, self.problem)
    }
}

impl std::error::Error for ValidationError {}

/// Collects every problem of one input, so a form can mark all its bad fields at once.
#[derive(Debug, Default)]
pub struct Checks {
    errors: Vec<ValidationError>,
}

impl Checks {
    pub fn new() -> Self {
        Self::default()
    }

    fn fail(&mut self, field: Field, problem: Problem) {
        self.errors.push(ValidationError { field, problem });
    }

    /// A text field: within its limit, no control characters, present if `required`.
    pub fn text(&mut self, field: Field, value: &str, required: bool) {
        if required && value.trim().is_empty() {
            return self.fail(field, Problem::Missing);
        }
        let max = field.limit();
        // Counting stops just past the limit, so a megabyte paste costs no more than a title.
        if value.chars().take(max + 1).count() > max {
            return self.fail(field, Problem::TooLong { max });
        }
        let multiline = field.multiline();
        if value
            .chars()
            .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t' || c == '\r')))
        {
            self.fail(field, Problem::BadCharacter);
        }
    }

    /// A list of short texts (languages): at most the field's limit of entries, each a short
    /// one-line text.
    pub fn list(&mut self, field: Field, values: &[String]) {
        let max = field.limit();
        if values.len() > max {
            return self.fail(field, Problem::TooMany { max });
        }
        let bad = values.iter().any(|value| {
            value.trim().is_empty()
                || value.chars().count() > 16
                || value.chars().any(char::is_control)
        });
        if bad {
            self.fail(field, Problem::BadCharacter);
        }
    }

    /// A list of records (history entries, responses) no longer than the field's limit.
    pub fn count(&mut self, field: Field, len: usize) {
        let max = field.limit();
        if len > max {
            self.fail(field, Problem::TooMany { max });
        }
    }

    /// A number within `min..=` the field's limit.
    pub fn number(&mut self, field: Field, value: u64, min: u64) {
        let max = field.limit() as u64;
        if value < min || value > max {
            self.fail(field, Problem::OutOfRange { min, max });
        }
    }

    /// A stored contact: within the limits. Its value may be free text from before numbers
    /// were checked at entry, so boards holding such values still load.
    pub fn contact(&mut self, contact: Option<&Contact>) {
        if let Some(contact) = contact {
            self.text(Field::ContactValue, &contact.value, true);
        }
    }

    /// A contact typed on this device: as [`Checks::contact`], and its value must be a phone
    /// number (read with the group's `default_code`) or an email address, as its method needs.
    /// Returns the value to store: a number in international form.
    pub fn new_contact(&mut self, contact: &Contact, default_code: Option<u16>) -> Option<String> {
        self.contact(Some(contact));
        if contact.value.trim().is_empty() {
            return None;
        }
        contact_value::entry_value(contact.method, &contact.value, default_code)
            .map_err(|problem| self.fail(Field::ContactValue, problem))
            .ok()
    }

    /// A category or area key the group must list.
    pub fn listed(&mut self, field: Field, known: bool) {
        if !known {
            self.fail(field, Problem::NotInList);
        }
    }

    /// `Ok` when nothing failed, else every problem in field order.
    pub fn finish(mut self) -> Result<(), Vec<ValidationError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            self.errors.sort_unstable();
            self.errors.dedup_by_key(|error| error.field);
            Err(self.errors)
        }
    }

    /// The first problem only, for checks that stop at one.
    pub fn first(self) -> Result<(), ValidationError> {
        self.finish().map_err(|mut errors| errors.swap_remove(0))
    }
}

impl PostDraft {
    /// Checks a new or edited post against the limits and the group's categories and areas.
    pub fn validate(&self, config: &GroupConfig) -> Result<(), Vec<ValidationError>> {
        let mut checks = self.checks(config);
        checks.contact(self.contact.as_ref());
        checks.finish()
    }

    /// Checks a post typed on this device: as [`PostDraft::validate`], and its contact must
    /// be a real phone number or email address. The draft comes back with the number in
    /// international form, as it is stored and dialled.
    pub fn validate_entry(mut self, config: &GroupConfig) -> Result<Self, Vec<ValidationError>> {
        let mut checks = self.checks(config);
        if let Some(contact) = self.contact.as_mut() {
            if let Some(value) = checks.new_contact(contact, config.phone_country_code) {
                contact.value = value;
            }
        }
        checks.finish().map(|()| self)
    }

    /// Every check but the contact's.
    fn checks(&self, config: &GroupConfig) -> Checks {
        let mut checks = Checks::new();
        checks.text(Field::Title, &self.title, true);
        checks.text(Field::Details, &self.details, false);
        checks.text(Field::Category, &self.category, true);
        if !self.category.trim().is_empty() {
            checks.listed(Field::Category, config.has_category(&self.category));
        }
        checks.text(Field::Area, &self.area, !config.areas.is_empty());
        if !self.area.is_empty() {
            checks.listed(Field::Area, config.has_area(&self.area));
        }
        checks.text(Field::Author, &self.author, true);
        checks.list(Field::Languages, &self.languages);
        if let Some(quantity) = self.quantity {
            checks.number(Field::Quantity, u64::from(quantity), 1);
        }
        checks.text(Field::PrivateNote, &self.private_note, false);
        checks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::post::{ContactMethod, PostKind, Urgency, Visibility};

    fn draft() -> PostDraft {
        PostDraft {
            kind: PostKind::Ask,
            title: "Groceries for two this week".into(),
            category: "food".into(),
            area: "north".into(),
            contact: Some(Contact {
                method: ContactMethod::Signal,
                value: "+1 555 0100".into(),
                visibility: Visibility::Private,
            }),
            details: "Line one\nline two".into(),
            urgency: Urgency::Week,
            quantity: Some(2),
            author: "rosa".into(),
            languages: vec!["es".into(), "en".into()],
            until: None,
            recurring: false,
            private_note: String::new(),
        }
    }

    #[test]
    fn a_good_draft_passes() {
        assert_eq!(draft().validate(&GroupConfig::default()), Ok(()));
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut bad = draft();
        bad.title = "x".repeat(121);
        bad.category = "spaceships".into();
        bad.author = "  ".into();
        bad.languages = vec!["en".into(); 9];
        bad.quantity = Some(0);
        bad.contact.as_mut().unwrap().value = "1".repeat(201);
        let errors = bad.validate(&GroupConfig::default()).unwrap_err();
        let expect = |field, problem| ValidationError { field, problem };
        assert_eq!(
            errors,
            vec![
                expect(Field::Title, Problem::TooLong { max: 120 }),
                expect(Field::Category, Problem::NotInList),
                expect(Field::Author, Problem::Missing),
                expect(Field::ContactValue, Problem::TooLong { max: 200 }),
                expect(Field::Languages, Problem::TooMany { max: 8 }),
                expect(
                    Field::Quantity,
                    Problem::OutOfRange {
                        min: 1,
                        max: 100_000
                    }
                ),
            ]
        );
    }

    /// Each limit at its edge: the longest title, the most languages and the largest
    /// quantity pass, one more is refused; tabs and line ends only in a text of several lines.
    #[test]
    fn every_limit_holds_at_its_edge() {
        let config = GroupConfig::default();
        let problems = |change: &dyn Fn(&mut PostDraft)| {
            let mut changed = draft();
            change(&mut changed);
            changed
                .validate(&config)
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|error| (error.field, error.problem))
                .collect::<Vec<_>>()
        };
        assert_eq!(problems(&|d| d.title = "é".repeat(120)), []);
        assert_eq!(
            problems(&|d| d.title = "é".repeat(121)),
            [(Field::Title, Problem::TooLong { max: 120 })]
        );
        assert_eq!(problems(&|d| d.languages = vec!["en".into(); 8]), []);
        assert_eq!(problems(&|d| d.quantity = Some(1)), []);
        assert_eq!(problems(&|d| d.quantity = Some(100_000)), []);
        let range = Problem::OutOfRange {
            min: 1,
            max: 100_000,
        };
        assert_eq!(
            problems(&|d| d.quantity = Some(100_001)),
            [(Field::Quantity, range)]
        );
        // A language is a short one-line word.
        assert_eq!(problems(&|d| d.languages = vec!["x".repeat(16)]), []);
        for bad in [" ", "x".repeat(17).as_str(), "e\u{7}s"] {
            assert_eq!(
                problems(&|d| d.languages = vec!["en".into(), bad.into()]),
                [(Field::Languages, Problem::BadCharacter)],
                "{bad:?}"
            );
        }
        assert_eq!(problems(&|d| d.details = "one\ttwo\r\nthree".into()), []);
        for bad in ["a\tb", "a\rb"] {
            assert_eq!(
                problems(&|d| d.title = bad.into()),
                [(Field::Title, Problem::BadCharacter)],
                "{bad:?}"
            );
        }
    }

    #[test]
    fn an_area_is_required_only_where_the_group_lists_areas() {
        let mut no_area = draft();
        no_area.area = String::new();
        assert_eq!(no_area.validate(&GroupConfig::default()), Ok(()));
        let config = GroupConfig::from_json(r#"{"areas":["south"]}"#).unwrap();
        let errors = no_area.validate(&config).unwrap_err();
        assert_eq!(
            errors,
            [ValidationError {
                field: Field::Area,
                problem: Problem::Missing
            }]
        );
    }

    #[test]
    fn a_list_longer_than_its_limit_is_too_many() {
        let mut checks = Checks::new();
        checks.count(Field::Reports, 200);
        assert_eq!(checks.finish(), Ok(()));
        let mut checks = Checks::new();
        checks.count(Field::Reports, 10_000);
        assert_eq!(
            checks.first(),
            Err(ValidationError {
                field: Field::Reports,
                problem: Problem::TooMany { max: 200 }
            })
        );
    }

    #[test]
    fn line_breaks_only_where_they_belong() {
        let mut bad = draft();
        bad.title = "two\nlines".into();
        let errors = bad.validate(&GroupConfig::default()).unwrap_err();
        assert_eq!(errors[0].field, Field::Title);
        assert_eq!(errors[0].problem, Problem::BadCharacter);
    }

    #[test]
    fn a_typed_contact_must_be_a_number_or_an_address() {
        let mut typed = draft();
        let contact = typed.contact.as_mut().unwrap();
        contact.value = "+1 (555) 010-0199".into();
        let stored = typed
            .clone()
            .validate_entry(&GroupConfig::default())
            .unwrap();
        assert_eq!(stored.contact.unwrap().value, "+15550100199");

        let refused = |method, value: &str, config: &GroupConfig| {
            let mut bad = draft();
            bad.contact = Some(Contact {
                method,
                value: value.into(),
                visibility: Visibility::Public,
            });
            bad.validate_entry(config).unwrap_err()
        };
        let expect = |problem| {
            vec![ValidationError {
                field: Field::ContactValue,
                problem,
            }]
        };
        let config = GroupConfig::default();
        assert_eq!(
            refused(ContactMethod::Call, "555 0100 after 6pm", &config),
            expect(Problem::Phone(PhoneError::ExtraText))
        );
        assert_eq!(
            refused(ContactMethod::WhatsApp, "555 010 0199", &config),
            expect(Problem::Phone(PhoneError::NoCountryCode))
        );
        assert_eq!(
            refused(ContactMethod::Email, "+1 555 010 0199", &config),
            expect(Problem::NotEmail)
        );
        assert_eq!(
            refused(ContactMethod::Text, "", &config),
            expect(Problem::Missing)
        );
        assert_eq!(
            refused(ContactMethod::Signal, &"5".repeat(201), &config),
            expect(Problem::TooLong { max: 200 })
        );
        // With the group's country code, a national number is read as one of that country.
        let us = GroupConfig::from_json(r#"{"phone_country_code": 1}"#).unwrap();
        let mut national = draft();
        national.contact.as_mut().unwrap().value = "555 010 0199".into();
        assert_eq!(
            national.validate_entry(&us).unwrap().contact.unwrap().value,
            "+15550100199"
        );
    }

    #[test]
    fn a_stored_free_text_number_still_passes_the_input_checks() {
        let mut old = draft();
        old.contact.as_mut().unwrap().value = "555 0100 after 6pm".into();
        assert_eq!(old.validate(&GroupConfig::default()), Ok(()));
        let mut checks = Checks::new();
        checks.contact(old.contact.as_ref());
        assert!(checks.finish().is_ok());
    }

    #[test]
    fn a_group_with_areas_requires_one_of_them() {
        let config = GroupConfig::from_json(r#"{"areas":["south"]}"#).unwrap();
        let errors = draft().validate(&config).unwrap_err();
        assert_eq!(errors[0].field, Field::Area);
        assert_eq!(errors[0].problem, Problem::NotInList);
    }
}
