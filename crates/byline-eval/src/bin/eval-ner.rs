//! Scores the embedded byline-entities model on a CoNLL-2003 file.
//!
//! ```text
//! cargo run --release -p byline-eval --bin eval-ner -- ../shared/data/conll2003/eng.testa --min-f1 91.0
//! ```
//!
//! Prints overall and per-type precision / recall / F1 (conlleval semantics), and the same
//! for slices: sentences written all in capitals, the other sentences, and (synthetic) the
//! whole file lowercased and uppercased. Options: `--model FILE` (instead of the
//! embedded model), `--min-f1 X` (exit 1 when overall F1 is below X), `--min-caps-f1 X`,
//! `--pred FILE` (write the file with the predicted tag appended, for other scorers).

use byline_eval::conll::{read_conll, Score};
use std::process::exit;
use std::time::Instant;

fn usage() -> ! {
    eprintln!("usage: eval-ner FILE [--model ner.bin] [--min-f1 X] [--min-caps-f1 X] [--pred OUT]");
    exit(2)
}

fn row(name: &str, s: &Score) -> String {
    let (p, r, f) = s.overall();
    let g: usize = s.gold.values().sum();
    format!(
        "{name:<24} {:>7.2} {:>7.2} {:>7.2} {g:>7}",
        100.0 * p,
        100.0 * r,
        100.0 * f
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut file, mut model, mut pred_out) = (None, None, None);
    let (mut min_f1, mut min_caps) = (None::<f64>, None::<f64>);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--model" => model = Some(val()),
            "--min-f1" => min_f1 = Some(val().parse().unwrap_or_else(|_| usage())),
            "--min-caps-f1" => min_caps = Some(val().parse().unwrap_or_else(|_| usage())),
            "--pred" => pred_out = Some(val()),
            s if s.starts_with("--") => usage(),
            _ => file = Some(a),
        }
    }
    let Some(file) = file else { usage() };
    let text = byline_eval::cli::read_or_exit("eval-ner", &file);
    let rec = byline_eval::cli::recognizer_or_exit("eval-ner", model.as_deref());
    let docs = read_conll(&text);
    let t0 = Instant::now();
    let (mut all, mut caps, mut mixed) = (Score::default(), Score::default(), Score::default());
    let mut ntok = 0usize;
    let mut pred_text = String::new();
    for d in &docs {
        let words: Vec<Vec<&str>> = d
            .iter()
            .map(|s| s.iter().map(|r| r[0].as_str()).collect())
            .collect();
        let tags = rec.iob2(&words);
        pred_text.push_str("-DOCSTART- -X- O O O\n\n");
        for (s, p) in d.iter().zip(&tags) {
            let gold: Vec<&str> = s.iter().map(|r| r[r.len() - 1].as_str()).collect();
            ntok += gold.len();
            all.add(&gold, p);
            let has_alpha = s.iter().any(|r| r[0].chars().any(char::is_alphabetic));
            let all_caps = has_alpha && !s.iter().any(|r| r[0].chars().any(char::is_lowercase));
            if all_caps {
                caps.add(&gold, p);
            } else {
                mixed.add(&gold, p);
            }
            for (r, t) in s.iter().zip(p) {
                pred_text.push_str(&r.join(" "));
                pred_text.push(' ');
                pred_text.push_str(t);
                pred_text.push('\n');
            }
            pred_text.push('\n');
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    // Synthetic slices: the whole file lowercased and uppercased (text without normal
    // capitalisation), scored against the same gold tags.
    let cased = |f: fn(&str) -> String| {
        let mut sc = Score::default();
        for d in &docs {
            let words: Vec<Vec<String>> = d
                .iter()
                .map(|s| s.iter().map(|r| f(&r[0])).collect())
                .collect();
            for (s, p) in d.iter().zip(rec.iob2(&words)) {
                let gold: Vec<&str> = s.iter().map(|r| r[r.len() - 1].as_str()).collect();
                sc.add(&gold, &p);
            }
        }
        sc
    };
    let lower = cased(str::to_lowercase);
    let upper = cased(str::to_uppercase);
    if let Some(p) = &pred_out {
        if let Err(e) = std::fs::write(p, &pred_text) {
            eprintln!("error: cannot write {p}: {e}");
            exit(1);
        }
    }
    println!(
        "{file}: {} documents, {ntok} tokens, {:.0} tokens/s (including IOB2 strings)",
        docs.len(),
        ntok as f64 / secs
    );
    println!("{:<24} {:>7} {:>7} {:>7} {:>7}", "", "P", "R", "F1", "gold");
    println!("{}", row("overall", &all));
    for t in all.types() {
        let (p, r, f) = all.by_type(&t);
        println!(
            "{:<24} {:>7.2} {:>7.2} {:>7.2} {:>7}",
            format!("  {t}"),
            100.0 * p,
            100.0 * r,
            100.0 * f,
            all.gold.get(&t).copied().unwrap_or(0)
        );
    }
    println!("{}", row("all-caps sentences", &caps));
    println!("{}", row("mixed-case sentences", &mixed));
    println!("{}", row("all lowercased (synth.)", &lower));
    println!("{}", row("all uppercased (synth.)", &upper));
    println!("token accuracy {:.2}%", 100.0 * all.accuracy());
    let mut fail = false;
    if let Some(m) = min_f1 {
        let f = 100.0 * all.overall().2;
        if f < m {
            eprintln!("GATE FAILED: overall F1 {f:.2} < --min-f1 {m:.2}");
            fail = true;
        }
    }
    if let Some(m) = min_caps {
        let f = 100.0 * caps.overall().2;
        if f < m {
            eprintln!("GATE FAILED: all-caps F1 {f:.2} < --min-caps-f1 {m:.2}");
            fail = true;
        }
    }
    if fail {
        exit(1);
    }
}
