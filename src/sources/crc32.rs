//! CRC-32 (IEEE 802.3, as in zip and PNG): the checksum that tells a damaged share link from a
//! good one. It catches every error burst up to 32 bits long, so one mistyped or flipped
//! character (6 bits) is always detected. The table is built at compile time.

const TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// The CRC-32 of the concatenation of `parts`, so a header and a body can be checked together
/// without copying them into one buffer.
pub fn crc32<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u32 {
    let mut crc = Crc32::new();
    for part in parts {
        crc.update(part);
    }
    crc.finish()
}

/// A CRC-32 computed a piece at a time. Copying it keeps the checksum of a prefix, so the
/// checksums of several texts that share a beginning cost one pass over it.
#[derive(Clone, Copy, Debug)]
pub struct Crc32(u32);

impl Default for Crc32 {
    fn default() -> Self {
        Self::new()
    }
}

impl Crc32 {
    pub const fn new() -> Self {
        Self(!0)
    }

    pub fn update(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = TABLE[((self.0 ^ u32::from(byte)) & 0xFF) as usize] ^ (self.0 >> 8);
        }
    }

    pub const fn finish(self) -> u32 {
        !self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_check_value() {
        assert_eq!(crc32([b"123456789".as_slice()]), 0xCBF4_3926);
        assert_eq!(crc32([b"".as_slice()]), 0);
        assert_eq!(crc32([b"1234".as_slice(), b"56789"]), 0xCBF4_3926);
        let mut crc = Crc32::new();
        crc.update(b"1234");
        let prefix = crc;
        crc.update(b"56789");
        assert_eq!(crc.finish(), 0xCBF4_3926);
        assert_eq!(prefix.finish(), crc32([b"1234".as_slice()]));
    }
}
