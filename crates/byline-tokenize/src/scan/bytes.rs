//! Byte classes and word-at-a-time (SWAR) helpers for the scanner.

pub(super) const WS: u8 = 0;
pub(super) const LO: u8 = 1;
pub(super) const UP: u8 = 2;
pub(super) const DI: u8 = 3;
pub(super) const PU: u8 = 4;
pub(super) const NA: u8 = 5;

pub(super) static ALPHA: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphabetic();
        i += 1;
    }
    t
};

pub(super) static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

pub(super) static CLASS: [u8; 256] = {
    let mut t = [PU; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c >= 0x80 {
            NA
        } else if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' || c == 0x0b || c == 0x0c {
            WS
        } else if c.is_ascii_lowercase() {
            LO
        } else if c.is_ascii_uppercase() {
            UP
        } else if c.is_ascii_digit() {
            DI
        } else {
            PU
        };
        i += 1;
    }
    t
};

#[inline]
pub(super) fn is_word_char(c: char) -> bool {
    // Quotes, dashes and the ellipsis (General Punctuation) are frequent in news and never
    // word chars: answered before the slower Unicode tables.
    if ('\u{2010}'..='\u{205E}').contains(&c) {
        return false;
    }
    if c.is_alphanumeric() {
        return true;
    }
    let u = c as u32;
    matches!(u,
        0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5C7 | 0x610..=0x61A | 0x64B..=0x65F | 0x670
        | 0x6D6..=0x6ED | 0x900..=0x963 | 0x966..=0xDFF | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0xAD)
}

#[inline]
pub(super) fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0x20E3)
}

/// Offset of the first `@` at or after `from` (`usize::MAX / 2` if none).
pub(super) fn memchr_at(b: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` is zero where the text has `@`: the mask is non-zero exactly when the
    // eight bytes hold one, and its lowest set bit marks the first one.
    let at_mask = |chunk: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&chunk[..8]);
        let x = u64::from_le_bytes(w) ^ (ONES * u64::from(b'@'));
        x.wrapping_sub(ONES) & !x & HI
    };
    let mut j = from;
    // Most text has no `@` for long stretches: 32 bytes at a time until a block holds one.
    while let Some(block) = b.get(j..j + 32) {
        let any = at_mask(&block[..8])
            | at_mask(&block[8..16])
            | at_mask(&block[16..24])
            | at_mask(&block[24..]);
        if any != 0 {
            break;
        }
        j += 32;
    }
    while let Some(chunk) = b.get(j..j + 8) {
        let zero = at_mask(chunk);
        if zero != 0 {
            return j + (zero.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    b.get(j..)
        .and_then(|r| r.iter().position(|&c| c == b'@'))
        .map_or(usize::MAX / 2, |p| j + p)
}

/// Whether `’` (U+2019, apostrophe or closing single quote) starts at byte `j`.
#[inline]
pub(super) fn curly_apostrophe_at(b: &[u8], j: usize) -> bool {
    b.get(j..j + 3) == Some(&[0xE2, 0x80, 0x99])
}

/// Bytes of `w` (little-endian) that are not ASCII letters have their high bit set.
#[inline(always)]
pub(super) fn non_alpha_mask(w: u64) -> u64 {
    const ONES: u64 = u64::MAX / 0xff;
    const HI: u64 = ONES * 0x80;
    // Folded to lowercase, every byte is at most 0x7f, so the additions never carry across
    // bytes: `x + 0x1f` has its high bit set iff `x >= 0x61` ('a'), `x + 0x05` iff
    // `x >= 0x7b` (past 'z').
    let x = (w & (ONES * 0x7f)) | (ONES * 0x20);
    let ge_a = x.wrapping_add(ONES * 0x1f);
    let gt_z = x.wrapping_add(ONES * 0x05);
    let letter = ge_a & !gt_z & !w & HI;
    !letter & HI
}

/// End of the run of ASCII letters starting at `j`.
#[inline(always)]
pub(super) fn alpha_end(b: &[u8], mut j: usize) -> usize {
    // Eight bytes at a time: most words end within the first block.
    while let Some(chunk) = b.get(j..j + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let m = non_alpha_mask(u64::from_le_bytes(w));
        if m != 0 {
            return j + (m.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < b.len() && ALPHA[b[j] as usize] {
        j += 1;
    }
    j
}

/// Decodes the char at byte `i` (a char boundary).
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}
