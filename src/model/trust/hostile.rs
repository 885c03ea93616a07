//! Inputs where Ed25519 implementations are known to differ, for the tests of the checks that
//! may only say yes where ed25519-compact does ([`super::fast_check`], [`super::batch`]).

use super::{AuthorKey, Signer};

/// ed25519-compact's own verdict: the judge.
pub fn compact(key: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
    ed25519_compact::PublicKey::new(*key)
        .verify(message, &ed25519_compact::Signature::new(*signature))
        .is_ok()
}

/// The group's order ℓ, little-endian.
pub const ORDER: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// `s + ℓ`: the same scalar, not reduced. A malleated copy of a good signature.
pub fn plus_order(s: &[u8]) -> [u8; 32] {
    let mut sum = [0u8; 32];
    let mut carry = 0u16;
    for (n, byte) in sum.iter_mut().enumerate() {
        let total = u16::from(s[n]) + u16::from(ORDER[n]) + carry;
        *byte = total as u8;
        carry = total >> 8;
    }
    sum
}

/// Encodings of points of small order (the identity, the point of order two, those of
/// orders four and eight), some of them above the field's prime or with the sign of a zero
/// `x`: the inputs where Ed25519 implementations are known to differ.
pub fn odd_points() -> Vec<[u8; 32]> {
    let hex = [
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        "0100000000000000000000000000000000000000000000000000000000000080",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    ];
    hex.iter()
        .map(|text| text.parse::<AuthorKey>().expect("a point in hex").0)
        .collect()
}

pub fn signed(seed: [u8; 32], message: &[u8]) -> ([u8; 32], [u8; 64]) {
    let signer = Signer::from_seed(seed);
    (signer.key().0, signer.sign(message).0)
}

/// One signature of [`odd_signatures`]: whether it is the one honest signature among them.
pub struct Odd {
    pub key: [u8; 32],
    pub signature: [u8; 64],
    pub honest: bool,
}

/// Every key and `R` of [`odd_points`] and a good signature's, with `s` zero, one or the good
/// signature's, over `message` (14 × 14 × 3 in all). With `A` and `R` both of small order and
/// `s` zero, a lax check accepts any message.
pub fn odd_signatures(message: &[u8]) -> Vec<Odd> {
    let (good_key, good_signature) = signed([9; 32], message);
    let good_r: [u8; 32] = good_signature[..32].try_into().unwrap_or([0; 32]);
    let good_s: [u8; 32] = good_signature[32..].try_into().unwrap_or([0; 32]);
    let mut keys = odd_points();
    keys.push(good_key);
    let mut rs = odd_points();
    rs.push(good_r);
    let mut one = [0u8; 32];
    one[0] = 1;
    let mut odd = Vec::new();
    for key in &keys {
        for r in &rs {
            for s in [[0u8; 32], one, good_s] {
                let mut signature = [0u8; 64];
                signature[..32].copy_from_slice(r);
                signature[32..].copy_from_slice(&s);
                odd.push(Odd {
                    key: *key,
                    signature,
                    honest: *key == good_key && *r == good_r && s == good_s,
                });
            }
        }
    }
    odd
}
