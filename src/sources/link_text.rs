//! Finding a share link in text a person pasted. Links rarely arrive alone: a chat app forwards
//! them inside a message ("Can anyone help? https://…/#c1.pp.… Thanks!"), a sentence ends
//! right after one ("…#c1.pp.….", "(…#c1.pp.…)"), a preview cuts one with "…", and a mail app
//! breaks a long one over lines. Here a link's characters are found; `link_frame` then decides,
//! by the checksum, how much of what follows belongs to it.
//!
//! A link is `c<version>.`, a two-letter tag, `.` and a base64url body. Its start is `#c1.` in
//! a URL, or `c1.` standing alone (a fragment typed from print). The body ends at the first
//! character base64url never uses (punctuation, an ellipsis, a bracket). Whitespace may be a
//! line break inside the link or the gap before the next word of the message: both readings
//! are kept, as the places where the link may end.

/// The most links looked at in one text: far more than any message holds.
const MAX_LINKS: usize = 32;

/// The most digits a version number may have (as `link_frame` reads it).
const MAX_VERSION_DIGITS: usize = 10;

/// The characters of one link found in a text, without the whitespace inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The link from its `c` on.
    pub text: String,
    /// Where in `text` the link may end, shortest first: after each run of link characters
    /// that whitespace followed. The last one is `text.len()`.
    pub ends: Vec<usize>,
}

impl Found {
    /// The link up to the first whitespace: what it is when nothing after a gap belongs to it.
    pub fn first_run(&self) -> &str {
        &self.text[..self.ends[0]]
    }
}

/// The Circle links in `text`: those in a URL (after `#`) first, then bare ones, each in the
/// order they appear. Empty when there is nothing that starts like a link.
pub fn find(text: &str) -> Vec<Found> {
    let (mut in_urls, mut bare) = (Vec::new(), Vec::new());
    for (at, _) in text.match_indices('c') {
        if in_urls.len() + bare.len() >= MAX_LINKS {
            break;
        }
        let Some(version_len) = version_prefix(&text[at..]) else {
            continue;
        };
        match text[..at].chars().next_back() {
            Some('#') => in_urls.push(read(&text[at..], version_len)),
            Some(before) if before.is_alphanumeric() || before == '_' || before == '-' => {}
            _ => bare.push(read(&text[at..], version_len)),
        }
    }
    in_urls.extend(bare);
    in_urls
}

/// The length of `c<digits>.` at the start of `text`, if it starts so. No more than
/// `MAX_VERSION_DIGITS` digits are read: after more, what follows them is a digit, not the dot.
fn version_prefix(text: &str) -> Option<usize> {
    let after_c = text.strip_prefix('c')?;
    let digits = after_c
        .bytes()
        .take(MAX_VERSION_DIGITS)
        .take_while(u8::is_ascii_digit)
        .count();
    let rest = after_c[digits..].strip_prefix('.')?;
    (digits > 0).then_some(text.len() - rest.len())
}

/// Reads the link that starts `text`, whose version prefix is `version_len` bytes long.
fn read(text: &str, version_len: usize) -> Found {
    let mut link = text[..version_len].to_string();
    let mut rest = &text[version_len..];
    match broken_tag(rest) {
        Some((tag, read)) => {
            link.push_str(&tag);
            link.push('.');
            rest = &rest[read..];
        }
        None => {
            // A tag cut short, or something else: what there is, for `link_frame` to judge.
            let tag_len = run_len(rest).min(2);
            link.push_str(&rest[..tag_len]);
            return Found {
                ends: vec![link.len()],
                text: link,
            };
        }
    }
    let run = run_len(rest);
    link.push_str(&rest[..run]);
    rest = &rest[run..];
    let mut ends = vec![link.len()];
    // Whitespace, then more of the link's characters: the link may go on after the gap. Each
    // turn starts at whitespace, so it always moves on.
    while let Some(after_gap) = rest.strip_prefix(char::is_whitespace).map(str::trim_start) {
        let run = run_len(after_gap);
        if run == 0 {
            break;
        }
        link.push_str(&after_gap[..run]);
        rest = &after_gap[run..];
        ends.push(link.len());
    }
    Found { text: link, ends }
}

/// The two-letter tag and its dot at the start of `text`, and how many bytes they take: a mail
/// app wraps a long link anywhere, even right after `c1.`, so whitespace may come between them.
/// Only a whole tag and dot count, so the words after a "c1." in a sentence are not taken for
/// one.
fn broken_tag(text: &str) -> Option<(String, usize)> {
    let mut read = text.char_indices().filter(|(_, c)| !c.is_whitespace());
    let (_, first) = read.next()?;
    let (_, second) = read.next()?;
    let (dot, '.') = read.next()? else {
        return None;
    };
    let tag = String::from_iter([first, second]);
    (run_len(&tag) == 2).then_some((tag, dot + 1))
}

/// How many bytes at the start of `text` are base64url characters.
fn run_len(text: &str) -> usize {
    text.bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, ends: &[usize]) -> Found {
        Found {
            text: text.into(),
            ends: ends.to_vec(),
        }
    }

    #[test]
    fn a_link_ends_where_its_characters_do() {
        assert_eq!(find("c1.pp.AbC-_9"), [found("c1.pp.AbC-_9", &[12])]);
        for after in [
            ".", ",", ")", "…", "!", "?", "\"", ">", "#", "...", ").", "。",
        ] {
            let text = format!("(see https://x.org/circle/#c1.pp.AbC{after}");
            assert_eq!(find(&text), [found("c1.pp.AbC", &[9])], "{after}");
        }
    }

    #[test]
    fn whitespace_may_be_inside_a_link_or_after_it() {
        assert_eq!(
            find("https://x.org/#c1.pp.AbC\r\n  dEf\nThanks so, much"),
            [found("c1.pp.AbCdEfThanksso", &[9, 12, 18, 20])]
        );
        assert_eq!(find("c1.pp.\nAbC"), [found("c1.pp.AbC", &[6, 9])]);
        // Wrapped right after the version, or inside the tag.
        assert_eq!(
            find("https://x.org/#c1.\npp.AbC"),
            [found("c1.pp.AbC", &[9])]
        );
        assert_eq!(find("#c1.p\r\n p.AbC d"), [found("c1.pp.AbCd", &[9, 10])]);
        assert_eq!(find("c1.pp.AbC \n"), [found("c1.pp.AbC", &[9])]);
        assert_eq!(find("c1.pp.AbC \n!"), [found("c1.pp.AbC", &[9])]);
        assert_eq!(
            find("c1.pp.AbC\u{a0}dEf"),
            [found("c1.pp.AbCdEf", &[9, 12])]
        );
    }

    #[test]
    fn a_tag_holds_only_link_characters() {
        // "p!" is no tag: what there is goes to `link_frame`, which names the link as cut.
        assert_eq!(find("#c1.p!.AbC"), [found("c1.p", &[4])]);
        assert_eq!(find("#c1.!p.AbC"), [found("c1.", &[3])]);
    }

    #[test]
    fn links_in_urls_come_first() {
        let text = "Room c1. is full; c1.pb.Bare and https://x.org/#c1.pp.Url, then #c1.pg.Two";
        let texts: Vec<String> = find(text).into_iter().map(|link| link.text).collect();
        // A bare link runs on over the words after it: the checksum tells where it ends.
        assert_eq!(
            texts,
            ["c1.pp.Url", "c1.pg.Two", "c1.", "c1.pb.Bareandhttps"]
        );
    }

    #[test]
    fn only_a_whole_version_prefix_starts_a_link() {
        assert_eq!(
            find("cat c1 abc1.5 kg, 2c1.pp.X, c.pp.X, c12345678901.pp.X"),
            []
        );
        // The longest version number `link_frame` reads has ten digits.
        assert_eq!(
            find("Look: c4294967295.pp.A"),
            [found("c4294967295.pp.A", &[16])]
        );
        assert_eq!(find("c1.p"), [found("c1.p", &[4])]);
        assert_eq!(find("c1.pp"), [found("c1.pp", &[5])]);
        assert_eq!(find("c7.pp.AAAA"), [found("c7.pp.AAAA", &[10])]);
        assert_eq!(find("ñc1.pp.A"), []);
        assert_eq!(find("¿c1.pp.A?"), [found("c1.pp.A", &[7])]);
    }

    #[test]
    fn a_text_full_of_starts_is_read_only_so_far() {
        let text = "c1.pp.A ".repeat(10_000);
        assert_eq!(find(&text).len(), MAX_LINKS);
    }
}
