//! Sentence features: position, length, centrality, entity and quote salience, cues.

use crate::boilerplate::is_boilerplate_fast;
use crate::{Hints, Span};
use byline_tokenize::{Analysis, TokenKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Number of features per sentence (the length of every feature vector).
pub const NUM_FEATURES: usize = 40;

/// Names of the features, in vector order (for reports and the fitting command).
pub const FEATURE_NAMES: [&str; NUM_FEATURES] = [
    "bias",
    "position_inverse",
    "is_first",
    "in_first_three",
    "relative_position",
    "length",
    "is_short",
    "is_long",
    "centroid_similarity",
    "lexrank_degree",
    "first_sentence_similarity",
    "entity_salience",
    "quote_fraction",
    "number_density",
    "attribution_cue",
    "anaphoric_start",
    "is_question",
    "content_ratio",
    "in_first_five",
    "capitalized_density",
    "lexrank",
    "is_second",
    "is_third",
    "length_15_24",
    "length_25_34",
    "lead_in_short_article",
    "lead_in_long_article",
    "term_frequency",
    "first_similarity_rank",
    "centroid_rank",
    "is_fourth",
    "is_fifth",
    "in_last_fifth",
    "length_35_45",
    "ends_with_colon",
    "mentions_top_entity",
    "has_number",
    "centroid_times_lead",
    "centroid_squared",
    "mostly_quoted",
];

/// Sentences at the start of an article searched for a publication stamp.
const HEADER_ZONE: usize = 12;

/// "PUBLISHED: ...", "UPDATED: ...", "Last updated at ...": a publication stamp.
fn is_stamp(sentence: &str) -> bool {
    let head: String = sentence
        .chars()
        .take(80)
        .flat_map(char::to_lowercase)
        .collect();
    head.contains("published:") || head.contains("updated:") || head.contains("last updated")
}

/// Neighbours on each side used for the similarity graph (keeps the graph linear in size).
const GRAPH_WINDOW: usize = 24;
/// Cosine above which two sentences are linked in the graph.
const GRAPH_THRESHOLD: f32 = 0.1;

/// A small multiplicative hasher for `u64` keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub(crate) type FastMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// FNV-1a hash of the ASCII-lowercased word (non-ASCII bytes kept as they are).
pub(crate) fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3);
    }
    h
}

const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has",
    "have", "he", "her", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "just", "me", "more", "most", "my", "no", "not", "n't", "of", "on", "one", "or", "other",
    "our", "out", "over", "s", "'s", "said", "says", "she", "so", "some", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "will", "with", "would", "you",
    "your", "told", "say", "new", "like", "only", "now", "two", "been", "being", "am", "because",
    "very", "many", "much", "may", "might", "should", "through", "us", "cnn",
];

const STOP: u8 = 1;
const ATTRIB: u8 = 2;
const ANAPH: u8 = 4;
const TRIGGER: u8 = 8;

/// Word classes by hash: stopword, attribution verb, anaphoric opener, boilerplate trigger.
static LEXICON: std::sync::LazyLock<FastMap<u8>> = std::sync::LazyLock::new(|| {
    let mut m: FastMap<u8> = FastMap::default();
    for (list, flag) in [
        (STOPWORDS, STOP),
        (ATTRIBUTION, ATTRIB),
        (ANAPHORIC, ANAPH),
        (crate::boilerplate::TRIGGERS, TRIGGER),
    ] {
        for w in list {
            *m.entry(word_hash(w)).or_insert(0) |= flag;
        }
    }
    m
});

const ANAPHORIC: &[&str] = &[
    "he", "she", "it", "they", "this", "that", "these", "those", "but", "and", "however", "his",
    "her", "their", "its", "so", "also", "then", "there", "still", "yet", "we", "i", "you",
];

const ATTRIBUTION: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "added",
    "explained",
    "stated",
    "tweeted",
    "wrote",
    "reported",
    "asked",
];

/// Per-sentence working data shared by features and redundancy control.
#[derive(Debug, Default, Clone)]
pub(crate) struct SentenceInfo {
    /// Sparse TF-IDF vector: (term id, weight), sorted by term id, L2-normalized.
    pub vec: Vec<(u32, f32)>,
    /// Word-like tokens.
    pub words: usize,
    /// Characters in the sentence text.
    pub chars: usize,
    /// Excluded from selection (boilerplate or no words).
    pub skip: bool,
}

pub(crate) fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Bytes of `s` covered by `spans[from..]` (sorted by start, normally disjoint), advancing
/// `from` past spans that end before `s`: linear over a document's sentences.
fn covered(spans: &[Span], from: &mut usize, s: Span) -> usize {
    while *from < spans.len() && spans[*from].end <= s.start {
        *from += 1;
    }
    spans[*from..]
        .iter()
        .take_while(|h| h.start < s.end)
        .map(|h| h.end.min(s.end).saturating_sub(h.start.max(s.start)))
        .sum()
}

/// Hashes of the lower-cased word trigrams of sentence `i` (word and number tokens), sorted.
pub(crate) fn trigrams(analysis: &Analysis<'_>, i: usize) -> Vec<u64> {
    let words: Vec<u64> = analysis
        .sentence_tokens(i)
        .iter()
        .filter(|t| {
            matches!(t.kind, TokenKind::Word | TokenKind::Number)
                && t.text.chars().any(char::is_alphanumeric)
        })
        .map(|t| word_hash(t.text))
        .collect();
    let mut g: Vec<u64> = words
        .windows(3)
        .map(|w| {
            w[0].rotate_left(21) ^ w[1].rotate_left(42) ^ w[2].wrapping_mul(0x9e37_79b9_7f4a_7c15)
        })
        .collect();
    g.sort_unstable();
    g
}

/// Computes the feature vectors and working data of every sentence.
pub(crate) fn compute(
    analysis: &Analysis<'_>,
    hints: &Hints,
    skip_boilerplate: bool,
) -> (Vec<[f32; NUM_FEATURES]>, Vec<SentenceInfo>) {
    let text = analysis.text();
    let sents = analysis.sentences();
    let n = sents.len();
    let mut infos: Vec<SentenceInfo> = Vec::with_capacity(n);
    let mut vocab: FastMap<u32> = FastMap::default();
    let mut df: Vec<u32> = Vec::new();
    let mut tf_lists: Vec<Vec<(u32, f32)>> = Vec::with_capacity(n);
    // Entity keys: hashes of capitalized non-initial words (or hinted entity tokens).
    let mut ent_count: FastMap<u32> = FastMap::default();
    let mut ent_lists: Vec<Vec<u64>> = Vec::with_capacity(n);
    let mut quote_frac: Vec<f32> = Vec::with_capacity(n);
    let mut numbers: Vec<usize> = Vec::with_capacity(n);
    let mut attribution: Vec<bool> = Vec::with_capacity(n);
    let mut anaphoric: Vec<bool> = Vec::with_capacity(n);
    let mut question: Vec<bool> = Vec::with_capacity(n);
    let mut content: Vec<usize> = Vec::with_capacity(n);
    let mut caps: Vec<usize> = Vec::with_capacity(n);
    let mut colon: Vec<bool> = Vec::with_capacity(n);
    let mut inside_quote = false;
    let mut after_lone_by = false;
    let mut header_end: Option<usize> = None;
    let lexicon = &*LEXICON;
    let mut hint_entities = hints.entities.clone();
    hint_entities.sort_unstable();
    let mut hint_quotes = hints.quotes.clone();
    hint_quotes.sort_unstable();
    let (mut next_entity, mut next_quote) = (0usize, 0usize);
    // (at most 16k words ahead: a reserve of half the tokens was 16 bytes per input byte on
    // text of quotation marks alone, which has no words; the map grows as it needs)
    vocab.reserve((analysis.tokens().len() / 2).min(1 << 14));

    for (si, s) in sents.iter().enumerate() {
        let toks = analysis.sentence_tokens(si);
        let mut tf: Vec<(u32, f32)> = Vec::with_capacity(toks.len().min(256));
        let mut ents = Vec::new();
        let mut words = 0usize;
        let mut nums = 0usize;
        let mut quoted = 0usize;
        let mut cont = 0usize;
        let mut cap = 0usize;
        let mut att = false;
        let mut first_word = true;
        let mut ana = false;
        let mut trigger = false;
        for t in toks {
            match t.kind {
                TokenKind::OpenQuote => inside_quote = true,
                TokenKind::CloseQuote => inside_quote = false,
                TokenKind::Punct if t.text == "\"" => inside_quote = !inside_quote,
                _ => {}
            }
            let wordlike = matches!(t.kind, TokenKind::Word | TokenKind::Number)
                && t.text.chars().any(char::is_alphanumeric);
            if !wordlike {
                continue;
            }
            words += 1;
            if inside_quote {
                quoted += 1;
            }
            let h = word_hash(t.text);
            let class = lexicon.get(&h).copied().unwrap_or(0);
            if first_word {
                ana = class & ANAPH != 0;
            }
            if t.kind == TokenKind::Number {
                nums += 1;
            }
            att |= class & ATTRIB != 0;
            trigger |= class & TRIGGER != 0;
            let upper = t.text.chars().next().is_some_and(char::is_uppercase);
            if upper && !first_word {
                cap += 1;
            }
            first_word = false;
            if class & STOP != 0 {
                continue;
            }
            cont += 1;
            if upper && t.span.start != s.span.start {
                ents.push(h);
            }
            let next = vocab.len() as u32;
            let id = *vocab.entry(h).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            tf.push((id, 1.0));
        }
        while next_entity < hint_entities.len() && hint_entities[next_entity].start < s.span.start {
            next_entity += 1;
        }
        for e in hint_entities[next_entity..]
            .iter()
            .take_while(|e| e.start < s.span.end)
        {
            if e.end <= s.span.end && e.start < e.end {
                // Hinted mentions add their words to the capitalized ones (a name opening a
                // sentence, a lower-cased name).
                if let Some(mention) = text.get(e.start..e.end) {
                    ents.extend(mention.split_whitespace().map(word_hash));
                }
            }
        }
        let qf = if hints.quotes.is_empty() {
            if words == 0 {
                0.0
            } else {
                quoted as f32 / words as f32
            }
        } else {
            covered(&hint_quotes, &mut next_quote, s.span) as f32 / s.span.len().max(1) as f32
        };
        // merge duplicates
        tf.sort_unstable_by_key(|p| p.0);
        let mut merged: Vec<(u32, f32)> = Vec::with_capacity(tf.len());
        for (id, c) in tf {
            match merged.last_mut() {
                Some(last) if last.0 == id => last.1 += c,
                _ => {
                    merged.push((id, c));
                    df[id as usize] += 1;
                }
            }
        }
        ents.sort_unstable();
        ents.dedup();
        for &e in &ents {
            *ent_count.entry(e).or_insert(0) += 1;
        }
        let sent_text = s.span.text(text);
        let mut skip =
            words == 0 || (skip_boilerplate && is_boilerplate_fast(sent_text, words, trigger));
        // The author's name after a lone "By ." (the splitter cuts "By . Jane Holt .").
        if skip_boilerplate && after_lone_by && words <= 6 {
            skip = true;
        }
        after_lone_by = sent_text
            .trim_end_matches(['.', ' '])
            .eq_ignore_ascii_case("by");
        if skip && words <= 20 && si < HEADER_ZONE && trigger && is_stamp(sent_text) {
            header_end = Some(si);
        }
        infos.push(SentenceInfo {
            vec: Vec::new(),
            words,
            chars: sent_text.chars().count(),
            skip,
        });
        tf_lists.push(merged);
        ent_lists.push(ents);
        quote_frac.push(qf.min(1.0));
        numbers.push(nums);
        attribution.push(att);
        anaphoric.push(ana);
        question.push(
            sent_text
                .trim_end()
                .trim_end_matches(['"', '\'', '”', '’', ')'])
                .ends_with('?'),
        );
        content.push(cont);
        caps.push(cap);
        colon.push(
            sent_text
                .trim_end()
                .trim_end_matches(['"', '\'', '”', '’'])
                .ends_with(':'),
        );
    }

    // A Daily Mail header ("By . Jane Holt . PUBLISHED: . 12:53 EST, 3 May 2013 . | .
    // UPDATED: ...") never counts as the lead: everything up to its last stamp is skipped.
    if let Some(h) = header_end {
        for info in &mut infos[..h] {
            info.skip = true;
        }
    }

    // TF-IDF vectors and centroid.
    let nf = n.max(1) as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((nf + 1.0) / (d as f32 + 0.5)).ln())
        .collect();
    let mut centroid: Vec<f32> = vec![0.0; df.len()];
    for (info, tf) in infos.iter_mut().zip(tf_lists) {
        let mut v: Vec<(u32, f32)> = tf
            .into_iter()
            .map(|(id, c)| (id, (1.0 + c.ln()) * idf[id as usize]))
            .collect();
        let norm = v.iter().map(|p| p.1 * p.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            for p in &mut v {
                p.1 /= norm;
            }
        }
        if !info.skip {
            for p in &v {
                centroid[p.0 as usize] += p.1;
            }
        }
        info.vec = v;
    }

    // Rank among selectable sentences.
    let selectable = infos.iter().filter(|i| !i.skip).count().max(1) as f32;
    let max_ent = ent_count.values().copied().max().unwrap_or(1).max(1) as f32;
    // The entity key in most sentences (ties: the smallest key, so the choice is deterministic).
    let top_entity = ent_count
        .iter()
        .filter(|(_, &c)| c >= 2)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(&k, _)| k);

    // Similarity graph (windowed) for degree centrality.
    let mut degree = vec![0.0f32; n];
    let mut edges: Vec<(usize, usize, f32)> = Vec::new();
    // Dense scratch copy of sentence i's vector: each dot product is then one pass over j's
    // entries (same products in the same term order as `cosine`, so the same result).
    let mut dense = vec![0.0f32; df.len()];
    for i in 0..n {
        if infos[i].skip {
            continue;
        }
        for p in &infos[i].vec {
            dense[p.0 as usize] = p.1;
        }
        for j in i + 1..n.min(i + 1 + GRAPH_WINDOW) {
            if infos[j].skip {
                continue;
            }
            let c = infos[j]
                .vec
                .iter()
                .filter_map(|p| {
                    let a = dense[p.0 as usize];
                    (a != 0.0).then_some(a * p.1)
                })
                .sum::<f32>();
            if c > GRAPH_THRESHOLD {
                degree[i] += c;
                degree[j] += c;
                edges.push((i, j, c));
            }
        }
        for p in &infos[i].vec {
            dense[p.0 as usize] = 0.0;
        }
    }
    let max_deg = degree.iter().copied().fold(0.0f32, f32::max).max(1e-6);
    let lexrank = lexrank(&infos, &degree, &edges);
    let first_sel = infos.iter().position(|i| !i.skip);

    let mut feats = Vec::with_capacity(n);
    let mut rank = 0usize;
    for i in 0..n {
        let info = &infos[i];
        let mut f = [0.0f32; NUM_FEATURES];
        let r = rank as f32;
        if !info.skip {
            rank += 1;
        }
        let w = info.words as f32;
        // centroid similarity excluding the sentence itself
        let mut dot = 0.0f32;
        for p in &info.vec {
            let c = centroid[p.0 as usize] - if info.skip { 0.0 } else { p.1 };
            dot += c * p.1;
        }
        f[0] = 1.0;
        f[1] = 1.0 / (r + 1.0);
        f[2] = if r == 0.0 { 1.0 } else { 0.0 };
        f[3] = if r < 3.0 { 1.0 } else { 0.0 };
        f[4] = r / selectable;
        f[5] = (w / 30.0).min(2.0);
        f[6] = if info.words < 8 { 1.0 } else { 0.0 };
        f[7] = if info.words > 45 { 1.0 } else { 0.0 };
        f[8] = dot / (selectable - 1.0).max(1.0);
        f[9] = degree[i] / max_deg;
        f[10] = match first_sel {
            Some(fi) if fi != i => cosine(&info.vec, &infos[fi].vec),
            Some(_) => 1.0,
            None => 0.0,
        };
        let es: u32 = ent_lists[i]
            .iter()
            .map(|e| ent_count.get(e).copied().unwrap_or(1) - 1)
            .sum();
        f[11] = (es as f32 / max_ent).min(3.0) / 3.0;
        f[12] = quote_frac[i];
        f[13] = if info.words > 0 {
            numbers[i] as f32 / w
        } else {
            0.0
        };
        f[14] = if attribution[i] { 1.0 } else { 0.0 };
        f[15] = if anaphoric[i] { 1.0 } else { 0.0 };
        f[16] = if question[i] { 1.0 } else { 0.0 };
        f[17] = if info.words > 0 {
            content[i] as f32 / w
        } else {
            0.0
        };
        f[18] = if r < 5.0 { 1.0 } else { 0.0 };
        f[19] = if info.words > 0 {
            caps[i] as f32 / w
        } else {
            0.0
        };
        f[20] = lexrank[i];
        f[21] = if r == 1.0 { 1.0 } else { 0.0 };
        f[22] = if r == 2.0 { 1.0 } else { 0.0 };
        f[23] = if (15..25).contains(&info.words) {
            1.0
        } else {
            0.0
        };
        f[24] = if (25..35).contains(&info.words) {
            1.0
        } else {
            0.0
        };
        f[25] = if selectable <= 15.0 { f[1] } else { 0.0 };
        f[26] = if selectable > 40.0 { f[1] } else { 0.0 };
        // Mean share of the selectable sentences that contain each content word.
        f[27] = if info.vec.is_empty() {
            0.0
        } else {
            let s: f32 = info.vec.iter().map(|p| df[p.0 as usize] as f32).sum();
            s / (info.vec.len() as f32 * selectable)
        };
        f[30] = if r == 3.0 { 1.0 } else { 0.0 };
        f[31] = if r == 4.0 { 1.0 } else { 0.0 };
        f[32] = if f[4] >= 0.8 { 1.0 } else { 0.0 };
        f[33] = if (35..46).contains(&info.words) {
            1.0
        } else {
            0.0
        };
        f[34] = if colon[i] { 1.0 } else { 0.0 };
        f[35] = if top_entity.is_some_and(|t| ent_lists[i].contains(&t)) {
            1.0
        } else {
            0.0
        };
        f[36] = if numbers[i] > 0 { 1.0 } else { 0.0 };
        f[37] = f[8] * f[1];
        f[38] = f[8] * f[8];
        f[39] = if quote_frac[i] > 0.5 { 1.0 } else { 0.0 };
        feats.push(f);
    }
    // Ranks (among selectable sentences) of the similarity to the lead and to the centroid,
    // as 1 / (1 + rank): robust to the scale of the cosines.
    for (col, src) in [(28usize, 10usize), (29, 8)] {
        let mut order: Vec<usize> = (0..n).filter(|&i| !infos[i].skip).collect();
        order.sort_by(|&a, &b| feats[b][src].total_cmp(&feats[a][src]).then(a.cmp(&b)));
        for (k, &i) in order.iter().enumerate() {
            feats[i][col] = 1.0 / (1.0 + k as f32);
        }
    }
    (feats, infos)
}

/// LexRank (continuous, damping 0.85, 15 power iterations) over the windowed similarity graph,
/// scaled so the best sentence has 1. Linear in the number of edges.
fn lexrank(infos: &[SentenceInfo], degree: &[f32], edges: &[(usize, usize, f32)]) -> Vec<f32> {
    let n = infos.len();
    let active = infos.iter().filter(|i| !i.skip).count();
    if active == 0 {
        return vec![0.0; n];
    }
    let base = 0.15 / active as f32;
    let mut p: Vec<f32> = infos
        .iter()
        .map(|i| if i.skip { 0.0 } else { 1.0 / active as f32 })
        .collect();
    let mut next = vec![0.0f32; n];
    for _ in 0..15 {
        let mut dangling = 0.0f32;
        for (k, v) in next.iter_mut().enumerate() {
            *v = 0.0;
            if !infos[k].skip && degree[k] <= 0.0 {
                dangling += p[k];
            }
        }
        for &(i, j, c) in edges {
            next[j] += 0.85 * p[i] * c / degree[i];
            next[i] += 0.85 * p[j] * c / degree[j];
        }
        let spread = base + 0.85 * dangling / active as f32;
        for (k, v) in next.iter_mut().enumerate() {
            if !infos[k].skip {
                *v += spread;
            }
        }
        std::mem::swap(&mut p, &mut next);
    }
    let max = p.iter().copied().fold(0.0f32, f32::max).max(1e-9);
    p.iter().map(|v| v / max).collect()
}
