//! Which column holds what: headers are matched by name, in English and Spanish, including the
//! long questions real request forms ask ("What do you need? Check all that apply", "Is your
//! need:", "¿Qué necesitas?"), and a group can map its own headers in `config.json`
//! (`sources[].columns`, `{"Header": "field"}`, which wins over the built-in names).
//!
//! A header is a field when it is one of the field's phrases, else when it starts with one,
//! else when it contains one (phrases of five letters or more only, so "need" alone never
//! claims "Does your request need to remain anonymous?"); at each step the longest phrase wins.

use super::problems::{ColumnNote, ColumnUse};
use super::words::{fold, has_phrase};
use crate::model::sorted_map::SortedMap;
use std::fmt;

/// The columns one kind of sheet can have.
pub trait ColumnSet: Copy + Eq + fmt::Debug + 'static {
    /// Folded header phrases per column.
    const HEADERS: &'static [(Self, &'static [&'static str])];
    /// The field names a group may map a header to in `config.json`.
    const NAMES: &'static [(Self, &'static str)];
    /// The column holds something never published (an exact address): it is recognised so
    /// the group is told it was kept out, and never read.
    fn private(self) -> bool;
}

/// The columns of a sheet of asks or offers (a request form's responses, for instance).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PostColumn {
    /// When the row was submitted: required, it dates the post and identifies the row.
    Timestamp,
    Title,
    /// What is needed or offered: a list of categories ("Food, pet care") or words that can be
    /// the title.
    Need,
    Category,
    Details,
    /// Ask or offer.
    Kind,
    Area,
    Urgency,
    Quantity,
    /// Needed by, or available until.
    Until,
    Recurring,
    Languages,
    /// A name the person chose to be shown by.
    Handle,
    /// The person's name: shown only when the form asked whether to stay anonymous.
    Name,
    Phone,
    Email,
    /// A phone number or an email address, whichever it is.
    Contact,
    ContactMethod,
    /// Whether the person agreed to show their contact publicly.
    PublicContact,
    Anonymous,
    Status,
    Household,
    Address,
}

/// The columns of a resource directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResourceColumn {
    /// When the entry was last checked: dates its notes.
    Updated,
    Name,
    Kind,
    Area,
    Hours,
    Accepts,
    Needs,
    Serves,
    Languages,
    Phone,
    Email,
    Contact,
    Notes,
    Stock,
    Condition,
    Address,
}

const AREA: &[&str] = &[
    "area",
    "areas",
    "neighborhood",
    "neighbourhood",
    "your neighborhood",
    "what neighborhood",
    "which neighborhood",
    "zone",
    "barrio",
    "zona",
    "colonia",
    "vecindario",
    "sector",
    "district",
    "distrito",
    "en que barrio",
    "tu barrio",
];
const LANGUAGES: &[&str] = &[
    "languages",
    "language",
    "languages spoken",
    "preferred language",
    "what languages do you speak",
    "idioma",
    "idiomas",
    "lengua",
    "idioma preferido",
    "que idiomas hablas",
];
const PHONE: &[&str] = &[
    "phone",
    "telephone",
    "phone number",
    "telephone number",
    "your phone",
    "your phone number",
    "mobile",
    "mobile number",
    "cell",
    "cell phone",
    "cellphone",
    "whatsapp",
    "telefono",
    "numero de telefono",
    "tu telefono",
    "celular",
    "movil",
];
const EMAIL: &[&str] = &[
    "email",
    "e mail",
    "email address",
    "your email",
    "correo",
    "correo electronico",
    "tu correo",
];
const CONTACT: &[&str] = &[
    "contact",
    "contact info",
    "contact information",
    "phone or email",
    "email or phone",
    "how can we reach you",
    "contacto",
    "datos de contacto",
    "como te contactamos",
];
const ADDRESS: &[&str] = &[
    "address",
    "street address",
    "home address",
    "delivery address",
    "your address",
    "location",
    "zip",
    "zip code",
    "postal code",
    "direccion",
    "tu direccion",
    "domicilio",
    "ubicacion",
    "calle",
    "codigo postal",
];

impl ColumnSet for PostColumn {
    const HEADERS: &'static [(Self, &'static [&'static str])] = &[
        (
            Self::Timestamp,
            &[
                "timestamp",
                "marca temporal",
                "date",
                "fecha",
                "created",
                "created time",
                "created at",
                "date created",
                "submitted",
                "submitted at",
                "submitted on",
                "submission date",
                "fecha de envio",
                "fecha de creacion",
                "fecha y hora",
            ],
        ),
        (
            Self::Title,
            &[
                "title",
                "titulo",
                "summary",
                "resumen",
                "subject",
                "asunto",
                "headline",
                "request title",
                "in a few words",
                "en pocas palabras",
            ],
        ),
        (
            Self::Need,
            &[
                "need",
                "needs",
                "what do you need",
                "what do you need help with",
                "what is your need",
                "what are you requesting",
                "what are you asking for",
                "how can we help",
                "request",
                "offer",
                "what can you offer",
                "what can you give",
                "what are you offering",
                "necesito",
                "necesidad",
                "que necesitas",
                "que necesita",
                "en que te podemos ayudar",
                "solicitud",
                "pedido",
                "ofrezco",
                "que puedes ofrecer",
                "que ofreces",
            ],
        ),
        (
            Self::Category,
            &[
                "category",
                "categories",
                "categoria",
                "categorias",
                "type of need",
                "type of help",
                "kind of help",
                "what kind of help",
                "what type of help",
                "what type of support",
                "tipo de ayuda",
                "tipo de necesidad",
                "what do you need check all that apply",
                "what do you need select all that apply",
                "que necesitas marca todas las que apliquen",
                "que necesitas selecciona todas las que apliquen",
            ],
        ),
        (
            Self::Details,
            &[
                "details",
                "detalles",
                "description",
                "descripcion",
                "more details",
                "tell us more",
                "please describe",
                "please describe your need",
                "describe your need",
                "anything else",
                "notes",
                "comments",
                "additional information",
                "additional info",
                "cuentanos mas",
                "mas detalles",
                "describe tu necesidad",
                "comentarios",
                "notas",
                "informacion adicional",
                "algo mas",
            ],
        ),
        (
            Self::Kind,
            &[
                "kind",
                "type",
                "tipo",
                "ask or offer",
                "request or offer",
                "need or offer",
                "are you asking or offering",
                "pides u ofreces",
                "pedido u oferta",
                "necesitas u ofreces",
                "solicitud u oferta",
            ],
        ),
        (Self::Area, AREA),
        (
            Self::Urgency,
            &[
                "urgency",
                "urgencia",
                "is your need",
                "how urgent",
                "how urgent is your need",
                "how soon",
                "when do you need it",
                "when do you need this",
                "priority",
                "prioridad",
                "que tan urgente",
                "tu necesidad es",
                "es urgente",
            ],
        ),
        (
            Self::Quantity,
            &["quantity", "how many", "cantidad", "cuantos", "cuantas"],
        ),
        (
            Self::Until,
            &[
                "needed by",
                "need by",
                "date needed",
                "by when",
                "deadline",
                "available until",
                "fecha limite",
                "disponible hasta",
                "para cuando",
            ],
        ),
        (
            Self::Recurring,
            &[
                "recurring",
                "ongoing",
                "is this ongoing",
                "is this recurring",
                "one time or ongoing",
                "recurrente",
                "es recurrente",
                "una vez o recurrente",
            ],
        ),
        (Self::Languages, LANGUAGES),
        (
            Self::Handle,
            &[
                "handle",
                "nickname",
                "display name",
                "name to show",
                "apodo",
                "alias",
                "seudonimo",
                "nombre para mostrar",
            ],
        ),
        (
            Self::Name,
            &[
                "name",
                "your name",
                "full name",
                "first name",
                "contact name",
                "nombre",
                "tu nombre",
                "nombre completo",
            ],
        ),
        (Self::Phone, PHONE),
        (Self::Email, EMAIL),
        (Self::Contact, CONTACT),
        (
            Self::ContactMethod,
            &[
                "contact method",
                "preferred contact method",
                "how should we contact you",
                "how do you want to be contacted",
                "best way to reach you",
                "metodo de contacto",
                "forma de contacto",
                "como prefieres que te contactemos",
            ],
        ),
        (
            Self::PublicContact,
            &[
                "public contact",
                "share contact publicly",
                "can we share your contact",
                "can we share your contact publicly",
                "ok to share your contact",
                "share phone publicly",
                "share your phone publicly",
                "show phone publicly",
                "show my contact",
                "contacto publico",
                "mostrar mi contacto",
                "podemos compartir tu contacto",
            ],
        ),
        (
            Self::Anonymous,
            &[
                "anonymous",
                "remain anonymous",
                "does your request need to remain anonymous",
                "anonimo",
                "anonima",
                "anonimato",
                "debe ser anonima",
                "tu solicitud debe ser anonima",
                "quieres permanecer anonimo",
            ],
        ),
        (
            Self::Status,
            &[
                "status",
                "estado",
                "estatus",
                "request status",
                "estado de la solicitud",
            ],
        ),
        (
            Self::Household,
            &[
                "household",
                "household size",
                "people in household",
                "number of people in household",
                "number of people in your household",
                "how many people",
                "personas en el hogar",
                "numero de personas en el hogar",
                "cuantas personas",
                "tamano del hogar",
            ],
        ),
        (Self::Address, ADDRESS),
    ];

    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Timestamp, "timestamp"),
        (Self::Title, "title"),
        (Self::Need, "need"),
        (Self::Category, "category"),
        (Self::Details, "details"),
        (Self::Kind, "kind"),
        (Self::Area, "area"),
        (Self::Urgency, "urgency"),
        (Self::Quantity, "quantity"),
        (Self::Until, "until"),
        (Self::Recurring, "recurring"),
        (Self::Languages, "languages"),
        (Self::Handle, "handle"),
        (Self::Handle, "author"),
        (Self::Name, "name"),
        (Self::Phone, "phone"),
        (Self::Email, "email"),
        (Self::Contact, "contact"),
        (Self::ContactMethod, "contact_method"),
        (Self::PublicContact, "public_contact"),
        (Self::Anonymous, "anonymous"),
        (Self::Status, "status"),
        (Self::Household, "household"),
        (Self::Address, "address"),
    ];

    fn private(self) -> bool {
        self == Self::Address
    }
}

impl ColumnSet for ResourceColumn {
    const HEADERS: &'static [(Self, &'static [&'static str])] = &[
        (
            Self::Updated,
            &[
                "updated",
                "last updated",
                "last verified",
                "verified",
                "last checked",
                "date",
                "fecha",
                "timestamp",
                "marca temporal",
                "ultima actualizacion",
                "actualizado",
                "verificado",
                "ultima verificacion",
            ],
        ),
        (
            Self::Name,
            &[
                "name",
                "nombre",
                "resource",
                "resource name",
                "recurso",
                "nombre del recurso",
                "place",
                "lugar",
                "organization",
                "organisation",
                "organizacion",
                "site",
                "sitio",
                "program",
                "programa",
            ],
        ),
        (
            Self::Kind,
            &[
                "type",
                "kind",
                "tipo",
                "category",
                "categoria",
                "resource type",
                "tipo de recurso",
            ],
        ),
        (Self::Area, AREA),
        (
            Self::Hours,
            &[
                "hours",
                "opening hours",
                "open hours",
                "schedule",
                "days and hours",
                "when open",
                "horario",
                "horarios",
                "horas",
                "dias y horas",
            ],
        ),
        (
            Self::Accepts,
            &[
                "accepts",
                "what it accepts",
                "donations accepted",
                "accepted donations",
                "you can bring",
                "acepta",
                "que acepta",
                "donaciones",
                "donaciones aceptadas",
            ],
        ),
        (
            Self::Needs,
            &[
                "needs",
                "currently needs",
                "what it needs",
                "wish list",
                "most needed",
                "necesita",
                "necesidades",
                "lo que se necesita",
            ],
        ),
        (
            Self::Serves,
            &[
                "serves",
                "who it serves",
                "who can use it",
                "eligibility",
                "requirements",
                "para quien",
                "a quien atiende",
                "quien puede usarlo",
                "requisitos",
                "elegibilidad",
            ],
        ),
        (Self::Languages, LANGUAGES),
        (Self::Phone, PHONE),
        (Self::Email, EMAIL),
        (Self::Contact, CONTACT),
        (
            Self::Notes,
            &[
                "notes",
                "notas",
                "description",
                "descripcion",
                "details",
                "detalles",
                "about",
                "comments",
                "comentarios",
                "more information",
                "mas informacion",
                "informacion",
            ],
        ),
        (
            Self::Stock,
            &[
                "stock",
                "stocked",
                "stock level",
                "how stocked",
                "abastecido",
                "existencias",
                "surtido",
                "nivel",
            ],
        ),
        (
            Self::Condition,
            &["condition", "condicion", "estado", "status", "state"],
        ),
        (Self::Address, ADDRESS),
    ];

    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Updated, "updated"),
        (Self::Name, "name"),
        (Self::Kind, "kind"),
        (Self::Area, "area"),
        (Self::Hours, "hours"),
        (Self::Accepts, "accepts"),
        (Self::Needs, "needs"),
        (Self::Serves, "serves"),
        (Self::Languages, "languages"),
        (Self::Phone, "phone"),
        (Self::Email, "email"),
        (Self::Contact, "contact"),
        (Self::Notes, "notes"),
        (Self::Stock, "stock"),
        (Self::Condition, "condition"),
        (Self::Address, "address"),
    ];

    fn private(self) -> bool {
        self == Self::Address
    }
}

/// What the config's mapping for a header says.
enum Mapped<C> {
    Field(C),
    Ignore,
    Unknown(String),
}

/// The fields of one sheet's columns, found from its header row.
#[derive(Clone, Debug)]
pub struct Columns<C> {
    headers: Vec<String>,
    slots: Vec<Option<C>>,
    /// Columns that are not read, and why.
    pub notes: Vec<ColumnNote>,
}

impl<C: ColumnSet> Columns<C> {
    /// Matches `headers`; `mapping` is the group's `{"Header": "field"}` from `config.json`
    /// (a field of `"ignore"` leaves a column out on purpose).
    pub fn match_headers(headers: Vec<String>, mapping: &SortedMap<String, String>) -> Self {
        let mapping: Vec<(String, &str)> = mapping
            .iter()
            .map(|(header, field)| (fold(header), field.as_str()))
            .collect();
        let mut slots: Vec<Option<C>> = Vec::with_capacity(headers.len());
        let mut notes = Vec::new();
        for (index, header) in headers.iter().enumerate() {
            let folded = fold(header);
            let mut note = |use_: ColumnUse| {
                notes.push(ColumnNote {
                    column: index,
                    header: header.clone(),
                    use_,
                })
            };
            let mapped = mapping
                .iter()
                .find(|(key, _)| **key == folded)
                .map(|(_, field)| mapped::<C>(field));
            let (found, noted) = match mapped {
                Some(Mapped::Field(field)) => (Some(field), false),
                Some(Mapped::Ignore) => {
                    note(ColumnUse::Ignored);
                    (None, true)
                }
                Some(Mapped::Unknown(name)) => {
                    note(ColumnUse::UnknownField(name));
                    (None, true)
                }
                None => (recognise::<C>(&folded), false),
            };
            let slot = match found {
                Some(field) if field.private() => {
                    note(ColumnUse::KeptPrivate);
                    None
                }
                Some(field) => match slots.iter().position(|slot| *slot == Some(field)) {
                    Some(first) => {
                        note(ColumnUse::Repeated { first });
                        None
                    }
                    None => Some(field),
                },
                None => {
                    if !noted && !folded.is_empty() {
                        note(ColumnUse::Unknown);
                    }
                    None
                }
            };
            slots.push(slot);
        }
        Self {
            headers,
            slots,
            notes,
        }
    }

    /// The index of the column holding `field`.
    pub fn index(&self, field: C) -> Option<usize> {
        self.slots.iter().position(|slot| *slot == Some(field))
    }

    pub fn has(&self, field: C) -> bool {
        self.index(field).is_some()
    }

    /// The header of the column holding `field`, as the sheet writes it.
    pub fn header(&self, field: C) -> Option<&str> {
        self.index(field).map(|index| self.headers[index].as_str())
    }
}

fn mapped<C: ColumnSet>(field: &str) -> Mapped<C> {
    let name = field.trim().to_ascii_lowercase();
    if name == "ignore" {
        return Mapped::Ignore;
    }
    C::NAMES
        .iter()
        .find(|(_, known)| *known == name)
        .map_or(Mapped::Unknown(field.to_string()), |(column, _)| {
            Mapped::Field(*column)
        })
}

/// The column a folded header names, if any.
pub fn recognise<C: ColumnSet>(header: &str) -> Option<C> {
    if header.is_empty() {
        return None;
    }
    let longest = |accept: &dyn Fn(&str) -> bool| {
        C::HEADERS
            .iter()
            .flat_map(|(column, phrases)| phrases.iter().map(move |phrase| (*column, *phrase)))
            .filter(|(_, phrase)| accept(phrase))
            .max_by_key(|(_, phrase)| phrase.len())
            .map(|(column, _)| column)
    };
    longest(&|phrase| phrase == header)
        .or_else(|| {
            longest(&|phrase| {
                header.starts_with(phrase) && header.as_bytes().get(phrase.len()) == Some(&b' ')
            })
        })
        .or_else(|| longest(&|phrase| phrase.len() >= 5 && has_phrase(header, phrase)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(header: &str) -> Option<PostColumn> {
        recognise::<PostColumn>(&fold(header))
    }

    #[test]
    fn every_phrase_is_written_folded() {
        for (_, phrases) in PostColumn::HEADERS
            .iter()
            .map(|(c, p)| (format!("{c:?}"), *p))
            .chain(
                ResourceColumn::HEADERS
                    .iter()
                    .map(|(c, p)| (format!("{c:?}"), *p)),
            )
        {
            for phrase in phrases {
                assert_eq!(fold(phrase), *phrase);
            }
        }
    }

    #[test]
    fn real_form_questions_find_their_fields() {
        use PostColumn::*;
        for (header, column) in [
            ("Timestamp", Timestamp),
            ("Marca temporal", Timestamp),
            ("What do you need? Check all that apply", Category),
            ("¿Qué necesitas?", Need),
            ("Necesito", Need),
            ("Is your need:", Urgency),
            ("Number of people in household", Household),
            ("Address", Address),
            ("telephone", Phone),
            ("Teléfono", Phone),
            ("Your phone number (we will text you)", Phone),
            ("Does your request need to remain anonymous?", Anonymous),
            ("Barrio", Area),
            ("Zona", Area),
            ("Anything else we should know?", Details),
            ("Date needed", Until),
            ("Name", Name),
            ("Email Address", Email),
            // A short word heads a header only before a space; a longer one anywhere.
            ("Area of town", Area),
            ("Best phone to reach you", Phone),
        ] {
            assert_eq!(post(header), Some(column), "{header}");
        }
        assert_eq!(post("Favourite colour"), None);
        assert_eq!(post("Namesake"), None);
        assert_eq!(post(""), None);
    }

    #[test]
    fn the_groups_mapping_wins_and_addresses_are_kept_out() {
        let headers = [
            "Marca",
            "Lo que pide",
            "Dirección",
            "Color",
            "Tel",
            "Teléfono 2",
            "Favourite song",
            "",
        ]
        .map(String::from)
        .to_vec();
        let mapping = SortedMap::from_iter([
            ("lo que pide".to_string(), "title".to_string()),
            ("Marca".to_string(), "timestamp".to_string()),
            ("Tel".to_string(), "phone".to_string()),
            ("Color".to_string(), "colour".to_string()),
        ]);
        let columns = Columns::<PostColumn>::match_headers(headers, &mapping);
        assert_eq!(columns.index(PostColumn::Title), Some(1));
        assert_eq!(columns.index(PostColumn::Timestamp), Some(0));
        assert_eq!(columns.index(PostColumn::Phone), Some(4));
        assert_eq!(columns.index(PostColumn::Address), None);
        let notes: Vec<_> = columns
            .notes
            .iter()
            .map(|note| (note.column, note.use_.clone()))
            .collect();
        assert_eq!(
            notes,
            [
                (2, ColumnUse::KeptPrivate),
                (3, ColumnUse::UnknownField("colour".into())),
                (5, ColumnUse::Repeated { first: 4 }),
                // A header nothing knows is noted once; an empty one is not.
                (6, ColumnUse::Unknown),
            ]
        );
    }
}
