//! ROUGE-N, ROUGE-L and ROUGE-Lsum with the semantics of Google's `rouge-score` package
//! (version 0.1.2) with `use_stemmer=True`.
//!
//! - Tokenization: lowercase, every run of characters outside `[a-z0-9]` becomes a space,
//!   split on whitespace; tokens longer than 3 bytes are stemmed with NLTK's Porter stemmer
//!   (`NLTK_EXTENSIONS` mode, the default that `rouge-score` uses).
//! - ROUGE-N: clipped n-gram counts; ROUGE-L: one LCS over all tokens; ROUGE-Lsum: the
//!   summary-level union LCS with the double-counting guard of ROUGE 1.5.5, sentences being
//!   the non-empty lines of each text.
//!
//! Scores are fractions in `[0, 1]` (multiply by 100 for the usual "points").

use std::collections::HashMap;

/// Precision, recall and F1 of one comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    /// Matched units over candidate units.
    pub precision: f64,
    /// Matched units over reference units.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fmeasure: f64,
}

impl Score {
    fn new(precision: f64, recall: f64) -> Score {
        let fmeasure = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            fmeasure,
        }
    }
}

/// ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum of one candidate against one reference.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// Unigram overlap.
    pub rouge1: Score,
    /// Bigram overlap.
    pub rouge2: Score,
    /// Longest common subsequence over the whole texts.
    pub rouge_l: Score,
    /// Summary-level LCS, one sentence a line.
    pub rouge_lsum: Score,
}

/// Tokenizes like `rouge_score.tokenize.tokenize`; `stem` applies the Porter stemmer to
/// tokens longer than 3 characters.
pub fn tokenize(text: &str, stem: bool) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in lower.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(finish(std::mem::take(&mut cur), stem));
        }
    }
    if !cur.is_empty() {
        out.push(finish(cur, stem));
    }
    out.retain(|t| !t.is_empty());
    out
}

fn finish(tok: String, stem: bool) -> String {
    if stem && tok.len() > 3 {
        porter_stem(&tok)
    } else {
        tok
    }
}

/// ROUGE-N between two token lists.
pub fn rouge_n(target: &[String], prediction: &[String], n: usize) -> Score {
    let tg = ngrams(target, n);
    let pg = ngrams(prediction, n);
    let mut inter = 0usize;
    for (g, c) in &tg {
        inter += (*c).min(pg.get(g).copied().unwrap_or(0));
    }
    let tc: usize = tg.values().sum();
    let pc: usize = pg.values().sum();
    Score::new(
        inter as f64 / pc.max(1) as f64,
        inter as f64 / tc.max(1) as f64,
    )
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut m = HashMap::new();
    if n == 0 || tokens.len() < n {
        return m;
    }
    for w in tokens.windows(n) {
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

fn lcs_table(r: &[String], c: &[String]) -> Vec<Vec<u32>> {
    let mut t = vec![vec![0u32; c.len() + 1]; r.len() + 1];
    for i in 1..=r.len() {
        for j in 1..=c.len() {
            t[i][j] = if r[i - 1] == c[j - 1] {
                t[i - 1][j - 1] + 1
            } else {
                t[i - 1][j].max(t[i][j - 1])
            };
        }
    }
    t
}

/// ROUGE-L between two token lists.
pub fn rouge_l(target: &[String], prediction: &[String]) -> Score {
    if target.is_empty() || prediction.is_empty() {
        return Score::default();
    }
    let l = lcs_table(target, prediction)[target.len()][prediction.len()] as f64;
    Score::new(l / prediction.len() as f64, l / target.len() as f64)
}

fn lcs_indices(r: &[String], c: &[String]) -> Vec<usize> {
    let t = lcs_table(r, c);
    let (mut i, mut j) = (r.len(), c.len());
    let mut out = Vec::new();
    while i > 0 && j > 0 {
        if r[i - 1] == c[j - 1] {
            out.push(i - 1);
            i -= 1;
            j -= 1;
        } else if t[i][j - 1] > t[i - 1][j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    out
}

/// ROUGE-Lsum between tokenized sentence lists (summary-level union LCS).
pub fn rouge_lsum(target: &[Vec<String>], prediction: &[Vec<String>]) -> Score {
    if target.is_empty() || prediction.is_empty() {
        return Score::default();
    }
    let m: usize = target.iter().map(Vec::len).sum();
    let n: usize = prediction.iter().map(Vec::len).sum();
    if m == 0 || n == 0 {
        return Score::default();
    }
    let mut cr: HashMap<&str, usize> = HashMap::new();
    let mut cc: HashMap<&str, usize> = HashMap::new();
    for s in target {
        for t in s {
            *cr.entry(t).or_insert(0) += 1;
        }
    }
    for s in prediction {
        for t in s {
            *cc.entry(t).or_insert(0) += 1;
        }
    }
    let mut hits = 0usize;
    for r in target {
        let mut union: Vec<usize> = prediction.iter().flat_map(|c| lcs_indices(r, c)).collect();
        union.sort_unstable();
        union.dedup();
        for i in union {
            let t = r[i].as_str();
            let (a, b) = (
                cc.get(t).copied().unwrap_or(0),
                cr.get(t).copied().unwrap_or(0),
            );
            if a > 0 && b > 0 {
                hits += 1;
                cc.insert(t, a - 1);
                cr.insert(t, b - 1);
            }
        }
    }
    Score::new(hits as f64 / n as f64, hits as f64 / m as f64)
}

fn lines(text: &str, stem: bool) -> Vec<Vec<String>> {
    text.split('\n')
        .filter(|s| !s.is_empty())
        .map(|s| tokenize(s, stem))
        .collect()
}

/// All four scores of `prediction` against `target`, with stemming, as
/// `RougeScorer(["rouge1","rouge2","rougeL","rougeLsum"], use_stemmer=True).score(target, prediction)`.
pub fn score(target: &str, prediction: &str) -> Scores {
    let t = tokenize(target, true);
    let p = tokenize(prediction, true);
    Scores {
        rouge1: rouge_n(&t, &p, 1),
        rouge2: rouge_n(&t, &p, 2),
        rouge_l: rouge_l(&t, &p),
        rouge_lsum: rouge_lsum(&lines(target, true), &lines(prediction, true)),
    }
}

/// One CNN/DailyMail example: article text and its highlights.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct Article {
    /// Story id (sha1 of the url).
    #[serde(default)]
    pub id: String,
    /// Raw article text.
    pub article: String,
    /// Reference highlights, one bullet each.
    pub highlights: Vec<String>,
}

/// Reads a CNN/DailyMail JSON-lines file (`{"id","article","highlights"}` per line).
pub fn read_cnndm(path: &str) -> std::io::Result<Vec<Article>> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{path}: line {}: {e}", i + 1),
                )
            })
        })
        .collect()
}

/// Joins sentences one a line (newlines inside a sentence become spaces), the input format of
/// ROUGE-Lsum.
pub fn one_per_line<S: AsRef<str>>(sentences: &[S]) -> String {
    sentences
        .iter()
        .map(|s| s.as_ref().replace(['\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Running mean of [`Scores`] F1 values (ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-Lsum).
#[derive(Clone, Copy, Debug, Default)]
pub struct MeanF1 {
    sum: [f64; 4],
    n: usize,
}

impl MeanF1 {
    /// Adds one article's scores.
    pub fn add(&mut self, s: &Scores) {
        self.sum[0] += s.rouge1.fmeasure;
        self.sum[1] += s.rouge2.fmeasure;
        self.sum[2] += s.rouge_l.fmeasure;
        self.sum[3] += s.rouge_lsum.fmeasure;
        self.n += 1;
    }
    /// Mean F1 in points (x100): `[R-1, R-2, R-L, R-Lsum]`.
    pub fn points(&self) -> [f64; 4] {
        let n = self.n.max(1) as f64;
        self.sum.map(|x| 100.0 * x / n)
    }
    /// Number of articles added.
    pub fn count(&self) -> usize {
        self.n
    }
}

// ---------------------------------------------------------------------------------------------
// Porter stemmer, NLTK_EXTENSIONS mode (nltk.stem.porter.PorterStemmer()).

const IRREGULAR: &[(&str, &str)] = &[
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn cons_flags(w: &[u8]) -> Vec<bool> {
    let mut f: Vec<bool> = Vec::with_capacity(w.len());
    for (i, &c) in w.iter().enumerate() {
        let v = if is_vowel(c) {
            false
        } else if c == b'y' {
            i == 0 || !f[i - 1]
        } else {
            true
        };
        f.push(v);
    }
    f
}

fn is_cons(w: &[u8], i: usize) -> bool {
    cons_flags(&w[..=i])[i]
}

fn measure(w: &[u8]) -> usize {
    let f = cons_flags(w);
    f.windows(2).filter(|p| !p[0] && p[1]).count()
}

fn contains_vowel(w: &[u8]) -> bool {
    !cons_flags(w).iter().all(|&c| c)
}

fn ends_double_cons(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_cons(w, n - 1)
}

fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_cons(w, n - 3)
        && !is_cons(w, n - 2)
        && is_cons(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_cons(w, 0) && is_cons(w, 1))
}

type Cond<'a> = &'a dyn Fn(&[u8]) -> bool;

/// `_apply_rule_list`: the first rule whose suffix matches decides.
fn apply_rules(w: &[u8], rules: &[(&str, &str, Option<Cond<'_>>)]) -> Vec<u8> {
    for (suf, rep, cond) in rules {
        if *suf == "*d" {
            if ends_double_cons(w) {
                let stem = &w[..w.len() - 2];
                if cond.map_or(true, |c| c(stem)) {
                    let mut s = stem.to_vec();
                    s.extend_from_slice(rep.as_bytes());
                    return s;
                }
                return w.to_vec();
            }
            continue;
        }
        if w.ends_with(suf.as_bytes()) {
            let stem = &w[..w.len() - suf.len()];
            if cond.map_or(true, |c| c(stem)) {
                let mut s = stem.to_vec();
                s.extend_from_slice(rep.as_bytes());
                return s;
            }
            return w.to_vec();
        }
    }
    w.to_vec()
}

fn pos(s: &[u8]) -> bool {
    measure(s) > 0
}

fn step1a(w: &[u8]) -> Vec<u8> {
    if w.ends_with(b"ies") && w.len() == 4 {
        let mut s = w[..1].to_vec();
        s.extend_from_slice(b"ie");
        return s;
    }
    apply_rules(
        w,
        &[
            ("sses", "ss", None),
            ("ies", "i", None),
            ("ss", "ss", None),
            ("s", "", None),
        ],
    )
}

fn step1b(w: &[u8]) -> Vec<u8> {
    if w.ends_with(b"ied") {
        let mut s = w[..w.len() - 3].to_vec();
        s.extend_from_slice(if w.len() == 4 { b"ie" } else { b"i" });
        return s;
    }
    if w.ends_with(b"eed") {
        let stem = &w[..w.len() - 3];
        if measure(stem) > 0 {
            let mut s = stem.to_vec();
            s.extend_from_slice(b"ee");
            return s;
        }
        return w.to_vec();
    }
    let mut inter: Option<&[u8]> = None;
    for suf in [&b"ed"[..], &b"ing"[..]] {
        if w.ends_with(suf) {
            let s = &w[..w.len() - suf.len()];
            if contains_vowel(s) {
                inter = Some(s);
                break;
            }
        }
    }
    let Some(is) = inter else {
        return w.to_vec();
    };
    let last = is.last().copied().unwrap_or(b' ');
    let last_s = [last];
    let last_str = std::str::from_utf8(&last_s).unwrap_or("");
    let not_lsz = move |_: &[u8]| !matches!(last, b'l' | b's' | b'z');
    let m1cvc = |s: &[u8]| measure(s) == 1 && ends_cvc(s);
    apply_rules(
        is,
        &[
            ("at", "ate", None),
            ("bl", "ble", None),
            ("iz", "ize", None),
            ("*d", last_str, Some(&not_lsz)),
            ("", "e", Some(&m1cvc)),
        ],
    )
}

fn step1c(w: &[u8]) -> Vec<u8> {
    let c = |s: &[u8]| s.len() > 1 && is_cons(s, s.len() - 1);
    apply_rules(w, &[("y", "i", Some(&c))])
}

fn step2(w: &[u8]) -> Vec<u8> {
    if w.ends_with(b"alli") && pos(&w[..w.len() - 4]) {
        let mut s = w[..w.len() - 4].to_vec();
        s.extend_from_slice(b"al");
        return step2(&s);
    }
    let p: Cond<'_> = &pos;
    let logi = |_: &[u8]| w.len() >= 3 && pos(&w[..w.len() - 3]);
    apply_rules(
        w,
        &[
            ("ational", "ate", Some(p)),
            ("tional", "tion", Some(p)),
            ("enci", "ence", Some(p)),
            ("anci", "ance", Some(p)),
            ("izer", "ize", Some(p)),
            ("bli", "ble", Some(p)),
            ("alli", "al", Some(p)),
            ("entli", "ent", Some(p)),
            ("eli", "e", Some(p)),
            ("ousli", "ous", Some(p)),
            ("ization", "ize", Some(p)),
            ("ation", "ate", Some(p)),
            ("ator", "ate", Some(p)),
            ("alism", "al", Some(p)),
            ("iveness", "ive", Some(p)),
            ("fulness", "ful", Some(p)),
            ("ousness", "ous", Some(p)),
            ("aliti", "al", Some(p)),
            ("iviti", "ive", Some(p)),
            ("biliti", "ble", Some(p)),
            ("fulli", "ful", Some(p)),
            ("logi", "log", Some(&logi)),
        ],
    )
}

fn step3(w: &[u8]) -> Vec<u8> {
    let p: Cond<'_> = &pos;
    apply_rules(
        w,
        &[
            ("icate", "ic", Some(p)),
            ("ative", "", Some(p)),
            ("alize", "al", Some(p)),
            ("iciti", "ic", Some(p)),
            ("ical", "ic", Some(p)),
            ("ful", "", Some(p)),
            ("ness", "", Some(p)),
        ],
    )
}

fn step4(w: &[u8]) -> Vec<u8> {
    let g = |s: &[u8]| measure(s) > 1;
    let g: Cond<'_> = &g;
    let ion = |s: &[u8]| measure(s) > 1 && matches!(s.last(), Some(b's' | b't'));
    apply_rules(
        w,
        &[
            ("al", "", Some(g)),
            ("ance", "", Some(g)),
            ("ence", "", Some(g)),
            ("er", "", Some(g)),
            ("ic", "", Some(g)),
            ("able", "", Some(g)),
            ("ible", "", Some(g)),
            ("ant", "", Some(g)),
            ("ement", "", Some(g)),
            ("ment", "", Some(g)),
            ("ent", "", Some(g)),
            ("ion", "", Some(&ion)),
            ("ou", "", Some(g)),
            ("ism", "", Some(g)),
            ("ate", "", Some(g)),
            ("iti", "", Some(g)),
            ("ous", "", Some(g)),
            ("ive", "", Some(g)),
            ("ize", "", Some(g)),
        ],
    )
}

fn step5a(w: &[u8]) -> Vec<u8> {
    if let Some(stem) = w.strip_suffix(b"e") {
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            return stem.to_vec();
        }
    }
    w.to_vec()
}

fn step5b(w: &[u8]) -> Vec<u8> {
    let c = |_: &[u8]| !w.is_empty() && measure(&w[..w.len() - 1]) > 1;
    apply_rules(w, &[("ll", "l", Some(&c))])
}

/// Stems one lowercase ASCII word like NLTK's `PorterStemmer().stem` (NLTK_EXTENSIONS mode).
/// Non-ASCII input is returned lowercased and unchanged otherwise.
pub fn porter_stem(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some((_, s)) = IRREGULAR.iter().find(|(k, _)| *k == lower) {
        return (*s).to_string();
    }
    if word.chars().count() <= 2 || !lower.is_ascii() {
        return lower;
    }
    let w = lower.as_bytes();
    let w = step1a(w);
    let w = step1b(&w);
    let w = step1c(&w);
    let w = step2(&w);
    let w = step3(&w);
    let w = step4(&w);
    let w = step5a(&w);
    let w = step5b(&w);
    String::from_utf8(w).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_basic() {
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("running", "run"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("news", "news"),
        ] {
            assert_eq!(porter_stem(w), s, "{w}");
        }
    }
}
