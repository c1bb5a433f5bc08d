//! Training of the recognizer's model (the `training` feature; used by the workspace's
//! `train-ner` command).
//!
//! You probably want [`Recognizer::new`](crate::Recognizer::new), which embeds a trained
//! model. This module is for retraining: [`LexiconBuilder`] learns a lexicon (distributional
//! word clusters, capitalisation ratios, person contexts) from unlabeled sentences and
//! compiles name lists into a hashed table; [`train`] then fits two averaged structured
//! perceptrons (pass 1 with local features; pass 2 adding document features computed from
//! pass-1 output, obtained on the training data by jackknifing) for a fixed number of
//! epochs, and [`cross_validate`] measures a configuration by k-fold cross-validation over
//! documents, which is how the epochs and features are chosen. Everything is deterministic
//! for a given configuration and input.

mod lexicon;

pub use lexicon::{name_category, LexiconBuilder, LexiconConfig, TrainLexicon};

use crate::features::NT;
use crate::lexicon::IdMap;
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
    /// Epochs of pass 1.
    pub epochs1: usize,
    /// Epochs of the jackknifed pass-1 models.
    pub jack_epochs: usize,
    /// Epochs of pass 2.
    pub epochs2: usize,
    /// Jackknife folds for pass-1 predictions on the training data.
    pub folds: usize,
    /// Seed of the shuffling.
    pub seed: u64,
    /// Weights with a smaller magnitude are dropped from the model.
    pub prune: f64,
    /// One training document in this many is also added as single-sentence documents
    /// (no document context, every sentence first; one in three in headline title case),
    /// so that short texts work (0: none).
    pub split_every: usize,
    /// Write the single-sentence documents in more cases (see [`TrainConfig::split_every`]).
    pub split_cased: bool,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs1: 15,
            jack_epochs: 8,
            epochs2: 10,
            folds: 5,
            seed: 42,
            prune: 0.05,
            split_every: 3,
            split_cased: false,
        }
    }
}

/// Chunk counts per type (PER, ORG, LOC, MISC), conlleval semantics (exact match).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Correct chunks per type.
    pub correct: [usize; 4],
    /// Gold chunks per type.
    pub gold: [usize; 4],
    /// Predicted chunks per type.
    pub pred: [usize; 4],
}

impl Counts {
    fn add_sentence(&mut self, gold: &[u8], pred: &[u8]) {
        let a = bilou_chunks(gold);
        let b = bilou_chunks(pred);
        for x in &a {
            self.gold[x.0] += 1;
        }
        for x in &b {
            self.pred[x.0] += 1;
            if a.contains(x) {
                self.correct[x.0] += 1;
            }
        }
    }

    fn add(&mut self, o: &Counts) {
        for k in 0..4 {
            self.correct[k] += o.correct[k];
            self.gold[k] += o.gold[k];
            self.pred[k] += o.pred[k];
        }
    }

    fn prf(c: usize, g: usize, p: usize) -> f64 {
        if c == 0 {
            return 0.0;
        }
        let (pr, rc) = (c as f64 / p as f64, c as f64 / g as f64);
        100.0 * 2.0 * pr * rc / (pr + rc)
    }

    /// Overall F1, in percent.
    pub fn f1(&self) -> f64 {
        let s = |a: &[usize; 4]| a.iter().sum::<usize>();
        Counts::prf(s(&self.correct), s(&self.gold), s(&self.pred))
    }

    /// F1 of type `k` (0 PER, 1 ORG, 2 LOC, 3 MISC), in percent.
    pub fn f1_type(&self, k: usize) -> f64 {
        Counts::prf(self.correct[k], self.gold[k], self.pred[k])
    }

    /// `F1 (PER x ORG x LOC x MISC x)`.
    pub fn summary(&self) -> String {
        format!(
            "{:.2} (PER {:.2} ORG {:.2} LOC {:.2} MISC {:.2})",
            self.f1(),
            self.f1_type(0),
            self.f1_type(1),
            self.f1_type(2),
            self.f1_type(3)
        )
    }
}

/// Result of training.
#[derive(Clone, Debug)]
pub struct Trained {
    /// The model file bytes.
    pub model: Vec<u8>,
    /// Scores of the held-out documents after each epoch of pass 1 (with pass 1 only) and
    /// of pass 2 (empty without held-out documents).
    pub curve1: Vec<Counts>,
    /// See `curve1`.
    pub curve2: Vec<Counts>,
    /// Score of the held-out documents with the model as written (quantised).
    pub heldout: Counts,
}

/// Result of [`cross_validate`].
#[derive(Clone, Debug, Default)]
pub struct CrossValidation {
    /// Pooled scores of the held-out folds after each epoch of pass 1 and of pass 2.
    pub curve1: Vec<Counts>,
    /// See `curve1`.
    pub curve2: Vec<Counts>,
    /// Pooled scores of the held-out folds with the models as written.
    pub pooled: Counts,
    /// Overall F1 of each fold.
    pub folds: Vec<f64>,
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

fn gold_tags(d: &Document) -> Vec<Vec<u8>> {
    d.iter()
        .map(|s| bilou(s.words.len(), &chunks(&s.tags)))
        .collect()
}

fn score(gold: &[Vec<Vec<u8>>], pred: &[Vec<Vec<u8>>]) -> Counts {
    let mut c = Counts::default();
    for (gd, pd) in gold.iter().zip(pred) {
        for (gs, ps) in gd.iter().zip(pd) {
            c.add_sentence(gs, ps);
        }
    }
    c
}

/// The training documents with augmented copies: a lowercased copy of one document in six,
/// an uppercased copy of another, and (see [`TrainConfig::split_every`]) single-sentence
/// documents. Returns the documents and the jackknife fold of each (a copy stays in its
/// original's fold).
fn augment(train: &[Document], cfg: &TrainConfig) -> (Vec<Document>, Vec<usize>) {
    let folds = cfg.folds.max(1);
    let mut aug: Vec<Document> = train.to_vec();
    let mut fold_of: Vec<usize> = (0..train.len()).map(|d| d % folds).collect();
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
            fold_of.push(d % folds);
        }
        if cfg.split_every > 0 && d % cfg.split_every == 1 {
            for (j, s) in doc.iter().enumerate() {
                // One in three written as a headline; with `split_cased`, one in four as a
                // headline, in capitals and in lower case.
                let f: Option<fn(&str) -> String> = match (cfg.split_cased, j % 4, j % 3) {
                    (false, _, 1) | (true, 1, _) => Some(headline_case),
                    (true, 2, _) => Some(str::to_uppercase),
                    (true, 3, _) => Some(str::to_lowercase),
                    _ => None,
                };
                let s = match f {
                    Some(f) => Sentence {
                        words: s.words.iter().map(|w| f(w)).collect(),
                        tags: s.tags.clone(),
                    },
                    None => s.clone(),
                };
                aug.push(vec![s]);
                fold_of.push(d % folds);
            }
        }
    }
    (aug, fold_of)
}

/// A word as a title-case headline writes it: capitalised, except short function words.
fn headline_case(w: &str) -> String {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "as",
        "with", "from",
    ];
    if SMALL.contains(&w) || !w.starts_with(|c: char| c.is_lowercase()) {
        return w.to_string();
    }
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Trains a model on `train` for the configured epochs. `heldout` documents (may be empty)
/// are scored after every epoch, for reports and cross-validation only: they choose
/// nothing. `log` receives progress lines.
pub fn train(
    train: &[Document],
    heldout: &[Document],
    lex: &TrainLexicon,
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) -> Trained {
    let lex = &lex.0;
    let prep = |docs: &[Document]| -> (Vec<DocInput>, Vec<Vec<Vec<u8>>>) {
        let ins = docs
            .iter()
            .map(|d| DocInput::new(d.iter().map(|s| s.words.iter().map(String::as_str)), lex))
            .collect();
        (ins, docs.iter().map(gold_tags).collect())
    };
    let (aug, fold_of) = augment(train, cfg);
    log(&format!(
        "training documents with augmented copies: {}",
        aug.len()
    ));
    let (tr_in, tr_gold) = prep(&aug);
    drop(aug);
    let (dv_in, dv_gold) = prep(heldout);
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
    }
    log(&format!(
        "jackknifed pass-1 train F1 {:.2}",
        score(&tr_gold, &tr_p1).f1()
    ));

    // Pass 1.
    let all1: Vec<&Inst> = tr_inst1.iter().flatten().collect();
    let mut curve1 = Vec::new();
    let mut pass1 = Weights::default();
    train_perc(&all1, idx1.keys.len(), cfg.epochs1, cfg.seed, |ep, p| {
        if dv_in.is_empty() && ep < cfg.epochs1 {
            return;
        }
        let w = p.averaged(&idx1.keys, cfg.prune);
        if !dv_in.is_empty() {
            let pred: Vec<Vec<Vec<u8>>> = dv_in
                .iter()
                .map(|d| tagger::decode(d, &w, None, &mut Scratch::default(), None))
                .collect();
            curve1.push(score(&dv_gold, &pred));
        }
        if ep == cfg.epochs1 {
            pass1 = w;
        }
    });
    drop(all1);
    drop(tr_inst1);
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
        lex: lex.clone(),
        pass1,
        pass2: Weights::default(),
        margin_scale: 1.0,
    };
    let mut curve2 = Vec::new();
    train_perc(
        &all2,
        idx2.keys.len(),
        cfg.epochs2,
        cfg.seed + 1000,
        |ep, p| {
            if dv_in.is_empty() && ep < cfg.epochs2 {
                return;
            }
            let w = p.averaged(&idx2.keys, cfg.prune);
            if !dv_in.is_empty() {
                let pred: Vec<Vec<Vec<u8>>> = dv_in
                    .iter()
                    .zip(&dv_p1)
                    .map(|(d, p1)| {
                        let st = tagger::stats(d, p1);
                        tagger::decode(d, &w, Some((p1, &st)), &mut Scratch::default(), None)
                    })
                    .collect();
                curve2.push(score(&dv_gold, &pred));
            }
            if ep == cfg.epochs2 {
                model.pass2 = w;
            }
        },
    );
    // Typical margin of predicted entity tokens on the training documents, for confidence
    // scores.
    let mut msum = 0f64;
    let mut mn = 0usize;
    for d in tr_in.iter().take(200) {
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
    // The shipped bytes are quantised: score the model as it will be loaded.
    let bytes = model.to_bytes();
    let loaded = Model::from_bytes(&bytes).unwrap_or_default();
    let pred: Vec<Vec<Vec<u8>>> = dv_in
        .iter()
        .map(|d| tagger::tag(&loaded, d, &mut sc, None))
        .collect();
    let heldout = score(&dv_gold, &pred);
    Trained {
        model: bytes,
        curve1,
        curve2,
        heldout,
    }
}

/// k-fold cross-validation over documents: the documents are shuffled with `seed` and dealt
/// into `k` folds; each fold is scored by a model trained on the others with `cfg`. Scores
/// are pooled over the folds. Runs up to `threads` folds at once.
pub fn cross_validate(
    docs: &[Document],
    lex: &TrainLexicon,
    cfg: &TrainConfig,
    k: usize,
    seed: u64,
    threads: usize,
    log: &(dyn Fn(&str) + Sync),
) -> CrossValidation {
    let k = k.max(2);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = Rng(seed | 1);
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut fold = vec![0usize; docs.len()];
    for (pos, &d) in order.iter().enumerate() {
        fold[d] = pos % k;
    }
    let run = |f: usize| -> Trained {
        let tr: Vec<Document> = (0..docs.len())
            .filter(|&d| fold[d] != f)
            .map(|d| docs[d].clone())
            .collect();
        let ho: Vec<Document> = (0..docs.len())
            .filter(|&d| fold[d] == f)
            .map(|d| docs[d].clone())
            .collect();
        let t = train(&tr, &ho, lex, cfg, &mut |_| {});
        log(&format!(
            "cv fold {}/{k}: {} held-out documents, F1 {}",
            f + 1,
            ho.len(),
            t.heldout.summary()
        ));
        t
    };
    let threads = threads.clamp(1, k);
    let mut results: Vec<Option<Trained>> = vec![None; k];
    for group in (0..k).collect::<Vec<_>>().chunks(threads) {
        let out: Vec<(usize, Trained)> = std::thread::scope(|s| {
            let hs: Vec<_> = group
                .iter()
                .map(|&f| (f, s.spawn(move || run(f))))
                .collect();
            hs.into_iter()
                .filter_map(|(f, h)| h.join().ok().map(|t| (f, t)))
                .collect()
        });
        for (f, t) in out {
            results[f] = Some(t);
        }
    }
    let mut cv = CrossValidation::default();
    for t in results.into_iter().flatten() {
        cv.folds.push(t.heldout.f1());
        cv.pooled.add(&t.heldout);
        for (curve, add) in [(&mut cv.curve1, &t.curve1), (&mut cv.curve2, &t.curve2)] {
            curve.resize(curve.len().max(add.len()), Counts::default());
            for (c, a) in curve.iter_mut().zip(add) {
                c.add(a);
            }
        }
    }
    cv
}
