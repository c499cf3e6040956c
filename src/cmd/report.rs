//! `kiemchung report`: the gap report of a year in the terminal, as text
//! (in Vietnamese, like the site), CSV or JSON, for staff without a
//! browser. It stops after the checks: no page is rendered.

use super::{Context, fail, labelled, print_diagnostics};
use crate::base::score::Score;
use crate::base::vi;
use crate::error::Error;
use crate::model::audience::Audience;
use crate::model::gaps::{GapReport, GapRow, gap_report};
use crate::msg;
use crate::pipeline::{self, BuildOptions, Today};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Copy, Clone, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Csv,
    Json,
}

pub fn run(
    cx: &Context,
    root: PathBuf,
    year: Option<i32>,
    format: ReportFormat,
    today: Today,
) -> ExitCode {
    // Staff's report: everything, internal parts included.
    let opts = BuildOptions {
        audience: Audience::Review,
        ..BuildOptions::new(root, today)
    };
    let checked = match pipeline::check(&opts) {
        Ok(c) => c,
        Err(diags) => {
            print_diagnostics(&diags, cx);
            let (e, w) = super::count(&diags);
            let m = msg!("report-site-has-errors", errors = e, warnings = w);
            eprintln!("{}", labelled(cx, msg!("label-error"), None, &m));
            return ExitCode::from(1);
        }
    };
    let site = &checked.site;
    let chosen = match year {
        Some(y) => site.assessments.iter().find(|a| a.year == y),
        None => site
            .assessments
            .iter()
            .rev()
            .find(|a| a.score.is_some())
            .or(site.assessments.last()),
    };
    let Some(a) = chosen else {
        return fail(cx, &Error::Command(no_year(site, year)));
    };
    let r = gap_report(site, a);
    match format {
        ReportFormat::Text => print!("{}", to_text(&r)),
        ReportFormat::Csv => print!("{}", to_csv(&r)),
        ReportFormat::Json => println!("{}", to_json(&r)),
    }
    ExitCode::SUCCESS
}

/// The year asked for is not the site's: which years it has.
pub(super) fn no_year(
    site: &crate::model::site::Site,
    year: Option<i32>,
) -> crate::base::i18n::Msg {
    // Years as they are written, never grouped.
    let years: Vec<String> = site
        .assessments
        .iter()
        .map(|a| a.year.to_string())
        .collect();
    match (year, years.is_empty()) {
        (Some(y), false) => msg!("E808-no-year", year = y, years = years),
        (Some(y), true) => msg!("E808-no-year-none", year = y),
        (None, _) => msg!("E808-no-assessment"),
    }
}

fn opt(s: Option<Score>) -> String {
    s.map(Score::to_vi).unwrap_or_else(|| "—".into())
}

/// The report as plain text for the terminal, in Vietnamese like the site.
fn to_text(r: &GapReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — báo cáo điểm chưa đạt (tính đến {})",
        r.title,
        vi::date_short(r.today)
    );
    let _ = write!(
        out,
        "Tổng điểm: {} / {}",
        opt(r.score.or(r.total)),
        r.max.to_vi()
    );
    if let Some(rank) = r.rank {
        let _ = write!(out, " — xếp thứ {rank}");
        if let Some(n) = r.ranked {
            let _ = write!(out, "/{n}");
        }
    }
    let _ = writeln!(out, " — điểm chưa đạt: {}", opt(r.lost));
    let width = r
        .nodes
        .iter()
        .chain(&r.areas)
        .map(|x| x.id.len())
        .max()
        .unwrap_or(2);
    let line = |out: &mut String, x: &GapRow| {
        let _ = writeln!(
            out,
            "  {:<width$}  {:>7}  {:>7}/{:<7}  {:<10}  {}{}",
            x.id,
            opt(x.lost),
            opt(x.score),
            x.max.to_vi(),
            // A parent's evidence stands in its children, as on the page.
            if x.leaf {
                format!("{} tài liệu", x.evidence)
            } else {
                String::new()
            },
            x.title,
            x.unit_name
                .as_deref()
                .map(|u| format!(" [{u}]"))
                .unwrap_or_default()
        );
    };
    let _ = writeln!(
        out,
        "\nLĩnh vực, chưa đạt nhiều điểm nhất trước (mã, chưa đạt, điểm/tối đa):"
    );
    for x in &r.areas {
        line(&mut out, x);
    }
    let _ = writeln!(
        out,
        "\nMọi tiêu chí có điểm, chưa đạt nhiều điểm nhất trước:"
    );
    for x in r
        .nodes
        .iter()
        .filter(|x| x.lost.is_some_and(|l| l.is_positive()))
    {
        line(&mut out, x);
        if let Some(e) = &x.explanation {
            let _ = writeln!(out, "  {:<width$}  giải trình: {e}", "");
        }
    }
    let _ = writeln!(
        out,
        "\nCó điểm nhưng không có tài liệu kiểm chứng ({}):",
        r.without_evidence.len()
    );
    for x in &r.without_evidence {
        let _ = writeln!(
            out,
            "  {:<width$}  {}{}  ({})",
            x.id,
            x.title,
            if x.explanation.is_some() {
                " — có giải trình"
            } else {
                ""
            },
            x.source
        );
    }
    if !r.changed.is_empty() {
        let _ = writeln!(
            out,
            "\nThẩm định thay đổi điểm tự đánh giá ({}):",
            r.changed.len()
        );
        for c in &r.changed {
            let _ = writeln!(
                out,
                "  {:<width$}  {} → {} ({})  {}",
                c.row.id,
                opt(c.row.self_score),
                opt(c.row.score),
                signed(c.difference),
                c.row.title
            );
        }
    }
    if !r.not_applicable.is_empty() {
        let _ = writeln!(out, "\nKhông áp dụng ({}):", r.not_applicable.len());
        for x in &r.not_applicable {
            let _ = writeln!(out, "  {:<width$}  {}", x.id, x.title);
        }
    }
    if !r.units.is_empty() {
        let _ = writeln!(out, "\nĐơn vị:");
        for u in &r.units {
            let _ = writeln!(
                out,
                "  {}: {} tiêu chí, chưa đạt {} điểm; {} nhiệm vụ{}",
                u.name,
                u.nodes,
                u.lost.to_vi(),
                u.tasks.total,
                u.tasks
                    .on_time_vi()
                    .map(|s| format!(", {s}"))
                    .unwrap_or_default()
            );
        }
    }
    out
}

fn signed(s: Score) -> String {
    if s.is_positive() {
        format!("+{}", s.to_vi())
    } else {
        s.to_vi()
    }
}

/// One row per scored node, most points lost first. UTF-8 with BOM.
fn to_csv(r: &GapReport) -> String {
    let mut out = String::from(
        "\u{FEFF}ma_so,tieu_chi,diem_toi_da,tu_danh_gia,diem_tham_dinh,diem_bi_mat,don_vi,so_tai_lieu,giai_trinh,canh_bao,tep\r\n",
    );
    let q = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let p = |s: Option<Score>| s.map(Score::to_plain).unwrap_or_default();
    for x in &r.nodes {
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{}\r\n",
            q(&x.id),
            q(&x.title),
            x.max.to_plain(),
            p(x.self_score),
            p(x.score),
            p(x.lost),
            q(x.unit_name.as_deref().unwrap_or("")),
            x.evidence,
            q(x.explanation.as_deref().unwrap_or("")),
            q(&x.warnings.join(" | ")),
            q(&x.source)
        );
    }
    out
}

fn to_json(r: &GapReport) -> String {
    // Plain strings, numbers and lists: serializing cannot fail.
    serde_json::to_string_pretty(r).unwrap_or_default()
}
