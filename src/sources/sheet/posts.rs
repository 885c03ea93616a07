//! A sheet of asks or offers (a request form's responses, most often) into posts.
//!
//! What each row becomes:
//! - the title is the title column, else the answer to "What do you need?", else the first line
//!   of the details; the category is the first one the need, category or title names (the
//!   others stay in the details, under the question's own words), else "other";
//! - a row is dated by its Timestamp, which also identifies it: the post's stamps and id come
//!   from the date and the row's place among rows of the same second, so the same row gives the
//!   same post on every read, and editing its words in the sheet never makes a second post;
//! - a status column moves the post on: its change is dated just after the post (later for a
//!   later stage: matched, then fulfilled or closed), so the newer word reaches every copy;
//! - privacy: an Address column is never read; a person's name is shown only when the form
//!   asked whether to stay anonymous and they said no (a handle or nickname column is meant to
//!   be shown); an anonymous row is posted under the group's name with its contact private.
//!   Other contacts are for the group (members with the passphrase), or public when a column
//!   says the person agreed.
//!
//! With the group's sheet key the posts are signed by it, so a later reading can move them
//! on; without one they are unsigned, which the app shows, and can only be added.

use super::answers::{self, Areas, Categories};
use super::columns::{Columns, PostColumn as P};
use super::dates::{self, DateOrder};
use super::problems::{Cell, Needed, RowError, RowProblem, SheetError, QUOTED_MAX};
use super::words::{fold, pieces, shorten, yes_no};
use super::{cell, SheetOptions, SheetRead, Table};
use crate::model::contact_value;
use crate::model::trust::key::short_hash;
use crate::model::trust::seal::{kind_code, post_id};
use crate::model::validate::{Field, Problem};
use crate::model::{
    CloseReason, Contact, ContactMethod, DeviceId, GroupConfig, Lww, Post, PostDraft, PostKind,
    RecordId, Signer, Stamp, Status, StatusChange, Urgency, Visibility,
};
use csv::StringRecord;
use std::collections::BTreeMap;

const DAY_MS: u64 = 86_400_000;

/// Reads a sheet of posts. A sheet that cannot be read at all is an error; every row that
/// cannot be used is a problem in the result, with its row number.
pub fn read_posts(bytes: &[u8], options: SheetOptions) -> Result<SheetRead<Post>, SheetError> {
    let table = Table::read(bytes)?;
    let columns = Columns::<P>::match_headers(table.headers.clone(), options.columns);
    if !columns.has(P::Timestamp) {
        return Err(SheetError::MissingColumn(Needed::Timestamp));
    }
    if ![P::Title, P::Need, P::Category, P::Details]
        .into_iter()
        .any(|field| columns.has(field))
    {
        return Err(SheetError::MissingColumn(Needed::Need));
    }
    let stamps = columns.index(P::Timestamp);
    let order = table.date_order(stamps, columns.header(P::Timestamp), &["marca", "fecha"]);
    let reader = RowReader {
        options,
        categories: Categories::of(options.config),
        areas: Areas::of(options.config),
        handle: group_handle(options.config),
        order,
        columns,
    };
    let mut read = SheetRead::of(&table, reader.columns.notes.clone());
    // Rows already read per (kind, second): a second row of the same second is a new post
    // unless every cell is the same (a form sent twice).
    let mut seen: BTreeMap<(PostKind, u64), Vec<usize>> = BTreeMap::new();
    for (index, (row, record)) in table.rows.iter().enumerate() {
        let built = match reader.row(*row, record) {
            Ok(built) => built,
            Err(problem) => {
                read.problems.push(problem);
                continue;
            }
        };
        let earlier = seen.entry((built.draft.kind, built.ms)).or_default();
        if let Some(&first) = earlier
            .iter()
            .find(|&&other| table.rows[other].1.iter().eq(record.iter()))
        {
            read.problems.push(RowProblem {
                row: *row,
                cell: None,
                error: RowError::Duplicate {
                    of: table.rows[first].0,
                },
            });
            continue;
        }
        let occurrence = u32::try_from(earlier.len()).unwrap_or(u32::MAX);
        earlier.push(index);
        read.problems.extend(built.notes.iter().cloned());
        let post = built.into_post(occurrence, &reader.handle, options.signer);
        read.records.push((*row, post));
    }
    read.problems.sort_by_key(|problem| problem.row);
    Ok(read)
}

/// Closes the open asks of a sheet that are older than the group's expiry, as the app does
/// for its author's own asks: the sheet's posts are the group's. The change is dated at the
/// moment the ask expired, so it is the same on every reading after that. Returns how many.
pub fn expire_asks<'a>(
    posts: impl IntoIterator<Item = &'a mut Post>,
    now_ms: u64,
    config: &GroupConfig,
    signer: Option<&Signer>,
) -> usize {
    let expiry_ms = u64::from(config.ask_expiry_days).saturating_mul(DAY_MS);
    let handle = group_handle(config);
    let mut expired = 0;
    for post in posts {
        let since = post.status_since();
        if post.kind != PostKind::Ask
            || post.current_status() != Status::Open
            || now_ms < since.ms.saturating_add(expiry_ms)
        {
            continue;
        }
        let at = Stamp::new(
            since.ms + expiry_ms,
            post.created.count,
            post.created.device,
        );
        move_on(post, Status::Closed(CloseReason::Expired), at, &handle);
        if let Some(signer) = signer {
            post.sign(signer);
        }
        expired += 1;
    }
    expired
}

/// Signs a post read from a sheet with the group's sheet key, under the id that key binds:
/// what reading with a `signer` does, for a caller that signs later (after expiring asks, or
/// on several threads).
pub fn sign(post: &mut Post, signer: &Signer) {
    post.id = post_id(&signer.key(), post.created);
    post.sign(signer);
}

/// The handle a sheet's posts are made under when no name of the person's may be shown: the
/// group's name, cut to a handle's length.
fn group_handle(config: &GroupConfig) -> String {
    config
        .name
        .chars()
        .take(Field::Author.limit())
        .collect::<String>()
        .trim()
        .to_string()
}

/// The device a sheet's posts are stamped from: one per kind, so an ask and an offer sent in
/// the same second are two posts.
fn sheet_device(kind: PostKind) -> DeviceId {
    DeviceId(short_hash(&[b"circle.sheet-device.v1", &[kind_code(kind)]]))
}

fn move_on(post: &mut Post, to: Status, at: Stamp, by: &str) {
    post.status = Lww::new(to, at);
    post.history.insert(StatusChange {
        at,
        by: by.to_string(),
        to,
    });
}

/// A row read and checked, before it has its place among rows of the same second.
struct Built {
    draft: PostDraft,
    status: Status,
    ms: u64,
    /// Values the row is used without.
    notes: Vec<RowProblem>,
}

impl Built {
    fn into_post(self, occurrence: u32, handle: &str, signer: Option<&Signer>) -> Post {
        let kind = self.draft.kind;
        let created = Stamp::new(self.ms, occurrence, sheet_device(kind));
        let mut post = Post::create(RecordId(0), self.draft, created);
        // A later stage of the workflow is dated later, so the newer word in the sheet wins.
        let stage = match self.status {
            Status::Open => 0,
            Status::Matched => 1,
            Status::Fulfilled | Status::Closed(_) => 2,
        };
        if stage > 0 {
            let at = Stamp::new(self.ms.saturating_add(stage), occurrence, created.device);
            move_on(&mut post, self.status, at, handle);
        }
        match signer {
            Some(signer) => sign(&mut post, signer),
            None => {
                post.id = RecordId(short_hash(&[
                    b"circle.sheet-post.v1",
                    &[kind_code(kind)],
                    &self.ms.to_le_bytes(),
                    &occurrence.to_le_bytes(),
                ]));
            }
        }
        post
    }
}

struct RowReader<'a> {
    options: SheetOptions<'a>,
    columns: Columns<P>,
    categories: Categories,
    areas: Areas,
    handle: String,
    order: DateOrder,
}

/// A value cut short to be repeated in a message.
fn quoted(value: &str) -> String {
    shorten(value, QUOTED_MAX)
}

impl RowReader<'_> {
    fn at(&self, field: P) -> Option<Cell> {
        self.columns.index(field).map(|column| Cell {
            column,
            header: self.columns.header(field).unwrap_or_default().to_string(),
        })
    }

    fn problem(&self, row: usize, field: Option<P>, error: RowError) -> RowProblem {
        RowProblem {
            row,
            cell: field.and_then(|field| self.at(field)),
            error,
        }
    }

    fn row(&self, row: usize, record: &StringRecord) -> Result<Built, RowProblem> {
        let get = |field| cell(record, self.columns.index(field));
        let fail = |field, error| self.problem(row, Some(field), error);
        let mut notes = Vec::new();

        let stamp = get(P::Timestamp);
        let ms = dates::moment(stamp, self.order).ok_or_else(|| {
            fail(
                P::Timestamp,
                RowError::NoDate {
                    value: quoted(stamp),
                },
            )
        })?;
        let kind = match get(P::Kind) {
            "" => self.options.kind,
            text => answers::kind(text).ok_or_else(|| {
                fail(
                    P::Kind,
                    RowError::UnknownKind {
                        value: quoted(text),
                    },
                )
            })?,
        };
        let status = answers::status(get(P::Status)).ok_or_else(|| {
            fail(
                P::Status,
                RowError::UnknownStatus {
                    value: quoted(get(P::Status)),
                },
            )
        })?;

        let (title_cell, need, details_cell) = (get(P::Title), get(P::Need), get(P::Details));
        let mut named = self.categories.all_in(get(P::Category));
        for key in self.categories.all_in(need) {
            if !named.contains(&key) {
                named.push(key);
            }
        }
        if named.is_empty() {
            named.extend(self.categories.find(title_cell).map(str::to_string));
        }
        let category = match named.first() {
            Some(key) => key.clone(),
            None if self.categories.has_other() => "other".to_string(),
            None => {
                let (field, text) = if get(P::Category).is_empty() {
                    (P::Need, need)
                } else {
                    (P::Category, get(P::Category))
                };
                return Err(fail(
                    field,
                    RowError::UnknownCategory {
                        value: quoted(text),
                    },
                ));
            }
        };

        let joined = |text: &str| pieces(text).collect::<Vec<_>>().join(", ");
        let max = Field::Title.limit();
        let (title, title_from) = if !title_cell.is_empty() {
            (title_cell.to_string(), Some(P::Title))
        } else if !need.is_empty() {
            (shorten(&joined(need), max), Some(P::Need))
        } else if let Some(line) = details_cell.lines().map(str::trim).find(|l| !l.is_empty()) {
            (shorten(line, max), None)
        } else if !get(P::Category).is_empty() {
            (shorten(&joined(get(P::Category)), max), Some(P::Category))
        } else {
            return Err(self.problem(row, None, RowError::NoTitle));
        };

        // Answers with no field of their own stay in the details, under the sheet's words.
        let mut extra = Vec::new();
        for field in [P::Need, P::Category] {
            let text = get(field);
            let whole_title = title_from == Some(field) && title == joined(text);
            if !text.is_empty() && !whole_title && (field == P::Need || named.len() > 1) {
                extra.push(format!(
                    "{}: {}",
                    self.columns.header(field).unwrap_or_default(),
                    joined(text)
                ));
            }
        }
        if !get(P::Household).is_empty() {
            extra.push(format!(
                "{}: {}",
                self.columns.header(P::Household).unwrap_or_default(),
                get(P::Household)
            ));
        }
        // Details of one line that became the title are not said twice.
        let said = title_from.is_none() && details_cell.trim() == title;
        let mut details = if said {
            String::new()
        } else {
            details_cell.to_string()
        };
        if !extra.is_empty() {
            if !details.is_empty() {
                details.push_str("\n\n");
            }
            details.push_str(&extra.join("\n"));
        }

        let (urgency, recurs) = answers::urgency(get(P::Urgency));
        let urgency = urgency.unwrap_or_else(|| {
            if !get(P::Urgency).is_empty() && !recurs {
                notes.push(fail(
                    P::Urgency,
                    RowError::UnknownUrgency {
                        value: quoted(get(P::Urgency)),
                    },
                ));
            }
            Urgency::Anytime
        });
        let recurring = match get(P::Recurring) {
            "" => recurs,
            text => answers::recurring(text).unwrap_or_else(|| {
                notes.push(fail(
                    P::Recurring,
                    RowError::Unread {
                        value: quoted(text),
                    },
                ));
                recurs
            }),
        };
        let quantity = match get(P::Quantity) {
            "" => None,
            text => first_number(text).or_else(|| {
                notes.push(fail(
                    P::Quantity,
                    RowError::Unread {
                        value: quoted(text),
                    },
                ));
                None
            }),
        };
        let until = match get(P::Until) {
            "" => None,
            text => dates::day(text, self.order).or_else(|| {
                notes.push(fail(
                    P::Until,
                    RowError::Unread {
                        value: quoted(text),
                    },
                ));
                None
            }),
        };

        let anonymous = yes_no(get(P::Anonymous)) == Some(true);
        let author = if anonymous {
            self.handle.clone()
        } else if !get(P::Handle).is_empty() {
            get(P::Handle).to_string()
        } else if yes_no(get(P::Anonymous)) == Some(false) && !get(P::Name).is_empty() {
            get(P::Name).to_string()
        } else {
            self.handle.clone()
        };
        let author: String = author.chars().take(Field::Author.limit()).collect();
        let visibility = if anonymous {
            Visibility::Private
        } else if yes_no(get(P::PublicContact)) == Some(true) {
            Visibility::Public
        } else {
            Visibility::Group
        };
        let contact = self.contact(row, record, visibility, &mut notes);

        let draft = PostDraft {
            kind,
            title,
            category,
            area: match get(P::Area) {
                "" => String::new(),
                text => self.areas.find(text),
            },
            contact,
            details,
            urgency,
            quantity,
            author,
            languages: answers::languages(get(P::Languages)),
            until,
            recurring,
            private_note: String::new(),
        };
        if let Err(errors) = draft.validate(self.options.config) {
            // An area left blank is let through: a form need not ask for one.
            let error = errors
                .into_iter()
                .find(|error| !(error.field == Field::Area && error.problem == Problem::Missing));
            if let Some(error) = error {
                let field = match error.field {
                    Field::Title => title_from.unwrap_or(P::Details),
                    Field::Category => P::Category,
                    Field::Area => P::Area,
                    Field::Author if anonymous || get(P::Handle).is_empty() => P::Name,
                    Field::Author => P::Handle,
                    Field::Languages => P::Languages,
                    Field::Quantity => P::Quantity,
                    _ => P::Details,
                };
                return Err(fail(field, RowError::Invalid(error)));
            }
        }
        Ok(Built {
            draft,
            status,
            ms,
            notes,
        })
    }

    /// The row's contact: the way the person asked to be reached, with a number that dials or
    /// an address that mails. One that cannot be used is left out and noted (never quoted).
    fn contact(
        &self,
        row: usize,
        record: &StringRecord,
        visibility: Visibility,
        notes: &mut Vec<RowProblem>,
    ) -> Option<Contact> {
        let get = |field| cell(record, self.columns.index(field));
        let (mut phone, mut email) = ((get(P::Phone), P::Phone), (get(P::Email), P::Email));
        let either = get(P::Contact);
        if either.contains('@') && email.0.is_empty() {
            email = (either, P::Contact);
        } else if !either.is_empty() && phone.0.is_empty() {
            phone = (either, P::Contact);
        }
        let wanted = answers::contact_method(get(P::ContactMethod));
        let by_phone = match wanted {
            Some(method) if method != ContactMethod::Email => method,
            _ => default_phone_method(&self.columns),
        };
        let mut tries = Vec::new();
        if !phone.0.is_empty() {
            tries.push((by_phone, phone));
        }
        if !email.0.is_empty() {
            let at = if wanted == Some(ContactMethod::Email) {
                0
            } else {
                tries.len()
            };
            tries.insert(at, (ContactMethod::Email, email));
        }
        // The way the person asked for first; the other one if that cannot be used.
        let code = self.options.config.phone_country_code;
        for (method, (value, field)) in tries {
            match contact_value::entry_value(method, value, code) {
                Ok(value) => {
                    return Some(Contact {
                        method,
                        value,
                        visibility,
                    })
                }
                Err(problem) => {
                    notes.push(self.problem(row, Some(field), RowError::BadContact(problem)))
                }
            }
        }
        None
    }
}

/// How a number is reached when the row does not say: as the header names it ("WhatsApp"),
/// else by a call.
fn default_phone_method(columns: &Columns<P>) -> ContactMethod {
    let header = columns.header(P::Phone).map(fold).unwrap_or_default();
    if header.contains("whatsapp") {
        ContactMethod::WhatsApp
    } else if header.contains("signal") {
        ContactMethod::Signal
    } else {
        ContactMethod::Call
    }
}

/// The first whole number in a cell ("4", "about 3 people").
fn first_number(text: &str) -> Option<u32> {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}
