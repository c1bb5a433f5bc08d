//! The conlleval port gives the same numbers as `../shared/tools/conlleval.py`.

use byline_eval::conll::{read_conll, Score};
use std::process::Command;

/// Deterministic pseudo-random tags in mixed schemes (IOB1, IOB2, BILOU, IOBES, bare types).
fn generate() -> String {
    let tags = [
        "O", "O", "O", "I-PER", "B-PER", "I-ORG", "B-ORG", "I-LOC", "B-LOC", "I-MISC", "B-MISC",
        "E-PER", "S-LOC", "L-ORG", "U-MISC", "PER", "E-MISC", "S-PER",
    ];
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut s = String::new();
    for d in 0..6 {
        s.push_str("-DOCSTART- -X- O O\n\n");
        for _ in 0..(3 + d) {
            let n = 1 + (next() % 12) as usize;
            for i in 0..n {
                let g = tags[(next() % tags.len() as u64) as usize];
                // predictions agree with gold most of the time
                let p = if next() % 3 == 0 {
                    tags[(next() % tags.len() as u64) as usize]
                } else {
                    g
                };
                s.push_str(&format!("w{i} NN I-NP {g} {p}\n"));
            }
            s.push('\n');
        }
    }
    s
}

#[test]
fn conlleval_port_matches_python() {
    let test = "conlleval_port_matches_python";
    let Some(tools) = byline_eval::testdata::shared(test, "tools/conlleval.py") else {
        return;
    };
    if !byline_eval::testdata::python3(test) {
        return;
    }
    let input = generate();
    let path = std::env::temp_dir().join(format!("byline-conll-test-{}.txt", std::process::id()));
    std::fs::write(&path, &input).unwrap();
    let out = Command::new("python3")
        .arg(&tools)
        .arg("--json")
        .stdin(std::fs::File::open(&path).unwrap())
        .output()
        .expect("run python3");
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let py: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();

    let mut score = Score::default();
    for doc in read_conll(&input) {
        for s in doc {
            let g: Vec<&str> = s.iter().map(|r| r[r.len() - 2].as_str()).collect();
            let p: Vec<&str> = s.iter().map(|r| r[r.len() - 1].as_str()).collect();
            score.add(&g, &p);
        }
    }
    let (p, r, f) = score.overall();
    let close = |a: f64, key: &serde_json::Value| {
        let b = key.as_f64().unwrap();
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    };
    close(p, &py["precision"]);
    close(r, &py["recall"]);
    close(f, &py["f1"]);
    close(score.accuracy(), &py["token_accuracy"]);
    assert_eq!(score.tokens as u64, py["tokens"].as_u64().unwrap());
    assert_eq!(
        score.gold.values().sum::<usize>() as u64,
        py["gold"].as_u64().unwrap()
    );
    let per = py["per_type"].as_object().unwrap();
    assert_eq!(per.len(), score.types().len());
    for t in score.types() {
        let (tp, tr, tf) = score.by_type(&t);
        close(tp, &per[&t]["precision"]);
        close(tr, &per[&t]["recall"]);
        close(tf, &per[&t]["f1"]);
        assert_eq!(
            score.correct.get(&t).copied().unwrap_or(0) as u64,
            per[&t]["correct"].as_u64().unwrap()
        );
    }
    // The text report has the same layout.
    let text = Command::new("python3")
        .arg(&tools)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(input.as_bytes())?;
            c.wait_with_output()
        })
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&text.stdout).trim_end(),
        score.report()
    );
}
