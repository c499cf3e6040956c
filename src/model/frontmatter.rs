//! The one front-matter module: splits a Markdown file into its YAML block
//! and body, and deserializes the block with serde-saphyr into the raw shapes
//! below, keeping each value's line and column *in the file*.
//!
//! Why serde-saphyr: serde_yaml is archived (0.9.34+deprecated) and wraps an
//! unsafe libyaml port; serde-saphyr is maintained, pure safe Rust, reports
//! precise locations (also for values, through `Spanned`), refuses duplicate
//! keys and has budgets against alias bombs.
//!
//! Every scalar that needs checking (scores, dates, ids) is read as its raw
//! text ([`Text`]) and parsed by this crate, so `11.911` never passes through
//! f64 and every refusal says exactly what was expected.

use crate::base::diag::{self, Diagnostic};
use crate::base::forms;
use crate::base::i18n::Msg;
use crate::load::SourceFile;
use crate::msg;
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

pub use crate::base::diag::{At, Loc};

/// The raw text of any YAML scalar: `11.911` arrives as "11.911", `1.10` as
/// "1.10" (not the float 1.1), `2022-12-15` as "2022-12-15".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a single value (a number, a date or a text), not a list or a mapping")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_str(V)
    }
}

pub type S<T> = Spanned<T>;

// The shapes below also derive `JsonSchema`, for `kiemchung schema`: each
// field names, with `with`, the form its raw text must take (the forms of
// `base::forms`, which follow the parsers), so the schemas editors read
// come from the very types `check` deserializes into. Their Vietnamese
// descriptions are added by `crate::schema`.

/// `content/<year>/_index.md`
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    #[schemars(with = "forms::Words")]
    pub title: S<String>,
    #[schemars(with = "Option<forms::ScoreText>")]
    pub max: Option<S<Text>>,
    #[schemars(with = "Option<forms::ScoreText>")]
    pub total: Option<S<Text>>,
    #[schemars(with = "Option<forms::Rank>")]
    pub rank: Option<S<Text>>,
    #[schemars(with = "Option<forms::Rank>")]
    pub ranked: Option<S<Text>>,
    #[schemars(with = "Option<RawEvidence>")]
    pub decision: Option<S<RawEvidence>>,
    #[schemars(with = "Option<Vec<RawTask>>")]
    pub tasks: Option<Vec<S<RawTask>>>,
    #[schemars(with = "Option<forms::Flag>")]
    pub internal: Option<S<Text>>,
    #[schemars(with = "Option<forms::Extra>")]
    pub extra: Option<serde_json::Value>,
}

/// Any other `.md` under `content/<year>/`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    #[schemars(with = "forms::IdText")]
    pub id: S<Text>,
    #[schemars(with = "forms::Words")]
    pub title: S<String>,
    #[schemars(with = "Option<forms::Words>")]
    pub label: Option<S<Text>>,
    #[schemars(with = "forms::ScoreText")]
    pub max: S<Text>,
    #[schemars(with = "Option<forms::ScoreText>")]
    pub self_score: Option<S<Text>>,
    #[schemars(with = "Option<forms::ScoreText>")]
    pub score: Option<S<Text>>,
    #[schemars(with = "Option<forms::Ratio>")]
    pub ratio: Option<S<Vec<S<Text>>>>,
    #[schemars(with = "Option<forms::Flag>")]
    pub applicable: Option<S<Text>>,
    #[schemars(with = "Option<forms::UnitId>")]
    pub unit: Option<S<String>>,
    #[schemars(with = "Option<forms::Words>")]
    pub explanation: Option<S<String>>,
    #[schemars(with = "Option<forms::Words>")]
    pub reason: Option<S<String>>,
    #[schemars(with = "Option<Vec<RawEvidence>>")]
    pub evidence: Option<Vec<S<RawEvidence>>>,
    #[schemars(with = "Option<Vec<RawTask>>")]
    pub tasks: Option<Vec<S<RawTask>>>,
    #[schemars(with = "Option<forms::Flag>")]
    pub internal: Option<S<Text>>,
    #[schemars(with = "Option<forms::Extra>")]
    pub extra: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    #[schemars(with = "Option<forms::Words>")]
    pub title: Option<S<String>>,
    #[schemars(with = "Option<forms::Words>")]
    pub number: Option<S<Text>>,
    #[schemars(with = "Option<forms::DateText>")]
    pub date: Option<S<Text>>,
    #[schemars(with = "Option<forms::Words>")]
    pub issuer: Option<S<String>>,
    #[schemars(with = "Option<forms::Words>")]
    pub file: Option<S<String>>,
    #[schemars(with = "Option<forms::Url>")]
    pub url: Option<S<String>>,
    #[schemars(with = "Option<forms::Words>")]
    pub pages: Option<S<Text>>,
    #[schemars(with = "Option<forms::Flag>")]
    pub internal: Option<S<Text>>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    #[schemars(with = "forms::Words")]
    pub title: S<String>,
    #[schemars(with = "Option<forms::UnitId>")]
    pub unit: Option<S<String>>,
    /// Whom the task is addressed to when it is not one unit, as the
    /// notice writes it ("Thủ trưởng các phòng, cơ quan, đơn vị").
    #[schemars(with = "Option<forms::Words>")]
    pub to: Option<S<String>>,
    #[schemars(with = "Option<forms::DateText>")]
    pub due: Option<S<Text>>,
    #[schemars(with = "Option<forms::DateText>")]
    pub done: Option<S<Text>>,
    #[schemars(with = "Option<forms::Flag>")]
    pub internal: Option<S<Text>>,
}

/// `content/<section>/_index.md` and `content/_index.md`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    #[schemars(with = "forms::Words")]
    pub title: S<String>,
    #[schemars(with = "Option<forms::SortBy>")]
    pub sort_by: Option<S<String>>,
    #[schemars(with = "Option<forms::Flag>")]
    pub feed: Option<S<Text>>,
    #[schemars(with = "Option<forms::Extra>")]
    pub extra: Option<serde_json::Value>,
}

/// A page of a section.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    #[schemars(with = "forms::Words")]
    pub title: S<String>,
    #[schemars(with = "Option<forms::DateText>")]
    pub date: Option<S<Text>>,
    #[schemars(with = "Option<forms::Words>")]
    pub summary: Option<S<String>>,
    #[schemars(with = "Option<forms::Flag>")]
    pub draft: Option<S<Text>>,
    #[schemars(with = "Option<forms::Flag>")]
    pub internal: Option<S<Text>>,
    #[schemars(with = "Option<forms::Whole>")]
    pub weight: Option<S<Text>>,
    #[schemars(with = "Option<forms::Words>")]
    pub slug: Option<S<String>>,
    #[schemars(with = "Option<forms::Extra>")]
    pub extra: Option<serde_json::Value>,
}

/// A file split into front matter and body.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// The file line on which the YAML starts (2: the line after `---`).
    pub yaml_line: u32,
    pub body: &'a str,
    pub body_line: u32,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Splits `---\n<yaml>\n---\n<body>`. The block must open on the first line.
pub fn split(file: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text: &str = &file.text;
    let first_end = text.find('\n').unwrap_or(text.len());
    if !is_fence(&text[..first_end]) {
        return Err(Diagnostic::error(&file.rel, msg!("E201-missing")).at(text, 1, 1));
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut pos = yaml_start;
    let mut line = 2u32;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if is_fence(&text[pos..end]) {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: &text[yaml_start..pos],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        pos = end + 1;
        line += 1;
    }
    Err(Diagnostic::error(&file.rel, msg!("E201-unclosed")).at(text, 1, 1))
}

/// Deserializes the YAML block into `T`; a failure points into the file.
pub fn parse<T: DeserializeOwned>(file: &SourceFile, split: &Split) -> Result<T, Diagnostic> {
    if split.yaml.trim().is_empty() {
        return Err(Diagnostic::error(&file.rel, msg!("E201-empty")).at(&file.text, 1, 1));
    }
    serde_saphyr::from_str_with_options::<T>(split.yaml, options()).map_err(|e| {
        // Where the reader stopped, in the file; the opening `---` when it
        // does not say.
        let at = e
            .location()
            .filter(|l| l.line() > 0)
            .map_or((split.yaml_line, 1), |l| {
                (l.line() as u32 + split.yaml_line - 1, l.column() as u32)
            });
        let (message, help, at) = match refusal(e.without_snippet()) {
            Refusal::Limit(limit) => (
                msg!("E207-too-large", limit = limit),
                Some(msg!("E207-too-large-help")),
                at,
            ),
            Refusal::Syntax(detail) => (
                msg!("E202-yaml-syntax", detail = detail),
                Some(msg!("E202-yaml-syntax-help")),
                at,
            ),
            Refusal::UnknownField(field, expected) => {
                let help = diag::nearest(&field, expected.iter().map(String::as_str))
                    .map(|n| msg!("help-did-you-mean", name = n));
                let m = msg!("E203-unknown-field", field = &field, expected = expected);
                (m, help, at)
            }
            // Reported at the end of the block, a line unrelated to the
            // field; the opening `---` is where the block starts.
            Refusal::MissingField(field) => {
                (msg!("E204-missing-field", field = field), None, (1, 1))
            }
            Refusal::Shape(m) => (m, None, at),
            Refusal::Duplicate(key) => (msg!("E206-duplicate-field", field = key), None, at),
            Refusal::Other(detail) => (msg!("E202-unreadable", detail = detail), None, at),
        };
        let d = Diagnostic::error(&file.rel, message).at(&file.text, at.0, at.1);
        match help {
            Some(h) => d.with_help(h),
            None => d,
        }
    })
}

/// Limits on one front-matter block, far above any real file (a criterion's
/// block is a few dozen nodes; the largest, a year's `_index.md` with its
/// tasks, a few thousand) and far below what would take noticeable time or
/// memory. They bound alias bombs ("billion laughs"), deep nesting and
/// floods of nodes; see docs/format.md, Decision: limits.
pub const MAX_NODES: usize = 50_000;
pub const MAX_DEPTH: usize = 32;
pub const MAX_ALIASES: usize = 1_000;

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_nodes: MAX_NODES,
            max_events: 4 * MAX_NODES,
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
            max_aliases: MAX_ALIASES,
            max_anchors: MAX_ALIASES,
            max_recorded_anchor_events: MAX_NODES,
            max_documents: 1,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_NODES,
            max_replay_stack_depth: MAX_DEPTH,
        },
    }
}

/// What the YAML reader refused, sorted into the catalog's messages.
enum Refusal {
    /// A limit of [`options`] was reached: what was too much.
    Limit(Msg),
    /// Not YAML: the scanner's own words (in English).
    Syntax(String),
    UnknownField(String, Vec<String>),
    MissingField(String),
    /// A value of the wrong shape: the message says what was expected.
    Shape(Msg),
    Duplicate(String),
    /// Anything else, in the reader's own words.
    Other(String),
}

fn refusal(e: &serde_saphyr::Error) -> Refusal {
    use serde_saphyr::Error as E;
    if let Some(limit) = over_limit(e) {
        return Refusal::Limit(limit);
    }
    match e {
        E::WithSnippet { error, .. } | E::AliasError { error, .. } => refusal(error),
        E::ExternalMessage { msg, .. } => Refusal::Syntax(strip_location_suffix(msg).to_string()),
        E::SerdeUnknownField {
            field, expected, ..
        } => Refusal::UnknownField(
            field.clone(),
            expected.iter().map(|s| s.to_string()).collect(),
        ),
        E::SerdeMissingField { field, .. } => Refusal::MissingField(field.to_string()),
        E::DuplicateMappingKey { key, .. } => Refusal::Duplicate(key.clone().unwrap_or_default()),
        E::NullIntoString { .. } => Refusal::Shape(msg!("E205-nothing")),
        E::Unexpected { expected, .. } => match *expected {
            "string scalar" => Refusal::Shape(msg!("E205-not-a-single-value")),
            "sequence start" => Refusal::Shape(msg!("E205-not-a-list")),
            "mapping start" => Refusal::Shape(msg!("E205-not-fields")),
            _ => Refusal::Other(strip_location_suffix(&e.to_string()).to_string()),
        },
        other => Refusal::Other(strip_location_suffix(&other.to_string()).to_string()),
    }
}

/// What limit a parse ran into, in words, when it did.
fn over_limit(e: &serde_saphyr::Error) -> Option<Msg> {
    use serde_saphyr::budget::BudgetBreach as B;
    let depth = || msg!("frontmatter-limit-depth", depth = MAX_DEPTH);
    let bomb = || msg!("frontmatter-limit-alias-bomb", count = MAX_NODES);
    Some(match e {
        serde_saphyr::Error::WithSnippet { error, .. }
        | serde_saphyr::Error::AliasError { error, .. } => return over_limit(error),
        serde_saphyr::Error::Budget { breach, .. } => match breach {
            B::Depth { .. } => depth(),
            B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => {
                msg!("frontmatter-limit-aliases", count = MAX_ALIASES)
            }
            B::Nodes { .. } | B::Events { .. } => {
                msg!("frontmatter-limit-values", count = MAX_NODES)
            }
            B::RecordedAnchorEvents { .. } | B::RecordedAnchorBytes { .. } => bomb(),
            B::Documents { .. } => msg!("frontmatter-limit-documents"),
            other => msg!("frontmatter-limit-other", detail = format!("{other:?}")),
        },
        serde_saphyr::Error::AliasReplayLimitExceeded { .. }
        | serde_saphyr::Error::AliasExpansionLimitExceeded { .. } => bomb(),
        serde_saphyr::Error::AliasReplayStackDepthExceeded { .. } => {
            msg!("frontmatter-limit-alias-depth", depth = MAX_DEPTH)
        }
        // The parser's own guard against deep nesting.
        other if other.to_string().contains("recursion limit exceeded") => depth(),
        _ => return None,
    })
}

/// serde-saphyr appends " at line N, column M"; the diagnostic already says where.
fn strip_location_suffix(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(", column ") => &msg[..i],
        _ => msg,
    }
    .trim()
}

/// Reads a location off a span, shifted to the file.
pub fn loc<T>(s: &Spanned<T>, split: &Split) -> Loc {
    let l = s.referenced;
    if l.line() == 0 {
        return Loc {
            line: split.yaml_line,
            col: 1,
        };
    }
    Loc {
        line: l.line() as u32 + split.yaml_line - 1,
        col: l.column() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            rel: "content/2022/1.md".into(),
            text: text.into(),
        }
    }

    #[test]
    fn splits_block_and_body_with_lines() {
        let f = file("---\nid: \"1\"\ntitle: x\n---\n# Body\n");
        let s = split(&f).unwrap();
        assert_eq!(s.yaml, "id: \"1\"\ntitle: x\n");
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn refuses_missing_and_unclosed_blocks() {
        let d = split(&file("# no front matter\n")).unwrap_err();
        assert_eq!(d.line, Some(1));
        let d = split(&file("---\ntitle: x\n")).unwrap_err();
        assert!(d.message.en().contains("never closed"));
    }

    #[test]
    fn errors_point_at_the_file_line_not_the_block_line() {
        let f = file("---\nid: \"1\"\ntitle: x\nmax: 2\nsocre: 3\n---\n");
        let s = split(&f).unwrap();
        let d = parse::<RawNode>(&f, &s).unwrap_err();
        assert_eq!((d.line, d.column), (Some(5), Some(1)));
        assert!(
            d.message
                .en()
                .starts_with("unknown field `socre`, expected one of"),
            "{}",
            d.message.en()
        );
        assert!(d.message.en().contains("self_score"));
        assert_eq!(
            d.help.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean `score`?")
        );
        assert_eq!(d.source_line.as_deref(), Some("socre: 3"));
    }

    #[test]
    fn values_keep_their_raw_text_and_position() {
        let f = file("---\nid: 1.10\ntitle: x\nmax: 11.911\nscore: \"11,911\"\n---\n");
        let s = split(&f).unwrap();
        let n: RawNode = parse(&f, &s).unwrap();
        assert_eq!(n.id.value, Text("1.10".into()));
        assert_eq!(n.max.value, Text("11.911".into()));
        assert_eq!(n.score.as_ref().unwrap().value, Text("11,911".into()));
        assert_eq!(loc(&n.max, &s), Loc { line: 4, col: 6 });
    }

    #[test]
    fn duplicate_keys_and_syntax_errors() {
        let f = file("---\nid: 1\ntitle: x\nmax: 2\nmax: 3\n---\n");
        let d = parse::<RawNode>(&f, &split(&f).unwrap()).unwrap_err();
        assert_eq!(d.line, Some(5));
        assert!(d.message.en().contains("given twice"), "{}", d.message.en());
        let f = file("---\nid: 1\ntitle: \"x\n---\n");
        let d = parse::<RawNode>(&f, &split(&f).unwrap()).unwrap_err();
        assert_eq!(d.line, Some(3));
        assert!(
            d.message
                .en()
                .starts_with("the front matter is not valid YAML: "),
            "{}",
            d.message.en()
        );
        assert!(d.help.unwrap().en().contains("double quotes"));
        let f = file("---\ntitle: x\nmax: 1\n---\n");
        let d = parse::<RawNode>(&f, &split(&f).unwrap()).unwrap_err();
        assert!(
            d.message.en().contains("missing field `id`"),
            "{}",
            d.message.en()
        );
        assert_eq!((d.line, d.column), (Some(1), Some(1)));
    }

    #[test]
    fn wrong_shapes_say_what_was_expected() {
        let cases = [
            (
                "---\nid: 1\ntitle:\nmax: 1\n---\n",
                3,
                "expected a text here, found nothing",
            ),
            (
                "---\nid: 1\ntitle: x\nmax: 1\nevidence: a.pdf\n---\n",
                5,
                "expected a list here",
            ),
            (
                "---\nid: 1\ntitle: x\nmax: 1\nevidence:\n  - a.pdf\n---\n",
                6,
                "expected fields here",
            ),
        ];
        for (text, line, msg) in cases {
            let f = file(text);
            let d = parse::<RawNode>(&f, &split(&f).unwrap()).unwrap_err();
            assert_eq!(d.line, Some(line), "{text}");
            assert_eq!(d.code(), "E205", "{text}");
            assert!(d.message.en().starts_with(msg), "{}", d.message.en());
        }
    }

    #[test]
    fn each_refusal_has_its_code() {
        let code = |text: &str| {
            let f = file(text);
            match split(&f) {
                Err(d) => d.code(),
                Ok(s) => parse::<RawNode>(&f, &s).unwrap_err().code(),
            }
        };
        assert_eq!(code("# no front matter\n"), "E201");
        assert_eq!(code("---\ntitle: x\n"), "E201");
        assert_eq!(code("---\n\n---\n"), "E201");
        assert_eq!(code("---\nid: 1\ntitle: \"x\n---\n"), "E202");
        assert_eq!(code("---\nid: 1\ntitle: x\nmax: *a\n---\n"), "E202");
        assert_eq!(
            code("---\nid: 1\ntitle: x\nmax: 2\nsocre: 3\n---\n"),
            "E203"
        );
        assert_eq!(code("---\ntitle: x\nmax: 1\n---\n"), "E204");
        assert_eq!(code("---\nid: 1\ntitle: x\nmax: 2\nmax: 3\n---\n"), "E206");
        let deep = format!(
            "---\nid: 1\ntitle: x\nmax: 2\nextra: {}\n---\n",
            "[".repeat(100)
        );
        assert_eq!(code(&deep), "E207");
    }

    #[test]
    fn refusals_read_in_vietnamese() {
        let f = file("---\nid: 1\ntitle: x\nmax: 2\nsocre: 3\n---\n");
        let d = parse::<RawNode>(&f, &split(&f).unwrap()).unwrap_err();
        let vi = d.message.text(crate::base::i18n::Lang::Vi);
        assert!(
            vi.starts_with("loại tệp này không có trường `socre`"),
            "{vi}"
        );
        assert!(vi.contains("self_score"), "{vi}");
        let help = d.help.unwrap().text(crate::base::i18n::Lang::Vi);
        assert_eq!(help, "có phải ý bạn là `score`?");
    }
}
