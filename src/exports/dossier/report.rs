//! Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số CCHC: what leadership
//! signs and sends with the evidence before the appraisal: the summary by
//! area (maximum, self-score), the explanations of the criteria scored
//! without evidence or below their maximum, and the difficulties and
//! proposals the year's page writes under those headings.

use super::form::{self, BLANK};
use super::or_blank;
use crate::model::site::{Assessment, Site};
use crate::render::views::node_name;

/// The headings of the year's body whose text the report carries.
const DIFFICULTIES: &str = "Khó khăn, vướng mắc";
const PROPOSALS: &str = "Đề xuất, kiến nghị";

/// The self-assessment report of year `a`; `body` is the year page's
/// rendered Markdown (for its difficulties and proposals).
pub fn report(site: &Site, a: &Assessment, body: &str) -> Result<Vec<u8>, crate::base::i18n::Msg> {
    let cfg = &site.config.documents;
    let y = a.year;
    let issuer = or_blank(&cfg.issuer);
    let mut d = form::document(&crate::base::vi::date_iso(site.today)).add_table(form::header(
        cfg,
        "BC",
        site.today.year(),
    ));
    for p in form::title(
        "BÁO CÁO",
        &format!("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {y}"),
    ) {
        d = d.add_paragraph(p);
    }
    d = d.add_paragraph(form::body(format!(
        "{issuer} báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {y} \
         như sau:"
    )));

    d = d.add_paragraph(form::heading("I. KẾT QUẢ TỰ ĐÁNH GIÁ".to_string()));
    let self_total = a
        .roots
        .iter()
        .filter_map(|&r| a.nodes[r].self_score)
        .reduce(|x, y| x + y);
    d = d.add_paragraph(form::body(match self_total {
        Some(t) => format!(
            "Tổng điểm tự đánh giá: {}/{} điểm. Điểm từng lĩnh vực:",
            t.to_vi(),
            a.front.max.value.to_vi()
        ),
        None => "Chưa có điểm tự đánh giá của lĩnh vực nào.".to_string(),
    }));
    d = d.add_table(super::areas_table(a, true));

    d = d.add_paragraph(form::heading("II. GIẢI TRÌNH".to_string()));
    let rows: Vec<Vec<String>> = super::in_tree_order(a)
        .filter(|n| n.in_scope && n.is_leaf())
        .filter(|n| {
            n.scored_without_evidence().is_some()
                || n.self_score.is_some_and(|s| s < n.front.max.value)
        })
        .map(|n| {
            let why = n
                .front
                .explanation
                .as_deref()
                .or(n.front.reason.as_deref())
                .unwrap_or("Chưa có giải trình.");
            let evidence = if n.front.evidence.is_empty() {
                "; chưa có tài liệu kiểm chứng"
            } else {
                ""
            };
            vec![
                node_name(n),
                format!(
                    "{}/{}{evidence}",
                    n.self_score.map_or(BLANK.to_string(), |s| s.to_vi()),
                    n.front.max.value.to_vi()
                ),
                why.to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        d = d.add_paragraph(form::body(
            "Không có tiêu chí nào có điểm mà chưa có tài liệu kiểm chứng, hay tự đánh giá dưới \
             điểm tối đa.",
        ));
    } else {
        d = d.add_paragraph(form::body(
            "Các tiêu chí có điểm nhưng chưa có tài liệu kiểm chứng, và các tiêu chí tự đánh giá \
             dưới điểm tối đa:",
        ));
        let w = form::TEXT_WIDTH;
        d = d.add_table(form::table(
            &["Tiêu chí", "Tự đánh giá / tối đa", "Giải trình"],
            &rows,
            &[w * 35 / 100, w * 17 / 100, w - w * 35 / 100 - w * 17 / 100],
            &[false, true, false],
        ));
    }

    for (number, title) in [("III", DIFFICULTIES), ("IV", PROPOSALS)] {
        d = d.add_paragraph(form::heading(format!("{number}. {}", title.to_uppercase())));
        let text = super::section_text(body, title);
        if text.is_empty() {
            // For the desk to write, or to give under that heading of the
            // year's page (docs/format.md, "Documents").
            d = d.add_paragraph(form::body(BLANK));
        }
        for p in text {
            d = d.add_paragraph(form::body(p));
        }
    }
    d = d.add_table(form::signature(cfg, &cfg.report_recipients));
    form::pack(d)
}
