//! Name lists (gazetteers) compiled into a table of hashed token sequences, and the
//! longest-match lookup that turns them into features.
//!
//! An entry is a sequence of words ("New", "York", "City"); its key is a 48-bit hash of the
//! lowercase hashes of its words (the same [`lower_hash`](crate::features::lower_hash) the
//! tokens carry), so no text is stored. The low 16 bits of a stored key hold the entry's
//! categories (one bit each, see [`CATS`]) and [`PREFIX`], set when the sequence is also the
//! beginning of a longer entry, so that matching can stop as soon as no entry continues.

use crate::features::comb;

/// Categories of the name lists, one bit each: first names, last names, full names of
/// people, organisations, countries, cities, regions, and miscellaneous (nationalities,
/// languages, religions, events).
#[cfg_attr(not(feature = "training"), allow(dead_code))]
pub(crate) const CATS: usize = 8;
/// Flag: the sequence begins a longer entry.
pub(crate) const PREFIX: u16 = 1 << 8;
/// Titles and roles that precede person names in news (lowercase, without a final full
/// stop). CoNLL-2003 keeps them outside the name: "President [Joe Biden]", "Mr. [Patel]".
pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "president",
    "minister",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "gen",
    "general",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "coach",
    "chancellor",
    "secretary",
    "premier",
    "spokesman",
    "spokeswoman",
    "director",
    "chairman",
    "chairwoman",
    "professor",
    "prof",
    "mayor",
    "lt",
    "col",
    "capt",
    "sgt",
    "officer",
    "actor",
    "actress",
    "singer",
    "striker",
    "captain",
    "manager",
    "father",
    "rev",
    "bishop",
    "ambassador",
    "envoy",
    "lawyer",
    "attorney",
    "sheikh",
    "emir",
    "leader",
    "ceo",
    "founder",
];

/// Whether `word` is one of the [`TITLES`], in any case and with or without a full stop.
pub(crate) fn is_title(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    w.len() <= 12 && TITLES.iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// Longest entry, in words.
pub(crate) const MAX_LEN: usize = 8;

const SEED: u64 = 0x6e61_6d65_735f_7631;

/// Hash of a one-word sequence.
#[inline]
pub(crate) fn start(lower: u64) -> u64 {
    comb(SEED, lower)
}

/// Hash of a sequence extended by one word.
#[inline]
pub(crate) fn extend(h: u64, lower: u64) -> u64 {
    comb(h ^ 0x5a5a, lower)
}

/// The 48-bit part of a sequence hash that the table stores (never 0).
#[inline]
fn tag48(h: u64) -> u64 {
    (h >> 16).max(1)
}

/// The compiled name table: an open-addressing set of keys `hash48 << 16 | flags`.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameTable {
    slots: Vec<u64>,
    mask: usize,
    len: usize,
}

impl NameTable {
    /// Builds the table from `(sequence hash, flags)` pairs; flags of equal sequences merge.
    pub(crate) fn from_pairs(pairs: impl IntoIterator<Item = (u64, u16)>) -> NameTable {
        let mut keys: Vec<u64> = pairs
            .into_iter()
            .map(|(h, f)| tag48(h) << 16 | f as u64)
            .collect();
        keys.sort_unstable();
        let mut merged: Vec<u64> = Vec::with_capacity(keys.len());
        for k in keys {
            match merged.last_mut() {
                Some(last) if *last >> 16 == k >> 16 => *last |= k & 0xffff,
                _ => merged.push(k),
            }
        }
        NameTable::from_sorted(&merged)
    }

    /// Builds the table from merged keys.
    fn from_sorted(keys: &[u64]) -> NameTable {
        if keys.is_empty() {
            return NameTable::default();
        }
        let cap = (keys.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![0u64; cap];
        for &k in keys {
            let mut s = slot(k >> 16, mask);
            while slots[s] != 0 {
                s = (s + 1) & mask;
            }
            slots[s] = k;
        }
        NameTable {
            slots,
            mask,
            len: keys.len(),
        }
    }

    /// Number of distinct sequences.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The flags of a sequence hash (0: not in the table).
    #[inline]
    pub(crate) fn get(&self, h: u64) -> u16 {
        if self.slots.is_empty() {
            return 0;
        }
        let t = tag48(h);
        let mut s = slot(t, self.mask);
        loop {
            let v = self.slots[s];
            if v == 0 {
                return 0;
            }
            if v >> 16 == t {
                return v as u16;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Serializes: count, then the sorted keys as varint deltas.
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        let mut keys: Vec<u64> = self.slots.iter().copied().filter(|&v| v != 0).collect();
        keys.sort_unstable();
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        let mut prev = 0u64;
        for k in keys {
            crate::model::write_varint(out, k - prev);
            prev = k;
        }
    }

    /// Reads what [`NameTable::encode`] wrote; `None` when the keys are not increasing.
    pub(crate) fn decode(n: usize, mut next: impl FnMut() -> Option<u64>) -> Option<NameTable> {
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u64;
        for i in 0..n {
            let d = next()?;
            if i > 0 && d == 0 {
                return None;
            }
            prev = prev.checked_add(d)?;
            if prev >> 16 == 0 {
                return None;
            }
            keys.push(prev);
        }
        Some(NameTable::from_sorted(&keys))
    }
}

#[inline]
fn slot(t: u64, mask: usize) -> usize {
    (crate::features::mix(t) as usize) & mask
}

/// A token's part in a name-list match: categories (bits 0-7), position in the match (bits
/// 8-9: 0 begin, 1 inside, 2 last, 3 unit), bit 10 set when every word of the match is
/// capitalised. 0: no match.
pub(crate) type Match = u16;

/// Categories of a [`Match`].
#[inline]
pub(crate) fn cats(m: Match) -> u16 {
    m & 0xff
}

/// Longest matches, left to right, over a sentence: `out[i]` for each token. `first[i]` is
/// the table's flags of token `i` alone and `lower[i]` its lowercase hash; `cap[i]` whether it
/// is capitalised (or has no letter).
pub(crate) fn matches(
    table: &NameTable,
    n: usize,
    first: impl Fn(usize) -> u16,
    lower: impl Fn(usize) -> u64,
    cap: impl Fn(usize) -> bool,
    out: &mut Vec<Match>,
) {
    out.clear();
    out.resize(n, 0);
    let mut i = 0;
    while i < n {
        let f = first(i);
        if f == 0 {
            i += 1;
            continue;
        }
        let mut best = (f & 0xff != 0).then_some((i + 1, f & 0xff));
        if f & PREFIX != 0 {
            let mut h = start(lower(i));
            let mut j = i + 1;
            while j < n && j - i < MAX_LEN {
                h = extend(h, lower(j));
                let g = table.get(h);
                if g & 0xff != 0 {
                    best = Some((j + 1, g & 0xff));
                }
                if g & PREFIX == 0 {
                    break;
                }
                j += 1;
            }
        }
        match best {
            Some((end, c)) => {
                let capped = (i..end).all(&cap) as u16;
                for (k, o) in out[i..end].iter_mut().enumerate() {
                    let pos = if end - i == 1 {
                        3
                    } else if k == 0 {
                        0
                    } else if i + k + 1 == end {
                        2
                    } else {
                        1
                    };
                    *o = c | pos << 8 | capped << 10;
                }
                i = end;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::lower_hash;

    fn table(entries: &[(&str, u16)]) -> NameTable {
        let mut pairs = Vec::new();
        for (e, c) in entries {
            let ws: Vec<&str> = e.split(' ').collect();
            let mut h = start(lower_hash(ws[0]));
            for w in &ws[1..] {
                pairs.push((h, PREFIX));
                h = extend(h, lower_hash(w));
            }
            pairs.push((h, 1 << c));
        }
        NameTable::from_pairs(pairs)
    }

    fn run(t: &NameTable, s: &str) -> Vec<Match> {
        let ws: Vec<&str> = s.split(' ').collect();
        let mut out = Vec::new();
        matches(
            t,
            ws.len(),
            |i| t.get(start(lower_hash(ws[i]))),
            |i| lower_hash(ws[i]),
            |i| ws[i].chars().next().is_some_and(char::is_uppercase),
            &mut out,
        );
        out
    }

    #[test]
    fn longest_match_wins_and_positions_are_bilou() {
        let t = table(&[
            ("New York", 5),
            ("New York City", 5),
            ("York", 1),
            ("Paris", 5),
        ]);
        let m = run(&t, "In New York City and York");
        let city = 1 << 5;
        assert_eq!(
            m,
            [
                0,
                city | 1 << 10,
                city | 1 << 8 | 1 << 10,
                city | 2 << 8 | 1 << 10,
                0,
                2 | 3 << 8 | 1 << 10
            ]
        );
        // A prefix that no entry completes falls back to the shorter match.
        let m = run(&t, "new york state");
        assert_eq!(m, [city, city | 2 << 8, 0]);
        assert_eq!(run(&t, "New Jersey"), [0, 0]);
    }

    #[test]
    fn table_roundtrips_through_bytes() {
        let t = table(&[("Angela Merkel", 2), ("Merkel", 1), ("Germany", 4)]);
        let mut b = Vec::new();
        t.encode(&mut b);
        let n = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let mut r = crate::model::Reader::new(&b[4..]);
        let back = NameTable::decode(n, || r.varint().ok()).unwrap_or_default();
        assert_eq!(back.len(), t.len());
        let mut b2 = Vec::new();
        back.encode(&mut b2);
        assert_eq!(b, b2);
        assert_eq!(back.get(start(lower_hash("germany"))), 1 << 4);
        assert_eq!(back.get(start(lower_hash("Berlin"))), 0);
    }
}
