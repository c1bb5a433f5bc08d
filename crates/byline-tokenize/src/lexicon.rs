//! Hand-written word lists: abbreviations, hyphen prefixes kept whole, sentence starters,
//! speech verbs. All ASCII, compared case-insensitively unless said otherwise.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Abbreviations that precede a name and never end a sentence themselves (lowercase, no period).
pub(crate) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "gen", "sen", "sens", "rep", "reps",
    "gov", "lt", "col", "sgt", "capt", "cpt", "cmdr", "adm", "maj", "cpl", "pvt", "supt", "insp",
    "det", "rev", "hon", "pres", "fr", "sr", "mt", "ft", "st", "atty", "brig", "gens", "lieut",
    "msgr", "mme", "mlle", "vs", "v", "ave", "div", "b", "d", "m", "c", "ca", "approx", "vol",
    "no", "nos", "art", "sec", "ch", "vol", "pp", "para", "fig", "figs", "approx", "ref", "op",
    "cf", "ca", "viz", "al", "ex",
];

/// Other abbreviations, which may end a sentence (lowercase, no period).
pub(crate) const OTHERS: &[&str] = &[
    "etc", "inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "esq", "phd", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "dept", "est", "blvd", "rd", "hwy", "ln",
    "pl", "sq", "univ", "assn", "assoc", "govt", "intl", "natl", "min", "max", "hr", "hrs", "yr",
    "yrs", "mo", "mos", "wk", "wks", "lb", "lbs", "oz", "ft", "in", "ml", "mg", "kg", "km", "cm",
    "mm", "mph", "ext", "tel", "attn", "misc", "info", "dept", "div", "mfg", "mgr", "mgmt", "ed",
    "eds", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "ave", "bldg", "dist", "gov't", "e.g",
    "i.e", "esp", "eg", "ie", "aka", "a.k.a", "p.s", "ps", "cal", "rec", "dom", "spec", "conf",
    "vs",
];

/// Abbreviations that are also common words: only these exact capitalised forms count
/// (so `sun.` and `sat.` at a sentence end stay words).
pub(crate) const CASED: &[&str] = &[
    "Sun", "Sat", "Wed", "Mar", "Mon", "Jan", "Ill", "Ind", "Miss", "Wash", "Mass", "Del", "Ore",
    "Cal", "Pa", "Md", "La", "Va", "Ga", "Ky", "Fig", "No", "Nos", "Art", "Sec", "Ch", "Vol",
    "Min", "Max", "Ed", "Est", "Op", "Ex", "Mo", "Col", "Gen", "Rev", "Sen", "Rep", "Gov", "Det",
    "Hon", "Pres", "Fr", "Mt", "St", "Ft", "Ave", "Rd", "Pl", "Ln", "Sq", "Al",
];

/// Lowercase words that, as a whole word, are abbreviations only before a number (`no. 5`).
pub(crate) const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "art", "sec", "ch", "vol", "pp", "p", "fig", "figs", "op", "para", "ex", "ext",
];

/// Words that are abbreviations only when capitalised (see [`CASED`]): the lowercase forms of
/// those are ignored unless they also appear in [`TITLES`]/[`OTHERS`] as unambiguous.
pub(crate) const AMBIGUOUS_LOWER: &[&str] = &[
    "sun", "sat", "wed", "mar", "mon", "jan", "ill", "ind", "miss", "wash", "mass", "del", "ore",
    "cal", "pa", "md", "la", "va", "ga", "ky", "fig", "no", "nos", "art", "sec", "ch", "vol",
    "min", "max", "ed", "est", "op", "ex", "mo", "col", "gen", "rev", "sen", "rep", "gov", "det",
    "hon", "pres", "fr", "mt", "st", "ft", "ave", "rd", "pl", "ln", "sq", "al", "in", "dom",
    "spec", "rec", "conf", "info", "min", "hr", "yr", "wk", "ps", "art", "v", "pp", "p", "op",
    "ref", "ext", "tel",
];

/// Prefixes that UD English keeps attached before a hyphen (`e-mail`, `non-profit`, `co-founder`).
pub(crate) const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "co", "pre", "post", "re", "ex", "multi", "mid", "anti", "pro", "semi", "over",
    "cross", "sub", "inter", "mini", "intra", "neo", "pseudo", "quasi", "ultra", "uh", "mm", "hm",
    "u", "uh", "um", "de", "bi", "tri", "micro", "macro", "mega", "counter",
];

/// Capitalised words that usually start a sentence: after an abbreviation such as `U.S.` or
/// `Inc.`, one of these means the abbreviation ended the sentence.
pub(crate) const STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "What",
    "Why",
    "How",
    "Where",
    "Who",
    "Which",
    "Some",
    "Many",
    "Most",
    "Other",
    "Others",
    "Such",
    "Now",
    "Then",
    "Also",
    "However",
    "Meanwhile",
    "Still",
    "Since",
    "Although",
    "Though",
    "Because",
    "For",
    "From",
    "With",
    "Without",
    "By",
    "To",
    "Of",
    "Not",
    "No",
    "Yes",
    "All",
    "One",
    "Two",
    "Last",
    "Next",
    "Officials",
    "Police",
    "Authorities",
    "According",
    "Both",
    "Each",
    "Every",
    "Even",
    "Only",
    "Just",
    "Instead",
    "Later",
    "Earlier",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Please",
    "Thanks",
    "Thank",
    "Let",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Can",
    "Could",
    "Would",
    "Should",
    "Will",
    "May",
    "Might",
    "Must",
    "Have",
    "Has",
    "Had",
];

/// Reporting verbs: `“Stop!” Smith said` keeps the quote and the attribution together.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "explains",
    "replied",
    "replies",
    "shouted",
    "yelled",
    "cried",
    "continued",
    "noted",
    "insisted",
    "warned",
    "recalled",
    "admitted",
    "argued",
    "claimed",
    "declared",
    "exclaimed",
    "whispered",
    "answered",
    "responded",
    "tweeted",
    "posted",
    "stated",
    "say",
    "ask",
    "tell",
    "thought",
    "thinks",
    "howled",
    "called",
    "screamed",
    "murmured",
    "muttered",
    "laughed",
    "sighed",
    "snapped",
    "agreed",
    "shrugged",
    "pleaded",
];

/// FNV-1a: the word lists hold short ASCII keys, for which SipHash is needlessly slow.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type WordSet = HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;

/// Every built-in abbreviation has at most this many bytes.
pub(crate) const ABBR_MAX_LEN: usize = 6;

pub(crate) const F_TITLE: u8 = 1;
pub(crate) const F_OTHER: u8 = 2;
pub(crate) const F_AMBIGUOUS: u8 = 4;
pub(crate) const F_BEFORE_NUMBER: u8 = 8;

pub(crate) struct Lexicon {
    /// Lowercase abbreviation stem -> F_TITLE | F_OTHER | F_AMBIGUOUS | F_BEFORE_NUMBER flags.
    pub(crate) abbr: HashMap<&'static str, u8, std::hash::BuildHasherDefault<Fnv>>,
    /// `abbr_pair[len][c0 - b'a']` has bit `c1 - b'a'` set when a key of `abbr` of `len`
    /// bytes starts with the letters `c0 c1` (all bits when its second byte is not a letter or
    /// it has one byte): a cheap filter before the hash lookup.
    pub(crate) abbr_pair: [[u32; 26]; ABBR_MAX_LEN + 1],
    pub(crate) cased: WordSet,
    /// [`CASED`] lower-cased, for text without capitals.
    pub(crate) cased_lower: HashSet<String, std::hash::BuildHasherDefault<Fnv>>,
    pub(crate) prefixes: WordSet,
    pub(crate) starters: WordSet,
    pub(crate) speech: WordSet,
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let set = |l: &[&'static str]| l.iter().copied().collect::<WordSet>();
        let mut abbr: HashMap<&'static str, u8, std::hash::BuildHasherDefault<Fnv>> =
            HashMap::default();
        for (list, flag) in [
            (TITLES, F_TITLE),
            (OTHERS, F_OTHER),
            (AMBIGUOUS_LOWER, F_AMBIGUOUS),
            (BEFORE_NUMBER, F_BEFORE_NUMBER),
        ] {
            for w in list {
                *abbr.entry(w).or_insert(0) |= flag;
            }
        }
        for w in CASED {
            // Cased forms need an entry under their lowercase stem too.
            let lw: &'static str = Box::leak(w.to_ascii_lowercase().into_boxed_str());
            abbr.entry(lw).or_insert(F_AMBIGUOUS);
        }
        let mut abbr_pair = [[0u32; 26]; ABBR_MAX_LEN + 1];
        for k in abbr.keys() {
            let kb = k.as_bytes();
            let len = kb.len().min(ABBR_MAX_LEN);
            match (kb[0], kb.get(1)) {
                (c0 @ b'a'..=b'z', Some(&c1 @ b'a'..=b'z')) => {
                    abbr_pair[len][usize::from(c0 - b'a')] |= 1 << (c1 - b'a');
                }
                (c0 @ b'a'..=b'z', _) => abbr_pair[len][usize::from(c0 - b'a')] = u32::MAX,
                // Not expected: disable the filter for this length.
                _ => abbr_pair[len] = [u32::MAX; 26],
            }
        }
        Lexicon {
            abbr,
            abbr_pair,
            cased: set(CASED),
            cased_lower: CASED.iter().map(|w| w.to_ascii_lowercase()).collect(),
            prefixes: set(HYPHEN_PREFIXES),
            starters: set(STARTERS),
            speech: set(SPEECH_VERBS),
        }
    })
}

/// Lowercases an ASCII word of at most 24 bytes into `buf`; `None` otherwise.
pub(crate) fn lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// Whether `text` is written without capitals (lower-cased or tokenized research text, chat):
/// fewer than one ASCII letter in 200 is upper-case, judged on the first 1 KiB (a document is
/// lower-cased as a whole or not at all). Capitals are then no cue for a sentence start, and
/// the scanner and the sentence pass take any word as a possible start where they would want
/// a capitalised one. Constant time: at most 1 KiB is read, with byte-wide counters.
pub(crate) fn caseless(text: &str) -> bool {
    let (mut up, mut lo) = (0usize, 0usize);
    let head = &text.as_bytes()[..text.len().min(1024)];
    for block in head.chunks(255) {
        let (mut u, mut l) = (0u8, 0u8);
        for &b in block {
            u += u8::from(b.wrapping_sub(b'A') < 26);
            l += u8::from(b.wrapping_sub(b'a') < 26);
        }
        up += usize::from(u);
        lo += usize::from(l);
    }
    lo > 0 && up * 200 < lo
}

/// Whether the ASCII word `w` (in any case) is one of the usual sentence starters
/// ([`STARTERS`]), compared with its first letter upper-cased and the rest as written.
pub(crate) fn is_starter_any_case(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 24 || !w.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 24];
    buf[..b.len()].copy_from_slice(b);
    buf[0] = buf[0].to_ascii_uppercase();
    std::str::from_utf8(&buf[..b.len()]).is_ok_and(|s| lexicon().starters.contains(s))
}
