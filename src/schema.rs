//! `kiemchung schema`: the JSON Schemas (draft 2020-12) that editors use to
//! check front matter and site.toml as staff type. They are derived with
//! schemars from the very types `check` deserializes into
//! (`model::frontmatter`'s `Raw*`, `load::config`'s `RawConfig`), whose
//! fields name the written forms of `base::forms`; this file adds the
//! Vietnamese title and description of every field, keyed by the field's
//! English name.
//!
//! They live in `schemas/` beside site.toml ([`DIR`]); the files that
//! `new` and `import` write name theirs on their first line
//! (`# yaml-language-server: $schema=../../schemas/criterion.schema.json`),
//! relative to the file.

use serde_json::{Map, Value};

/// The folder of the schemas, in the site's root.
pub const DIR: &str = "schemas";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Assessment,
    Criterion,
    Section,
    Page,
    Site,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Assessment,
        Kind::Criterion,
        Kind::Section,
        Kind::Page,
        Kind::Site,
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Assessment => "assessment.schema.json",
            Kind::Criterion => "criterion.schema.json",
            Kind::Section => "section.schema.json",
            Kind::Page => "page.schema.json",
            Kind::Site => "site.schema.json",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Kind::Assessment => "Kỳ đánh giá (content/<năm>/_index.md)",
            Kind::Criterion => "Lĩnh vực, tiêu chí (các tệp .md khác trong content/<năm>/)",
            Kind::Section => "Chuyên mục (content/<chuyên mục>/_index.md, content/_index.md)",
            Kind::Page => "Trang của chuyên mục (content/<chuyên mục>/*.md)",
            Kind::Site => "Cấu hình trang (site.toml)",
        }
    }

    /// The name of the type the schema's root comes from.
    fn root(self) -> &'static str {
        match self {
            Kind::Assessment => "RawAssessment",
            Kind::Criterion => "RawNode",
            Kind::Section => "RawSection",
            Kind::Page => "RawPage",
            Kind::Site => "RawConfig",
        }
    }
}

fn derived(kind: Kind) -> schemars::Schema {
    use crate::model::frontmatter as fm;
    let generator = || schemars::generate::SchemaSettings::draft2020_12().into_generator();
    match kind {
        Kind::Assessment => generator().into_root_schema_for::<fm::RawAssessment>(),
        Kind::Criterion => generator().into_root_schema_for::<fm::RawNode>(),
        Kind::Section => generator().into_root_schema_for::<fm::RawSection>(),
        Kind::Page => generator().into_root_schema_for::<fm::RawPage>(),
        Kind::Site => crate::load::config::schema(),
    }
}

/// The schema of one kind of file, with its descriptions.
pub fn generate(kind: Kind) -> Value {
    let mut v: Value = derived(kind).into();
    if let Value::Object(root) = &mut v {
        root.insert("title".into(), kind.title().into());
        root.insert(
            "description".into(),
            "Sinh bởi `kiemchung schema` từ chính các kiểu dữ liệu mà `kiemchung check` đọc; \
             `check` vẫn là nơi kiểm tra đầy đủ (tổng điểm, tệp kiểm chứng, đơn vị…)."
                .into(),
        );
        describe_properties(kind.root(), root);
        if let Some(Value::Object(defs)) = root.get_mut("$defs") {
            for (name, def) in defs.iter_mut() {
                if let Value::Object(def) = def
                    && def.contains_key("properties")
                {
                    if let Some(d) = type_description(name) {
                        def.insert("description".into(), d.into());
                    }
                    describe_properties(name, def);
                }
            }
        }
    }
    v
}

/// The schema as the file holds it: pretty JSON and a final newline.
pub fn text(kind: Kind) -> String {
    let mut s = serde_json::to_string_pretty(&generate(kind)).unwrap_or_default();
    s.push('\n');
    s
}

fn describe_properties(ty: &str, schema: &mut Map<String, Value>) {
    let Some(Value::Object(props)) = schema.get_mut("properties") else {
        return;
    };
    for (field, prop) in props.iter_mut() {
        if let (Value::Object(p), Some((title, description))) = (prop, describe(ty, field)) {
            p.insert("title".into(), format!("{title} ({field})").into());
            p.insert("description".into(), description.into());
        }
    }
}

fn type_description(ty: &str) -> Option<&'static str> {
    Some(match ty {
        "RawEvidence" => {
            "Một tài liệu kiểm chứng: title, và file, url hoặc ít nhất number (số, ký hiệu)."
        }
        "RawTask" => {
            "Một nhiệm vụ: title, unit (một đơn vị) hoặc to (người, nhóm được giao), due, done."
        }
        "RawUnit" => "Một đơn vị: id (mã, dùng trong các tệp) và name (tên hiển thị).",
        "MarkdownConfig" => "Cách hiển thị nội dung Markdown.",
        "DocumentsConfig" => {
            "Cơ quan ban hành và người ký các văn bản do kiemchung dossier soạn; để trống thì văn bản ghi \"…\" cho văn thư điền."
        }
        _ => return None,
    })
}

/// The Vietnamese name and description of a field of a type, by its
/// English name.
pub fn describe(ty: &str, field: &str) -> Option<(&'static str, &'static str)> {
    const INTERNAL_NODE: &str = "true: tiêu chí này và các tiêu chí con chỉ hiện trên bản xem trước nội bộ; điểm vẫn được tính vào tổng, trang công khai chỉ hiện dòng của nó trong bảng.";
    const EXTRA: &str = "Các giá trị tự do cho giao diện (page.extra trong mẫu trang).";
    const TASKS: &str = "Các nhiệm vụ: mỗi nhiệm vụ có title, unit hoặc to, due (hạn), done (ngày hoàn thành), internal.";
    Some(match (ty, field) {
        ("RawAssessment", "title") => (
            "Tên kỳ đánh giá",
            "Tên hiển thị của năm đánh giá, ví dụ \"Chỉ số CCHC năm 2024\".",
        ),
        ("RawAssessment", "max") => (
            "Điểm tối đa",
            "Tổng điểm tối đa của bộ chỉ số, mặc định 100; phải bằng tổng điểm tối đa của các lĩnh vực.",
        ),
        ("RawAssessment", "total") => (
            "Tổng điểm công bố",
            "Tổng điểm được công bố; phải bằng tổng điểm của các lĩnh vực.",
        ),
        ("RawAssessment", "rank") => ("Xếp hạng", "Thứ hạng được công bố."),
        ("RawAssessment", "ranked") => (
            "Số cơ quan được xếp hạng",
            "Số cơ quan, đơn vị cùng được xếp hạng; rank không lớn hơn ranked.",
        ),
        ("RawAssessment", "decision") => (
            "Quyết định công bố",
            "Văn bản công bố kết quả: number, date, title; issuer, url, file nếu có.",
        ),
        ("RawAssessment" | "RawNode", "tasks") => ("Nhiệm vụ", TASKS),
        ("RawAssessment", "internal") => (
            "Nội bộ",
            "true: năm đang chuẩn bị; trang công khai không có gì của năm này.",
        ),
        (_, "extra") => ("Giá trị thêm", EXTRA),
        ("RawNode", "id") => (
            "Mã số",
            "Mã số của lĩnh vực hoặc tiêu chí: \"1\", \"1.2\", \"1.2.3\"; cây tiêu chí dựng theo mã số, không theo thư mục.",
        ),
        ("RawNode", "title") => ("Tên", "Tên lĩnh vực, tiêu chí hoặc tiêu chí thành phần."),
        ("RawNode", "label") => (
            "Nhãn",
            "Nhãn hiển thị thay cho mã số, ví dụ số La Mã của lĩnh vực.",
        ),
        ("RawNode", "max") => (
            "Điểm tối đa",
            "Điểm tối đa; điểm tối đa của các tiêu chí con cộng lại không vượt quá số này.",
        ),
        ("RawNode", "self_score") => (
            "Điểm tự đánh giá",
            "Điểm đơn vị tự đánh giá, từ 0 đến điểm tối đa.",
        ),
        ("RawNode", "score") => (
            "Điểm thẩm định",
            "Điểm được thẩm định, từ 0 đến điểm tối đa; tiêu chí có tiêu chí con thì bằng tổng điểm của chúng (bỏ trống để tính tự động).",
        ),
        ("RawNode", "ratio") => (
            "Tỉ lệ",
            "[phần, tổng]: điểm = điểm tối đa × phần / tổng, làm tròn đến phần nghìn.",
        ),
        ("RawNode", "applicable") => (
            "Áp dụng",
            "false: không áp dụng; tiêu chí và các tiêu chí con không có điểm và không tính vào tổng.",
        ),
        ("RawNode", "unit") => ("Đơn vị chủ trì", "Mã đơn vị khai báo trong site.toml."),
        ("RawNode", "explanation") => (
            "Giải trình",
            "Giải trình về điểm, hiện cùng điểm; thay cho tài liệu kiểm chứng khi không có.",
        ),
        ("RawNode", "reason") => (
            "Lý do",
            "Lý do điểm chưa đạt, như thông báo kết quả ghi; in cạnh điểm trong báo cáo và thông báo.",
        ),
        ("RawNode", "evidence") => (
            "Tài liệu kiểm chứng",
            "Danh sách tài liệu kiểm chứng; mỗi tài liệu có title, và file, url hoặc ít nhất number.",
        ),
        ("RawNode", "internal") => ("Nội bộ", INTERNAL_NODE),
        ("RawEvidence", "title") => ("Trích yếu", "Trích yếu nội dung văn bản."),
        ("RawEvidence", "number") => ("Số, ký hiệu", "Số, ký hiệu như trên văn bản (số/LOẠI-CQ)."),
        ("RawEvidence", "date") => ("Ngày ban hành", "Ngày ban hành văn bản."),
        ("RawEvidence", "issuer") => ("Cơ quan ban hành", "Cơ quan ban hành văn bản."),
        ("RawEvidence", "file") => (
            "Tệp",
            "Tệp trong thư mục của trang: tính từ tệp này (được sao chép cạnh trang của tiêu chí), hoặc bắt đầu bằng / để lấy trong static/.",
        ),
        ("RawEvidence", "url") => ("Địa chỉ web", "Địa chỉ http(s) của văn bản trên mạng."),
        ("RawEvidence", "pages") => ("Vị trí", "Trang, mục của văn bản có nội dung kiểm chứng."),
        ("RawEvidence", "internal") => (
            "Nội bộ",
            "true: tài liệu chỉ hiện trên bản xem trước nội bộ.",
        ),
        ("RawTask", "title") => ("Nhiệm vụ", "Nội dung nhiệm vụ."),
        ("RawTask", "unit") => (
            "Đơn vị thực hiện",
            "Mã đơn vị trong site.toml; một nhiệm vụ có unit hoặc to, không cả hai.",
        ),
        ("RawTask", "to") => (
            "Giao cho",
            "Người, nhóm được giao khi không phải một đơn vị, ghi như văn bản giao.",
        ),
        ("RawTask", "due") => ("Hạn", "Hạn hoàn thành."),
        ("RawTask", "done") => ("Ngày hoàn thành", "Ngày hoàn thành."),
        ("RawTask", "internal") => (
            "Nội bộ",
            "true: nhiệm vụ chỉ hiện trên bản xem trước nội bộ.",
        ),
        ("RawSection", "title") => (
            "Tên chuyên mục",
            "Tên hiển thị của chuyên mục (hoặc của trang chủ).",
        ),
        ("RawSection", "sort_by") => ("Sắp xếp", "date (mặc định), title hoặc weight."),
        ("RawSection", "feed") => (
            "Nguồn tin Atom",
            "true: có nguồn tin /<chuyên mục>/atom.xml.",
        ),
        ("RawPage", "title") => ("Tiêu đề", "Tiêu đề của trang."),
        ("RawPage", "date") => ("Ngày đăng", "Ngày đăng; trang mới nhất hiện trước."),
        ("RawPage", "summary") => (
            "Tóm tắt",
            "Tóm tắt trong danh sách và nguồn tin; mặc định là đoạn đầu của trang.",
        ),
        ("RawPage", "draft") => ("Bản nháp", "true: bản nháp, không có trên trang công khai."),
        ("RawPage", "internal") => ("Nội bộ", "true: trang chỉ hiện trên bản xem trước nội bộ."),
        ("RawPage", "weight") => (
            "Thứ tự",
            "Số để sắp xếp khi chuyên mục có sort_by: weight (nhỏ trước).",
        ),
        ("RawPage", "slug") => ("Đường dẫn", "Phần đường dẫn của trang, thay cho tên tệp."),
        ("RawConfig", "title") => ("Tên trang", "Tên của trang web."),
        ("RawConfig", "base_url") => (
            "Địa chỉ trang",
            "Địa chỉ gốc, ví dụ https://example.gov.vn/cchc/.",
        ),
        ("RawConfig", "language") => ("Ngôn ngữ", "Ngôn ngữ của trang: vi."),
        ("RawConfig", "theme") => ("Giao diện", "Tên thư mục trong themes/; mặc định default."),
        ("RawConfig", "timezone") => (
            "Múi giờ",
            "Tên múi giờ IANA để tính \"hôm nay\"; mặc định Asia/Ho_Chi_Minh.",
        ),
        ("RawConfig", "units") => ("Đơn vị", "Các đơn vị ([[units]]): id và name."),
        ("RawConfig", "markdown") => ("Markdown", "Cách hiển thị nội dung Markdown ([markdown])."),
        ("RawConfig", "documents") => (
            "Văn bản",
            "Cơ quan, người ký và nơi nhận của các văn bản kiemchung dossier soạn ([documents]).",
        ),
        ("DocumentsConfig", "authority") => (
            "Cơ quan chủ quản",
            "Dòng đầu của quốc hiệu bên trái, ví dụ UBND TỈNH … .",
        ),
        ("DocumentsConfig", "issuer") => ("Cơ quan ban hành", "Tên cơ quan ban hành, ví dụ SỞ … ."),
        ("DocumentsConfig", "code") => (
            "Chữ viết tắt",
            "Chữ viết tắt của cơ quan trong số, ký hiệu văn bản, ví dụ SKHCN trong …/BC-SKHCN.",
        ),
        ("DocumentsConfig", "place") => ("Địa danh", "Địa danh của dòng địa danh, ngày tháng."),
        ("DocumentsConfig", "signer_title") => ("Chức vụ người ký", "Ví dụ GIÁM ĐỐC."),
        ("DocumentsConfig", "signer_name") => ("Họ tên người ký", "Để trống nếu chưa biết."),
        ("DocumentsConfig", "report_recipients") => (
            "Nơi nhận của báo cáo",
            "Các dòng Nơi nhận của báo cáo tự đánh giá.",
        ),
        ("DocumentsConfig", "notice_recipients") => (
            "Nơi nhận của thông báo",
            "Các dòng Nơi nhận của thông báo kết quả.",
        ),
        ("DocumentsConfig", "publish") => (
            "Công bố",
            "Văn bản nào có liên kết trên trang công khai: report, notice, package.",
        ),
        ("DocumentsConfig", "max_package_mb") => (
            "Giới hạn bộ tài liệu",
            "Dung lượng (MB) của bộ tài liệu kiểm chứng mà lớn hơn thì có cảnh báo.",
        ),
        ("RawUnit", "id") => (
            "Mã đơn vị",
            "Mã dùng trong các tệp (unit:): chữ thường không dấu, chữ số, dấu gạch ngang.",
        ),
        ("RawUnit", "name") => ("Tên đơn vị", "Tên hiển thị của đơn vị."),
        ("MarkdownConfig", "unsafe_html") => (
            "Cho phép HTML",
            "true: giữ HTML và liên kết không an toàn trong nội dung; mặc định hiển thị HTML như văn bản.",
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of every schema has its Vietnamese name: a field added
    /// to a `Raw*` type without one fails here.
    #[test]
    fn every_field_is_described() {
        for kind in Kind::ALL {
            let v = generate(kind);
            let mut objects = vec![(kind.root().to_string(), &v)];
            if let Some(Value::Object(defs)) = v.get("$defs") {
                for (name, def) in defs {
                    objects.push((name.clone(), def));
                }
            }
            for (ty, o) in objects {
                let Some(Value::Object(props)) = o.get("properties") else {
                    continue;
                };
                for (field, p) in props {
                    assert!(
                        describe(&ty, field).is_some() && p.get("description").is_some(),
                        "{ty}.{field} has no description"
                    );
                }
            }
            assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
            assert_eq!(v["additionalProperties"], false, "{kind:?}");
        }
    }
}
