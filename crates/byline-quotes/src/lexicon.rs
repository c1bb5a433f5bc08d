//! The attribution-cue lexicon learned from PolNeAR train (words and counts only).

use crate::words::{word_is, WordMap, NOT_CUE_HEAD};

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

/// Cue words and their statistics.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    // (FNV-hashed: looked up for many tokens of every document)
    words: WordMap<String, CueStat>,
}

impl Lexicon {
    /// The embedded lexicon.
    pub fn embedded() -> Lexicon {
        Lexicon::parse(CUES_TSV).unwrap_or_default()
    }

    /// Parses the TSV format; `Err(line number)` on a malformed line.
    pub fn parse(tsv: &str) -> Result<Lexicon, usize> {
        let mut words = WordMap::default();
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
            words.insert(
                w,
                CueStat {
                    prob: cue as f32 / total as f32,
                    count: cue,
                },
            );
        }
        Ok(Lexicon { words })
    }

    /// The statistics of a lowercase word.
    pub fn get(&self, lower: &str) -> Option<CueStat> {
        self.words.get(lower).copied()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }
}
