//! The command line: one file per command, all sharing this file's
//! argument parsing, diagnostics printer and exit codes (0 success, 1
//! content or build errors, 2 wrong usage). `main.rs` only calls [`main`].

mod build;
mod check;
mod import;
mod new;
mod report;
mod schema;
mod serve;

use crate::base::diag::{self, Diagnostic};
use crate::error::Error;
use crate::pipeline::Today;
use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use std::io::IsTerminal;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "kiemchung",
    version,
    about = "Builds the CCHC (PAR index) evidence site: scores, evidence, gaps.",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

fn parse_today(s: &str) -> Result<Date, String> {
    crate::base::vi::parse_date(s)
}

/// A malformed `--base-url` is wrong usage (exit 2), like a bad `--today`.
fn parse_base_url(s: &str) -> Result<String, String> {
    crate::load::config::split_base_url(s).map(|_| s.to_string())
}

fn parse_bind(s: &str) -> Result<IpAddr, String> {
    if s.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    }
    s.parse()
        .map_err(|_| format!("`{s}` is not an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1)"))
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default)
    Build {
        /// The site folder (with site.toml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site; relative to the current folder
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Replace site.toml's base_url, e.g. for a staging server
        #[arg(long, value_parser = parse_base_url)]
        base_url: Option<String>,
        /// The date task states are computed against (YYYY-MM-DD); by
        /// default SOURCE_DATE_EPOCH, else today in the site's time zone
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
        /// Build the reviewers' preview (warnings, source files, drafts and
        /// what is internal, marked) instead of the public site; written to
        /// review/ unless --output says otherwise
        #[arg(long)]
        review: bool,
        /// Replace an output folder that kiemchung did not write, deleting
        /// what it holds (never the site's own folders or the home folder)
        #[arg(long)]
        force: bool,
        /// Fail at once, instead of waiting, when another build is writing
        /// the same output folder
        #[arg(long)]
        no_wait: bool,
    },
    /// Read and check everything, write nothing
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
    },
    /// Print the gap report of a year: points lost, items without evidence,
    /// appraisal changes, units and tasks
    Report {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The year; the latest scored year by default
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value_t = report::ReportFormat::Text)]
        format: report::ReportFormat,
        /// The date task states are computed against (YYYY-MM-DD); today by default
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
    },
    /// Preview the site for reviewers (or, with --public, as published):
    /// build in memory, serve it, rebuild on every change and reload open
    /// pages
    Serve {
        /// The site folder (with site.toml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on; 0.0.0.0 lets others on the network see it
        #[arg(long, default_value = "127.0.0.1", value_parser = parse_bind)]
        bind: IpAddr,
        /// The port; 0 picks a free one (printed in the URL)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Poll for changes instead of file system events (WSL2 /mnt, Docker
        /// mounts, network drives)
        #[arg(long)]
        poll: bool,
        /// Preview exactly what `build` publishes, instead of the reviewers'
        /// site
        #[arg(long)]
        public: bool,
        /// The date task states are computed against (YYYY-MM-DD); today by default
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
    },
    /// Start a year (or update its titles and maxima) from the official
    /// criteria table: .xlsx, .xls, .ods or .csv
    Import {
        /// The site folder (with site.toml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The year to write (content/<year>/)
        year: i32,
        /// The table (Bộ chỉ số): .xlsx, .xls, .ods or .csv
        file: PathBuf,
        /// The sheet to read; by default the first one with the table's header
        #[arg(long)]
        sheet: Option<String>,
        /// Say what would be added, changed and removed, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the JSON Schemas of the front matter and site.toml, which
    /// editors use to check files as they are typed
    Schema {
        /// The site folder (with site.toml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write them; schemas/ in the site folder by default, where
        /// the files `new` and `import` write point
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Start a criterion or a year from a correct file
    New {
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
        #[command(subcommand)]
        what: new::NewWhat,
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
}

/// `--today`, or the day the build runs ([`Today::Now`]: SOURCE_DATE_EPOCH,
/// else the clock in the site's time zone).
fn today_or(d: Option<Date>) -> Today {
    d.map_or(Today::Now, Today::On)
}

/// Prints diagnostics to standard error, buffered (see
/// [`diag::print_all`]).
fn print_diagnostics(diags: &[Diagnostic], color: bool) {
    diag::print_all(diags, color);
}

/// (errors, warnings)
fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let e = diags.iter().filter(|d| d.is_error()).count();
    (e, diags.len() - e)
}

fn plural(n: usize, word: &str) -> String {
    diag::plural(n, word)
}

/// Prints an error that ends a command (its diagnostics first, if it has
/// any), then `then` if given; exit code 1.
fn fail(cx: &Context, e: &Error) -> ExitCode {
    print_diagnostics(e.diagnostics(), cx.color);
    eprintln!("error: {e}");
    for note in e.notes() {
        eprintln!("  = note: {note}");
    }
    if let Some(help) = e.help() {
        eprintln!("  = help: {help}");
    }
    ExitCode::from(1)
}

/// Parses the command line and runs the command: the whole program.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let cx = Context {
        color: std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal(),
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
    }
}
