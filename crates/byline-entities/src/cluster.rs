//! Grouping of entity mentions into per-document clusters.

use crate::{Cluster, Entities, Entity, Label};
use byline_tokenize::Analysis;

/// Clusters searched per word of a mention (the most recent ones).
const MAX_CANDIDATES: usize = 32;

/// Lowercased, normalised word of a token, for matching mentions.
fn key(w: &str) -> String {
    w.chars()
        .map(crate::features::norm_char)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `short` is a contiguous run of `long` (as word keys).
fn contained(short: &[String], long: &[String]) -> bool {
    if short.is_empty() || short.len() > long.len() {
        return false;
    }
    long.windows(short.len()).any(|w| w == short)
}

/// Clusters the mentions (in text order) and sets each entity's cluster and label.
pub(crate) fn cluster(analysis: &Analysis<'_>, mut entities: Vec<Entity>) -> Entities {
    let toks = analysis.tokens();
    let text = analysis.text();
    // Per cluster: word keys of its fullest name, label votes, mentions.
    struct C {
        words: Vec<String>,
        name: String,
        votes: [usize; 4],
        first_label: Label,
        mentions: Vec<usize>,
    }
    let mut cs: Vec<C> = Vec::new();
    // Index from a word key to the clusters whose name contains it (keeps this linear for
    // typical documents).
    let mut by_word: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (ei, e) in entities.iter().enumerate() {
        let words: Vec<String> = toks[e.tokens.clone()].iter().map(|t| key(t.text)).collect();
        let mut target = None;
        // The most recent clusters per word only: a word shared by thousands of names in a
        // very long input ("New") must not make each mention search them all.
        let mut cands: Vec<usize> = words
            .iter()
            .filter_map(|w| by_word.get(w))
            .flat_map(|v| &v[v.len().saturating_sub(MAX_CANDIDATES)..])
            .copied()
            .collect();
        cands.sort_unstable();
        cands.dedup();
        // Most recent compatible cluster whose name contains the mention, or that the
        // mention contains.
        for &ci in cands.iter().rev() {
            let c = &cs[ci];
            let same_label = c.votes[e.label.index()] > 0;
            let sub = contained(&words, &c.words);
            let sup = contained(&c.words, &words);
            // One word: a single token or a hyphenated compound ("Al-Sharaa").
            let one_word =
                words.len() == 1 || (words.len() == 3 && crate::is_hyphen(words[1].as_str()));
            if words == c.words
                || ((sub || sup)
                    && (same_label || (sub && one_word && c.words.len() > words.len())))
            {
                target = Some(ci);
                break;
            }
        }
        let ci = match target {
            Some(ci) => ci,
            None => {
                cs.push(C {
                    words: Vec::new(),
                    name: String::new(),
                    votes: [0; 4],
                    first_label: e.label,
                    mentions: Vec::new(),
                });
                cs.len() - 1
            }
        };
        let c = &mut cs[ci];
        // Longer mentions carry more evidence: "Bashar al-Assad" outweighs two bare "Assad"
        // in "the Assad regime".
        c.votes[e.label.index()] += words.len();
        c.mentions.push(ei);
        if words.len() > c.words.len() {
            let name = e.span.text(text).to_string();
            for w in &words {
                let v = by_word.entry(w.clone()).or_default();
                if v.last() != Some(&ci) {
                    v.push(ci);
                }
            }
            c.words = words;
            c.name = name;
        }
    }
    let mut clusters = Vec::with_capacity(cs.len());
    for (id, c) in cs.into_iter().enumerate() {
        let mut best = c.first_label;
        for l in [
            Label::Person,
            Label::Organization,
            Label::Location,
            Label::Misc,
        ] {
            if c.votes[l.index()] > c.votes[best.index()] {
                best = l;
            }
        }
        for &m in &c.mentions {
            entities[m].cluster = id;
            if entities[m].label != best {
                // Relabelled by its cluster: the model's margin was for the other label.
                entities[m].label = best;
                entities[m].score = 0.5;
            }
        }
        clusters.push(Cluster {
            id,
            name: c.name,
            label: best,
            mentions: c.mentions,
        });
    }
    Entities { entities, clusters }
}
