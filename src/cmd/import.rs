//! `kiemchung import <year> <file>`: a year's tree from the criteria table
//! ([`crate::scaffold::import`]). Prints what is added, changed and removed
//! (removed files are listed, never deleted), the same with `--dry-run`.

use super::{Context, fail, labelled, say, under};
use crate::base::i18n::Msg;
use crate::msg;
use crate::scaffold::import::{self, Args, Outcome};
use std::process::ExitCode;

fn read_line(o: &Outcome) -> Msg {
    msg!(
        "import-read",
        cell = &o.header,
        areas = o.areas,
        criteria = o.criteria,
        max = o.max
    )
}

fn summary(o: &Outcome, dry_run: bool) -> Msg {
    let counts = msg!(
        "import-counts",
        added = o.added.len(),
        changed = o.changed.len(),
        removed = o.removed.len()
    );
    if dry_run {
        msg!("import-dry-run", counts = counts)
    } else if o.added.is_empty() && o.changed.is_empty() {
        msg!("import-nothing-to-write", counts = counts)
    } else {
        msg!("import-done", counts = counts)
    }
}

pub fn run(cx: &Context, args: &Args) -> ExitCode {
    match import::run(args) {
        Ok(o) => {
            say(cx, read_line(&o));
            for rel in &o.added {
                say(cx, msg!("import-added", path = rel));
            }
            for (rel, what) in &o.changed {
                // At most a title and a maximum, each in the reader's words.
                let what: Vec<String> = what.iter().map(|m| m.text(cx.lang)).collect();
                say(
                    cx,
                    msg!("import-changed", path = rel, what = what.join("; ")),
                );
            }
            for (rel, id) in &o.removed {
                say(cx, msg!("import-removed", path = rel, id = id));
            }
            for note in &o.notes {
                eprintln!("{}", labelled(cx, msg!("label-note"), None, note));
            }
            say(cx, summary(&o, args.dry_run));
            ExitCode::SUCCESS
        }
        Err(failure) => {
            let code = fail(cx, &failure.error);
            if !failure.written.is_empty() {
                for p in &failure.written {
                    say(cx, msg!("wrote", path = p));
                }
                let note = msg!("note-written-before", files = failure.written.len());
                under(cx, msg!("label-note"), &note);
            }
            code
        }
    }
}
