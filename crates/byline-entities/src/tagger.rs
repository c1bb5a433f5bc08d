//! Two-pass tagging of one document: pass 1 with local features, pass 2 adds document-level
//! features computed from pass-1 predictions.

use crate::features::{self, WordStats, NT};
use crate::lexicon::IdMap;
use crate::model::{viterbi, Model, Trans, Weights};

pub(crate) use crate::doc::{own_cap_mid, DocInput};

/// Document statistics of pass-1 tags and capitalisation per lowercase word.
pub(crate) fn stats(doc: &DocInput, p1: &[Vec<u8>]) -> IdMap<WordStats> {
    let mut m: IdMap<WordStats> = IdMap::default();
    let mut idx = 0u32;
    for ((s, ctx), tags) in doc.sents.iter().zip(&doc.ctx).zip(p1) {
        for (i, (t, &tag)) in s.iter().zip(tags).enumerate() {
            if t.alpha {
                let e = m.entry(t.lower).or_insert_with(|| WordStats {
                    first_tag: tag,
                    first_at: idx,
                    ..WordStats::default()
                });
                e.tags[tag as usize] = e.tags[tag as usize].saturating_add(1);
                if own_cap_mid(t, i, *ctx) {
                    e.cap_mid = e.cap_mid.saturating_add(1);
                }
                if t.lowercase {
                    e.low = e.low.saturating_add(1);
                }
            }
            idx += 1;
        }
    }
    m
}

/// Calls `f(sentence, token, doc_index, features)` for every token with its pass-2 features
/// (`p1 = None`: pass-1 features only).
pub(crate) fn for_each_features(
    doc: &DocInput,
    p1: Option<(&[Vec<u8>], &IdMap<WordStats>)>,
    buf: &mut Vec<u32>,
    mut f: impl FnMut(usize, usize, &[u32]),
) {
    let mut idx = 0u32;
    for (si, (s, ctx)) in doc.sents.iter().zip(&doc.ctx).enumerate() {
        for i in 0..s.len() {
            buf.clear();
            features::local(s, &doc.gz[si], i, *ctx, buf);
            if let Some((p1, st)) = p1 {
                let t = &s[i];
                let empty = WordStats::default();
                let w = if t.alpha {
                    st.get(&t.lower).unwrap_or(&empty)
                } else {
                    &empty
                };
                features::doc(
                    t,
                    &p1[si],
                    i,
                    w,
                    idx,
                    t.alpha && own_cap_mid(t, i, *ctx),
                    t.alpha && t.lowercase,
                    *ctx,
                    buf,
                );
            }
            f(si, i, buf);
            idx += 1;
        }
    }
}

/// Scratch buffers for decoding.
#[derive(Default)]
pub(crate) struct Scratch {
    feats: Vec<u32>,
    emis: Vec<[f32; NT]>,
    back: Vec<[f32; NT]>,
    out: Vec<u8>,
}

/// Per-token margins of the decoded tags `out`: the score of the tag against the best tag of
/// another type (or O), i.e. how sure the model is of the label, not of the B/I/L/U position.
pub(crate) fn token_margins(emis: &[[f32; NT]], out: &[u8]) -> Vec<f32> {
    emis.iter()
        .zip(out)
        .map(|(e, &t)| {
            let ty = features::tag_type(t as usize);
            let best_other = e
                .iter()
                .enumerate()
                .filter(|(k, _)| features::tag_type(*k) != ty)
                .fold(f32::NEG_INFINITY, |a, (_, &x)| a.max(x));
            e[t as usize] - best_other
        })
        .collect()
}

/// Decodes all sentences of a document with one weight set.
pub(crate) fn decode(
    doc: &DocInput,
    w: &Weights,
    p1: Option<(&[Vec<u8>], &IdMap<WordStats>)>,
    sc: &mut Scratch,
    mut margins: Option<&mut Vec<Vec<f32>>>,
) -> Vec<Vec<u8>> {
    let mut res: Vec<Vec<u8>> = doc.sents.iter().map(|s| vec![0u8; s.len()]).collect();
    let mut emis = std::mem::take(&mut sc.emis);
    let mut feats = std::mem::take(&mut sc.feats);
    let mut si_cur = usize::MAX;
    let trans = Trans::new(&w.trans);
    let mut flush = |si: usize, emis: &mut Vec<[f32; NT]>, sc: &mut Scratch| {
        viterbi(emis, &trans, &mut sc.back, &mut sc.out);
        res[si].copy_from_slice(&sc.out);
        if let Some(m) = margins.as_deref_mut() {
            m.push(token_margins(emis, &sc.out));
        }
        emis.clear();
    };
    emis.clear();
    for_each_features(doc, p1, &mut feats, |si, _i, f| {
        if si != si_cur {
            if si_cur != usize::MAX && !emis.is_empty() {
                flush(si_cur, &mut emis, sc);
            }
            si_cur = si;
        }
        let mut e = [0f32; NT];
        w.score(f, &mut e);
        emis.push(e);
    });
    if si_cur != usize::MAX && !emis.is_empty() {
        flush(si_cur, &mut emis, sc);
    }
    // Empty sentences produce no features; keep their margins aligned.
    if let Some(m) = margins {
        if m.len() != doc.sents.len() {
            let mut full = Vec::with_capacity(doc.sents.len());
            let mut it = std::mem::take(m).into_iter();
            for s in &doc.sents {
                full.push(if s.is_empty() {
                    Vec::new()
                } else {
                    it.next().unwrap_or_default()
                });
            }
            *m = full;
        }
    }
    sc.emis = emis;
    sc.feats = feats;
    res
}

/// Full two-pass tagging; returns tags and (if asked) per-token margins.
pub(crate) fn tag(
    model: &Model,
    doc: &DocInput,
    sc: &mut Scratch,
    margins: Option<&mut Vec<Vec<f32>>>,
) -> Vec<Vec<u8>> {
    let p1 = decode(doc, &model.pass1, None, sc, None);
    let st = stats(doc, &p1);
    decode(doc, &model.pass2, Some((&p1, &st)), sc, margins)
}
