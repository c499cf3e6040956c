//! `kiemchung new`: start a criterion or a year from a correct file.
//! Both refuse to overwrite, and what they write passes `check`.
//!
//! Everything is checked before anything is written, so a refusal writes
//! nothing; then each file is written whole or not at all
//! ([`fsutil::write_new_files`], the one writer of content files).

pub mod import;

use crate::base::fsutil;
use crate::base::i18n::Msg;
use crate::base::id::NodeId;
use crate::base::score::Score;
use crate::error::Error;
use crate::load;
use crate::model::file::{self as model, Kind};
use crate::model::markdown::MarkdownSettings;
use crate::msg;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A YAML double-quoted scalar (JSON string syntax is valid YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn parsed_year(root: &Path, year: i32) -> Vec<(String, std::sync::Arc<model::NodeFile>)> {
    let inputs = load::load(root);
    let md = MarkdownSettings {
        base_path: "/".into(),
        unsafe_html: false,
        review: true,
    };
    inputs
        .content
        .iter()
        .filter(|f| f.rel.starts_with(&format!("content/{year}/")))
        .filter_map(|f| match crate::model::parse::parse_file(f, &md).kind {
            Some(Kind::Node(_, n)) => Some((f.rel.clone(), n)),
            _ => None,
        })
        .collect()
}

pub struct NewCriterion<'a> {
    pub year: i32,
    pub id: &'a str,
    pub title: &'a str,
    pub max: Option<&'a str>,
    pub unit: Option<&'a str>,
}

/// The line that names a file's JSON Schema for the YAML language server
/// (editors), relative to the file at `rel` (its path from the site's
/// root): `# yaml-language-server: $schema=../../schemas/assessment.schema.json`.
/// The schemas are in `schemas/` ([`crate::schema::DIR`]), written by
/// `kiemchung schema`.
pub fn schema_line(rel: &str, kind: crate::schema::Kind) -> String {
    let up = "../".repeat(rel.matches('/').count());
    format!(
        "# yaml-language-server: $schema={up}{}/{}\n",
        crate::schema::DIR,
        kind.file_name()
    )
}

/// A note for when the schema the new files name is not there yet.
pub fn schema_note(root: &Path) -> Option<Msg> {
    let rel = format!(
        "{}/{}",
        crate::schema::DIR,
        crate::schema::Kind::Criterion.file_name()
    );
    (!root.join(&rel).is_file()).then(|| msg!("note-schema", path = rel))
}

/// A new year's `content/<year>/_index.md`, at `rel`.
pub fn assessment_index(rel: &str, year: i32, max: Score) -> String {
    let mut index = String::from("---\n");
    index.push_str(&schema_line(rel, crate::schema::Kind::Assessment));
    let _ = writeln!(index, "title: {}", q(&format!("Chỉ số CCHC năm {year}")));
    let _ = writeln!(index, "max: {}", max.to_plain());
    index.push_str("# total: 0              # tổng điểm được công bố\n");
    index.push_str("# rank: 0               # xếp hạng\n");
    index.push_str("# decision: { number: \"…/QĐ-UBND\", date: YYYY-MM-DD, title: \"…\" }\n");
    index.push_str("---\n");
    index
}

/// Why a `new` or `import` command stopped: a refusal (nothing written),
/// or a failure while writing, with the files written whole before it.
#[derive(Debug)]
pub struct Failure {
    pub error: Error,
    pub written: Vec<PathBuf>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure {
            error,
            written: Vec::new(),
        }
    }
}

impl From<fsutil::PathError> for Failure {
    fn from(e: fsutil::PathError) -> Self {
        Error::from(e).into()
    }
}

/// A refusal: why, a message with its code.
impl From<Msg> for Failure {
    fn from(message: Msg) -> Self {
        Error::Command(message).into()
    }
}

/// Writes the files, each whole, in order.
fn write_all(files: &[(PathBuf, String)]) -> Result<Vec<PathBuf>, Failure> {
    fsutil::write_new_files(files).map_err(|(written, e)| {
        let error = if fsutil::is_disk_full(&e.source) {
            Error::Command(msg!("E802-disk-full-file", error = e.message()))
        } else {
            Error::Io(e)
        };
        Failure { error, written }
    })
}

/// Writes `content/<year>/…/<id>.md`, beside its parent's file when there
/// is one. Returns the path written.
pub fn criterion(root: &Path, c: &NewCriterion) -> Result<PathBuf, Failure> {
    let id = NodeId::parse(c.id).map_err(|e| msg!("E820-bad-id", detail = e.to_string()))?;
    if c.title.trim().is_empty() {
        return Err(msg!("E820-no-title").into());
    }
    let max = match c.max {
        Some(m) => crate::base::score::Score::parse(m)
            .map_err(|e| msg!("E820-bad-max", detail = e.to_string()))?
            .to_plain(),
        None => "0".into(),
    };
    let index = root.join(format!("content/{}/_index.md", c.year));
    if !index.is_file() {
        return Err(msg!("E822-no-year", year = c.year).into());
    }
    let nodes = parsed_year(root, c.year);
    if let Some((file, _)) = nodes.iter().find(|(_, n)| n.id.value == id) {
        return Err(msg!("E823-id-exists", id = id.to_string(), file = file).into());
    }
    let dir = match id.parent() {
        None => root.join(format!("content/{}", c.year)),
        Some(pid) => {
            let Some((file, _)) = nodes.iter().find(|(_, n)| n.id.value == pid) else {
                return Err(msg!(
                    "E822-no-parent",
                    id = id.to_string(),
                    parent = pid.to_string(),
                    year = c.year
                )
                .into());
            };
            root.join(file)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default()
        }
    };
    let path = dir.join(format!("{id}.md"));
    if path.exists() {
        return Err(msg!("E823-file-exists", path = &path).into());
    }
    let mut text = String::from("---\n");
    text.push_str(&schema_line(
        &fsutil::rel_string(root, &path),
        crate::schema::Kind::Criterion,
    ));
    let _ = writeln!(text, "id: {}", q(&id.to_string()));
    let _ = writeln!(text, "title: {}", q(c.title.trim()));
    let _ = writeln!(text, "max: {max}              # điểm tối đa");
    let _ = writeln!(text, "# self_score: 0        # tự đánh giá");
    let _ = writeln!(text, "# score: 0             # điểm thẩm định");
    match c.unit {
        Some(u) => {
            let _ = writeln!(text, "unit: {}", q(u));
        }
        None => {
            let _ = writeln!(
                text,
                "# unit: van-phong      # đơn vị chủ trì (id trong site.toml)"
            );
        }
    }
    text.push_str("evidence: []           # tài liệu kiểm chứng:\n");
    text.push_str("#  - title: \"Báo cáo … (ví dụ)\"\n#    number: \"…/BC-…\"   # số, ký hiệu như trên văn bản\n#    date: …             # ngày ban hành: năm-tháng-ngày\n#    file: bao-cao.pdf   # tệp đặt cạnh tệp này\n");
    text.push_str(
        "---\n\nNội dung thực hiện.\n\n::: noi-bo\nTài liệu còn thiếu, việc cần làm (chỉ hiện trên bản xem trước nội bộ).\n:::\n",
    );
    write_all(&[(path.clone(), text)])?;
    Ok(path)
}

/// Writes `content/<year>/_index.md`; with `from`, copies that year's tree
/// with scores, evidence, explanations and tasks emptied. Returns the files
/// written. `_index.md` is written last: a year whose writing was
/// interrupted has none, which `check` reports.
pub fn year(root: &Path, year: i32, from: Option<i32>) -> Result<Vec<PathBuf>, Failure> {
    if !(1900..=9999).contains(&year) {
        return Err(msg!("E821-not-a-year", year = year).into());
    }
    let dir = root.join(format!("content/{year}"));
    if dir.exists() {
        return Err(msg!("E823-file-exists", path = &dir).into());
    }
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut max = Score::from_int(100);
    if let Some(from) = from {
        let src_index = root.join(format!("content/{from}/_index.md"));
        if !src_index.is_file() {
            return Err(msg!("E822-no-from-year", from = from).into());
        }
        let inputs = load::load(root);
        let md = MarkdownSettings {
            base_path: "/".into(),
            unsafe_html: false,
            review: true,
        };
        let prefix = format!("content/{from}/");
        let mut errors = Vec::new();
        for f in inputs.content.iter().filter(|f| f.rel.starts_with(&prefix)) {
            let p = crate::model::parse::parse_file(f, &md);
            if p.diagnostics.iter().any(|d| d.is_error()) {
                errors.push(f.rel.clone());
                continue;
            }
            let rel = &f.rel[prefix.len()..];
            match p.kind {
                Some(Kind::Assessment(_, a)) => max = a.max.value,
                Some(Kind::Node(_, n)) => {
                    let mut t = String::from("---\n");
                    t.push_str(&schema_line(
                        &format!("content/{year}/{rel}"),
                        crate::schema::Kind::Criterion,
                    ));
                    let _ = writeln!(t, "id: {}", q(&n.id.value.to_string()));
                    let _ = writeln!(t, "title: {}", q(&n.title));
                    if let Some(l) = &n.label {
                        let _ = writeln!(t, "label: {}", q(l));
                    }
                    let _ = writeln!(t, "max: {}", n.max.value.to_plain());
                    if !n.applicable.value {
                        t.push_str("applicable: false\n");
                    }
                    if let Some(u) = &n.unit {
                        let _ = writeln!(t, "unit: {}", q(&u.value));
                    }
                    t.push_str("evidence: []\n---\n");
                    files.push((dir.join(rel), t));
                }
                _ => {}
            }
        }
        if !errors.is_empty() {
            return Err(msg!("E822-from-has-errors", from = from, files = errors).into());
        }
    }
    let index = assessment_index(&format!("content/{year}/_index.md"), year, max);
    files.push((dir.join("_index.md"), index));
    if dir.exists() {
        return Err(msg!("E823-appeared-meanwhile", path = &dir).into());
    }
    write_all(&files)
}
