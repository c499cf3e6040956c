//! `kiemchung explain [CODE]`: what a diagnostic's rule is, why it exists
//! and how to fix it, as rustc's `--explain` does; without a code, the list
//! of codes. The text is the documentation's ([`explain`]).

use super::Context;
use crate::base::diag;
use crate::base::i18n::explain;
use crate::msg;
use std::process::ExitCode;

pub fn run(cx: &Context, code: Option<&str>) -> ExitCode {
    use std::io::Write;
    // `kiemchung explain | head` closes the pipe early: no reason to panic.
    let mut out = std::io::stdout().lock();
    let all = explain::all(cx.lang);
    let Some(code) = code else {
        let _ = writeln!(out, "{}\n", msg!("explain-list").text(cx.lang));
        for e in &all {
            let _ = writeln!(out, "  {}  {}", e.code, e.title);
        }
        let _ = writeln!(out, "\n{}", msg!("explain-list-more").text(cx.lang));
        return ExitCode::SUCCESS;
    };
    match explain::find(cx.lang, code) {
        Some(e) => {
            let _ = writeln!(out, "{}: {}\n\n{}", e.code, e.title, e.body);
            ExitCode::SUCCESS
        }
        None => {
            let label = msg!("label-error").text(cx.lang);
            eprintln!(
                "{label}: {}",
                msg!("explain-unknown", code = code).text(cx.lang)
            );
            let upper = code.trim().to_ascii_uppercase();
            if let Some(near) = diag::nearest(&upper, all.iter().map(|e| e.code)) {
                eprintln!(
                    "  = {}: {}",
                    msg!("label-help").text(cx.lang),
                    msg!("help-did-you-mean", name = near).text(cx.lang)
                );
            }
            eprintln!(
                "  = {}: {}",
                msg!("label-note").text(cx.lang),
                msg!("explain-list-more").text(cx.lang)
            );
            ExitCode::from(1)
        }
    }
}
