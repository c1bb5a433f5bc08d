//! Exact tokenization and sentence behaviour on hand-written news-like sentences.

use byline_tokenize::{analyze, tokenize, Span, TokenKind, Tokenizer};

fn toks(text: &str) -> String {
    tokenize(text)
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join("|")
}

fn sents(text: &str) -> Vec<&str> {
    analyze(text)
        .sentences()
        .iter()
        .map(|s| s.span.text(text))
        .collect()
}

#[test]
fn clitics_are_split() {
    assert_eq!(toks("They don't know."), "They|do|n't|know|.");
    assert_eq!(toks("I'm sure we can't."), "I|'m|sure|we|ca|n't|.");
    assert_eq!(toks("Syria’s future"), "Syria|’s|future");
    assert_eq!(
        toks("You cannot go, you're gonna stay"),
        "You|can|not|go|,|you|'re|gon|na|stay"
    );
    assert_eq!(toks("She'll say they'd've"), "She|'ll|say|they|'d|'ve");
    assert_eq!(toks("WON'T"), "WO|N'T");
    assert_eq!(toks("O'Brien's car"), "O'Brien|'s|car");
}

#[test]
fn informal_text() {
    assert_eq!(
        toks("i dont know, im late at 7:30pm"),
        "i|do|nt|know|,|i|m|late|at|7:30|pm"
    );
    assert_eq!(
        sents("See you there! :) Anyway, the plan stands."),
        ["See you there! :)", "Anyway, the plan stands."]
    );
    assert_eq!(
        sents("Sources: http://a.example/x http://b.example/y More later."),
        [
            "Sources: http://a.example/x",
            "http://b.example/y",
            "More later."
        ]
    );
}

#[test]
fn numbers_money_and_percent() {
    assert_eq!(toks("$1,000 or 3.5% of 80"), "$|1,000|or|3.5|%|of|80");
    assert_eq!(
        toks("in the 1990s and the '90s"),
        "in|the|1990s|and|the|'90s"
    );
    assert_eq!(toks("at 10:30 on 9/11/2001"), "at|10:30|on|9/11/2001");
    let t = tokenize("$1,000");
    assert_eq!(t[1].kind, TokenKind::Number);
    assert_eq!(t[0].kind, TokenKind::Symbol);
}

#[test]
fn abbreviations_and_initials_keep_their_period() {
    assert_eq!(
        toks("Mr. Smith met Sen. J. Doe in the U.S. at 5 p.m. on Sept. 4"),
        "Mr.|Smith|met|Sen.|J.|Doe|in|the|U.S.|at|5|p.m.|on|Sept.|4"
    );
    // At the end of a sentence the period is split off.
    assert_eq!(
        toks("He moved to the U.S. The move"),
        "He|moved|to|the|U.S|.|The|move"
    );
    assert_eq!(toks("apples, pears, etc."), "apples|,|pears|,|etc|.");
}

#[test]
fn hyphens_follow_ud() {
    assert_eq!(toks("a long-term deal"), "a|long|-|term|deal");
    assert_eq!(
        toks("an e-mail from the co-founder"),
        "an|e-mail|from|the|co-founder"
    );
    assert_eq!(
        toks("call 555-0199 now -- or never"),
        "call|555-0199|now|--|or|never"
    );
}

#[test]
fn web_tokens_stay_whole() {
    let text =
        "See https://example.com/a?b=1, mail news@example.org or ask @byline_news #Election2024.";
    assert_eq!(
        toks(text),
        "See|https://example.com/a?b=1|,|mail|news@example.org|or|ask|@byline_news|#Election2024|."
    );
    let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
    assert_eq!(kinds[1], TokenKind::Url);
    assert_eq!(kinds[4], TokenKind::Email);
    assert_eq!(kinds[7], TokenKind::Handle);
    assert_eq!(kinds[8], TokenKind::Hashtag);
}

#[test]
fn quotes_open_and_close() {
    let text = "“We had our reasons,’ he said. \"Fine\" and 'maybe'";
    let t = tokenize(text);
    let got: Vec<(&str, TokenKind)> = t.iter().map(|t| (t.text, t.kind)).collect();
    assert_eq!(
        got,
        [
            ("“", TokenKind::OpenQuote),
            ("We", TokenKind::Word),
            ("had", TokenKind::Word),
            ("our", TokenKind::Word),
            ("reasons", TokenKind::Word),
            (",", TokenKind::Punct),
            ("’", TokenKind::CloseQuote),
            ("he", TokenKind::Word),
            ("said", TokenKind::Word),
            (".", TokenKind::Punct),
            ("\"", TokenKind::OpenQuote),
            ("Fine", TokenKind::Word),
            ("\"", TokenKind::CloseQuote),
            ("and", TokenKind::Word),
            ("'", TokenKind::OpenQuote),
            ("maybe", TokenKind::Word),
            ("'", TokenKind::CloseQuote),
        ]
    );
}

#[test]
fn doubled_apostrophes_open_and_close_like_double_quotes() {
    let text = "He said they left. ''We had to,'' she said. It was ``fine''.";
    let t = tokenize(text);
    let quotes: Vec<(&str, usize, TokenKind)> = t
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::OpenQuote | TokenKind::CloseQuote))
        .map(|t| (t.text, t.span.start, t.kind))
        .collect();
    assert_eq!(
        quotes,
        [
            ("''", 19, TokenKind::OpenQuote),
            ("''", 31, TokenKind::CloseQuote),
            ("``", 51, TokenKind::OpenQuote),
            ("''", 57, TokenKind::CloseQuote),
        ]
    );
    assert_eq!(
        sents(text),
        [
            "He said they left.",
            "''We had to,'' she said.",
            "It was ``fine''."
        ]
    );
}

#[test]
fn dashes_ellipses_emoji_and_other_scripts() {
    assert_eq!(toks("(CNN) — Wait... what…"), "(|CNN|)|—|Wait|...|what|…");
    assert_eq!(toks("great 👍🏽 news"), "great|👍🏽|news");
    assert_eq!(toks("Москва, 北京 und Zürich"), "Москва|,|北京|und|Zürich");
}

#[test]
fn offsets_and_space_before() {
    let text = "Hi, Zoë’s café.";
    let t = tokenize(text);
    let spans: Vec<Span> = t.iter().map(|t| t.span).collect();
    assert_eq!(
        spans,
        [
            Span::new(0, 2),
            Span::new(2, 3),
            Span::new(4, 8),
            Span::new(8, 12),
            Span::new(13, 18),
            Span::new(18, 19)
        ]
    );
    let sb: Vec<bool> = t.iter().map(|t| t.space_before).collect();
    assert_eq!(sb, [true, false, true, false, true, false]);
}

#[test]
fn sentence_ends() {
    assert_eq!(
        sents(
            "The U.S. Army left at 5 p.m. on Friday. Officials said 3.5 percent left. Then what?"
        ),
        [
            "The U.S. Army left at 5 p.m. on Friday.",
            "Officials said 3.5 percent left.",
            "Then what?"
        ]
    );
    // Closing quotes and brackets stay with the sentence.
    assert_eq!(
        sents("“It is over,” he said. “We will rebuild Syria.” (He left.) Later, she spoke."),
        [
            "“It is over,” he said.",
            "“We will rebuild Syria.”",
            "(He left.)",
            "Later, she spoke."
        ]
    );
    // ?/! inside quotes followed by the attribution.
    assert_eq!(
        sents("“Why now?” she asked. “Stop!” Smith shouted. It ended."),
        [
            "“Why now?” she asked.",
            "“Stop!” Smith shouted.",
            "It ended."
        ]
    );
    // Initials and titles do not end sentences.
    assert_eq!(
        sents("Dr. Jane A. Smith spoke. She left."),
        ["Dr. Jane A. Smith spoke.", "She left."]
    );
}

#[test]
fn paragraphs_headlines_lists_datelines() {
    let text = "Storm Hits Coast\n\n(CNN) — A storm hit the coast on Monday. Power failed.\n\n1. Stay inside.\n2. Call 911.";
    let a = analyze(text);
    let s: Vec<&str> = a.sentences().iter().map(|s| s.span.text(text)).collect();
    assert_eq!(
        s,
        [
            "Storm Hits Coast",
            "(CNN) — A storm hit the coast on Monday.",
            "Power failed.",
            "1. Stay inside.",
            "2. Call 911."
        ]
    );
    let p: Vec<_> = a.paragraphs().iter().map(|p| p.sentences.clone()).collect();
    assert_eq!(p, [0..1, 1..3, 3..5]);
    assert_eq!(
        a.paragraphs()[1].span.text(text),
        "(CNN) — A storm hit the coast on Monday. Power failed."
    );
    // A headline on its own line, without a blank line after it.
    assert_eq!(
        sents("Storm Hits Coast\nA storm hit the coast."),
        ["Storm Hits Coast", "A storm hit the coast."]
    );
    // A blank line always ends a sentence, even without punctuation.
    assert_eq!(
        sents("no period here\n\nnext one"),
        ["no period here", "next one"]
    );
    assert_eq!(a.sentence_tokens(2).len(), 3);
    assert!(a.sentence_tokens(99).is_empty());
}

#[test]
fn builder_adds_abbreviations_and_rejects_bad_ones() {
    let t = Tokenizer::builder().abbreviation("Brig.").build().unwrap();
    let a = t.analyze("Brig. Jones arrived. He spoke.");
    assert_eq!(a.tokens()[0].text, "Brig.");
    assert_eq!(a.sentences().len(), 2);
    let err = Tokenizer::builder()
        .abbreviation("Gov")
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), byline_tokenize::ErrorKind::InvalidAbbreviation(a) if a == "Gov"));
    assert!(err.to_string().contains("ends with '.'"));
}

#[test]
fn empty_and_blank_input() {
    assert!(tokenize("").is_empty());
    let a = analyze(" \n\n \t");
    assert!(a.tokens().is_empty() && a.sentences().is_empty() && a.paragraphs().is_empty());
}

#[test]
fn built_types_are_shareable() {
    fn check<T: Clone + Send + Sync + std::fmt::Debug>() {}
    check::<Tokenizer>();
    check::<byline_tokenize::TokenizerBuilder>();
    check::<byline_tokenize::Error>();
}
