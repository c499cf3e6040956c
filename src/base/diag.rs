//! Diagnostics: every error and warning names the file, the line and the
//! column in that file, shows the line with a caret and says what was expected.
//! One printer for the whole program (`render_text`, `render_json`).

use serde::Serialize;
use std::fmt::Write as _;

/// A position in a file: 1-based line and column (in characters).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
}

/// A value with the position it was written at.
#[derive(Clone, Debug)]
pub struct At<T> {
    pub value: T,
    pub loc: Loc,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    #[serde(skip)]
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators. Empty when the
    /// problem has no file (a bad `--base-url`, say).
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// What is wrong and what was expected, in English for the terminal.
    pub message: String,
    /// The offending line of the file, shown under the message with a caret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
    /// A hint: the nearest valid name, the encoding to save as, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            source_line: None,
            help: None,
        }
    }

    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, message)
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, message)
    }

    /// Points the diagnostic at `line:column` (1-based) of `text`, the whole
    /// file, and keeps that line to show it.
    pub fn at(self, text: &str, line: u32, column: u32) -> Self {
        let mut d = self.located(line, column);
        d.show_source(text);
        d
    }

    /// Points the diagnostic at `line:column` of its file without the
    /// file's text at hand (checks across files); the pipeline shows the
    /// line afterwards with [`Diagnostic::show_source`].
    pub fn located(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column.max(1));
        self
    }

    /// [`Diagnostic::located`] at a position read off the front matter.
    pub fn at_loc(self, loc: Loc) -> Self {
        self.located(loc.line, loc.col)
    }

    /// Keeps the line the diagnostic points at, from `text`, its file.
    pub fn show_source(&mut self, text: &str) {
        if let Some(line) = self.line {
            self.source_line = text
                .lines()
                .nth(line.saturating_sub(1) as usize)
                .map(|l| l.trim_end_matches('\r').to_string());
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (Some(l), None) => format!("{}:{l}", self.file),
            _ => self.file.clone(),
        }
    }

    fn sort_key(&self) -> (&str, u32, u32, Severity, &str) {
        (
            &self.file,
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
            &self.message,
        )
    }
}

/// Sorts by file, line, column; drops exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
}

/// The text form, in the style of rustc and just:
///
/// ```text
/// error: unknown field `socre`, expected one of id, title, …
///   --> content/2022/1.md:5:1
///    |
///  5 | socre: 3
///    | ^
///    = help: did you mean `score`?
/// ```
pub fn render_text(d: &Diagnostic, color: bool) -> String {
    let (red, yellow, blue, bold, reset) = if color {
        (
            "\x1b[1;31m",
            "\x1b[1;33m",
            "\x1b[1;34m",
            "\x1b[1m",
            "\x1b[0m",
        )
    } else {
        ("", "", "", "", "")
    };
    let (label, colour) = match d.severity {
        Severity::Error => ("error", red),
        Severity::Warning => ("warning", yellow),
    };
    let mut out = String::new();
    let _ = writeln!(out, "{colour}{label}{reset}{bold}: {}{reset}", d.message);
    let gutter = d.line.map(|l| l.to_string().len()).unwrap_or(1);
    let pad = " ".repeat(gutter);
    if !d.file.is_empty() {
        let _ = writeln!(out, "{pad}{blue}-->{reset} {}", d.location());
    }
    if let (Some(line), Some(src)) = (d.line, &d.source_line) {
        let _ = writeln!(out, "{pad} {blue}|{reset}");
        let _ = writeln!(out, "{blue}{line}{reset} {blue}|{reset} {src}");
        let col = d.column.unwrap_or(1) as usize;
        // The caret sits under the column, counted in characters; tabs keep
        // their width by being copied.
        let lead: String = src
            .chars()
            .take(col.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let _ = writeln!(out, "{pad} {blue}|{reset} {lead}{colour}^{reset}");
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "{pad} {blue}={reset} {bold}help{reset}: {help}");
    }
    out
}

/// Prints diagnostics to standard error, one after the other, through one
/// buffer: standard error is unbuffered, and a site may have thousands of
/// warnings (BENCHMARKS.md). A closed standard error is no reason to panic.
pub fn print_all<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>, color: bool) {
    use std::io::Write;
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for d in diags {
        let _ = writeln!(err, "{}", render_text(d, color));
    }
    let _ = err.flush();
}

/// `1 warning`, `7 warnings`.
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `check --format json`: one object with `errors` and `warnings`.
pub fn render_json(diags: &[Diagnostic]) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        errors: Vec<&'a Diagnostic>,
        warnings: Vec<&'a Diagnostic>,
    }
    let report = Report {
        errors: diags.iter().filter(|d| d.is_error()).collect(),
        warnings: diags.iter().filter(|d| !d.is_error()).collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into())
}

/// The nearest of `candidates` to `word`, if it is close enough to be a typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_source_and_caret() {
        let text = "---\nid: \"1\"\nsocre: 3\n---\n";
        let d = Diagnostic::error("content/2022/1.md", "unknown field `socre`")
            .at(text, 3, 1)
            .with_help("did you mean `score`?");
        let r = render_text(&d, false);
        assert_eq!(
            r,
            "error: unknown field `socre`\n --> content/2022/1.md:3:1\n  |\n3 | socre: 3\n  | ^\n  = help: did you mean `score`?\n"
        );
    }

    #[test]
    fn caret_counts_characters_not_bytes() {
        let d = Diagnostic::error("a.md", "m").at("tiêu đề: x", 1, 10);
        let r = render_text(&d, false);
        assert!(r.contains("\n  |          ^\n"), "{r}");
    }

    #[test]
    fn sorted_by_file_then_line() {
        let mut v = vec![
            Diagnostic::error("b.md", "x").at("a\nb\nc", 2, 1),
            Diagnostic::warning("a.md", "y").at("a\nb\nc", 3, 1),
            Diagnostic::error("a.md", "z").at("a\nb\nc", 1, 1),
            Diagnostic::error("a.md", "z").at("a\nb\nc", 1, 1),
        ];
        sort(&mut v);
        let locs: Vec<String> = v.iter().map(Diagnostic::location).collect();
        assert_eq!(locs, ["a.md:1:1", "a.md:3:1", "b.md:2:1"]);
    }

    #[test]
    fn json_report_splits_errors_and_warnings() {
        let v = vec![
            Diagnostic::error("a.md", "bad").at("x", 1, 2),
            Diagnostic::warning("b.md", "meh"),
        ];
        let j: serde_json::Value = serde_json::from_str(&render_json(&v)).unwrap();
        assert_eq!(j["errors"][0]["file"], "a.md");
        assert_eq!(j["errors"][0]["line"], 1);
        assert_eq!(j["errors"][0]["column"], 2);
        assert_eq!(j["errors"][0]["message"], "bad");
        assert_eq!(j["warnings"][0]["message"], "meh");
        assert!(j["warnings"][0].get("line").is_none());
    }

    #[test]
    fn nearest_name() {
        assert_eq!(
            nearest("socre", ["id", "score", "self_score"]),
            Some("score")
        );
        assert_eq!(
            nearest("van-phong-so", ["van-phong", "thanh-tra"]),
            Some("van-phong")
        );
        assert_eq!(nearest("zzz", ["id", "score"]), None);
    }
}
