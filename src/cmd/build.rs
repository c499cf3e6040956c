//! `kiemchung build`: checks everything, then writes the site into the
//! output folder (public/ by default, review/ with `--review`), all or
//! nothing, one build at a time, never into a folder kiemchung did not make.

use super::{Context, count, fail, plural, print_diagnostics};
use crate::error::Error;
use crate::model::audience::Audience;
use crate::output::{self, OnBusy, WriteOptions};
use crate::pipeline::{self, BuildOptions, Today};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

pub struct Args {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub today: Today,
    pub review: bool,
    pub force: bool,
    pub no_wait: bool,
}

pub fn run(cx: &Context, args: Args) -> ExitCode {
    let started = Instant::now();
    let (audience, default_dir) = if args.review {
        (Audience::Review, "review")
    } else {
        (Audience::Public, "public")
    };
    let out_dir = args.output.unwrap_or_else(|| args.root.join(default_dir));
    // `./public` reads better as `public`.
    let shown = out_dir
        .strip_prefix(".")
        .unwrap_or(&out_dir)
        .display()
        .to_string();
    // Before anything is read or written: a folder this build may replace
    // (the one it then writes, as an absolute path).
    let out_dir = match output::guard::check(&args.root, &out_dir, args.force) {
        Ok(p) => p,
        Err(refusal) => return fail(cx, &refusal.into()),
    };
    // What "left as it was" says is checked, not assumed: the same folder
    // is there after the failed build as before it.
    let before = output::identity(&out_dir);
    let left = || match (before, output::identity(&out_dir)) {
        (Some(a), Some(b)) if a == b => format!("{shown} was left as it was"),
        (None, None) => format!("nothing was written to {shown}"),
        _ => format!("{shown} was not replaced by this build"),
    };
    let opts = BuildOptions {
        root: args.root,
        base_url: args.base_url,
        origin: None,
        today: args.today,
        audience,
    };
    let folder = format!("{}/", shown.trim_end_matches('/'));
    let tell = |pid: Option<u32>| {
        let pid = pid.map_or("?".to_string(), |p| p.to_string());
        eprintln!("Đang chờ một lần build khác (pid {pid}) ghi vào {folder}…");
    };
    let write = WriteOptions {
        force: args.force,
        on_busy: if args.no_wait {
            OnBusy::Fail
        } else {
            OnBusy::Wait(&tell)
        },
    };
    match pipeline::build_into(&opts, &out_dir, &write) {
        Ok(built) => {
            print_diagnostics(&built.warnings, cx);
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
        Err(Error::Site(diags)) => {
            print_diagnostics(&diags, cx);
            let (e, w) = count(&diags);
            eprintln!(
                "error: could not build: {}, {}; {}",
                plural(e, "error"),
                plural(w, "warning"),
                left()
            );
            ExitCode::from(1)
        }
        Err(Error::Write {
            mut error,
            disk_full,
            notes,
        }) => {
            // The path as the user gave the output folder.
            if let Ok(rel) = error.path.strip_prefix(&out_dir) {
                error.path = PathBuf::from(&shown).join(rel);
            }
            let code = fail(
                cx,
                &Error::Write {
                    error,
                    disk_full,
                    notes,
                },
            );
            eprintln!("{}", left());
            code
        }
        Err(Error::Busy { pid }) => {
            let pid = pid.map_or(String::new(), |p| format!(" (pid {p})"));
            eprintln!("error: another build{pid} is writing {folder} now");
            eprintln!(
                "  = help: run again when it has finished, or without --no-wait to wait for it; {}",
                left()
            );
            ExitCode::from(1)
        }
        Err(e) => {
            let code = fail(cx, &e);
            eprintln!("{}", left());
            code
        }
    }
}
