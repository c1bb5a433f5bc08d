//! The texts the benches run on, shared by all of them.
//!
//! Each corpus is a JSON-lines file of the development data beside the workspace
//! (`../shared/data/...`, or the path in an environment variable). Nothing of it is copied into
//! the repository. When the file is missing, the bench says so loudly and falls back to the
//! seed article, whose figures are not comparable to the documented ones.

/// A corpus: JSON lines with the text in one string field.
pub struct Corpus {
    /// The environment variable that overrides the path.
    pub env: &'static str,
    /// The default path, relative to this bench package (`benches/`).
    pub path: &'static str,
    /// The JSON field that holds the text.
    pub field: &'static str,
}

/// CNN/DailyMail dev articles.
#[allow(dead_code)]
pub const CNNDM: Corpus = Corpus {
    env: "BYLINE_CNNDM",
    path: "../../shared/data/cnndm/dev.jsonl",
    field: "article",
};

/// PolNeAR dev texts.
#[allow(dead_code)]
pub const POLNEAR: Corpus = Corpus {
    env: "BYLINE_POLNEAR",
    path: "../../shared/data/quotes/polnear-dev.jsonl",
    field: "text",
};

/// The first `limit` texts of `corpus` (all with `None`); `bench` names the caller in messages.
pub fn load(corpus: &Corpus, limit: Option<usize>, bench: &str) -> Vec<String> {
    let path = std::env::var(corpus.env)
        .unwrap_or_else(|_| format!("{}/{}", env!("CARGO_MANIFEST_DIR"), corpus.path));
    let texts: Vec<String> = match std::fs::read_to_string(&path) {
        Ok(data) => data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get(corpus.field)?.as_str().map(str::to_string))
            .take(limit.unwrap_or(usize::MAX))
            .collect(),
        Err(e) => {
            eprintln!(
                "{bench} bench: cannot read {path} ({e}); set {} to its path",
                corpus.env
            );
            Vec::new()
        }
    };
    if texts.is_empty() {
        eprintln!(
            "{bench} bench: WARNING: FALLING BACK to the seed article: the figures below are NOT \
             comparable to the documented ones"
        );
        return vec![include_str!("../../seeds/000_83454c8955081748.txt").to_string()];
    }
    eprintln!(
        "{bench} bench: {path}: {} texts, {} bytes",
        texts.len(),
        texts.iter().map(String::len).sum::<usize>()
    );
    texts
}
