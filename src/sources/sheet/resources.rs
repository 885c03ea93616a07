//! A directory of places (community fridges, pantries, clinics…) into resources.
//!
//! A place is identified by its name and area, so editing its hours in the sheet changes the
//! same resource. Its notes, stock and condition become a report dated by the "Last verified"
//! (or "Updated") column: a directory's notes are what someone saw when they last checked.
//! Contacts in a directory are the places' own, published on purpose: they are public. An
//! Address column is still never read: the name and area say where a place is, as the group
//! chooses to write them.

use super::answers::{self, Areas};
use super::columns::{Columns, ResourceColumn as R};
use super::dates::{self, DateOrder};
use super::problems::{Cell, Needed, RowError, RowProblem, SheetError, QUOTED_MAX};
use super::words::{fold, shorten};
use super::{cell, SheetOptions, SheetRead, Table};
use crate::model::contact_value;
use crate::model::resource::ReportDraft;
use crate::model::trust::key::short_hash;
use crate::model::validate::{Checks, Field};
use crate::model::{
    Contact, ContactMethod, DeviceId, RecordId, Report, Resource, ResourceDraft, ResourceKind,
    Stamp, Visibility,
};
use csv::StringRecord;
use std::collections::BTreeMap;

/// Reads a resource directory. A sheet that cannot be read at all is an error; every row that
/// cannot be used is a problem in the result, with its row number.
pub fn read_resources(
    bytes: &[u8],
    options: SheetOptions,
) -> Result<SheetRead<Resource>, SheetError> {
    let table = Table::read(bytes)?;
    let columns = Columns::<R>::match_headers(table.headers.clone(), options.columns);
    if !columns.has(R::Name) {
        return Err(SheetError::MissingColumn(Needed::Name));
    }
    let updated = columns.index(R::Updated);
    let order = table.date_order(
        updated,
        columns.header(R::Updated),
        &["fecha", "actualiz", "verific", "marca"],
    );
    let reader = RowReader {
        options,
        areas: Areas::of(options.config),
        handle: options
            .config
            .name
            .chars()
            .take(Field::Handle.limit())
            .collect(),
        order,
        columns,
    };
    let mut read = SheetRead::of(&table, reader.columns.notes.clone());
    let mut seen: BTreeMap<RecordId, usize> = BTreeMap::new();
    for (row, record) in &table.rows {
        match reader.row(*row, record) {
            Ok((resource, notes)) => {
                if let Some(&first) = seen.get(&resource.id) {
                    read.problems.push(RowProblem {
                        row: *row,
                        cell: reader.at(R::Name),
                        error: RowError::Duplicate { of: first },
                    });
                    continue;
                }
                seen.insert(resource.id, *row);
                read.problems.extend(notes);
                read.records.push((*row, resource));
            }
            Err(problem) => read.problems.push(problem),
        }
    }
    read.problems.sort_by_key(|problem| problem.row);
    Ok(read)
}

struct RowReader<'a> {
    options: SheetOptions<'a>,
    columns: Columns<R>,
    areas: Areas,
    handle: String,
    order: DateOrder,
}

impl RowReader<'_> {
    fn at(&self, field: R) -> Option<Cell> {
        self.columns.index(field).map(|column| Cell {
            column,
            header: self.columns.header(field).unwrap_or_default().to_string(),
        })
    }

    fn row(
        &self,
        row: usize,
        record: &StringRecord,
    ) -> Result<(Resource, Vec<RowProblem>), RowProblem> {
        let get = |field| cell(record, self.columns.index(field));
        let problem = |field, error| RowProblem {
            row,
            cell: self.at(field),
            error,
        };
        let unread = |field, text: &str| {
            problem(
                field,
                RowError::Unread {
                    value: shorten(text, QUOTED_MAX),
                },
            )
        };
        let mut notes = Vec::new();
        let name = get(R::Name);
        if name.is_empty() {
            return Err(problem(R::Name, RowError::NoName));
        }
        let kind = match get(R::Kind) {
            "" => ResourceKind::Other,
            text => answers::place(text).unwrap_or_else(|| {
                notes.push(problem(
                    R::Kind,
                    RowError::UnknownPlace {
                        value: shorten(text, QUOTED_MAX),
                    },
                ));
                ResourceKind::Other
            }),
        };
        let ms = match get(R::Updated) {
            "" => 0,
            text => dates::moment(text, self.order).unwrap_or_else(|| {
                notes.push(unread(R::Updated, text));
                0
            }),
        };
        let stock = match get(R::Stock) {
            "" => None,
            text => answers::stock(text).or_else(|| {
                notes.push(unread(R::Stock, text));
                None
            }),
        };
        let condition = match get(R::Condition) {
            "" => None,
            text => answers::condition(text).or_else(|| {
                notes.push(unread(R::Condition, text));
                None
            }),
        };
        let area = match get(R::Area) {
            "" => String::new(),
            text => self.areas.find(text),
        };
        let draft = ResourceDraft {
            kind,
            name: name.to_string(),
            hours: get(R::Hours).to_string(),
            accepts: get(R::Accepts).to_string(),
            needs: get(R::Needs).to_string(),
            serves: get(R::Serves).to_string(),
            languages: answers::languages(get(R::Languages)),
            contact: self.contact(row, record, &mut notes),
            private_note: String::new(),
            area,
        };
        let mut checks = Checks::new();
        checks.text(Field::Note, get(R::Notes), false);
        let invalid = draft
            .validate()
            .err()
            .and_then(|errors| errors.into_iter().next())
            .or_else(|| checks.first().err());
        if let Some(error) = invalid {
            let field = match error.field {
                Field::Name => R::Name,
                Field::Area => R::Area,
                Field::Hours => R::Hours,
                Field::Accepts => R::Accepts,
                Field::Needs => R::Needs,
                Field::Serves => R::Serves,
                Field::Languages => R::Languages,
                _ => R::Notes,
            };
            return Err(problem(field, RowError::Invalid(error)));
        }
        // Named by what does not change when a place's details do.
        let identity = format!("{}\n{}", fold(&draft.name), fold(&draft.area));
        let id = RecordId(short_hash(&[
            b"circle.sheet-resource.v1",
            identity.as_bytes(),
        ]));
        let at = Stamp::new(ms, 0, DeviceId(id.0));
        let notes_text = get(R::Notes);
        let mut resource = Resource::create(id, draft, at);
        if !notes_text.is_empty() || stock.is_some() || condition.is_some() {
            let draft = ReportDraft {
                stock,
                condition,
                note: notes_text.to_string(),
            };
            // Signed with the group's sheet key when there is one, like the posts a sheet gives.
            resource.reports.insert(match self.options.signer {
                Some(signer) => Report::new(id, draft, &self.handle, at, signer),
                None => Report {
                    at,
                    by: self.handle.clone(),
                    stock: draft.stock,
                    condition: draft.condition,
                    note: draft.note,
                    seal: None,
                },
            });
        }
        Ok((resource, notes))
    }

    /// A place's public phone number or email address; one that cannot be used is left out
    /// and noted.
    fn contact(
        &self,
        row: usize,
        record: &StringRecord,
        notes: &mut Vec<RowProblem>,
    ) -> Option<Contact> {
        let get = |field| cell(record, self.columns.index(field));
        let either = get(R::Contact);
        let (value, field, method) = if !get(R::Phone).is_empty() {
            (get(R::Phone), R::Phone, ContactMethod::Call)
        } else if !get(R::Email).is_empty() {
            (get(R::Email), R::Email, ContactMethod::Email)
        } else if either.contains('@') {
            (either, R::Contact, ContactMethod::Email)
        } else if !either.is_empty() {
            (either, R::Contact, ContactMethod::Call)
        } else {
            return None;
        };
        match contact_value::entry_value(method, value, self.options.config.phone_country_code) {
            Ok(value) => Some(Contact {
                method,
                value,
                visibility: Visibility::Public,
            }),
            Err(error) => {
                notes.push(RowProblem {
                    row,
                    cell: self.at(field),
                    error: RowError::BadContact(error),
                });
                None
            }
        }
    }
}
