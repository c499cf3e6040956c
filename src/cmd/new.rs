//! `kiemchung new`: start a criterion or a year from a correct file
//! ([`crate::scaffold`]).

use super::{Context, fail};
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
                println!("created {}", p.display());
            }
            if let Some(note) = scaffold::schema_note(root) {
                eprintln!("note: {note}");
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            for p in &failure.written {
                println!("created {}", p.display());
            }
            let code = fail(cx, &failure.error);
            if !failure.written.is_empty() {
                eprintln!(
                    "  = note: the {} listed above were written whole before it; \
                     nothing else was changed",
                    super::plural(failure.written.len(), "file")
                );
            }
            code
        }
    }
}
