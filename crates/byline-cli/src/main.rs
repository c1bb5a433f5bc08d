//! The `byline` command: see `byline --help`.

mod args;
mod conll;
mod jsonl;

use args::{Args, Command, Parsed};
use byline::{
    ClusterRecord, Document, EntityRecord, Pipeline, QuoteRecord, SummaryRecord, TextSpan,
    TokenRecord,
};
use serde::Serialize;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// The JSON object printed for one document: the fields of its command.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Output<'a> {
    Tokens {
        tokens: &'a [TokenRecord],
    },
    Sentences {
        sentences: &'a [TextSpan],
        paragraphs: &'a [TextSpan],
    },
    Entities {
        entities: &'a [EntityRecord],
        clusters: &'a [ClusterRecord],
    },
    Quotes {
        quotes: &'a [QuoteRecord],
    },
    Summary {
        summary: &'a [SummaryRecord],
    },
    Document(&'a Document),
}

impl<'a> Output<'a> {
    pub fn of(command: Command, doc: &'a Document) -> Output<'a> {
        match command {
            Command::Tokenize => Output::Tokens {
                tokens: doc.tokens.as_deref().unwrap_or(&[]),
            },
            Command::Sentences => Output::Sentences {
                sentences: &doc.sentences,
                paragraphs: &doc.paragraphs,
            },
            Command::Entities => Output::Entities {
                entities: &doc.entities,
                clusters: &doc.clusters,
            },
            Command::Quotes => Output::Quotes {
                quotes: &doc.quotes,
            },
            Command::Summarize => Output::Summary {
                summary: &doc.summary,
            },
            Command::Analyze => Output::Document(doc),
        }
    }
}

/// The pipeline that computes just what `args.command` prints.
pub fn pipeline_for(args: &Args) -> Pipeline {
    let c = args.command;
    let mut b = Pipeline::builder();
    b.tokens(c == Command::Tokenize || args.tokens)
        .entities(matches!(
            c,
            Command::Entities | Command::Quotes | Command::Analyze
        ))
        .quotes(matches!(c, Command::Quotes | Command::Analyze))
        .summary(matches!(c, Command::Summarize | Command::Analyze));
    if let Some(budget) = args.budget {
        b.budget(budget);
    }
    b.build()
}

/// Serializes `value` as one line (or indented, with `pretty`).
pub fn to_json<T: Serialize>(value: &T, pretty: bool) -> String {
    let r = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    // Serializing plain structs of strings and numbers cannot fail; keep going if it ever does.
    r.unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

/// Reads all of FILE (or stdin) as bytes, with an error that names the file.
pub fn read_input(file: Option<&Path>) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    match file {
        Some(p) => {
            buf = std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?
        }
        None => {
            io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    Ok(buf)
}

/// The name of the input for messages.
pub fn input_name(file: Option<&Path>) -> String {
    file.map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
}

/// Checks that `bytes` are UTF-8, naming the input and the byte offset of the first bad byte.
pub fn utf8<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, String> {
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: invalid UTF-8 at byte offset {}; byline reads UTF-8 text only (convert it \
             first, e.g. with iconv)",
            e.valid_up_to()
        )
    })
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("byline: {msg}");
    ExitCode::from(1)
}

/// Writes `s` and a newline; a closed pipe (`| head`) ends the program quietly.
pub fn write_line(out: &mut impl Write, s: &str) -> io::Result<()> {
    out.write_all(s.as_bytes())?;
    out.write_all(b"\n")
}

fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(Parsed::Run(a)) => a,
        Ok(Parsed::Help) => {
            print!("{}", args::HELP);
            return ExitCode::SUCCESS;
        }
        Ok(Parsed::Version) => {
            println!("byline {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("byline: {msg}");
            return ExitCode::from(2);
        }
    };
    let result = if args.jsonl {
        jsonl::run(&args)
    } else if args.conll {
        conll::run(&args)
    } else {
        single(&args)
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

fn single(args: &Args) -> io::Result<ExitCode> {
    let file = args.file.as_deref();
    let bytes = match read_input(file) {
        Ok(b) => b,
        Err(msg) => return Ok(fail(&msg)),
    };
    let text = match utf8(&bytes, &input_name(file)) {
        Ok(t) => t,
        Err(msg) => return Ok(fail(&msg)),
    };
    let doc = pipeline_for(args).analyze(text);
    let mut out = io::stdout().lock();
    write_line(
        &mut out,
        &to_json(&Output::of(args.command, &doc), args.pretty),
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
