//! Posts as CSV for spreadsheets: one row a post, headers and enum values in the reader's
//! language (the caller supplies the words), RFC 4180 quoting, CRLF line ends, and a UTF-8 byte
//! order mark so spreadsheet apps read accents right. Cells that a spreadsheet would run as a
//! formula are defused. Like every export, the posts pass the redaction step first.

use crate::model::{Audience, Board, ContactMethod, Day, Post, PostKind, Status, Urgency};

/// The columns, in file order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Kind,
    Status,
    Title,
    Details,
    Category,
    Area,
    Urgency,
    Quantity,
    /// Needed by (an ask) or available until (an offer).
    Until,
    Recurring,
    Languages,
    Author,
    ContactMethod,
    ContactValue,
    /// The day the post was made.
    Posted,
}

impl Column {
    pub const ALL: [Column; 16] = [
        Column::Id,
        Column::Kind,
        Column::Status,
        Column::Title,
        Column::Details,
        Column::Category,
        Column::Area,
        Column::Urgency,
        Column::Quantity,
        Column::Until,
        Column::Recurring,
        Column::Languages,
        Column::Author,
        Column::ContactMethod,
        Column::ContactValue,
        Column::Posted,
    ];
}

/// The words of the file in the chosen language; the interface implements this from its
/// message catalogue.
pub trait CsvLabels {
    fn header(&self, column: Column) -> String;
    fn kind(&self, kind: PostKind) -> String;
    fn status(&self, status: Status) -> String;
    fn urgency(&self, urgency: Urgency) -> String;
    fn method(&self, method: ContactMethod) -> String;
    /// The word for a recurring post ("yes"); a one-off's cell stays empty.
    fn recurring(&self) -> String;
}

/// The byte order mark that tells spreadsheet apps the file is UTF-8.
pub(crate) const BOM: char = '\u{feff}';

/// The media type to save the file with.
pub const MEDIA_TYPE: &str = "text/csv;charset=utf-8";

/// A file name that sorts by date: `circle-posts-2026-11-27.csv`.
pub fn file_name(today: Day) -> String {
    format!("circle-posts-{today}.csv")
}

/// The live posts of `board`, redacted for `audience`, as a CSV document.
pub fn posts_csv(board: &Board, audience: Audience, labels: &impl CsvLabels) -> String {
    let mut csv = String::from(BOM);
    push_row(&mut csv, &Column::ALL.map(|column| labels.header(column)));
    for post in board.redacted(audience).posts() {
        push_row(
            &mut csv,
            &Column::ALL.map(|column| cell(post, column, labels)),
        );
    }
    csv
}

fn cell(post: &Post, column: Column, labels: &impl CsvLabels) -> String {
    let contact = post.contact.value.as_ref();
    match column {
        Column::Id => post.id.to_string(),
        Column::Kind => labels.kind(post.kind),
        Column::Status => labels.status(post.current_status()),
        Column::Title => post.title.value.clone(),
        Column::Details => post.details.value.clone(),
        Column::Category => post.category.value.clone(),
        Column::Area => post.area.value.clone(),
        Column::Urgency => labels.urgency(post.urgency.value),
        Column::Quantity => post
            .quantity
            .value
            .map(|n| n.to_string())
            .unwrap_or_default(),
        Column::Until => post
            .until
            .value
            .map(|day| day.to_string())
            .unwrap_or_default(),
        Column::Recurring if post.recurring.value => labels.recurring(),
        Column::Recurring => String::new(),
        Column::Languages => post.languages.value.join(", "),
        Column::Author => post.author.clone(),
        Column::ContactMethod => contact.map(|c| labels.method(c.method)).unwrap_or_default(),
        Column::ContactValue => contact.map(|c| c.value.clone()).unwrap_or_default(),
        Column::Posted => Day::from_ms(post.created.ms).to_string(),
    }
}

/// One record: the cells defused and quoted as needed, then CRLF. Every CSV Circle writes goes
/// through here.
pub(crate) fn push_row(csv: &mut String, cells: &[String]) {
    for (n, cell) in cells.iter().enumerate() {
        if n > 0 {
            csv.push(',');
        }
        push_cell(csv, cell);
    }
    csv.push_str("\r\n");
}

/// `-12` or `-149.55`: digits after the minus, and at most one point between digits.
fn is_negative_number(text: &str) -> bool {
    let Some(digits) = text.strip_prefix('-') else {
        return false;
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// One field, defused and quoted as needed.
fn push_cell(csv: &mut String, text: &str) {
    // A cell starting with one of these runs as a formula in spreadsheet apps (OWASP "CSV
    // injection"); a leading apostrophe makes it plain text. Tab and CR start formulas in some.
    // A negative number (a balance) is a number, not a formula, and must stay one.
    let defuse = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_negative_number(text);
    let quote = defuse || text.contains([',', '"', '\r', '\n']);
    if quote {
        csv.push('"');
    }
    if defuse {
        csv.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            csv.push('"');
        }
        csv.push(c);
    }
    if quote {
        csv.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Contact, DeviceId, PostDraft, RecordId, Stamp, Visibility, Visibility::Private,
    };

    struct English;

    impl CsvLabels for English {
        fn header(&self, column: Column) -> String {
            format!("{column:?}")
        }
        fn kind(&self, kind: PostKind) -> String {
            format!("{kind:?}")
        }
        fn status(&self, status: Status) -> String {
            format!("{status:?}")
        }
        fn urgency(&self, urgency: Urgency) -> String {
            format!("{urgency:?}")
        }
        fn method(&self, method: ContactMethod) -> String {
            format!("{method:?}")
        }
        fn recurring(&self) -> String {
            "yes".into()
        }
    }

    fn draft(title: &str, details: &str, visibility: Visibility) -> PostDraft {
        PostDraft {
            kind: PostKind::Offer,
            title: title.into(),
            category: "meals".into(),
            area: "Ribera".into(),
            contact: Some(Contact {
                method: ContactMethod::Call,
                value: "+34 600 000 000".into(),
                visibility,
            }),
            details: details.into(),
            urgency: Urgency::Week,
            quantity: Some(3),
            author: "Zoë".into(),
            languages: vec!["es".into(), "ca".into()],
            until: Day::from_ymd(2026, 12, 1),
            recurring: true,
            private_note: "Portal 2".into(),
        }
    }

    fn board(posts: &[PostDraft]) -> Board {
        let mut board = Board::default();
        for (n, draft) in posts.iter().enumerate() {
            let morning = Day::from_ymd(2026, 11, 27).unwrap().start_ms() + 9 * 3_600_000;
            let at = Stamp::new(morning, 0, DeviceId(1));
            board.add_post(Post::create(RecordId(n as u64 + 1), draft.clone(), at));
        }
        board
    }

    #[test]
    fn writes_a_bom_translated_headers_and_one_row_a_post() {
        let csv = posts_csv(
            &board(&[draft("Paella", "Para 6", Visibility::Public)]),
            Audience::Public,
            &English,
        );
        let expected = "\u{feff}Id,Kind,Status,Title,Details,Category,Area,Urgency,Quantity,\
            Until,Recurring,Languages,Author,ContactMethod,ContactValue,Posted\r\n\
            0000000000000001,Offer,Open,Paella,Para 6,meals,Ribera,Week,3,2026-12-01,yes,\
            \"es, ca\",Zoë,Call,\"'+34 600 000 000\",2026-11-27\r\n";
        assert_eq!(csv, expected);
    }

    #[test]
    fn a_one_off_posts_recurring_cell_stays_empty() {
        let mut one_off = draft("Paella", "Para 6", Visibility::Public);
        one_off.recurring = false;
        let csv = posts_csv(&board(&[one_off]), Audience::Public, &English);
        assert!(
            csv.contains(",3,2026-12-01,,\"es, ca\","),
            "no \"yes\" under Recurring: {csv}"
        );
    }

    #[test]
    fn quotes_separators_and_defuses_formulas() {
        let csv = posts_csv(
            &board(&[draft(
                "=HYPERLINK(\"http://x\")",
                "one, \"two\"\nthree",
                Private,
            )]),
            Audience::Public,
            &English,
        );
        assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",\"one, \"\"two\"\"\nthree\","));
        assert!(!csv.contains("600"), "the private contact is redacted");
        assert!(!csv.contains("Portal"), "private notes are never exported");
    }

    #[test]
    fn a_negative_number_stays_a_number_and_anything_more_is_defused() {
        for (cell, written) in [
            ("-149.55", "-149.55"),
            ("-12", "-12"),
            ("-1+2", "\"'-1+2\""),
            ("-", "\"'-\""),
            ("-.5", "\"'-.5\""),
            ("-5.", "\"'-5.\""),
            ("-2.5.1", "\"'-2.5.1\""),
        ] {
            let mut csv = String::new();
            push_row(&mut csv, &[cell.to_string()]);
            assert_eq!(csv, format!("{written}\r\n"), "{cell}");
        }
    }

    #[test]
    fn names_the_file_by_day() {
        let day = Day::from_ymd(2026, 11, 27).unwrap();
        assert_eq!(file_name(day), "circle-posts-2026-11-27.csv");
    }

    #[test]
    fn a_board_without_posts_is_just_the_headers() {
        let csv = posts_csv(&Board::default(), Audience::Full, &English);
        assert_eq!(csv.matches("\r\n").count(), 1);
    }
}
