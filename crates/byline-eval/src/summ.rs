//! Training and evaluation helpers for `byline-summarize`, shared by the `fit-summarize` and
//! `eval-summarize` commands: the salience hints exactly as the `byline` pipeline passes them,
//! greedy ROUGE oracle labels, a deterministic L2-regularized logistic regression, and ROUGE of
//! three-sentence summaries next to Lead-3.

use crate::rouge::{self, Article, MeanF1};
use byline_entities::Recognizer;
use byline_quotes::QuoteFinder;
use byline_summarize::{Budget, Hints, Summarizer, NUM_FEATURES};
use byline_tokenize::Analysis;
use std::collections::HashMap;

/// Computes the entity and quote hints that `byline::Pipeline::analyze` passes to the
/// summarizer (all entity mentions, all quote content spans).
pub struct HintMaker {
    recognizer: Recognizer,
    finder: QuoteFinder,
}

impl Default for HintMaker {
    fn default() -> Self {
        HintMaker {
            recognizer: Recognizer::new(),
            finder: QuoteFinder::new(),
        }
    }
}

impl HintMaker {
    /// The pipeline's hints for `analysis`.
    pub fn hints(&self, analysis: &Analysis<'_>) -> Hints {
        let entities = self.recognizer.recognize(analysis);
        let quotes = self.finder.find(analysis, &entities);
        Hints {
            entities: entities.entities.iter().map(|e| e.span).collect(),
            quotes: quotes.iter().map(|q| q.span).collect(),
        }
    }
}

/// Unigram and bigram counts of stemmed ROUGE tokens, keyed by per-article ids.
#[derive(Default, Clone)]
struct Grams {
    uni: HashMap<u32, u32>,
    bi: HashMap<u64, u32>,
    n_uni: u32,
    n_bi: u32,
}

impl Grams {
    fn of(ids: &[u32]) -> Grams {
        let mut g = Grams::default();
        for &t in ids {
            *g.uni.entry(t).or_insert(0) += 1;
        }
        for w in ids.windows(2) {
            *g.bi
                .entry(u64::from(w[0]) << 32 | u64::from(w[1]))
                .or_insert(0) += 1;
        }
        g.n_uni = ids.len() as u32;
        g.n_bi = ids.len().saturating_sub(1) as u32;
        g
    }
}

fn f1(hit: u32, pred: u32, refn: u32) -> f64 {
    if hit == 0 || pred == 0 || refn == 0 {
        return 0.0;
    }
    let p = f64::from(hit) / f64::from(pred);
    let r = f64::from(hit) / f64::from(refn);
    2.0 * p * r / (p + r)
}

/// Greedy ROUGE oracle: up to `k` sentences (among those not `skip`ped), each step adding the
/// sentence that most raises ROUGE-1 F1 + ROUGE-2 F1 (stemmed, rouge-score tokens) of the
/// selection against `reference`; stops when no sentence raises it. Ties go to the earlier
/// sentence. Returns the chosen indices in choice order.
pub fn greedy_oracle(sentences: &[&str], skip: &[bool], reference: &str, k: usize) -> Vec<usize> {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut ids = |text: &str| -> Vec<u32> {
        rouge::tokenize(text, true)
            .into_iter()
            .map(|t| {
                let next = vocab.len() as u32;
                *vocab.entry(t).or_insert(next)
            })
            .collect()
    };
    let reference = Grams::of(&ids(reference));
    let sents: Vec<Grams> = sentences.iter().map(|s| Grams::of(&ids(s))).collect();
    let mut cur = Grams::default();
    let (mut hit1, mut hit2) = (0u32, 0u32);
    let mut best_score = 0.0f64;
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < k {
        let mut best: Option<(usize, f64, u32, u32)> = None;
        for (i, g) in sents.iter().enumerate() {
            if skip.get(i).copied().unwrap_or(true) || chosen.contains(&i) || g.n_uni == 0 {
                continue;
            }
            let mut h1 = hit1;
            for (t, &c) in &g.uni {
                if let Some(&r) = reference.uni.get(t) {
                    let have = cur.uni.get(t).copied().unwrap_or(0);
                    h1 += (have + c).min(r) - have.min(r);
                }
            }
            let mut h2 = hit2;
            for (t, &c) in &g.bi {
                if let Some(&r) = reference.bi.get(t) {
                    let have = cur.bi.get(t).copied().unwrap_or(0);
                    h2 += (have + c).min(r) - have.min(r);
                }
            }
            let s = f1(h1, cur.n_uni + g.n_uni, reference.n_uni)
                + f1(h2, cur.n_bi + g.n_bi, reference.n_bi);
            if best.map_or(true, |b| s > b.1) {
                best = Some((i, s, h1, h2));
            }
        }
        let Some((i, s, h1, h2)) = best else { break };
        if s <= best_score {
            break;
        }
        best_score = s;
        hit1 = h1;
        hit2 = h2;
        let g = &sents[i];
        for (t, &c) in &g.uni {
            *cur.uni.entry(*t).or_insert(0) += c;
        }
        for (t, &c) in &g.bi {
            *cur.bi.entry(*t).or_insert(0) += c;
        }
        cur.n_uni += g.n_uni;
        cur.n_bi += g.n_bi;
        chosen.push(i);
    }
    chosen
}

/// One training example: a sentence's features and whether the oracle chose it.
pub struct Example {
    /// Feature vector, as the summarizer computes it.
    pub x: [f32; NUM_FEATURES],
    /// Oracle label.
    pub y: bool,
}

/// Training examples of one article (selectable sentences only): the pipeline's hints unless
/// `hints` is `None`, greedy oracle labels of up to `oracle_k` sentences.
pub fn examples(
    summarizer: &Summarizer,
    article: &Article,
    hints: Option<&HintMaker>,
    oracle_k: usize,
    out: &mut Vec<Example>,
) {
    let text = &article.article;
    let analysis = byline_tokenize::analyze(text);
    let h = hints.map(|m| m.hints(&analysis)).unwrap_or_default();
    let feats = summarizer.sentence_features(&analysis, &h);
    let skip = summarizer.skipped(&analysis);
    let sents: Vec<&str> = analysis
        .sentences()
        .iter()
        .map(|s| s.span.text(text))
        .collect();
    let reference = rouge::one_per_line(&article.highlights);
    let oracle = greedy_oracle(&sents, &skip, &reference, oracle_k);
    for (i, x) in feats.into_iter().enumerate() {
        if !skip[i] {
            out.push(Example {
                x,
                y: oracle.contains(&i),
            });
        }
    }
}

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Fits logistic regression by Newton's method (IRLS), `iterations` full-batch steps from zero,
/// minimizing the mean log loss plus `l2 / 2 · |w|²` (the bias, feature 0, is not penalized).
/// Everything in f64 in a fixed summation order, so the result is reproducible bit for bit.
/// Returns the weights and the final mean log loss.
#[allow(clippy::needless_range_loop)]
pub fn fit_logistic(data: &[Example], l2: f64, iterations: usize) -> ([f64; NUM_FEATURES], f64) {
    const D: usize = NUM_FEATURES;
    let n = data.len().max(1) as f64;
    let mut w = [0.0f64; D];
    let mut loss = 0.0;
    for _ in 0..iterations {
        let mut g = [0.0f64; D];
        let mut h = vec![[0.0f64; D]; D];
        loss = 0.0;
        for e in data {
            let x: [f64; D] = e.x.map(f64::from);
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = sigmoid(z);
            let y = if e.y { 1.0 } else { 0.0 };
            loss -= if e.y {
                (p.max(1e-300)).ln()
            } else {
                ((1.0 - p).max(1e-300)).ln()
            };
            let r = p - y;
            let s = p * (1.0 - p);
            for a in 0..D {
                if x[a] == 0.0 {
                    continue;
                }
                g[a] += r * x[a];
                let sa = s * x[a];
                for b in a..D {
                    h[a][b] += sa * x[b];
                }
            }
        }
        loss /= n;
        for a in 0..D {
            g[a] = g[a] / n + if a == 0 { 0.0 } else { l2 * w[a] };
            for b in a..D {
                h[a][b] /= n;
                h[b][a] = h[a][b];
            }
            h[a][a] += if a == 0 { 1e-9 } else { l2 };
        }
        let Some(step) = solve(h, g) else { break };
        for a in 0..D {
            w[a] -= step[a];
        }
    }
    (w, loss)
}

#[allow(clippy::needless_range_loop)]
/// Solves `h · x = g` for a symmetric positive definite `h` by Cholesky decomposition.
fn solve(mut h: Vec<[f64; NUM_FEATURES]>, g: [f64; NUM_FEATURES]) -> Option<[f64; NUM_FEATURES]> {
    const D: usize = NUM_FEATURES;
    for j in 0..D {
        let mut d = h[j][j];
        for k in 0..j {
            d -= h[j][k] * h[j][k];
        }
        if d.is_nan() || d <= 0.0 {
            return None;
        }
        let d = d.sqrt();
        h[j][j] = d;
        for i in j + 1..D {
            let mut s = h[i][j];
            for k in 0..j {
                s -= h[i][k] * h[j][k];
            }
            h[i][j] = s / d;
        }
    }
    let mut y = [0.0f64; D];
    for i in 0..D {
        let mut s = g[i];
        for k in 0..i {
            s -= h[i][k] * y[k];
        }
        y[i] = s / h[i][i];
    }
    let mut x = [0.0f64; D];
    for i in (0..D).rev() {
        let mut s = y[i];
        for k in i + 1..D {
            s -= h[k][i] * x[k];
        }
        x[i] = s / h[i][i];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Deterministic pseudo-random number in `[0, 1)` from a seed and a string (FNV-1a, then a
/// 64-bit mix), used to drop a fraction of training articles reproducibly.
pub fn unit_hash(seed: u64, s: &str) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// An article prepared for evaluation: its (possibly lower-cased) text, reference, and the
/// pipeline's hints.
pub struct EvalArticle {
    /// The article text as the summarizer sees it.
    pub text: String,
    /// Highlights, one a line.
    pub reference: String,
    /// The pipeline's hints for the text.
    pub hints: Hints,
}

/// Prepares `articles` for evaluation (`lower`: lower-case the text in memory first).
pub fn prepare(articles: &[Article], lower: bool, hints: Option<&HintMaker>) -> Vec<EvalArticle> {
    articles
        .iter()
        .map(|a| {
            let text = if lower {
                a.article.to_lowercase()
            } else {
                a.article.clone()
            };
            let analysis = byline_tokenize::analyze(&text);
            let h = hints.map(|m| m.hints(&analysis)).unwrap_or_default();
            EvalArticle {
                text,
                reference: rouge::one_per_line(&a.highlights),
                hints: h,
            }
        })
        .collect()
}

/// Mean ROUGE F1 of Lead-k and of `summarizer` (k sentences, with each article's hints).
pub fn evaluate(summarizer: &Summarizer, articles: &[EvalArticle], k: usize) -> (MeanF1, MeanF1) {
    let (mut lead, mut ours) = (MeanF1::default(), MeanF1::default());
    for a in articles {
        let analysis = byline_tokenize::analyze(&a.text);
        let l: Vec<&str> = analysis
            .sentences()
            .iter()
            .take(k)
            .map(|s| s.span.text(&a.text))
            .collect();
        lead.add(&rouge::score(&a.reference, &rouge::one_per_line(&l)));
        let p: Vec<&str> = summarizer
            .summarize_with(&analysis, Budget::Sentences(k), &a.hints)
            .iter()
            .map(|s| s.span.text(&a.text))
            .collect();
        ours.add(&rouge::score(&a.reference, &rouge::one_per_line(&p)));
    }
    (lead, ours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oracle_takes_the_matching_sentence_and_stops() {
        let sents = [
            "Dogs bark loudly at night.",
            "The cat sat on the mat.",
            "A cat sat on a mat today.",
            "Storms are expected in the north.",
        ];
        let skip = [false; 4];
        // The second sentence matches the reference exactly: adding any other only lowers F1.
        assert_eq!(
            greedy_oracle(&sents, &skip, "the cat sat on the mat", 3),
            [1]
        );
        // A skipped sentence is never taken; the next best one is.
        assert_eq!(
            greedy_oracle(
                &sents,
                &[false, true, false, false],
                "the cat sat on the mat",
                3
            ),
            [2]
        );
        // Two reference sentences matched by two article sentences that score the same alone:
        // the earlier one first.
        assert_eq!(
            greedy_oracle(
                &sents,
                &skip,
                "the cat sat on the mat\nstorms are expected in the north",
                3
            ),
            [1, 3]
        );
        assert!(greedy_oracle(&sents, &skip, "", 3).is_empty());
    }

    fn example(v: f32, y: bool) -> Example {
        let mut x = [0.0f32; NUM_FEATURES];
        x[0] = 1.0;
        x[1] = v;
        Example { x, y }
    }

    #[test]
    fn logistic_regression_learns_the_sign_and_is_reproducible() {
        // Positives mostly at high values of feature 1, with some overlap.
        let data: Vec<Example> = (0..200)
            .map(|i| {
                let v = i as f32 / 200.0;
                example(v, (i % 7 != 0) == (v > 0.5))
            })
            .collect();
        let (w, loss) = fit_logistic(&data, 1e-3, 25);
        assert!(w[1] > 1.0, "{w:?}");
        assert!(w[0] < 0.0, "{w:?}");
        // Features that are always 0 keep weight 0 under the penalty.
        assert!(w[2..].iter().all(|&x| x == 0.0));
        assert!(loss < std::f64::consts::LN_2);
        let (w2, loss2) = fit_logistic(&data, 1e-3, 25);
        assert_eq!(w.map(f64::to_bits), w2.map(f64::to_bits));
        assert_eq!(loss.to_bits(), loss2.to_bits());
        // A stronger penalty shrinks the weight.
        let (w3, _) = fit_logistic(&data, 1.0, 25);
        assert!(w3[1] > 0.0 && w3[1] < w[1]);
    }

    #[test]
    fn unit_hash_is_a_fraction_that_depends_on_the_seed() {
        let a = unit_hash(1, "article-id");
        assert!((0.0..1.0).contains(&a));
        assert_eq!(a, unit_hash(1, "article-id"));
        assert_ne!(a, unit_hash(2, "article-id"));
        let dropped = (0..10_000)
            .filter(|i| unit_hash(7, &i.to_string()) < 0.01)
            .count();
        assert!((50..150).contains(&dropped), "{dropped}");
    }
}
