//! `kiemchung new`: start a criterion or a year from a correct file
//! ([`crate::scaffold`]).

use super::{Context, fail, labelled, say, under};
use crate::msg;
use crate::scaffold::{self, NewCriterion};
use std::path::Path;
use std::process::ExitCode;

// Help from the catalog (`cli-new-criterion…`, see `help.rs`).
#[derive(clap::Subcommand)]
pub enum NewWhat {
    Criterion {
        year: i32,
        id: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        max: Option<String>,
        #[arg(long)]
        unit: Option<String>,
    },
    Year {
        year: i32,
        #[arg(long)]
        from: Option<i32>,
    },
}

pub fn run(cx: &Context, root: &Path, what: NewWhat) -> ExitCode {
    let result = match what {
        NewWhat::Criterion {
            year,
            id,
            title,
            max,
            unit,
        } => scaffold::criterion(
            root,
            &NewCriterion {
                year,
                id: &id,
                title: &title,
                max: max.as_deref(),
                unit: unit.as_deref(),
            },
        )
        .map(|p| vec![p]),
        NewWhat::Year { year, from } => scaffold::year(root, year, from),
    };
    match result {
        Ok(paths) => {
            for p in &paths {
                say(cx, msg!("created", path = p));
            }
            if let Some(note) = scaffold::schema_note(root) {
                eprintln!("{}", labelled(cx, msg!("label-note"), None, &note));
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            for p in &failure.written {
                say(cx, msg!("created", path = p));
            }
            let code = fail(cx, &failure.error);
            if !failure.written.is_empty() {
                let note = msg!("note-written-before", files = failure.written.len());
                under(cx, msg!("label-note"), &note);
            }
            code
        }
    }
}
