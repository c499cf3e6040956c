//! The command line: parses arguments, runs a command, prints diagnostics
//! and decides the exit code, all in this one file. 0 success, 1 content or
//! build errors, 2 wrong usage.

#![deny(clippy::unwrap_used)]

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use kiemchung::diag::{self, Diagnostic};
use kiemchung::pipeline::{self, BuildOptions};
use std::io::IsTerminal;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

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
    kiemchung::vi::parse_date(s)
}

/// A malformed `--base-url` is wrong usage (exit 2), like a bad `--today`.
fn parse_base_url(s: &str) -> Result<String, String> {
    kiemchung::config::split_base_url(s).map(|_| s.to_string())
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
        /// The date task states are computed against (YYYY-MM-DD); today by default
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
        /// Include pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
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
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// The date task states are computed against (YYYY-MM-DD); today by default
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
    },
    /// Preview the site: build in memory (drafts shown), serve it, rebuild
    /// on every change and reload open pages
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
        /// The date task states are computed against (YYYY-MM-DD); today by default
        #[arg(long, value_parser = parse_today)]
        today: Option<Date>,
    },
    /// Start a criterion or a year from a correct file
    New {
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
        #[command(subcommand)]
        what: NewWhat,
    },
}

#[derive(Subcommand)]
enum NewWhat {
    /// content/<year>/…/<id>.md, beside its parent's file
    Criterion {
        year: i32,
        id: String,
        #[arg(long)]
        title: String,
        /// Its maximum (điểm tối đa); 0 when not given
        #[arg(long)]
        max: Option<String>,
        /// The responsible unit's id from site.toml
        #[arg(long)]
        unit: Option<String>,
    },
    /// content/<year>/_index.md, optionally with the tree of another year
    Year {
        year: i32,
        /// Copy this year's tree, with scores and evidence emptied
        #[arg(long)]
        from: Option<i32>,
    },
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Text,
    Csv,
    Json,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// Buffered: standard error is not, and a site may have thousands of
/// warnings (17,000 write calls for 8,539 of them at 10,000 criteria).
fn print_diags(diags: &[Diagnostic]) {
    use std::io::Write;
    let c = color();
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for d in diags {
        // Like eprintln!, but a closed standard error is no reason to panic.
        let _ = writeln!(err, "{}", diag::render_text(d, c));
    }
    let _ = err.flush();
}

fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let e = diags.iter().filter(|d| d.is_error()).count();
    (e, diags.len() - e)
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn today_or(d: Option<Date>) -> Date {
    d.unwrap_or_else(|| jiff::Zoned::now().date())
}

fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            today,
            drafts,
            force,
            no_wait,
        } => {
            use kiemchung::output::{self, OnBusy, WriteOptions};
            let started = Instant::now();
            let out_dir = output.unwrap_or_else(|| root.join("public"));
            // `./public` reads better as `public`.
            let shown = out_dir
                .strip_prefix(".")
                .unwrap_or(&out_dir)
                .display()
                .to_string();
            // Before anything is read or written: a folder this build may
            // replace (the one it then writes, as an absolute path).
            let out_dir = match output::guard::check(&root, &out_dir, force) {
                Ok(p) => p,
                Err(refusal) => {
                    eprintln!("error: {refusal}");
                    eprintln!("  = help: {}", refusal.help);
                    return ExitCode::from(1);
                }
            };
            // What "left as it was" says is checked, not assumed: the same
            // folder is there after the failed build as before it.
            let before = output::identity(&out_dir);
            let left = || match (before, output::identity(&out_dir)) {
                (Some(a), Some(b)) if a == b => format!("{shown} was left as it was"),
                (None, None) => format!("nothing was written to {shown}"),
                _ => format!("{shown} was not replaced by this build"),
            };
            let opts = BuildOptions {
                root,
                base_url,
                origin: None,
                today: today_or(today),
                drafts,
            };
            let folder = format!("{}/", shown.trim_end_matches('/'));
            let tell = |pid: Option<u32>| {
                let pid = pid.map_or("?".to_string(), |p| p.to_string());
                eprintln!("Đang chờ một lần build khác (pid {pid}) ghi vào {folder}…");
            };
            let write = WriteOptions {
                force,
                on_busy: if no_wait {
                    OnBusy::Fail
                } else {
                    OnBusy::Wait(&tell)
                },
            };
            match pipeline::build_into(&opts, &out_dir, &write) {
                Err(pipeline::BuildFailure::Write(mut e)) => {
                    // The path as the user gave the output folder.
                    if let Ok(rel) = e.error.path.strip_prefix(&out_dir) {
                        e.error.path = PathBuf::from(&shown).join(rel);
                    }
                    eprintln!("error: {e}");
                    for note in e.notes() {
                        eprintln!("  = note: {note}");
                    }
                    if e.full.is_some() {
                        eprintln!(
                            "  = help: free some space on that disk, or build into a folder on another disk with --output"
                        );
                    }
                    eprintln!("{}", left());
                    ExitCode::from(1)
                }
                Err(pipeline::BuildFailure::Busy { pid }) => {
                    let pid = pid.map_or(String::new(), |p| format!(" (pid {p})"));
                    eprintln!("error: another build{pid} is writing {folder} now");
                    eprintln!(
                        "  = help: run again when it has finished, or without --no-wait to wait for it; {}",
                        left()
                    );
                    ExitCode::from(1)
                }
                Err(pipeline::BuildFailure::Refused(refusal)) => {
                    eprintln!("error: {refusal}");
                    eprintln!("  = help: {}", refusal.help);
                    ExitCode::from(1)
                }
                Ok(built) => {
                    print_diags(&built.warnings);
                    let a = &built.site.assessments;
                    println!(
                        "Built {} ({} files) from {} Markdown files into {} in {:.2} s: {} year{}, {}",
                        plural(built.output.pages(), "page"),
                        built.output.files.len(),
                        built.input_files,
                        shown,
                        started.elapsed().as_secs_f64(),
                        a.len(),
                        if a.len() == 1 { "" } else { "s" },
                        plural(built.warnings.len(), "warning"),
                    );
                    ExitCode::SUCCESS
                }
                Err(pipeline::BuildFailure::Site(diags)) => {
                    print_diags(&diags);
                    let (e, w) = count(&diags);
                    eprintln!(
                        "error: could not build: {}, {}; {}",
                        plural(e, "error"),
                        plural(w, "warning"),
                        left()
                    );
                    ExitCode::from(1)
                }
            }
        }
        Command::Check {
            root,
            strict,
            format,
            today,
        } => {
            let opts = BuildOptions {
                drafts: true,
                ..BuildOptions::new(root, today_or(today))
            };
            let diags = match pipeline::build(&opts, None) {
                Ok(b) => b.warnings.to_vec(),
                Err(d) => d,
            };
            let (e, w) = count(&diags);
            match format {
                Format::Json => println!("{}", diag::render_json(&diags)),
                Format::Text => {
                    print_diags(&diags);
                    let verdict = if e > 0 || (strict && w > 0) {
                        "failed"
                    } else {
                        "ok"
                    };
                    eprintln!(
                        "check {verdict}: {}, {}",
                        plural(e, "error"),
                        plural(w, "warning")
                    );
                }
            }
            if e > 0 || (strict && w > 0) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Report {
            root,
            year,
            format,
            today,
        } => {
            let opts = BuildOptions::new(root, today_or(today));
            let built = match pipeline::build(&opts, None) {
                Ok(b) => b,
                Err(diags) => {
                    print_diags(&diags);
                    let (e, w) = count(&diags);
                    eprintln!(
                        "error: the site has {} ({}); fix them first (kiemchung check)",
                        plural(e, "error"),
                        plural(w, "warning")
                    );
                    return ExitCode::from(1);
                }
            };
            let site = &built.site;
            let chosen = match year {
                Some(y) => site.assessments.iter().find(|a| a.year == y),
                None => site
                    .assessments
                    .iter()
                    .rev()
                    .find(|a| a.score.is_some())
                    .or(site.assessments.last()),
            };
            let Some(a) = chosen else {
                let years: Vec<String> = site
                    .assessments
                    .iter()
                    .map(|a| a.year.to_string())
                    .collect();
                eprintln!(
                    "error: no assessment{}; the site has: {}",
                    year.map(|y| format!(" for {y}")).unwrap_or_default(),
                    if years.is_empty() {
                        "none".into()
                    } else {
                        years.join(", ")
                    }
                );
                return ExitCode::from(1);
            };
            let r = kiemchung::report::gap_report(site, a);
            match format {
                ReportFormat::Text => print!("{}", kiemchung::report::to_text(&r)),
                ReportFormat::Csv => print!("{}", kiemchung::report::to_csv(&r)),
                ReportFormat::Json => println!("{}", kiemchung::report::to_json(&r)),
            }
            ExitCode::SUCCESS
        }
        Command::Serve {
            root,
            bind,
            port,
            poll,
            today,
        } => {
            let opts = kiemchung::serve::ServeOptions {
                root,
                bind,
                port,
                poll,
                today,
                color: color(),
            };
            match kiemchung::serve::run(opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    if let kiemchung::serve::ServeError::NoSite(diags) = &e {
                        print_diags(diags);
                    }
                    eprintln!("error: {e}");
                    if let kiemchung::serve::ServeError::Bind { addr, source } = &e {
                        let hint = if source.kind() == std::io::ErrorKind::AddrInUse {
                            format!(
                                "another program (perhaps another `kiemchung serve`) is using port {}; \
                                 choose another with --port, e.g. --port {}, or --port 0 for any free port",
                                addr.port(),
                                addr.port().wrapping_add(1).max(1024)
                            )
                        } else {
                            "choose another address with --bind or another port with --port \
                             (ports below 1024 need privileges; --port 0 picks a free one)"
                                .to_string()
                        };
                        eprintln!("  = help: {hint}");
                    }
                    ExitCode::from(1)
                }
            }
        }
        Command::New { root, what } => {
            let result = match what {
                NewWhat::Criterion {
                    year,
                    id,
                    title,
                    max,
                    unit,
                } => kiemchung::scaffold::criterion(
                    &root,
                    &kiemchung::scaffold::NewCriterion {
                        year,
                        id: &id,
                        title: &title,
                        max: max.as_deref(),
                        unit: unit.as_deref(),
                    },
                )
                .map(|p| vec![p]),
                NewWhat::Year { year, from } => kiemchung::scaffold::year(&root, year, from),
            };
            match result {
                Ok(paths) => {
                    for p in &paths {
                        println!("created {}", p.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(failure) => {
                    for p in &failure.written {
                        println!("created {}", p.display());
                    }
                    eprintln!("error: {}", failure.message);
                    if !failure.written.is_empty() {
                        eprintln!(
                            "  = note: the {} listed above were written whole before it; \
                             nothing else was changed",
                            plural(failure.written.len(), "file")
                        );
                    }
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    run(cli)
}

/// glibc's malloc and free took about a sixth of a 10,000-page `check` in a
/// profile; with mimalloc the same `check` took about a fifth less time
/// (see BENCHMARKS.md). The `system-alloc` feature keeps the system
/// allocator, for heap profilers that only see malloc (valgrind's massif).
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
