//! The crate's word classes: one sorted table of lowercase words, each with the classes
//! (bit flags) it belongs to, looked up in a hash map built from it on first use (for a
//! document's tokens, once per token together with the cue lexicon: see `Lexicon::entry` and
//! `Ctx::is`). A unit test checks that the table is sorted and has no duplicates.

/// Auxiliaries and adverbs skipped between a source and its cue ("has also said").
pub(crate) const AUX: u16 = 1 << 0;
/// Ends a noun phrase when walking left from a cue.
pub(crate) const BOUNDARY: u16 = 1 << 1;
/// Ends a source found after its cue ("said Smith on Monday").
pub(crate) const AFTER_STOP: u16 = 1 << 2;
/// First word of a leading adverbial ("Earlier this year, ...", "In a statement, ...").
pub(crate) const LEADING_ADVERBIAL: u16 = 1 << 3;
/// Does not start a source mention.
pub(crate) const NOT_SOURCE_START: u16 = 1 << 4;
/// Does not end a source mention.
pub(crate) const NOT_SOURCE_END: u16 = 1 << 5;
/// A determiner or possessive ("the", "his", "every").
pub(crate) const DETERMINER: u16 = 1 << 6;
/// A verb whose object (the addressee) sits between the cue and the content ("told").
pub(crate) const ADDRESSEE_CUE: u16 = 1 << 7;
/// A personal pronoun that can be a source ("he", "they").
pub(crate) const PRONOUN: u16 = 1 << 8;
/// The noun of an anonymous source ("officials", "sources").
pub(crate) const ANON_HEAD: u16 = 1 << 9;
/// Opens a circumstance after a cue rather than what is reported ("said in a statement that
/// ...", "said on Monday").
pub(crate) const CIRCUMSTANCE: u16 = 1 << 10;
/// A verb of evidence that reports a finding when "that" follows ("shows", "found").
pub(crate) const EVIDENCE_CUE: u16 = 1 << 11;
/// First word of a line label before a colon that is not a source (`Update: ...`).
pub(crate) const SECTION_LABEL: u16 = 1 << 12;
/// A speech verb that is a cue in a headline, capitalised or not (`Mayor Warns ...`).
pub(crate) const HEADLINE_CUE: u16 = 1 << 13;
/// Never heads a cue on its own: a function word, adverb, noun or adjective that accompanies
/// the verb inside gold cue spans ("about", "statement").
pub(crate) const NOT_CUE_HEAD: u16 = 1 << 14;
/// A speech verb that reports a topic with its preposition ("called for", "spoke about"):
/// the verbs of [`crate::find::TOPIC_CUES`], not listed in [`WORDS`].
pub(crate) const TOPIC_VERB: u16 = 1 << 15;

/// Every word of a class, sorted by byte order, each once.
const WORDS: &[(&str, u16)] = &[
    ("a", NOT_SOURCE_END | DETERMINER | NOT_CUE_HEAD),
    ("about", AFTER_STOP | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("according", AFTER_STOP | NOT_CUE_HEAD),
    ("adding", AFTER_STOP),
    ("admit", HEADLINE_CUE),
    ("admits", HEADLINE_CUE),
    (
        "after",
        BOUNDARY | AFTER_STOP | LEADING_ADVERBIAL | NOT_SOURCE_START | CIRCUMSTANCE | NOT_CUE_HEAD,
    ),
    ("afternoon", AUX),
    ("again", AUX | NOT_CUE_HEAD),
    ("aide", ANON_HEAD),
    ("aides", ANON_HEAD),
    ("aim", NOT_CUE_HEAD),
    ("aimed", NOT_CUE_HEAD),
    ("all", NOT_CUE_HEAD),
    ("allegations", NOT_CUE_HEAD),
    ("along", NOT_SOURCE_START),
    ("already", AUX),
    (
        "also",
        AUX | LEADING_ADVERBIAL | NOT_SOURCE_START | SECTION_LABEL | NOT_CUE_HEAD,
    ),
    ("although", BOUNDARY | LEADING_ADVERBIAL),
    ("always", AUX),
    ("am", NOT_CUE_HEAD),
    ("amid", LEADING_ADVERBIAL),
    ("an", NOT_SOURCE_END | DETERMINER | NOT_CUE_HEAD),
    ("analysis", SECTION_LABEL),
    ("analysts", ANON_HEAD),
    (
        "and",
        BOUNDARY
            | AFTER_STOP
            | LEADING_ADVERBIAL
            | NOT_SOURCE_START
            | NOT_SOURCE_END
            | NOT_CUE_HEAD,
    ),
    ("announce", HEADLINE_CUE),
    ("announces", HEADLINE_CUE),
    ("any", DETERMINER),
    ("appeared", NOT_CUE_HEAD),
    ("appears", NOT_CUE_HEAD),
    ("appointed", NOT_CUE_HEAD),
    (
        "are",
        AUX | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("argue", HEADLINE_CUE),
    ("argues", HEADLINE_CUE),
    (
        "as",
        BOUNDARY | AFTER_STOP | LEADING_ADVERBIAL | NOT_SOURCE_START | NOT_CUE_HEAD,
    ),
    ("ask", ADDRESSEE_CUE),
    ("asked", LEADING_ADVERBIAL | ADDRESSEE_CUE),
    ("asking", ADDRESSEE_CUE),
    ("asks", ADDRESSEE_CUE),
    ("assertion", NOT_CUE_HEAD),
    ("assumption", NOT_CUE_HEAD),
    ("assured", ADDRESSEE_CUE),
    (
        "at",
        AFTER_STOP
            | LEADING_ADVERBIAL
            | NOT_SOURCE_START
            | NOT_SOURCE_END
            | CIRCUMSTANCE
            | NOT_CUE_HEAD,
    ),
    ("aware", NOT_CUE_HEAD),
    ("back", NOT_CUE_HEAD),
    ("backed", NOT_CUE_HEAD),
    ("backing", NOT_CUE_HEAD),
    ("be", AUX | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD),
    ("because", BOUNDARY | AFTER_STOP),
    (
        "been",
        AUX | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    (
        "before",
        BOUNDARY | AFTER_STOP | LEADING_ADVERBIAL | NOT_SOURCE_START | CIRCUMSTANCE | NOT_CUE_HEAD,
    ),
    ("being", NOT_CUE_HEAD),
    ("belief", NOT_CUE_HEAD),
    ("besides", LEADING_ADVERBIAL),
    ("breaking", SECTION_LABEL),
    (
        "but",
        BOUNDARY | AFTER_STOP | LEADING_ADVERBIAL | NOT_SOURCE_START | NOT_CUE_HEAD,
    ),
    (
        "by",
        LEADING_ADVERBIAL | NOT_SOURCE_START | NOT_SOURCE_END | SECTION_LABEL | NOT_CUE_HEAD,
    ),
    ("came", NOT_CUE_HEAD),
    ("can", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("cast", NOT_CUE_HEAD),
    ("chants", NOT_CUE_HEAD),
    ("claim", HEADLINE_CUE),
    ("claims", HEADLINE_CUE),
    ("clarification", SECTION_LABEL),
    ("come", NOT_CUE_HEAD),
    ("complaints", NOT_CUE_HEAD),
    ("concern", NOT_CUE_HEAD),
    ("confident", NOT_CUE_HEAD),
    ("confirm", HEADLINE_CUE),
    ("confirms", HEADLINE_CUE),
    ("considered", NOT_CUE_HEAD),
    ("considering", NOT_CUE_HEAD),
    ("contact", SECTION_LABEL),
    ("convinced", ADDRESSEE_CUE | NOT_CUE_HEAD),
    ("correction", SECTION_LABEL),
    ("could", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("credit", SECTION_LABEL),
    ("criticism", NOT_CUE_HEAD),
    ("critics", ANON_HEAD),
    ("critique", NOT_CUE_HEAD),
    ("decided", NOT_CUE_HEAD),
    ("demands", NOT_CUE_HEAD),
    ("demonstrate", EVIDENCE_CUE),
    ("demonstrated", EVIDENCE_CUE),
    ("demonstrates", EVIDENCE_CUE),
    ("denies", HEADLINE_CUE),
    ("deny", HEADLINE_CUE),
    ("desire", NOT_CUE_HEAD),
    ("despite", LEADING_ADVERBIAL),
    ("devoted", NOT_CUE_HEAD),
    ("did", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("diplomat", ANON_HEAD),
    ("diplomats", ANON_HEAD),
    ("disclaimer", SECTION_LABEL),
    ("discuss", NOT_CUE_HEAD),
    ("discussed", NOT_CUE_HEAD),
    ("do", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("does", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("doubts", NOT_CUE_HEAD),
    ("down", NOT_CUE_HEAD),
    ("during", AFTER_STOP | LEADING_ADVERBIAL | CIRCUMSTANCE),
    ("each", DETERMINER),
    ("eager", NOT_CUE_HEAD),
    (
        "earlier",
        AUX | AFTER_STOP | LEADING_ADVERBIAL | CIRCUMSTANCE,
    ),
    ("editor", SECTION_LABEL),
    ("editors", SECTION_LABEL),
    ("email", SECTION_LABEL),
    ("endorse", NOT_CUE_HEAD),
    ("endorsed", NOT_CUE_HEAD),
    ("endorses", NOT_CUE_HEAD),
    ("endorsing", NOT_CUE_HEAD),
    ("estimates", NOT_CUE_HEAD),
    ("even", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("evening", AUX),
    ("evenly", NOT_CUE_HEAD),
    ("ever", AUX),
    ("every", DETERMINER),
    ("exclusive", SECTION_LABEL),
    ("expected", NOT_CUE_HEAD),
    ("experts", ANON_HEAD),
    ("explainer", SECTION_LABEL),
    ("factbox", SECTION_LABEL),
    ("favor", NOT_CUE_HEAD),
    ("fears", NOT_CUE_HEAD),
    ("filed", SECTION_LABEL),
    ("find", EVIDENCE_CUE),
    ("finds", EVIDENCE_CUE),
    ("first", AUX),
    ("focused", NOT_CUE_HEAD),
    ("follow", SECTION_LABEL),
    ("following", LEADING_ADVERBIAL | NOT_CUE_HEAD),
    ("follows", NOT_CUE_HEAD),
    ("footage", NOT_CUE_HEAD),
    (
        "for",
        LEADING_ADVERBIAL | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("found", EVIDENCE_CUE | NOT_CUE_HEAD),
    ("friday", AUX | AFTER_STOP),
    (
        "from",
        LEADING_ADVERBIAL | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("further", AUX),
    ("gave", NOT_CUE_HEAD),
    ("get", NOT_CUE_HEAD),
    ("give", NOT_CUE_HEAD),
    ("given", NOT_CUE_HEAD),
    ("go", NOT_CUE_HEAD),
    ("going", NOT_CUE_HEAD),
    ("got", NOT_CUE_HEAD),
    (
        "had",
        AUX | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("harsh", NOT_CUE_HEAD),
    (
        "has",
        AUX | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    (
        "have",
        AUX | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("having", NOT_CUE_HEAD),
    ("he", PRONOUN | NOT_CUE_HEAD),
    ("her", NOT_SOURCE_END | DETERMINER | NOT_CUE_HEAD),
    ("here", NOT_SOURCE_START | NOT_CUE_HEAD),
    ("hints", NOT_CUE_HEAD),
    ("his", NOT_SOURCE_END | DETERMINER | NOT_CUE_HEAD),
    ("hopeful", NOT_CUE_HEAD),
    ("how", BOUNDARY | NOT_CUE_HEAD),
    ("however", LEADING_ADVERBIAL),
    ("i", PRONOUN | NOT_CUE_HEAD),
    (
        "if",
        BOUNDARY | LEADING_ADVERBIAL | NOT_SOURCE_START | NOT_CUE_HEAD,
    ),
    ("impassioned", NOT_CUE_HEAD),
    (
        "in",
        AFTER_STOP
            | LEADING_ADVERBIAL
            | NOT_SOURCE_START
            | NOT_SOURCE_END
            | CIRCUMSTANCE
            | NOT_CUE_HEAD,
    ),
    ("including", NOT_CUE_HEAD),
    ("indicate", EVIDENCE_CUE),
    ("indicated", EVIDENCE_CUE | NOT_CUE_HEAD),
    ("indicates", EVIDENCE_CUE),
    ("informed", ADDRESSEE_CUE),
    ("initially", AUX),
    ("insider", ANON_HEAD),
    ("insiders", ANON_HEAD),
    ("insist", HEADLINE_CUE),
    ("insists", HEADLINE_CUE),
    ("instead", LEADING_ADVERBIAL),
    ("intended", NOT_CUE_HEAD),
    ("into", NOT_SOURCE_START | NOT_CUE_HEAD),
    ("introduced", NOT_CUE_HEAD),
    ("is", AUX | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD),
    ("issued", NOT_CUE_HEAD),
    ("it", PRONOUN | NOT_CUE_HEAD),
    ("its", NOT_SOURCE_END | DETERMINER | NOT_CUE_HEAD),
    ("just", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("keep", NOT_CUE_HEAD),
    ("kept", NOT_CUE_HEAD),
    ("knew", NOT_CUE_HEAD),
    ("know", NOT_CUE_HEAD),
    ("known", NOT_CUE_HEAD),
    ("laid", NOT_CUE_HEAD),
    ("last", AUX | AFTER_STOP | LEADING_ADVERBIAL | CIRCUMSTANCE),
    ("later", AUX | AFTER_STOP | LEADING_ADVERBIAL | CIRCUMSTANCE),
    ("learned", NOT_CUE_HEAD),
    ("let", NOT_CUE_HEAD),
    ("like", LEADING_ADVERBIAL | NOT_CUE_HEAD),
    ("listed", NOT_CUE_HEAD),
    ("listen", SECTION_LABEL),
    ("lists", NOT_CUE_HEAD),
    ("live", SECTION_LABEL),
    ("long", AUX),
    ("look", NOT_CUE_HEAD),
    ("looked", NOT_CUE_HEAD),
    ("looking", NOT_CUE_HEAD),
    ("made", NOT_CUE_HEAD),
    ("make", NOT_CUE_HEAD),
    ("many", ANON_HEAD),
    ("may", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("meanwhile", LEADING_ADVERBIAL),
    ("mention", NOT_CUE_HEAD),
    ("might", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("monday", AUX | AFTER_STOP),
    ("more", SECTION_LABEL | NOT_CUE_HEAD),
    ("morning", AUX),
    ("most", NOT_CUE_HEAD),
    ("must", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("my", NOT_SOURCE_END | DETERMINER),
    ("n't", AUX),
    ("named", NOT_CUE_HEAD),
    ("never", AUX),
    ("night", AUX),
    ("no", DETERMINER | NOT_CUE_HEAD),
    ("nominated", NOT_CUE_HEAD),
    ("nor", BOUNDARY),
    ("not", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("note", SECTION_LABEL),
    ("now", AUX | LEADING_ADVERBIAL | NOT_CUE_HEAD),
    ("observers", ANON_HEAD),
    ("of", NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD),
    ("off", NOT_CUE_HEAD),
    ("offer", NOT_CUE_HEAD),
    ("offered", NOT_CUE_HEAD),
    ("official", ANON_HEAD),
    ("officials", ANON_HEAD),
    ("often", AUX),
    (
        "on",
        AUX | AFTER_STOP
            | LEADING_ADVERBIAL
            | NOT_SOURCE_START
            | NOT_SOURCE_END
            | CIRCUMSTANCE
            | NOT_CUE_HEAD,
    ),
    ("once", AUX | LEADING_ADVERBIAL),
    ("only", AUX | NOT_SOURCE_START),
    ("opinion", SECTION_LABEL),
    ("oppose", NOT_CUE_HEAD),
    ("opposed", NOT_CUE_HEAD),
    ("opposes", NOT_CUE_HEAD),
    (
        "or",
        BOUNDARY | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("ordered", NOT_CUE_HEAD),
    ("others", ANON_HEAD),
    ("our", NOT_SOURCE_END | DETERMINER),
    ("out", NOT_SOURCE_START | NOT_CUE_HEAD),
    ("over", LEADING_ADVERBIAL | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("passed", NOT_CUE_HEAD),
    ("people", ANON_HEAD),
    ("person", ANON_HEAD),
    ("persuaded", ADDRESSEE_CUE),
    ("photo", SECTION_LABEL),
    ("photos", SECTION_LABEL),
    ("podcast", SECTION_LABEL),
    ("polls", ANON_HEAD),
    ("posted", SECTION_LABEL | NOT_CUE_HEAD),
    ("predict", HEADLINE_CUE),
    ("predicts", HEADLINE_CUE),
    ("presented", NOT_CUE_HEAD),
    ("previously", AUX),
    ("privately", AUX | CIRCUMSTANCE),
    ("promised", ADDRESSEE_CUE),
    ("publicly", AUX | CIRCUMSTANCE),
    ("published", SECTION_LABEL),
    ("pushed", NOT_CUE_HEAD),
    ("pushing", NOT_CUE_HEAD),
    ("put", NOT_CUE_HEAD),
    ("quick", NOT_CUE_HEAD),
    ("quiz", SECTION_LABEL),
    ("read", SECTION_LABEL | NOT_CUE_HEAD),
    ("reads", NOT_CUE_HEAD),
    ("recently", AUX | CIRCUMSTANCE),
    ("reference", NOT_CUE_HEAD),
    ("regarding", NOT_CUE_HEAD),
    ("related", SECTION_LABEL),
    ("released", NOT_CUE_HEAD),
    ("reluctant", NOT_CUE_HEAD),
    ("reminded", ADDRESSEE_CUE),
    ("repeatedly", AUX | CIRCUMSTANCE),
    ("reportedly", AUX),
    ("reports", ANON_HEAD),
    ("residents", ANON_HEAD),
    ("respond", NOT_CUE_HEAD),
    ("reveal", HEADLINE_CUE),
    ("reveals", HEADLINE_CUE),
    ("review", SECTION_LABEL),
    ("ruled", NOT_CUE_HEAD),
    ("s", NOT_CUE_HEAD),
    ("said", BOUNDARY | HEADLINE_CUE),
    ("saturday", AUX | AFTER_STOP),
    ("saw", NOT_CUE_HEAD),
    ("say", BOUNDARY | HEADLINE_CUE),
    ("says", BOUNDARY | HEADLINE_CUE),
    ("see", SECTION_LABEL | NOT_CUE_HEAD),
    ("seeking", NOT_CUE_HEAD),
    ("seeks", NOT_CUE_HEAD),
    ("seem", NOT_CUE_HEAD),
    ("seemed", NOT_CUE_HEAD),
    ("seems", NOT_CUE_HEAD),
    ("set", NOT_CUE_HEAD),
    ("shall", NOT_CUE_HEAD),
    ("shared", NOT_CUE_HEAD),
    ("she", PRONOUN | NOT_CUE_HEAD),
    ("should", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    ("show", EVIDENCE_CUE | NOT_CUE_HEAD),
    ("showed", EVIDENCE_CUE | NOT_CUE_HEAD),
    ("shown", EVIDENCE_CUE | NOT_CUE_HEAD),
    ("shows", EVIDENCE_CUE | NOT_CUE_HEAD),
    ("signed", NOT_CUE_HEAD),
    ("since", BOUNDARY | LEADING_ADVERBIAL | CIRCUMSTANCE),
    ("skeptical", NOT_CUE_HEAD),
    (
        "so",
        BOUNDARY | LEADING_ADVERBIAL | NOT_SOURCE_START | NOT_CUE_HEAD,
    ),
    ("some", DETERMINER | ANON_HEAD | NOT_CUE_HEAD),
    ("someone", ANON_HEAD),
    ("sought", NOT_CUE_HEAD),
    ("source", ANON_HEAD | SECTION_LABEL),
    ("sources", ANON_HEAD | SECTION_LABEL),
    ("speaking", LEADING_ADVERBIAL),
    ("speculation", NOT_CUE_HEAD),
    ("spoke", NOT_CUE_HEAD),
    ("spokesman", ANON_HEAD),
    ("spokesperson", ANON_HEAD),
    ("spokeswoman", ANON_HEAD),
    ("statement", NOT_CUE_HEAD),
    ("still", AUX | LEADING_ADVERBIAL | NOT_CUE_HEAD),
    ("studies", ANON_HEAD),
    ("subscribe", SECTION_LABEL),
    ("suggestion", NOT_CUE_HEAD),
    ("sunday", AUX | AFTER_STOP),
    ("supported", NOT_CUE_HEAD),
    ("supporters", ANON_HEAD),
    ("supporting", NOT_CUE_HEAD),
    ("supportive", NOT_CUE_HEAD),
    ("supports", NOT_CUE_HEAD),
    ("t", NOT_CUE_HEAD),
    ("tags", SECTION_LABEL),
    ("take", NOT_CUE_HEAD),
    ("talked", NOT_CUE_HEAD),
    ("talking", NOT_CUE_HEAD),
    ("talks", NOT_CUE_HEAD),
    ("tell", ADDRESSEE_CUE | HEADLINE_CUE),
    ("telling", ADDRESSEE_CUE),
    ("tells", ADDRESSEE_CUE | HEADLINE_CUE),
    ("than", BOUNDARY | NOT_SOURCE_START | NOT_CUE_HEAD),
    (
        "that",
        BOUNDARY | AFTER_STOP | NOT_SOURCE_START | NOT_SOURCE_END | DETERMINER | NOT_CUE_HEAD,
    ),
    ("the", NOT_SOURCE_END | DETERMINER | NOT_CUE_HEAD),
    ("their", NOT_SOURCE_END | DETERMINER | NOT_CUE_HEAD),
    (
        "then",
        AUX | LEADING_ADVERBIAL | NOT_SOURCE_START | NOT_CUE_HEAD,
    ),
    ("there", NOT_SOURCE_START | NOT_CUE_HEAD),
    ("these", DETERMINER),
    ("they", PRONOUN | NOT_CUE_HEAD),
    ("think", NOT_CUE_HEAD),
    (
        "this",
        AUX | AFTER_STOP | LEADING_ADVERBIAL | DETERMINER | NOT_CUE_HEAD,
    ),
    ("those", DETERMINER),
    ("though", BOUNDARY | LEADING_ADVERBIAL),
    ("thought", NOT_CUE_HEAD),
    ("through", AFTER_STOP | NOT_CUE_HEAD),
    ("throughout", LEADING_ADVERBIAL),
    ("thursday", AUX | AFTER_STOP),
    ("timeline", SECTION_LABEL),
    ("titled", NOT_CUE_HEAD),
    (
        "to",
        AFTER_STOP | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("today", AUX | AFTER_STOP | LEADING_ADVERBIAL | CIRCUMSTANCE),
    ("told", ADDRESSEE_CUE | HEADLINE_CUE),
    ("tonight", AUX | AFTER_STOP | CIRCUMSTANCE),
    ("took", NOT_CUE_HEAD),
    ("topics", SECTION_LABEL),
    ("tuesday", AUX | AFTER_STOP),
    ("unclear", NOT_CUE_HEAD),
    ("under", LEADING_ADVERBIAL),
    ("unless", BOUNDARY),
    ("unlike", LEADING_ADVERBIAL),
    ("until", BOUNDARY | LEADING_ADVERBIAL),
    ("up", NOT_SOURCE_START | NOT_CUE_HEAD),
    ("update", SECTION_LABEL),
    ("updated", SECTION_LABEL),
    ("upset", NOT_CUE_HEAD),
    ("urge", HEADLINE_CUE),
    ("urged", ADDRESSEE_CUE),
    ("urges", HEADLINE_CUE),
    ("urging", ADDRESSEE_CUE),
    ("using", NOT_CUE_HEAD),
    ("very", NOT_CUE_HEAD),
    ("via", AFTER_STOP),
    ("video", SECTION_LABEL),
    ("videos", SECTION_LABEL),
    ("vocal", NOT_CUE_HEAD),
    ("voted", NOT_CUE_HEAD),
    ("vow", HEADLINE_CUE),
    ("vows", HEADLINE_CUE),
    ("want", NOT_CUE_HEAD),
    ("wanted", NOT_CUE_HEAD),
    ("wants", NOT_CUE_HEAD),
    ("warn", HEADLINE_CUE),
    ("warned", ADDRESSEE_CUE | HEADLINE_CUE),
    ("warning", ADDRESSEE_CUE | SECTION_LABEL),
    ("warns", HEADLINE_CUE),
    ("wary", NOT_CUE_HEAD),
    (
        "was",
        AUX | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("watch", SECTION_LABEL),
    ("we", PRONOUN | NOT_CUE_HEAD),
    ("wednesday", AUX | AFTER_STOP),
    ("week", AUX),
    ("went", NOT_CUE_HEAD),
    (
        "were",
        AUX | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("what", BOUNDARY | NOT_SOURCE_START | NOT_CUE_HEAD),
    (
        "when",
        BOUNDARY | AFTER_STOP | LEADING_ADVERBIAL | NOT_SOURCE_START | CIRCUMSTANCE | NOT_CUE_HEAD,
    ),
    ("where", BOUNDARY | NOT_SOURCE_START),
    ("whether", BOUNDARY),
    (
        "which",
        BOUNDARY | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    (
        "while",
        BOUNDARY | AFTER_STOP | LEADING_ADVERBIAL | NOT_SOURCE_START | CIRCUMSTANCE | NOT_CUE_HEAD,
    ),
    (
        "who",
        BOUNDARY | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("whom", BOUNDARY),
    ("whose", BOUNDARY),
    ("why", BOUNDARY | NOT_CUE_HEAD),
    ("will", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    (
        "with",
        LEADING_ADVERBIAL | NOT_SOURCE_START | NOT_SOURCE_END | NOT_CUE_HEAD,
    ),
    ("within", LEADING_ADVERBIAL),
    ("without", LEADING_ADVERBIAL),
    ("witnesses", ANON_HEAD),
    ("worries", NOT_CUE_HEAD),
    ("would", AUX | NOT_SOURCE_START | NOT_CUE_HEAD),
    (
        "yesterday",
        AUX | AFTER_STOP | LEADING_ADVERBIAL | CIRCUMSTANCE,
    ),
    ("yet", BOUNDARY | LEADING_ADVERBIAL),
    ("you", PRONOUN | NOT_CUE_HEAD),
    ("your", NOT_SOURCE_END | DETERMINER),
];

/// The classes of a lowercase word (0 when it is in none).
pub(crate) fn classes(word: &str) -> u16 {
    // (every word of the table starts with a lower-case ASCII letter: punctuation, numbers
    // and the like are rejected without a look-up)
    if !word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return 0;
    }
    // (a hash map: a binary search over the table, ten string comparisons a token, was a
    // quarter of the finder's time)
    index().get(word).copied().unwrap_or(0)
}

/// Every word with a class and its classes: the table, and [`TOPIC_VERB`] for the topic
/// verbs. Built on first use.
pub(crate) fn index() -> &'static WordMap<&'static str, u16> {
    static INDEX: std::sync::OnceLock<WordMap<&'static str, u16>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: WordMap<&'static str, u16> = WORDS.iter().copied().collect();
        for &(verb, _) in crate::find::TOPIC_CUES {
            *index.entry(verb).or_insert(0) |= TOPIC_VERB;
        }
        index
    })
}

/// A hash for short words that takes eight bytes a step (a multiply-rotate in the manner of
/// FxHash, with the high half folded into the low bits the table indexes by), several times
/// cheaper than the standard library's SipHash and than a byte-at-a-time FNV. Only for maps
/// whose keys are fixed word tables (this one, the cue lexicon): a document's words are
/// looked up in them, never inserted, so no input can pile up collisions.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = 0u64;
            for (k, &b) in rest.iter().enumerate() {
                w |= u64::from(b) << (8 * k);
            }
            self.add(w);
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b) | 0x100);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// A map from a fixed word table, hashed with [`WordHasher`].
pub(crate) type WordMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

/// Whether a lowercase word belongs to any of the classes in `class`.
pub(crate) fn word_is(word: &str, class: u16) -> bool {
    classes(word) & class != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_without_duplicates() {
        for pair in WORDS.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "{:?} must come before {:?}",
                pair[1].0,
                pair[0].0
            );
        }
    }

    #[test]
    fn words_are_lowercase_and_classed() {
        for (w, c) in WORDS {
            assert_eq!(w.to_lowercase(), *w);
            assert!(w.as_bytes()[0].is_ascii_lowercase(), "{w:?}");
            assert!(!w.is_empty() && *c != 0, "{w:?}");
        }
    }

    #[test]
    fn lookup_finds_each_class() {
        assert!(word_is("had", AUX));
        assert!(word_is("the", DETERMINER | NOT_SOURCE_END));
        assert!(!word_is("the", AUX));
        assert!(word_is("sources", ANON_HEAD | SECTION_LABEL));
        assert!(word_is("announces", HEADLINE_CUE));
        assert!(word_is("statement", NOT_CUE_HEAD));
        assert_eq!(classes("zebra"), 0);
        assert_eq!(classes(""), 0);
        assert_eq!(classes("The"), 0);
    }
}
