//! The parser of one file's fields: each value checked and read off its
//! raw text, errors gathered at their line and column in the file.

use crate::base::diag::Diagnostic;
use crate::base::i18n::Msg;
use crate::base::score::{Score, ScoreError};
use crate::base::vi;
use crate::load::SourceFile;
use crate::model::file::{Evidence, Task};
use crate::model::frontmatter::{self, At, Loc, RawEvidence, RawTask, S, Split, Text};
use crate::msg;
use jiff::civil::Date;

/// Collects per-file errors with their position in the file.
pub(super) struct FileParser<'a> {
    pub(super) file: &'a SourceFile,
    pub(super) split: Split<'a>,
    pub(super) diags: Vec<Diagnostic>,
}

impl FileParser<'_> {
    pub(super) fn loc<T>(&self, s: &S<T>) -> Loc {
        frontmatter::loc(s, &self.split)
    }

    pub(super) fn diag_at(&self, loc: Loc, d: Diagnostic) -> Diagnostic {
        d.at(&self.file.text, loc.line, loc.col)
    }

    pub(super) fn error(&mut self, loc: Loc, msg: Msg) {
        let d = self.diag_at(loc, Diagnostic::error(&self.file.rel, msg));
        self.diags.push(d);
    }

    pub(super) fn error_help(&mut self, loc: Loc, msg: Msg, help: Msg) {
        let d = self
            .diag_at(loc, Diagnostic::error(&self.file.rel, msg))
            .with_help(help);
        self.diags.push(d);
    }

    pub(super) fn text(&self, s: &S<String>) -> String {
        s.value.trim().to_string()
    }

    pub(super) fn score(&mut self, field: &str, s: &S<Text>) -> Option<At<Score>> {
        let loc = self.loc(s);
        match Score::parse(&s.value.0) {
            Ok(v) => Some(At { value: v, loc }),
            Err(e) => {
                let field = field.to_string();
                let m = match e {
                    ScoreError::Empty => msg!("E402-empty", field = field),
                    ScoreError::Negative => msg!("E402-negative", field = field),
                    ScoreError::TooManyDecimals => msg!("E402-too-many-decimals", field = field),
                    ScoreError::TooLarge => msg!("E402-too-large", field = field),
                    ScoreError::Invalid => msg!("E402-invalid", field = field),
                };
                self.error(loc, m);
                None
            }
        }
    }

    pub(super) fn date(&mut self, field: &str, s: &S<Text>) -> Option<Date> {
        match vi::parse_date(&s.value.0) {
            Ok(d) => Some(d),
            Err(e) => {
                let loc = self.loc(s);
                self.error(loc, msg!("E208-bad-date", field = field, problem = e));
                None
            }
        }
    }

    pub(super) fn bool(&mut self, field: &str, s: &S<Text>) -> Option<bool> {
        match s.value.0.trim() {
            "true" => Some(true),
            "false" => Some(false),
            other => {
                let loc = self.loc(s);
                self.error(
                    loc,
                    msg!("E209-not-true-false", field = field, found = other),
                );
                None
            }
        }
    }

    /// An optional `true`/`false` field, false when absent.
    pub(super) fn flag(&mut self, field: &str, s: &Option<S<Text>>) -> bool {
        s.as_ref()
            .and_then(|v| self.bool(field, v))
            .unwrap_or(false)
    }

    pub(super) fn uint(&mut self, field: &str, s: &S<Text>) -> Option<u64> {
        match s.value.0.trim().parse::<u64>() {
            Ok(v) => Some(v),
            Err(_) => {
                let loc = self.loc(s);
                self.error(
                    loc,
                    msg!("E209-not-natural", field = field, found = &s.value.0),
                );
                None
            }
        }
    }

    pub(super) fn int(&mut self, field: &str, s: &S<Text>) -> Option<i64> {
        match s.value.0.trim().parse::<i64>() {
            Ok(v) => Some(v),
            Err(_) => {
                let loc = self.loc(s);
                self.error(
                    loc,
                    msg!("E209-not-whole", field = field, found = &s.value.0),
                );
                None
            }
        }
    }

    pub(super) fn evidence(&mut self, field: &str, s: &S<RawEvidence>) -> Option<Evidence> {
        let loc = self.loc(s);
        let e = &s.value;
        let opt = |v: &Option<S<String>>| {
            v.as_ref()
                .map(|x| x.value.trim().to_string())
                .filter(|x| !x.is_empty())
        };
        let title = opt(&e.title);
        let number = e
            .number
            .as_ref()
            .map(|n| n.value.0.trim().to_string())
            .filter(|n| !n.is_empty());
        let file = opt(&e.file);
        let url = opt(&e.url);
        let mut ok = true;
        if title.is_none() {
            self.error(loc, msg!("E505-no-title", field = field));
            ok = false;
        }
        if file.is_none() && url.is_none() && number.is_none() {
            self.error(loc, msg!("E505-no-reference", field = field));
            ok = false;
        }
        if let (Some(u), Some(us)) = (&url, &e.url)
            && !(u.starts_with("https://") || u.starts_with("http://"))
        {
            let l = self.loc(us);
            self.error(l, msg!("E506-bad-url", field = field, url = u));
            ok = false;
        }
        let date = match &e.date {
            Some(d) => {
                let v = self.date(&format!("{field}: date"), d);
                if v.is_none() {
                    ok = false;
                }
                v
            }
            None => None,
        };
        let internal = self.flag(&format!("{field}: internal"), &e.internal);
        ok.then(|| Evidence {
            title: title.unwrap_or_default(),
            number,
            date,
            issuer: opt(&e.issuer),
            file,
            url,
            pages: e
                .pages
                .as_ref()
                .map(|p| p.value.0.trim().to_string())
                .filter(|p| !p.is_empty()),
            href: None,
            copied_to: None,
            source: None,
            internal,
            loc,
            number_loc: e.number.as_ref().map(|n| self.loc(n)),
            date_loc: e.date.as_ref().map(|n| self.loc(n)),
            file_loc: e.file.as_ref().map(|n| self.loc(n)),
        })
    }

    pub(super) fn tasks(
        &mut self,
        raw: &Option<Vec<S<RawTask>>>,
        node: Option<String>,
    ) -> Vec<Task> {
        let mut out = Vec::new();
        for t in raw.iter().flatten() {
            let loc = self.loc(t);
            let title = self.text(&t.value.title);
            if title.is_empty() {
                self.error(loc, msg!("E602-no-title"));
                continue;
            }
            let due = t
                .value
                .due
                .as_ref()
                .and_then(|d| self.date("tasks: due", d));
            let done = t
                .value
                .done
                .as_ref()
                .and_then(|d| self.date("tasks: done", d));
            let to = t
                .value
                .to
                .as_ref()
                .map(|x| x.value.trim().to_string())
                .filter(|x| !x.is_empty());
            if let (Some(_), Some(u)) = (&to, &t.value.unit) {
                let l = self.loc(u);
                self.error_help(l, msg!("E602-unit-and-to"), msg!("E602-unit-and-to-help"));
            }
            let internal = self.flag("tasks: internal", &t.value.internal);
            out.push(Task {
                title,
                unit: t.value.unit.as_ref().map(|u| u.value.trim().to_string()),
                to,
                unit_loc: t.value.unit.as_ref().map(|u| self.loc(u)),
                due,
                done,
                node: node.clone(),
                file: self.file.rel.clone(),
                loc,
                internal,
            });
        }
        out
    }
}
