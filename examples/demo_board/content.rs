//! What the demo board says: an invented neighbourhood ("Riverside") with invented people,
//! posting in English and Spanish across every default category. The group itself is named in
//! `public/config.json`.

use circle::model::{ContactMethod, PostKind, Urgency, Visibility};

/// One demo post: what a neighbour would type into the form.
pub struct DemoPost {
    pub kind: PostKind,
    pub category: &'static str,
    pub area: &'static str,
    pub urgency: Urgency,
    pub language: &'static str,
    pub author: &'static str,
    pub title: &'static str,
    pub details: &'static str,
    pub quantity: Option<u32>,
    pub contact: Option<(ContactMethod, &'static str, Visibility)>,
    /// Days before "today" it was posted.
    pub age_days: u32,
}

use ContactMethod::*;
use PostKind::*;
use Urgency::*;
use Visibility::*;

macro_rules! post {
    ($kind:expr, $cat:literal, $area:literal, $urg:expr, $lang:literal, $who:literal, $title:literal, $details:literal, $qty:expr, $contact:expr, $age:literal) => {
        DemoPost {
            kind: $kind,
            category: $cat,
            area: $area,
            urgency: $urg,
            language: $lang,
            author: $who,
            title: $title,
            details: $details,
            quantity: $qty,
            contact: $contact,
            age_days: $age,
        }
    };
}

pub const POSTS: &[DemoPost] = &[
    post!(Ask, "food", "Riverside North", Today, "en", "Maria K.", "Groceries for a family of four this week", "Lost shifts at work. Rice, beans, vegetables and milk for two kids. I can pick up.", None, Some((Text, "+1 555 010 0141", Public)), 0),
    post!(Offer, "food", "Riverside South", Anytime, "es", "Don Julio", "Verduras de mi huerto", "Tengo calabacín, tomates y acelgas cada sábado. Paso a dejarlas a quien las necesite.", None, Some((Call, "+1 555 010 0178", Public)), 3),
    post!(Ask, "meals", "Hillcrest", Days, "en", "Sam", "Hot meals after knee surgery", "Recovering for about ten days and can't stand at the stove. No pork, please.", Some(10), Some((Signal, "+1 555 010 0102", Private)), 1),
    post!(Offer, "meals", "Old Market", Week, "es", "Lupe", "Cocino sopa los domingos", "Hago una olla grande de sopa de pollo o de lentejas. Hasta seis raciones.", Some(6), Some((WhatsApp, "+1 555 010 0150", Public)), 2),
    post!(Ask, "rides", "Station Road", Days, "en", "Ahmed", "Ride to dialysis on Tuesday at 7am", "To the St. Luke's clinic and back, about twenty minutes each way. Recurring every Tuesday.", None, Some((Call, "+1 555 010 0133", Private)), 1),
    post!(Offer, "rides", "Riverside North", Anytime, "en", "Priya", "Weekday rides, car with a child seat", "I drive most weekdays 10 to 3. Happy to take people to appointments or the pantry.", None, Some((Text, "+1 555 010 0119", Public)), 6),
    post!(Ask, "childcare", "Riverside South", Days, "es", "Rosa M.", "Cuidado de niños el jueves por la tarde", "Tengo una entrevista de trabajo. Dos niños de 4 y 7 años, de 3 a 6 de la tarde.", Some(2), Some((WhatsApp, "+1 555 010 0187", Private)), 0),
    post!(Offer, "childcare", "Hillcrest", Week, "en", "Jordan", "Babysitting on weekday evenings, CPR trained", "College student, free Monday and Wednesday evenings. I can help with homework too.", None, Some((Email, "jordan@example.org", Public)), 4),
    post!(Ask, "elder-care", "Old Market", Today, "en", "Lin (neighbour)", "Someone to check on Mrs. Chen in the heat", "She is 84, lives alone and has no air conditioning. A visit or call each afternoon.", None, Some((Call, "+1 555 010 0164", Public)), 0),
    post!(Offer, "elder-care", "Station Road", Anytime, "es", "Carmen", "Acompaño a personas mayores", "Puedo leer, conversar y hacer mandados. Hablo español y portugués.", None, Some((Call, "+1 555 010 0125", Public)), 9),
    post!(Ask, "health", "Riverside North", Week, "en", "Dee", "Help picking up prescriptions", "From the pharmacy on Main Street. I can't stand in line for long.", None, Some((Text, "+1 555 010 0171", Private)), 2),
    post!(Offer, "health", "Riverside South", Anytime, "en", "Ana (retired nurse)", "Blood pressure checks at the Saturday pantry", "Free checks from 10 to 12 at the pantry. No records kept.", None, None, 12),
    post!(Ask, "harm-reduction", "Old Market", Days, "en", "A tenant on 4th", "Naloxone kits for our building", "Two overdoses on our floor last month. Four or five kits and a short how-to would help.", Some(5), Some((Signal, "+1 555 010 0112", Private)), 1),
    post!(Offer, "harm-reduction", "Station Road", Anytime, "es", "Colectivo Calle", "Kits de naloxona y capacitación", "Entregamos kits gratis y enseñamos a usarlos en quince minutos.", None, Some((WhatsApp, "+1 555 010 0190", Public)), 14),
    post!(Ask, "housing", "Hillcrest", Week, "en", "T. Brooks", "Short on rent by $180", "My hours were cut. Everything else is covered this month.", None, Some((Email, "tbrooks@example.org", Private)), 3),
    post!(Offer, "housing", "Riverside North", Anytime, "en", "Gabe", "Spare room for a week in an emergency", "Quiet single room, no pets. For someone between places.", None, Some((Text, "+1 555 010 0158", Private)), 8),
    post!(Ask, "cash", "Riverside South", Today, "es", "Familia Ortiz", "Ayuda con la factura de luz", "Nos cortan la luz el viernes. Debemos 95 dólares.", None, Some((WhatsApp, "+1 555 010 0146", Public)), 0),
    post!(Offer, "cash", "Old Market", Anytime, "en", "Riverside Fund", "Small grants for urgent bills", "The group fund can cover up to $100 for an urgent bill. Ask a coordinator.", None, None, 20),
    post!(Ask, "supplies", "Station Road", Today, "en", "Kay", "A box fan or cooling towels", "My top-floor flat reaches 34°C in the afternoon. Anything helps.", Some(1), Some((Text, "+1 555 010 0137", Public)), 0),
    post!(Offer, "supplies", "Hillcrest", Anytime, "es", "Tienda Gratis", "Ropa de invierno para niños", "Abrigos, botas y gorros, tallas 2 a 12. Limpios y en buen estado.", None, None, 5),
    post!(Ask, "supplies", "Riverside North", Week, "en", "Mo", "Diapers size 4 and wipes", "Two packs would get us to the end of the month.", Some(2), Some((Text, "+1 555 010 0183", Public)), 2),
    post!(Ask, "check-ins", "Old Market", Week, "en", "Phil", "A weekly phone call", "Since my wife passed the days are long. A chat on Sunday would be nice.", None, Some((Call, "+1 555 010 0129", Private)), 6),
    post!(Offer, "check-ins", "Riverside South", Anytime, "es", "Irene", "Llamadas de compañía", "Llamo a quien quiera conversar un rato, en español o en inglés.", None, Some((Call, "+1 555 010 0161", Public)), 10),
    post!(Ask, "paperwork", "Station Road", Days, "es", "Yusuf", "Ayuda con un formulario de vivienda", "El formulario está en inglés; busco a alguien que traduzca al árabe o al español.", None, Some((WhatsApp, "+1 555 010 0105", Private)), 1),
    post!(Offer, "paperwork", "Riverside North", Anytime, "en", "Lena", "Help with benefit forms", "I worked at the benefits office for twelve years. Tuesday evenings at the library.", None, Some((Email, "lena@example.org", Public)), 15),
    post!(Ask, "tech", "Hillcrest", Week, "en", "Grandpa Joe", "Set up video calls on my tablet", "I want to see my grandkids. The tablet is an old Samsung.", None, Some((Call, "+1 555 010 0144", Public)), 4),
    post!(Offer, "tech", "Old Market", Anytime, "es", "Diego", "Arreglo teléfonos y computadoras", "Cambio pantallas, instalo aplicaciones y recupero fotos. Gratis, solo las piezas.", None, Some((Text, "+1 555 010 0196", Public)), 7),
    post!(Ask, "pets", "Riverside South", Days, "en", "Bea", "Dog walking while I'm in hospital", "Three days, a friendly old labrador. Keys with my neighbour.", None, Some((Text, "+1 555 010 0117", Private)), 1),
    post!(Offer, "pets", "Station Road", Anytime, "en", "Wen", "Cat food to share", "Two big bags of dry food my cat refuses to eat.", Some(2), None, 3),
    post!(Ask, "errands", "Riverside North", Today, "es", "Doña Teresa", "Que alguien me traiga pan y leche", "No puedo salir con este calor. Pago lo que cueste.", None, Some((Call, "+1 555 010 0122", Public)), 0),
    post!(Offer, "errands", "Hillcrest", Week, "en", "Chris", "Grocery runs on my way home", "I pass the discount market every Thursday. Text me your list.", None, Some((Text, "+1 555 010 0170", Public)), 2),
    post!(Ask, "other", "Old Market", Anytime, "en", "Riverside Garden", "Volunteers to build raised beds", "Saturday morning, tools provided. A food garden for everyone.", Some(6), None, 5),
    post!(Offer, "other", "Riverside South", Anytime, "es", "Marta", "Corto el pelo gratis", "Soy peluquera. Los domingos en mi casa, con cita.", None, Some((WhatsApp, "+1 555 010 0108", Public)), 9),
    post!(Ask, "food", "Station Road", Days, "es", "Comedor San José", "Huevos y leche para el comedor del viernes", "Servimos a unas 60 personas. Cualquier cantidad ayuda.", Some(60), Some((Call, "+1 555 010 0199", Public)), 2),
];
