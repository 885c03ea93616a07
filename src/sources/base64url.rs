//! Base64url without padding (RFC 4648 §5): the alphabet that survives URLs, chat apps and
//! QR codes unescaped. Forty lines of our own instead of a crate, since every dependency ships
//! to a phone.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a text is not base64url.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the alphabet, at this byte offset.
    BadCharacter(usize),
    /// A length no encoder produces (one character past a group of four): the text was cut.
    BadLength,
    /// The unused low bits of the last character are set: an encoder never does that, so the
    /// text was altered. Rejecting it keeps a one-character change from going unnoticed.
    NonCanonical,
}

pub fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        // The bytes' bits do not overlap, so adding them places each; `|` would too, and so
        // would `^`, which no test could tell from it.
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc + (u32::from(b) << (16 - 8 * i)));
        // n bytes give n + 1 characters.
        for i in 0..=chunk.len() {
            text.push(char::from(ALPHABET[(group >> (18 - 6 * i) & 63) as usize]));
        }
    }
    text
}

pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let input = text.as_bytes();
    if input.len() % 4 == 1 {
        return Err(Base64Error::BadLength);
    }
    let mut bytes = Vec::with_capacity(input.len() / 4 * 3 + 2);
    for (index, chunk) in input.chunks(4).enumerate() {
        let mut group = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let value = sextet(c).ok_or(Base64Error::BadCharacter(index * 4 + i))?;
            group |= u32::from(value) << (18 - 6 * i);
        }
        // n characters carry n - 1 whole bytes; the rest of the bits must be zero.
        let whole = chunk.len() - 1;
        if group & (0xFF_FFFF >> (8 * whole)) != 0 {
            return Err(Base64Error::NonCanonical);
        }
        bytes.extend((0..whole).map(|i| (group >> (16 - 8 * i)) as u8));
    }
    Ok(bytes)
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_rfc_4648_vectors_without_padding() {
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(encode(plain.as_bytes()), encoded);
            assert_eq!(decode(encoded).as_deref(), Ok(plain.as_bytes()));
        }
    }

    #[test]
    fn uses_the_url_safe_alphabet() {
        assert_eq!(encode(&[0xFB, 0xFF]), "-_8");
        assert_eq!(decode("-_8"), Ok(vec![0xFB, 0xFF]));
    }

    #[test]
    fn rejects_what_no_encoder_writes() {
        assert_eq!(decode("Zm9v+"), Err(Base64Error::BadLength));
        assert_eq!(decode("Zm=v"), Err(Base64Error::BadCharacter(2)));
        assert_eq!(decode("Zm9vYmF/"), Err(Base64Error::BadCharacter(7)));
        // "Zh" decodes to the same byte as "Zg" if the spare bits were ignored.
        assert_eq!(decode("Zh"), Err(Base64Error::NonCanonical));
    }

    #[test]
    fn every_byte_string_up_to_three_long_round_trips() {
        for len in 0..=3usize {
            for n in 0..(1u32 << (8 * len)).min(1 << 20) {
                let bytes: Vec<u8> = (0..len).map(|i| (n >> (8 * i)) as u8).collect();
                assert_eq!(decode(&encode(&bytes)), Ok(bytes));
            }
        }
    }
}
