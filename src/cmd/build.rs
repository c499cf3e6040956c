//! `kiemchung build`: checks everything, then writes the site into the
//! output folder (public/ by default, review/ with `--review`), all or
//! nothing, one build at a time, never into a folder kiemchung did not make.

use super::{Context, count, fail, labelled, print_diagnostics, say, tell};
use crate::base::score::Score;
use crate::error::Error;
use crate::model::audience::Audience;
use crate::msg;
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
        (Some(a), Some(b)) if a == b => msg!("left-as-it-was", folder = &shown),
        (None, None) => msg!("left-nothing-written", folder = &shown),
        _ => msg!("left-not-replaced", folder = &shown),
    };
    let opts = BuildOptions {
        root: args.root,
        base_url: args.base_url,
        origin: None,
        today: args.today,
        audience,
    };
    let folder = format!("{}/", shown.trim_end_matches('/'));
    let waiting = |pid: Option<u32>| {
        tell(
            cx,
            match pid {
                Some(pid) => msg!("build-waiting-pid", pid = pid, folder = &folder),
                None => msg!("build-waiting", folder = &folder),
            },
        );
    };
    let write = WriteOptions {
        force: args.force,
        on_busy: if args.no_wait {
            OnBusy::Fail
        } else {
            OnBusy::Wait(&waiting)
        },
    };
    match pipeline::build_into(&opts, &out_dir, &write) {
        Ok(built) => {
            print_diagnostics(&built.warnings, cx);
            // Seconds to the hundredth, as a score (thousandths).
            let centis = (started.elapsed().as_millis() as i64 + 5) / 10;
            say(
                cx,
                msg!(
                    "build-done",
                    pages = built.output.pages(),
                    files = built.output.files.len(),
                    inputs = built.input_files,
                    folder = &shown,
                    seconds = Score::from_milli(centis * 10),
                    years = built.site.assessments.len(),
                    warnings = built.warnings.len()
                ),
            );
            ExitCode::SUCCESS
        }
        Err(Error::Site(diags)) => {
            print_diagnostics(&diags, cx);
            let (e, w) = count(&diags);
            let failed = msg!("build-failed", errors = e, warnings = w, left = left());
            eprintln!("{}", labelled(cx, msg!("label-error"), None, &failed));
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
            tell(cx, left());
            code
        }
        Err(Error::Busy { pid, .. }) => {
            let code = fail(
                cx,
                &Error::Busy {
                    pid,
                    folder: Some(folder.clone()),
                },
            );
            tell(cx, left());
            code
        }
        Err(e) => {
            let code = fail(cx, &e);
            tell(cx, left());
            code
        }
    }
}
