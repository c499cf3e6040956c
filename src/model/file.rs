//! What one content file says, as the model keeps it: criteria
//! ([`NodeFile`]), assessments, sections and pages, with their evidence and
//! tasks, and each value's position in the file. [`crate::model::parse`]
//! makes them; [`crate::model::site`] puts them together.

use crate::base::diag::Diagnostic;
use crate::base::i18n::Msg;
use crate::base::id::NodeId;
use crate::base::score::Score;
use crate::model::frontmatter::{At, Loc};
use crate::model::markdown;
use crate::msg;
use jiff::civil::Date;
use std::sync::Arc;

/// What a file under content/ is, by its path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRole {
    /// `content/_index.md`: the home page's own text.
    Home,
    /// `content/<year>/_index.md`
    Assessment(i32),
    /// any other `.md` under `content/<year>/`
    Node(i32),
    /// `content/<name>/_index.md`
    Section(String),
    /// `content/<name>/<page>.md`, or `content/<page>.md` (section "")
    Page(String),
}

/// Path (relative to the root) → role, or why the file has no place.
pub fn role_of(rel: &str) -> Result<FileRole, Msg> {
    let parts: Vec<&str> = rel.split('/').collect();
    debug_assert_eq!(parts.first(), Some(&"content"));
    let is_year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [_, "_index.md"] => Ok(FileRole::Home),
        [_, _page] => Ok(FileRole::Page(String::new())),
        [_, dir, "_index.md"] if is_year(dir) => Ok(FileRole::Assessment(dir.parse().unwrap_or(0))),
        [_, dir, ..] if is_year(dir) => Ok(FileRole::Node(dir.parse().unwrap_or(0))),
        [_, dir, "_index.md"] => Ok(FileRole::Section((*dir).to_string())),
        [_, dir, _page] => Ok(FileRole::Page((*dir).to_string())),
        [_, dir, ..] => Err(msg!("E307-page-in-subfolder", section = *dir)),
        _ => Err(msg!("E307-not-under-content")),
    }
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct Evidence {
    pub title: String,
    pub number: Option<String>,
    pub date: Option<Date>,
    pub issuer: Option<String>,
    /// `file:` as written.
    pub file: Option<String>,
    pub url: Option<String>,
    pub pages: Option<String>,
    /// The link to a local `file:`, filled by check (for a `url:` the url
    /// itself is the link; see [`Evidence::link`]).
    pub href: Option<String>,
    /// Where a local `file:` is copied in the output (`2022/1-1/bc.pdf`),
    /// filled by check.
    #[serde(skip)]
    pub copied_to: Option<String>,
    /// The local file on disk (beside the Markdown file, or in static/),
    /// filled by check: what the evidence package copies.
    #[serde(skip)]
    pub source: Option<std::path::PathBuf>,
    /// For reviewers only: never on the public site.
    #[serde(skip)]
    pub internal: bool,
    #[serde(skip)]
    pub loc: Loc,
    #[serde(skip)]
    pub number_loc: Option<Loc>,
    #[serde(skip)]
    pub date_loc: Option<Loc>,
    #[serde(skip)]
    pub file_loc: Option<Loc>,
}

impl Evidence {
    /// Where the document can be opened: the copied file, else the url.
    pub fn link(&self) -> Option<&str> {
        self.href.as_deref().or(self.url.as_deref())
    }
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct Task {
    pub title: String,
    pub unit: Option<String>,
    /// Whom it is addressed to when it is not one unit.
    pub to: Option<String>,
    pub due: Option<Date>,
    pub done: Option<Date>,
    /// The node the task stands in, if any.
    pub node: Option<String>,
    pub file: String,
    #[serde(skip)]
    pub loc: Loc,
    #[serde(skip)]
    pub unit_loc: Option<Loc>,
    /// For reviewers only: never on the public site.
    #[serde(skip)]
    pub internal: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    DoneOnTime,
    DoneLate,
    /// Done, with no due date to say whether on time.
    Done,
    Open,
    Overdue,
    /// Neither a due date nor a completion recorded: nothing to claim.
    NotRecorded,
}

impl TaskState {
    pub fn of(task: &Task, today: Date) -> TaskState {
        match (task.done, task.due) {
            (Some(done), Some(due)) if done > due => TaskState::DoneLate,
            (Some(_), Some(_)) => TaskState::DoneOnTime,
            (Some(_), None) => TaskState::Done,
            (None, Some(due)) if today > due => TaskState::Overdue,
            (None, Some(_)) => TaskState::Open,
            (None, None) => TaskState::NotRecorded,
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            TaskState::DoneOnTime => "Hoàn thành đúng hạn",
            TaskState::DoneLate => "Hoàn thành trễ hạn",
            TaskState::Done => "Đã hoàn thành (không ghi thời hạn)",
            TaskState::Open => "Đang thực hiện",
            TaskState::Overdue => "Quá hạn",
            TaskState::NotRecorded => "Chưa ghi thời hạn và kết quả",
        }
    }
}

/// One `content/<year>/…/*.md`, parsed alone.
#[derive(Clone, Debug)]
pub struct NodeFile {
    pub id: At<NodeId>,
    pub title: String,
    pub label: Option<String>,
    pub max: At<Score>,
    pub self_score: Option<At<Score>>,
    pub score: Option<At<Score>>,
    pub ratio: Option<At<(u64, u64)>>,
    pub applicable: At<bool>,
    pub unit: Option<At<String>>,
    /// The unit's own justification (giải trình).
    pub explanation: Option<String>,
    /// Why the appraisal gave less than the maximum (lý do chưa đạt), as
    /// the results notice writes it.
    pub reason: Option<String>,
    pub evidence: Vec<Evidence>,
    pub tasks: Vec<Task>,
    /// For reviewers only: the public sees its figures in the tables, and
    /// nothing else (docs/format.md, "Audiences").
    pub internal: bool,
    pub extra: serde_json::Value,
}

#[derive(Clone, Debug)]
pub struct AssessmentFile {
    pub title: String,
    /// As written, or 100 at the front matter's first line when absent.
    pub max: At<Score>,
    /// Whether `max:` is written (diagnostics point at it only then).
    pub max_given: bool,
    pub total: Option<At<Score>>,
    pub rank: Option<u32>,
    pub ranked: Option<u32>,
    pub decision: Option<Evidence>,
    pub tasks: Vec<Task>,
    /// A year for reviewers only (one being prepared): not on the public
    /// site at all.
    pub internal: bool,
    pub extra: serde_json::Value,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    Date,
    Title,
    Weight,
}

#[derive(Clone, Debug)]
pub struct SectionFile {
    pub title: String,
    pub sort_by: SortBy,
    pub feed: bool,
    pub extra: serde_json::Value,
}

#[derive(Clone, Debug)]
pub struct PageFile {
    pub title: String,
    pub date: Option<Date>,
    pub summary: Option<String>,
    pub draft: bool,
    /// For reviewers only: not on the public site at all.
    pub internal: bool,
    pub weight: i64,
    pub slug: String,
    pub extra: serde_json::Value,
}

#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // built once per file; boxing buys nothing
pub enum Kind {
    Home(SectionFile),
    Assessment(i32, AssessmentFile),
    Node(i32, Arc<NodeFile>),
    Section(String, SectionFile),
    Page(String, PageFile),
}

/// The result of the pure per-file work: what the file says, its rendered
/// body and its own diagnostics. `kind` is None when the file is unusable.
#[derive(Clone, Debug)]
pub struct ParsedFile {
    pub rel: String,
    /// What of this file may show on pages other than its own: the front
    /// matter, or the whole text of a section's page (its summary and body
    /// go into lists and feeds). When no file's shape changed, a rebuild
    /// only re-renders the pages whose body changed.
    pub shape: Arc<str>,
    pub kind: Option<Kind>,
    pub body_html: markdown::Body,
    pub body_summary: String,
    pub diagnostics: Vec<Diagnostic>,
}
