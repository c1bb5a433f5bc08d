//! Training of the recognizer's model (used by the workspace's `train-ner` command).
//!
//! You probably want [`Recognizer::new`](crate::Recognizer::new), which embeds a trained
//! model. This module is for retraining: it learns a lexicon (distributional word clusters and
//! capitalisation ratios) from unlabeled sentences, then two averaged structured perceptrons
//! (pass 1 with local features; pass 2 adding document features computed from pass-1 output,
//! obtained on the training data by jackknifing), choosing the number of epochs on a dev set.
//! Everything is deterministic for a given configuration and input.

use crate::features::{lower_hash, Tok, NT};
use crate::lexicon::{IdMap, LexEntry, Lexicon};
use crate::model::{viterbi, Model, Trans, Weights};
use crate::tagger::{self, DocInput, Scratch};

/// One training sentence: words and their tags (IOB1, IOB2, IOBES or BILOU; types PER, ORG,
/// LOC, MISC).
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    /// The tokens.
    pub words: Vec<String>,
    /// One tag per token.
    pub tags: Vec<String>,
}

/// A document: sentences in order.
pub type Document = Vec<Sentence>;

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Maximum epochs of pass 1 (the best on dev is kept).
    pub epochs1: usize,
    /// Epochs of the jackknifed pass-1 models.
    pub jack_epochs: usize,
    /// Maximum epochs of pass 2 (the best on dev is kept).
    pub epochs2: usize,
    /// Jackknife folds for pass-1 predictions on the training data.
    pub folds: usize,
    /// Seed of the shuffling and of the clustering.
    pub seed: u64,
    /// Fine and coarse cluster counts.
    pub clusters: (usize, usize),
    /// Minimum frequency of a word in the unlabeled text to get a cluster.
    pub cluster_min_freq: u32,
    /// Weights with a smaller magnitude are dropped from the model.
    pub prune: f64,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs1: 15,
            jack_epochs: 8,
            epochs2: 25,
            folds: 5,
            seed: 42,
            clusters: (300, 40),
            cluster_min_freq: 5,
            prune: 0.05,
        }
    }
}

/// Result of training.
#[derive(Clone, Debug)]
pub struct Trained {
    /// The model file bytes.
    pub model: Vec<u8>,
    /// Dev F1 (exact match, conlleval semantics) after pass 1 and after pass 2.
    pub dev_f1: (f64, f64),
    /// Chosen epochs of pass 1 and pass 2.
    pub epochs: (usize, usize),
}

/// Splits raw text into rough sentences of tokens (whitespace, with leading and trailing
/// punctuation and possessive `'s` split off) for lexicon learning.
pub fn rough_tokenize(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut sent: Vec<String> = Vec::new();
        for raw in para.split_whitespace() {
            let mut lead = Vec::new();
            let mut w: &str = raw;
            while let Some(c) = w.chars().next() {
                if c.is_alphanumeric() {
                    break;
                }
                lead.push(c.to_string());
                w = &w[c.len_utf8()..];
            }
            let mut trail = Vec::new();
            while let Some(c) = w.chars().next_back() {
                if c.is_alphanumeric() {
                    break;
                }
                trail.push(c.to_string());
                w = &w[..w.len() - c.len_utf8()];
            }
            let mut poss = None;
            for suf in ["'s", "\u{2019}s"] {
                if w.len() > suf.len() && w.ends_with(suf) {
                    poss = Some(w[w.len() - suf.len()..].to_string());
                    w = &w[..w.len() - suf.len()];
                    break;
                }
            }
            sent.extend(lead);
            if !w.is_empty() {
                sent.push(w.to_string());
            }
            sent.extend(poss);
            let ends = trail.iter().any(|t| t == "." || t == "!" || t == "?");
            sent.extend(trail.into_iter().rev());
            if ends && sent.len() > 1 {
                out.push(std::mem::take(&mut sent));
            }
        }
        if !sent.is_empty() {
            out.push(sent);
        }
    }
    out
}

/// Titles and roles that precede person names in news.
const TITLES: &[&str] = &[
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

/// Deterministic xorshift RNG.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Learns the lexicon from unlabeled sentences.
fn build_lexicon(
    unlabeled: &[Vec<String>],
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) -> Lexicon {
    let empty = Lexicon::default();
    let mut freq: IdMap<u32> = IdMap::default();
    let mut cap_mid: IdMap<u32> = IdMap::default();
    let mut low: IdMap<u32> = IdMap::default();
    let mut cap_all: IdMap<u32> = IdMap::default();
    let mut person_ctx: IdMap<u32> = IdMap::default();
    let title_h: Vec<u64> = TITLES.iter().map(|t| lower_hash(t)).collect();
    let speech_h: Vec<u64> = ["said", "says", "told", "added", "asked", "wrote"]
        .iter()
        .map(|t| lower_hash(t))
        .collect();
    let mut hashed: Vec<Vec<u64>> = Vec::with_capacity(unlabeled.len());
    for s in unlabeled {
        let toks: Vec<Tok> = s.iter().map(|w| Tok::new(w, &empty)).collect();
        let all_caps = toks.iter().any(|t| t.alpha) && !toks.iter().any(|t| t.alpha && !t.upper);
        let mut initial = true;
        let mut hs = Vec::with_capacity(toks.len());
        for (w, t) in s.iter().zip(&toks) {
            hs.push(t.lower);
            if t.alpha {
                *freq.entry(t.lower).or_default() += 1;
                // capitalised: any uppercase letter ("Assad", "al-Assad", "iPhone")
                if !t.lowercase && !initial && !all_caps {
                    *cap_mid.entry(t.lower).or_default() += 1;
                }
                if t.lowercase {
                    *low.entry(t.lower).or_default() += 1;
                }
                initial = false;
            } else if !t.alpha && !w.chars().any(|c| c.is_numeric()) {
                // quotes, brackets, colons and dashes start a new clause
                initial = initial
                    || matches!(
                        w.as_str(),
                        "\"" | "(" | ":" | "--" | "\u{201c}" | "'" | "\u{2014}"
                    );
            } else {
                initial = false;
            }
        }
        // Person contexts: a capitalised word after a title (within two words, skipping
        // other capitalised words) or right before a speech verb.
        for (i, t) in toks.iter().enumerate() {
            if !t.alpha || t.lowercase || all_caps {
                continue;
            }
            *cap_all.entry(t.lower).or_default() += 1;
            let mut titled = false;
            for back in 1..=3 {
                if i < back {
                    break;
                }
                let p = &toks[i - back];
                let ph = lower_hash(s[i - back].trim_end_matches('.'));
                if title_h.contains(&ph) {
                    titled = true;
                    break;
                }
                if !p.alpha || p.lowercase {
                    break;
                }
            }
            let speech = i + 1 < toks.len() && speech_h.contains(&toks[i + 1].lower);
            if titled || speech {
                *person_ctx.entry(t.lower).or_default() += 1;
            }
        }
        hashed.push(hs);
    }
    log(&format!(
        "lexicon: {} sentences, {} word types",
        unlabeled.len(),
        freq.len()
    ));
    // Capitalisation buckets.
    let mut map: IdMap<LexEntry> = IdMap::default();
    let mut words: Vec<(u64, u32)> = freq.iter().map(|(&k, &v)| (k, v)).collect();
    words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for &(h, f) in &words {
        if f < 2 {
            continue;
        }
        let c = cap_mid.get(&h).copied().unwrap_or(0) as f64;
        let l = low.get(&h).copied().unwrap_or(0) as f64;
        let b = if c + l == 0.0 {
            5
        } else {
            let r = c / (c + l);
            if r < 0.05 {
                0
            } else if r < 0.3 {
                1
            } else if r < 0.7 {
                2
            } else if r < 0.95 {
                3
            } else {
                4
            }
        };
        let capb = b * 2 + (f >= 20) as u8;
        let ca = cap_all.get(&h).copied().unwrap_or(0) as f64;
        let pc = person_ctx.get(&h).copied().unwrap_or(0) as f64;
        let person = if ca == 0.0 || pc == 0.0 {
            0
        } else {
            let r = pc / ca;
            1 + (r >= 0.05) as u8 + (r >= 0.2) as u8 + (r >= 0.5) as u8
        };
        map.insert(
            h,
            LexEntry {
                fine: u16::MAX,
                coarse: u16::MAX,
                capb,
                person,
            },
        );
    }
    // Distributional clusters: PPMI of left/right neighbours, random projection, k-means.
    let vocab: Vec<u64> = words
        .iter()
        .filter(|w| w.1 >= cfg.cluster_min_freq)
        .take(60_000)
        .map(|w| w.0)
        .collect();
    let nctx = 1000.min(words.len());
    let mut vid: IdMap<u32> = IdMap::default();
    for (i, &h) in vocab.iter().enumerate() {
        vid.insert(h, i as u32);
    }
    let mut cid: IdMap<u32> = IdMap::default();
    for (i, w) in words.iter().take(nctx).enumerate() {
        cid.insert(w.0, i as u32);
    }
    let dims = 2 * (nctx + 1);
    let mut pairs: IdMap<u32> = IdMap::default();
    for hs in &hashed {
        for (i, h) in hs.iter().enumerate() {
            let Some(&v) = vid.get(h) else { continue };
            let left = if i == 0 {
                nctx as u32
            } else {
                cid.get(&hs[i - 1]).copied().unwrap_or(u32::MAX)
            };
            let right = if i + 1 == hs.len() {
                nctx as u32
            } else {
                cid.get(&hs[i + 1]).copied().unwrap_or(u32::MAX)
            };
            if left != u32::MAX {
                *pairs.entry(((v as u64) << 32) | left as u64).or_default() += 1;
            }
            if right != u32::MAX {
                *pairs
                    .entry(((v as u64) << 32) | (nctx as u64 + 1 + right as u64))
                    .or_default() += 1;
            }
        }
    }
    let mut pv: Vec<(u64, u32)> = pairs.into_iter().collect();
    pv.sort_unstable();
    let mut row = vec![0f64; vocab.len()];
    let mut col = vec![0f64; dims];
    let mut total = 0f64;
    for &(k, c) in &pv {
        row[(k >> 32) as usize] += c as f64;
        col[(k & 0xffff_ffff) as usize] += c as f64;
        total += c as f64;
    }
    const D: usize = 64;
    let mut proj = vec![0f32; dims * D];
    let mut rng = Rng(cfg.seed ^ 0x9e37_79b9_7f4a_7c15);
    for x in proj.iter_mut() {
        *x = if rng.next() & 1 == 0 { 1.0 } else { -1.0 };
    }
    let mut vecs = vec![0f32; vocab.len() * D];
    for &(k, c) in &pv {
        let (v, d) = ((k >> 32) as usize, (k & 0xffff_ffff) as usize);
        let pmi = ((c as f64 * total) / (row[v] * col[d])).ln();
        if pmi > 0.0 {
            let p = &proj[d * D..(d + 1) * D];
            for (x, &r) in vecs[v * D..(v + 1) * D].iter_mut().zip(p) {
                *x += (pmi as f32) * r;
            }
        }
    }
    for v in vecs.chunks_mut(D) {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        v.iter_mut().for_each(|x| *x /= n);
    }
    let (kf, kc) = cfg.clusters;
    let fine = kmeans(&vecs, D, kf.min(vocab.len().max(1)), 12, &mut rng);
    // coarse: k-means over fine centroids
    let mut cent = vec![0f32; kf * D];
    let mut cnt = vec![0f32; kf];
    for (i, &c) in fine.iter().enumerate() {
        cnt[c] += 1.0;
        for d in 0..D {
            cent[c * D + d] += vecs[i * D + d];
        }
    }
    for c in 0..kf {
        for d in 0..D {
            cent[c * D + d] /= cnt[c].max(1.0);
        }
    }
    let coarse = kmeans(&cent, D, kc.min(kf), 20, &mut rng);
    for (i, &h) in vocab.iter().enumerate() {
        if let Some(e) = map.get_mut(&h) {
            e.fine = fine[i] as u16;
            e.coarse = coarse[fine[i]] as u16;
        }
    }
    log(&format!(
        "lexicon: {} entries, {} clustered into {kf}/{kc}",
        map.len(),
        vocab.len()
    ));
    Lexicon { map }
}

fn kmeans(x: &[f32], d: usize, k: usize, iters: usize, rng: &mut Rng) -> Vec<usize> {
    let n = x.len() / d;
    if n == 0 || k == 0 {
        return vec![0; n];
    }
    let dist = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(p, q)| (p - q) * (p - q)).sum::<f32>();
    // k-means++ initialisation
    let mut cent: Vec<f32> = Vec::with_capacity(k * d);
    let first = rng.below(n);
    cent.extend_from_slice(&x[first * d..(first + 1) * d]);
    let mut best = vec![f32::MAX; n];
    for c in 1..k {
        let last = &cent[(c - 1) * d..c * d];
        let mut sum = 0f64;
        for i in 0..n {
            best[i] = best[i].min(dist(&x[i * d..(i + 1) * d], last));
            sum += best[i] as f64;
        }
        let mut r = rng.unit() * sum;
        let mut pick = n - 1;
        for (i, &b) in best.iter().enumerate() {
            r -= b as f64;
            if r <= 0.0 {
                pick = i;
                break;
            }
        }
        cent.extend_from_slice(&x[pick * d..(pick + 1) * d]);
    }
    let mut assign = vec![0usize; n];
    for _ in 0..iters {
        for i in 0..n {
            let xi = &x[i * d..(i + 1) * d];
            let mut bd = f32::MAX;
            for c in 0..k {
                let dd = dist(xi, &cent[c * d..(c + 1) * d]);
                if dd < bd {
                    bd = dd;
                    assign[i] = c;
                }
            }
        }
        let mut sum = vec![0f32; k * d];
        let mut cnt = vec![0u32; k];
        for i in 0..n {
            cnt[assign[i]] += 1;
            for j in 0..d {
                sum[assign[i] * d + j] += x[i * d + j];
            }
        }
        for c in 0..k {
            if cnt[c] > 0 {
                for j in 0..d {
                    cent[c * d + j] = sum[c * d + j] / cnt[c] as f32;
                }
            }
        }
    }
    assign
}

/// Decodes IOB1/IOB2/IOBES/BILOU tags to chunks `(type index, start, end)` with conlleval
/// semantics; unknown types are skipped.
fn chunks(tags: &[String]) -> Vec<(usize, usize, usize)> {
    let split = |t: &str| -> (char, String) {
        if t == "O" || t.is_empty() {
            return ('O', String::new());
        }
        let b = t.as_bytes();
        if b.len() >= 2 && (b[1] == b'-' || b[1] == b'_') && b"BIESLU".contains(&b[0]) {
            let p = match b[0] {
                b'L' => 'E',
                b'U' => 'S',
                c => c as char,
            };
            return (p, t[2..].to_string());
        }
        ('I', t.to_string())
    };
    let mut out = Vec::new();
    let (mut pt, mut pty) = ('O', String::new());
    let mut start: Option<usize> = None;
    for i in 0..=tags.len() {
        let (t, ty) = if i < tags.len() {
            split(&tags[i])
        } else {
            ('O', String::new())
        };
        if let Some(s) = start {
            let end = matches!(pt, 'E' | 'S')
                || (matches!(pt, 'B' | 'I') && matches!(t, 'B' | 'S' | 'O'))
                || (pt != 'O' && pty != ty);
            if end {
                if let Some(k) = ["PER", "ORG", "LOC", "MISC"].iter().position(|x| *x == pty) {
                    out.push((k, s, i));
                }
                start = None;
            }
        }
        let st = matches!(t, 'B' | 'S')
            || (matches!(t, 'I' | 'E') && matches!(pt, 'O' | 'E' | 'S'))
            || (t != 'O' && pty != ty);
        if st {
            start = Some(i);
        }
        pt = t;
        pty = ty;
    }
    out
}

fn bilou(n: usize, ch: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut v = vec![0u8; n];
    for &(k, s, e) in ch {
        let base = 1 + 4 * k as u8;
        if e - s == 1 {
            v[s] = base + 3;
        } else {
            v[s] = base;
            for x in &mut v[s + 1..e - 1] {
                *x = base + 1;
            }
            v[e - 1] = base + 2;
        }
    }
    v
}

fn bilou_chunks(t: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let x = t[i] as usize;
        if x == 0 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if (x - 1) % 4 == 0 {
            while j < t.len() && t[j] as usize == x + 1 {
                j += 1;
            }
            if j < t.len() && t[j] as usize == x + 2 {
                j += 1;
            }
        }
        out.push(((x - 1) / 4, i, j));
        i = j;
    }
    out
}

/// One training instance (a sentence) with feature ids.
struct Inst {
    feats: Vec<u32>,
    offs: Vec<u32>,
    gold: Vec<u8>,
}

struct Perc {
    w: Vec<f64>,
    acc: Vec<f64>,
    tw: Vec<f64>,
    tacc: Vec<f64>,
    c: f64,
}

impl Perc {
    fn new(nf: usize) -> Perc {
        Perc {
            w: vec![0.0; nf * NT],
            acc: vec![0.0; nf * NT],
            tw: vec![0.0; NT * NT],
            tacc: vec![0.0; NT * NT],
            c: 1.0,
        }
    }

    fn step(
        &mut self,
        x: &Inst,
        emis: &mut Vec<[f32; NT]>,
        back: &mut Vec<[f32; NT]>,
        pred: &mut Vec<u8>,
    ) {
        let n = x.gold.len();
        emis.clear();
        for i in 0..n {
            let mut e = [0f64; NT];
            for &f in &x.feats[x.offs[i] as usize..x.offs[i + 1] as usize] {
                let row = &self.w[f as usize * NT..(f as usize + 1) * NT];
                for t in 0..NT {
                    e[t] += row[t];
                }
            }
            let mut ef = [0f32; NT];
            for t in 0..NT {
                ef[t] = e[t] as f32;
            }
            emis.push(ef);
        }
        let trans: Vec<f32> = self.tw.iter().map(|&x| x as f32).collect();
        viterbi(emis, &Trans::new(&trans), back, pred);
        if pred[..] != x.gold[..] {
            let c = self.c;
            for i in 0..n {
                let (g, p) = (x.gold[i] as usize, pred[i] as usize);
                if g != p {
                    for &f in &x.feats[x.offs[i] as usize..x.offs[i + 1] as usize] {
                        let b = f as usize * NT;
                        self.w[b + g] += 1.0;
                        self.acc[b + g] += c;
                        self.w[b + p] -= 1.0;
                        self.acc[b + p] -= c;
                    }
                }
                if i > 0 {
                    let (gp, pp) = (x.gold[i - 1] as usize, pred[i - 1] as usize);
                    if gp != pp || g != p {
                        self.tw[gp * NT + g] += 1.0;
                        self.tacc[gp * NT + g] += c;
                        self.tw[pp * NT + p] -= 1.0;
                        self.tacc[pp * NT + p] -= c;
                    }
                }
            }
        }
        self.c += 1.0;
    }

    fn averaged(&self, keys: &[u32], prune: f64) -> Weights {
        let mut rows = Vec::new();
        for (f, &k) in keys.iter().enumerate() {
            let mut ents = Vec::new();
            for t in 0..NT {
                let i = f * NT + t;
                let a = self.w[i] - self.acc[i] / self.c;
                if a.abs() >= prune {
                    ents.push((t as u8, a as f32));
                }
            }
            if !ents.is_empty() {
                rows.push((k, ents));
            }
        }
        let trans = (0..NT * NT)
            .map(|i| (self.tw[i] - self.tacc[i] / self.c) as f32)
            .collect();
        Weights::build(rows, trans)
    }
}

/// Feature key → dense id.
#[derive(Default)]
struct Index {
    ids: IdMap<u32>,
    keys: Vec<u32>,
}

impl Index {
    fn id(&mut self, k: u32) -> u32 {
        let n = self.keys.len() as u32;
        let keys = &mut self.keys;
        *self.ids.entry(k as u64).or_insert_with(|| {
            keys.push(k);
            n
        })
    }
}

fn instances(
    doc: &DocInput,
    gold: &[Vec<u8>],
    p1: Option<(&[Vec<u8>], &IdMap<crate::features::WordStats>)>,
    index: &mut Index,
) -> Vec<Inst> {
    let mut out: Vec<Inst> = gold
        .iter()
        .map(|g| Inst {
            feats: Vec::new(),
            offs: vec![0],
            gold: g.clone(),
        })
        .collect();
    let mut buf = Vec::new();
    tagger::for_each_features(doc, p1, &mut buf, |si, _i, f| {
        let x = &mut out[si];
        for &k in f {
            x.feats.push(index.id(k));
        }
        x.offs.push(x.feats.len() as u32);
    });
    out.retain(|x| !x.gold.is_empty());
    out
}

fn train_perc(
    insts: &[&Inst],
    nf: usize,
    epochs: usize,
    seed: u64,
    mut each: impl FnMut(usize, &Perc),
) {
    let mut p = Perc::new(nf);
    let mut order: Vec<usize> = (0..insts.len()).collect();
    let mut rng = Rng(seed | 1);
    let (mut emis, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    for ep in 1..=epochs {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        for &i in &order {
            p.step(insts[i], &mut emis, &mut back, &mut pred);
        }
        each(ep, &p);
    }
}

fn f1(gold: &[Vec<Vec<u8>>], pred: &[Vec<Vec<u8>>]) -> f64 {
    let (mut c, mut g, mut p) = (0usize, 0usize, 0usize);
    for (gd, pd) in gold.iter().zip(pred) {
        for (gs, ps) in gd.iter().zip(pd) {
            let a = bilou_chunks(gs);
            let b = bilou_chunks(ps);
            g += a.len();
            p += b.len();
            c += b.iter().filter(|x| a.contains(x)).count();
        }
    }
    if c == 0 {
        return 0.0;
    }
    let (pr, rc) = (c as f64 / p as f64, c as f64 / g as f64);
    2.0 * pr * rc / (pr + rc)
}

/// Trains a model. `unlabeled` holds tokenized sentences of unlabeled news text for the
/// lexicon; `log` receives progress lines.
pub fn train(
    train: &[Document],
    dev: &[Document],
    unlabeled: &[Vec<String>],
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) -> Trained {
    let lex = build_lexicon(unlabeled, cfg, log);
    let prep = |docs: &[Document]| -> (Vec<DocInput>, Vec<Vec<Vec<u8>>>) {
        let mut ins = Vec::new();
        let mut golds = Vec::new();
        for d in docs {
            ins.push(DocInput::new(
                d.iter().map(|s| s.words.iter().map(String::as_str)),
                &lex,
            ));
            golds.push(
                d.iter()
                    .map(|s| bilou(s.words.len(), &chunks(&s.tags)))
                    .collect::<Vec<_>>(),
            );
        }
        (ins, golds)
    };
    // Case augmentation: lowercased and uppercased copies of some documents teach the model
    // to read text without normal capitalisation. A copy stays in its original's fold.
    let mut aug: Vec<Document> = train.to_vec();
    let mut fold_of: Vec<usize> = (0..train.len()).map(|d| d % cfg.folds.max(1)).collect();
    for (d, doc) in train.iter().enumerate() {
        let f: Option<fn(&str) -> String> = match d % 6 {
            0 => Some(str::to_lowercase),
            3 => Some(str::to_uppercase),
            _ => None,
        };
        if let Some(f) = f {
            aug.push(
                doc.iter()
                    .map(|s| Sentence {
                        words: s.words.iter().map(|w| f(w)).collect(),
                        tags: s.tags.clone(),
                    })
                    .collect(),
            );
            fold_of.push(d % cfg.folds.max(1));
        }
    }
    let train = &aug[..];
    log(&format!(
        "training documents with case-augmented copies: {}",
        train.len()
    ));
    let (tr_in, tr_gold) = prep(train);
    let (dv_in, dv_gold) = prep(dev);
    let mut sc = Scratch::default();

    // Pass 1 features.
    let mut idx1 = Index::default();
    let tr_inst1: Vec<Vec<Inst>> = tr_in
        .iter()
        .zip(&tr_gold)
        .map(|(d, g)| instances(d, g, None, &mut idx1))
        .collect();
    log(&format!("pass 1: {} features", idx1.keys.len()));

    // Jackknifed pass-1 predictions on train.
    let mut tr_p1: Vec<Vec<Vec<u8>>> = vec![Vec::new(); tr_in.len()];
    for k in 0..cfg.folds {
        let insts: Vec<&Inst> = tr_inst1
            .iter()
            .enumerate()
            .filter(|(d, _)| fold_of[*d] != k)
            .flat_map(|(_, v)| v.iter())
            .collect();
        let mut wts = None;
        train_perc(
            &insts,
            idx1.keys.len(),
            cfg.jack_epochs,
            cfg.seed + k as u64,
            |ep, p| {
                if ep == cfg.jack_epochs {
                    wts = Some(p.averaged(&idx1.keys, cfg.prune));
                }
            },
        );
        let w = wts.unwrap_or_default();
        for (d, din) in tr_in.iter().enumerate() {
            if fold_of[d] == k {
                tr_p1[d] = tagger::decode(din, &w, None, &mut sc, None);
            }
        }
        log(&format!("jackknife fold {}/{} done", k + 1, cfg.folds));
    }
    log(&format!(
        "jackknifed pass-1 train F1 {:.2}",
        100.0 * f1(&tr_gold, &tr_p1)
    ));

    // Full pass 1 with epoch selection on dev.
    let all1: Vec<&Inst> = tr_inst1.iter().flatten().collect();
    let mut best1 = (f64::MIN, 0usize, Weights::default());
    train_perc(&all1, idx1.keys.len(), cfg.epochs1, cfg.seed, |ep, p| {
        let w = p.averaged(&idx1.keys, cfg.prune);
        let pred: Vec<Vec<Vec<u8>>> = dv_in
            .iter()
            .map(|d| tagger::decode(d, &w, None, &mut Scratch::default(), None))
            .collect();
        let f = f1(&dv_gold, &pred);
        log(&format!("pass 1 epoch {ep}: dev F1 {:.2}", 100.0 * f));
        if f > best1.0 {
            best1 = (f, ep, w);
        }
    });
    drop(all1);
    drop(tr_inst1);
    let pass1 = best1.2;
    let dv_p1: Vec<Vec<Vec<u8>>> = dv_in
        .iter()
        .map(|d| tagger::decode(d, &pass1, None, &mut sc, None))
        .collect();

    // Pass 2.
    let mut idx2 = Index::default();
    let tr_inst2: Vec<Inst> = tr_in
        .iter()
        .zip(&tr_gold)
        .zip(&tr_p1)
        .flat_map(|((d, g), p1)| {
            let st = tagger::stats(d, p1);
            instances(d, g, Some((p1, &st)), &mut idx2)
        })
        .collect();
    log(&format!("pass 2: {} features", idx2.keys.len()));
    let all2: Vec<&Inst> = tr_inst2.iter().collect();
    let mut model = Model {
        lex,
        pass1,
        pass2: Weights::default(),
        margin_scale: 1.0,
        joint: Default::default(),
    };
    let mut best2 = (f64::MIN, 0usize, Weights::default());
    train_perc(
        &all2,
        idx2.keys.len(),
        cfg.epochs2,
        cfg.seed + 1000,
        |ep, p| {
            let w = p.averaged(&idx2.keys, cfg.prune);
            let pred: Vec<Vec<Vec<u8>>> = dv_in
                .iter()
                .zip(&dv_p1)
                .map(|(d, p1)| {
                    let st = tagger::stats(d, p1);
                    tagger::decode(d, &w, Some((p1, &st)), &mut Scratch::default(), None)
                })
                .collect();
            let f = f1(&dv_gold, &pred);
            log(&format!("pass 2 epoch {ep}: dev F1 {:.2}", 100.0 * f));
            if f > best2.0 {
                best2 = (f, ep, w);
            }
        },
    );
    model.pass2 = best2.2;
    // Typical margin of predicted entity tokens on dev, for confidence scores.
    let mut msum = 0f64;
    let mut mn = 0usize;
    for d in &dv_in {
        let mut m = Vec::new();
        let tags = tagger::tag(&model, d, &mut sc, Some(&mut m));
        for (ts, ms) in tags.iter().zip(&m) {
            for (&t, &x) in ts.iter().zip(ms) {
                if t != 0 {
                    msum += x as f64;
                    mn += 1;
                }
            }
        }
    }
    model.margin_scale = if mn > 0 {
        (msum / mn as f64) as f32
    } else {
        1.0
    };
    // The shipped bytes are quantised: report the F1 of the model as it will be loaded.
    let bytes = model.to_bytes();
    let loaded = Model::from_bytes(&bytes).unwrap_or_default();
    let pred: Vec<Vec<Vec<u8>>> = dv_in
        .iter()
        .map(|d| tagger::tag(&loaded, d, &mut sc, None))
        .collect();
    let f_final = f1(&dv_gold, &pred);
    log(&format!(
        "chosen epochs {} / {}; dev F1 pass 1 {:.2}, pass 2 {:.2} (quantised {:.2}); {} bytes",
        best1.1,
        best2.1,
        100.0 * best1.0,
        100.0 * best2.0,
        100.0 * f_final,
        bytes.len()
    ));
    let _ = lower_hash;
    Trained {
        model: bytes,
        dev_f1: (best1.0, f_final),
        epochs: (best1.1, best2.1),
    }
}
