//! Scores byline-tokenize on a UD English CoNLL-U file, as `score_ud.py` does.
//!
//! ```text
//! cargo run --release -p byline-eval --bin eval-ud -- ../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu \
//!     [--min-token-f1 98.0] [--min-sentence-f1 95.0] [--pred OUT.jsonl] [--lowercase] [--errors]
//! ```
//!
//! `--errors` prints each sentence end the segmenter missed (`MISS`) or added (`FALSE`) on
//! stderr, with 60 characters of context on each side and `|` at the end.
//!
//! Each reconstructed document is analysed whole (document mode). With `--lowercase`, each
//! document is lower-cased in memory first (every character whose lower case has the same
//! UTF-8 length, so the gold offsets still hold), as text without capitals is scored. Prints the five metrics;
//! exits 1 when `tokens_ptb` F1 or `sentences_all` F1 (in percent) is below its gate, 2 when
//! the input file is missing or unreadable.

use byline_eval::ud::{read_conllu, Scorer, UdDoc};
use byline_tokenize::Tokenizer;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> &'static str {
    "usage: eval-ud FILE.conllu [FILE.conllu ...] [--min-token-f1 X] [--min-sentence-f1 Y] [--pred OUT.jsonl] [--lowercase] [--errors]\n\
     X and Y are percentages (e.g. 98.0): the gates on tokens_ptb F1 and sentences_all F1."
}

fn main() -> ExitCode {
    let mut files = Vec::new();
    let mut min_tok: Option<f64> = None;
    let mut min_sent: Option<f64> = None;
    let mut pred: Option<PathBuf> = None;
    let mut lowercase = false;
    let mut errors = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut num = |name: &str| -> Result<f64, String> {
            args.next()
                .and_then(|v| v.parse::<f64>().ok())
                .ok_or_else(|| format!("{name} needs a number, e.g. {name} 98.0"))
        };
        let r = match a.as_str() {
            "--min-token-f1" => num("--min-token-f1").map(|v| min_tok = Some(v)),
            "--min-sentence-f1" => num("--min-sentence-f1").map(|v| min_sent = Some(v)),
            "--pred" => match args.next() {
                Some(p) => {
                    pred = Some(PathBuf::from(p));
                    Ok(())
                }
                None => Err("--pred needs a file name".to_string()),
            },
            "--lowercase" => {
                lowercase = true;
                Ok(())
            }
            "--errors" => {
                errors = true;
                Ok(())
            }
            "-h" | "--help" => {
                println!("{}", usage());
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => Err(format!("unknown option {s}")),
            _ => {
                files.push(PathBuf::from(a));
                Ok(())
            }
        };
        if let Err(e) = r {
            eprintln!("eval-ud: {e}\n{}", usage());
            return ExitCode::from(2);
        }
    }
    if files.is_empty() {
        eprintln!("eval-ud: no input file\n{}", usage());
        return ExitCode::from(2);
    }
    let tokenizer = Tokenizer::new();
    let mut failed = false;
    let mut pred_out = match &pred {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Some(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("eval-ud: cannot write {}: {e}", p.display());
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    for file in &files {
        if !file.exists() {
            eprintln!(
                "eval-ud: input file {} is missing (the UD data lives in ../shared/data/ud; run from the workspace root)",
                file.display()
            );
            return ExitCode::from(2);
        }
        let docs = match read_conllu(file) {
            Ok(d) if lowercase => d.into_iter().map(lower_doc).collect(),
            Ok(d) => d,
            Err(e) => {
                eprintln!("eval-ud: {}: {e}", file.display());
                return ExitCode::from(2);
            }
        };
        let mut scorer = Scorer::new();
        for doc in &docs {
            let a = tokenizer.analyze(&doc.text);
            let toks: Vec<(usize, usize)> = a
                .tokens()
                .iter()
                .map(|t| (t.span.start, t.span.end))
                .collect();
            let sents: Vec<(usize, usize)> = a
                .sentences()
                .iter()
                .map(|s| (s.span.start, s.span.end))
                .collect();
            scorer.add_utf8(doc, Some(&toks), Some(&sents));
            if errors {
                print_errors(doc, &sents);
            }
            if let Some(w) = pred_out.as_mut() {
                let line =
                    serde_json::json!({"doc_id": doc.doc_id, "tokens": toks, "sentences": sents});
                let _ = writeln!(w, "{line}");
            }
        }
        let res = scorer.result();
        if lowercase {
            println!("== {} (lower-cased)", file.display());
        } else {
            println!("== {}", file.display());
        }
        println!("{}", res.format());
        let tok = res.get("tokens_ptb").map_or(0.0, |p| 100.0 * p.f1);
        let sent = res.get("sentences_all").map_or(0.0, |p| 100.0 * p.f1);
        if let Some(m) = min_tok {
            if tok < m {
                eprintln!(
                    "eval-ud: GATE FAILED on {}: tokens_ptb F1 {tok:.2} < {m:.2}",
                    file.display()
                );
                failed = true;
            }
        }
        if let Some(m) = min_sent {
            if sent < m {
                eprintln!(
                    "eval-ud: GATE FAILED on {}: sentences_all F1 {sent:.2} < {m:.2}",
                    file.display()
                );
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The document with every character lower-cased whose lower case keeps its UTF-8 length
/// (all of ASCII and almost all other letters), so byte offsets into it stay valid.
fn lower_doc(mut doc: UdDoc) -> UdDoc {
    let mut out = String::with_capacity(doc.text.len());
    for c in doc.text.chars() {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(lc), None) if lc.len_utf8() == c.len_utf8() => out.push(lc),
            _ => out.push(c),
        }
    }
    doc.text = out;
    doc
}

/// Prints the sentence ends that `pred` (byte spans) misses or adds against the gold (code-point
/// spans), with context.
fn print_errors(doc: &UdDoc, pred: &[(usize, usize)]) {
    let bytes: Vec<usize> = doc
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(doc.text.len()))
        .collect();
    let gold: std::collections::BTreeSet<usize> = doc
        .sentences
        .iter()
        .filter_map(|s| bytes.get(s.1).copied())
        .collect();
    let pred: std::collections::BTreeSet<usize> = pred.iter().map(|s| s.1).collect();
    let show = |tag: &str, at: usize| {
        let mut a = at.saturating_sub(60);
        while !doc.text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (at + 60).min(doc.text.len());
        while !doc.text.is_char_boundary(b) {
            b += 1;
        }
        let flat = |s: &str| s.replace('\n', "⏎");
        eprintln!(
            "{tag}\t{}\t{}|{}",
            doc.doc_id,
            flat(&doc.text[a..at]),
            flat(&doc.text[at..b])
        );
    };
    for &g in gold.difference(&pred) {
        show("MISS", g);
    }
    for &p in pred.difference(&gold) {
        show("FALSE", p);
    }
}
