//! Learning the lexicon from unlabeled text (capitalisation ratios, person contexts and
//! distributional word clusters) and compiling name lists into the hashed name table.

use super::Rng;
use crate::features::{form_hash, lower_hash, Tok};
use crate::lexicon::{IdMap, LexEntry, Lexicon};
use crate::names::{self, NameTable, CATS, MAX_LEN, PREFIX, TITLES};

/// Verbs of speaking that follow a person's name ("Putin said").
const SPEECH: &[&str] = &[
    "said", "says", "told", "added", "asked", "wrote", "tweeted", "warned", "insisted",
];

/// Settings of the lexicon.
#[derive(Clone, Debug)]
pub struct LexiconConfig {
    /// Seed of the clustering.
    pub seed: u64,
    /// Fine and coarse cluster counts.
    pub clusters: (usize, usize),
    /// Minimum frequency of a word in the unlabeled text to get a cluster.
    pub min_freq: u32,
    /// At most this many of the most frequent words are clustered.
    pub max_vocab: usize,
    /// Context words (the most frequent) of the co-occurrence vectors.
    pub contexts: usize,
    /// k-means iterations of the fine clustering.
    pub iters: usize,
    /// The model lists this many of the most frequent word forms (exactly as written, seen
    /// at least twice), whose scores recognition keeps across documents (at most 65,536).
    pub hot: usize,
}

impl Default for LexiconConfig {
    fn default() -> LexiconConfig {
        LexiconConfig {
            seed: 42,
            clusters: (300, 40),
            min_freq: 5,
            max_vocab: 100_000,
            contexts: 1000,
            iters: 12,
            hot: 16_384,
        }
    }
}

/// Collects unlabeled sentences and name-list entries, then learns the lexicon
/// ([`LexiconBuilder::finish`]). Memory: four bytes per word of text plus per-type counts.
#[derive(Default)]
pub struct LexiconBuilder {
    ids: IdMap<u32>,
    hashes: Vec<u64>,
    freq: Vec<u32>,
    cap_mid: Vec<u32>,
    low: Vec<u32>,
    cap_all: Vec<u32>,
    person_ctx: Vec<u32>,
    toks: Vec<u32>,
    ends: Vec<u32>,
    names: Vec<(u64, u16)>,
    n_names: usize,
    title_h: Vec<u64>,
    speech_h: Vec<u64>,
    /// Occurrences per form hash (see [`LexiconConfig::hot`]).
    forms: IdMap<u32>,
}

/// The learned lexicon and name table, ready for [`train`](super::train).
#[derive(Clone, Debug)]
pub struct TrainLexicon(pub(crate) Lexicon);

impl TrainLexicon {
    /// Number of words with lexicon entries and of name-table sequences.
    pub fn sizes(&self) -> (usize, usize) {
        (self.0.map.len(), self.0.names.len())
    }
}

impl LexiconBuilder {
    /// An empty builder.
    pub fn new() -> LexiconBuilder {
        LexiconBuilder {
            title_h: TITLES.iter().map(|t| lower_hash(t)).collect(),
            speech_h: SPEECH.iter().map(|t| lower_hash(t)).collect(),
            ..LexiconBuilder::default()
        }
    }

    fn id(&mut self, h: u64) -> u32 {
        let n = self.hashes.len() as u32;
        let id = *self.ids.entry(h).or_insert(n);
        if id == n {
            self.hashes.push(h);
            self.freq.push(0);
            self.cap_mid.push(0);
            self.low.push(0);
            self.cap_all.push(0);
            self.person_ctx.push(0);
        }
        id
    }

    /// Adds one tokenized sentence of unlabeled text.
    pub fn add_sentence<S: AsRef<str>>(&mut self, s: &[S]) {
        let empty = Lexicon::default();
        let toks: Vec<Tok> = s.iter().map(|w| Tok::new(w.as_ref(), &empty)).collect();
        for w in s {
            let c = self.forms.entry(form_hash(w.as_ref())).or_insert(0);
            *c = c.saturating_add(1);
        }
        let all_caps = toks.iter().any(|t| t.alpha) && !toks.iter().any(|t| t.alpha && !t.upper);
        let mut initial = true;
        let ids: Vec<u32> = toks.iter().map(|t| self.id(t.lower)).collect();
        for ((w, t), &id) in s.iter().zip(&toks).zip(&ids) {
            let w = w.as_ref();
            let id = id as usize;
            if t.alpha {
                self.freq[id] += 1;
                // capitalised: any uppercase letter ("Assad", "al-Assad", "iPhone")
                if !t.lowercase && !initial && !all_caps {
                    self.cap_mid[id] += 1;
                }
                if t.lowercase {
                    self.low[id] += 1;
                }
                initial = false;
            } else if !w.chars().any(|c| c.is_numeric()) {
                // quotes, brackets, colons and dashes start a new clause
                initial =
                    initial || matches!(w, "\"" | "(" | ":" | "--" | "\u{201c}" | "'" | "\u{2014}");
            } else {
                initial = false;
            }
        }
        // Person contexts: a capitalised word after a title (within three words, skipping
        // other capitalised words) or right before a speech verb.
        for (i, t) in toks.iter().enumerate() {
            if !t.alpha || t.lowercase || all_caps {
                continue;
            }
            self.cap_all[ids[i] as usize] += 1;
            let mut titled = false;
            for back in 1..=3 {
                if i < back {
                    break;
                }
                let p = &toks[i - back];
                let ph = lower_hash(s[i - back].as_ref().trim_end_matches('.'));
                if self.title_h.contains(&ph) {
                    titled = true;
                    break;
                }
                if !p.alpha || p.lowercase {
                    break;
                }
            }
            let speech = i + 1 < toks.len() && self.speech_h.contains(&toks[i + 1].lower);
            if titled || speech {
                self.person_ctx[ids[i] as usize] += 1;
            }
        }
        self.toks.extend_from_slice(&ids);
        self.ends.push(self.toks.len() as u32);
    }

    /// Adds a name-list entry of category `cat` (0 to 7, see [`name_category`]). Words
    /// are split at spaces, a final comma and a possessive `'s`; entries longer than eight
    /// words are skipped.
    pub fn add_name(&mut self, name: &str, cat: usize) {
        if cat >= CATS {
            return;
        }
        if cat == ORG {
            if let Some(short) = company_base(name) {
                self.add_words(short, cat);
            }
        }
        self.add_words(name, cat);
    }

    fn add_words(&mut self, name: &str, cat: usize) {
        let mut words: Vec<&str> = Vec::new();
        for w in name.split_whitespace() {
            let (w, comma) = match w.strip_suffix(',') {
                Some(x) => (x, true),
                None => (w, false),
            };
            match w.strip_suffix("'s").filter(|x| !x.is_empty()) {
                Some(x) => words.extend([x, "'s"]),
                None if !w.is_empty() => words.push(w),
                None => {}
            }
            if comma {
                words.push(",");
            }
        }
        if words.is_empty() || words.len() > MAX_LEN {
            return;
        }
        let mut h = names::start(lower_hash(words[0]));
        for w in &words[1..] {
            self.names.push((h, PREFIX));
            h = names::extend(h, lower_hash(w));
        }
        self.names.push((h, 1 << cat));
        self.n_names += 1;
    }

    /// Learns the lexicon; `log` receives progress lines.
    pub fn finish(self, cfg: &LexiconConfig, log: &mut dyn FnMut(&str)) -> TrainLexicon {
        let nsent = self.ends.len();
        log(&format!(
            "lexicon: {nsent} sentences, {} words, {} word types, {} name-list entries",
            self.toks.len(),
            self.hashes.len(),
            self.n_names
        ));
        let names = NameTable::from_pairs(self.names.iter().copied());
        // Capitalisation and person-context buckets.
        let mut map: IdMap<LexEntry> = IdMap::default();
        let mut order: Vec<u32> = (0..self.hashes.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            self.freq[b]
                .cmp(&self.freq[a])
                .then(self.hashes[a].cmp(&self.hashes[b]))
        });
        for &id in &order {
            let id = id as usize;
            let f = self.freq[id];
            if f < 2 {
                continue;
            }
            let c = self.cap_mid[id] as f64;
            let l = self.low[id] as f64;
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
            let ca = self.cap_all[id] as f64;
            let pc = self.person_ctx[id] as f64;
            let person = if ca == 0.0 || pc == 0.0 {
                0
            } else {
                let r = pc / ca;
                1 + (r >= 0.05) as u8 + (r >= 0.2) as u8 + (r >= 0.5) as u8
            };
            map.insert(
                self.hashes[id],
                LexEntry {
                    fine: u16::MAX,
                    coarse: u16::MAX,
                    capb,
                    person,
                },
            );
        }
        let (fine, coarse, vocab) = self.clusters(&order, cfg, log);
        for (i, &id) in vocab.iter().enumerate() {
            if let Some(e) = map.get_mut(&self.hashes[id as usize]) {
                e.fine = fine[i] as u16;
                e.coarse = coarse[fine[i]] as u16;
            }
        }
        log(&format!(
            "lexicon: {} entries, {} clustered into {}/{}; name table {} sequences",
            map.len(),
            vocab.len(),
            cfg.clusters.0,
            cfg.clusters.1,
            names.len()
        ));
        let mut hot: Vec<(u64, u32)> = self
            .forms
            .iter()
            .filter(|&(_, &c)| c >= 2)
            .map(|(&h, &c)| (h, c))
            .collect();
        hot.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        hot.truncate(cfg.hot.min(crate::model::MAX_HOT));
        let hot: Vec<u64> = hot.into_iter().map(|(h, _)| h).collect();
        log(&format!(
            "lexicon: {} word forms, the {} most frequent listed",
            self.forms.len(),
            hot.len()
        ));
        TrainLexicon(Lexicon { map, names, hot })
    }

    /// Distributional clusters: positive PMI of the left and right neighbours (among the
    /// most frequent words), a random projection to 64 dimensions, spherical k-means; coarse
    /// clusters by k-means over the fine centroids. Returns fine and coarse assignments and
    /// the clustered word ids.
    fn clusters(
        &self,
        order: &[u32],
        cfg: &LexiconConfig,
        log: &mut dyn FnMut(&str),
    ) -> (Vec<usize>, Vec<usize>, Vec<u32>) {
        let vocab: Vec<u32> = order
            .iter()
            .copied()
            .filter(|&id| self.freq[id as usize] >= cfg.min_freq)
            .take(cfg.max_vocab)
            .collect();
        let nctx = cfg.contexts.min(order.len());
        let none = u32::MAX;
        let mut vid = vec![none; self.hashes.len()];
        for (i, &id) in vocab.iter().enumerate() {
            vid[id as usize] = i as u32;
        }
        let mut cid = vec![none; self.hashes.len()];
        for (i, &id) in order.iter().take(nctx).enumerate() {
            cid[id as usize] = i as u32;
        }
        let dims = 2 * (nctx + 1);
        // (word << 32 | context) keys: a hashing map (an identity hash of these keys would
        // put all pairs of a context in one bucket chain).
        let mut pairs: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
        let mut start = 0usize;
        for &end in &self.ends {
            let s = &self.toks[start..end as usize];
            start = end as usize;
            for (i, &id) in s.iter().enumerate() {
                let v = vid[id as usize];
                if v == none {
                    continue;
                }
                let left = if i == 0 {
                    nctx as u32
                } else {
                    cid[s[i - 1] as usize]
                };
                let right = if i + 1 == s.len() {
                    nctx as u32
                } else {
                    cid[s[i + 1] as usize]
                };
                if left != none {
                    *pairs.entry(((v as u64) << 32) | left as u64).or_default() += 1;
                }
                if right != none {
                    *pairs
                        .entry(((v as u64) << 32) | (nctx as u64 + 1 + right as u64))
                        .or_default() += 1;
                }
            }
        }
        let mut pv: Vec<(u64, u32)> = pairs.into_iter().collect();
        pv.sort_unstable();
        log(&format!(
            "clusters: {} words, {} co-occurrence pairs",
            vocab.len(),
            pv.len()
        ));
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
        normalize(&mut vecs, D);
        let (kf, kc) = cfg.clusters;
        let kf = kf.min(vocab.len().max(1));
        let fine = kmeans(&vecs, D, kf, cfg.iters, &mut rng);
        // coarse: k-means over fine centroids
        let mut cent = vec![0f32; kf * D];
        for (i, &c) in fine.iter().enumerate() {
            for d in 0..D {
                cent[c * D + d] += vecs[i * D + d];
            }
        }
        normalize(&mut cent, D);
        let coarse = kmeans(&cent, D, kc.min(kf), 20, &mut rng);
        (fine, coarse, vocab)
    }
}

/// The organisation category of [`name_category`].
const ORG: usize = 3;

/// Legal forms and generic words that company lists append to the name news uses ("Meta
/// Platforms, Inc." is "Meta", "AMAZON COM INC" is "Amazon").
const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "plc",
    "sa",
    "ag",
    "nv",
    "se",
    "lp",
    "holdings",
    "holding",
    "group",
    "com",
    "technologies",
    "platforms",
    "international",
];

/// The name without its trailing legal form and generic words, if any were removed and a
/// word is left.
fn company_base(name: &str) -> Option<&str> {
    let mut end = name.len();
    loop {
        let head = name[..end].trim_end_matches([',', '.', ' ']);
        let (rest, last) = match head.rfind(' ') {
            Some(i) => (&head[..i], &head[i + 1..]),
            None => {
                let suffix = COMPANY_SUFFIXES.contains(&head.to_lowercase().as_str());
                return (end < name.len() && !suffix && !head.is_empty()).then_some(head);
            }
        };
        if COMPANY_SUFFIXES.contains(&last.trim_end_matches('.').to_lowercase().as_str()) {
            end = rest.len();
        } else {
            return (end < name.len()).then_some(head);
        }
    }
}

/// The category of a line of the shared name lists, from the file name and the subtype
/// column (`None`: not used). Small towns (under 15,000 people) and minor languages are left
/// out: as exact-match lists they mostly match common words.
pub fn name_category(file: &str, subtype: &str) -> Option<usize> {
    let stem = file.rsplit('/').next().unwrap_or(file);
    let stem = stem.strip_suffix(".txt").unwrap_or(stem);
    Some(match stem {
        "per_first_names" => 0,
        "per_last_names" => 1,
        "per_full_names" | "per_politicians" => 2,
        s if s.starts_with("org_") => 3,
        "loc_countries" => 4,
        "loc_cities" if subtype == "town" => return None,
        "loc_cities" => 5,
        "loc_regions" => 6,
        "misc_languages" if subtype == "language_minor" => return None,
        s if s.starts_with("misc_") => 7,
        _ => return None,
    })
}

fn normalize(v: &mut [f32], d: usize) {
    for v in v.chunks_mut(d) {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        v.iter_mut().for_each(|x| *x /= n);
    }
}

/// Dot product in eight lanes (vectorizes).
#[inline]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        for l in 0..8 {
            acc[l] += x[l] * y[l];
        }
    }
    acc.iter().sum()
}

/// Spherical k-means (unit vectors, nearest centroid by dot product), k-means++ seeding.
fn kmeans(x: &[f32], d: usize, k: usize, iters: usize, rng: &mut Rng) -> Vec<usize> {
    let n = x.len() / d;
    if n == 0 || k == 0 {
        return vec![0; n];
    }
    let dist = |a: &[f32], b: &[f32]| (2.0 - 2.0 * dot(a, b)).max(0.0);
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
        for (i, a) in assign.iter_mut().enumerate() {
            let xi = &x[i * d..(i + 1) * d];
            let mut bd = f32::MIN;
            for c in 0..k {
                let s = dot(xi, &cent[c * d..(c + 1) * d]);
                if s > bd {
                    bd = s;
                    *a = c;
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
                cent[c * d..(c + 1) * d].copy_from_slice(&sum[c * d..(c + 1) * d]);
            }
        }
        normalize(&mut cent, d);
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Vec<&'static str>> {
        let text = "Mr. Smith said the bank would lend money . The mayor of Springfield said \
                    the bridge was unsafe . Ms. Jones told reporters the vote was close . \
                    The company said profits rose . Smith said it was a good day .";
        text.split(" . ")
            .map(|s| s.split(' ').chain(["."]).collect())
            .collect()
    }

    #[test]
    fn lexicon_is_deterministic_and_finds_person_contexts() {
        let cfg = LexiconConfig {
            min_freq: 1,
            clusters: (4, 2),
            ..LexiconConfig::default()
        };
        let build = || {
            let mut b = LexiconBuilder::new();
            for _ in 0..3 {
                for s in sample() {
                    b.add_sentence(&s);
                }
            }
            b.add_name("Springfield", 5);
            b.add_name("Bank of Springfield", 3);
            b.finish(&cfg, &mut |_| {})
        };
        let (a, b) = (build(), build());
        let mut ka: Vec<_> = a.0.map.iter().map(|(k, e)| (*k, *e)).collect();
        let mut kb: Vec<_> = b.0.map.iter().map(|(k, e)| (*k, *e)).collect();
        ka.sort_unstable_by_key(|x| x.0);
        kb.sort_unstable_by_key(|x| x.0);
        assert_eq!(ka, kb);
        let smith = a.0.map[&lower_hash("smith")];
        assert!(smith.person >= 3, "{smith:?}");
        assert_eq!(a.0.map[&lower_hash("said")].person, 0);
        assert_eq!(a.0.names.len(), 4); // Springfield, Bank, Bank of, Bank of Springfield
        let spr = a.0.names.get(names::start(lower_hash("springfield")));
        assert_eq!(spr, 1 << 5);
    }

    #[test]
    fn company_names_lose_their_legal_form() {
        assert_eq!(company_base("Meta Platforms, Inc."), Some("Meta"));
        assert_eq!(company_base("AMAZON COM INC"), Some("AMAZON"));
        assert_eq!(
            company_base("Bank of America Corp"),
            Some("Bank of America")
        );
        assert_eq!(company_base("Apple"), None);
        assert_eq!(company_base("Holdings Inc"), None);
    }

    #[test]
    fn name_categories_follow_the_files() {
        assert_eq!(
            name_category("x/per_politicians.txt", "politician"),
            Some(2)
        );
        assert_eq!(name_category("loc_cities.txt", "town"), None);
        assert_eq!(name_category("loc_cities.txt", "city"), Some(5));
        assert_eq!(name_category("org_companies.txt", "company_sec"), Some(3));
        assert_eq!(name_category("misc_demonyms.txt", "demonym_adj"), Some(7));
        assert_eq!(name_category("readme.txt", ""), None);
    }
}
