//! Each year's data: `/data/<year>.json` (the computed tree) and
//! `/data/<year>.csv`. Numbers are exact (written from the decimal type,
//! never f64).

use crate::base::score::Score;
use crate::base::vi;
use crate::error::Error;
use crate::exports::{Export, ExportContext, Part};
use crate::model::file::TaskState;
use crate::model::site::{Assessment, Site};
use crate::render::views::EvidenceView;
use serde::Serialize;

#[derive(Serialize)]
struct JsonNode<'a> {
    id: String,
    label: Option<&'a str>,
    title: &'a str,
    url: String,
    max: Score,
    self_score: Option<Score>,
    score: Option<Score>,
    /// max − score over the applicable parts.
    lost: Option<Score>,
    applicable: bool,
    applicable_max: Score,
    not_itemised: Option<Score>,
    ratio: Option<[u64; 2]>,
    unit: Option<&'a str>,
    explanation: Option<&'a str>,
    evidence: Vec<EvidenceView>,
    /// Empty on the public site, like `source`.
    warnings: &'a [String],
    /// The Markdown file: the review site only (null on the public one).
    source: Option<&'a str>,
    children: Vec<JsonNode<'a>>,
}

#[derive(Serialize)]
struct JsonTask<'a> {
    title: &'a str,
    unit: Option<&'a str>,
    /// Whom it is addressed to when it is not one unit.
    to: Option<&'a str>,
    node: Option<&'a str>,
    due: Option<String>,
    done: Option<String>,
    state: TaskState,
}

#[derive(Serialize)]
struct JsonAssessment<'a> {
    year: i32,
    title: &'a str,
    max: Score,
    /// The sum of the areas' scores.
    score: Option<Score>,
    /// The published total, as given (checked equal to `score`).
    total: Option<Score>,
    lost: Option<Score>,
    rank: Option<u32>,
    ranked: Option<u32>,
    decision: Option<EvidenceView>,
    build_date: String,
    nodes: Vec<JsonNode<'a>>,
    tasks: Vec<JsonTask<'a>>,
}

fn json_node<'a>(site: &Site, a: &'a Assessment, i: usize) -> JsonNode<'a> {
    let n = &a.nodes[i];
    JsonNode {
        id: n.front.id.value.to_string(),
        label: n.front.label.as_deref(),
        title: &n.front.title,
        url: format!("{}{}", site.config.base_path, n.url_path(a.year)),
        max: n.front.max.value,
        self_score: n.self_score,
        score: n.score,
        lost: n.lost,
        applicable: n.in_scope,
        applicable_max: n.applicable_max,
        not_itemised: n.not_itemised,
        ratio: n.front.ratio.as_ref().map(|r| [r.value.0, r.value.1]),
        unit: n.front.unit.as_ref().map(|u| u.value.as_str()),
        explanation: n.front.explanation.as_deref(),
        evidence: n.front.evidence.iter().map(EvidenceView::new).collect(),
        warnings: &n.warnings,
        source: site.audience.is_review().then_some(n.file.as_str()),
        children: n.children.iter().map(|&c| json_node(site, a, c)).collect(),
    }
}

fn json_doc<'a>(site: &'a Site, a: &'a Assessment) -> JsonAssessment<'a> {
    JsonAssessment {
        year: a.year,
        title: &a.front.title,
        max: a.front.max.value,
        score: a.score,
        total: a.front.total.as_ref().map(|t| t.value),
        lost: a.lost,
        rank: a.front.rank,
        ranked: a.front.ranked,
        decision: a.front.decision.as_ref().map(EvidenceView::new),
        build_date: vi::date_iso(site.today),
        nodes: a.roots.iter().map(|&r| json_node(site, a, r)).collect(),
        tasks: a
            .all_tasks()
            .map(|t| JsonTask {
                title: &t.title,
                unit: t.unit.as_deref(),
                to: t.to.as_deref(),
                node: t.node.as_deref(),
                due: t.due.map(vi::date_iso),
                done: t.done.map(vi::date_iso),
                state: TaskState::of(t, site.today),
            })
            .collect(),
    }
}

/// `/data/<year>.json`: the computed tree with exact numbers, written to
/// `w` as it is serialised.
pub fn json_to(site: &Site, a: &Assessment, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &json_doc(site, a))?;
    w.write_all(b"\n")
}

fn csv_field(out: &mut String, v: &str) {
    if v.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&v.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(v);
    }
}

fn csv_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push_str("\r\n");
}

/// One row per node, UTF-8 with a byte order mark so Excel reads the
/// Vietnamese text. RFC 4180: commas, CRLF, decimal point (`87.303`); for
/// Excel set to Vietnamese number format, the `.xlsx` export is the one
/// to open.
pub fn csv(site: &Site, a: &Assessment) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    csv_row(
        &mut out,
        &[
            "ma_so",
            "nhan",
            "tieu_chi",
            "diem_toi_da",
            "tu_danh_gia",
            "diem_tham_dinh",
            "diem_bi_mat",
            "ap_dung",
            "don_vi",
            "so_tai_lieu_kiem_chung",
            "giai_trinh",
            "canh_bao",
        ],
    );
    let opt = |s: Option<Score>| s.map(Score::to_plain).unwrap_or_default();
    for n in &a.nodes {
        let unit = n
            .front
            .unit
            .as_ref()
            .map(|u| {
                site.config
                    .unit(&u.value)
                    .map_or(u.value.clone(), |x| x.name.clone())
            })
            .unwrap_or_default();
        csv_row(
            &mut out,
            &[
                &n.front.id.value.to_string(),
                n.front.label.as_deref().unwrap_or(""),
                &n.front.title,
                &n.front.max.value.to_plain(),
                &opt(n.self_score),
                &opt(n.score),
                &opt(n.lost),
                if n.in_scope { "có" } else { "không" },
                &unit,
                &n.front.evidence.len().to_string(),
                n.front.explanation.as_deref().unwrap_or(""),
                &n.warnings.join(" | "),
            ],
        );
    }
    out.into_bytes()
}

/// `/data/<year>.json` of every year, written as it is serialised (it is
/// the largest data file): never held whole.
pub struct Json;

impl Export for Json {
    fn parts(&self, cx: &ExportContext) -> Vec<Part> {
        per_year(cx, "json", |site, a, w| json_to(site, a, w))
    }
}

/// `/data/<year>.csv` of every year.
pub struct Csv;

impl Export for Csv {
    fn parts(&self, cx: &ExportContext) -> Vec<Part> {
        per_year(cx, "csv", |site, a, w| w.write_all(&csv(site, a)))
    }
}

/// One part per year: `data/<year>.<ext>`, written by `write`.
pub(crate) fn per_year(
    cx: &ExportContext,
    ext: &str,
    write: fn(&Site, &Assessment, &mut dyn std::io::Write) -> std::io::Result<()>,
) -> Vec<Part> {
    (0..cx.site.assessments.len())
        .map(|i| {
            let path = format!("data/{}.{ext}", cx.site.assessments[i].year);
            let shown = path.clone();
            Part::one(path, move |cx, w| {
                write(&cx.site, &cx.site.assessments[i], w).map_err(|e| Error::writing(&shown, e))
            })
        })
        .collect()
}
