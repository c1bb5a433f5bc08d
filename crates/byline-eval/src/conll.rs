//! CoNLL-2003 reading and entity-level scoring with conlleval semantics.
//!
//! A port of `../shared/tools/conlleval.py`: same chunk decoding (IOB1, IOB2, IOBES and BILOU
//! all decode to the same spans), same skipping of `-DOCSTART-` lines, same numbers.

use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Marker of a new document in CoNLL files.
pub const DOCSTART: &str = "-DOCSTART-";

/// An entity chunk: `(type, start, end_exclusive)` in token indices of one sentence.
pub type Chunk = (String, usize, usize);

/// One token line: its whitespace-separated columns.
pub type Row = Vec<String>;
/// A sentence: its token rows.
pub type Sent = Vec<Row>;
/// A document: its sentences.
pub type Doc = Vec<Sent>;

fn split_tag(tag: &str) -> (char, &str) {
    if tag == "O" || tag.is_empty() {
        return ('O', "");
    }
    let b = tag.as_bytes();
    if b.len() >= 2 && (b[1] == b'-' || b[1] == b'_') && b"BIESLU".contains(&b[0]) {
        let p = match b[0] {
            b'L' => 'E',
            b'U' => 'S',
            c => c as char,
        };
        return (p, &tag[2..]);
    }
    ('I', tag)
}

fn end_of_chunk(prev_tag: char, tag: char, prev_type: &str, typ: &str) -> bool {
    matches!(prev_tag, 'E' | 'S')
        || (matches!(prev_tag, 'B' | 'I') && matches!(tag, 'B' | 'S' | 'O'))
        || (prev_tag != 'O' && prev_type != typ)
}

fn start_of_chunk(prev_tag: char, tag: char, prev_type: &str, typ: &str) -> bool {
    matches!(tag, 'B' | 'S')
        || (matches!(tag, 'I' | 'E') && matches!(prev_tag, 'O' | 'E' | 'S'))
        || (tag != 'O' && prev_type != typ)
}

/// Decodes one sentence's tags into entity chunks.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let (mut prev_tag, mut prev_type) = ('O', String::new());
    let mut start: Option<usize> = None;
    for i in 0..=tags.len() {
        let raw = if i < tags.len() {
            tags[i].as_ref()
        } else {
            "O"
        };
        let (tag, typ) = split_tag(raw);
        if let Some(s) = start {
            if end_of_chunk(prev_tag, tag, &prev_type, typ) {
                out.push((prev_type.clone(), s, i));
                start = None;
            }
        }
        if start_of_chunk(prev_tag, tag, &prev_type, typ) {
            start = Some(i);
        }
        prev_tag = tag;
        prev_type = typ.to_string();
    }
    out
}

/// Re-encodes one sentence's tags as IOB2.
pub fn to_iob2<S: AsRef<str>>(tags: &[S]) -> Vec<String> {
    let mut out = vec!["O".to_string(); tags.len()];
    for (t, s, e) in chunks(tags) {
        out[s] = format!("B-{t}");
        for o in &mut out[s + 1..e] {
            *o = format!("I-{t}");
        }
    }
    out
}

/// Counts of a scoring run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    /// Gold entities per type.
    pub gold: BTreeMap<String, usize>,
    /// Predicted entities per type.
    pub pred: BTreeMap<String, usize>,
    /// Correct entities per type.
    pub correct: BTreeMap<String, usize>,
    /// Tokens scored.
    pub tokens: usize,
    /// Tokens whose full tag matches.
    pub tokens_correct: usize,
}

fn prf(c: usize, p: usize, g: usize) -> (f64, f64, f64) {
    crate::prf(c, p, c, g)
}

impl Score {
    /// Adds one aligned sentence (gold tags, predicted tags; equal length).
    pub fn add<S: AsRef<str>, T: AsRef<str>>(&mut self, gold: &[S], pred: &[T]) {
        assert_eq!(gold.len(), pred.len(), "sentence length mismatch");
        self.tokens += gold.len();
        self.tokens_correct += gold
            .iter()
            .zip(pred)
            .filter(|(a, b)| a.as_ref() == b.as_ref())
            .count();
        let gs: HashSet<Chunk> = chunks(gold).into_iter().collect();
        let ps: HashSet<Chunk> = chunks(pred).into_iter().collect();
        for (t, _, _) in &gs {
            *self.gold.entry(t.clone()).or_default() += 1;
        }
        for (t, _, _) in &ps {
            *self.pred.entry(t.clone()).or_default() += 1;
        }
        for (t, _, _) in gs.intersection(&ps) {
            *self.correct.entry(t.clone()).or_default() += 1;
        }
    }

    /// Overall precision, recall, F1 (fractions).
    pub fn overall(&self) -> (f64, f64, f64) {
        prf(
            self.correct.values().sum(),
            self.pred.values().sum(),
            self.gold.values().sum(),
        )
    }

    /// Precision, recall, F1 of one type.
    pub fn by_type(&self, t: &str) -> (f64, f64, f64) {
        let g = |m: &BTreeMap<String, usize>| m.get(t).copied().unwrap_or(0);
        prf(g(&self.correct), g(&self.pred), g(&self.gold))
    }

    /// All types seen in gold or predictions, sorted.
    pub fn types(&self) -> Vec<String> {
        let s: BTreeSet<&String> = self.gold.keys().chain(self.pred.keys()).collect();
        s.into_iter().cloned().collect()
    }

    /// Token accuracy (fraction).
    pub fn accuracy(&self) -> f64 {
        if self.tokens > 0 {
            self.tokens_correct as f64 / self.tokens as f64
        } else {
            0.0
        }
    }

    /// Text in conlleval's layout (same as the Python reference `report()`).
    pub fn report(&self) -> String {
        let (p, r, f) = self.overall();
        let mut s = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens,
            self.gold.values().sum::<usize>(),
            self.pred.values().sum::<usize>(),
            self.correct.values().sum::<usize>()
        );
        s += &format!(
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            100.0 * self.accuracy(),
            100.0 * p,
            100.0 * r,
            100.0 * f
        );
        for t in self.types() {
            let (tp, tr, tf) = self.by_type(&t);
            s += &format!(
                "\n{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                t,
                100.0 * tp,
                100.0 * tr,
                100.0 * tf,
                self.pred.get(&t).copied().unwrap_or(0)
            );
        }
        s
    }
}

/// Parses CoNLL column text into documents → sentences → tokens → columns.
///
/// `-DOCSTART-` (first column) opens a new document; blank lines end sentences. Text without
/// any `-DOCSTART-` is one document.
pub fn read_conll(text: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut doc: Doc = Vec::new();
    let mut sent: Sent = Vec::new();
    for line in text.lines() {
        let cols: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        if cols.is_empty() {
            if !sent.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            continue;
        }
        if cols[0] == DOCSTART {
            if !sent.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        sent.push(cols);
    }
    if !sent.is_empty() {
        doc.push(sent);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Scores aligned sentences given as tag lists.
pub fn evaluate<S: AsRef<str>, T: AsRef<str>>(gold: &[Vec<S>], pred: &[Vec<T>]) -> Score {
    assert_eq!(gold.len(), pred.len(), "sentence count mismatch");
    let mut s = Score::default();
    for (g, p) in gold.iter().zip(pred) {
        s.add(g, p);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_iob2_decode_alike() {
        let a = chunks(&["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]);
        assert_eq!(
            a,
            vec![
                ("PER".to_string(), 0, 2),
                ("LOC".to_string(), 3, 4),
                ("LOC".to_string(), 4, 5)
            ]
        );
        assert_eq!(
            to_iob2(&["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]),
            vec!["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]
        );
        assert_eq!(chunks(&["U-ORG", "B-PER", "L-PER"]).len(), 2);
    }
}
