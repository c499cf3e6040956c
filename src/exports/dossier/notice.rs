//! Thông báo kết quả Chỉ số CCHC và nhiệm vụ: what the department tells its
//! units after the appraisal (Thông báo 55/TB-SKHCN is the one for 2022):
//! the total, the rank and its change, each area's maximum and score, where
//! points were not achieved and why, and the tasks given to each unit for
//! the next year. Every figure is the model's, recomputed from the tree.

use super::form::{self, BLANK};
use super::or_blank;
use crate::base::vi;
use crate::model::site::{Assessment, Site};
use crate::render::views::node_name;

/// The notice of the results of year `a`, with the tasks of the next year.
pub fn notice(site: &Site, a: &Assessment) -> Result<Vec<u8>, crate::base::i18n::Msg> {
    let cfg = &site.config.documents;
    let y = a.year;
    let issuer = or_blank(&cfg.issuer);
    let mut d = form::document(&vi::date_iso(site.today)).add_table(form::header(
        cfg,
        "TB",
        site.today.year(),
    ));
    for p in form::title(
        "THÔNG BÁO",
        &format!(
            "Về kết quả Chỉ số cải cách hành chính năm {y} và nhiệm vụ trọng tâm năm {}",
            y + 1
        ),
    ) {
        d = d.add_paragraph(p);
    }
    if let Some(dec) = &a.front.decision {
        d = d.add_paragraph(form::body(format!(
            "Căn cứ Quyết định số {}{}{} về việc {};",
            dec.number.as_deref().unwrap_or(BLANK),
            dec.date
                .map(|x| format!(" {}", vi::date_long(x)))
                .unwrap_or_default(),
            dec.issuer
                .as_deref()
                .map(|i| format!(" của {i}"))
                .unwrap_or_default(),
            lower_first(&dec.title),
        )));
    }
    d = d.add_paragraph(form::body(format!(
        "{issuer} thông báo kết quả Chỉ số cải cách hành chính năm {y} và nhiệm vụ trọng tâm \
         năm {} như sau:",
        y + 1
    )));

    // 1. The results.
    d = d.add_paragraph(form::heading(format!(
        "1. Kết quả Chỉ số cải cách hành chính năm {y}"
    )));
    let total = a.score.or(a.front.total.as_ref().map(|t| t.value));
    let mut sentence = format!(
        "{issuer} đạt {}/{} điểm",
        total.map_or(BLANK.to_string(), |t| t.to_vi()),
        a.front.max.value.to_vi()
    );
    if let Some(r) = a.front.rank {
        sentence.push_str(&format!(", xếp thứ {r}"));
        if let Some(n) = a.front.ranked {
            sentence.push_str(&format!("/{n}"));
        }
    }
    if let Some((prev, prev_rank)) = super::previous_rank(site, a)
        && let Some(r) = a.front.rank
    {
        let change = i64::from(prev_rank) - i64::from(r);
        sentence.push_str(&match change {
            0 => format!(", giữ nguyên thứ hạng so với năm {prev}"),
            c if c > 0 => format!(", tăng {c} bậc so với năm {prev}"),
            c => format!(", giảm {} bậc so với năm {prev}", -c),
        });
    }
    sentence.push_str(". Điểm từng lĩnh vực:");
    d = d.add_paragraph(form::body(sentence));
    d = d.add_table(super::areas_table(a, false));

    // 2. What was not achieved, and why.
    d = d.add_paragraph(form::heading(
        "2. Những nội dung chưa đạt điểm tối đa".to_string(),
    ));
    let mut any = false;
    for n in super::in_tree_order(a) {
        let why = n.front.reason.as_ref().or(n.front.explanation.as_ref());
        let (Some(why), Some(lost)) = (why, n.lost) else {
            continue;
        };
        if !lost.is_positive() {
            continue;
        }
        any = true;
        d = d.add_paragraph(form::body_runs(vec![
            form::run(format!("- {}: ", node_name(n)), form::BODY).bold(),
            form::run(
                format!(
                    "{} (đạt {}/{} điểm).",
                    why.trim_end_matches('.'),
                    n.score.map_or(BLANK.to_string(), |s| s.to_vi()),
                    n.front.max.value.to_vi()
                ),
                form::BODY,
            ),
        ]));
    }
    if !any {
        d = d.add_paragraph(form::body(
            "Không có tiêu chí nào được ghi lý do chưa đạt điểm tối đa.",
        ));
    }

    // 3. The next year's tasks, by unit.
    d = d.add_paragraph(form::heading(format!(
        "3. Nhiệm vụ trọng tâm năm {}",
        y + 1
    )));
    let next = site.assessments.iter().find(|x| x.year == y + 1);
    let tasks: Vec<_> = next.map(|n| n.all_tasks().collect()).unwrap_or_default();
    if tasks.is_empty() {
        d = d.add_paragraph(form::body(format!(
            "Chưa có nhiệm vụ được giao cho năm {}.",
            y + 1
        )));
    }
    for t in tasks.iter().filter(|t| t.unit.is_none()) {
        let to =
            t.to.as_deref()
                .map(|x| format!("{x}: "))
                .unwrap_or_default();
        d = d.add_paragraph(form::body(format!(
            "- {to}{}.",
            t.title.trim_end_matches('.')
        )));
    }
    for unit in &site.config.units {
        let mine: Vec<&str> = tasks
            .iter()
            .filter(|t| t.unit.as_deref() == Some(unit.id.as_str()))
            .map(|t| t.title.trim_end_matches('.'))
            .collect();
        if mine.is_empty() {
            continue;
        }
        d = d.add_paragraph(form::body_runs(vec![
            form::run(format!("- {}: ", unit.name), form::BODY).bold(),
            form::run(format!("{}.", mine.join("; ")), form::BODY),
        ]));
    }
    d = d.add_paragraph(form::body(
        "Yêu cầu các phòng, đơn vị và cá nhân có liên quan nghiêm túc tổ chức thực hiện./.",
    ));
    d = d.add_table(form::signature(cfg, &cfg.notice_recipients));
    form::pack(d)
}

/// "Công bố Chỉ số …" → "công bố Chỉ số …", for "về việc …".
fn lower_first(s: &str) -> String {
    let mut c = s.trim().chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
