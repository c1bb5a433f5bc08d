//! Invariant checks shared by the fuzz targets: each panics (and so makes the fuzzer report
//! a crash) when an output breaks a promise of the libraries.

use byline_entities::Entities;
use byline_quotes::Quote;
use byline_tokenize::{Analysis, Span};

/// Lossy UTF-8 view of fuzz input: every input becomes some text.
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// `span` is non-inverted, inside `text` and on char boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: inverted {span:?}");
    assert!(
        span.end <= text.len(),
        "{what}: {span:?} past the end {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on char boundaries"
    );
}

/// Tokens cover all non-space text in order, sentences are ordered, disjoint and cover the
/// tokens, paragraphs group whole sentences.
pub fn check_analysis(text: &str, a: &Analysis<'_>) {
    assert_eq!(a.text(), text);
    let toks = a.tokens();
    let mut prev_end = 0;
    for t in toks {
        check_span(text, t.span, "token");
        assert!(t.span.start < t.span.end, "empty token {t:?}");
        assert!(
            t.span.start >= prev_end,
            "tokens overlap or out of order at {t:?}"
        );
        assert_eq!(t.text, &text[t.span.start..t.span.end], "token text");
        let gap = &text[prev_end..t.span.start];
        assert!(
            gap.chars().all(char::is_whitespace),
            "non-space text {gap:?} outside every token"
        );
        assert!(
            !t.text.chars().any(char::is_whitespace),
            "whitespace inside {t:?}"
        );
        prev_end = t.span.end;
    }
    assert!(
        text[prev_end..].chars().all(char::is_whitespace),
        "non-space text after the last token"
    );
    let mut next = 0;
    let mut prev_sent_end = 0;
    for s in a.sentences() {
        check_span(text, s.span, "sentence");
        assert_eq!(s.tokens.start, next, "sentences skip or repeat tokens");
        assert!(s.tokens.end > s.tokens.start && s.tokens.end <= toks.len());
        assert!(s.span.start >= prev_sent_end, "sentences overlap");
        assert_eq!(s.span.start, toks[s.tokens.start].span.start);
        assert_eq!(s.span.end, toks[s.tokens.end - 1].span.end);
        next = s.tokens.end;
        prev_sent_end = s.span.end;
    }
    assert_eq!(next, toks.len(), "sentences do not cover the tokens");
    let (mut nt, mut ns) = (0, 0);
    for p in a.paragraphs() {
        check_span(text, p.span, "paragraph");
        assert_eq!((p.tokens.start, p.sentences.start), (nt, ns));
        assert!(p.sentences.end > p.sentences.start && p.sentences.end <= a.sentences().len());
        let ss = &a.sentences()[p.sentences.clone()];
        assert_eq!(ss[0].tokens.start, p.tokens.start);
        assert_eq!(ss[ss.len() - 1].tokens.end, p.tokens.end);
        nt = p.tokens.end;
        ns = p.sentences.end;
    }
    assert_eq!((nt, ns), (toks.len(), a.sentences().len()));
}

/// Mentions are ordered, disjoint, made of whole tokens; clusters and mentions point at each
/// other.
pub fn check_entities(text: &str, a: &Analysis<'_>, e: &Entities) {
    let toks = a.tokens();
    let mut prev_end = 0;
    for (i, m) in e.entities.iter().enumerate() {
        check_span(text, m.span, "entity");
        assert!(!m.span.is_empty(), "empty entity {m:?}");
        assert!(m.span.start >= prev_end, "entities overlap at {m:?}");
        assert!(m.tokens.start < m.tokens.end && m.tokens.end <= toks.len());
        assert_eq!(m.span.start, toks[m.tokens.start].span.start, "{m:?}");
        assert_eq!(m.span.end, toks[m.tokens.end - 1].span.end, "{m:?}");
        assert!((0.0..=1.0).contains(&m.score), "score {} of {m:?}", m.score);
        let c = e
            .clusters
            .get(m.cluster)
            .expect("entity cluster index in range");
        assert!(
            c.mentions.contains(&i),
            "cluster {} misses mention {i}",
            c.id
        );
        prev_end = m.span.end;
    }
    let mut seen = 0;
    for (i, c) in e.clusters.iter().enumerate() {
        assert_eq!(c.id, i);
        assert!(!c.mentions.is_empty(), "empty cluster {c:?}");
        assert!(c.mentions.windows(2).all(|w| w[0] < w[1]), "{c:?}");
        for &m in &c.mentions {
            assert_eq!(e.entities[m].cluster, i);
        }
        seen += c.mentions.len();
    }
    assert_eq!(seen, e.entities.len(), "mentions in no or several clusters");
}

/// Spans inside the text; parts inside their quote, ordered and disjoint; indices in range.
pub fn check_quotes(text: &str, e: &Entities, quotes: &[Quote]) {
    for q in quotes {
        check_span(text, q.span, "quote");
        assert!(!q.span.is_empty(), "empty quote {q:?}");
        assert!(!q.parts.is_empty(), "quote without parts {q:?}");
        let mut prev_end = q.span.start;
        for p in &q.parts {
            check_span(text, *p, "quote part");
            assert!(
                p.start >= prev_end && p.end <= q.span.end,
                "part {p:?} outside its quote or out of order in {q:?}"
            );
            prev_end = p.end;
        }
        assert_eq!(q.parts[0].start, q.span.start, "{q:?}");
        assert_eq!(q.parts[q.parts.len() - 1].end, q.span.end, "{q:?}");
        if let Some(c) = q.cue {
            check_span(text, c, "cue");
        }
        if let Some(s) = &q.speaker {
            check_span(text, s.span, "speaker");
            if let Some(c) = s.cluster {
                assert!(c < e.clusters.len(), "speaker cluster {c} out of range");
            }
        }
    }
}
