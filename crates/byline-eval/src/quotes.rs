//! Port of `shared/tools/score_quotes.py`: quote extraction and attribution scores
//! (content P/R/F1, exact match, attribution and cue accuracy, end-to-end F1, per kind).
//!
//! Offsets are Unicode code-point offsets (Python `str` indices), as in the JSON-lines
//! files; use [`byte_to_char_offsets`] to convert UTF-8 byte offsets first.

use crate::prf;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// A half-open `[start, end)` span in code points.
pub type CharSpan = (usize, usize);

/// The quote kinds, in table order.
pub const KINDS: [&str; 3] = ["direct", "mixed", "indirect"];

const POSTMOD: &[&str] = &[
    "who", "which", "that", "of", "from", "at", "for", "with", "in", "on", "and", "or", "to",
];
const PRONOUNS: &[&str] = &[
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this", "that",
    "these", "those", "one", "someone", "some", "others", "who", "which",
];

/// One quote record (gold or predicted).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteRec {
    /// Outer content extent.
    pub content: Option<CharSpan>,
    /// Content fragments when discontinuous.
    pub content_parts: Vec<CharSpan>,
    /// Source span.
    pub source: Option<CharSpan>,
    /// Cue span.
    pub cue: Option<CharSpan>,
    /// Gold kind, if given.
    pub kind: Option<String>,
    /// Gold `direct` flag.
    pub direct: bool,
}

/// One article: id, text (gold only) and quotes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleRec {
    /// Article id.
    pub id: String,
    /// Full text (empty for predictions).
    pub text: String,
    /// Quotes.
    pub quotes: Vec<QuoteRec>,
}

fn span_of(v: &Value) -> Option<CharSpan> {
    let a = v.as_array()?;
    Some((a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize))
}

impl ArticleRec {
    /// Parses one JSON line.
    pub fn from_json(v: &Value) -> ArticleRec {
        let quotes = v["quotes"]
            .as_array()
            .map(|qs| {
                qs.iter()
                    .map(|q| QuoteRec {
                        content: span_of(&q["content"]),
                        content_parts: q["content_parts"]
                            .as_array()
                            .map(|ps| ps.iter().filter_map(span_of).collect())
                            .unwrap_or_default(),
                        source: span_of(&q["source"]),
                        cue: span_of(&q["cue"]),
                        kind: q["kind"].as_str().map(str::to_string),
                        direct: q["direct"].as_bool().unwrap_or(false),
                    })
                    .collect()
            })
            .unwrap_or_default();
        ArticleRec {
            id: v["id"].as_str().unwrap_or("").to_string(),
            text: v["text"].as_str().unwrap_or("").to_string(),
            quotes,
        }
    }
}

/// Reads a JSON-lines file of articles.
pub fn load_jsonl(path: &str) -> Result<Vec<ArticleRec>, String> {
    let data =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read file {path}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: Value = serde_json::from_str(line)
            .map_err(|e| format!("{path}:{}: invalid JSON: {e}", n + 1))?;
        out.push(ArticleRec::from_json(&v));
    }
    Ok(out)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The `\w+` tokens of a text given as chars, as code-point spans.
pub fn word_tokens(text: &[char]) -> Vec<CharSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if is_word(text[i]) {
            let s = i;
            while i < text.len() && is_word(text[i]) {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Predicted quotes of one article, with code-point offsets.
pub fn predict(
    finder: &byline_quotes::QuoteFinder,
    recognizer: &byline_entities::Recognizer,
    text: &str,
) -> Vec<QuoteRec> {
    let analysis = byline_tokenize::analyze(text);
    let entities = recognizer.recognize(&analysis);
    let map = byte_to_char_offsets(text);
    let cs = |s: byline_tokenize::Span| (map[s.start.min(text.len())], map[s.end.min(text.len())]);
    finder
        .find(&analysis, &entities)
        .into_iter()
        .map(|q| QuoteRec {
            content: Some(cs(q.span)),
            content_parts: if q.parts.len() > 1 {
                q.parts.iter().map(|p| cs(*p)).collect()
            } else {
                vec![]
            },
            source: q.speaker.map(|s| cs(s.span)),
            cue: q.cue.map(cs),
            kind: None,
            direct: false,
        })
        .collect()
}

/// Maps every UTF-8 byte offset of `text` (0..=len) to a code-point offset.
pub fn byte_to_char_offsets(text: &str) -> Vec<usize> {
    let mut map = vec![0; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        for k in 0..c.len_utf8() {
            map[b + k] = n;
        }
        n += 1;
    }
    map[text.len()] = n;
    map
}

/// The scorer's mask of characters inside double-quotation regions.
pub fn quoted_mask(text: &[char]) -> Vec<bool> {
    let mut mask = vec![false; text.len()];
    let is_q = |c: char| matches!(c, '“' | '”' | '"' | '«' | '»' | '„' | '‟');
    let mut i = 0;
    while i < text.len() {
        if text[i] == '\n' {
            i += 1;
            continue;
        }
        let ls = i;
        let mut le = i;
        while le < text.len() && text[le] != '\n' {
            le += 1;
        }
        let mut open_at: Option<usize> = None;
        let mut j = ls;
        while j < le {
            let (len, q) = if text[j] == '\'' && j + 1 < le && text[j + 1] == '\'' {
                (2, '\'')
            } else if is_q(text[j]) {
                (1, text[j])
            } else {
                j += 1;
                continue;
            };
            let (s, e) = (j, j + len);
            match open_at {
                None => {
                    if !matches!(q, '”' | '»' | '‟') {
                        open_at = Some(s);
                    }
                }
                Some(o) => {
                    if matches!(q, '“' | '«' | '„') {
                        open_at = Some(s);
                    } else {
                        mask[o..e].iter_mut().for_each(|m| *m = true);
                        open_at = None;
                    }
                }
            }
            j = e;
        }
        if let Some(o) = open_at {
            mask[o..le].iter_mut().for_each(|m| *m = true);
        }
        i = le;
    }
    mask
}

/// The kind ("direct", "mixed", "indirect") of content fragments, as the scorer computes it.
pub fn kind_of(text: &[char], mask: &[bool], frags: &[CharSpan]) -> &'static str {
    let mut n = 0usize;
    let mut inside = 0usize;
    for &(a, b) in frags {
        for i in a..b.min(text.len()) {
            if text[i].is_alphanumeric() {
                n += 1;
                inside += usize::from(mask[i]);
            }
        }
    }
    if n == 0 {
        return "indirect";
    }
    let share = inside as f64 / n as f64;
    if share >= 0.9 {
        "direct"
    } else if share > 0.0 {
        "mixed"
    } else {
        "indirect"
    }
}

struct Doc {
    text: Vec<char>,
    toks: Vec<CharSpan>,
    mask: Vec<bool>,
}

impl Doc {
    fn new(text: &str) -> Doc {
        let text: Vec<char> = text.chars().collect();
        let toks = word_tokens(&text);
        let mask = quoted_mask(&text);
        Doc { text, toks, mask }
    }

    fn tokens(&self, frags: &[CharSpan]) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        for &(a, b) in frags {
            if b <= a {
                continue;
            }
            let mut i = self.toks.partition_point(|t| t.1 <= a);
            while i < self.toks.len() && self.toks[i].0 < b {
                out.insert(i);
                i += 1;
            }
        }
        out
    }

    fn words(&self, a: usize, b: usize) -> Vec<String> {
        let b = b.min(self.text.len());
        let a = a.min(b);
        word_tokens(&self.text[a..b])
            .into_iter()
            .map(|(s, e)| self.text[a + s..a + e].iter().collect())
            .collect()
    }

    fn head_word(&self, span: CharSpan) -> Option<String> {
        let (a, b) = span;
        let b2 = b.min(self.text.len());
        let a2 = a.min(b2);
        let s = &self.text[a2..b2];
        // CUT_RE: [,(\[—–]| - ; cut when the match starts after position 0.
        let mut cut = s.len();
        for i in 0..s.len() {
            let hit = matches!(s[i], ',' | '(' | '[' | '—' | '–')
                || (s[i] == ' ' && i + 2 < s.len() && s[i + 1] == '-' && s[i + 2] == ' ');
            if hit {
                cut = i;
                break;
            }
        }
        if cut == 0 {
            cut = s.len();
        }
        let words = self.words(a2, a2 + cut);
        let mut kept: Vec<String> = Vec::new();
        for w in words {
            if !kept.is_empty() && POSTMOD.contains(&w.to_lowercase().as_str()) {
                break;
            }
            kept.push(w);
        }
        if kept.is_empty() {
            let words = self.words(a2, b2);
            kept = words.last().cloned().into_iter().collect();
        }
        let mut h = kept.last()?.clone();
        if h.to_lowercase() == "s" && kept.len() > 1 {
            h = kept[kept.len() - 2].clone();
        }
        Some(h.to_lowercase())
    }

    fn spans_agree(&self, gold: &[CharSpan], pred: &[CharSpan]) -> bool {
        let gt = self.tokens(gold);
        if !gt.is_empty() {
            let pt = self.tokens(pred);
            return gt.intersection(&pt).next().is_some();
        }
        gold.iter()
            .any(|&(a, b)| pred.iter().any(|&(c, d)| a < d && c < b))
    }
}

fn content_frags(q: &QuoteRec) -> Vec<CharSpan> {
    if !q.content_parts.is_empty() {
        q.content_parts.clone()
    } else {
        q.content.into_iter().collect()
    }
}

fn greedy(mut pairs: Vec<(f64, usize, usize)>) -> Vec<(usize, usize, f64)> {
    pairs.sort_by(|x, y| {
        y.0.partial_cmp(&x.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(x.1.cmp(&y.1))
            .then(x.2.cmp(&y.2))
    });
    let mut used_g = BTreeSet::new();
    let mut used_p = BTreeSet::new();
    let mut out = Vec::new();
    for (f, gi, pi) in pairs {
        if !used_g.contains(&gi) && !used_p.contains(&pi) {
            used_g.insert(gi);
            used_p.insert(pi);
            out.push((gi, pi, f));
        }
    }
    out
}

/// Raw counters, keyed `name` or `name/kind`.
#[derive(Clone, Debug, Default)]
pub struct Counts(HashMap<String, usize>);

impl Counts {
    fn add(&mut self, name: &str, kind: Option<&str>) {
        *self.0.entry(name.to_string()).or_default() += 1;
        if let Some(k) = kind {
            *self.0.entry(format!("{name}/{k}")).or_default() += 1;
        }
    }
    fn add_kind(&mut self, name: &str, kind: &str) {
        *self.0.entry(format!("{name}/{kind}")).or_default() += 1;
    }
    /// A counter value (0 when absent).
    pub fn get(&self, key: &str) -> usize {
        self.0.get(key).copied().unwrap_or(0)
    }
}

/// Scores predictions (by article id) against gold articles.
pub fn score(gold: &[ArticleRec], pred: &HashMap<String, Vec<QuoteRec>>) -> Counts {
    let mut c = Counts::default();
    let empty = Vec::new();
    for g in gold {
        let doc = Doc::new(&g.text);
        let gq = &g.quotes;
        let pq = pred.get(&g.id).unwrap_or(&empty);
        let gsets: Vec<_> = gq.iter().map(|q| doc.tokens(&content_frags(q))).collect();
        let psets: Vec<_> = pq.iter().map(|q| doc.tokens(&content_frags(q))).collect();
        let gkind: Vec<&str> = gq
            .iter()
            .map(|q| match q.kind.as_deref() {
                Some(k) if KINDS.contains(&k) => KINDS.iter().find(|x| **x == k).copied().unwrap(),
                _ if q.direct => "direct",
                _ => kind_of(&doc.text, &doc.mask, &content_frags(q)),
            })
            .collect();
        let pkind: Vec<&str> = pq
            .iter()
            .map(|q| kind_of(&doc.text, &doc.mask, &content_frags(q)))
            .collect();
        for k in &gkind {
            c.add("gold", Some(k));
        }
        for k in &pkind {
            c.add("pred", Some(k));
        }
        let mut pairs = Vec::new();
        let mut exact_pairs = Vec::new();
        for (gi, gs) in gsets.iter().enumerate() {
            if gs.is_empty() {
                continue;
            }
            for (pi, ps) in psets.iter().enumerate() {
                if ps.is_empty() {
                    continue;
                }
                let inter = gs.intersection(ps).count();
                if inter == 0 {
                    continue;
                }
                let f = 2.0 * inter as f64 / (gs.len() + ps.len()) as f64;
                if f >= 0.5 {
                    pairs.push((f, gi, pi));
                }
                if gs == ps {
                    exact_pairs.push((1.0, gi, pi));
                }
            }
        }
        let matched = greedy(pairs);
        let exact = greedy(exact_pairs);
        for (gi, pi, _) in &exact {
            c.add("exact", None);
            c.add_kind("exact_g", gkind[*gi]);
            c.add_kind("exact_p", pkind[*pi]);
        }
        for &(gi, pi, _) in &matched {
            let (kg, kp) = (gkind[gi], pkind[pi]);
            c.add("match", None);
            c.add_kind("match_g", kg);
            c.add_kind("match_p", kp);
            let (gqi, pqi) = (&gq[gi], &pq[pi]);
            if let Some(gc) = gqi.cue {
                c.add("cue_n", Some(kg));
                if let Some(pc) = pqi.cue {
                    if doc.spans_agree(&[gc], &[pc]) {
                        c.add("cue_ok", Some(kg));
                    }
                }
            }
            let mut e2e_ok = true;
            if let Some(gsrc) = gqi.source {
                c.add("src_n", Some(kg));
                let (mut strict, mut lenient) = (false, false);
                if let Some(psrc) = pqi.source {
                    let gs_t = doc.tokens(&[gsrc]);
                    let ps_t = doc.tokens(&[psrc]);
                    strict = gs_t.intersection(&ps_t).next().is_some();
                    lenient = strict;
                    if !lenient {
                        if let Some(head) = doc.head_word(gsrc) {
                            if !PRONOUNS.contains(&head.as_str()) {
                                lenient = ps_t.iter().any(|&i| {
                                    let (a, b) = doc.toks[i];
                                    doc.text[a..b].iter().collect::<String>().to_lowercase() == head
                                });
                            }
                        }
                    }
                }
                if strict {
                    c.add("src_strict", Some(kg));
                }
                if lenient {
                    c.add("src_ok", Some(kg));
                }
                e2e_ok = lenient;
            }
            if e2e_ok {
                c.add("e2e", None);
                c.add_kind("e2e_g", kg);
                c.add_kind("e2e_p", kp);
            }
        }
    }
    c
}

/// Scores of one slice (all, a kind, or non-direct).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SliceScores {
    /// Gold quotes.
    pub n_gold: usize,
    /// Predicted quotes.
    pub n_pred: usize,
    /// Content precision.
    pub content_p: f64,
    /// Content recall.
    pub content_r: f64,
    /// Content F1.
    pub content_f1: f64,
    /// Exact precision.
    pub exact_p: f64,
    /// Exact recall.
    pub exact_r: f64,
    /// Exact F1.
    pub exact_f1: f64,
    /// Lenient attribution accuracy.
    pub attribution_acc: Option<f64>,
    /// Strict attribution accuracy.
    pub attribution_acc_strict: Option<f64>,
    /// Matched pairs with a gold source.
    pub attribution_n: usize,
    /// Cue accuracy.
    pub cue_acc: Option<f64>,
    /// End-to-end precision.
    pub e2e_p: f64,
    /// End-to-end recall.
    pub e2e_r: f64,
    /// End-to-end F1.
    pub e2e_f1: f64,
}

/// The table rows: `all`, `direct`, `mixed`, `indirect`, `non-direct`.
pub fn summarize(c: &Counts) -> Vec<(String, SliceScores)> {
    let rows: [(&str, Option<&str>); 5] = [
        ("all", None),
        ("direct", Some("direct")),
        ("mixed", Some("mixed")),
        ("indirect", Some("indirect")),
        ("non-direct", Some("nd")),
    ];
    let get = |name: &str, k: Option<&str>| -> usize {
        match k {
            None => c.get(name),
            Some("nd") => c.get(&format!("{name}/mixed")) + c.get(&format!("{name}/indirect")),
            Some(k) => c.get(&format!("{name}/{k}")),
        }
    };
    let mut out = Vec::new();
    for (label, k) in rows {
        let all = k.is_none();
        let pick = |a: &str, b: &str| if all { c.get(a) } else { get(b, k) };
        let ng = pick("gold", "gold");
        let np = pick("pred", "pred");
        let (mg, mp) = (pick("match", "match_g"), pick("match", "match_p"));
        let (eg, ep) = (pick("exact", "exact_g"), pick("exact", "exact_p"));
        let (e2g, e2p) = (pick("e2e", "e2e_g"), pick("e2e", "e2e_p"));
        let src_n = get("src_n", k);
        let cue_n = get("cue_n", k);
        let (p, r, f) = prf(mp, np, mg, ng);
        let (xp, xr, xf) = prf(ep, np, eg, ng);
        let (ep2, er2, ef2) = prf(e2p, np, e2g, ng);
        let ratio = |x: usize, n: usize| (n > 0).then(|| x as f64 / n as f64);
        out.push((
            label.to_string(),
            SliceScores {
                n_gold: ng,
                n_pred: np,
                content_p: p,
                content_r: r,
                content_f1: f,
                exact_p: xp,
                exact_r: xr,
                exact_f1: xf,
                attribution_acc: ratio(get("src_ok", k), src_n),
                attribution_acc_strict: ratio(get("src_strict", k), src_n),
                attribution_n: src_n,
                cue_acc: ratio(get("cue_ok", k), cue_n),
                e2e_p: ep2,
                e2e_r: er2,
                e2e_f1: ef2,
            },
        ));
    }
    out
}

/// Formats the table as the Python scorer prints it.
pub fn format_table(res: &[(String, SliceScores)]) -> String {
    let pc = |x: Option<f64>| match x {
        None => "   n/a".to_string(),
        Some(v) => format!("{:6.1}", 100.0 * v),
    };
    let mut lines = vec![format!(
        "{:<11}{:>6}{:>6}{:>7}{:>7}{:>7}{:>7}{:>7}{:>7}{:>7}{:>7}",
        "slice", "gold", "pred", "P", "R", "F1", "exF1", "attr", "attrS", "cue", "e2eF1"
    )];
    for (label, r) in res {
        lines.push(format!(
            "{:<11}{:>6}{:>6} {} {} {} {} {} {} {} {}",
            label,
            r.n_gold,
            r.n_pred,
            pc(Some(r.content_p)),
            pc(Some(r.content_r)),
            pc(Some(r.content_f1)),
            pc(Some(r.exact_f1)),
            pc(r.attribution_acc),
            pc(r.attribution_acc_strict),
            pc(r.cue_acc),
            pc(Some(r.e2e_f1))
        ));
    }
    lines.push(
        "P/R/F1: content overlap match (token F1>=0.5); exF1: exact token-set match; attr: \
         attribution accuracy (lenient, head word), attrS: strict span overlap; cue: cue overlap \
         accuracy; e2eF1: content+speaker. Per-kind P uses the predicted quote's kind, R the gold's."
            .to_string(),
    );
    lines.join("\n")
}
