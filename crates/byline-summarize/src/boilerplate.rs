//! Recognition of boilerplate sentences that never belong in a summary.

/// Phrases that mark a sentence as boilerplate wherever they occur (compared case-insensitively).
const ANYWHERE: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "scroll down for video",
    "published:",
    "updated:",
    "last updated at",
    "read more:",
    "click here",
    "follow us on twitter",
    "sign up for our newsletter",
    "all rights reserved",
    "this material may not be published",
    "this story has been updated",
    "watch the video",
];

/// Words, one of which occurs in every [`ANYWHERE`] phrase: sentences longer than a short
/// line are only searched for those phrases when they contain one of these words.
pub(crate) const TRIGGERS: &[&str] = &[
    "contributed",
    "scroll",
    "published",
    "updated",
    "read",
    "click",
    "follow",
    "sign",
    "rights",
    "material",
    "story",
    "watch",
];

/// Phrases that mark boilerplate when they open the sentence.
const OPENERS: &[&str] = &[
    "by ",
    "photo:",
    "photos:",
    "image:",
    "video:",
    "watch:",
    "related:",
    "follow @",
    "(photo",
    "photo credit",
    "editor's note:",
    "see also",
    "source:",
    "sources:",
];

/// Words of photo credits such as "Getty Images" or "AFP/Getty Images".
const CREDIT: &[&str] = &[
    "getty images",
    "/getty",
    "reuters/",
    "ap photo",
    "afp photo",
    "photo by",
];

fn lower_prefix(s: &str, max: usize) -> String {
    s.chars().take(max).flat_map(char::to_lowercase).collect()
}

/// True when `sentence` is a byline, a publication stamp, a photo credit, a "Read more" or
/// "Scroll down for video" line, a contributor line, or a dateline standing alone.
pub fn is_boilerplate(sentence: &str) -> bool {
    check(sentence, true)
}

/// [`is_boilerplate`] for a sentence of `words` word tokens, where `trigger` says whether one of
/// [`TRIGGERS`] occurs in it (long sentences without a trigger are never boilerplate).
pub(crate) fn is_boilerplate_fast(sentence: &str, words: usize, trigger: bool) -> bool {
    // A whitespace-separated word rarely holds three tokens, so a sentence of more than 60
    // tokens has more than 20 words, the limit of every short-line pattern.
    if words > 60 && !trigger {
        return false;
    }
    check(sentence, trigger)
}

fn more_than_14_words(s: &str) -> bool {
    more_than_n_words(s, 14)
}

fn more_than_20_words(s: &str) -> bool {
    more_than_n_words(s, 20)
}

/// `s.split_whitespace().count() > n`, with a byte loop for ASCII text.
fn more_than_n_words(s: &str, n: usize) -> bool {
    if !s.is_ascii() {
        return s.split_whitespace().nth(n).is_some();
    }
    let mut count = 0;
    let mut prev_space = true;
    for &b in s.as_bytes() {
        let space = b.is_ascii_whitespace() || b == 0x0b;
        if prev_space && !space {
            count += 1;
            if count > n {
                return true;
            }
        }
        prev_space = space;
    }
    false
}

/// "Jailed:", "Pictured:", "tragic:": a word of letters closed by a colon.
fn is_caption_label(w: &str) -> bool {
    let Some(label) = w.strip_suffix(':') else {
        return false;
    };
    label.len() >= 3 && label.chars().all(char::is_alphabetic)
}

/// "12:53", "9:05": a clock time opening a publication stamp.
fn is_clock_time(w: &str) -> bool {
    let Some((h, m)) = w.split_once(':') else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().all(|b| b.is_ascii_digit())
        && m.bytes().all(|b| b.is_ascii_digit())
}

fn check(sentence: &str, search_anywhere: bool) -> bool {
    let s = sentence.trim();
    if s.is_empty() {
        return true;
    }
    // Without a trigger word, only short lines (at most 14 words) and captions (at most 20,
    // closed by a detached full stop) can be boilerplate.
    if !search_anywhere
        && (if s.ends_with(" .") {
            more_than_20_words(s)
        } else {
            more_than_14_words(s)
        })
    {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().take(21).collect();
    // A Daily Mail photo caption: "Jailed: Tom Baker leaves court yesterday ." (one word
    // and a colon, then a short line closed by a detached full stop).
    if words.len() <= 20 && s.ends_with(" .") && is_caption_label(words[0]) {
        return true;
    }
    if !search_anywhere && words.len() > 14 {
        return false;
    }
    let lower = if s.len() <= 600 {
        s.to_lowercase()
    } else {
        lower_prefix(s, 600)
    };
    if search_anywhere && ANYWHERE.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if words.len() > 14 {
        return false;
    }
    // The parts of a Daily Mail header that the sentence splitter cuts apart: "By ." and a
    // time stamp "12:53 EST, 3 May 2013 .".
    if s.trim_end_matches(['.', ' ']).eq_ignore_ascii_case("by") {
        return true;
    }
    if words.len() <= 8 && is_clock_time(words[0]) {
        return true;
    }
    if words.len() <= 14 && OPENERS.iter().any(|p| lower.starts_with(p)) {
        // "By Jane Doe, CNN" but not "By the end of the war, ..." (a byline is mostly names).
        if lower.starts_with("by ") {
            let caps = words[1..]
                .iter()
                .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
                .count();
            return words.len() <= 8 && caps * 2 >= words.len().saturating_sub(1).max(1);
        }
        return true;
    }
    if words.len() <= 8 && CREDIT.iter().any(|p| lower.contains(p)) {
        return true;
    }
    // A dateline alone: "LONDON, England (CNN) --", "WASHINGTON (CNN)", "(CNN)".
    if words.len() <= 6 {
        let t = s.trim_end_matches(['-', '—', '–', ' ', ':']);
        if t.ends_with("(CNN)") || t.ends_with("(AP)") || t.ends_with("(Reuters)") {
            return true;
        }
        let first: Vec<char> = words[0].chars().filter(|c| c.is_alphabetic()).collect();
        if first.len() >= 2
            && first.iter().all(|c| c.is_uppercase())
            && (s.ends_with("--") || s.ends_with('—'))
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::is_boilerplate;

    #[test]
    fn recognizes_boilerplate() {
        for s in [
            "CNN's Maria Lopez contributed to this report.",
            "By Tom Harper, Senior Correspondent",
            "PUBLISHED: 10:02 EST, 3 March 2014 | UPDATED: 11:40 EST, 3 March 2014",
            "Scroll down for video",
            "Read more: The ten best beaches in Portugal",
            "Photo: Lake Tahoe at dusk",
            "AFP/Getty Images",
            "WASHINGTON (CNN) --",
            "BERLIN, Germany --",
        ] {
            assert!(is_boilerplate(s), "{s}");
        }
    }

    #[test]
    fn keeps_news_sentences() {
        for s in [
            "By the end of the war, the city had lost half its people.",
            "The mayor said the bridge would reopen on Monday.",
            "WASHINGTON (CNN) -- The Senate passed the budget bill late Tuesday.",
            "NASA confirmed the launch.",
        ] {
            assert!(!is_boilerplate(s), "{s}");
        }
    }
}
