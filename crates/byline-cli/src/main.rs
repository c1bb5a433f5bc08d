//! The `byline` command: see `byline --help`.

use byline::Pipeline;
use byline_cli::args::{self, Args, Command, Parsed};
use byline_cli::output::{input_name, read_input, utf8, write_json, Output};
use byline_cli::{conll, jsonl};
use std::io::{self, Write};
use std::process::ExitCode;

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

fn fail(msg: &str) -> ExitCode {
    eprintln!("byline: {msg}");
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(Parsed::Run(a)) => a,
        Ok(Parsed::Help(page)) => {
            print!("{page}");
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
        jsonl::run(&args, &pipeline_for(&args))
    } else if args.conll {
        conll::run(&args)
    } else {
        single(&args)
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`| head`) ends the program quietly.
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
    let doc = pipeline_for(args).analyze_view(text);
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    write_json(&mut out, &Output::of(args.command, &doc), args.pretty)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
