//! `kiemchung build`: checks everything, then writes the site into the
//! output folder (public/ by default), all or nothing.

use super::{Context, count, fail, plural, print_diagnostics};
use crate::error::Error;
use crate::pipeline::{self, BuildOptions};
use jiff::civil::Date;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(
    cx: &Context,
    root: PathBuf,
    output: Option<PathBuf>,
    base_url: Option<String>,
    today: Date,
    drafts: bool,
) -> ExitCode {
    let started = Instant::now();
    let out_dir = output.unwrap_or_else(|| root.join("public"));
    // `./public` reads better as `public`.
    let shown = out_dir
        .strip_prefix(".")
        .unwrap_or(&out_dir)
        .display()
        .to_string();
    let opts = BuildOptions {
        root,
        base_url,
        origin: None,
        today,
        drafts,
    };
    // Before anything: a previous site a killed build left aside goes back
    // in place, whether this build succeeds or not.
    if let Err(e) = crate::output::recover(&out_dir) {
        eprintln!("warning: {e}");
    }
    match pipeline::build_into(&opts, &out_dir) {
        Ok(built) => {
            print_diagnostics(&built.warnings, cx.color);
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
            print_diagnostics(&diags, cx.color);
            let (e, w) = count(&diags);
            eprintln!(
                "error: could not build: {}, {}; {} was left as it was",
                plural(e, "error"),
                plural(w, "warning"),
                shown
            );
            ExitCode::from(1)
        }
        Err(e) => {
            let code = fail(cx, &e);
            eprintln!("{shown} was left as it was");
            code
        }
    }
}
