//! Data outputs: `/data/<year>.json`, `/data/<year>.csv`, `/sitemap.xml`,
//! Atom feeds. Numbers are exact (written from the decimal type, never f64).

use crate::base::html::escape;
use crate::base::score::Score;
use crate::base::vi;
use crate::model::file::TaskState;
use crate::model::site::{Assessment, Section, Site};
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
    warnings: &'a [String],
    source: &'a str,
    children: Vec<JsonNode<'a>>,
}

#[derive(Serialize)]
struct JsonTask<'a> {
    title: &'a str,
    unit: Option<&'a str>,
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
        id: n.n.id.value.to_string(),
        label: n.n.label.as_deref(),
        title: &n.n.title,
        url: format!("{}{}", site.config.base_path, n.url_path(a.year)),
        max: n.n.max.value,
        self_score: n.self_score,
        score: n.score,
        lost: n.lost,
        applicable: n.in_scope,
        applicable_max: n.applicable_max,
        not_itemised: n.not_itemised,
        ratio: n.n.ratio.as_ref().map(|r| [r.value.0, r.value.1]),
        unit: n.n.unit.as_ref().map(|u| u.value.as_str()),
        explanation: n.n.explanation.as_deref(),
        evidence: n.n.evidence.iter().map(EvidenceView::new).collect(),
        warnings: &n.warnings,
        source: &n.file,
        children: n.children.iter().map(|&c| json_node(site, a, c)).collect(),
    }
}

fn json_doc<'a>(site: &'a Site, a: &'a Assessment) -> JsonAssessment<'a> {
    JsonAssessment {
        year: a.year,
        title: &a.a.title,
        max: a.a.max.value,
        score: a.score,
        total: a.a.total.as_ref().map(|t| t.value),
        lost: a.lost,
        rank: a.a.rank,
        ranked: a.a.ranked,
        decision: a.a.decision.as_ref().map(EvidenceView::new),
        build_date: vi::date_iso(site.today),
        nodes: a.roots.iter().map(|&r| json_node(site, a, r)).collect(),
        tasks: a
            .all_tasks()
            .map(|t| JsonTask {
                title: &t.title,
                unit: t.unit.as_deref(),
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
        let unit =
            n.n.unit
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
                &n.n.id.value.to_string(),
                n.n.label.as_deref().unwrap_or(""),
                &n.n.title,
                &n.n.max.value.to_plain(),
                &opt(n.self_score),
                &opt(n.score),
                &opt(n.lost),
                if n.in_scope { "có" } else { "không" },
                &unit,
                &n.n.evidence.len().to_string(),
                n.n.explanation.as_deref().unwrap_or(""),
                &n.warnings.join(" | "),
            ],
        );
    }
    out.into_bytes()
}

/// The absolute URL of an output path: `https://…/cchc/` + `2022/1-2/`.
fn absolute(site: &Site, path: &str) -> String {
    format!("{}{}", site.config.base_url, path)
}

pub fn sitemap(site: &Site, html_paths: &[String]) -> String {
    let mut paths: Vec<&str> = html_paths
        .iter()
        .filter(|p| p.as_str() != "404.html")
        .map(|p| p.trim_end_matches("index.html"))
        .collect();
    paths.sort_unstable();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in paths {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape(&absolute(site, p))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// Atom feed of a section: its dated pages, newest first. `updated` is the
/// newest page's date (not the build time), so builds are reproducible.
pub fn atom(site: &Site, s: &Section) -> String {
    let mut pages: Vec<_> = s.pages.iter().filter(|p| p.p.date.is_some()).collect();
    pages.sort_by(|a, b| {
        b.p.date
            .cmp(&a.p.date)
            .then_with(|| a.url_path.cmp(&b.url_path))
    });
    let updated = pages.first().and_then(|p| p.p.date).unwrap_or(site.today);
    let feed_url = absolute(site, &format!("{}atom.xml", s.url_path()));
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(&site.config.language)
    ));
    out.push_str(&format!(
        "  <title>{} — {}</title>\n",
        escape(&s.s.title),
        escape(&site.config.title)
    ));
    out.push_str(&format!("  <id>{}</id>\n", escape(&feed_url)));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&feed_url)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&absolute(site, &s.url_path()))
    ));
    out.push_str(&format!(
        "  <updated>{}T00:00:00Z</updated>\n",
        vi::date_iso(updated)
    ));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(&site.config.title)
    ));
    for p in pages {
        let url = absolute(site, &p.url_path);
        let date = p.p.date.map(vi::date_iso).unwrap_or_default();
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", escape(&p.p.title)));
        out.push_str(&format!("    <id>{}</id>\n", escape(&url)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&url)
        ));
        out.push_str(&format!("    <updated>{date}T00:00:00Z</updated>\n"));
        out.push_str(&format!("    <published>{date}T00:00:00Z</published>\n"));
        if !p.summary.is_empty() {
            out.push_str(&format!("    <summary>{}</summary>\n", escape(&p.summary)));
        }
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            escape(&p.body_html.html())
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}
