//! Charts drawn at build time as inline SVG: no JavaScript, no request to
//! anywhere, the same bytes for the same input.
//!
//! Every chart comes with an HTML table of the same numbers ([`Chart`]), so
//! screen readers, print and copy-paste get the data: the `<svg>` is
//! `role="img"` with a `<title>` and a `<desc>` (ids from the caller's
//! prefix, which must be unique in the page), and the numbers printed in it
//! and in the table come from [`Score::to_vi`]. Pixel geometry is computed in
//! `f64` from the exact thousandths and never printed as a value.
//!
//! A chart holds no links: an element with `role="img"` must not contain
//! interactive content (axe-core's `nested-interactive`, a serious
//! violation, even with `tabindex="-1"`), so the way to the pages a chart
//! shows is the table's links, right below it, for everyone.
//!
//! The SVG scales to its container (`viewBox`, `width="100%"`); text uses
//! `currentColor`, value labels are always printed (colour is never the only
//! carrier of a number), and every element has a `kc-…` class so a theme's
//! CSS can restyle it (presentation attributes give way to CSS).

use crate::base::html::escape;
use crate::base::score::Score;
use crate::base::vi;
use std::fmt::Write as _;

/// One horizontal bar: an area or criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// Short label shown before the title: `i`, `1.2`; may be empty.
    pub label: String,
    pub title: String,
    /// The score (or, for [`lost_bars`], the points lost); `None` when there
    /// is none yet.
    pub value: Option<Score>,
    /// The maximum (điểm tối đa).
    pub max: Score,
    /// Where the bar's row in the table links to: the node's page.
    pub href: Option<String>,
}

/// One year of the assessment history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearPoint {
    pub year: i32,
    /// The total score, when known.
    pub total: Option<Score>,
    /// The assessment's maximum (usually 100).
    pub max: Score,
    /// The published rank; 1 is best.
    pub rank: Option<u32>,
    /// How many units were ranked.
    pub ranked: Option<u32>,
    /// The year's page (linked from the table's row).
    pub href: Option<String>,
}

/// A chart and the same numbers as a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// `<svg role="img" …>…</svg>`
    pub svg: String,
    /// `<table class="kc-chart-data">…</table>`, with the caption.
    pub table: String,
}

impl Chart {
    /// Both in a `<figure class="kc-chart">`: the SVG for the eye, the table
    /// for everyone else (a theme may show the table only in print or behind
    /// a toggle, but should keep it in the page).
    pub fn html(&self) -> String {
        format!(
            "<figure class=\"kc-chart\">\n{}{}</figure>\n",
            self.svg, self.table
        )
    }
}

const WIDTH: f64 = 600.0;
const FONT: u32 = 14;
/// Characters of a title shown in the SVG; the full title is in the table
/// and in the row's tooltip.
const TITLE_CHARS: usize = 72;

const TRACK_FILL: &str = "#e8e8e8";
const TRACK_STROKE: &str = "#767676";
const SCORE_FILL: &str = "#2f6f9f";
const LOST_FILL: &str = "#b8442f";
const RANK_STROKE: &str = "#333333";

/// A coordinate with at most two decimals and no trailing zeros.
fn px(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// `part / whole` of `len`, clamped to `0..=len`, from the exact values.
fn scaled(part: Score, whole: Score, len: f64) -> f64 {
    if whole.milli() <= 0 || part.milli() <= 0 {
        return 0.0;
    }
    let r = part.milli() as f64 / whole.milli() as f64;
    (r * len).clamp(0.0, len)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn full_title(b: &Bar) -> String {
    if b.label.is_empty() {
        b.title.clone()
    } else {
        format!("{}. {}", b.label, b.title)
    }
}

fn percent(part: Score, whole: Score) -> Option<String> {
    Score::percent_tenths(part, whole).map(vi::percent_tenths)
}

fn svg_open(out: &mut String, id: &str, kind: &str, height: f64, title: &str, desc: &str) {
    let id = escape(id);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kc-chart-svg kc-chart-{kind}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {} {}\" width=\"100%\" \
         font-size=\"{FONT}\" font-family=\"inherit\" fill=\"currentColor\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        px(WIDTH),
        px(height),
        escape(title),
        escape(desc),
    );
}

fn table_open(out: &mut String, caption: &str, heads: &[&str]) {
    let _ = write!(
        out,
        "<table class=\"kc-chart-data\">\n<caption>{}</caption>\n<thead><tr>",
        escape(caption)
    );
    for (i, h) in heads.iter().enumerate() {
        let class = if i == 0 { "" } else { " class=\"num\"" };
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

fn row_head(out: &mut String, text: &str, href: &Option<String>) {
    out.push_str("<tr><th scope=\"row\">");
    match href {
        Some(h) => {
            let _ = write!(out, "<a href=\"{}\">{}</a>", escape(h), escape(text));
        }
        None => out.push_str(&escape(text)),
    }
    out.push_str("</th>");
}

fn cell(out: &mut String, text: &str) {
    let _ = write!(out, "<td class=\"num\">{}</td>", escape(text));
}

const ROW: f64 = 46.0;
const TITLE_Y: f64 = 16.0;
const BAR_Y: f64 = 22.0;
const BAR_H: f64 = 16.0;

fn bars_height(n: usize) -> f64 {
    if n == 0 { 30.0 } else { ROW * n as f64 + 4.0 }
}

fn no_data(out: &mut String) {
    out.push_str("<text class=\"kc-label\" x=\"0\" y=\"20\">Chưa có số liệu</text>\n");
}

/// Opens a bar row: its group, a tooltip, the title above the bar.
fn row_start(svg: &mut String, b: &Bar, y0: f64, label: &str) {
    let title = full_title(b);
    svg.push_str("<g class=\"kc-row\">");
    let _ = writeln!(
        svg,
        "<title>{}</title>\n<text class=\"kc-label\" x=\"0\" y=\"{}\">{}</text>",
        escape(&format!("{title}: {label}")),
        px(y0 + TITLE_Y),
        escape(&truncate(&title, TITLE_CHARS)),
    );
}

/// Closes a bar row with its value printed at `x`.
fn row_end(svg: &mut String, y0: f64, x: f64, label: &str) {
    let _ = write!(
        svg,
        "<text class=\"kc-value\" x=\"{}\" y=\"{}\">{}</text>",
        px(x),
        px(y0 + BAR_Y + BAR_H - 3.0),
        escape(label),
    );
    svg.push_str("</g>\n");
}

/// Score against max, one horizontal bar per row: the max as a light track
/// of full width, the score as the fill (so the fill's share of the track is
/// the share of the max achieved), and the label `11,911 / 13,5`.
pub fn score_bars(id: &str, caption: &str, bars: &[Bar]) -> Chart {
    const TRACK: f64 = 470.0;
    let mut desc = String::new();
    for b in bars {
        let _ = write!(desc, "{}: ", full_title(b));
        match b.value {
            Some(v) => {
                let _ = write!(desc, "{} / {} điểm", v.to_vi(), b.max.to_vi());
                if let Some(p) = percent(v, b.max) {
                    let _ = write!(desc, " ({p})");
                }
            }
            None => {
                let _ = write!(desc, "chưa có điểm, tối đa {}", b.max.to_vi());
            }
        }
        desc.push_str(". ");
    }
    let mut svg = String::new();
    svg_open(
        &mut svg,
        id,
        "score",
        bars_height(bars.len()),
        caption,
        desc.trim_end(),
    );
    if bars.is_empty() {
        no_data(&mut svg);
    }
    for (i, b) in bars.iter().enumerate() {
        let y0 = ROW * i as f64;
        let label = match b.value {
            Some(v) => format!("{} / {}", v.to_vi(), b.max.to_vi()),
            None => format!("chưa có điểm / {}", b.max.to_vi()),
        };
        row_start(&mut svg, b, y0, &label);
        let _ = writeln!(
            svg,
            "<rect class=\"kc-track\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{TRACK_FILL}\" stroke=\"{TRACK_STROKE}\" stroke-width=\"0.5\"/>",
            px(y0 + BAR_Y),
            px(TRACK),
            px(BAR_H),
        );
        if let Some(v) = b.value {
            let _ = writeln!(
                svg,
                "<rect class=\"kc-fill\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{SCORE_FILL}\"/>",
                px(y0 + BAR_Y),
                px(scaled(v, b.max, TRACK)),
                px(BAR_H),
            );
        }
        row_end(&mut svg, y0, TRACK + 8.0, &label);
    }
    svg.push_str("</svg>\n");

    let mut table = String::new();
    table_open(
        &mut table,
        caption,
        &["Nội dung", "Điểm đạt", "Điểm tối đa", "Tỷ lệ"],
    );
    for b in bars {
        row_head(&mut table, &full_title(b), &b.href);
        match b.value {
            Some(v) => {
                cell(&mut table, &v.to_vi());
                cell(&mut table, &b.max.to_vi());
                cell(&mut table, &percent(v, b.max).unwrap_or_default());
            }
            None => {
                cell(&mut table, "chưa có điểm");
                cell(&mut table, &b.max.to_vi());
                cell(&mut table, "");
            }
        }
        table.push_str("</tr>\n");
    }
    table.push_str("</tbody>\n</table>\n");
    Chart { svg, table }
}

/// Points lost, one horizontal bar per row in the order given, scaled to the
/// largest loss, with the value printed after the bar (`1,589`). `value` is
/// the points lost; `max` is shown in the table for context. Rows without a
/// value (no score yet) have no bar and say so.
pub fn lost_bars(id: &str, caption: &str, bars: &[Bar]) -> Chart {
    const TRACK: f64 = 500.0;
    let largest = bars
        .iter()
        .filter_map(|b| b.value)
        .max()
        .unwrap_or(Score::ZERO);
    let mut desc = String::new();
    for b in bars {
        let _ = write!(desc, "{}: ", full_title(b));
        match b.value {
            Some(v) => {
                let _ = write!(desc, "mất {} / {} điểm", v.to_vi(), b.max.to_vi());
            }
            None => desc.push_str("chưa có điểm"),
        }
        desc.push_str(". ");
    }
    let mut svg = String::new();
    svg_open(
        &mut svg,
        id,
        "lost",
        bars_height(bars.len()),
        caption,
        desc.trim_end(),
    );
    if bars.is_empty() {
        no_data(&mut svg);
    }
    for (i, b) in bars.iter().enumerate() {
        let y0 = ROW * i as f64;
        let (w, label) = match b.value {
            Some(v) => (scaled(v, largest, TRACK), v.to_vi()),
            None => (0.0, "chưa có điểm".to_string()),
        };
        row_start(&mut svg, b, y0, &label);
        let _ = writeln!(
            svg,
            "<line class=\"kc-axis\" x1=\"0\" y1=\"{}\" x2=\"0\" y2=\"{}\" stroke=\"{TRACK_STROKE}\"/>",
            px(y0 + BAR_Y - 2.0),
            px(y0 + BAR_Y + BAR_H + 2.0),
        );
        if w > 0.0 {
            let _ = writeln!(
                svg,
                "<rect class=\"kc-lost\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{LOST_FILL}\"/>",
                px(y0 + BAR_Y),
                px(w),
                px(BAR_H),
            );
        }
        row_end(&mut svg, y0, w + 6.0, &label);
    }
    svg.push_str("</svg>\n");

    let mut table = String::new();
    table_open(
        &mut table,
        caption,
        &["Nội dung", "Điểm bị mất", "Điểm tối đa"],
    );
    for b in bars {
        row_head(&mut table, &full_title(b), &b.href);
        cell(
            &mut table,
            &b.value
                .map_or_else(|| "chưa có điểm".to_string(), Score::to_vi),
        );
        cell(&mut table, &b.max.to_vi());
        table.push_str("</tr>\n");
    }
    table.push_str("</tbody>\n</table>\n");
    Chart { svg, table }
}

/// `thứ 4/21`, or `thứ 4` when the number ranked is unknown.
fn rank_text(rank: u32, ranked: Option<u32>) -> String {
    match ranked {
        Some(n) => format!("thứ {rank}/{n}"),
        None => format!("thứ {rank}"),
    }
}

/// Total and rank across the years, on one x axis of years in the order
/// given. Two bands, each with its own scale (no double y axis): the rank on
/// top (rank 1 highest, the points joined between consecutive years that
/// both have one, labelled `thứ 4`), the total below as bars on a scale of
/// the largest maximum (labelled `87,303`). A year without a total shows its
/// rank only.
pub fn years(id: &str, caption: &str, points: &[YearPoint]) -> Chart {
    const HEIGHT: f64 = 290.0;
    const LEFT: f64 = 4.0;
    const RANK_TOP: f64 = 52.0;
    const RANK_BOTTOM: f64 = 118.0;
    const BASE: f64 = 256.0;
    const BAR_MAX: f64 = 80.0;
    let n = points.len().max(1);
    let col = (WIDTH - 2.0 * LEFT) / n as f64;
    let cx = |i: usize| LEFT + col * (i as f64 + 0.5);
    let worst = points
        .iter()
        .filter_map(|p| p.rank.map(|r| p.ranked.unwrap_or(r).max(r)))
        .max()
        .unwrap_or(1);
    let rank_y = |r: u32| {
        if worst <= 1 {
            RANK_TOP
        } else {
            RANK_TOP
                + (RANK_BOTTOM - RANK_TOP) * f64::from(r.saturating_sub(1)) / f64::from(worst - 1)
        }
    };
    let scale = points.iter().map(|p| p.max).max().unwrap_or(Score::ZERO);

    let mut desc = String::new();
    for p in points {
        let _ = write!(desc, "Năm {}: ", p.year);
        let mut parts = Vec::new();
        if let Some(t) = p.total {
            parts.push(format!("{} / {} điểm", t.to_vi(), p.max.to_vi()));
        }
        if let Some(r) = p.rank {
            parts.push(rank_text(r, p.ranked));
        }
        if parts.is_empty() {
            parts.push("chưa có kết quả".into());
        }
        desc.push_str(&parts.join(", "));
        desc.push_str(". ");
    }
    let mut svg = String::new();
    svg_open(&mut svg, id, "years", HEIGHT, caption, desc.trim_end());
    if points.is_empty() {
        no_data(&mut svg);
    } else {
        let _ = write!(
            svg,
            "<text class=\"kc-band\" x=\"{}\" y=\"16\" font-weight=\"bold\">Thứ hạng (thứ 1 ở trên cùng)</text>\n\
             <text class=\"kc-band\" x=\"{}\" y=\"{}\" font-weight=\"bold\">Tổng điểm</text>\n\
             <line class=\"kc-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{TRACK_STROKE}\"/>\n",
            px(LEFT),
            px(LEFT),
            px(BASE - BAR_MAX - 30.0),
            px(LEFT),
            px(BASE),
            px(WIDTH - LEFT),
            px(BASE),
        );
        // Rank: segments between consecutive years that both have a rank.
        for (i, w) in points.windows(2).enumerate() {
            if let (Some(a), Some(b)) = (w[0].rank, w[1].rank) {
                let _ = writeln!(
                    svg,
                    "<line class=\"kc-rank-line\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{RANK_STROKE}\" stroke-width=\"2\"/>",
                    px(cx(i)),
                    px(rank_y(a)),
                    px(cx(i + 1)),
                    px(rank_y(b)),
                );
            }
        }
        let bar_w = (col * 0.5).min(56.0);
        for (i, p) in points.iter().enumerate() {
            let x = cx(i);
            svg.push_str("<g class=\"kc-year\">");
            if let Some(r) = p.rank {
                let y = rank_y(r);
                let _ = write!(
                    svg,
                    "<circle class=\"kc-rank\" cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#ffffff\" stroke=\"{RANK_STROKE}\" stroke-width=\"2\"/>\n\
                     <text class=\"kc-value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                    px(x),
                    px(y),
                    px(x),
                    px(y - 10.0),
                    escape(&format!("thứ {r}")),
                );
            }
            if let Some(t) = p.total {
                let h = scaled(t, scale, BAR_MAX);
                let _ = write!(
                    svg,
                    "<rect class=\"kc-total\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{SCORE_FILL}\"/>\n\
                     <text class=\"kc-value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                    px(x - bar_w / 2.0),
                    px(BASE - h),
                    px(bar_w),
                    px(h),
                    px(x),
                    px(BASE - h - 6.0),
                    escape(&t.to_vi()),
                );
            }
            let _ = write!(
                svg,
                "<text class=\"kc-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                px(x),
                px(BASE + 22.0),
                p.year,
            );
            svg.push_str("</g>\n");
        }
    }
    svg.push_str("</svg>\n");

    let mut table = String::new();
    table_open(
        &mut table,
        caption,
        &["Năm", "Tổng điểm", "Điểm tối đa", "Thứ hạng"],
    );
    for p in points {
        row_head(&mut table, &p.year.to_string(), &p.href);
        cell(&mut table, &p.total.map(Score::to_vi).unwrap_or_default());
        cell(&mut table, &p.max.to_vi());
        cell(
            &mut table,
            &p.rank.map(|r| rank_text(r, p.ranked)).unwrap_or_default(),
        );
        table.push_str("</tr>\n");
    }
    table.push_str("</tbody>\n</table>\n");
    Chart { svg, table }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event;

    /// An element: its name and attributes.
    type El = (String, Vec<(String, String)>);

    fn s(t: &str) -> Score {
        Score::parse(t).unwrap()
    }

    /// Parses the text as XML (one root element, names matched, entities
    /// known); returns every element as (name, attributes) in order and all
    /// character data, unescaped, each piece followed by a space.
    fn parse(xml: &str) -> (Vec<El>, String) {
        let mut r = quick_xml::Reader::from_str(xml);
        let mut elems = Vec::new();
        let mut text = String::new();
        let mut depth = 0i32;
        let mut roots = 0;
        loop {
            let ev = r.read_event().unwrap_or_else(|e| {
                panic!("not well-formed at {}: {e}\n{xml}", r.buffer_position())
            });
            match ev {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    if depth == 0 {
                        roots += 1;
                    }
                    let name = String::from_utf8_lossy(e.name().as_ref().as_ref()).into_owned();
                    let attrs = e
                        .attributes()
                        .map(|a| {
                            let a = a.expect("well-formed attribute");
                            (
                                String::from_utf8_lossy(a.key.as_ref().as_ref()).into_owned(),
                                a.normalized_value(quick_xml::XmlVersion::default())
                                    .expect("escaped value")
                                    .into_owned(),
                            )
                        })
                        .collect();
                    elems.push((name, attrs));
                    if matches!(ev, Event::Start(_)) {
                        depth += 1;
                    }
                }
                Event::End(_) => depth -= 1,
                Event::Text(t) => {
                    text.push_str(&t.xml10_content());
                }
                Event::GeneralRef(e) => match e.resolve_char_ref().unwrap() {
                    Some(c) => text.push(c),
                    None => text.push_str(match &*e {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unknown entity {other}"),
                    }),
                },
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(depth, 0, "unclosed elements");
        assert_eq!(roots, 1, "expected one root element");
        (elems, text)
    }

    fn attr<'a>(e: &'a El, name: &str) -> Option<&'a str> {
        e.1.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn elements<'a>(
        all: &'a [El],
        name: &'a str,
        class: &'a str,
    ) -> impl Iterator<Item = &'a El> + 'a {
        all.iter()
            .filter(move |e| e.0 == name && attr(e, "class") == Some(class))
    }

    fn areas_2022() -> Vec<Bar> {
        let rows = [
            ("i", "Công tác chỉ đạo điều hành CCHC", "11.911", "13.5"),
            ("ii", "Cải cách thể chế", "4.5", "6.5"),
            ("iii", "Cải cách thủ tục hành chính", "4.5", "5"),
            (
                "iv",
                "Cải cách tổ chức bộ máy hành chính nhà nước",
                "5",
                "6.5",
            ),
            ("v", "Cải cách chế độ công vụ", "8", "8"),
            ("vi", "Cải cách tài chính công", "7", "8.5"),
            (
                "vii",
                "Xây dựng chính quyền điện tử, chính quyền số",
                "6.47",
                "10",
            ),
            (
                "viii",
                "Thực hiện cơ chế một cửa, một cửa liên thông",
                "5.15",
                "7",
            ),
            ("ix", "Điều tra xã hội học", "34.772", "35"),
        ];
        rows.iter()
            .enumerate()
            .map(|(i, (label, title, v, m))| Bar {
                label: label.to_string(),
                title: title.to_string(),
                value: Some(s(v)),
                max: s(m),
                href: Some(format!("/cchc/2022/{}/", i + 1)),
            })
            .collect()
    }

    fn lost_2022() -> Vec<Bar> {
        areas_2022()
            .into_iter()
            .map(|b| Bar {
                value: b.value.map(|v| b.max - v),
                ..b
            })
            .collect()
    }

    fn history() -> Vec<YearPoint> {
        vec![
            YearPoint {
                year: 2021,
                total: None,
                max: s("100"),
                rank: Some(10),
                ranked: None,
                href: Some("/cchc/2021/".into()),
            },
            YearPoint {
                year: 2022,
                total: Some(s("87.303")),
                max: s("100"),
                rank: Some(4),
                ranked: Some(21),
                href: Some("/cchc/2022/".into()),
            },
            YearPoint {
                year: 2023,
                total: None,
                max: s("100"),
                rank: None,
                ranked: None,
                href: None,
            },
        ]
    }

    fn check_svg_head(svg: &str, id: &str, caption: &str) -> (Vec<El>, String) {
        let (els, text) = parse(svg);
        let root = &els[0];
        assert_eq!(root.0, "svg");
        assert_eq!(attr(root, "role"), Some("img"));
        assert_eq!(attr(root, "width"), Some("100%"));
        assert!(attr(root, "viewBox").unwrap().starts_with("0 0 600 "));
        assert_eq!(
            attr(root, "aria-labelledby"),
            Some(format!("{id}-title {id}-desc").as_str())
        );
        assert_eq!(els[1].0, "title");
        assert_eq!(attr(&els[1], "id"), Some(format!("{id}-title").as_str()));
        assert_eq!(els[2].0, "desc");
        assert_eq!(attr(&els[2], "id"), Some(format!("{id}-desc").as_str()));
        assert!(text.trim_start().starts_with(caption), "{text}");
        // no script, no outside request (the namespace is a name, not a fetch)
        let rest = svg.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assert!(!rest.contains("<script") && !rest.contains("http") && !rest.contains("url("));
        (els, text)
    }

    #[test]
    fn score_bars_are_proportional_and_labelled() {
        let bars = areas_2022();
        let c = score_bars("diem-2022", "Điểm từng lĩnh vực năm 2022", &bars);
        let (els, text) = check_svg_head(&c.svg, "diem-2022", "Điểm từng lĩnh vực năm 2022");
        let tracks: Vec<f64> = elements(&els, "rect", "kc-track")
            .map(|e| attr(e, "width").unwrap().parse().unwrap())
            .collect();
        let fills: Vec<f64> = elements(&els, "rect", "kc-fill")
            .map(|e| attr(e, "width").unwrap().parse().unwrap())
            .collect();
        assert_eq!((tracks.len(), fills.len()), (9, 9));
        // 11,911 / 13,5 = 88.23 % of the track
        assert!(
            (fills[0] / tracks[0] - 0.8823).abs() < 0.0001,
            "{}",
            fills[0] / tracks[0]
        );
        // full marks fill the track; every fill is its exact share
        assert_eq!(fills[4], tracks[4]);
        for (b, (f, t)) in bars.iter().zip(fills.iter().zip(&tracks)) {
            let exact = b.value.unwrap().milli() as f64 / b.max.milli() as f64;
            assert!((f / t - exact).abs() < 0.0001);
        }
        // the labels, in the SVG and in the table
        let (_, table_text) = parse(&c.table);
        for label in [
            "11,911 / 13,5",
            "4,5 / 6,5",
            "6,47 / 10",
            "34,772 / 35",
            "8 / 8",
        ] {
            assert!(text.contains(label), "{label} in svg");
        }
        for cell in ["11,911", "13,5", "6,47", "34,772", "88,2%", "100%", "64,7%"] {
            assert!(table_text.contains(cell), "{cell} in table: {table_text}");
        }
        assert!(table_text.contains("i. Công tác chỉ đạo điều hành CCHC"));
        assert!(c.table.contains("<a href=\"/cchc/2022/1/\">i. Công tác"));
        // role="img" holds no interactive content; the table has the links
        assert_eq!(els.iter().filter(|e| e.0 == "a").count(), 0);
        assert_eq!(c.table.matches("<a href=").count(), 9);
    }

    #[test]
    fn a_bar_without_a_score_says_so() {
        let bars = vec![Bar {
            label: String::new(),
            title: "Chưa chấm".into(),
            value: None,
            max: s("2"),
            href: None,
        }];
        let c = score_bars("x", "Cap", &bars);
        let (els, text) = parse(&c.svg);
        assert_eq!(elements(&els, "rect", "kc-fill").count(), 0);
        assert!(text.contains("chưa có điểm / 2"));
        assert!(c.table.contains("chưa có điểm"));
        assert!(!c.table.contains("<a "));
        // a score above max (not allowed by the checks) cannot overflow
        let over = vec![Bar {
            value: Some(s("3")),
            ..bars[0].clone()
        }];
        let (els, _) = parse(&score_bars("x", "Cap", &over).svg);
        let w: Vec<&str> = elements(&els, "rect", "kc-fill")
            .map(|e| attr(e, "width").unwrap())
            .collect();
        assert_eq!(w, ["470"]);
    }

    #[test]
    fn lost_bars_scale_to_the_largest_loss() {
        let bars = lost_2022();
        let c = lost_bars("mat-2022", "Điểm bị mất", &bars);
        let (els, text) = check_svg_head(&c.svg, "mat-2022", "Điểm bị mất");
        let widths: Vec<f64> = elements(&els, "rect", "kc-lost")
            .map(|e| attr(e, "width").unwrap().parse().unwrap())
            .collect();
        // area v lost nothing: no bar; the largest loss (vii, 3,53) is full width
        assert_eq!(widths.len(), 8);
        assert_eq!(widths[5], 500.0);
        // i lost 1,589 of a largest 3,53
        assert!((widths[0] / 500.0 - 1.589 / 3.53).abs() < 0.0001);
        for label in ["1,589", "2", "0,5", "1,5", "3,53", "1,85", "0,228", "0"] {
            assert!(text.contains(label), "{label}");
        }
        let (_, t) = parse(&c.table);
        assert!(t.contains("1,589") && t.contains("0,228") && t.contains("13,5"));
        // order as given
        let i = t.find("i. Công tác").unwrap();
        let ix = t.find("ix. Điều tra").unwrap();
        assert!(i < ix);
    }

    #[test]
    fn years_put_rank_one_on_top() {
        let c = years("nam", "Tổng điểm và thứ hạng qua các năm", &history());
        let (els, text) = check_svg_head(&c.svg, "nam", "Tổng điểm và thứ hạng qua các năm");
        let circles: Vec<f64> = els
            .iter()
            .filter(|e| e.0 == "circle")
            .map(|e| attr(e, "cy").unwrap().parse().unwrap())
            .collect();
        // 2021 thứ 10 is lower on the page (greater y) than 2022 thứ 4
        assert_eq!(circles.len(), 2);
        assert!(circles[0] > circles[1]);
        // one total bar, 87,303 of 100 → 87.303 % of the bar band
        let bars: Vec<f64> = elements(&els, "rect", "kc-total")
            .map(|e| attr(e, "height").unwrap().parse().unwrap())
            .collect();
        assert_eq!(bars.len(), 1);
        assert!((bars[0] / 80.0 - 0.87303).abs() < 0.0001);
        // the two ranked years are joined; 2023 has neither and is not
        assert_eq!(
            els.iter()
                .filter(|e| e.0 == "line" && attr(e, "class") == Some("kc-rank-line"))
                .count(),
            1
        );
        for label in ["thứ 10", "thứ 4", "87,303", "2021", "2022", "2023"] {
            assert!(text.contains(label), "{label}");
        }
        assert!(text.contains("Năm 2022: 87,303 / 100 điểm, thứ 4/21."));
        assert!(text.contains("Năm 2023: chưa có kết quả."));
        let (_, t) = parse(&c.table);
        assert!(t.contains("thứ 4/21") && t.contains("thứ 10") && t.contains("87,303"));
    }

    #[test]
    fn rank_zero_does_not_panic() {
        let p = vec![YearPoint {
            rank: Some(0),
            ranked: Some(3),
            ..history()[1].clone()
        }];
        parse(&years("z", "z", &p).svg);
    }

    #[test]
    fn rank_one_of_one_and_empty_inputs() {
        let one = vec![YearPoint {
            year: 2024,
            total: Some(s("100")),
            max: s("100"),
            rank: Some(1),
            ranked: Some(1),
            href: None,
        }];
        let (els, _) = parse(&years("a", "b", &one).svg);
        assert_eq!(els.iter().filter(|e| e.0 == "circle").count(), 1);
        for c in [
            years("e", "Trống", &[]),
            score_bars("e", "Trống", &[]),
            lost_bars("e", "Trống", &[]),
        ] {
            let (_, text) = parse(&c.svg);
            assert!(text.contains("Chưa có số liệu"));
            parse(&c.table);
        }
        // all losses zero: no bars, no division by zero
        let zero = vec![Bar {
            label: "v".into(),
            title: "t".into(),
            value: Some(Score::ZERO),
            max: s("8"),
            href: None,
        }];
        let (els, text) = parse(&lost_bars("z", "z", &zero).svg);
        assert_eq!(elements(&els, "rect", "kc-lost").count(), 0);
        assert!(text.contains('0'));
    }

    #[test]
    fn text_is_escaped() {
        let evil = "<script>alert(\"x\")</script> & 'KH&CN'";
        let bars = vec![Bar {
            label: "1&2".into(),
            title: evil.into(),
            value: Some(s("1")),
            max: s("2"),
            href: Some("/a?b=1&c=\"2\"".into()),
        }];
        for c in [
            score_bars("id\"x", evil, &bars),
            lost_bars("id\"x", evil, &bars),
        ] {
            assert!(!c.svg.contains("<script") && !c.table.contains("<script"));
            let (_, text) = parse(&c.svg);
            assert!(text.contains(evil));
            let (els, text) = parse(&c.table);
            assert!(text.contains(&format!("1&2. {evil}")));
            assert!(
                els.iter()
                    .any(|e| attr(e, "href") == Some("/a?b=1&c=\"2\""))
            );
        }
        let y = vec![YearPoint {
            href: Some("/x?a&b".into()),
            ..history()[1].clone()
        }];
        let c = years("y", "<b>", &y);
        parse(&c.svg);
        assert!(c.svg.contains("&lt;b&gt;") && c.table.contains("&lt;b&gt;"));
    }

    #[test]
    fn long_titles_are_shortened_in_the_svg_only() {
        let long = "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn trên tổng số hồ sơ đã giải quyết trong năm";
        let bars = vec![Bar {
            label: "8.1".into(),
            title: long.into(),
            value: Some(s("1")),
            max: s("1"),
            href: None,
        }];
        let c = score_bars("l", "c", &bars);
        let (els, _) = parse(&c.svg);
        let shown: Vec<_> = elements(&els, "text", "kc-label").collect();
        assert_eq!(shown.len(), 1);
        assert!(c.svg.contains("…</text>"));
        assert!(c.table.contains(long));
        // the row tooltip keeps the whole title
        assert!(
            c.svg
                .contains(&format!("<title>8.1. {long}: 1 / 1</title>"))
        );
    }

    #[test]
    fn output_is_deterministic() {
        let a = (
            score_bars("a", "c", &areas_2022()),
            lost_bars("b", "c", &lost_2022()),
            years("c", "c", &history()),
        );
        let b = (
            score_bars("a", "c", &areas_2022()),
            lost_bars("b", "c", &lost_2022()),
            years("c", "c", &history()),
        );
        assert_eq!(a, b);
        // and the figure holds both parts
        let f = a.0.html();
        assert!(
            f.starts_with("<figure class=\"kc-chart\">")
                && f.contains("<svg")
                && f.contains("<table")
        );
    }

    #[test]
    fn coordinates_are_short_and_finite() {
        assert_eq!(px(441.1481), "441.15");
        assert_eq!(px(470.0), "470");
        assert_eq!(px(0.5), "0.5");
        assert_eq!(px(-0.001), "0");
        assert_eq!(px(f64::NAN), "0");
        assert_eq!(
            scaled(s("11.911"), s("13.5"), 470.0),
            11911.0 / 13500.0 * 470.0
        );
        assert_eq!(scaled(s("1"), Score::ZERO, 470.0), 0.0);
    }
}
