//! Universal Dependencies tokenization and sentence scoring, a port of
//! `../shared/tools/score_ud.py`.
//!
//! [`read_conllu`] rebuilds each document's raw text exactly as the Python scorer does
//! (sentences of a paragraph joined by one space, by nothing after `SpaceAfter=No`, or by the
//! decoded `SpacesAfter=`; paragraphs joined by a blank line) together with the gold spans.
//! [`Scorer`] accumulates the five metrics (`tokens_surface`, `tokens_ptb`, `sentences_all`,
//! `sentences_nodocend`, `sentences_inpar`). Gold spans are in Unicode code points, like the
//! Python scorer; predictions given in UTF-8 byte offsets are converted first, as
//! `score_ud.py score --offsets utf8` does.

use std::collections::HashSet;
use std::fmt;

/// A `[start, end)` span in code points (gold) or bytes (predictions, see [`Scorer::add_utf8`]).
pub type Span = (usize, usize);

/// The metric names, in report order.
pub const METRICS: [&str; 5] = [
    "tokens_surface",
    "tokens_ptb",
    "sentences_all",
    "sentences_nodocend",
    "sentences_inpar",
];

/// An error while reading a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluError(pub String);

impl fmt::Display for ConlluError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConlluError {}

/// A rebuilt document with its gold spans (code-point offsets into `text`).
#[derive(Debug, Clone, Default)]
pub struct UdDoc {
    /// The `# newdoc id`, or `docNNNN` when absent.
    pub doc_id: String,
    /// The rebuilt raw text.
    pub text: String,
    /// Surface-token spans.
    pub tokens: Vec<Span>,
    /// Syntactic-word spans (multiword tokens split into their words).
    pub words: Vec<Span>,
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Number of multiword tokens.
    pub n_mwt: usize,
    /// Multiword tokens whose words do not concatenate to the surface form.
    pub n_mwt_unsplit: usize,
}

struct RawToken {
    form: String,
    misc: String,
    words: Vec<String>,
}

struct RawSentence {
    sent_id: Option<String>,
    text: String,
    tokens: Vec<RawToken>,
    lineno: usize,
}

/// Python's `str.isspace()`.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Decodes a `SpacesAfter=` value (`\s \t \n \r \\ \p \uXXXX`).
pub fn decode_spaces(value: &str) -> String {
    let v: Vec<char> = value.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < v.len() {
        let ch = v[i];
        if ch == '\\' && i + 1 < v.len() {
            let nxt = v[i + 1];
            match nxt {
                's' => out.push(' '),
                't' => out.push('\t'),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                '\\' => out.push('\\'),
                'p' => out.push('|'),
                'u' if i + 6 <= v.len() => {
                    let hex: String = v[i + 2..i + 6].iter().collect();
                    if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        out.push(c);
                    }
                    i += 6;
                    continue;
                }
                other => out.push(other),
            }
            i += 2;
            continue;
        }
        out.push(ch);
        i += 1;
    }
    out
}

fn misc_space_after(misc: &str) -> Option<String> {
    if misc.is_empty() || misc == "_" {
        return None;
    }
    let mut result = None;
    for item in misc.split('|') {
        if item == "SpaceAfter=No" {
            result = Some(String::new());
        } else if let Some(v) = item.strip_prefix("SpacesAfter=") {
            result = Some(decode_spaces(v));
        }
    }
    result
}

fn skip_ws(s: &str) -> &str {
    s.trim_start_matches(py_isspace)
}

/// `^#\s*<key>(?:\s+id\s*=\s*(.*?))?\s*$`: `None` if no match, `Some(id)` otherwise.
fn match_id_comment(line: &str, key: &str) -> Option<String> {
    let rest = skip_ws(line.strip_prefix('#')?).strip_prefix(key)?;
    if rest.chars().all(py_isspace) {
        return Some(String::new());
    }
    let after = rest.trim_start_matches(py_isspace);
    if after.len() == rest.len() {
        return None;
    }
    let after = skip_ws(after.strip_prefix("id")?);
    let after = skip_ws(after.strip_prefix('=')?);
    Some(after.trim_end_matches(py_isspace).to_string())
}

/// `^#\s*text\s*=\s?(.*)$`
fn match_text(line: &str) -> Option<String> {
    let rest = skip_ws(line.strip_prefix('#')?).strip_prefix("text")?;
    let rest = skip_ws(rest).strip_prefix('=')?;
    let mut ch = rest.chars();
    match ch.next() {
        Some(c) if py_isspace(c) && c != '\n' => Some(ch.as_str().to_string()),
        _ => Some(rest.to_string()),
    }
}

impl UdDoc {
    fn build(&mut self, paragraphs: Vec<Vec<RawSentence>>) -> Result<(), ConlluError> {
        let mut text = String::new();
        let mut pos = 0usize; // code points
        for (pi, par) in paragraphs.iter().enumerate() {
            if pi > 0 {
                text.push_str("\n\n");
                pos += 2;
            }
            let par_start = pos;
            for (si, sent) in par.iter().enumerate() {
                if si > 0 {
                    let prev = &par[si - 1];
                    let misc = prev.tokens.last().map(|t| t.misc.as_str()).unwrap_or("");
                    let sep = misc_space_after(misc).unwrap_or_else(|| " ".to_string());
                    pos += sep.chars().count();
                    text.push_str(&sep);
                }
                self.add_sentence(sent, pos)?;
                text.push_str(&sent.text);
                pos += sent.text.chars().count();
            }
            self.paragraphs.push((par_start, pos));
        }
        self.text = text;
        Ok(())
    }

    fn add_sentence(&mut self, sent: &RawSentence, base: usize) -> Result<(), ConlluError> {
        let text: Vec<char> = sent.text.chars().collect();
        let mut i = 0;
        let mut first = None;
        let mut last = 0;
        for tok in &sent.tokens {
            while i < text.len() && py_isspace(text[i]) {
                i += 1;
            }
            let form: Vec<char> = tok.form.chars().collect();
            if i + form.len() > text.len() || text[i..i + form.len()] != form[..] {
                return Err(ConlluError(format!(
                    "line {} (sent_id {}): token {:?} not found at offset {} of the text line {:?}",
                    sent.lineno,
                    sent.sent_id.as_deref().unwrap_or("None"),
                    tok.form,
                    i,
                    sent.text
                )));
            }
            let (s, e) = (base + i, base + i + form.len());
            self.tokens.push((s, e));
            if first.is_none() {
                first = Some(s);
            }
            last = e;
            if !tok.words.is_empty() {
                self.n_mwt += 1;
                let joined: String = tok.words.concat();
                let jl = joined.chars().count();
                if jl == form.len() && py_lower(&joined) == py_lower(&tok.form) {
                    let mut k = s;
                    for w in &tok.words {
                        let n = w.chars().count();
                        self.words.push((k, k + n));
                        k += n;
                    }
                } else {
                    self.n_mwt_unsplit += 1;
                    self.words.push((s, e));
                }
            } else {
                self.words.push((s, e));
            }
            i += form.len();
        }
        match first {
            Some(f) => {
                self.sentences.push((f, last));
                Ok(())
            }
            None => Err(ConlluError(format!(
                "line {}: sentence without tokens",
                sent.lineno
            ))),
        }
    }
}

fn py_lower(s: &str) -> String {
    s.to_lowercase()
}

/// Reads a CoNLL-U file (see [`parse_conllu`]).
pub fn read_conllu(path: &std::path::Path) -> Result<Vec<UdDoc>, ConlluError> {
    let data = std::fs::read_to_string(path)
        .map_err(|e| ConlluError(format!("cannot read {}: {e}", path.display())))?;
    parse_conllu(&data)
}

struct Parser {
    docs: Vec<(UdDoc, Vec<Vec<RawSentence>>)>,
    new_par: bool,
    comments: Vec<String>,
    tokens: Vec<RawToken>,
    mwt_last: Option<usize>,
    start_line: Option<usize>,
}

impl Parser {
    fn flush(&mut self) {
        if self.tokens.is_empty() {
            self.comments.clear();
            return;
        }
        let mut sent_id = None;
        let mut text = None;
        for c in std::mem::take(&mut self.comments) {
            if let Some(id) = match_id_comment(&c, "newdoc") {
                let id = if id.is_empty() {
                    format!("doc{:04}", self.docs.len() + 1)
                } else {
                    id
                };
                self.docs.push((
                    UdDoc {
                        doc_id: id,
                        ..UdDoc::default()
                    },
                    Vec::new(),
                ));
                self.new_par = true;
                continue;
            }
            if match_id_comment(&c, "newpar").is_some() {
                self.new_par = true;
                continue;
            }
            if let Some(t) = match_text(&c) {
                text = Some(t);
                continue;
            }
            if let Some(id) = match_id_comment_plain(&c, "sent_id") {
                sent_id = Some(id);
            }
        }
        if self.docs.is_empty() {
            self.docs.push((
                UdDoc {
                    doc_id: format!("doc{:04}", self.docs.len() + 1),
                    ..UdDoc::default()
                },
                Vec::new(),
            ));
            self.new_par = true;
        }
        let tokens = std::mem::take(&mut self.tokens);
        let text = text.unwrap_or_else(|| {
            let mut s = String::new();
            for (k, t) in tokens.iter().enumerate() {
                s.push_str(&t.form);
                if k + 1 < tokens.len() {
                    s.push_str(&misc_space_after(&t.misc).unwrap_or_else(|| " ".to_string()));
                }
            }
            s
        });
        let pars = &mut self.docs.last_mut().expect("a document exists").1;
        if self.new_par || pars.is_empty() {
            pars.push(Vec::new());
            self.new_par = false;
        }
        pars.last_mut()
            .expect("a paragraph exists")
            .push(RawSentence {
                sent_id,
                text,
                tokens,
                lineno: self.start_line.unwrap_or(0),
            });
        self.mwt_last = None;
    }
}

/// `^#\s*sent_id\s*=\s*(.*?)\s*$`
fn match_id_comment_plain(line: &str, key: &str) -> Option<String> {
    let rest = skip_ws(line.strip_prefix('#')?).strip_prefix(key)?;
    let rest = skip_ws(skip_ws(rest).strip_prefix('=')?);
    Some(rest.trim_end_matches(py_isspace).to_string())
}

/// Parses CoNLL-U text into documents with rebuilt text and gold spans.
pub fn parse_conllu(data: &str) -> Result<Vec<UdDoc>, ConlluError> {
    let mut p = Parser {
        docs: Vec::new(),
        new_par: false,
        comments: Vec::new(),
        tokens: Vec::new(),
        mwt_last: None,
        start_line: None,
    };
    let mut lines: Vec<&str> = data.split('\n').collect();
    if data.ends_with('\n') {
        lines.pop();
    }
    for (idx, raw) in lines.iter().enumerate() {
        let lineno = idx + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.chars().all(py_isspace) {
            p.flush();
            p.start_line = None;
            continue;
        }
        if p.start_line.is_none() {
            p.start_line = Some(lineno);
        }
        if line.starts_with('#') {
            if !p.tokens.is_empty() {
                return Err(ConlluError(format!(
                    "line {lineno}: comment inside a sentence"
                )));
            }
            p.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError(format!(
                "line {lineno}: expected 10 columns, got {}",
                cols.len()
            )));
        }
        let (tid, form, misc) = (cols[0], cols[1], cols[9]);
        if tid.contains('.') {
            continue;
        }
        let bad = || ConlluError(format!("line {lineno}: bad token id {tid:?}"));
        if let Some((_a, b)) = tid.split_once('-') {
            let b: usize = b.trim().parse().map_err(|_| bad())?;
            p.mwt_last = Some(b);
            p.tokens.push(RawToken {
                form: form.to_string(),
                misc: misc.to_string(),
                words: Vec::new(),
            });
            continue;
        }
        let n: usize = tid.trim().parse().map_err(|_| bad())?;
        if let Some(last) = p.mwt_last {
            if n <= last {
                if let Some(t) = p.tokens.last_mut() {
                    t.words.push(form.to_string());
                }
                if n == last {
                    p.mwt_last = None;
                }
                continue;
            }
        }
        p.mwt_last = None;
        p.tokens.push(RawToken {
            form: form.to_string(),
            misc: misc.to_string(),
            words: Vec::new(),
        });
    }
    p.flush();
    let mut out = Vec::with_capacity(p.docs.len());
    for (mut d, pars) in p.docs {
        d.build(pars)?;
        out.push(d);
    }
    Ok(out)
}

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    /// Correct / predicted.
    pub precision: f64,
    /// Correct / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Correct predictions.
    pub tp: usize,
    /// Predictions.
    pub pred: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// Computes the scores from counts, exactly as the Python scorer does.
    pub fn from_counts(tp: usize, pred: usize, gold: usize) -> Prf {
        let (p, r, f1) = crate::prf(tp, pred, tp, gold);
        Prf {
            precision: p,
            recall: r,
            f1,
            tp,
            pred,
            gold,
        }
    }
}

/// The scores of a whole file.
#[derive(Debug, Clone, Default)]
pub struct UdResult {
    /// `(metric name, scores)` for every scored metric, in [`METRICS`] order.
    pub metrics: Vec<(&'static str, Prf)>,
    /// Number of documents.
    pub documents: usize,
    /// Documents that had no prediction.
    pub documents_without_prediction: usize,
    /// Predicted spans outside the text (ignored).
    pub out_of_range_spans: usize,
}

impl UdResult {
    /// The scores of one metric, if scored.
    pub fn get(&self, metric: &str) -> Option<Prf> {
        self.metrics
            .iter()
            .find(|(m, _)| *m == metric)
            .map(|(_, p)| *p)
    }

    /// The score table printed by `score_ud.py score` (without `--json`).
    pub fn format(&self) -> String {
        let mut lines = Vec::new();
        for (m, r) in &self.metrics {
            lines.push(format!(
                "{:<20} P {:>6.2}  R {:>6.2}  F1 {:>6.2}   (tp {}, pred {}, gold {})",
                m,
                100.0 * r.precision,
                100.0 * r.recall,
                100.0 * r.f1,
                r.tp,
                r.pred,
                r.gold
            ));
        }
        lines.push(format!(
            "documents {} (without prediction: {})",
            self.documents, self.documents_without_prediction
        ));
        if self.out_of_range_spans > 0 {
            lines.push(format!(
                "out-of-range spans ignored: {}",
                self.out_of_range_spans
            ));
        }
        lines.join("\n")
    }
}

/// Accumulates counts over documents.
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    counts: [[usize; 3]; 5],
    scored_tokens: bool,
    scored_sentences: bool,
    bad_spans: usize,
    documents: usize,
    missing: usize,
}

fn trim(text: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && py_isspace(text[s]) {
        s += 1;
    }
    while e > s && py_isspace(text[e - 1]) {
        e -= 1;
    }
    (s, e)
}

fn count(c: &mut [usize; 3], pred: &HashSet<usize>, gold: &HashSet<usize>) {
    c[0] += pred.intersection(gold).count();
    c[1] += pred.len();
    c[2] += gold.len();
}

impl Scorer {
    /// A new, empty scorer.
    pub fn new() -> Scorer {
        Scorer::default()
    }

    fn norm(&mut self, chars: &[char], spans: &[(i64, i64)]) -> HashSet<Span> {
        let n = chars.len() as i64;
        let mut out = HashSet::new();
        for &(s, e) in spans {
            if s < 0 || e > n || s > e {
                self.bad_spans += 1;
                continue;
            }
            let (s, e) = trim(chars, s as usize, e as usize);
            if s < e {
                out.insert((s, e));
            }
        }
        out
    }

    fn add_signed(
        &mut self,
        doc: &UdDoc,
        tokens: Option<&[(i64, i64)]>,
        sentences: Option<&[(i64, i64)]>,
    ) {
        self.documents += 1;
        let chars: Vec<char> = doc.text.chars().collect();
        if let Some(toks) = tokens {
            self.scored_tokens = true;
            let pred = self.norm(&chars, toks);
            let gs: HashSet<Span> = doc.tokens.iter().copied().collect();
            let gw: HashSet<Span> = doc.words.iter().copied().collect();
            for (i, g) in [(0, &gs), (1, &gw)] {
                let c = &mut self.counts[i];
                c[0] += pred.intersection(g).count();
                c[1] += pred.len();
                c[2] += g.len();
            }
        }
        if let Some(sents) = sentences {
            self.scored_sentences = true;
            let pred: HashSet<usize> = self.norm(&chars, sents).iter().map(|s| s.1).collect();
            let gold: HashSet<usize> = doc.sentences.iter().map(|s| s.1).collect();
            let doc_end = doc.sentences.last().map(|s| s.1).unwrap_or(0);
            let mut par_ends: HashSet<usize> = doc
                .paragraphs
                .iter()
                .map(|&(s, e)| trim(&chars, s, e).1)
                .collect();
            par_ends.insert(doc_end);
            count(&mut self.counts[2], &pred, &gold);
            let without = |set: &HashSet<usize>, drop: &dyn Fn(usize) -> bool| -> HashSet<usize> {
                set.iter().copied().filter(|x| !drop(*x)).collect()
            };
            let p1 = without(&pred, &|x| x == doc_end);
            let g1 = without(&gold, &|x| x == doc_end);
            count(&mut self.counts[3], &p1, &g1);
            let p2 = without(&pred, &|x| par_ends.contains(&x));
            let g2 = without(&gold, &|x| par_ends.contains(&x));
            count(&mut self.counts[4], &p2, &g2);
        }
    }

    /// Adds a document with predicted spans in code-point offsets (`None` = not scored).
    pub fn add_chars(&mut self, doc: &UdDoc, tokens: Option<&[Span]>, sentences: Option<&[Span]>) {
        let conv = |v: &[Span]| -> Vec<(i64, i64)> {
            v.iter().map(|&(s, e)| (s as i64, e as i64)).collect()
        };
        let t = tokens.map(conv);
        let s = sentences.map(conv);
        self.add_signed(doc, t.as_deref(), s.as_deref());
    }

    /// Adds a document with predicted spans in UTF-8 byte offsets into `doc.text`
    /// (offsets that are not on a char boundary count as out-of-range spans).
    pub fn add_utf8(&mut self, doc: &UdDoc, tokens: Option<&[Span]>, sentences: Option<&[Span]>) {
        let mut map = vec![-1i64; doc.text.len() + 1];
        let mut n = 0i64;
        for (b, _) in doc.text.char_indices() {
            map[b] = n;
            n += 1;
        }
        map[doc.text.len()] = n;
        let conv = |v: &[Span]| -> Vec<(i64, i64)> {
            v.iter()
                .map(|&(s, e)| {
                    (
                        map.get(s).copied().unwrap_or(-1),
                        map.get(e).copied().unwrap_or(-1),
                    )
                })
                .collect()
        };
        let t = tokens.map(conv);
        let s = sentences.map(conv);
        self.add_signed(doc, t.as_deref(), s.as_deref());
    }

    /// Adds a document without prediction (all of its gold counts as missed).
    pub fn add_missing(&mut self, doc: &UdDoc) {
        let t: Option<&[Span]> = if self.scored_tokens { Some(&[]) } else { None };
        let s: Option<&[Span]> = if self.scored_sentences {
            Some(&[])
        } else {
            None
        };
        self.add_chars(doc, t, s);
        self.missing += 1;
    }

    /// The scores so far.
    pub fn result(&self) -> UdResult {
        let mut metrics = Vec::new();
        for (i, m) in METRICS.iter().enumerate() {
            let scored = if i < 2 {
                self.scored_tokens
            } else {
                self.scored_sentences
            };
            if scored {
                let c = self.counts[i];
                metrics.push((*m, Prf::from_counts(c[0], c[1], c[2])));
            }
        }
        UdResult {
            metrics,
            documents: self.documents,
            documents_without_prediction: self.missing,
            out_of_range_spans: self.bad_spans,
        }
    }
}
