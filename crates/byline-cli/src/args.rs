//! Command-line parsing (no dependency: the grammar is small and fixed).

use byline::summarize::Budget;
use std::path::PathBuf;

/// The global help page (`byline --help`).
pub const HELP: &str = "\
byline: read English news. Tokens, sentences, named entities, quotes with their speakers
and extractive summaries, as JSON with UTF-8 byte offsets into the input text.

USAGE:
    byline <COMMAND> [FILE] [OPTIONS]

    FILE is one article as UTF-8 text (or, with --jsonl, JSON lines {\"id\":..,\"text\":..}).
    Without FILE, or with FILE '-', the input is read from standard input.

COMMANDS:
    tokenize    {\"tokens\":[{\"start\",\"end\",\"text\",\"kind\"}]}
    sentences   {\"sentences\":[{\"start\",\"end\",\"text\"}],\"paragraphs\":[...]}
    entities    {\"entities\":[{\"start\",\"end\",\"text\",\"label\",\"cluster\"}],
                 \"clusters\":[{\"id\",\"name\",\"label\",\"mentions\"}]}
    quotes      {\"quotes\":[{\"start\",\"end\",\"text\",\"parts\",\"kind\",\"cue\",\"speaker\"}]}
    summarize   {\"summary\":[{\"start\",\"end\",\"text\",\"index\",\"score\"}]}
    analyze     the whole document: schema, paragraphs, sentences, [tokens], entities,
                clusters, quotes, summary

OPTIONS:
    --jsonl            input is JSON lines {\"id\":..,\"text\":..}; one output line per input
                       non-blank line, in order, with the same \"id\" (blank lines are
                       skipped); a bad line gives {\"id\":..,\"error\":\"..\"} and a non-zero
                       exit status at the end
    --threads N        worker threads for --jsonl (default: all cores; only with --jsonl)
    --pretty           indented JSON for humans (default: compact, one line; --jsonl
                       output stays one line per document)
    --conll            (entities) input is CoNLL-2003 columns; output is the same lines
                       with a predicted IOB2 tag appended
    --sentences N      (summarize, analyze) summary of N sentences (default 3)
    --ratio R          (summarize, analyze) summary of a share R in (0, 1] of the sentences
    --words W          (summarize, analyze) summary of at most W words
    --chars C          (summarize, analyze) summary of at most C characters
    --tokens           (analyze) include the tokens in the document
    -h, --help         this help; `byline <COMMAND> --help` for one command's options
    -V, --version      the version

EXAMPLES:
    byline analyze --pretty seeds/000_83454c8955081748.txt
    echo 'Putin said the talks were “useful”.' | byline quotes
    byline summarize --sentences 2 article.txt
    byline analyze --jsonl --threads 2 corpus.jsonl > analyses.jsonl
    byline entities --conll eng.testa > predicted.conll

EXIT STATUS:
    0 success; 1 an input could not be read or a --jsonl line had an error; 2 bad usage.
";

/// The subcommand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// `byline tokenize`
    Tokenize,
    /// `byline sentences`
    Sentences,
    /// `byline entities`
    Entities,
    /// `byline quotes`
    Quotes,
    /// `byline summarize`
    Summarize,
    /// `byline analyze`
    Analyze,
}

impl Command {
    /// The command named `s` on the command line.
    pub fn from_name(s: &str) -> Option<Command> {
        Some(match s {
            "tokenize" => Command::Tokenize,
            "sentences" => Command::Sentences,
            "entities" => Command::Entities,
            "quotes" => Command::Quotes,
            "summarize" => Command::Summarize,
            "analyze" => Command::Analyze,
            _ => return None,
        })
    }

    /// The help page of this command (`byline <command> --help`).
    pub fn help(self) -> String {
        let (name, what, out, options) = match self {
            Command::Tokenize => (
                "tokenize",
                "Words, numbers, punctuation, quote marks, URLs, e-mail addresses, handles and\n\
                 hashtags, with their UTF-8 byte offsets.",
                "{\"tokens\":[{\"start\",\"end\",\"text\",\"kind\"}]}",
                "",
            ),
            Command::Sentences => (
                "sentences",
                "Sentences and paragraphs (text separated by blank lines).",
                "{\"sentences\":[{\"start\",\"end\",\"text\"}],\"paragraphs\":[...]}",
                "",
            ),
            Command::Entities => (
                "entities",
                "People (PER), organisations (ORG), places (LOC) and other names (MISC), with the\n\
                 mentions of one entity grouped into a cluster.",
                "{\"entities\":[{\"start\",\"end\",\"text\",\"label\",\"cluster\"}],\n    \
                 \"clusters\":[{\"id\",\"name\",\"label\",\"mentions\"}]}",
                "    --conll            input is CoNLL-2003 columns; output is the same lines with a\n\
                 \x20                      predicted IOB2 tag appended\n",
            ),
            Command::Quotes => (
                "quotes",
                "Direct, mixed and reported quotes with their cue and speaker.",
                "{\"quotes\":[{\"start\",\"end\",\"text\",\"parts\",\"kind\",\"cue\",\"speaker\"}]}",
                "",
            ),
            Command::Summarize => (
                "summarize",
                "An extractive summary: the most central sentences, in text order.",
                "{\"summary\":[{\"start\",\"end\",\"text\",\"index\",\"score\"}]}",
                BUDGET_OPTIONS,
            ),
            Command::Analyze => (
                "analyze",
                "Everything at once, as one document.",
                "{\"schema\",\"paragraphs\",\"sentences\",[\"tokens\"],\"entities\",\"clusters\",\n    \
                 \"quotes\",\"summary\"}",
                "",
            ),
        };
        let mut options = options.to_string();
        if self == Command::Analyze {
            options.push_str(BUDGET_OPTIONS);
            options.push_str("    --tokens           include the tokens in the document\n");
        }
        format!(
            "byline {name}: {what}\n\nUSAGE:\n    byline {name} [FILE] [OPTIONS]\n\n    \
             FILE is one article as UTF-8 text (or, with --jsonl, JSON lines {{\"id\":..,\"text\":..}}).\n    \
             Without FILE, or with FILE '-', the input is read from standard input.\n\n\
             OUTPUT:\n    {out}\n    UTF-8 byte offsets into the input text.\n\n\
             OPTIONS:\n{options}{COMMON_OPTIONS}\n\
             See `byline --help` for all commands.\n"
        )
    }
}

const BUDGET_OPTIONS: &str = "    --sentences N      summary of N sentences (default 3)
    --ratio R          summary of a share R in (0, 1] of the sentences
    --words W          summary of at most W words
    --chars C          summary of at most C characters
";

const COMMON_OPTIONS: &str =
    "    --jsonl            input is JSON lines {\"id\":..,\"text\":..}; one output line per input
                       non-blank line, in order, with the same \"id\"; a bad line gives
                       {\"id\":..,\"error\":\"..\"} and exit status 1 at the end
    --threads N        worker threads for --jsonl (default: all cores; only with --jsonl)
    --pretty           indented JSON for humans (--jsonl output stays one line per document)
    -h, --help         this help
";

/// Everything the command line says.
#[derive(Clone, Debug)]
pub struct Args {
    /// The subcommand.
    pub command: Command,
    /// The input file; `None` for standard input.
    pub file: Option<PathBuf>,
    /// `--jsonl`
    pub jsonl: bool,
    /// `--conll`
    pub conll: bool,
    /// `--pretty`
    pub pretty: bool,
    /// `--tokens`
    pub tokens: bool,
    /// `--threads N`
    pub threads: Option<usize>,
    /// `--sentences`, `--ratio`, `--words` or `--chars`.
    pub budget: Option<Budget>,
}

/// What the command line asks for.
pub enum Parsed {
    /// Run a command.
    Run(Args),
    /// Print this help page and stop.
    Help(String),
    /// Print the version and stop.
    Version,
}

fn value<T: std::str::FromStr>(
    flag: &str,
    it: &mut impl Iterator<Item = String>,
) -> Result<T, String> {
    let v = it
        .next()
        .ok_or_else(|| format!("{flag} needs a value, e.g. `{flag} 3`"))?;
    v.parse()
        .map_err(|_| format!("{flag} got {v:?}, which is not a valid number"))
}

/// The summary budget of `flag`, with an error in command-line terms.
fn budget(flag: &str, it: &mut impl Iterator<Item = String>) -> Result<Budget, String> {
    let (b, fix) = match flag {
        "--ratio" => {
            let r: f32 = value(flag, it)?;
            (
                Budget::ratio(r),
                format!(
                    "--ratio {r} is out of range: give a share of the sentences greater than 0 \
                     and at most 1, e.g. `--ratio 0.2`"
                ),
            )
        }
        "--sentences" => (
            Budget::sentences(value(flag, it)?),
            "--sentences must be at least 1, e.g. `--sentences 3` (the default)".to_string(),
        ),
        "--words" => (
            Budget::words(value(flag, it)?),
            "--words must be at least 1, e.g. `--words 75`".to_string(),
        ),
        _ => (
            Budget::chars(value(flag, it)?),
            "--chars must be at least 1, e.g. `--chars 600`".to_string(),
        ),
    };
    b.map_err(|_| fix)
}

/// Parses the arguments after the program name.
pub fn parse(argv: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
    let argv: Vec<String> = argv.into_iter().collect();
    if argv
        .iter()
        .any(|a| matches!(a.as_str(), "-h" | "--help" | "help"))
    {
        // `byline quotes --help`, `byline help quotes`: that command's page.
        let page = argv
            .iter()
            .find_map(|a| Command::from_name(a))
            .map_or_else(|| HELP.to_string(), Command::help);
        return Ok(Parsed::Help(page));
    }
    let mut it = argv.into_iter();
    let mut command = None;
    let mut file: Option<PathBuf> = None;
    let mut a = Args {
        command: Command::Analyze,
        file: None,
        jsonl: false,
        conll: false,
        pretty: false,
        tokens: false,
        threads: None,
        budget: None,
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-V" | "--version" => return Ok(Parsed::Version),
            "--jsonl" => a.jsonl = true,
            "--conll" => a.conll = true,
            "--pretty" => a.pretty = true,
            "--tokens" => a.tokens = true,
            "--threads" => {
                let n: usize = value("--threads", &mut it)?;
                if n == 0 {
                    return Err("--threads must be at least 1".into());
                }
                a.threads = Some(n);
            }
            flag @ ("--sentences" | "--ratio" | "--words" | "--chars") => {
                let b = budget(flag, &mut it)?;
                if a.budget.is_some() {
                    return Err("give only one of --sentences, --ratio, --words, --chars".into());
                }
                a.budget = Some(b);
            }
            s if s.starts_with("--") => {
                return Err(format!("unknown option {s}; see `byline --help`"))
            }
            s if command.is_none() => {
                command = Some(Command::from_name(s).ok_or_else(|| {
                    format!(
                        "unknown command {s:?}; use one of tokenize, sentences, entities, quotes, \
                         summarize, analyze (see `byline --help`)"
                    )
                })?)
            }
            s if file.is_none() => file = Some(PathBuf::from(s)),
            s => return Err(format!("unexpected argument {s:?}: give at most one FILE")),
        }
    }
    a.command = command.ok_or("no command given; see `byline --help`")?;
    a.file = file.filter(|f| f.as_os_str() != "-");
    if a.conll && a.command != Command::Entities {
        return Err("--conll goes with the entities command".into());
    }
    if a.conll && a.jsonl {
        return Err("give either --conll or --jsonl, not both".into());
    }
    if a.threads.is_some() && !a.jsonl {
        return Err(
            "--threads goes with --jsonl: one document is analysed on one thread (add --jsonl \
             for a corpus of JSON lines, or drop --threads)"
                .into(),
        );
    }
    if a.budget.is_some() && !matches!(a.command, Command::Summarize | Command::Analyze) {
        return Err("--sentences/--ratio/--words/--chars go with summarize or analyze".into());
    }
    if a.tokens && a.command != Command::Analyze {
        return Err("--tokens goes with analyze (use `byline tokenize` for tokens alone)".into());
    }
    Ok(Parsed::Run(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Args, String> {
        match parse(args.iter().map(|s| s.to_string()))? {
            Parsed::Run(a) => Ok(a),
            _ => Err("not a run".into()),
        }
    }

    #[test]
    fn parses_commands_files_and_budgets() {
        let a = run(&["summarize", "a.txt", "--words", "50", "--pretty"]).unwrap();
        assert_eq!(a.command, Command::Summarize);
        assert_eq!(a.file.as_deref(), Some(std::path::Path::new("a.txt")));
        assert!(matches!(a.budget, Some(Budget::Words(50))));
        assert!(a.pretty && !a.jsonl);
        let a = run(&["analyze", "-", "--jsonl", "--threads", "2"]).unwrap();
        assert_eq!(a.file, None);
        assert_eq!(a.threads, Some(2));
    }

    #[test]
    fn rejects_bad_usage_with_a_reason() {
        assert!(run(&[]).unwrap_err().contains("no command"));
        assert!(run(&["frobnicate"])
            .unwrap_err()
            .contains("unknown command"));
        assert!(run(&["summarize", "--ratio", "1.5"])
            .unwrap_err()
            .contains("--ratio 1.5 is out of range"));
        assert!(run(&["summarize", "--sentences", "2", "--words", "3"])
            .unwrap_err()
            .contains("only one"));
        assert!(run(&["tokenize", "--conll"])
            .unwrap_err()
            .contains("entities"));
        assert!(run(&["tokenize", "a", "b"])
            .unwrap_err()
            .contains("at most one"));
        assert!(run(&["quotes", "--threads"])
            .unwrap_err()
            .contains("needs a value"));
    }
}
