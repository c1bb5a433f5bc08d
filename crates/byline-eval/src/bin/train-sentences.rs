//! Trains byline-tokenize's learned check for unpunctuated sentence boundaries.
//!
//! ```text
//! cargo run --release -p byline-eval --bin train-sentences -- \
//!     ../shared/data/ud/en_ewt/en_ewt-ud-train.conllu \
//!     --out crates/byline-tokenize/data/boundaries.tsv
//! ```
//!
//! An averaged perceptron over the candidate gaps (a capitalised word after a word without
//! final punctuation, where the rules put no boundary), labelled by the gold sentence ends.
//! Deterministic: the same input gives the same file. Train only on EWT (CC BY-SA): GUM's
//! license does not allow shipping what is learned from it.

use byline_eval::ud::read_conllu;
use byline_tokenize::__boundary_training as training;
use std::collections::{BTreeMap, HashSet};
use std::process::ExitCode;

const EPOCHS: usize = 8;
const THRESHOLD: f32 = 1.5;

struct Example {
    features: Vec<usize>,
    positive: bool,
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut input = None;
    let mut out = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next(),
            _ if input.is_none() => input = Some(a),
            _ => {
                eprintln!("usage: train-sentences EWT-TRAIN.conllu --out boundaries.tsv");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(input), Some(out)) = (input, out) else {
        eprintln!("usage: train-sentences EWT-TRAIN.conllu --out boundaries.tsv");
        return ExitCode::from(2);
    };
    let docs = match read_conllu(std::path::Path::new(&input)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("train-sentences: cannot read {input}: {}", e.0);
            return ExitCode::from(2);
        }
    };

    // Feature strings are interned to indices, in order of first appearance (deterministic).
    let mut names: Vec<(&'static str, String)> = Vec::new();
    let mut index: BTreeMap<(&'static str, String), usize> = BTreeMap::new();
    let mut examples = Vec::new();
    for doc in &docs {
        let text = doc.text.as_str();
        // Gold sentence ends as byte offsets.
        let byte_of: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let gold: HashSet<usize> = doc.sentences.iter().map(|s| byte_of[s.1]).collect();
        let (tokens, sentences) = training::rule_sentences(text);
        let predicted: HashSet<usize> = sentences.iter().map(|s| s.span.end).collect();
        for k in 1..tokens.len() {
            let end = tokens[k - 1].span.end;
            if predicted.contains(&end) || !training::is_candidate(&tokens, k) {
                continue;
            }
            let gap = &text[end..tokens[k].span.start];
            let newlines = gap.matches('\n').count();
            if newlines >= 2 {
                continue;
            }
            let features = training::features(&tokens, k, newlines == 1)
                .into_iter()
                .map(|f| {
                    let n = index.len();
                    *index.entry(f.clone()).or_insert_with(|| {
                        names.push(f);
                        n
                    })
                })
                .collect();
            examples.push(Example {
                features,
                positive: gold.contains(&end),
            });
        }
    }
    let positives = examples.iter().filter(|e| e.positive).count();
    eprintln!(
        "train-sentences: {} documents, {} candidate gaps, {positives} boundaries, {} features",
        docs.len(),
        examples.len(),
        names.len()
    );

    // Averaged perceptron with a fixed example order per epoch (a seeded permutation).
    let n = names.len();
    let (mut w, mut acc) = (vec![0f64; n], vec![0f64; n]);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut c = 1f64;
    for _ in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let e = &examples[i];
            let score: f64 = e.features.iter().map(|&f| w[f]).sum();
            let y = if e.positive { 1.0 } else { -1.0 };
            if score * y <= 0.0 {
                for &f in &e.features {
                    w[f] += y;
                    acc[f] += c * y;
                }
            }
            c += 1.0;
        }
    }
    let mut lines: Vec<String> = (0..n)
        .filter_map(|f| {
            let avg = w[f] - acc[f] / c;
            let (t, v) = &names[f];
            // Values with tabs or line breaks cannot be stored (and never occur in tokens).
            // Values that look like personal data (e-mail addresses, URLs, phone numbers) are
            // stored as their feature hash.
            let (t, v) = training::stored_feature(t, v);
            (avg.abs() >= 1e-3 && !v.contains(['\t', '\n', '\r']))
                .then(|| format!("{t}\t{v}\t{avg:.3}"))
        })
        .collect();
    lines.sort();
    let mut file = String::from(
        "# byline-tokenize: learned check for sentence boundaries without punctuation.\n\
         # Averaged perceptron trained on UD English EWT train (CC BY-SA 4.0) by\n\
         # `cargo run --release -p byline-eval --bin train-sentences`. Columns: template, value, weight;\n\
         # a template ending in `#` has the feature's hash as its value (e-mail addresses, URLs and\n\
         # phone numbers are not stored as text).\n",
    );
    file.push_str(&format!("#threshold\t{THRESHOLD}\n"));
    for l in &lines {
        file.push_str(l);
        file.push('\n');
    }
    if let Err(e) = std::fs::write(&out, file) {
        eprintln!("train-sentences: cannot write {out}: {e}");
        return ExitCode::from(2);
    }
    eprintln!("train-sentences: wrote {} weights to {out}", lines.len());
    ExitCode::SUCCESS
}
