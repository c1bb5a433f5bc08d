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
    // (FNV-hashed: looked up once for every token of every document)
    index: WordMap<String, Entry>,
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
    #[inline]
    pub fn entry(&self, lower: &str) -> Entry {
        match lower.as_bytes().first() {
            Some(&b) if self.first_bytes[usize::from(b / 64)] & (1 << (b % 64)) != 0 => {
                self.index.get(lower).copied().unwrap_or_default()
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
}
