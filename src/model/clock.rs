//! Revision stamps: a hybrid logical clock (wall time, counter, device id) that orders every
//! edit the same way on every device, so two copies of a board always resolve alike.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A device's random identity. There are no accounts; this only breaks ties between edits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeviceId(pub u64);

/// When and where an edit happened. Ordered by wall time, then counter, then device, so the
/// order is total: two different edits never compare equal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    pub ms: u64,
    pub count: u32,
    pub device: DeviceId,
}

impl Stamp {
    pub const fn new(ms: u64, count: u32, device: DeviceId) -> Self {
        Self { ms, count, device }
    }
}

/// Hands out stamps for one device: always later than anything it has made or seen, even when
/// the phone's clock jumps backwards.
#[derive(Clone, Debug)]
pub struct Clock {
    device: DeviceId,
    last: Stamp,
}

impl Clock {
    pub fn new(device: DeviceId) -> Self {
        Self {
            device,
            last: Stamp::new(0, 0, device),
        }
    }

    pub fn device(&self) -> DeviceId {
        self.device
    }

    /// A fresh stamp for a local edit made at wall time `now_ms`.
    pub fn tick(&mut self, now_ms: u64) -> Stamp {
        self.last = if now_ms > self.last.ms {
            Stamp::new(now_ms, 0, self.device)
        } else {
            Stamp::new(self.last.ms, self.last.count.saturating_add(1), self.device)
        };
        self.last
    }

    /// Takes note of a stamp from another copy, so later local edits order after it.
    pub fn observe(&mut self, seen: Stamp) {
        // `last` always carries this device, so the larger stamp is the later (time, counter).
        self.last = self.last.max(Stamp::new(seen.ms, seen.count, self.device));
    }

    /// A clock that goes on from `last`, the newest stamp it had handed out or seen when it
    /// was saved: the device's clock survives a reload, so an edit made after one still
    /// orders after everything this device saw before it.
    pub fn resume(device: DeviceId, last: Stamp) -> Self {
        let mut clock = Self::new(device);
        clock.observe(last);
        clock
    }

    /// The newest stamp this clock has handed out or seen: what to save.
    pub fn last(&self) -> Stamp {
        self.last
    }
}

// Stamps are written as `ms.count.device` in hex: they appear on every field of every record,
// so a compact string keeps a 10,000-post board inside browser storage.
impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:x}.{:x}.{:x}", self.ms, self.count, self.device.0)
    }
}

/// Why a text is not a stamp. Snapshots hold one stamp per field, so the reader is one pass
/// over the bytes and the error carries no text until it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StampError {
    /// A part is empty, has a character that is not a hex digit, or is over 16 digits.
    BadPart(StampPart),
    /// The counter does not fit 32 bits.
    CounterTooLarge,
    /// Not exactly three parts.
    PartCount,
}

/// The three parts of a stamp's text, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StampPart {
    Time,
    Counter,
    Device,
}

impl fmt::Display for StampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadPart(part) => write!(f, "stamp has no valid {part:?} part"),
            Self::CounterTooLarge => f.write_str("stamp counter is too large"),
            Self::PartCount => f.write_str("stamp does not have three parts"),
        }
    }
}

impl std::error::Error for StampError {}

impl std::str::FromStr for Stamp {
    type Err = StampError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        const PARTS: [StampPart; 3] = [StampPart::Time, StampPart::Counter, StampPart::Device];
        let mut values = [0u64; 3];
        let (mut part, mut digits) = (0, 0);
        for &byte in text.as_bytes() {
            let digit = match byte {
                b'.' if digits > 0 && part < 2 => {
                    part += 1;
                    digits = 0;
                    continue;
                }
                b'.' if digits > 0 => return Err(StampError::PartCount),
                b'0'..=b'9' if digits < 16 => byte - b'0',
                b'a'..=b'f' if digits < 16 => byte - b'a' + 10,
                b'A'..=b'F' if digits < 16 => byte - b'A' + 10,
                _ => return Err(StampError::BadPart(PARTS[part])),
            };
            // `+`, not `|`: the two agree here (the shift leaves the low four bits empty), and
            // an operator that a mutation can change into its equal would hide a missing test.
            values[part] = (values[part] << 4) + u64::from(digit);
            digits += 1;
        }
        if digits == 0 {
            return Err(StampError::BadPart(PARTS[part]));
        }
        if part < 2 {
            return Err(StampError::PartCount);
        }
        let count = u32::try_from(values[1]).map_err(|_| StampError::CounterTooLarge)?;
        Ok(Self::new(values[0], count, DeviceId(values[2])))
    }
}

/// The longest stamp text: two 16-digit and one 8-digit hex numbers and two dots.
const STAMP_TEXT_MAX: usize = 16 + 1 + 8 + 1 + 16;

/// Appends `n` in lower-case hex without leading zeros.
fn push_hex(n: u64, out: &mut [u8; STAMP_TEXT_MAX], len: &mut usize) {
    let digits = (64 - n.leading_zeros()).div_ceil(4).max(1) as usize;
    for i in 0..digits {
        let nibble = (n >> (4 * (digits - 1 - i))) & 0xf;
        out[*len + i] = b"0123456789abcdef"[nibble as usize];
    }
    *len += digits;
}

// Every field of every record carries a stamp, so snapshots write and read them without the
// formatting machinery or a temporary string.
impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; STAMP_TEXT_MAX];
        let mut len = 0;
        push_hex(self.ms, &mut buf, &mut len);
        buf[len] = b'.';
        len += 1;
        push_hex(u64::from(self.count), &mut buf, &mut len);
        buf[len] = b'.';
        len += 1;
        push_hex(self.device.0, &mut buf, &mut len);
        // Only ASCII hex digits and dots were written.
        serializer.serialize_str(std::str::from_utf8(&buf[..len]).unwrap_or_default())
    }
}

struct StampVisitor;

impl Visitor<'_> for StampVisitor {
    type Value = Stamp;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a stamp such as \"19ac4538800.0.9f3a71c20b5ed481\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Stamp, E> {
        text.parse().map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(StampVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_stay_ordered_when_the_wall_clock_goes_back() {
        let mut clock = Clock::new(DeviceId(7));
        let first = clock.tick(1_000);
        let second = clock.tick(900);
        let third = clock.tick(1_000);
        assert!(first < second && second < third);
    }

    #[test]
    fn ticks_carry_the_wall_time_when_it_moves_forward() {
        let mut clock = Clock::new(DeviceId(7));
        assert_eq!(clock.device(), DeviceId(7));
        assert_eq!(clock.tick(1_000), Stamp::new(1_000, 0, DeviceId(7)));
        assert_eq!(clock.tick(2_000), Stamp::new(2_000, 0, DeviceId(7)));
        assert_eq!(clock.tick(1_500), Stamp::new(2_000, 1, DeviceId(7)));
        assert_eq!(clock.tick(2_000), Stamp::new(2_000, 2, DeviceId(7)));
        assert_eq!(clock.last(), Stamp::new(2_000, 2, DeviceId(7)));
    }

    #[test]
    fn observing_an_older_or_equal_stamp_changes_nothing() {
        let mut clock = Clock::new(DeviceId(1));
        clock.tick(5_000);
        clock.observe(Stamp::new(4_000, 9, DeviceId(2)));
        clock.observe(Stamp::new(5_000, 0, DeviceId(2)));
        assert_eq!(clock.last(), Stamp::new(5_000, 0, DeviceId(1)));
        clock.observe(Stamp::new(5_000, 1, DeviceId(0)));
        assert_eq!(clock.last(), Stamp::new(5_000, 1, DeviceId(1)));
    }

    #[test]
    fn observing_a_later_stamp_moves_the_clock_past_it() {
        let mut clock = Clock::new(DeviceId(1));
        clock.observe(Stamp::new(5_000, 3, DeviceId(2)));
        let mine = clock.tick(10);
        assert!(mine > Stamp::new(5_000, 3, DeviceId(2)));
        assert_eq!(mine.device, DeviceId(1));
    }

    #[test]
    fn a_resumed_clock_orders_after_what_it_saw() {
        let mut clock = Clock::new(DeviceId(1));
        clock.observe(Stamp::new(9_000, 2, DeviceId(2)));
        let saved = clock.last();
        let mut resumed = Clock::resume(DeviceId(1), saved);
        let next = resumed.tick(100);
        assert!(next > Stamp::new(9_000, 2, DeviceId(2)));
        assert_eq!(next.device, DeviceId(1));
    }

    #[test]
    fn the_largest_stamp_serializes_and_reads_back() {
        let largest = Stamp::new(u64::MAX, u32::MAX, DeviceId(u64::MAX));
        let json = serde_json::to_string(&largest).unwrap();
        assert_eq!(json.len(), STAMP_TEXT_MAX + 2);
        assert_eq!(serde_json::from_str::<Stamp>(&json).unwrap(), largest);
    }

    #[test]
    fn stamps_round_trip_through_text() {
        let stamp = Stamp::new(1_732_000_000_000, 12, DeviceId(u64::MAX));
        assert_eq!(stamp.to_string().parse::<Stamp>(), Ok(stamp));
        let bad = |text: &str| text.parse::<Stamp>().unwrap_err();
        assert_eq!(bad("12.zz.1"), StampError::BadPart(StampPart::Counter));
        assert_eq!(bad("1.2.3.4"), StampError::PartCount);
        assert_eq!(bad("1.2"), StampError::PartCount);
        assert_eq!(bad("1..3"), StampError::BadPart(StampPart::Counter));
        assert_eq!(bad("1.2."), StampError::BadPart(StampPart::Device));
        assert_eq!(bad(""), StampError::BadPart(StampPart::Time));
        assert_eq!(bad("1.100000000.3"), StampError::CounterTooLarge);
        assert_eq!(
            bad("10000000000000000.0.1"),
            StampError::BadPart(StampPart::Time)
        );
        assert_eq!(
            bad("1.0.10000000000000000"),
            StampError::BadPart(StampPart::Device)
        );
        // Seventeen digits overflow whichever kind of digit comes last.
        assert_eq!(
            bad("1000000000000000a.0.1"),
            StampError::BadPart(StampPart::Time)
        );
        assert_eq!(
            bad("1000000000000000A.0.1"),
            StampError::BadPart(StampPart::Time)
        );
        assert_eq!(bad("1.2").to_string(), "stamp does not have three parts");
        assert_eq!(bad("1.zz.3").to_string(), "stamp has no valid Counter part");
        assert_eq!(
            bad("1.100000000.3").to_string(),
            "stamp counter is too large"
        );
        assert_eq!(
            "FF.0.A".parse::<Stamp>(),
            Ok(Stamp::new(255, 0, DeviceId(10)))
        );
    }

    #[test]
    fn stamps_serialize_as_their_text() {
        for stamp in [
            Stamp::new(0, 0, DeviceId(0)),
            Stamp::new(1_732_000_000_000, 12, DeviceId(u64::MAX)),
            Stamp::new(u64::MAX, u32::MAX, DeviceId(0x10)),
        ] {
            let json = serde_json::to_string(&stamp).unwrap();
            assert_eq!(json, format!("\"{stamp}\""));
            assert_eq!(serde_json::from_str::<Stamp>(&json).unwrap(), stamp);
        }
        assert!(serde_json::from_str::<Stamp>("\"1.2\"").is_err());
        // A file with a number where a stamp belongs says what was expected there.
        let wrong_type = serde_json::from_str::<Stamp>("12").unwrap_err();
        assert!(
            wrong_type.to_string().contains("a stamp such as"),
            "{wrong_type}"
        );
    }
}
