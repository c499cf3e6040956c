//! `kiemchung import <year> <file>`: a year's tree from the criteria table
//! ([`crate::scaffold::import`]). Prints what is added, changed and removed
//! (removed files are listed, never deleted), the same with `--dry-run`.

use super::{Context, fail, plural};
use crate::scaffold::import::{self, Args, Outcome};
use std::process::ExitCode;

fn read_line(o: &Outcome) -> String {
    format!(
        "read the table at {}: {}, {}, maximum {}",
        o.header,
        plural(o.areas, "area"),
        plural(o.criteria, "criterion"),
        o.max.to_plain()
    )
    .replace("1 criterions", "1 criterion")
    .replace("criterions", "criteria")
}

fn added(rel: &str) -> String {
    format!("added   {rel}")
}

fn changed(rel: &str, what: &[String]) -> String {
    format!("changed {rel}: {}", what.join("; "))
}

fn removed(rel: &str, id: &str) -> String {
    format!("removed {rel} ({id} is not in the table; the file is kept, delete it if it must go)")
}

fn summary(o: &Outcome, dry_run: bool) -> String {
    let counts = format!(
        "{} added, {} changed, {} removed",
        o.added.len(),
        o.changed.len(),
        o.removed.len()
    );
    if dry_run {
        format!("dry run: nothing was written ({counts} without --dry-run)")
    } else if o.added.is_empty() && o.changed.is_empty() {
        format!("nothing to write: the year already has the table's titles and maxima ({counts})")
    } else {
        format!("imported: {counts}")
    }
}

pub fn run(cx: &Context, args: &Args) -> ExitCode {
    match import::run(args) {
        Ok(o) => {
            println!("{}", read_line(&o));
            for rel in &o.added {
                println!("{}", added(rel));
            }
            for (rel, what) in &o.changed {
                println!("{}", changed(rel, what));
            }
            for (rel, id) in &o.removed {
                println!("{}", removed(rel, id));
            }
            for note in &o.notes {
                eprintln!("note: {note}");
            }
            println!("{}", summary(&o, args.dry_run));
            ExitCode::SUCCESS
        }
        Err(failure) => {
            let code = fail(cx, &failure.error);
            if !failure.written.is_empty() {
                for p in &failure.written {
                    println!("wrote {}", p.display());
                }
                eprintln!(
                    "  = note: the {} listed above were written whole before it; \
                     nothing else was changed",
                    plural(failure.written.len(), "file")
                );
            }
            code
        }
    }
}
