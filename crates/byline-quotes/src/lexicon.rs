//! The attribution-cue lexicon learned from PolNeAR train (words and counts only).

use crate::words::{self, word_is, WordMap, NOT_CUE_HEAD};

/// `word \t times inside a gold cue \t times in the texts \t times the content followed the cue`.
const CUES_TSV: &str = include_str!("../data/cues.tsv");

/// Statistics of one cue word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct CueStat {
    /// Share of the word's occurrences that are inside a gold cue.
    pub prob: f32,
    /// Times seen inside a cue.
    pub count: u32,
}

/// Cue words and their statistics, and the word classes of [`crate::words`]: one hash
/// look-up per token gives both (see [`Lexicon::entry`]).
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    /// Every word (hashed with [`WordMap`]'s hasher); a token's word is looked up here only
    /// when it is longer than the words of `short`.
    index: WordMap<String, Entry>,
    /// The words of `index` of up to 16 bytes, for the look-up of every token.
    short: ShortWords,
    /// The statistics of the cue words, in the order they were first read.
    stats: Vec<CueStat>,
    /// One bit per byte value: some word of `index` starts with it (a token whose first
    /// byte is not among them is rejected without hashing).
    first_bytes: [u64; 4],
}

/// What the lexicon knows of one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Its word classes ([`crate::words::classes`]).
    pub classes: u16,
    /// 1 + the index of its cue statistics (see [`Lexicon::stat`]); 0 for a word that is not
    /// a cue.
    pub cue: u32,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::from_cues(Vec::new())
    }
}

impl Lexicon {
    /// The embedded lexicon.
    pub fn embedded() -> Lexicon {
        Lexicon::parse(CUES_TSV).unwrap_or_default()
    }

    /// The lexicon of cue words `cues` (a later duplicate replaces the statistics of an
    /// earlier one), with the word classes of every word.
    fn from_cues(cues: Vec<(String, CueStat)>) -> Lexicon {
        let mut index: WordMap<String, Entry> = words::index()
            .iter()
            .map(|(&w, &classes)| (w.to_string(), Entry { classes, cue: 0 }))
            .collect();
        let mut stats: Vec<CueStat> = Vec::new();
        for (w, st) in cues {
            let e = index.entry(w).or_default();
            match (e.cue as usize).checked_sub(1) {
                Some(k) => stats[k] = st,
                None => {
                    stats.push(st);
                    e.cue = u32::try_from(stats.len()).unwrap_or(u32::MAX);
                }
            }
        }
        let mut first_bytes = [0u64; 4];
        for w in index.keys() {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b / 64)] |= 1 << (b % 64);
            }
        }
        Lexicon {
            short: ShortWords::new(&index),
            index,
            stats,
            first_bytes,
        }
    }

    /// Parses the TSV format; `Err(line number)` on a malformed line.
    pub fn parse(tsv: &str) -> Result<Lexicon, usize> {
        let mut cues = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                return Err(n + 1);
            }
            let cue: u32 = f[1].parse().map_err(|_| n + 1)?;
            let total: u32 = f[2].parse().map_err(|_| n + 1)?;
            let w = f[0].to_lowercase();
            if total == 0 || word_is(&w, NOT_CUE_HEAD) || w.ends_with("ly") {
                continue;
            }
            cues.push((
                w,
                CueStat {
                    prob: cue as f32 / total as f32,
                    count: cue,
                },
            ));
        }
        Ok(Lexicon::from_cues(cues))
    }

    /// The classes and the cue of a lowercase word (all 0 for a word it does not know).
    #[inline(always)]
    pub fn entry(&self, lower: &str) -> Entry {
        match lower.as_bytes().first() {
            Some(&b) if self.first_bytes[usize::from(b / 64)] & (1 << (b % 64)) != 0 => {
                match self.short.get(lower.as_bytes()) {
                    Some(entry) => entry,
                    None => self.index.get(lower).copied().unwrap_or_default(),
                }
            }
            _ => Entry::default(),
        }
    }

    /// The statistics of a cue of [`Entry::cue`] (`None` for 0).
    #[inline]
    pub fn stat(&self, cue: u32) -> Option<CueStat> {
        self.stats.get((cue as usize).checked_sub(1)?).copied()
    }

    /// Number of cue words.
    pub fn len(&self) -> usize {
        self.stats.len()
    }
}

/// An open-addressing table of words of 1 to 16 bytes, each held as two integers: a look-up
/// loads the word in a few reads, hashes it with one multiplication and compares two
/// integers a slot, with no string comparison (the hash map's look-up was a fifth of the
/// finder's time on news).
#[derive(Clone, Debug)]
struct ShortWords {
    slots: Vec<Slot>,
    /// `64 - log2(slots.len())`: a hash's high bits pick the first slot.
    shift: u32,
}

/// One slot: the word's bytes (little endian, zero-padded), its length (0: empty) and entry.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    a: u64,
    b: u64,
    classes: u16,
    len: u16,
    cue: u32,
}

/// The longest word [`ShortWords`] holds.
const SHORT: usize = 16;

impl ShortWords {
    fn new(index: &WordMap<String, Entry>) -> ShortWords {
        let n = index
            .keys()
            .filter(|w| (1..=SHORT).contains(&w.len()))
            .count();
        // (at most half full: probe runs stay short)
        let size = (2 * n).next_power_of_two().max(16);
        let mut table = ShortWords {
            slots: vec![Slot::default(); size],
            shift: 64 - size.trailing_zeros(),
        };
        // (in word order, so that the table does not depend on the map's iteration order)
        let mut words: Vec<(&String, &Entry)> = index
            .iter()
            .filter(|(w, _)| (1..=SHORT).contains(&w.len()))
            .collect();
        words.sort_by(|x, y| x.0.cmp(y.0));
        let mask = size - 1;
        for (w, e) in words {
            let (a, b) = load(w.as_bytes());
            let mut k = table.first_slot(a, b, w.len());
            while table.slots[k].len != 0 {
                k = (k + 1) & mask;
            }
            table.slots[k] = Slot {
                a,
                b,
                classes: e.classes,
                len: w.len() as u16,
                cue: e.cue,
            };
        }
        table
    }

    #[inline]
    fn first_slot(&self, a: u64, b: u64, len: usize) -> usize {
        let h = (a ^ b.rotate_left(29) ^ ((len as u64) << 59)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> self.shift) as usize
    }

    /// The entry of `word`: `Some` when the table decides (the word is in it, or it is short
    /// enough to be and is not), `None` for a word longer than [`SHORT`] bytes.
    #[inline]
    fn get(&self, word: &[u8]) -> Option<Entry> {
        if word.is_empty() || word.len() > SHORT {
            return None;
        }
        let (a, b) = load(word);
        let mask = self.slots.len() - 1;
        let mut k = self.first_slot(a, b, word.len());
        loop {
            let slot = self.slots[k];
            if slot.len == 0 {
                return Some(Entry::default());
            }
            if usize::from(slot.len) == word.len() && slot.a == a && slot.b == b {
                return Some(Entry {
                    classes: slot.classes,
                    cue: slot.cue,
                });
            }
            k = (k + 1) & mask;
        }
    }
}

/// Bytes `0..8` and `8..16` of a word of at most 16 bytes as little-endian integers,
/// zero-padded.
#[inline]
fn load(word: &[u8]) -> (u64, u64) {
    match word.split_at_checked(8) {
        Some((head, tail)) => (read(head), read(tail)),
        None => (read(word), 0),
    }
}

/// Up to 8 bytes as a little-endian integer, zero-padded: two overlapping reads for 2 to 8
/// bytes (the bytes they share are the same).
#[inline]
fn read(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let at = |k: usize, w: usize| -> u64 {
        let mut buf = [0u8; 8];
        buf[..w].copy_from_slice(&bytes[k..k + w]);
        u64::from_le_bytes(buf) << (8 * k)
    };
    match n {
        0 => 0,
        1 => u64::from(bytes[0]),
        2..=3 => at(0, 2) | at(n - 2, 2),
        4..=7 => at(0, 4) | at(n - 4, 4),
        _ => at(0, 8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{classes, AUX, TOPIC_VERB};

    #[test]
    fn an_entry_gives_classes_and_cue() {
        let lex = Lexicon::parse("said\t9\t10\t0\ncalled\t1\t4\t0\nsaid\t3\t4\t0\n—\t1\t2\t0\n")
            .expect("a valid lexicon");
        assert_eq!(lex.len(), 3);
        let said = lex.entry("said");
        assert_eq!(said.classes, classes("said"));
        // a later line of the same word replaces the first
        assert_eq!(
            lex.stat(said.cue),
            Some(CueStat {
                prob: 0.75,
                count: 3
            })
        );
        assert_eq!(lex.entry("called").classes & TOPIC_VERB, TOPIC_VERB);
        assert_eq!(lex.stat(lex.entry("—").cue).map(|s| s.count), Some(1));
        // a class word that is no cue, and an unknown word
        let had = lex.entry("had");
        assert!(had.classes & AUX != 0 && had.cue == 0 && lex.stat(had.cue).is_none());
        assert_eq!(lex.entry("zebra"), Entry::default());
        assert_eq!(lex.entry(""), Entry::default());
        assert_eq!(Lexicon::default().entry("had").classes, classes("had"));
    }

    #[test]
    fn the_short_table_agrees_with_the_map() {
        let lex = Lexicon::embedded();
        // every word of the lexicon, and words next to them (one byte more, less, changed)
        for w in lex.index.keys() {
            let b = w.as_bytes();
            let mut probes = vec![b.to_vec(), [b, b"s"].concat(), b[..b.len() - 1].to_vec()];
            let mut changed = b.to_vec();
            changed[b.len() / 2] ^= 1;
            probes.push(changed);
            for p in probes {
                let Ok(p) = String::from_utf8(p) else {
                    continue;
                };
                let want = lex.index.get(&p).copied().unwrap_or_default();
                assert_eq!(lex.entry(&p), want, "{p:?}");
            }
        }
        for n in 0..40 {
            let w = "a".repeat(n);
            assert_eq!(read(&w.as_bytes()[..n.min(8)]), {
                let mut buf = [0u8; 8];
                buf[..n.min(8)].copy_from_slice(&w.as_bytes()[..n.min(8)]);
                u64::from_le_bytes(buf)
            });
            let want = lex.index.get(&w).copied().unwrap_or_default();
            assert_eq!(lex.entry(&w), if n == 0 { Entry::default() } else { want });
        }
    }
}
