//! The Rust port of `score_ud.py` gives the same numbers as the Python reference.

use byline_eval::ud::{parse_conllu, Scorer, UdResult};
use std::process::Command;

/// A small CoNLL-U file written for this test: two paragraphs, multiword tokens (straight and
/// curly), SpaceAfter=No between sentences, SpacesAfter, an empty node, a sentence without
/// `# text`, non-ASCII text, and three documents (one without prediction).
const GOLD: &str = "\
# newdoc id = d1
# newpar
# sent_id = 1
# text = Zoë’s café didn't open.
1-2\tZoë’s\t_\t_\t_\t_\t_\t_\t_\t_
1\tZoë\tZoë\tPROPN\t_\t_\t0\troot\t_\t_
2\t’s\t’s\tPART\t_\t_\t1\tcase\t_\t_
3\tcafé\tcafé\tNOUN\t_\t_\t0\troot\t_\t_
4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
4\tdid\tdo\tAUX\t_\t_\t0\troot\t_\t_
5\tn't\tnot\tPART\t_\t_\t0\troot\t_\t_
6\topen\topen\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t_\t_\t0\troot\t_\tSpaceAfter=No

# sent_id = 2
# text = It cannot, said Mr. Lee.
1\tIt\tit\tPRON\t_\t_\t0\troot\t_\t_
2-3\tcannot\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
2\tcan\tcan\tAUX\t_\t_\t0\troot\t_\t_
3\tnot\tnot\tPART\t_\t_\t0\troot\t_\t_
4\t,\t,\tPUNCT\t_\t_\t0\troot\t_\t_
5\tsaid\tsay\tVERB\t_\t_\t0\troot\t_\t_
5.1\tsaid\tsay\tVERB\t_\t_\t_\t_\t_\t_
6\tMr.\tMr.\tPROPN\t_\t_\t0\troot\t_\t_
7\tLee\tLee\tPROPN\t_\t_\t0\troot\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t_\t_\t0\troot\t_\tSpacesAfter=\\s\\s

# sent_id = 3
# text = Prices rose 3.5% in the U.S.
1\tPrices\tprice\tNOUN\t_\t_\t0\troot\t_\t_
2\trose\trise\tVERB\t_\t_\t0\troot\t_\t_
3\t3.5\t3.5\tNUM\t_\t_\t0\troot\t_\tSpaceAfter=No
4\t%\t%\tSYM\t_\t_\t0\troot\t_\t_
5\tin\tin\tADP\t_\t_\t0\troot\t_\t_
6\tthe\tthe\tDET\t_\t_\t0\troot\t_\t_
7\tU.S\tU.S\tPROPN\t_\t_\t0\troot\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t_\t_\t0\troot\t_\t_

# newpar id = p2
# sent_id = 4
1\tNo\tno\tINTJ\t_\t_\t0\troot\t_\tSpaceAfter=No
2\t!\t!\tPUNCT\t_\t_\t0\troot\t_\t_
3\tWhy\twhy\tADV\t_\t_\t0\troot\t_\tSpaceAfter=No
4\t?\t?\tPUNCT\t_\t_\t0\troot\t_\t_

# newdoc id = d2
# sent_id = 5
# text = Она сказала: «Да».
1\tОна\t_\t_\t_\t_\t0\troot\t_\t_
2\tсказала\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No
3\t:\t_\t_\t_\t_\t0\troot\t_\t_
4\t«\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No
5\tДа\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No
6\t»\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No
7\t.\t_\t_\t_\t_\t0\troot\t_\t_

# newdoc id = d3
# sent_id = 6
# text = Nobody predicts this one.
1\tNobody\t_\t_\t_\t_\t0\troot\t_\t_
2\tpredicts\t_\t_\t_\t_\t0\troot\t_\t_
3\tthis\t_\t_\t_\t_\t0\troot\t_\t_
4\tone\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t_\t_\t_\t_\t0\troot\t_\t_

";

fn python_score(
    script: &std::path::Path,
    gold: &std::path::Path,
    pred: &std::path::Path,
    offsets: &str,
) -> serde_json::Value {
    let out = Command::new("python3")
        .arg(script)
        .args(["score"])
        .arg(gold)
        .arg(pred)
        .args(["--offsets", offsets, "--json"])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "score_ud.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from score_ud.py")
}

fn compare(res: &UdResult, py: &serde_json::Value) {
    for (m, prf) in &res.metrics {
        let p = &py[*m];
        for (name, v) in [
            ("precision", prf.precision),
            ("recall", prf.recall),
            ("f1", prf.f1),
        ] {
            let pv = p[name]
                .as_f64()
                .unwrap_or_else(|| panic!("{m}.{name} missing in {py}"));
            assert!((pv - v).abs() < 1e-9, "{m}.{name}: python {pv}, rust {v}");
        }
        for (name, v) in [("tp", prf.tp), ("pred", prf.pred), ("gold", prf.gold)] {
            assert_eq!(p[name].as_u64(), Some(v as u64), "{m}.{name}");
        }
    }
    let nmetrics = py
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| k.starts_with("tokens") || k.starts_with("sentences"))
        .count();
    assert_eq!(nmetrics, res.metrics.len());
    assert_eq!(py["documents"].as_u64(), Some(res.documents as u64));
    assert_eq!(
        py["documents_without_prediction"].as_u64(),
        Some(res.documents_without_prediction as u64)
    );
    assert_eq!(
        py["out_of_range_spans"].as_u64().unwrap_or(0),
        res.out_of_range_spans as u64
    );
}

#[test]
fn rebuilt_text_and_gold_spans() {
    let docs = parse_conllu(GOLD).unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(
        docs[0].text,
        "Zoë’s café didn't open.It cannot, said Mr. Lee.  Prices rose 3.5% in the U.S.\n\nNo! Why?"
    );
    assert_eq!(docs[0].words[..2], [(0, 3), (3, 5)]);
    assert_eq!(docs[0].tokens[0], (0, 5));
    assert_eq!(docs[0].sentences.len(), 4);
    assert_eq!(docs[0].paragraphs, [(0, 77), (79, 87)]);
    assert_eq!(docs[1].doc_id, "d2");
}

#[test]
fn equal_to_python_scorer() {
    let dir = std::env::temp_dir().join(format!("byline-ud-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gold = dir.join("gold.conllu");
    std::fs::write(&gold, GOLD).unwrap();
    let docs = parse_conllu(GOLD).unwrap();

    // Predictions: byline's own analysis plus deliberately odd spans (whitespace-padded,
    // empty, duplicated, out of range, not on a char boundary) for the first two documents.
    let mut lines = String::new();
    let mut scorer = Scorer::new();
    let mut char_lines = String::new();
    let mut char_scorer = Scorer::new();
    for doc in &docs[..2] {
        let a = byline_tokenize::analyze(&doc.text);
        let mut toks: Vec<(usize, usize)> = a
            .tokens()
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        let mut sents: Vec<(usize, usize)> = a
            .sentences()
            .iter()
            .map(|s| (s.span.start, s.span.end + 1))
            .collect();
        toks.push(toks[0]);
        toks.push((2, 2));
        toks.push((0, doc.text.len() + 5));
        toks.push((3, 4)); // inside "ë" in d1 / inside a Cyrillic letter in d2
        sents.push((0, 1));
        let sents_clamped: Vec<(usize, usize)> = sents
            .iter()
            .map(|&(s, e)| (s, e.min(doc.text.len())))
            .collect();
        scorer.add_utf8(doc, Some(&toks), Some(&sents_clamped));
        lines.push_str(
            &serde_json::json!({"doc_id": doc.doc_id, "tokens": toks, "sentences": sents_clamped})
                .to_string(),
        );
        lines.push('\n');
        // The same in code points, for `--offsets chars`.
        let to_char = |b: usize| doc.text.get(..b).map_or(b + 1000, |s| s.chars().count());
        let ct: Vec<(usize, usize)> = toks
            .iter()
            .map(|&(s, e)| (to_char(s), to_char(e)))
            .collect();
        let cs: Vec<(usize, usize)> = sents_clamped
            .iter()
            .map(|&(s, e)| (to_char(s), to_char(e)))
            .collect();
        char_scorer.add_chars(doc, Some(&ct), Some(&cs));
        char_lines.push_str(
            &serde_json::json!({"doc_id": doc.doc_id, "tokens": ct, "sentences": cs}).to_string(),
        );
        char_lines.push('\n');
    }
    scorer.add_missing(&docs[2]);
    char_scorer.add_missing(&docs[2]);
    let pred = dir.join("pred.jsonl");
    std::fs::write(&pred, lines).unwrap();
    let cpred = dir.join("pred_chars.jsonl");
    std::fs::write(&cpred, char_lines).unwrap();

    let res = scorer.result();
    assert!(res.out_of_range_spans > 0);
    assert_eq!(res.documents_without_prediction, 1);
    let test = "equal_to_python_scorer";
    let script = byline_eval::testdata::shared(test, "tools/score_ud.py")
        .filter(|_| byline_eval::testdata::python3(test));
    if let Some(script) = script {
        compare(&res, &python_score(&script, &gold, &pred, "utf8"));
        compare(
            &char_scorer.result(),
            &python_score(&script, &gold, &cpred, "chars"),
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
