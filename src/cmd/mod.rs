//! The command line: one file per command, all sharing this file's
//! argument parsing, diagnostics printer and exit codes (0 success, 1
//! content or build errors, 2 wrong usage). `main.rs` only calls [`main`].

mod build;
mod check;
mod dossier;
mod explain;
mod help;
mod import;
pub mod lang;
mod new;
mod report;
mod schema;
mod serve;

use crate::base::diag::{self, Diagnostic};
use crate::base::i18n::{Lang, Msg};
use crate::error::Error;
use crate::msg;
use crate::pipeline::Today;
use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use std::io::IsTerminal;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

// The help of every command and option is in the catalog
// (`locales/*/cli.ftl`, see `help.rs`), in both languages; none is written
// here.
#[derive(Parser)]
#[command(name = "kiemchung", version, propagate_version = true)]
struct Cli {
    /// Chosen before parsing (`lang.rs`); declared so that it is accepted
    /// anywhere and shown in the help.
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

/// The language of this run, chosen once in [`main`] before the command
/// line is parsed: the value parsers' errors need it.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

fn parse_today(s: &str) -> Result<Date, String> {
    crate::base::vi::parse_date(s).map_err(|e| e.text(lang()))
}

/// A malformed `--base-url` is wrong usage (exit 2), like a bad `--today`.
fn parse_base_url(s: &str) -> Result<String, String> {
    crate::load::config::split_base_url(s)
        .map(|_| s.to_string())
        .map_err(|m| m.text(lang()))
}

fn parse_bind(s: &str) -> Result<IpAddr, String> {
    if s.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    }
    s.parse()
        .map_err(|_| msg!("cli-bad-bind", value = s).text(lang()))
}

#[derive(Subcommand)]
enum Command {
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long, value_parser = parse_base_url)]
        base_url: Option<String>,
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
        #[arg(long)]
        review: bool,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        no_wait: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        strict: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
    },
    Report {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value_t = report::ReportFormat::Text)]
        format: report::ReportFormat,
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
    },
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value = "127.0.0.1", value_parser = parse_bind)]
        bind: IpAddr,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long)]
        poll: bool,
        #[arg(long)]
        public: bool,
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
    },
    Dossier {
        year: i32,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
    },
    Import {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        year: i32,
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
        #[arg(long)]
        dry_run: bool,
    },
    Schema {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    New {
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
        #[command(subcommand)]
        what: new::NewWhat,
    },
    Explain {
        code: Option<String>,
    },
    /// `kiemchung help [command]`: the help of the program or of a command
    /// (clap's own help command is turned off: its text is English).
    Help {
        command: Vec<String>,
    },
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// What every command's output depends on besides its arguments.
pub struct Context {
    /// Colour in the diagnostics (a terminal, and no `NO_COLOR`).
    pub color: bool,
    /// The language of everything the command says ([`lang`](self::lang)).
    pub lang: Lang,
}

/// `--today`, or the day the build runs ([`Today::Now`]: SOURCE_DATE_EPOCH,
/// else the clock in the site's time zone).
fn today_or(d: Option<Date>) -> Today {
    d.map_or(Today::Now, Today::On)
}

/// Prints diagnostics to standard error, buffered (see
/// [`diag::print_all`]).
fn print_diagnostics(diags: &[Diagnostic], cx: &Context) {
    diag::print_all(diags, cx.color, cx.lang);
}

/// (errors, warnings)
fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let e = diags.iter().filter(|d| d.is_error()).count();
    (e, diags.len() - e)
}

/// Prints a line of the terminal in the reader's language (a closed
/// standard output, `| head`, is no reason to panic).
fn say(cx: &Context, m: Msg) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{}", m.text(cx.lang));
}

/// Prints a line to standard error in the reader's language.
fn tell(cx: &Context, m: Msg) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{}", m.text(cx.lang));
}

/// `error: …`, `warning[W814]: …`: a line labelled as the diagnostics are,
/// with the code when there is one.
fn labelled(cx: &Context, label: Msg, code: Option<&str>, m: &Msg) -> String {
    let label = label.text(cx.lang);
    match code {
        Some(c) => format!("{label}[{c}]: {}", m.text(cx.lang)),
        None => format!("{label}: {}", m.text(cx.lang)),
    }
}

/// `  = note: …` (or `help`) under an error or a warning.
fn under(cx: &Context, label: Msg, m: &Msg) {
    eprintln!("  = {}: {}", label.text(cx.lang), m.text(cx.lang));
}

/// Prints an error that ends a command (its diagnostics first, if it has
/// any), with its code, notes and help; exit code 1.
fn fail(cx: &Context, e: &Error) -> ExitCode {
    print_diagnostics(e.diagnostics(), cx);
    eprintln!(
        "{}",
        labelled(cx, msg!("label-error"), e.code(), &e.message())
    );
    for note in e.notes() {
        under(cx, msg!("label-note"), &note);
    }
    if let Some(help) = e.help() {
        under(cx, msg!("label-help"), &help);
    }
    ExitCode::from(1)
}

/// Parses the command line and runs the command: the whole program.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = *LANG.get_or_init(|| lang::choose(&args));
    let cli = match parse(&args, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let cx = Context {
        color: std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal(),
        lang,
    };
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            today,
            review,
            force,
            no_wait,
        } => build::run(
            &cx,
            build::Args {
                root,
                output,
                base_url,
                today: today_or(today),
                review,
                force,
                no_wait,
            },
        ),
        Command::Check {
            root,
            strict,
            format,
            today,
        } => check::run(&cx, root, strict, format == Format::Json, today_or(today)),
        Command::Report {
            root,
            year,
            format,
            today,
        } => report::run(&cx, root, year, format, today_or(today)),
        Command::Serve {
            root,
            bind,
            port,
            poll,
            public,
            today,
        } => serve::run(&cx, root, bind, port, poll, public, today_or(today)),
        Command::Dossier {
            year,
            root,
            output,
            today,
        } => dossier::run(&cx, root, year, output, today_or(today)),
        Command::New { root, what } => new::run(&cx, &root, what),
        Command::Import {
            root,
            year,
            file,
            sheet,
            dry_run,
        } => import::run(
            &cx,
            &crate::scaffold::import::Args {
                root,
                year,
                file,
                sheet,
                dry_run,
            },
        ),
        Command::Schema { root, output } => schema::run(&cx, &root, output),
        Command::Explain { code } => explain::run(&cx, code.as_deref()),
        Command::Help { command } => print_help(&command, lang),
    }
}

/// The command line in `lang`; `--help`, `--version` and usage errors are
/// printed here, and end the program with their exit code (0 for help,
/// 2 for wrong usage).
fn parse(args: &[std::ffi::OsString], lang: Lang) -> Result<Cli, ExitCode> {
    use clap::{CommandFactory, FromArgMatches};
    let command = help::localize(Cli::command(), lang);
    let matches = command.try_get_matches_from(args).map_err(|e| {
        use clap::error::ErrorKind;
        match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                print!("{}", help::words(&e.render().to_string(), lang));
                ExitCode::SUCCESS
            }
            _ => {
                eprint!("{}", help::error(&e, lang));
                ExitCode::from(2)
            }
        }
    })?;
    Cli::from_arg_matches(&matches).map_err(|e| {
        eprint!("{}", help::error(&e, lang));
        ExitCode::from(2)
    })
}

/// `kiemchung help [command…]`.
fn print_help(path: &[String], lang: Lang) -> ExitCode {
    use clap::CommandFactory;
    let mut command = help::localize(Cli::command(), lang).bin_name("kiemchung");
    command.build();
    let mut target = &mut command;
    for name in path {
        match target.find_subcommand_mut(name) {
            Some(sub) => target = sub,
            None => {
                eprintln!(
                    "{}: {}",
                    msg!("label-error").text(lang),
                    msg!("cli-error-unknown-command", command = name.as_str()).text(lang)
                );
                return ExitCode::from(2);
            }
        }
    }
    print!("{}", help::words(&target.render_help().to_string(), lang));
    ExitCode::SUCCESS
}
