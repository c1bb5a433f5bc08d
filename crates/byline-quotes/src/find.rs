//! The extraction algorithm: quotation regions, direct quotes, reported speech, speakers.

use crate::lexicon::Lexicon;
use crate::{Quote, QuoteKind, Speaker, Via};
use byline_entities::{Entities, Label};
use byline_tokenize::{Analysis, Span, Token, TokenKind};
use std::borrow::Cow;

/// Auxiliaries and adverbs skipped between a source and its cue ("has also said").
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "once",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "again",
    "often",
    "is",
    "was",
    "were",
    "are",
    "been",
    "be",
    "not",
    "n't",
    "never",
    "still",
    "already",
    "even",
    "first",
    "just",
    "previously",
    "recently",
    "repeatedly",
    "reportedly",
    "publicly",
    "privately",
    "initially",
    "had",
    "did",
    "does",
    "do",
    "further",
    "only",
    "ever",
    "long",
    "always",
    "now",
    "earlier",
    "today",
    "yesterday",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "week",
    "night",
    "morning",
    "afternoon",
    "evening",
    "this",
    "on",
];
/// Words that end a noun phrase when walking left from a cue.
const BOUNDARY: &[&str] = &[
    "that", "which", "who", "but", "and", "while", "because", "when", "if", "as", "after",
    "before", "although", "though", "since", "where", "so", "or", "than", "whether", "what", "why",
    "how", "whom", "whose", "yet", "until", "unless", "nor", "said", "says", "say",
];
/// Prepositions and time words that end a source found after its cue ("said Smith on Monday").
const AFTER_STOP: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "before",
    "during",
    "when",
    "while",
    "as",
    "because",
    "adding",
    "according",
    "and",
    "but",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "via",
    "through",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "that",
    "to",
    "about",
];
/// First words of a leading adverbial ("Earlier this year, ...", "In a statement, ...").
const LEADING_ADVERBIAL: &[&str] = &[
    "after",
    "before",
    "during",
    "in",
    "on",
    "at",
    "earlier",
    "later",
    "however",
    "meanwhile",
    "also",
    "still",
    "yet",
    "but",
    "and",
    "so",
    "then",
    "last",
    "this",
    "since",
    "while",
    "when",
    "as",
    "although",
    "though",
    "despite",
    "for",
    "with",
    "without",
    "by",
    "from",
    "under",
    "over",
    "amid",
    "following",
    "instead",
    "now",
    "today",
    "yesterday",
    "asked",
    "speaking",
    "if",
    "once",
    "until",
    "within",
    "throughout",
    "like",
    "unlike",
    "besides",
    "still",
];
/// Words that do not start a source mention.
const NOT_SOURCE_START: &[&str] = &[
    "to", "by", "of", "for", "with", "on", "in", "at", "from", "what", "which", "who", "that",
    "along", "into", "about", "after", "before", "when", "where", "while", "if", "as", "than",
    "and", "or", "but", "so", "not", "also", "just", "only", "even", "there", "here", "then", "is",
    "was", "are", "were", "be", "been", "has", "have", "had", "do", "does", "did", "would", "will",
    "could", "can", "should", "may", "might", "must", "up", "out", "over",
];
/// Words that do not end a source mention.
const NOT_SOURCE_END: &[&str] = &[
    "by", "to", "of", "for", "with", "on", "in", "at", "from", "and", "or", "the", "a", "an",
    "that", "which", "who", "is", "was", "are", "were", "be", "been", "has", "have", "had", "his",
    "her", "their", "its", "my", "our", "your",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our", "my",
    "your", "some", "any", "no", "every", "each",
];
/// Verbs whose object (the addressee) sits between the cue and the content.
const ADDRESSEE_CUES: &[&str] = &[
    "told",
    "tell",
    "tells",
    "telling",
    "asked",
    "ask",
    "asks",
    "asking",
    "urged",
    "urging",
    "warned",
    "warning",
    "reminded",
    "assured",
    "informed",
    "promised",
    "convinced",
    "persuaded",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
const OPEN_MARKS: &[char] = &['“', '«', '„'];
const CLOSE_MARKS: &[char] = &['”', '»', '‟'];
/// Nouns of anonymous sources.
const ANON_HEADS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "aide",
    "aides",
    "person",
    "people",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "insider",
    "insiders",
    "analysts",
    "experts",
    "observers",
    "critics",
    "supporters",
    "diplomat",
    "diplomats",
    "someone",
    "others",
    "many",
    "some",
    "residents",
    "witnesses",
    "reports",
    "polls",
    "studies",
];

/// How many lines after a speaker's quote an unattributed quotation paragraph inherits it.
const INHERIT_LINES: usize = 4;

/// The longest attribution clause after reported content ("..., X told CNN at the time.").
const TAIL_WORDS: usize = 5;

/// Unattributed quotations shorter than this (in words) are taken for titles or slogans.
const MIN_UNATTRIBUTED_WORDS: usize = 12;

/// A double-quotation region of one line: marks and content.
#[derive(Clone, Copy, Debug)]
struct Region {
    open: Span,
    /// The closing mark, `None` when the region runs to the end of its line.
    close: Option<Span>,
    /// Content: from after the open mark to before the close mark (or line end).
    inner: Span,
}

impl Region {
    fn outer(&self) -> Span {
        Span::new(
            self.open.start,
            self.close.map_or(self.inner.end, |c| c.end),
        )
    }
}

/// Finds the double-quotation regions line by line (so one stray mark derails at most the
/// rest of its own line), pairing marks the way the reference scorer does.
fn regions(text: &str) -> Vec<Region> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut line_start = 0;
    while line_start <= text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |k| line_start + k);
        let mut open: Option<Span> = None;
        let mut i = line_start;
        while i < line_end {
            let c = text[i..].chars().next().unwrap_or(' ');
            let len = if c == '\'' && i + 1 < line_end && b[i + 1] == b'\'' {
                2
            } else if c == '"' || OPEN_MARKS.contains(&c) || CLOSE_MARKS.contains(&c) {
                c.len_utf8()
            } else {
                i += c.len_utf8();
                continue;
            };
            let m = Span::new(i, i + len);
            // straight marks: their spacing tells openers from closers
            let straight = c == '"' || c == '\'';
            let before = text[line_start..i].chars().next_back();
            let after = text[i + len..line_end].chars().next();
            let space_before = before.map_or(true, |p| p.is_whitespace() || "([{—–-".contains(p));
            let space_after =
                after.map_or(true, |p| p.is_whitespace() || ".,;:!?)]}—–".contains(p));
            let opener = straight && space_before && !space_after;
            let closer = straight && !space_before && space_after;
            match open {
                None => {
                    if !CLOSE_MARKS.contains(&c) && !closer {
                        open = Some(m);
                    }
                }
                Some(o) => {
                    if OPEN_MARKS.contains(&c) || opener {
                        open = Some(m);
                    } else {
                        out.push(Region {
                            open: o,
                            close: Some(m),
                            inner: Span::new(o.end, m.start),
                        });
                        open = None;
                    }
                }
            }
            i += len;
        }
        if let Some(o) = open {
            let end = text[..line_end].trim_end().len().max(o.end);
            out.push(Region {
                open: o,
                close: None,
                inner: Span::new(o.end, end),
            });
        }
        line_start = line_end + 1;
    }
    out
}

/// Punctuation that may stand inside a name or noun phrase ("Al-Sharaa", "O’Brien",
/// "Putin’s", "Jr.", "AT&T").
fn inside_name(t: &Token<'_>) -> bool {
    matches!(t.text, "-" | "’" | "'" | "’s" | "'s" | "." | "&")
}

fn is_word(t: &Token<'_>) -> bool {
    t.text.chars().any(char::is_alphanumeric)
}

fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

struct Ctx<'a, 'l> {
    text: &'a str,
    toks: &'a [Token<'a>],
    /// Each token's text in lower case (borrowed when it has no capital).
    lower: Vec<Cow<'a, str>>,
    /// Token starts a new line.
    nl: Vec<bool>,
    /// Token is (part of) a quotation mark.
    mark: Vec<bool>,
    /// Region whose content holds the token.
    region: Vec<Option<usize>>,
    regions: Vec<Region>,
    ents: &'a Entities,
    /// The gender the document gives each entity cluster (see [`genders`]).
    gender: Vec<Gender>,
    lex: &'l Lexicon,
    min_prob: f32,
    min_count: u32,
}

/// One raw attribution before speaker resolution.
struct Raw {
    parts: Vec<Span>,
    cue: Option<Span>,
    source: Option<Span>,
    /// The source was inherited from an earlier quote (not a local mention).
    inherited: bool,
}

impl<'a, 'l> Ctx<'a, 'l> {
    fn new(
        analysis: &'a Analysis<'a>,
        ents: &'a Entities,
        lex: &'l Lexicon,
        min_prob: f32,
        min_count: u32,
    ) -> Self {
        let text = analysis.text();
        let toks = analysis.tokens();
        let regions = regions(text);
        let n = toks.len();
        let mut nl = vec![false; n];
        let mut prev_end = 0;
        for (i, t) in toks.iter().enumerate() {
            nl[i] = i == 0
                || text
                    .get(prev_end..t.span.start)
                    .is_some_and(|g| g.contains('\n'));
            prev_end = t.span.end;
        }
        let mut mark = vec![false; n];
        let mut region = vec![None; n];
        // Both lists are sorted by offset: merge-walk them.
        let mut r = 0;
        for (i, t) in toks.iter().enumerate() {
            while r < regions.len() && regions[r].outer().end <= t.span.start {
                r += 1;
            }
            let mut k = r;
            while k < regions.len() && regions[k].open.start < t.span.end {
                let g = regions[k];
                let overlaps = |s: Span| s.start < t.span.end && t.span.start < s.end;
                if overlaps(g.open) || g.close.is_some_and(overlaps) {
                    mark[i] = true;
                } else if g.inner.start <= t.span.start && t.span.end <= g.inner.end {
                    region[i] = Some(k);
                }
                k += 1;
            }
        }
        let lower: Vec<Cow<'a, str>> = toks.iter().map(|t| lowercase(t.text)).collect();
        let gender = genders(ents, &lower, &nl, &region);
        Ctx {
            text,
            toks,
            lower,
            nl,
            mark,
            region,
            regions,
            ents,
            gender,
            lex,
            min_prob,
            min_count,
        }
    }

    fn low(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w)
    }

    fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        set.contains(&self.toks[i].text)
    }

    /// The region whose opening mark is token `i`.
    fn region_opened_at(&self, i: usize) -> Option<usize> {
        let at = self.toks.get(i)?.span.start;
        let r = self.regions.partition_point(|g| g.open.end <= at);
        let g = self.regions.get(r)?;
        (g.open.start <= at && at < g.open.end).then_some(r)
    }

    /// Whether token `i` is a cue word (outside quotation marks).
    /// The cue probability of token `i`'s word in the lexicon (0 when absent).
    fn cue_prob(&self, i: usize) -> f32 {
        self.lex.get(self.low(i)).map_or(0.0, |st| st.prob)
    }

    fn is_cue(&self, i: usize, min_prob: f32) -> bool {
        if self.region[i].is_some() || self.mark[i] {
            return false;
        }
        let w = self.low(i);
        let Some(st) = self.lex.get(w) else {
            return false;
        };
        if st.prob < min_prob || st.count < self.min_count {
            return false;
        }
        // a noun use: "the statement", "his claims"
        if i > 0 && DETERMINERS.contains(&self.low(i - 1)) {
            return false;
        }
        // a label: "Editor's note: ..."
        if i > 0
            && matches!(self.toks[i - 1].text, "’s" | "'s")
            && self.toks.get(i + 1).is_some_and(|t| t.text == ":")
        {
            return false;
        }
        // the end of a compound: "gas-fired", "long-awaited"
        if i > 0 && self.toks[i - 1].text == "-" && !self.toks[i].space_before {
            return false;
        }
        true
    }

    /// Index of the first token of the token's line (a paragraph in news text).
    fn token_at(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.span.end <= byte)
    }

    fn span(&self, a: usize, b: usize) -> Option<Span> {
        // tokens a..b, trimmed of punctuation at both ends
        let (mut a, mut b) = (a, b);
        while a < b && !is_word(&self.toks[a]) {
            a += 1;
        }
        while b > a && !is_word(&self.toks[b - 1]) {
            b -= 1;
        }
        (a < b).then(|| Span::new(self.toks[a].span.start, self.toks[b - 1].span.end))
    }

    /// A reported clause over tokens `a..b`: trimmed of punctuation, but a closing
    /// quotation mark (and the punctuation inside it) is kept when its opening mark is in.
    fn content(&self, a: usize, b: usize) -> Option<Span> {
        let (mut a, mut b) = (a, b);
        while a < b && !is_word(&self.toks[a]) && !self.mark[a] {
            a += 1;
        }
        while b > a && !is_word(&self.toks[b - 1]) && !self.mark[b - 1] {
            b -= 1;
        }
        if b > a && self.mark[b - 1] {
            let opened_inside = self.mark[a..b - 1].iter().any(|&m| m);
            if !opened_inside {
                b -= 1;
                while b > a && !is_word(&self.toks[b - 1]) {
                    b -= 1;
                }
            }
        }
        (a < b).then(|| Span::new(self.toks[a].span.start, self.toks[b - 1].span.end))
    }

    /// The noun phrase ending right before `end` (exclusive), not before `lo`.
    fn np_left(&self, end: usize, lo: usize) -> usize {
        let mut k = end;
        while k > lo && end - k < 8 {
            let t = &self.toks[k - 1];
            let w = self.low(k - 1);
            let ok = if is_word(t) {
                !(BOUNDARY.contains(&w) || (self.is_cue(k - 1, self.min_prob) && !is_cap(t.text)))
            } else {
                inside_name(t) && !(t.text == "." && t.space_before)
            };
            if !ok || self.mark[k - 1] || self.region[k - 1].is_some() {
                break;
            }
            k -= 1;
        }
        k
    }

    /// Whether a span looks like a noun phrase: it does not start with a preposition, a
    /// wh-word or a participle, nor end with a function word.
    fn valid_source(&self, sp: Span) -> bool {
        let t = sp.text(self.text);
        let words: Vec<&str> = t
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        let f = first.to_lowercase();
        let l = last.to_lowercase();
        let bad_first = !is_cap(first)
            && (NOT_SOURCE_START.contains(&f.as_str()) || (f.ends_with("ing") && f.len() > 5));
        let bad_last = NOT_SOURCE_END.contains(&l.as_str());
        !(bad_first || bad_last)
    }

    /// The source before a cue at `c`, within `[lo, c)`: skips auxiliaries and adverbs and
    /// an appositive or relative clause between commas.
    fn source_before(&self, c: usize, lo: usize) -> Option<Span> {
        self.source_before_raw(c, lo)
            .filter(|&sp| self.valid_source(sp))
    }

    /// A name with a bracketed tag ending right before token `end`, not before `lo`:
    /// "Rep. Jane Doe (D-Ohio)" (the tag is part of the span).
    fn tagged_name(&self, end: usize, lo: usize) -> Option<Span> {
        if end < lo + 3 || self.toks[end - 1].text != ")" {
            return None;
        }
        let open = (end.saturating_sub(8).max(lo)..end - 1)
            .rev()
            .find(|&k| self.toks[k].text == "(")?;
        let start = self.np_left(open, lo);
        // (a name somewhere in it: "panel Chairman Rep. Jane Doe (R-Utah)")
        (start < open && (start..open).any(|k| is_cap(self.toks[k].text)))
            .then(|| Span::new(self.toks[start].span.start, self.toks[end - 1].span.end))
    }

    fn source_before_raw(&self, c: usize, lo: usize) -> Option<Span> {
        if let Some(sp) = self.tagged_name(c, lo) {
            return Some(sp);
        }
        let mut j = c;
        while j > lo
            && !is_cap(self.toks[j - 1].text)
            && (AUX.contains(&self.low(j - 1)) || self.low(j - 1).ends_with("ly"))
        {
            j -= 1;
        }
        if j <= lo {
            return None;
        }
        if self.toks[j - 1].text == "," {
            // "X, who ..., said" / "X, a spokesman, said"
            let comma = j - 1;
            let prev = (lo.max(comma.saturating_sub(40))..comma)
                .rev()
                .find(|&k| self.toks[k].text == ",");
            let mut k = prev?;
            // "Rep. Jane Doe (D-Ohio), a member of the panel, said"
            if let Some(sp) = self.tagged_name(k, lo) {
                return Some(sp);
            }
            let mut np_start = self.np_left(k, lo);
            // More appositives: "Jane Doe, 45, of Dayton, said", "John Lee, of Springfield,
            // Va., said": go back over short segments that are not a capitalised name.
            for _ in 0..2 {
                let name = np_start < k
                    && is_cap(self.toks[np_start].text)
                    && !(np_start > lo
                        && matches!(self.low(np_start - 1), "of" | "from" | "in" | "near"));
                if name {
                    break;
                }
                let Some(earlier) = (lo.max(k.saturating_sub(8))..k)
                    .rev()
                    .find(|&x| self.toks[x].text == ",")
                else {
                    break;
                };
                let start = self.np_left(earlier, lo);
                if start == earlier || !is_cap(self.toks[start].text) {
                    break;
                }
                k = earlier;
                np_start = start;
            }
            let seg_first = self.low(k + 1);
            if np_start == k {
                return None;
            }
            let relative = matches!(seg_first, "who" | "which" | "whose" | "where" | "whom");
            let end = if relative { k } else { comma };
            return self.span(np_start, end);
        }
        let start = self.np_left(j, lo);
        if start == j {
            return None;
        }
        // "a study that appeared in the journal found ...": the noun the relative clause
        // belongs to starts the source.
        if start > lo + 1 && matches!(self.low(start - 1), "that" | "who" | "which") {
            let head = self.np_left(start - 1, lo);
            if head < start - 1 {
                return self.span(head, j);
            }
        }
        self.span(start, j)
    }

    /// A source after a cue: "said Smith, a spokesman for the company".
    fn source_after(&self, c: usize, hi: usize) -> Option<Span> {
        self.source_after_raw(c, hi)
            .filter(|&sp| self.valid_source(sp))
    }

    fn source_after_raw(&self, c: usize, hi: usize) -> Option<Span> {
        // after "told", "asked", "urged" comes the addressee, not the speaker
        if matches!(
            self.low(c),
            "told" | "tell" | "tells" | "telling" | "urged" | "informed" | "assured" | "reminded"
        ) {
            return None;
        }
        let mut k = c + 1;
        while k < hi {
            let t = &self.toks[k];
            if self.mark[k]
                || self.region[k].is_some()
                || matches!(t.text, "." | "!" | "?" | ":" | ";" | "—" | "–")
                || (k > c + 1 && AFTER_STOP.contains(&self.low(k)))
            {
                break;
            }
            // "said Smith, speaking of the plan": a participle clause is not the source
            if t.text == "," && k + 1 < hi && {
                let w = self.low(k + 1);
                w.len() > 5 && w.ends_with("ing")
            } {
                break;
            }
            k += 1;
        }
        self.span(c + 1, k)
    }

    /// The subject at the start of the clause beginning at `s` ("Israel also waded ...").
    /// The last cue word in the lead-in `s..fa` before a quote that starts at token `fa`: its
    /// span, and the speaker found around the lead-in's cues (before one of them, after the
    /// last, or the lead-in's subject).
    fn lead_in(&self, s: usize, fa: usize) -> Option<(Option<Span>, Option<Span>)> {
        let c = (s..fa).rev().find(|&i| self.is_cue(i, 0.2))?;
        let source = (s..=c)
            .rev()
            .filter(|&i| self.is_cue(i, 0.2))
            .find_map(|i| self.source_before(i, s))
            .or_else(|| self.source_after(c, fa))
            .or_else(|| self.subject(s, c));
        Some((self.span(c, c + 1), source))
    }

    fn subject(&self, s: usize, hi: usize) -> Option<Span> {
        let mut s = s;
        // skip a leading adverbial ending in a comma ("Earlier this year, ...")
        if let Some(k) = (s..hi.min(s + 8)).find(|&k| self.toks[k].text == ",") {
            let w = self.low(s);
            if LEADING_ADVERBIAL.contains(&w) || w.ends_with("ly") {
                s = k + 1;
            }
        }
        while s < hi && !is_word(&self.toks[s]) {
            s += 1;
        }
        if s >= hi {
            return None;
        }
        if PRONOUNS.contains(&self.low(s)) {
            return self.span(s, s + 1);
        }
        let mut e = s;
        let det = DETERMINERS.contains(&self.low(s));
        if det {
            e += 1;
        }
        while e < hi && e < s + 5 {
            if e > s && !det && !is_cap(self.toks[e].text) && is_word(&self.toks[e]) {
                break;
            }
            let t = &self.toks[e];
            let w = self.low(e);
            let cap = is_cap(t.text);
            let stop = !is_word(t) && !inside_name(t);
            if stop || AUX.contains(&w) || BOUNDARY.contains(&w) || self.is_cue(e, self.min_prob) {
                break;
            }
            if !cap && e > s && (w.ends_with("ed") || w.ends_with('s')) {
                break;
            }
            e += 1;
            if det && !cap && is_word(t) {
                // "The Russian leader": the head noun ends the phrase
                break;
            }
        }
        self.span(s, e)
    }

    /// The last person or organization named in tokens `[lo, hi)`, else the last run of
    /// capitalised words there ("... writes pollster Daron Shaw:").
    fn last_name(&self, lo: usize, hi: usize) -> Option<Span> {
        if lo >= hi {
            return None;
        }
        let (a, b) = (self.toks[lo].span.start, self.toks[hi - 1].span.end);
        let r = ent_range(self.ents, Span::new(a, b));
        if let Some(e) = self.ents.entities[r]
            .iter()
            .rev()
            .find(|e| matches!(e.label, Label::Person | Label::Organization) && e.span.end <= b)
        {
            return Some(e.span);
        }
        let mut k = hi;
        while k > lo && !(is_cap(self.toks[k - 1].text) && is_word(&self.toks[k - 1])) {
            if hi - k > 3 {
                return None;
            }
            k -= 1;
        }
        let end = k;
        while k > lo && is_cap(self.toks[k - 1].text) && is_word(&self.toks[k - 1]) {
            k -= 1;
        }
        (k < end).then(|| self.span(k, end)).flatten()
    }

    /// Skips the addressee of "told reporters that ..." and a following "that"/colon/comma.
    fn content_start(&self, c: usize, hi: usize) -> usize {
        let mut k = c + 1;
        if ADDRESSEE_CUES.contains(&self.low(c)) {
            let lim = (k + 4).min(hi);
            if let Some(t) = (k..lim).find(|&t| matches!(self.low(t), "that" | ":" | ",")) {
                k = t;
            } else if k < hi
                && (is_cap(self.toks[k].text)
                    || matches!(
                        self.low(k),
                        "reporters" | "him" | "her" | "them" | "us" | "me" | "journalists"
                    ))
            {
                k += 1;
            }
        }
        // "said in a statement on Monday that ...": the circumstance is not reported
        if k < hi && CIRCUMSTANCE.contains(&self.low(k)) {
            let lim = (k + 10).min(hi);
            if let Some(t) = (k + 1..lim)
                .take_while(|&t| !matches!(self.toks[t].text, "," | ";" | ":") && !self.mark[t])
                .find(|&t| self.low(t) == "that")
            {
                return t + 1;
            }
        }
        while k < hi
            && (matches!(self.low(k), "that" | ":" | "," | "—" | "–") || AUX.contains(&self.low(k)))
            && !self.mark[k]
        {
            // keep "that" when it is a pronoun object: "said that was wrong" is rare; skip
            k += 1;
            if self.low(k - 1) == "that" {
                break;
            }
        }
        k
    }
}

/// The source of the last cue between `lo` and the quotation starting at token `fa`, looking
/// back at most to the start of the previous line.
fn recent_attribution(ctx: &Ctx<'_, '_>, fa: usize, lo: usize) -> Option<Span> {
    let mut lines = 0;
    let mut k = fa;
    while k > lo && fa - k < 80 {
        k -= 1;
        if ctx.nl[k] {
            lines += 1;
            if lines > 1 {
                return None;
            }
        }
        if ctx.is_cue(k, ctx.min_prob) && !is_cap(ctx.toks[k].text) {
            let mut s = k;
            while s > lo && !ctx.nl[s] && !ctx.is_punct(s - 1, &[".", "?", "!"]) && !ctx.mark[s - 1]
            {
                s -= 1;
            }
            let mut e = k + 1;
            while e < fa && !ctx.nl[e] && !ctx.is_punct(e, &[".", "?", "!", ":", ","]) {
                e += 1;
            }
            return ctx.source_before(k, s).or_else(|| ctx.source_after(k, e));
        }
    }
    None
}

/// The end of the attribution tail starting at `b` (after a closing mark): the sentence end,
/// a line break or the next quotation mark.
fn tail_end(ctx: &Ctx<'_, '_>, b: usize) -> usize {
    let n = ctx.toks.len();
    let mut e = b;
    while e < n && !ctx.nl[e] && e < b + 40 {
        if ctx.mark[e] {
            // a short title inside the attribution: `said on MSNBC's “Morning Joe.”`
            let Some(r) = ctx.region_opened_at(e) else {
                break;
            };
            let g = ctx.regions[r];
            let inner_words = ctx
                .text
                .get(g.inner.start..g.inner.end)
                .map_or(99, |t| t.split_whitespace().count());
            let Some(close) = g.close else {
                break;
            };
            // a continuation after "exclaimed," is the next part, not a title
            if e == b || inner_words > 4 || !is_word(&ctx.toks[e - 1]) {
                break;
            }
            let after = ctx.token_at(close.end);
            let ends = ctx
                .text
                .get(g.inner.start..g.inner.end)
                .is_some_and(|t| t.trim_end().ends_with(['.', '?', '!']));
            e = after.max(e + 1);
            if ends {
                break;
            }
            continue;
        }
        e += 1;
        let t = ctx.toks[e - 1].text;
        if !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '?' | '!' | ':' | '…')) {
            // "Rep. Smith": a period right after a short capitalised abbreviation goes on
            let prev = e.checked_sub(2).map(|k| ctx.toks[k].text).unwrap_or("");
            let abbrev = ctx.toks[e - 1].text == "."
                && !ctx.toks[e - 1].space_before
                && is_cap(prev)
                && prev.len() <= 4
                && e < n
                && is_cap(ctx.toks[e].text)
                && !ctx.mark[e];
            if !abbrev {
                break;
            }
        }
    }
    e
}

/// A tail that opens with a name or a pronoun and a verb in the present or past
/// ("Blige sings", "Jane Doe recalled", "she writes"): the verb's index.
fn name_then_verb(ctx: &Ctx<'_, '_>, b: usize, e: usize) -> Option<usize> {
    let mut ws = (b..e).filter(|&i| is_word(&ctx.toks[i]));
    let w0 = ws.next()?;
    let pronoun = PRONOUNS.contains(&ctx.low(w0));
    if !(pronoun || is_cap(ctx.toks[w0].text)) {
        return None;
    }
    let mut v = ws.next()?;
    if !pronoun {
        for _ in 0..3 {
            if !is_cap(ctx.toks[v].text) {
                break;
            }
            v = ws.next()?;
        }
    }
    let w = ctx.low(v);
    let verb = !is_cap(ctx.toks[v].text)
        && (w.ends_with("ed") || w.ends_with('s'))
        && w.len() > 3
        && !AUX.contains(&w)
        && !BOUNDARY.contains(&w)
        && !AFTER_STOP.contains(&w);
    // A verb, not a noun ("White House press secretary"): what follows is punctuation or a
    // word that follows a verb of speaking ("sings to", "yells,").
    let after_verb = !ctx.toks.get(v + 1).is_some_and(is_word)
        || matches!(
            ctx.low(v + 1),
            "to" | "at"
                | "in"
                | "on"
                | "for"
                | "with"
                | "about"
                | "from"
                | "as"
                | "before"
                | "after"
                | "while"
                | "him"
                | "her"
                | "them"
                | "it"
                | "me"
                | "us"
        );
    (verb && after_verb).then_some(v)
}

/// A cue missing from the lexicon in a short tail such as `, he surmised.`: a lowercase
/// word right after a pronoun or a capitalised name, or right before one.
fn tail_verb(ctx: &Ctx<'_, '_>, b: usize, e: usize) -> Option<usize> {
    let ws: Vec<usize> = (b..e).filter(|&i| is_word(&ctx.toks[i])).collect();
    if ws.len() < 2 || ws.len() > 5 {
        return None;
    }
    let (w0, w1) = (ws[0], ws[1]);
    let low = |i: usize| {
        !is_cap(ctx.toks[i].text) && ctx.toks[i].kind != byline_tokenize::TokenKind::Number
    };
    let verbish = |i: usize| {
        let w = ctx.low(i);
        low(i) && (w.ends_with("ed") || w.ends_with('s')) && !AUX.contains(&w)
    };
    let plain = |i: usize| {
        let w = ctx.low(i);
        low(i)
            && !AUX.contains(&w)
            && !DETERMINERS.contains(&w)
            && !BOUNDARY.contains(&w)
            && !AFTER_STOP.contains(&w)
    };
    if (PRONOUNS.contains(&ctx.low(w0)) || is_cap(ctx.toks[w0].text)) && plain(w1) && ws.len() <= 3
    {
        return Some(w1);
    }
    if verbish(w0) && is_cap(ctx.toks[w1].text) {
        return Some(w0);
    }
    // "the judge exclaimed", "a flabbergasted Noah quipped"
    let wl = ws[ws.len() - 1];
    let starts_np = DETERMINERS.contains(&ctx.low(w0)) || is_cap(ctx.toks[w0].text);
    if starts_np && ws.len() <= 4 && ctx.low(wl).ends_with("ed") && verbish(wl) {
        return Some(wl);
    }
    None
}

/// The terminal index of a sentence-like unit: tokens `[s, e)` minus closing punctuation.
fn trim_end(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> usize {
    let mut e = e;
    while e > s && !is_word(&ctx.toks[e - 1]) && ctx.region[e - 1].is_none() && !ctx.mark[e - 1] {
        e -= 1;
    }
    e
}

pub(crate) fn find(
    analysis: &Analysis<'_>,
    ents: &Entities,
    lex: &Lexicon,
    min_prob: f32,
    min_count: u32,
) -> Vec<Quote> {
    let ctx = Ctx::new(analysis, ents, lex, min_prob, min_count);
    let n = ctx.toks.len();
    let mut claimed = vec![false; n];
    let mut raws: Vec<Raw> = Vec::new();
    direct_quotes(&ctx, &mut claimed, &mut raws);
    reported(&ctx, analysis, &claimed, &mut raws);
    raws.sort_by_key(|r| r.parts.first().map_or(0, |p| p.start));
    resolve(&ctx, raws)
}

/// Token range `[first, last]` of a region's content.
fn region_tokens(ctx: &Ctx<'_, '_>, g: &Region) -> (usize, usize) {
    let a = ctx.token_at(g.open.start);
    let b = ctx.token_at(g.close.map_or(g.inner.end, |c| c.end));
    (a, b.min(ctx.toks.len()))
}

fn direct_quotes(ctx: &Ctx<'_, '_>, claimed: &mut [bool], raws: &mut Vec<Raw>) {
    let n = ctx.toks.len();
    let regs = &ctx.regions;
    let words = |a: usize, b: usize| (a..b).filter(|&i| is_word(&ctx.toks[i])).count();
    // block regions: the quotation is a clause on its own
    let mut block = vec![false; regs.len()];
    let mut bounds = vec![(0, 0); regs.len()];
    for (ri, g) in regs.iter().enumerate() {
        let (a, b) = region_tokens(ctx, g);
        bounds[ri] = (a, b);
        if a >= n {
            continue;
        }
        // a = first token of the open mark; find content tokens
        let inner: Vec<usize> = (a..b).filter(|&i| ctx.region[i] == Some(ri)).collect();
        let (Some(&f), Some(&l)) = (inner.first(), inner.last()) else {
            continue;
        };
        let w = words(f, l + 1);
        let starts = a == 0
            || ctx.nl[a]
            || ctx.mark[a - 1]
            || ctx.is_punct(a - 1, &[":", ",", "—", "–", "-", "(", ".", "?", "!", ";"])
            || ctx.is_cue(a - 1, 0.2);
        let last_punct = !is_word(&ctx.toks[l])
            && ctx.toks[l]
                .text
                .chars()
                .all(|c| matches!(c, ',' | '.' | '?' | '!' | '…' | '—' | '–' | '-' | ':' | ';'));
        let after = (l + 1..n).find(|&i| !ctx.mark[i]);
        let ends = g.close.is_none()
            || last_punct
            || after.map_or(true, |i| ctx.nl[i] || ctx.is_punct(i, &[".", "?", "!"]));
        block[ri] = starts && ends && (w >= 3 || (w >= 1 && last_punct && g.close.is_some()));
    }
    let mut ri = 0;
    let mut prev_speaker: Option<(Span, usize)> = None; // (source, line of quote)
    let mut prev_end = 0usize;
    let mut line_no = vec![0usize; n + 1];
    let mut ln = 0;
    for (i, l) in line_no.iter_mut().enumerate().take(n) {
        if ctx.nl[i] && i > 0 {
            ln += 1;
        }
        *l = ln;
    }
    line_no[n] = ln + 1;
    while ri < regs.len() {
        if !block[ri] {
            ri += 1;
            continue;
        }
        let mut group = vec![ri];
        let mut cue = None;
        let mut source = None;
        loop {
            let last = *group.last().unwrap_or(&ri);
            let g = regs[last];
            let (_, b) = bounds[last];
            // multi-paragraph continuation
            if g.close.is_none() {
                if last + 1 < regs.len() && block[last + 1] {
                    let (na, _) = bounds[last + 1];
                    // (a transcript's next turn is a new quote)
                    if na < n
                        && ctx.nl[na]
                        && na == b.min(n)
                        && transcript_label(ctx, last + 1).is_none()
                    {
                        group.push(last + 1);
                        continue;
                    }
                }
                break;
            }
            // tail: tokens after the closing mark up to the end of the sentence
            let e = tail_end(ctx, b);
            // a signature: "“...” — Jane Doe"
            if cue.is_none()
                && b + 1 < e
                && matches!(ctx.toks[b].text, "—" | "―" | "–" | "-" | "--")
            {
                let mut k = b + 1;
                while k < e && (is_cap(ctx.toks[k].text) || matches!(ctx.toks[k].text, "." | "-")) {
                    k += 1;
                }
                if k > b + 1 {
                    cue = Some(ctx.toks[b].span);
                    source = ctx.span(b + 1, k);
                    for c in claimed.iter_mut().take(e).skip(b) {
                        *c = true;
                    }
                    break;
                }
            }
            // (a name and its verb first: "...,” Blige sings to Clinton before asking her")
            let tail_cue = name_then_verb(ctx, b, e)
                .or_else(|| (b..e).find(|&i| ctx.is_cue(i, 0.2)))
                .or_else(|| tail_verb(ctx, b, e));
            if let Some(c) = tail_cue {
                if cue.is_none() {
                    cue = ctx.span(c, c + 1);
                    source = ctx.source_before(c, b).or_else(|| ctx.source_after(c, e));
                }
                for c in claimed.iter_mut().take(e).skip(b) {
                    *c = true;
                }
                // split quote: the next block region opens right after this tail
                // (a title skipped inside the tail may sit in between)
                let next = ctx.region_opened_at(e).filter(|&r| r > last && block[r]);
                if let Some(nr) = next {
                    let (na, nb) = bounds[nr];
                    if na == e && na < n && !ctx.nl[na] {
                        // only when the next part has no attribution of its own
                        let e2 = tail_end(ctx, nb);
                        if !(nb..e2).any(|i| ctx.is_cue(i, 0.2)) && tail_verb(ctx, nb, e2).is_none()
                        {
                            group.push(nr);
                            continue;
                        }
                    }
                }
            }
            break;
        }
        // a transcript: "“PENCE: Well, look, ...": the label names the speaker
        let mut label_end = None;
        if let Some((label, colon)) = transcript_label(ctx, group[0]) {
            cue = Some(ctx.toks[colon].span);
            source = Some(label);
            label_end = ctx.toks.get(colon + 1).map(|t| t.span.start);
        }
        // head: "X said: “..." in the same line before the first part
        let (fa, _) = bounds[group[0]];
        if cue.is_none() && fa > 0 && !ctx.nl[fa] {
            let mut s = fa;
            while s > 0 && !ctx.nl[s] && !ctx.is_punct(s - 1, &[".", "?", "!"]) && !ctx.mark[s - 1]
            {
                s -= 1;
            }
            if let Some((c, src)) = ctx.lead_in(s, fa) {
                cue = c;
                source = src;
                for c in claimed.iter_mut().take(fa).skip(s) {
                    *c = true;
                }
            } else if ctx.is_punct(fa - 1, &[":", "—", "–", "-"]) && fa - 1 > s {
                // "Professor Smith put it: “...”"
                source = ctx
                    .last_name(s + 1, fa - 1)
                    .or_else(|| ctx.subject(s, fa - 1));
                cue = ctx.span(fa - 1, fa).or(Some(ctx.toks[fa - 1].span));
                for c in claimed.iter_mut().take(fa).skip(s) {
                    *c = true;
                }
            }
        }
        // previous line ending with a colon: "He added:"
        if cue.is_none() && fa > 0 && ctx.nl[fa] && ctx.is_punct(fa - 1, &[":"]) {
            let mut s = fa - 1;
            while s > 0 && !ctx.nl[s] && !ctx.is_punct(s - 1, &[".", "?", "!"]) {
                s -= 1;
            }
            if let Some((c, src)) = ctx.lead_in(s, fa) {
                cue = c;
                source = src;
            }
        }
        let mut inherited = false;
        if source.is_none() {
            // the speaker of an attribution just before, in this or the previous paragraph
            // ("Smith said she was worried. “...”"), else the previous quote's speaker
            let recent = recent_attribution(ctx, fa, prev_end);
            if let Some(src) = recent {
                source = Some(src);
            } else if let Some((src, l)) = prev_speaker {
                if fa < n && line_no[fa] <= l + INHERIT_LINES {
                    source = Some(src);
                    inherited = true;
                }
            }
        }
        let mut parts: Vec<Span> = group.iter().map(|&r| regs[r].inner).collect();
        if let (Some(start), Some(first)) = (label_end, parts.first_mut()) {
            if start < first.end {
                first.start = start;
            }
        }
        let n_words: usize = parts
            .iter()
            .map(|p| p.text(ctx.text).split_whitespace().count())
            .sum();
        if source.is_none() && cue.is_none() && n_words < MIN_UNATTRIBUTED_WORDS {
            // a slogan, sign or title with no speaker: not an attributed quote
            ri = group.last().map_or(ri, |&l| l) + 1;
            continue;
        }
        for &r in &group {
            let (a, b) = bounds[r];
            for c in claimed.iter_mut().take(b).skip(a) {
                *c = true;
            }
        }
        let last = *group.last().unwrap_or(&ri);
        if let Some(src) = source {
            prev_speaker = Some((src, line_no[bounds[last].1.min(n)]));
        }
        prev_end = bounds[last].1;
        raws.push(Raw {
            parts,
            cue,
            source,
            inherited,
        });
        ri = last + 1;
    }
}

/// The speaker label opening quotation region `r` in a transcript (`“PENCE: ...`,
/// `“MR. TRUMP: ...`): one to three words in capitals, then a colon. Returns the label's span
/// and the colon's token index.
fn transcript_label(ctx: &Ctx<'_, '_>, r: usize) -> Option<(Span, usize)> {
    let first = ctx.token_at(ctx.regions[r].inner.start);
    let lim = (first + 6).min(ctx.toks.len());
    let colon = (first..lim).find(|&k| ctx.toks[k].text == ":")?;
    let label = first..colon;
    let words = label.clone().filter(|&k| is_word(&ctx.toks[k])).count();
    let caps = label.clone().all(|k| {
        let t = ctx.toks[k].text;
        t == "." || (t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase))
    });
    let long = label.clone().any(|k| ctx.toks[k].text.len() >= 2);
    if !(1..=3).contains(&words) || !caps || !long || colon + 1 >= ctx.toks.len() {
        return None;
    }
    if ctx.region[colon] != Some(r) {
        return None;
    }
    Some((ctx.span(first, colon)?, colon))
}

fn reported(ctx: &Ctx<'_, '_>, analysis: &Analysis<'_>, claimed: &[bool], raws: &mut Vec<Raw>) {
    // sentence units: analysis sentences, cut at line breaks
    let mut units = Vec::new();
    for s in analysis.sentences() {
        let mut a = s.tokens.start;
        for i in s.tokens.clone() {
            if i > a && ctx.nl[i] {
                units.push((a, i));
                a = i;
            }
        }
        if a < s.tokens.end {
            units.push((a, s.tokens.end));
        }
    }
    // a quotation running over a sentence end keeps its sentences together
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(units.len());
    for (s, e) in units {
        if let Some(last) = merged.last_mut() {
            let k = last.1 - 1;
            let open_region = ctx.region[k]
                .or_else(|| ctx.region_opened_at(k))
                .filter(|&r| ctx.regions[r].outer().end > ctx.toks[k].span.end);
            if open_region.is_some() && !ctx.nl[s] && last.1 == s {
                last.1 = e;
                continue;
            }
        }
        merged.push((s, e));
    }
    for (s, e) in merged {
        if (s..e).any(|i| claimed[i]) {
            continue;
        }
        let headline = is_headline(ctx, s, e);
        let line = ctx.nl[s] && (e >= ctx.toks.len() || ctx.nl[e]);
        let open_end = ctx.toks[e - 1].text != ".";
        let e = trim_end(ctx, s, e);
        if line && open_end {
            if let Some(raw) = colon_headline(ctx, s, e) {
                raws.push(raw);
                continue;
            }
        }
        let s = dateline_end(ctx, s, e);
        let mut from = s;
        let mut shared_source: Option<Span> = None;
        while from < e {
            let Some(found) = one_reported(ctx, s, from, e, shared_source, headline) else {
                break;
            };
            shared_source = found.0.source;
            let next = found.1;
            raws.push(found.0);
            if next <= from {
                break;
            }
            from = next;
        }
    }
}

/// A headline line `Source: content` (`Poll: Voters Abandon ...`, `Sanders: Clinton needs
/// to ...`): a capitalised source of at most five words before a colon, three words or more
/// after it, and no final full stop on the line.
fn colon_headline(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> Option<Raw> {
    let colon = (s..e.min(s + 6)).find(|&k| ctx.toks[k].text == ":")?;
    let words = (s..colon).filter(|&k| is_word(&ctx.toks[k])).count();
    let plain =
        (s..colon).all(|k| is_word(&ctx.toks[k]) || matches!(ctx.toks[k].text, "’s" | "'s" | "."));
    let after = (colon + 1..e).filter(|&k| is_word(&ctx.toks[k])).count();
    if words == 0 || words > 5 || !plain || !is_cap(ctx.toks[s].text) || after < 3 {
        return None;
    }
    if SECTION_LABELS.contains(&ctx.low(s)) {
        return None;
    }
    if ctx.mark[s..colon].iter().any(|&m| m) {
        return None;
    }
    Some(Raw {
        parts: vec![ctx.content(colon + 1, e)?],
        cue: Some(ctx.toks[colon].span),
        source: ctx.span(s, colon),
        inherited: false,
    })
}

/// A cue word below this probability gives way to a cue of at least [`STRONG_CUE`] later in
/// the same sentence.
const WEAK_CUE: f32 = 0.3;
const STRONG_CUE: f32 = 0.7;

/// Words that open a circumstance after a cue rather than what is reported ("said in a
/// statement that ...", "said on Monday", "said when she resigned").
const CIRCUMSTANCE: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "when",
    "while",
    "after",
    "before",
    "since",
    "last",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "repeatedly",
    "privately",
    "publicly",
];

/// Speech verbs and the preposition that introduces what they are about ("called for",
/// "spoke about", "commented on").
const TOPIC_CUES: &[(&str, &str)] = &[
    ("called", "for"),
    ("calls", "for"),
    ("calling", "for"),
    ("call", "for"),
    ("spoke", "about"),
    ("spoke", "of"),
    ("speaks", "about"),
    ("speaking", "about"),
    ("speaking", "of"),
    ("talked", "about"),
    ("talks", "about"),
    ("talking", "about"),
    ("asked", "about"),
    ("asks", "about"),
    ("commented", "on"),
    ("comments", "on"),
    ("complained", "about"),
    ("complains", "about"),
    ("joked", "about"),
    ("wrote", "about"),
    ("writes", "about"),
    ("warned", "about"),
    ("warned", "of"),
    ("warns", "of"),
    ("argued", "for"),
    ("argues", "for"),
    ("pushed", "for"),
    ("pushing", "for"),
    ("advocated", "for"),
    ("advocates", "for"),
    ("testified", "about"),
    ("boasted", "about"),
    ("bragged", "about"),
    ("raved", "about"),
    ("criticized", "for"),
];

/// The preposition's index when token `i` starts a [`TOPIC_CUES`] pair (an adverb such as
/// "out" or a day may come between: "spoke out on Tuesday about").
fn topic_prep(ctx: &Ctx<'_, '_>, i: usize, e: usize) -> Option<usize> {
    if ctx.region[i].is_some() || ctx.mark[i] {
        return None;
    }
    let verb = ctx.low(i);
    let preps: Vec<&str> = TOPIC_CUES
        .iter()
        .filter(|(v, _)| *v == verb)
        .map(|(_, p)| *p)
        .collect();
    if preps.is_empty() {
        return None;
    }
    (i + 1..e.min(i + 5))
        .take_while(|&k| is_word(&ctx.toks[k]) && !ctx.mark[k])
        .find(|&k| preps.contains(&ctx.low(k)))
}

/// Verbs of evidence that report a finding when "that" follows (see `one_reported`).
const EVIDENCE_CUES: &[&str] = &[
    "show",
    "shows",
    "showed",
    "shown",
    "find",
    "finds",
    "found",
    "indicate",
    "indicates",
    "indicated",
    "demonstrate",
    "demonstrates",
    "demonstrated",
];

/// First words of a line label before a colon that is not a source (`Update: ...`).
const SECTION_LABELS: &[&str] = &[
    "update",
    "updated",
    "note",
    "editor",
    "editors",
    "correction",
    "clarification",
    "watch",
    "video",
    "videos",
    "photo",
    "photos",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "live",
    "read",
    "related",
    "also",
    "listen",
    "podcast",
    "quiz",
    "review",
    "explainer",
    "factbox",
    "timeline",
    "see",
    "more",
    "sources",
    "source",
    "warning",
    "disclaimer",
    "contact",
    "email",
    "follow",
    "subscribe",
    "tags",
    "topics",
    "by",
    "posted",
    "published",
    "filed",
    "credit",
];

/// Speech verbs that are cues in a headline, capitalised or not, whether or not the cue
/// lexicon knows them (headline style: `Mayor Warns ...`, `..., Officials Say`).
const HEADLINE_CUES: &[&str] = &[
    "say",
    "says",
    "said",
    "tell",
    "tells",
    "told",
    "warn",
    "warns",
    "warned",
    "claim",
    "claims",
    "insist",
    "insists",
    "urge",
    "urges",
    "admit",
    "admits",
    "deny",
    "denies",
    "vow",
    "vows",
    "argue",
    "argues",
    "predict",
    "predicts",
    "reveal",
    "reveals",
    "confirm",
    "confirms",
    "announce",
    "announces",
];

/// Unit `[s, e)` is a whole line in title case or capitals (a headline): at least three
/// words of four letters or more, at most one of them lowercase.
fn is_headline(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> bool {
    let n = ctx.toks.len();
    if !(ctx.nl[s] && (e >= n || ctx.nl[e])) {
        return false;
    }
    let long = (s..e).filter(|&k| {
        ctx.toks[k]
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 4
    });
    let (mut words, mut lower) = (0, 0);
    for k in long {
        words += 1;
        lower += usize::from(!is_cap(ctx.toks[k].text));
    }
    words >= 3 && lower <= 1
}

/// The first token after a dateline opening unit `[s, e)` (`WASHINGTON —`, `NEW YORK, Nov. 3
/// (Reuters) --`, `(CNN) —`), or `s` when there is none: a dateline is not part of what is
/// reported.
fn dateline_end(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> usize {
    let lim = e.min(s + 12);
    // A hyphen only with a space before it (`US-Russia` is a compound).
    let Some(dash) = (s..lim).find(|&k| match ctx.toks[k].text {
        "—" | "–" | "―" | "--" => true,
        "-" => ctx.toks[k].space_before,
        _ => false,
    }) else {
        return s;
    };
    // Before the dash: a place in capitals (with commas and a date), then an agency in
    // brackets; or only the agency.
    let place = (s..dash).take_while(|&k| {
        let t = ctx.toks[k].text;
        t == "," || (is_word(&ctx.toks[k]) && !t.chars().any(char::is_lowercase))
    });
    let after_place = place.last().map_or(s, |k| k + 1);
    let mut k = after_place;
    // An optional date after the place: `Nov. 3`, `, March 14`.
    while k < dash && k - after_place < 3 {
        let t = &ctx.toks[k];
        if !(t.text == "," || t.kind == TokenKind::Number || (is_word(t) && is_cap(t.text))) {
            break;
        }
        k += 1;
    }
    let k = if k < dash && ctx.toks[k].text == "(" {
        match (k + 1..dash).find(|&j| ctx.toks[j].text == ")") {
            Some(close) if close + 1 == dash => dash,
            _ => return s,
        }
    } else {
        k
    };
    let placed = after_place > s && (s..after_place).any(|j| ctx.toks[j].text.len() > 1);
    let bracketed = ctx.toks[s].text == "(";
    if k == dash && (placed || bracketed) && dash + 1 < e {
        dash + 1
    } else {
        s
    }
}

/// Finds one attribution in unit `[s, e)` with a cue at or after `from`; returns it and the
/// token index where the search continues.
fn one_reported(
    ctx: &Ctx<'_, '_>,
    s: usize,
    from: usize,
    e: usize,
    shared: Option<Span>,
    headline: bool,
) -> Option<(Raw, usize)> {
    let words = |a: usize, b: usize| (a..b).filter(|&i| is_word(&ctx.toks[i])).count();
    // An attribution with the cue at token `c`; the search goes on at `next`.
    let found = |parts: Vec<Span>, c: usize, source: Option<Span>, next: usize| {
        let cue = ctx.span(c, c + 1);
        Some((
            Raw {
                parts,
                cue,
                source,
                inherited: false,
            },
            next,
        ))
    };
    let mut i = from;
    while i < e {
        // "X called for ...", "X spoke about ...": a speech verb and its preposition report
        // a topic or a demand
        if let Some(p) = topic_prep(ctx, i, e) {
            let end = (p + 1..e)
                .find(|&k| matches!(ctx.toks[k].text, "," | ";" | ":") && ctx.region[k].is_none())
                .unwrap_or(e);
            if let (true, Some(source)) = (words(p + 1, end) >= 1, ctx.source_before(i, from)) {
                if let Some(content) = ctx.content(p + 1, end) {
                    let raw = Raw {
                        parts: vec![content],
                        cue: ctx.span(i, p + 1),
                        source: Some(source),
                        inherited: false,
                    };
                    return Some((raw, end));
                }
            }
        }
        // "according to X, ..." / "..., according to X"
        if ctx.low(i) == "according" && i + 1 < e && ctx.low(i + 1) == "to" {
            let cue = ctx.span(i, i + 2);
            let after = (i + 2..e).find(|&k| ctx.toks[k].text == ",");
            if words(s, i) <= 2 {
                let k = after.unwrap_or(e);
                let source = ctx.span(i + 2, k);
                if words(k, e) >= 3 {
                    let parts = vec![ctx.content(k + 1, e)?];
                    return Some((
                        Raw {
                            parts,
                            cue,
                            source,
                            inherited: false,
                        },
                        e,
                    ));
                }
            } else if words(from, i) >= 3 {
                let source = ctx.span(i + 2, after.unwrap_or(e));
                let parts = vec![ctx.content(from, i)?];
                return Some((
                    Raw {
                        parts,
                        cue,
                        source,
                        inherited: false,
                    },
                    after.unwrap_or(e),
                ));
            }
            i += 2;
            continue;
        }
        // A capitalised cue inside a unit is a name ("Tell", "Warren") or a title, except a
        // speech verb in a headline ("Obama Says Museum Will Open").
        let headline_cue = headline
            && HEADLINE_CUES.contains(&ctx.low(i))
            && ctx.region[i].is_none()
            && !ctx.mark[i];
        // "The poll shows that ...", "a study found that ...": evidence verbs are cues only
        // before "that" (the lexicon leaves them out: "shows up", "found the keys").
        let evidence_cue = EVIDENCE_CUES.contains(&ctx.low(i))
            && i + 1 < e
            && ctx.low(i + 1) == "that"
            && ctx.region[i].is_none()
            && !ctx.mark[i];
        if !(headline_cue || evidence_cue || ctx.is_cue(i, ctx.min_prob))
            || (is_cap(ctx.toks[i].text) && i > s && !headline_cue)
        {
            i += 1;
            continue;
        }
        let c = i;
        let w = ctx.low(c);
        let prev_comma = c > s && ctx.toks[c - 1].text == ",";
        // participle: ", saying ...", "began by saying ...", "keeps saying ..." (source =
        // subject of the main clause)
        let gerund = c > s
            && matches!(
                ctx.low(c - 1),
                "by" | "after"
                    | "before"
                    | "from"
                    | "while"
                    | "without"
                    | "and"
                    | "keeps"
                    | "kept"
                    | "keep"
                    | "began"
                    | "started"
                    | "continued"
                    | "continues"
            );
        if w.ends_with("ing") && (prev_comma || gerund) {
            let k = ctx.content_start(c, e);
            if words(k, e) >= 2 {
                let source = shared.or_else(|| ctx.subject(s, c));
                let end = coord_end(ctx, k, e);
                let parts = vec![ctx.content(k, end)?];
                return found(parts, c, source, end);
            }
            i += 1;
            continue;
        }
        // a participle without a comma is not a cue ("notable considering ...")
        if w.ends_with("ing")
            && !(c > s
                && matches!(
                    ctx.low(c - 1),
                    "is" | "are" | "was" | "were" | "been" | "be"
                ))
        {
            i += 1;
            continue;
        }
        // tail: "..., X said." / "..., said X." (the comma may close a quotation: `,”`)
        let last_comma = (from.max(c.saturating_sub(40))..c).rev().find(|&k| {
            ctx.toks[k].text == ","
                && (ctx.region[k].is_none() || (k + 1 < ctx.toks.len() && ctx.mark[k + 1]))
        });
        if let Some(k) = last_comma {
            if words(k, c) <= TAIL_WORDS
                && words(c, e) <= TAIL_WORDS
                && words(from, k) >= 3
                && !(k + 1..c).any(|j| ctx.low(j) == "that")
            {
                // (after the cue a name, not a clause: "..., said the bridge was unsafe")
                let source = ctx.source_before(c, k + 1).or_else(|| {
                    ctx.source_after(c, e).filter(|_| {
                        !(c + 1..e).any(|j| AUX.contains(&ctx.low(j)) || ctx.low(j) == "that")
                    })
                });
                if source.is_some() {
                    let parts = vec![ctx.content(from, k)?];
                    return found(parts, c, source, e);
                }
            }
            // in the middle: "It would take weeks, he said, and the party would ..."
            if words(k, c) <= 3
                && words(from, k) >= 2
                && c + 1 < e
                && ctx.toks[c + 1].text == ","
                && words(c + 2, e) >= 3
                && !(k + 1..c).any(|j| ctx.low(j) == "that")
            {
                if let Some(source) = ctx.source_before(c, k + 1) {
                    let parts = vec![ctx.content(from, k)?, ctx.content(c + 2, e)?];
                    return found(parts, c, Some(source), e);
                }
            }
        }
        // source cue content
        let source = ctx.source_before(c, from).or_else(|| {
            // "and warned that ...": the source of the previous attribution, else the
            // subject of the sentence ("Smith supported the plan ... and said that ...").
            (c > from && matches!(ctx.low(c - 1), "and" | "also"))
                .then(|| shared.or_else(|| ctx.subject(s, c - 1)))
                .flatten()
        });
        let Some(source) = source else {
            i += 1;
            continue;
        };
        let k = ctx.content_start(c, e);
        let end = coord_end(ctx, k, e);
        // a weak cue ("the campaign plans to ...") gives way to a strong one later in the
        // unit ("..., a spokesman announced")
        if !headline_cue
            && !evidence_cue
            && ctx.cue_prob(c) < WEAK_CUE
            && (c + 1..e.min(c + 40))
                .any(|j| ctx.is_cue(j, STRONG_CUE) && !is_cap(ctx.toks[j].text))
        {
            i += 1;
            continue;
        }
        // "said in June", "said when she resigned": a circumstance, not a report
        if words(k, end) < 2 || (CIRCUMSTANCE.contains(&ctx.low(k)) && words(k, end) <= 6) {
            i += 1;
            continue;
        }
        let parts = vec![ctx.content(k, end)?];
        return found(parts, c, Some(source), end);
    }
    None
}

/// The end of a reported clause starting at `k`: the unit end, or before a coordinated
/// second cue ("... and warned that ...").
fn coord_end(ctx: &Ctx<'_, '_>, k: usize, e: usize) -> usize {
    for j in k + 1..e.saturating_sub(1) {
        if ctx.low(j) == "and" && ctx.is_cue(j + 1, ctx.min_prob) && ctx.region[j].is_none() {
            let mut end = j;
            if end > k && ctx.toks[end - 1].text == "," {
                end -= 1;
            }
            return end;
        }
        if ctx.low(j) == "according" && ctx.low(j + 1) == "to" && ctx.toks[j - 1].text == "," {
            return j - 1;
        }
        // "... was not intentional; they only learned ...": a new clause
        if ctx.toks[j].text == ";" && ctx.region[j].is_none() {
            return j;
        }
        // "..., citing her work", "..., contradicting the police": a participle clause is
        // not part of what is reported
        if ctx.toks[j].text == "," && ctx.region[j].is_none() {
            let w = ctx.low(j + 1);
            if w.len() > 5 && w.ends_with("ing") && !matches!(w, "including" | "excluding") {
                return j;
            }
        }
    }
    e
}

/// Kind from the share of letters and digits inside quotation regions.
fn kind_of(ctx: &Ctx<'_, '_>, parts: &[Span]) -> QuoteKind {
    let (mut n, mut inside) = (0usize, 0usize);
    for p in parts {
        // regions are sorted and disjoint: walk them along the characters
        let mut r = ctx.regions.partition_point(|g| g.outer().end <= p.start);
        for (b, ch) in ctx.text.get(p.start..p.end).unwrap_or("").char_indices() {
            if !ch.is_alphanumeric() {
                continue;
            }
            n += 1;
            let at = p.start + b;
            while r < ctx.regions.len() && ctx.regions[r].outer().end <= at {
                r += 1;
            }
            let hit = ctx.regions.get(r).is_some_and(|g| g.outer().start <= at);
            inside += usize::from(hit);
        }
    }
    if n == 0 || inside == 0 {
        QuoteKind::Indirect
    } else if inside * 10 >= n * 9 {
        QuoteKind::Direct
    } else {
        QuoteKind::Mixed
    }
}

// ---------------------------------------------------------------------------------------
// speakers

fn ent_range(ents: &Entities, span: Span) -> std::ops::Range<usize> {
    let a = ents.entities.partition_point(|e| e.span.end <= span.start);
    let mut b = a;
    while b < ents.entities.len() && ents.entities[b].span.start < span.end {
        b += 1;
    }
    a..b
}

fn compatible(label: Label, pron: &str) -> bool {
    match pron {
        "he" | "she" | "i" => label == Label::Person,
        "it" => label != Label::Person,
        _ => true,
    }
}

/// What a document says of a person's gender: honorifics (`Mr.`, `Ms.`) and the pronouns
/// that follow the person's mentions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Unknown,
    Male,
    Female,
}

/// The gender of each cluster of `ents`, from votes at each person mention: an honorific
/// right before it, and the first `he`/`his`/`him` or `she`/`her` after it (outside
/// quotations, in the same paragraph, within 25 tokens and before the next person mention).
fn genders(
    ents: &Entities,
    lower: &[Cow<'_, str>],
    nl: &[bool],
    region: &[Option<usize>],
) -> Vec<Gender> {
    let mut votes = vec![0i32; ents.clusters.len()];
    let persons: Vec<&byline_entities::Entity> = ents
        .entities
        .iter()
        .filter(|e| e.label == Label::Person)
        .collect();
    let word = |k: usize| lower.get(k).map_or("", |w| w);
    for (pi, e) in persons.iter().enumerate() {
        let Some(v) = votes.get_mut(e.cluster) else {
            continue;
        };
        let before = e.tokens.start.checked_sub(1).map_or("", word);
        match before {
            "mr." | "mr" => *v += 2,
            "mrs." | "mrs" | "ms." | "ms" | "miss" => *v -= 2,
            _ => {}
        }
        let next_person = persons.get(pi + 1).map_or(usize::MAX, |n| n.tokens.start);
        let lim = (e.tokens.end + 25).min(lower.len()).min(next_person);
        for k in e.tokens.end..lim {
            if nl[k] {
                break;
            }
            if region[k].is_some() {
                continue;
            }
            match word(k) {
                "he" | "his" | "him" | "himself" => {
                    *v += 1;
                    break;
                }
                "she" | "her" | "hers" | "herself" => {
                    *v -= 1;
                    break;
                }
                _ => {}
            }
        }
    }
    votes
        .into_iter()
        .map(|v| match v {
            v if v > 0 => Gender::Male,
            v if v < 0 => Gender::Female,
            _ => Gender::Unknown,
        })
        .collect()
}

/// Whether cluster `cl` can be what the pronoun `pron` refers to.
fn compatible_cluster(ctx: &Ctx<'_, '_>, cl: usize, label: Label, pron: &str) -> bool {
    let gender = ctx.gender.get(cl).copied().unwrap_or(Gender::Unknown);
    compatible(label, pron)
        && match pron {
            "he" => gender != Gender::Female,
            "she" => gender != Gender::Male,
            _ => true,
        }
}

fn resolve(ctx: &Ctx<'_, '_>, raws: Vec<Raw>) -> Vec<Quote> {
    let ents = ctx.ents;
    let mut out: Vec<Quote> = Vec::with_capacity(raws.len());
    let mut last_speaker: Option<(usize, Label)> = None;
    for r in raws {
        let Some(first) = r.parts.first() else {
            continue;
        };
        let span = Span::new(first.start, r.parts.last().map_or(first.end, |p| p.end));
        let kind = kind_of(ctx, &r.parts);
        let speaker = r.source.map(|src| {
            if r.inherited {
                if let Some(prev) = out.iter().rev().take(8).find_map(|q| q.speaker.clone()) {
                    if prev.span == src {
                        return prev;
                    }
                }
            }
            speaker_of(ctx, src, span, last_speaker)
        });
        if let Some(sp) = &speaker {
            if let Some(cl) = sp.cluster {
                if let Some(c) = ents.clusters.get(cl) {
                    last_speaker = Some((cl, c.label));
                }
            }
        }
        out.push(Quote {
            span,
            parts: if r.parts.len() > 1 {
                r.parts
            } else {
                vec![span]
            },
            kind,
            cue: r.cue,
            speaker,
        });
    }
    out
}

fn speaker_of(
    ctx: &Ctx<'_, '_>,
    src: Span,
    content: Span,
    last: Option<(usize, Label)>,
) -> Speaker {
    let ents = ctx.ents;
    let text = src.text(ctx.text);
    let mk = |via, cluster: Option<usize>, name: Option<String>| Speaker {
        span: src,
        name: name.or_else(|| cluster.and_then(|c| ents.clusters.get(c).map(|c| c.name.clone()))),
        cluster,
        via,
    };
    let lower = text.to_lowercase();
    // pronoun
    if PRONOUNS.contains(&lower.as_str()) {
        let mut cl = last
            .filter(|&(c, l)| compatible_cluster(ctx, c, l, &lower))
            .map(|(c, _)| c);
        if cl.is_none() {
            // nearest preceding compatible entity outside quotations
            let a = ents
                .entities
                .partition_point(|e| e.span.end <= src.start.min(content.start));
            cl = ents.entities[..a]
                .iter()
                .rev()
                .take(40)
                .find(|e| {
                    compatible_cluster(ctx, e.cluster, e.label, &lower)
                        && ctx.region[ctx
                            .token_at(e.span.start)
                            .min(ctx.toks.len().saturating_sub(1))]
                        .is_none()
                })
                .map(|e| e.cluster);
        }
        return mk(Via::Pronoun, cl, None);
    }
    // a name inside the source
    let r = ent_range(ents, src);
    let inside = &ents.entities[r];
    let best = inside
        .iter()
        .find(|e| e.label == Label::Person)
        .or_else(|| inside.iter().find(|e| e.label == Label::Organization))
        .or_else(|| inside.first());
    let first_word = lower.split_whitespace().next().unwrap_or("");
    let indefinite = matches!(
        first_word,
        "a" | "an" | "one" | "some" | "several" | "many" | "two" | "three"
    );
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let anon_head = words.iter().any(|w| ANON_HEADS.contains(w));
    // the head word of the mention: its last word before a comma or post-modifier
    let head_end = {
        let mut end = src.end;
        let mut off = src.start;
        for w in text.split_inclusive(|c: char| c.is_whitespace() || c == ',') {
            let bare = w
                .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
                .to_lowercase();
            if off > src.start
                && matches!(
                    bare.as_str(),
                    "of" | "in" | "for" | "who" | "which" | "at" | "from" | "with" | "on"
                )
            {
                end = off;
                break;
            }
            off += w.len();
            if w.ends_with(',') {
                end = off - 1;
                break;
            }
        }
        end
    };
    if let Some(e) = best {
        let covers_head =
            e.span.end >= head_end.min(src.end).saturating_sub(1) && e.span.start < head_end;
        if e.label == Label::Person || (covers_head && !indefinite) {
            return mk(Via::Name, Some(canonical(ctx, e.cluster)), None);
        }
    }
    // capitalised words with no entity (a weak recognizer): still a name
    let caps: Vec<&str> = text.split_whitespace().filter(|w| is_cap(w)).collect();
    let det = DETERMINERS.contains(&first_word) || indefinite;
    if !det && !caps.is_empty() && !anon_head {
        let name: String = caps
            .iter()
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .collect::<Vec<_>>()
            .join(" ");
        let cl = cluster_by_word(ctx, caps.last().copied().unwrap_or(""));
        return mk(Via::Name, cl, if cl.is_none() { Some(name) } else { None });
    }
    if indefinite || (anon_head && !det) || (anon_head && first_word != "the") {
        return mk(Via::Anonymous, None, None);
    }
    // description: "The Russian leader" -> the salient person mentioned with those words
    mk(Via::Description, describe(ctx, src, &words, last), None)
}

/// The fullest cluster naming the same entity (helps when clusters are not merged).
fn canonical(ctx: &Ctx<'_, '_>, cl: usize) -> usize {
    let ents = ctx.ents;
    let Some(c) = ents.clusters.get(cl) else {
        return cl;
    };
    let last = c.name.split_whitespace().last().unwrap_or("").to_string();
    cluster_by_word(ctx, &last)
        .filter(|&o| ents.clusters[o].label == c.label)
        .unwrap_or(cl)
}

/// The cluster with the longest name containing `word` (trimmed of a possessive).
/// `word` without a final possessive `’s` or `'s`.
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

/// `text` in lower case, borrowed when it is ASCII without capitals (most tokens).
fn lowercase(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

fn cluster_by_word(ctx: &Ctx<'_, '_>, word: &str) -> Option<usize> {
    let w = without_possessive(word).trim_end_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return None;
    }
    ctx.ents
        .clusters
        .iter()
        .filter(|c| {
            c.name
                .split_whitespace()
                .any(|x| without_possessive(x) == w)
        })
        .max_by_key(|c| {
            (
                c.label == Label::Person,
                c.name.len(),
                std::cmp::Reverse(c.id),
            )
        })
        .map(|c| c.id)
}

/// Resolves a description by words shared with the context of earlier person mentions,
/// falling back to the last speaker.
fn describe(
    ctx: &Ctx<'_, '_>,
    src: Span,
    words: &[&str],
    last: Option<(usize, Label)>,
) -> Option<usize> {
    let ents = ctx.ents;
    let content: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !DETERMINERS.contains(w) && w.len() > 2)
        .collect();
    let a = ents.entities.partition_point(|e| e.span.end <= src.start);
    let mut best: Option<(usize, usize)> = None;
    for e in ents.entities[..a].iter().rev().take(60) {
        if e.label != Label::Person {
            continue;
        }
        let lo = e.tokens.start.saturating_sub(4);
        let hi = (e.tokens.end + 4).min(ctx.toks.len());
        let ctx_words: Vec<String> = (lo..hi)
            .map(|i| ctx.low(i).trim_end_matches("’s").to_string())
            .collect();
        let ctx_text = ctx
            .text
            .get(ctx.toks[lo].span.start..ctx.toks[hi - 1].span.end)
            .unwrap_or("")
            .to_lowercase();
        let score = content
            .iter()
            .filter(|w| ctx_words.iter().any(|c| c == *w) || ctx_text.contains(*w))
            .count();
        if score > 0 && best.map_or(true, |(s, _)| score > s) {
            best = Some((score, e.cluster));
        }
    }
    best.map(|(_, c)| canonical(ctx, c))
        .or_else(|| last.filter(|(_, l)| *l == Label::Person).map(|(c, _)| c))
}
