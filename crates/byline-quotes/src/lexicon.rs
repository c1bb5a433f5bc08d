//! The attribution-cue lexicon learned from PolNeAR train (words and counts only).

use std::collections::HashMap;

/// `word \t times inside a gold cue \t times in the texts \t times the content followed the cue`.
const CUES_TSV: &str = include_str!("../data/cues.tsv");

/// Words that occur inside gold cue spans but never head a cue on their own
/// (adverbs, nouns and adjectives that accompany the verb).
const NOT_HEADS: &[&str] = &[
    "about",
    "also",
    "according",
    "statement",
    "criticism",
    "known",
    "concern",
    "favor",
    "confident",
    "eager",
    "unclear",
    "quick",
    "skeptical",
    "aware",
    "convinced",
    "hopeful",
    "reluctant",
    "supportive",
    "upset",
    "vocal",
    "wary",
    "harsh",
    "footage",
    "chants",
    "allegations",
    "assertion",
    "suggestion",
    "speculation",
    "complaints",
    "doubts",
    "belief",
    "critique",
    "desire",
    "impassioned",
    "titled",
    "cast",
    "passed",
    "named",
    "focused",
    "follows",
    "assumption",
    "estimates",
    "reference",
    "demands",
    "worries",
    "fears",
    "lists",
    "hints",
    "talks",
    "expected",
    "evenly",
    "devoted",
    "shown",
    "considered",
    "seemed",
    "seems",
    "appeared",
    "appears",
    "seem",
    "voted",
    "signed",
    "released",
    "issued",
    "posted",
    "show",
    "shows",
    "showed",
    "found",
    "talking",
    "discuss",
    "discussed",
    "mention",
    "sought",
    "seeking",
    "seeks",
    "offer",
    "offered",
    "decided",
    "backing",
    "backed",
    "supporting",
    "supported",
    "supports",
    "endorse",
    "endorsed",
    "endorses",
    "endorsing",
    "opposed",
    "oppose",
    "opposes",
    "spoke",
    "talked",
    "learned",
    "pushing",
    "pushed",
    "ordered",
    "shared",
    "wanted",
    "respond",
    "indicated",
    "listed",
    "aimed",
    "aim",
    "intended",
    "introduced",
    "laid",
    "ruled",
    "presented",
    "appointed",
    "nominated",
    "read",
    "reads",
];

/// Function words: inside many cue spans ("has said", "said in a statement"), never heads.
const FUNCTION_WORDS: &[&str] = &[
    "has",
    "have",
    "had",
    "having",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "am",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "shall",
    "do",
    "does",
    "did",
    "for",
    "in",
    "with",
    "to",
    "of",
    "on",
    "at",
    "by",
    "from",
    "as",
    "that",
    "this",
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "not",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "who",
    "which",
    "what",
    "there",
    "here",
    "so",
    "than",
    "then",
    "if",
    "into",
    "over",
    "after",
    "before",
    "up",
    "out",
    "s",
    "t",
    "just",
    "even",
    "still",
    "again",
    "now",
    "when",
    "while",
    "how",
    "why",
    "all",
    "some",
    "more",
    "most",
    "very",
    "no",
    "get",
    "got",
    "make",
    "made",
    "take",
    "took",
    "go",
    "went",
    "going",
    "come",
    "came",
    "put",
    "give",
    "gave",
    "let",
    "like",
    "want",
    "wants",
    "see",
    "saw",
    "know",
    "knew",
    "think",
    "thought",
    "look",
    "looked",
    "looking",
    "set",
    "keep",
    "kept",
    "considering",
    "regarding",
    "including",
    "following",
    "given",
    "using",
    "back",
    "off",
    "down",
    "through",
];

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
    words: HashMap<String, CueStat>,
}

impl Lexicon {
    /// The embedded lexicon.
    pub fn embedded() -> Lexicon {
        Lexicon::parse(CUES_TSV).unwrap_or_default()
    }

    /// Parses the TSV format; `Err(line number)` on a malformed line.
    pub fn parse(tsv: &str) -> Result<Lexicon, usize> {
        let mut words = HashMap::new();
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
            if total == 0
                || NOT_HEADS.contains(&w.as_str())
                || FUNCTION_WORDS.contains(&w.as_str())
                || w.ends_with("ly")
            {
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
