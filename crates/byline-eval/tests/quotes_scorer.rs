//! The Rust port of `score_quotes.py` gives the same numbers as the Python reference on
//! generated input.

use byline_eval::quotes::{self, ArticleRec, QuoteRec};
use std::collections::HashMap;
use std::process::Command;

/// A small deterministic pseudo-random generator (no dependency).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "mayor",
    "said",
    "council",
    "“We",
    "will",
    "build",
    "it,”",
    "she",
    "told",
    "reporters",
    "''Never",
    "again,''",
    "Zoë",
    "Ørsted",
    "café",
    "\"Yes\"",
    "—",
    "according",
    "to",
    "officials,",
    "(Reuters)",
    "2016",
    "O'Brien",
    "1,000",
    "over",
    "he",
    "added.",
    "“Nested",
    "‘single’",
    "quote.”",
    "«bonjour»",
    "he",
    "warned",
    "that",
    "taxes",
    "would",
    "rise.",
    "Mr.",
    "Smith,",
    "who",
    "voted",
];

fn gen_article(rng: &mut Lcg, id: usize) -> (ArticleRec, Vec<QuoteRec>) {
    let mut text = String::new();
    for p in 0..(2 + rng.below(4)) {
        if p > 0 {
            text.push_str(if rng.below(5) == 0 { "\n" } else { "\n\n" });
        }
        for w in 0..(5 + rng.below(25)) {
            if w > 0 {
                text.push(' ');
            }
            text.push_str(WORDS[rng.below(WORDS.len())]);
        }
    }
    let n = text.chars().count();
    let span = |rng: &mut Lcg| {
        let a = rng.below(n);
        let b = (a + 1 + rng.below(40)).min(n);
        (a, b)
    };
    let mut gold = Vec::new();
    for _ in 0..rng.below(6) {
        let content = span(rng);
        let parts = if rng.below(3) == 0 {
            let second = span(rng);
            vec![content, second]
        } else {
            vec![]
        };
        let kind = match rng.below(5) {
            0 => None,
            1 => Some("direct".to_string()),
            2 => Some("mixed".to_string()),
            _ => Some("indirect".to_string()),
        };
        gold.push(QuoteRec {
            content: Some(content),
            content_parts: parts,
            source: (rng.below(4) > 0).then(|| span(rng)),
            cue: (rng.below(4) > 0).then(|| span(rng)),
            direct: rng.below(2) == 0,
            kind,
        });
    }
    let mut pred = Vec::new();
    for g in &gold {
        // near-copies of gold quotes (shifted boundaries, other sources) plus noise
        if rng.below(4) == 0 {
            continue;
        }
        let (a, b) = g.content.unwrap_or((0, 1));
        let shift = |x: usize, rng: &mut Lcg| (x + rng.below(7)).saturating_sub(3).min(n);
        let c = (shift(a, rng), shift(b, rng).max(shift(a, rng)));
        pred.push(QuoteRec {
            content: Some(c),
            content_parts: if rng.below(4) == 0 {
                g.content_parts.clone()
            } else {
                vec![]
            },
            source: if rng.below(3) == 0 {
                span(rng).into()
            } else {
                g.source
            },
            cue: if rng.below(3) == 0 { None } else { g.cue },
            ..QuoteRec::default()
        });
    }
    for _ in 0..rng.below(3) {
        pred.push(QuoteRec {
            content: Some(span(rng)),
            source: (rng.below(2) == 0).then(|| span(rng)),
            cue: (rng.below(2) == 0).then(|| span(rng)),
            ..QuoteRec::default()
        });
    }
    (
        ArticleRec {
            id: format!("gen-{id}"),
            text,
            quotes: gold,
        },
        pred,
    )
}

fn span_json(s: Option<(usize, usize)>) -> serde_json::Value {
    s.map_or(serde_json::Value::Null, |(a, b)| serde_json::json!([a, b]))
}

fn quote_json(q: &QuoteRec, gold: bool) -> serde_json::Value {
    let mut v = serde_json::json!({
        "content": span_json(q.content),
        "source": span_json(q.source),
        "cue": span_json(q.cue),
    });
    if !q.content_parts.is_empty() {
        v["content_parts"] = q
            .content_parts
            .iter()
            .map(|&(a, b)| serde_json::json!([a, b]))
            .collect();
    }
    if gold {
        v["direct"] = q.direct.into();
        if let Some(k) = &q.kind {
            v["kind"] = k.clone().into();
        }
    }
    v
}

#[test]
fn rust_port_equals_python_reference() {
    let test = "rust_port_equals_python_reference";
    let Some(script) = byline_eval::testdata::shared(test, "tools/score_quotes.py") else {
        return;
    };
    if !byline_eval::testdata::python3(test) {
        return;
    }
    let mut rng = Lcg(20161108);
    let mut gold = Vec::new();
    let mut pred = HashMap::new();
    for id in 0..60 {
        let (g, p) = gen_article(&mut rng, id);
        if id % 17 != 5 {
            // some articles have no prediction line
            pred.insert(g.id.clone(), p);
        }
        gold.push(g);
    }
    let dir = std::env::temp_dir().join(format!("byline-quotes-scorer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (gp, pp, jp) = (
        dir.join("gold.jsonl"),
        dir.join("pred.jsonl"),
        dir.join("out.json"),
    );
    let mut gs = String::new();
    let mut ps = String::new();
    for g in &gold {
        let qs: Vec<_> = g.quotes.iter().map(|q| quote_json(q, true)).collect();
        gs += &serde_json::json!({"id": g.id, "text": g.text, "quotes": qs}).to_string();
        gs.push('\n');
        if let Some(p) = pred.get(&g.id) {
            let qs: Vec<_> = p.iter().map(|q| quote_json(q, false)).collect();
            ps += &serde_json::json!({"id": g.id, "quotes": qs}).to_string();
            ps.push('\n');
        }
    }
    std::fs::write(&gp, gs).unwrap();
    std::fs::write(&pp, ps).unwrap();
    let out = Command::new("python3")
        .arg(&script)
        .args([
            "--gold",
            gp.to_str().unwrap(),
            "--pred",
            pp.to_str().unwrap(),
            "--json",
            jp.to_str().unwrap(),
        ])
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let py: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&jp).unwrap()).unwrap();
    // the Rust port on the same files, through the same loader
    let gold2 = quotes::load_jsonl(gp.to_str().unwrap()).unwrap();
    let pred2: HashMap<String, Vec<QuoteRec>> = quotes::load_jsonl(pp.to_str().unwrap())
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a.quotes))
        .collect();
    let res = quotes::summarize(&quotes::score(&gold2, &pred2));
    let _ = std::fs::remove_dir_all(&dir);
    let mut checked = 0;
    for (label, r) in &res {
        let p = &py[label.as_str()];
        let num = |k: &str| p[k].as_f64();
        let pairs = [
            ("n_gold", Some(r.n_gold as f64)),
            ("n_pred", Some(r.n_pred as f64)),
            ("content_p", Some(r.content_p)),
            ("content_r", Some(r.content_r)),
            ("content_f1", Some(r.content_f1)),
            ("exact_p", Some(r.exact_p)),
            ("exact_r", Some(r.exact_r)),
            ("exact_f1", Some(r.exact_f1)),
            ("attribution_acc", r.attribution_acc),
            ("attribution_acc_strict", r.attribution_acc_strict),
            ("attribution_n", Some(r.attribution_n as f64)),
            ("cue_acc", r.cue_acc),
            ("e2e_p", Some(r.e2e_p)),
            ("e2e_r", Some(r.e2e_r)),
            ("e2e_f1", Some(r.e2e_f1)),
        ];
        for (k, v) in pairs {
            match (num(k), v) {
                (Some(a), Some(b)) => {
                    assert!((a - b).abs() < 1e-9, "{label}.{k}: python {a} rust {b}")
                }
                (None, None) => {}
                (a, b) => panic!("{label}.{k}: python {a:?} rust {b:?}"),
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 75);
    // the generated data must exercise matches, attribution and every kind
    let all = &res[0].1;
    assert!(
        all.content_f1 > 0.0 && all.content_f1 < 1.0,
        "degenerate input: {all:?}"
    );
    assert!(all.attribution_n > 0 && res.iter().skip(1).take(3).all(|(_, r)| r.n_gold > 0));
}

#[test]
fn byte_offsets_convert_to_code_points() {
    let text = "Zoë said “ok”.";
    let map = quotes::byte_to_char_offsets(text);
    let b = text.find('“').unwrap();
    assert_eq!(map[b], 9);
    assert_eq!(map[text.len()], text.chars().count());
}
