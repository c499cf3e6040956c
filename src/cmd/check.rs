//! `kiemchung check`: reads and checks everything, renders every page and
//! file to find every error, and writes nothing.

use super::{Context, count, print_diagnostics, tell};
use crate::base::diag::{self, Diagnostic};
use crate::error::Error;
use crate::model::audience::Audience;
use crate::pipeline::{self, BuildOptions, Mode, Today};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(cx: &Context, root: PathBuf, strict: bool, json: bool, today: Today) -> ExitCode {
    // The review site has everything: drafts, and what is internal.
    let opts = BuildOptions {
        audience: Audience::Review,
        ..BuildOptions::new(root, today)
    };
    let diags = match pipeline::run(&opts, Mode::Write(&crate::output::Discard)) {
        Ok(b) => b.warnings.to_vec(),
        Err(Error::Site(d)) => d,
        Err(other) => vec![Diagnostic::error("", other.message())],
    };
    let (e, w) = count(&diags);
    let failed = e > 0 || (strict && w > 0);
    if json {
        println!("{}", diag::render_json(&diags, cx.lang));
    } else {
        print_diagnostics(&diags, cx);
        tell(
            cx,
            if failed {
                crate::msg!("check-failed", errors = e, warnings = w)
            } else {
                crate::msg!("check-ok", errors = e, warnings = w)
            },
        );
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
