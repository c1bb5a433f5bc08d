//! The ROUGE port against values computed with Google's `rouge-score` package, and (when
//! python3 with `rouge_score` is installed) against the package itself on generated input.

use byline_eval::rouge::{porter_stem, score, tokenize, Scores};

const STEMS: &[(&str, &str)] = &[
    ("caresses", "caress"),
    ("ponies", "poni"),
    ("ties", "tie"),
    ("dies", "die"),
    ("lying", "lie"),
    ("dying", "die"),
    ("skies", "sky"),
    ("news", "news"),
    ("innings", "inning"),
    ("generously", "gener"),
    ("relational", "relat"),
    ("conditional", "condit"),
    ("rational", "ration"),
    ("valenci", "valenc"),
    ("hesitanci", "hesit"),
    ("digitizer", "digit"),
    ("conformabli", "conform"),
    ("radicalli", "radic"),
    ("differentli", "differ"),
    ("vileli", "vile"),
    ("analogousli", "analog"),
    ("vietnamization", "vietnam"),
    ("predication", "predic"),
    ("operator", "oper"),
    ("feudalism", "feudal"),
    ("decisiveness", "decis"),
    ("hopefulness", "hope"),
    ("callousness", "callous"),
    ("formaliti", "formal"),
    ("sensitiviti", "sensit"),
    ("sensibiliti", "sensibl"),
    ("triplicate", "triplic"),
    ("formative", "form"),
    ("formalize", "formal"),
    ("electriciti", "electr"),
    ("electrical", "electr"),
    ("hopeful", "hope"),
    ("goodness", "good"),
    ("revival", "reviv"),
    ("allowance", "allow"),
    ("inference", "infer"),
    ("airliner", "airlin"),
    ("gyroscopic", "gyroscop"),
    ("adjustable", "adjust"),
    ("defensible", "defens"),
    ("irritant", "irrit"),
    ("replacement", "replac"),
    ("adjustment", "adjust"),
    ("dependent", "depend"),
    ("adoption", "adopt"),
    ("homologou", "homolog"),
    ("communism", "commun"),
    ("activate", "activ"),
    ("angulariti", "angular"),
    ("homologous", "homolog"),
    ("effective", "effect"),
    ("bowdlerize", "bowdler"),
    ("probate", "probat"),
    ("rate", "rate"),
    ("cease", "ceas"),
    ("controll", "control"),
    ("roll", "roll"),
    ("hopping", "hop"),
    ("tanned", "tan"),
    ("falling", "fall"),
    ("hissing", "hiss"),
    ("fizzed", "fizz"),
    ("failing", "fail"),
    ("filing", "file"),
    ("agreed", "agre"),
    ("feed", "feed"),
    ("plastered", "plaster"),
    ("bled", "bled"),
    ("motoring", "motor"),
    ("sing", "sing"),
    ("conflated", "conflat"),
    ("troubled", "troubl"),
    ("sized", "size"),
    ("hoping", "hope"),
    ("happy", "happi"),
    ("sky", "sky"),
    ("yelling", "yell"),
    ("proceeded", "proceed"),
    ("exceeded", "exceed"),
    ("succeeding", "succeed"),
    ("officials", "offici"),
    ("elections", "elect"),
    ("presidential", "presidenti"),
    ("1990s", "1990"),
    ("covid19", "covid19"),
    ("played", "play"),
    ("flies", "fli"),
    ("studies", "studi"),
    ("said", "said"),
    ("says", "say"),
    ("meeting", "meet"),
    ("meetings", "meet"),
    ("apologies", "apolog"),
    ("boxes", "box"),
    ("archaeology", "archaeolog"),
    ("psychology", "psycholog"),
    ("generalli", "gener"),
    ("fully", "fulli"),
];

/// (reference, prediction, [P, R, F] of ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-Lsum), computed with
/// rouge-score 0.1.2 (`use_stemmer=True`, nltk 3.10.4) on sentences written for this test.
const CASES: &[(&str, &str, [f64; 12])] = &[
    (
        "The mayor said the bridge will reopen on Monday .\nTraffic was diverted for weeks .",
        "The bridge reopens Monday, the mayor said.\nDrivers faced weeks of diverted traffic.",
        [
            0.7692307692307693,
            0.7142857142857143,
            0.7407407407407408,
            0.25,
            0.23076923076923078,
            0.24000000000000002,
            0.38461538461538464,
            0.35714285714285715,
            0.3703703703703704,
            0.38461538461538464,
            0.35714285714285715,
            0.3703703703703704,
        ],
    ),
    (
        "Officials announced new elections .",
        "An official announcement about the election came late.",
        [
            0.375,
            0.75,
            0.5,
            0.14285714285714285,
            0.3333333333333333,
            0.2,
            0.375,
            0.75,
            0.5,
            0.375,
            0.75,
            0.5,
        ],
    ),
    (
        "Rain flooded the valley .\nHundreds were evacuated .",
        "Hundreds of residents were evacuated after rain flooded the valley on Sunday.",
        [
            0.5833333333333334,
            1.0,
            0.7368421052631579,
            0.36363636363636365,
            0.6666666666666666,
            0.4705882352941177,
            0.3333333333333333,
            0.5714285714285714,
            0.4210526315789474,
            0.5833333333333334,
            1.0,
            0.7368421052631579,
        ],
    ),
    (
        "The company's profits rose 12% in 2023 .",
        "Profits at the company rose by 12 percent in 2023, it said.",
        [
            0.5833333333333334,
            0.875,
            0.7000000000000001,
            0.18181818181818182,
            0.2857142857142857,
            0.2222222222222222,
            0.5,
            0.75,
            0.6,
            0.5,
            0.75,
            0.6,
        ],
    ),
    (
        "Stocks fell sharply on Tuesday .",
        "Nothing in common here whatsoever.",
        [
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
    ),
    (
        "a a a b b",
        "a b a b a b",
        [
            0.8333333333333334,
            1.0,
            0.9090909090909091,
            0.2,
            0.25,
            0.22222222222222224,
            0.6666666666666666,
            0.8,
            0.7272727272727272,
            0.6666666666666666,
            0.8,
            0.7272727272727272,
        ],
    ),
    (
        "",
        "Some prediction.",
        [
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
    ),
    (
        "Reference text only .",
        "",
        [
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
    ),
    (
        "Café owners in Zürich protested — again — on Friday .",
        "Zurich cafe owners protested again Friday!",
        [
            0.6666666666666666,
            0.4444444444444444,
            0.5333333333333333,
            0.2,
            0.125,
            0.15384615384615385,
            0.6666666666666666,
            0.4444444444444444,
            0.5333333333333333,
            0.6666666666666666,
            0.4444444444444444,
            0.5333333333333333,
        ],
    ),
    (
        "He was running, hopping and skipping .\nThey're happier now .",
        "Runners hop; skippers are happy.\nThe happiest runner ran.",
        [
            0.1111111111111111,
            0.1,
            0.10526315789473685,
            0.0,
            0.0,
            0.0,
            0.1111111111111111,
            0.1,
            0.10526315789473685,
            0.1111111111111111,
            0.1,
            0.10526315789473685,
        ],
    ),
    (
        "The U.S. Senate passed the bill 51-49 .\nThe House votes next week .\nThe president is expected to sign it .",
        "The House votes next week.\nThe U.S. Senate passed the bill 51-49 late on Tuesday.\nIt now goes to the House.",
        [
            0.7391304347826086,
            0.8095238095238095,
            0.7727272727272727,
            0.5909090909090909,
            0.65,
            0.6190476190476191,
            0.4782608695652174,
            0.5238095238095238,
            0.5,
            0.6521739130434783,
            0.7142857142857143,
            0.6818181818181819,
        ],
    ),
    (
        "Generously funded programs were nationalized .",
        "The national programs got generous funding.",
        [
            0.6666666666666666,
            0.8,
            0.7272727272727272,
            0.2,
            0.25,
            0.22222222222222224,
            0.3333333333333333,
            0.4,
            0.3636363636363636,
            0.3333333333333333,
            0.4,
            0.3636363636363636,
        ],
    ),
    (
        "1990s-era policies, e-mail and COVID-19 rules .",
        "Policies of the 1990s era: email and covid 19 rules.",
        [
            0.7,
            0.7777777777777778,
            0.7368421052631577,
            0.4444444444444444,
            0.5,
            0.47058823529411764,
            0.6,
            0.6666666666666666,
            0.631578947368421,
            0.6,
            0.6666666666666666,
            0.631578947368421,
        ],
    ),
    (
        "the cat sat on the mat\nthe dog sat on the log\n\n",
        "the cat and the dog sat\non the mat and the log",
        [
            0.8333333333333334,
            0.8333333333333334,
            0.8333333333333334,
            0.6363636363636364,
            0.6363636363636364,
            0.6363636363636364,
            0.6666666666666666,
            0.6666666666666666,
            0.6666666666666666,
            0.8333333333333334,
            0.8333333333333334,
            0.8333333333333334,
        ],
    ),
];

fn flat(s: &Scores) -> [f64; 12] {
    let mut v = [0.0; 12];
    for (i, x) in [s.rouge1, s.rouge2, s.rouge_l, s.rouge_lsum]
        .iter()
        .enumerate()
    {
        v[3 * i] = x.precision;
        v[3 * i + 1] = x.recall;
        v[3 * i + 2] = x.fmeasure;
    }
    v
}

#[test]
fn porter_matches_nltk() {
    for (w, s) in STEMS {
        assert_eq!(porter_stem(w), *s, "stem of {w}");
    }
}

#[test]
fn tokenizer_matches_rouge_score() {
    assert_eq!(
        tokenize("Café owners' e-mails, 1990s: RUNNING!", true),
        ["caf", "owner", "e", "mail", "1990", "run"]
    );
    assert_eq!(tokenize("The cats ran", false), ["the", "cats", "ran"]);
    assert!(tokenize(" -- ", true).is_empty());
}

#[test]
fn known_values() {
    for (t, p, want) in CASES {
        let got = flat(&score(t, p));
        for k in 0..12 {
            assert!(
                (got[k] - want[k]).abs() < 1e-9,
                "case {t:?} / {p:?}: value {k} is {} but rouge-score gives {}",
                got[k],
                want[k]
            );
        }
    }
}

/// A small deterministic generator of news-like sentences (no data text).
fn generated_pairs() -> Vec<(String, String)> {
    const WORDS: &[&str] = &[
        "the",
        "minister",
        "said",
        "officials",
        "were",
        "running",
        "elections",
        "in",
        "2024",
        "police",
        "arrested",
        "two",
        "men",
        "after",
        "protests",
        "happily",
        "generously",
        "relational",
        "hopping",
        "flies",
        "U.S.",
        "e-mail",
        "city's",
        "council",
        "voted",
        "a",
        "budget",
        "of",
        "$40",
        "million",
        "on",
        "Tuesday",
        "—",
        "and",
        "studies",
        "showed",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    let text = |next: &mut dyn FnMut(usize) -> usize| {
        let lines = 1 + next(3);
        (0..lines)
            .map(|_| {
                let n = 3 + next(12);
                (0..n)
                    .map(|_| WORDS[next(WORDS.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    (0..40)
        .map(|_| (text(&mut next), text(&mut next)))
        .collect()
}

#[test]
fn equals_python_rouge_score_when_available() {
    let pairs = generated_pairs();
    let input: Vec<serde_json::Value> = pairs
        .iter()
        .map(|(t, p)| serde_json::json!([t, p]))
        .collect();
    let script = r#"
import json, sys
from rouge_score import rouge_scorer
sc = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)
out = []
for t, p in json.load(sys.stdin):
    s = sc.score(t, p)
    out.append([v for k in ["rouge1", "rouge2", "rougeL", "rougeLsum"] for v in (s[k].precision, s[k].recall, s[k].fmeasure)])
print(json.dumps(out))
"#;
    let child = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        println!("NOTICE: python3 not found; skipping the live comparison with rouge-score");
        return;
    };
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(serde_json::Value::Array(input).to_string().as_bytes())
            .expect("write to python3");
    }
    let out = child.wait_with_output().expect("python3 output");
    if !out.status.success() {
        println!(
            "NOTICE: python3 has no usable rouge_score package ({}); skipping the live comparison",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        );
        return;
    }
    let want: Vec<Vec<f64>> = serde_json::from_slice(&out.stdout).expect("python json");
    assert_eq!(want.len(), pairs.len());
    for ((t, p), w) in pairs.iter().zip(&want) {
        let got = flat(&score(t, p));
        for k in 0..12 {
            assert!(
                (got[k] - w[k]).abs() < 1e-9,
                "{t:?} / {p:?}: value {k} is {} but rouge-score gives {}",
                got[k],
                w[k]
            );
        }
    }
}
