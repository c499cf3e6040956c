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
        &["Nội dung", "Điểm chưa đạt", "Điểm tối đa"],
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
mod tests;
