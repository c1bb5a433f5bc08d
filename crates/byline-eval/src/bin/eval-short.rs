//! Scores the entity recognizer on short news texts: the fixture
//! `crates/byline-entities/tests/data/short_news.txt` (sentences, headlines, captions, posts,
//! all-caps and lower-case lines written by the byline authors, gold entities in brackets).
//!
//! ```text
//! cargo run --release -p byline-eval --bin eval-short -- crates/byline-entities/tests/data/short_news.txt --min-f1 90
//! ```
//!
//! Each line is analysed alone (tokenizer +
//! [`Recognizer::recognize`](byline_entities::Recognizer::recognize), so without any
//! document context) and its entities are compared with the gold ones: exact byte span and
//! label. Prints P/R/F1 overall, per type and per section of the file (the `# ---` comment
//! lines). Options: `--model FILE`, `--min-f1 X` (exit 1 below X), `--errors` (print every
//! line with a wrong or missing entity).

use byline_entities::Label;
use std::collections::BTreeMap;
use std::process::exit;

fn usage() -> ! {
    eprintln!("usage: eval-short FILE [--model ner.bin] [--min-f1 X] [--errors]");
    exit(2)
}

/// An entity: byte start, byte end, label.
type Span = (usize, usize, Label);

/// A line's text without markup and its gold entities.
fn parse(line: &str) -> Result<(String, Vec<Span>), String> {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, Label)> = None;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c == '[' && open.is_none() {
            let (lab, after) = rest[1..]
                .split_once(' ')
                .ok_or_else(|| format!("unterminated label in {line:?}"))?;
            let l: Label = lab.parse().map_err(|e| format!("{e} in {line:?}"))?;
            open = Some((text.len(), l));
            rest = after;
            continue;
        }
        if c == ']' {
            if let Some((s, l)) = open.take() {
                gold.push((s, text.len(), l));
                rest = &rest[1..];
                continue;
            }
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if open.is_some() {
        return Err(format!("unclosed bracket in {line:?}"));
    }
    Ok((text, gold))
}

#[derive(Default)]
struct Tally {
    correct: BTreeMap<String, usize>,
    gold: BTreeMap<String, usize>,
    pred: BTreeMap<String, usize>,
}

impl Tally {
    fn prf(&self, key: Option<&str>) -> (f64, f64, f64) {
        let get = |m: &BTreeMap<String, usize>| match key {
            Some(k) => m.get(k).copied().unwrap_or(0),
            None => m.values().sum(),
        };
        let (c, g, p) = (get(&self.correct), get(&self.gold), get(&self.pred));
        let (pr, rc, f) = byline_eval::prf(c, p, c, g);
        (100.0 * pr, 100.0 * rc, 100.0 * f)
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut file, mut model, mut min_f1, mut errors) = (None, None, None::<f64>, false);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--model" => model = Some(args.next().unwrap_or_else(|| usage())),
            "--min-f1" => {
                min_f1 = Some(
                    args.next()
                        .and_then(|v| v.parse().ok())
                        .unwrap_or_else(|| usage()),
                )
            }
            "--errors" => errors = true,
            s if s.starts_with("--") => usage(),
            _ => file = Some(a),
        }
    }
    let Some(file) = file else { usage() };
    let src = byline_eval::cli::read_or_exit("eval-short", &file);
    let rec = byline_eval::cli::recognizer_or_exit("eval-short", model.as_deref());
    let mut all = Tally::default();
    let mut sections: Vec<(String, Tally)> = Vec::new();
    let mut section = "(start)".to_string();
    let mut lines = 0usize;
    for line in src.lines() {
        if let Some(name) = line.strip_prefix("# ---") {
            section = name.trim().to_string();
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (text, gold) = parse(line).unwrap_or_else(|e| {
            eprintln!("error: {file}: {e}");
            exit(2)
        });
        lines += 1;
        let found = rec.recognize(&byline_tokenize::analyze(&text));
        let pred: Vec<Span> = found
            .entities
            .iter()
            .map(|e| (e.span.start, e.span.end, e.label))
            .collect();
        if sections.last().map(|s| &s.0) != Some(&section) {
            sections.push((section.clone(), Tally::default()));
        }
        for t in [
            &mut all,
            &mut sections
                .last_mut()
                .map(|s| &mut s.1)
                .unwrap_or_else(|| exit(3)),
        ] {
            for g in &gold {
                *t.gold.entry(g.2.to_string()).or_default() += 1;
            }
            for p in &pred {
                *t.pred.entry(p.2.to_string()).or_default() += 1;
                if gold.contains(p) {
                    *t.correct.entry(p.2.to_string()).or_default() += 1;
                }
            }
        }
        let wrong =
            gold.iter().any(|g| !pred.contains(g)) || pred.iter().any(|p| !gold.contains(p));
        if errors && wrong {
            let show = |v: &[Span]| {
                v.iter()
                    .map(|(s, e, l)| format!("{l} {:?}", &text[*s..*e]))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            println!(
                "{text}\n    gold: {}\n    pred: {}",
                show(&gold),
                show(&pred)
            );
        }
    }
    println!("{file}: {lines} texts, each analysed alone");
    println!("{:<24} {:>7} {:>7} {:>7} {:>7}", "", "P", "R", "F1", "gold");
    let row = |name: &str, t: &Tally, key: Option<&str>| {
        let (p, r, f) = t.prf(key);
        let g: usize = match key {
            Some(k) => t.gold.get(k).copied().unwrap_or(0),
            None => t.gold.values().sum(),
        };
        println!("{name:<24} {p:>7.2} {r:>7.2} {f:>7.2} {g:>7}");
    };
    row("overall", &all, None);
    for l in Label::ALL {
        row(&format!("  {l}"), &all, Some(l.as_str()));
    }
    for (name, t) in &sections {
        row(name, t, None);
    }
    if let Some(m) = min_f1 {
        let f = all.prf(None).2;
        if f < m {
            eprintln!("GATE FAILED: short-text F1 {f:.2} < --min-f1 {m:.2}");
            exit(1);
        }
    }
}
