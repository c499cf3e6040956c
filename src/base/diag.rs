//! Diagnostics: every error and warning names the file, the line and the
//! column in that file, shows the line with a caret and says what was expected.
//! One printer for the whole program (`render_text`, `render_json`). The
//! words come from the catalog ([`crate::base::i18n`]) in the reader's
//! language; the code, the location, the source line and the caret do not
//! change with it.

use crate::base::i18n::{Lang, Msg};
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

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators. Empty when the
    /// problem has no file (a bad `--base-url`, say).
    pub file: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// What is wrong and what was expected. Its id begins with the
    /// diagnostic's code ([`Diagnostic::code`]).
    pub message: Msg,
    /// The offending line of the file, shown under the message with a caret.
    pub source_line: Option<String>,
    /// A hint: the nearest valid name, the encoding to save as, … (boxed:
    /// a diagnostic is the error of many a `Result`, and most have none).
    pub help: Option<Box<Msg>>,
}

impl Diagnostic {
    pub fn new(severity: Severity, file: impl Into<String>, message: impl Into<Msg>) -> Self {
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

    pub fn error(file: impl Into<String>, message: impl Into<Msg>) -> Self {
        Self::new(Severity::Error, file, message)
    }

    pub fn warning(file: impl Into<String>, message: impl Into<Msg>) -> Self {
        Self::new(Severity::Warning, file, message)
    }

    /// The stable code of the rule broken (`E401`), from the message id;
    /// what `kiemchung explain` explains.
    pub fn code(&self) -> &'static str {
        self.message.code().unwrap_or(match self.severity {
            Severity::Error => "E000",
            Severity::Warning => "W000",
        })
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

    pub fn with_help(mut self, help: impl Into<Msg>) -> Self {
        self.help = Some(Box::new(help.into()));
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

    fn sort_key(&self) -> (&str, u32, u32, Severity, &Msg) {
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
pub fn render_text(d: &Diagnostic, color: bool, lang: Lang) -> String {
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
        Severity::Error => (Msg::new("label-error"), red),
        Severity::Warning => (Msg::new("label-warning"), yellow),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{colour}{}[{}]{reset}{bold}: {}{reset}",
        label.text(lang),
        d.code(),
        d.message.text(lang)
    );
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
        let _ = writeln!(
            out,
            "{pad} {blue}={reset} {bold}{}{reset}: {}",
            Msg::new("label-help").text(lang),
            help.text(lang)
        );
    }
    out
}

/// Prints diagnostics to standard error, one after the other, through one
/// buffer: standard error is unbuffered, and a site may have thousands of
/// warnings (BENCHMARKS.md). A closed standard error is no reason to panic.
pub fn print_all<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>, color: bool, lang: Lang) {
    use std::io::Write;
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for d in diags {
        let _ = writeln!(err, "{}", render_text(d, color, lang));
    }
    let _ = err.flush();
}

/// `check --format json`: one object with `errors` and `warnings`. Its
/// shape does not change with the language: `message` and `help` are
/// always English (what tools and scripts match on, with `code`), and
/// `localized` holds the same in the reader's language.
pub fn render_json(diags: &[Diagnostic], lang: Lang) -> String {
    #[derive(Serialize)]
    struct Report {
        errors: Vec<Json>,
        warnings: Vec<Json>,
    }
    #[derive(Serialize)]
    struct Json {
        code: &'static str,
        file: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        line: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<u32>,
        message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        source_line: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        help: Option<String>,
        localized: Localized,
    }
    #[derive(Serialize)]
    struct Localized {
        lang: &'static str,
        message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        help: Option<String>,
    }
    let json = |d: &Diagnostic| Json {
        code: d.code(),
        file: d.file.clone(),
        line: d.line,
        column: d.column,
        message: d.message.en(),
        source_line: d.source_line.clone(),
        help: d.help.as_ref().map(|h| h.en()),
        localized: Localized {
            lang: lang.tag(),
            message: d.message.text(lang),
            help: d.help.as_ref().map(|h| h.text(lang)),
        },
    };
    let report = Report {
        errors: diags.iter().filter(|d| d.is_error()).map(json).collect(),
        warnings: diags.iter().filter(|d| !d.is_error()).map(json).collect(),
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

    use crate::msg;

    fn template_error() -> Diagnostic {
        let text = "<p>\n{{ node.socre }}\n</p>\n";
        Diagnostic::error(
            "themes/x/templates/node.html",
            msg!(
                "E702-template-undefined",
                detail = "undefined value",
                within = ""
            ),
        )
        .at(text, 2, 4)
        .with_help(msg!("help-did-you-mean", name = "score"))
    }

    #[test]
    fn renders_code_location_source_and_caret_in_either_language() {
        assert_eq!(
            render_text(&template_error(), false, Lang::En),
            "error[E702]: template error: undefined value (a variable or attribute that does \
             not exist; templates are strict)\n --> themes/x/templates/node.html:2:4\n  |\n\
             2 | {{ node.socre }}\n  |    ^\n  = help: did you mean `score`?\n"
        );
        let vi = render_text(&template_error(), false, Lang::Vi);
        assert!(vi.starts_with("lỗi[E702]: mẫu trang dùng"), "{vi}");
        // Where, the line and the caret do not change with the language.
        assert!(
            vi.contains(
                " --> themes/x/templates/node.html:2:4\n  |\n2 | {{ node.socre }}\n  |    ^\n"
            ),
            "{vi}"
        );
        assert!(
            vi.ends_with("  = gợi ý: có phải ý bạn là `score`?\n"),
            "{vi}"
        );
    }

    /// Any real message: these tests are about the frame around it.
    fn any(text: &str) -> Msg {
        msg!("E701-template", detail = text, within = "")
    }

    #[test]
    fn caret_counts_characters_not_bytes() {
        let d = Diagnostic::error("a.md", any("m")).at("tiêu đề: x", 1, 10);
        let r = render_text(&d, false, Lang::En);
        assert!(r.contains("\n  |          ^\n"), "{r}");
    }

    #[test]
    fn sorted_by_file_then_line() {
        let mut v = vec![
            Diagnostic::error("b.md", any("x")).at("a\nb\nc", 2, 1),
            Diagnostic::warning("a.md", any("y")).at("a\nb\nc", 3, 1),
            Diagnostic::error("a.md", any("z")).at("a\nb\nc", 1, 1),
            Diagnostic::error("a.md", any("z")).at("a\nb\nc", 1, 1),
        ];
        sort(&mut v);
        let locs: Vec<String> = v.iter().map(Diagnostic::location).collect();
        assert_eq!(locs, ["a.md:1:1", "a.md:3:1", "b.md:2:1"]);
    }

    #[test]
    fn json_report_splits_errors_and_warnings_and_keeps_english() {
        let score = crate::base::score::Score::parse("5.15").unwrap();
        let v = vec![
            template_error(),
            Diagnostic::warning(
                "b.md",
                msg!("W501-explained", score = score, explanation = "x"),
            ),
        ];
        let j: serde_json::Value = serde_json::from_str(&render_json(&v, Lang::Vi)).unwrap();
        let e = &j["errors"][0];
        assert_eq!(e["code"], "E702");
        assert_eq!(e["file"], "themes/x/templates/node.html");
        assert_eq!(
            (e["line"].as_u64(), e["column"].as_u64()),
            (Some(2), Some(4))
        );
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .starts_with("template error: ")
        );
        assert_eq!(e["help"], "did you mean `score`?");
        assert_eq!(e["localized"]["lang"], "vi");
        assert_eq!(e["localized"]["help"], "có phải ý bạn là `score`?");
        let w = &j["warnings"][0];
        assert_eq!(w["code"], "W501");
        assert!(w["message"].as_str().unwrap().contains("(5.15)"));
        assert!(
            w["localized"]["message"]
                .as_str()
                .unwrap()
                .contains("(5,15)")
        );
        assert!(w.get("line").is_none());
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
