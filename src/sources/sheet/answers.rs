//! What the answers in a sheet mean: the words forms and coordinators use, in English and
//! Spanish, for categories, ask or offer, urgency, status, ways of contact, languages and kinds
//! of place. Every phrase is written folded (see `words::fold`); the longest phrase found in an
//! answer decides, so "pet food" is pets and "not urgent" is anytime.

use super::words::{fold, pieces, Phrases};
use crate::model::{
    CloseReason, Condition, ContactMethod, GroupConfig, PostKind, ResourceKind, Status, Stock,
    Urgency,
};
use std::sync::OnceLock;

/// Words for each built-in category key.
const CATEGORIES: &[(&str, &[&str])] = &[
    (
        "food",
        &[
            "food",
            "groceries",
            "grocery",
            "produce",
            "comida",
            "alimentos",
            "viveres",
            "despensa",
            "mercado",
            "abarrotes",
        ],
    ),
    (
        "meals",
        &[
            "meals",
            "meal",
            "hot meal",
            "hot meals",
            "cooked meals",
            "prepared meals",
            "comidas preparadas",
            "comida caliente",
            "comida preparada",
        ],
    ),
    (
        "rides",
        &[
            "rides",
            "ride",
            "transport",
            "transportation",
            "lift",
            "car",
            "transporte",
            "aventon",
            "raite",
            "viaje",
        ],
    ),
    (
        "childcare",
        &[
            "childcare",
            "child care",
            "babysitting",
            "kids",
            "children",
            "cuidado de ninos",
            "guarderia",
            "ninera",
            "ninos",
        ],
    ),
    (
        "elder-care",
        &[
            "elder care",
            "eldercare",
            "senior",
            "seniors",
            "elderly",
            "disability",
            "disability care",
            "cuidado de mayores",
            "adultos mayores",
            "discapacidad",
        ],
    ),
    (
        "health",
        &[
            "health",
            "medicine",
            "medicines",
            "medical",
            "prescriptions",
            "prescription",
            "pharmacy",
            "salud",
            "medicina",
            "medicinas",
            "medicamentos",
            "farmacia",
        ],
    ),
    (
        "harm-reduction",
        &[
            "harm reduction",
            "narcan",
            "naloxone",
            "safer use",
            "reduccion de danos",
            "naloxona",
        ],
    ),
    (
        "housing",
        &[
            "housing",
            "rent",
            "shelter",
            "place to stay",
            "vivienda",
            "renta",
            "alquiler",
            "alojamiento",
        ],
    ),
    (
        "cash",
        &[
            "cash",
            "money",
            "bills",
            "utilities",
            "financial",
            "financial help",
            "dinero",
            "efectivo",
            "facturas",
            "cuentas",
            "ayuda economica",
        ],
    ),
    (
        "supplies",
        &[
            "supplies",
            "hygiene",
            "hygiene products",
            "toiletries",
            "clothing",
            "clothes",
            "laundry",
            "diapers",
            "household",
            "household items",
            "cleaning",
            "heating",
            "cooling",
            "fan",
            "blankets",
            "suministros",
            "higiene",
            "ropa",
            "lavanderia",
            "panales",
            "articulos",
            "limpieza",
            "cobijas",
            "ventilador",
        ],
    ),
    (
        "check-ins",
        &[
            "check ins",
            "check in",
            "wellness check",
            "emotional support",
            "someone to talk to",
            "company",
            "companionship",
            "acompanamiento",
            "apoyo emocional",
            "llamadas",
            "compania",
        ],
    ),
    (
        "paperwork",
        &[
            "paperwork",
            "translation",
            "interpretation",
            "forms",
            "documents",
            "legal",
            "traduccion",
            "interpretacion",
            "tramites",
            "papeleo",
            "documentos",
        ],
    ),
    (
        "tech",
        &[
            "tech",
            "tech help",
            "technology",
            "internet",
            "computer",
            "tecnologia",
            "computadora",
            "ayuda tecnica",
        ],
    ),
    (
        "pets",
        &[
            "pets",
            "pet",
            "pet care",
            "pet food",
            "pet supplies",
            "dog",
            "cat",
            "mascotas",
            "mascota",
            "comida para mascotas",
            "perro",
            "gato",
        ],
    ),
    (
        "errands",
        &[
            "errands",
            "errand",
            "delivery",
            "deliveries",
            "pickup",
            "pick up",
            "shopping",
            "mandados",
            "recados",
            "entregas",
            "compras",
        ],
    ),
    ("other", &["other", "otro", "otra", "otros"]),
];

/// The categories of a group, with the words that name each: its keys, its own labels, and
/// the built-in words for the built-in keys it kept.
pub struct Categories {
    phrases: Phrases<usize>,
    keys: Vec<String>,
}

impl Categories {
    pub fn of(config: &GroupConfig) -> Self {
        let mut phrases = Vec::new();
        let keys: Vec<String> = config.categories.iter().map(|c| c.key.clone()).collect();
        for (index, choice) in config.categories.iter().enumerate() {
            phrases.push((index, fold(&choice.key)));
            phrases.extend(choice.label.values().map(|label| (index, fold(label))));
            if let Some((_, words)) = CATEGORIES.iter().find(|(key, _)| *key == choice.key) {
                phrases.extend(words.iter().map(|word| (index, (*word).to_string())));
            }
        }
        Self {
            phrases: Phrases::new(
                phrases
                    .iter()
                    .map(|(index, phrase)| (*index, phrase.as_str())),
            ),
            keys,
        }
    }

    /// The category one answer names.
    pub fn find(&self, answer: &str) -> Option<&str> {
        self.phrases
            .best(&fold(answer))
            .map(|index| self.keys[index].as_str())
    }

    /// The categories a multi-valued cell names, in its order, each once.
    pub fn all_in(&self, cell: &str) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for piece in pieces(cell) {
            // "Food/Rides" names two categories, "clothing/laundry" one (both its parts find
            // it, once): the parts when each names one, else the whole, as "Food/other stuff".
            let parts: Vec<Option<&str>> = piece.split('/').map(|part| self.find(part)).collect();
            let named: Vec<&str> = if parts.iter().all(Option::is_some) {
                parts.into_iter().flatten().collect()
            } else {
                self.find(piece).into_iter().collect()
            };
            for key in named {
                if !found.iter().any(|known| known == key) {
                    found.push(key.to_string());
                }
            }
        }
        found
    }

    pub fn has_other(&self) -> bool {
        self.keys.iter().any(|key| key == "other")
    }
}

/// The group's areas, matched by key or label in any of its languages.
pub struct Areas {
    phrases: Phrases<usize>,
    keys: Vec<String>,
}

impl Areas {
    pub fn of(config: &GroupConfig) -> Self {
        let mut phrases = Vec::new();
        for (index, choice) in config.areas.iter().enumerate() {
            phrases.push((index, fold(&choice.key)));
            phrases.extend(choice.label.values().map(|label| (index, fold(label))));
        }
        Self {
            phrases: Phrases::new(
                phrases
                    .iter()
                    .map(|(index, phrase)| (*index, phrase.as_str())),
            ),
            keys: config.areas.iter().map(|c| c.key.clone()).collect(),
        }
    }

    /// The area key an answer names; with no areas listed, any answer is its own area (as the
    /// app lets people type one). An answer naming no area of the group comes back as typed,
    /// for validation to refuse by name.
    pub fn find(&self, answer: &str) -> String {
        if self.keys.is_empty() {
            return answer.to_string();
        }
        self.phrases
            .best(&fold(answer))
            .map_or_else(|| answer.to_string(), |index| self.keys[index].clone())
    }
}

/// The value a folded answer names in `table`, the table's phrases indexed on first use.
fn lookup<T: Copy + Send + Sync>(
    cell: &'static OnceLock<Phrases<T>>,
    table: &[(T, &[&str])],
    folded: &str,
) -> Option<T> {
    cell.get_or_init(|| Phrases::from_table(table)).best(folded)
}

pub fn kind(answer: &str) -> Option<PostKind> {
    const KINDS: &[(PostKind, &[&str])] = &[
        (
            PostKind::Ask,
            &[
                "ask",
                "need",
                "i need",
                "request",
                "requesting",
                "help needed",
                "necesito",
                "pido",
                "pedido",
                "solicitud",
                "pedir",
                "necesidad",
            ],
        ),
        (
            PostKind::Offer,
            &[
                "offer",
                "i can offer",
                "offering",
                "give",
                "can help",
                "i can help",
                "ofrezco",
                "oferta",
                "ofrecer",
                "puedo ayudar",
                "dar",
            ],
        ),
    ];
    {
        static KINDS_PHRASES: OnceLock<Phrases<PostKind>> = OnceLock::new();
        lookup(&KINDS_PHRASES, KINDS, &fold(answer))
    }
}

/// Urgency and whether the need recurs, both from one answer ("Urgent, ongoing"). `None` for
/// the urgency when no word says how soon.
pub fn urgency(answer: &str) -> (Option<Urgency>, bool) {
    const URGENCY: &[(Urgency, &[&str])] = &[
        (
            Urgency::Today,
            &[
                "today",
                "urgent",
                "emergency",
                "asap",
                "immediately",
                "24 hours",
                "within 24 hours",
                "right away",
                "hoy",
                "urgente",
                "emergencia",
                "inmediato",
                "24 horas",
            ],
        ),
        (
            Urgency::Days,
            &[
                "1 2 days",
                "1 to 2 days",
                "2 days",
                "48 hours",
                "24 48 hours",
                "few days",
                "next few days",
                "couple of days",
                "soon",
                "1 a 2 dias",
                "2 dias",
                "48 horas",
                "proximos dias",
                "pocos dias",
                "pronto",
            ],
        ),
        (
            Urgency::Week,
            &[
                "this week",
                "within a week",
                "week",
                "esta semana",
                "semana",
                "7 days",
                "7 dias",
            ],
        ),
        (
            Urgency::Anytime,
            &[
                "not urgent",
                "anytime",
                "any time",
                "whenever",
                "flexible",
                "no rush",
                "no es urgente",
                "no urgente",
                "cuando sea",
                "sin prisa",
                "no tan urgente",
            ],
        ),
    ];
    let folded = fold(answer);
    (
        {
            static URGENCY_PHRASES: OnceLock<Phrases<Urgency>> = OnceLock::new();
            lookup(&URGENCY_PHRASES, URGENCY, &folded)
        },
        recurs(&folded),
    )
}

/// Whether a folded answer says the need comes back ("ongoing", "weekly", "recurrente").
fn recurs(folded: &str) -> bool {
    const RECURRING: &[(bool, &[&str])] = &[
        (
            true,
            &[
                "ongoing",
                "recurring",
                "weekly",
                "monthly",
                "every week",
                "every month",
                "regularly",
                "recurrente",
                "semanal",
                "mensual",
                "cada semana",
                "cada mes",
                "continuo",
            ],
        ),
        (
            false,
            &["one time", "one off", "once", "una vez", "una sola vez"],
        ),
    ];
    {
        static RECURRING_PHRASES: OnceLock<Phrases<bool>> = OnceLock::new();
        lookup(&RECURRING_PHRASES, RECURRING, folded)
    }
    .unwrap_or(false)
}

/// A recurring column's answer: yes or no, or words like "ongoing".
pub fn recurring(answer: &str) -> Option<bool> {
    super::words::yes_no(answer).or_else(|| {
        let folded = fold(answer);
        let (_, recurring) = urgency(answer);
        (recurring || has_any(&folded, &["one time", "one off", "once", "una vez"]))
            .then_some(recurring)
    })
}

fn has_any(folded: &str, phrases: &[&str]) -> bool {
    phrases
        .iter()
        .any(|phrase| super::words::has_phrase(folded, phrase))
}

/// A status as coordinators write it. An empty answer is open.
pub fn status(answer: &str) -> Option<Status> {
    use CloseReason::*;
    const STATUS: &[(Status, &[&str])] = &[
        (
            Status::Open,
            &[
                "open",
                "new",
                "pending",
                "unassigned",
                "needs volunteer",
                "waiting",
                "abierto",
                "abierta",
                "nuevo",
                "nueva",
                "pendiente",
                "sin asignar",
            ],
        ),
        (
            Status::Matched,
            &[
                "matched",
                "assigned",
                "in progress",
                "claimed",
                "volunteer assigned",
                "emparejado",
                "asignado",
                "asignada",
                "en proceso",
                "en curso",
            ],
        ),
        (
            Status::Fulfilled,
            &[
                "fulfilled",
                "done",
                "completed",
                "complete",
                "delivered",
                "resolved",
                "closed",
                "met",
                "cumplido",
                "cumplida",
                "resuelto",
                "resuelta",
                "entregado",
                "entregada",
                "completado",
                "completada",
                "hecho",
                "cerrado",
                "cerrada",
            ],
        ),
        (
            Status::Closed(Withdrawn),
            &[
                "withdrawn",
                "cancelled",
                "canceled",
                "retirado",
                "retirada",
                "cancelado",
            ],
        ),
        (
            Status::Closed(Duplicate),
            &[
                "duplicate",
                "duplicado",
                "duplicada",
                "repeated",
                "repetido",
            ],
        ),
        (
            Status::Closed(Referred),
            &[
                "referred",
                "referred elsewhere",
                "referido",
                "referida",
                "derivado",
                "derivada",
            ],
        ),
        (
            Status::Closed(Expired),
            &[
                "expired", "vencido", "vencida", "expirado", "expirada", "caducado",
            ],
        ),
    ];
    if answer.trim().is_empty() {
        return Some(Status::Open);
    }
    {
        static STATUS_PHRASES: OnceLock<Phrases<Status>> = OnceLock::new();
        lookup(&STATUS_PHRASES, STATUS, &fold(answer))
    }
}

/// The first way of contact an answer names ("Text, WhatsApp" → text).
pub fn contact_method(answer: &str) -> Option<ContactMethod> {
    const METHODS: &[(ContactMethod, &[&str])] = &[
        (
            ContactMethod::Call,
            &[
                "call",
                "phone call",
                "phone",
                "llamada",
                "llamar",
                "llamame",
                "telefono",
            ],
        ),
        (
            ContactMethod::Text,
            &[
                "text",
                "sms",
                "text message",
                "mensaje de texto",
                "mensaje",
                "texto",
            ],
        ),
        (ContactMethod::WhatsApp, &["whatsapp", "whats app", "wa"]),
        (ContactMethod::Signal, &["signal"]),
        (
            ContactMethod::Email,
            &["email", "e mail", "mail", "correo", "correo electronico"],
        ),
    ];
    pieces(answer).find_map(|piece| {
        static METHODS_PHRASES: OnceLock<Phrases<ContactMethod>> = OnceLock::new();
        lookup(&METHODS_PHRASES, METHODS, &fold(piece))
    })
}

/// Language codes from an answer such as "English, Spanish" or "es, en"; names Circle does not
/// know are kept as written (the app shows them as they are).
pub fn languages(answer: &str) -> Vec<String> {
    const NAMES: &[(&str, &[&str])] = &[
        ("en", &["english", "ingles", "en"]),
        ("es", &["spanish", "espanol", "castellano", "es"]),
        ("fr", &["french", "frances", "fr"]),
        ("pt", &["portuguese", "portugues", "pt"]),
        (
            "zh",
            &[
                "chinese",
                "mandarin",
                "cantonese",
                "chino",
                "mandarin chinese",
                "zh",
            ],
        ),
        ("ar", &["arabic", "arabe", "ar"]),
        ("vi", &["vietnamese", "vietnamita", "vi"]),
        ("ko", &["korean", "coreano", "ko"]),
        ("tl", &["tagalog", "filipino", "tl"]),
        ("ru", &["russian", "ruso", "ru"]),
        (
            "ht",
            &[
                "haitian creole",
                "kreyol",
                "creole",
                "criollo haitiano",
                "ht",
            ],
        ),
        ("uk", &["ukrainian", "ucraniano", "uk"]),
        ("so", &["somali", "so"]),
        ("am", &["amharic", "amharico", "am"]),
        ("qu", &["quechua", "qu"]),
    ];
    let mut codes: Vec<String> = Vec::new();
    for piece in pieces(answer).flat_map(|piece| piece.split(" and ").flat_map(|p| p.split(" y ")))
    {
        let piece = piece.trim();
        let folded = fold(piece);
        let code = NAMES
            .iter()
            .find(|(_, names)| names.contains(&folded.as_str()))
            .map_or_else(|| piece.to_string(), |(code, _)| (*code).to_string());
        if !code.is_empty() && !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

pub fn place(answer: &str) -> Option<ResourceKind> {
    use ResourceKind::*;
    const PLACES: &[(ResourceKind, &[&str])] = &[
        (
            Fridge,
            &[
                "fridge",
                "community fridge",
                "free fridge",
                "refrigerator",
                "refrigerador",
                "refri",
                "nevera",
                "heladera",
                "refrigerador comunitario",
            ],
        ),
        (
            FreeStore,
            &[
                "free store",
                "free shop",
                "free market",
                "tienda gratuita",
                "tiendita gratis",
                "ropero",
            ],
        ),
        (
            Pantry,
            &[
                "pantry",
                "food pantry",
                "food bank",
                "little free pantry",
                "despensa",
                "banco de alimentos",
                "despensa comunitaria",
            ],
        ),
        (
            Clinic,
            &[
                "clinic",
                "health clinic",
                "free clinic",
                "clinica",
                "consultorio",
            ],
        ),
        (
            CoolingCentre,
            &[
                "cooling centre",
                "cooling center",
                "cooling",
                "centro de enfriamiento",
                "centro de refrigeracion",
            ],
        ),
        (
            WarmingCentre,
            &[
                "warming centre",
                "warming center",
                "warming",
                "centro de calor",
                "centro de calefaccion",
            ],
        ),
        (Shelter, &["shelter", "refugio", "albergue"]),
        (
            Water,
            &[
                "water",
                "water station",
                "fountain",
                "agua",
                "fuente",
                "punto de agua",
            ],
        ),
        (Laundry, &["laundry", "laundromat", "lavanderia"]),
        (
            Showers,
            &["showers", "shower", "duchas", "ducha", "regaderas"],
        ),
        (Other, &["other", "otro", "otra"]),
    ];
    {
        static PLACES_PHRASES: OnceLock<Phrases<ResourceKind>> = OnceLock::new();
        lookup(&PLACES_PHRASES, PLACES, &fold(answer))
    }
}

pub fn stock(answer: &str) -> Option<Stock> {
    const STOCK: &[(Stock, &[&str])] = &[
        (
            Stock::Empty,
            &["empty", "none", "nothing", "vacio", "vacia", "nada"],
        ),
        (
            Stock::Low,
            &[
                "low",
                "little",
                "almost empty",
                "poco",
                "bajo",
                "casi vacio",
            ],
        ),
        (
            Stock::Some,
            &["some", "half", "medium", "ok", "algo", "medio", "regular"],
        ),
        (
            Stock::Full,
            &[
                "full",
                "stocked",
                "well stocked",
                "lots",
                "lleno",
                "llena",
                "surtido",
                "mucho",
            ],
        ),
    ];
    {
        static STOCK_PHRASES: OnceLock<Phrases<Stock>> = OnceLock::new();
        lookup(&STOCK_PHRASES, STOCK, &fold(answer))
    }
}

pub fn condition(answer: &str) -> Option<Condition> {
    const CONDITION: &[(Condition, &[&str])] = &[
        (
            Condition::Good,
            &[
                "good", "ok", "clean", "working", "open", "fine", "bien", "bueno", "buena",
                "limpio", "funciona", "abierto",
            ],
        ),
        (
            Condition::Dirty,
            &["dirty", "needs cleaning", "sucio", "sucia"],
        ),
        (
            Condition::OutOfOrder,
            &[
                "out of order",
                "broken",
                "not working",
                "roto",
                "rota",
                "descompuesto",
                "fuera de servicio",
                "no funciona",
            ],
        ),
        (
            Condition::Gone,
            &[
                "gone",
                "removed",
                "closed",
                "closed permanently",
                "permanently closed",
                "cerrado",
                "cerrada",
                "ya no existe",
                "retirado",
            ],
        ),
    ];
    {
        static CONDITION_PHRASES: OnceLock<Phrases<Condition>> = OnceLock::new();
        lookup(&CONDITION_PHRASES, CONDITION, &fold(answer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkbox_answer_names_every_category_once_in_order() {
        let categories = Categories::of(&GroupConfig::default());
        assert_eq!(
            categories.all_in("Food, pet care, clothing/laundry"),
            ["food", "pets", "supplies"]
        );
        assert_eq!(categories.all_in("Comida; Transporte"), ["food", "rides"]);
        assert_eq!(categories.all_in("Pet food"), ["pets"]);
        assert_eq!(categories.all_in("Food/Rides"), ["food", "rides"]);
        // A part that names nothing: the whole is read as one answer.
        assert_eq!(categories.all_in("Rides/a unicorn"), ["rides"]);
        assert_eq!(categories.all_in("A unicorn"), Vec::<String>::new());
    }

    #[test]
    fn a_groups_own_labels_name_its_categories_and_areas() {
        let config = GroupConfig::from_json(
            r#"{"categories":["food",{"key":"school","label":{"en":"School supplies","es":"Útiles escolares"}}],
                "areas":[{"key":"old-market","label":{"es":"Mercado Viejo"}}]}"#,
        )
        .unwrap();
        let categories = Categories::of(&config);
        assert_eq!(categories.find("útiles escolares"), Some("school"));
        assert_eq!(categories.find("Rides"), None, "not one of this group's");
        assert!(!categories.has_other());
        let areas = Areas::of(&config);
        assert_eq!(areas.find("Mercado viejo"), "old-market");
        assert_eq!(areas.find("old market"), "old-market");
        assert_eq!(areas.find("Hillcrest"), "Hillcrest");
    }

    #[test]
    fn urgency_words_and_negations() {
        assert_eq!(urgency("Urgent (today)"), (Some(Urgency::Today), false));
        assert_eq!(urgency("Not urgent"), (Some(Urgency::Anytime), false));
        assert_eq!(urgency("Within 24-48 hours"), (Some(Urgency::Days), false));
        assert_eq!(urgency("Esta semana"), (Some(Urgency::Week), false));
        assert_eq!(urgency("Ongoing"), (None, true));
        assert_eq!(
            urgency("Urgent, ongoing need"),
            (Some(Urgency::Today), true)
        );
        assert_eq!(recurring("One-time"), Some(false));
        assert_eq!(recurring("una vez"), Some(false));
        assert_eq!(recurring("sí"), Some(true));
        // An answer that says neither is not read as "no": the row says so instead.
        assert_eq!(recurring("ask my sister"), None);
    }

    #[test]
    fn statuses_kinds_and_methods() {
        assert_eq!(status(""), Some(Status::Open));
        assert_eq!(status("Done ✅"), Some(Status::Fulfilled));
        assert_eq!(status("En proceso"), Some(Status::Matched));
        assert_eq!(
            status("cancelled"),
            Some(Status::Closed(CloseReason::Withdrawn))
        );
        assert_eq!(status("DONE!!"), Some(Status::Fulfilled));
        assert_eq!(status("ask Maria"), None);
        assert_eq!(kind("Ofrezco"), Some(PostKind::Offer));
        assert_eq!(kind("I need help"), Some(PostKind::Ask));
        assert_eq!(kind("Both?"), None);
        assert_eq!(contact_method("Text, WhatsApp"), Some(ContactMethod::Text));
        assert_eq!(contact_method("Llamada"), Some(ContactMethod::Call));
        assert_eq!(
            languages("English, Spanish and Tagalog"),
            ["en", "es", "tl"]
        );
        assert_eq!(languages("Español; Quechua"), ["es", "qu"]);
        // Each language once, however often it is named, and nothing for an empty piece.
        assert_eq!(
            languages("Spanish, español y Spanish; , English"),
            ["es", "en"]
        );
    }

    #[test]
    fn places_and_their_state() {
        assert_eq!(place("Community Fridge"), Some(ResourceKind::Fridge));
        assert_eq!(place("Banco de alimentos"), Some(ResourceKind::Pantry));
        assert_eq!(place("Cooling center"), Some(ResourceKind::CoolingCentre));
        assert_eq!(place("Library"), None);
        assert_eq!(stock("Well stocked"), Some(Stock::Full));
        assert_eq!(condition("Out of order"), Some(Condition::OutOfOrder));
        assert_eq!(condition("Closed permanently"), Some(Condition::Gone));
    }
}
