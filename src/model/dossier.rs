//! The documents of a year a site links (`kiemchung dossier`, drafted by
//! [`crate::exports::dossier`]; docs/format.md, "Documents"), and where
//! they go in the output.

use crate::model::site::{Assessment, Site};
use serde::Serialize;

/// One of the documents of a year (`kiemchung dossier`, docs/format.md,
/// "Documents"), as the site links it.
#[derive(Serialize, Clone, Debug)]
pub struct DossierFile {
    /// `report`, `notice` or `package`.
    pub kind: &'static str,
    pub title: String,
    /// Its output path: `2022/ho-so/thong-bao-ket-qua-2022.docx`.
    pub path: String,
}

/// The documents of year `a` this site links: on the review site, the
/// self-assessment report (a year with criteria), the results notice (a
/// year with scores) and the evidence package (a year with evidence); on
/// the public site, those `[documents] publish` names.
pub fn dossier_files(site: &Site, a: &Assessment) -> Vec<DossierFile> {
    let publish = &site.config.documents.publish;
    dossier_candidates(a)
        .into_iter()
        .filter(|f| site.audience.is_review() || publish.iter().any(|p| p == f.kind))
        .collect()
}

/// Every document year `a` has the content for, whoever may see it.
pub fn dossier_candidates(a: &Assessment) -> Vec<DossierFile> {
    let y = a.year;
    let all = [
        (
            "report",
            !a.nodes.is_empty(),
            format!("Báo cáo kết quả tự đánh giá năm {y} (.docx)"),
            format!("{y}/ho-so/bao-cao-tu-danh-gia-{y}.docx"),
        ),
        (
            "notice",
            a.score.is_some(),
            format!("Thông báo kết quả Chỉ số CCHC năm {y} (.docx)"),
            format!("{y}/ho-so/thong-bao-ket-qua-{y}.docx"),
        ),
        (
            "package",
            a.front.decision.is_some() || a.nodes.iter().any(|n| !n.front.evidence.is_empty()),
            format!("Hồ sơ tài liệu kiểm chứng năm {y} (.zip)"),
            format!("{y}/ho-so/tai-lieu-kiem-chung-{y}.zip"),
        ),
    ];
    all.into_iter()
        .filter(|(_, made, _, _)| *made)
        .map(|(kind, _, title, path)| DossierFile { kind, title, path })
        .collect()
}
