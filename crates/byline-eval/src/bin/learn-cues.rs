//! Learns the attribution-cue lexicon of `byline-quotes` from PolNeAR-format training data.
//!
//! ```sh
//! cargo run --release -p byline-eval --bin learn-cues -- ../shared/data/quotes/polnear-train.jsonl \
//!     > crates/byline-quotes/data/cues.tsv
//! ```
//!
//! Output: one line per word, `word<TAB>times inside a gold cue<TAB>times in the texts<TAB>times
//! the content follows the cue`, for words seen at least 3 times inside a cue. Only words and
//! counts are written, never text.

use std::collections::HashMap;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: learn-cues TRAIN.jsonl > cues.tsv");
        return ExitCode::from(2);
    };
    let data = match std::fs::read_to_string(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot read input file {path}: {e}");
            return ExitCode::from(2);
        }
    };
    // word -> (in cue, total, content after cue)
    let mut counts: HashMap<String, (u32, u32, u32)> = HashMap::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let rec: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("error: {path}: invalid JSON line: {e}");
                return ExitCode::from(2);
            }
        };
        let text: Vec<char> = rec["text"].as_str().unwrap_or("").chars().collect();
        let words = byline_eval::quotes::word_tokens(&text);
        let mut in_cue = vec![None::<bool>; words.len()];
        for q in rec["quotes"].as_array().into_iter().flatten() {
            let (Some(cue), Some(content)) = (q["cue"].as_array(), q["content"].as_array()) else {
                continue;
            };
            let cs = cue[0].as_u64().unwrap_or(0) as usize;
            let ce = cue[1].as_u64().unwrap_or(0) as usize;
            let after = content[0].as_u64().unwrap_or(0) as usize >= ce;
            for (i, &(a, b)) in words.iter().enumerate() {
                if a < ce && cs < b {
                    in_cue[i] = Some(after);
                }
            }
        }
        for (i, &(a, b)) in words.iter().enumerate() {
            let w: String = text[a..b].iter().collect::<String>().to_lowercase();
            let e = counts.entry(w).or_default();
            e.1 += 1;
            if let Some(after) = in_cue[i] {
                e.0 += 1;
                e.2 += u32::from(after);
            }
        }
    }
    let mut rows: Vec<_> = counts.into_iter().filter(|(_, c)| c.0 >= 3).collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    for (w, (c, t, a)) in rows {
        println!("{w}\t{c}\t{t}\t{a}");
    }
    ExitCode::SUCCESS
}
