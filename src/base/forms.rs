//! The written forms of the values content files give, as JSON Schema, for
//! `kiemchung schema`: the front matter reads every scalar as its raw text
//! (`Text`) and parses it here in `base` (scores in `score.rs`, dates in
//! `vi.rs`, ids in `id.rs`), so each type below names the forms its parser
//! accepts, as an editor sees them (a YAML number, a string, true/false).
//! The patterns follow the parsers; `tests/schema.rs` runs a JSON Schema
//! validator over the files `check` accepts and those it refuses.
//!
//! What a pattern cannot tell is left to `check`: a score's three decimals
//! when it is written as a number, `1.02` written as a number id, the leap
//! years of 29 February, and sizes beyond any real file.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Value, json};
use std::borrow::Cow;

fn schema(v: Value) -> Schema {
    match v {
        Value::Object(m) => Schema::from(m),
        _ => Schema::default(),
    }
}

/// A score as text: `2`, `1.5`, `11,911`, `2.50`; at most three decimals
/// that are not zero (`1.5000` is one and a half). No sign, no exponent.
pub const SCORE: &str = r"^\s*(?:\d{1,13}(?:[.,]\d{1,3}0*)?|[.,]\d{1,3}0*)\s*$";

/// Day and month of a date, months of 30 and 31 days told apart (29
/// February is let through: leap years are `check`'s).
const DAY_MONTH: &str = r"(?:0*(?:[1-9]|1\d|2\d)[-/.]0*(?:[1-9]|1[0-2])|0*30[-/.]0*(?:[13-9]|1[0-2])|0*31[-/.]0*(?:[13578]|1[02]))";
const MONTH_DAY: &str =
    r"(?:0*(?:[1-9]|1[0-2])-0*(?:[1-9]|1\d|2\d)|0*(?:[13-9]|1[0-2])-0*30|0*(?:[13578]|1[02])-0*31)";

/// A date: ISO `2023-04-26`, or Vietnamese `26/4/2023`, `26-4-2023`,
/// `26.4.2023`.
pub fn date_pattern() -> String {
    format!(r"^\s*(?:\d{{4}}-{MONTH_DAY}|{DAY_MONTH}[-/.]\d{{4}})\s*$")
}

/// A node id: dotted numbers without leading zeros.
pub const ID: &str = r"^\s*(?:0|[1-9]\d{0,8})(?:\.(?:0|[1-9]\d{0,8}))*\s*$";

/// A unit id of site.toml: lowercase ASCII letters, digits, hyphens.
pub const UNIT: &str = r"^\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*$";

/// Implements [`JsonSchema`] for a marker type: its name in `$defs`, its
/// Vietnamese description, and its schema.
macro_rules! form {
    ($(#[$doc:meta])* $ty:ident, $name:literal, $desc:literal, $body:expr) => {
        $(#[$doc])*
        pub struct $ty;
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let mut v: Value = $body;
                if let Value::Object(m) = &mut v {
                    m.insert("description".into(), $desc.into());
                }
                schema(v)
            }
        }
    };
}

form!(
    /// Any one value written as text: a title, a file name.
    Words,
    "van-ban",
    "Một giá trị đơn (văn bản); không phải danh sách hay nhóm trường.",
    json!({ "type": ["string", "number", "boolean"] })
);

form!(
    /// A score: a YAML number ≥ 0 or a string of [`SCORE`].
    ScoreText,
    "diem",
    "Điểm: số thập phân ≥ 0, tối đa ba chữ số sau dấu thập phân, viết như số (1.5) hoặc chuỗi (\"1,5\"); dấu . hoặc , đều được, không có dấu phân cách hàng nghìn.",
    json!({ "anyOf": [
        { "type": "number", "minimum": 0 },
        { "type": "string", "pattern": SCORE }
    ] })
);

form!(
    /// A date, as text.
    DateText,
    "ngay",
    "Ngày: năm-tháng-ngày (2023-04-26) hoặc ngày/tháng/năm (26/4/2023, cũng 26-4-2023, 26.4.2023).",
    json!({ "type": "string", "pattern": date_pattern() })
);

form!(
    /// `true` or `false`, also as a string.
    Flag,
    "dung-sai",
    "true hoặc false.",
    json!({ "anyOf": [
        { "type": "boolean" },
        { "type": "string", "pattern": r"^\s*(?:true|false)\s*$" }
    ] })
);

form!(
    /// A node id: a string of [`ID`], or a YAML number (better quoted:
    /// `1.10` as a number is 1.1).
    IdText,
    "ma-so",
    "Mã số: các số cách nhau bằng dấu chấm (\"1\", \"1.2\", \"1.2.3\"), không có số 0 đứng đầu; nên đặt trong ngoặc kép vì 1.10 viết như số là 1,1.",
    json!({ "anyOf": [
        { "type": "integer", "minimum": 0 },
        { "type": "number", "exclusiveMinimum": 0 },
        { "type": "string", "pattern": ID }
    ] })
);

form!(
    /// A whole number ≥ 1 (a rank).
    Rank,
    "so-thu-tu",
    "Số nguyên ≥ 1.",
    json!({ "anyOf": [
        { "type": "integer", "minimum": 1 },
        { "type": "string", "pattern": r"^\s*\+?0*[1-9]\d*\s*$" }
    ] })
);

form!(
    /// A whole number (a weight), negative ones included.
    Whole,
    "so-nguyen",
    "Số nguyên (có thể âm).",
    json!({ "anyOf": [
        { "type": "integer" },
        { "type": "string", "pattern": r"^\s*[+-]?\d+\s*$" }
    ] })
);

form!(
    /// `[part, whole]`: two whole numbers, the whole ≥ 1.
    Ratio,
    "ti-le",
    "Tỉ lệ [phần, tổng], ví dụ [34, 40]: điểm = điểm tối đa × phần / tổng; phần không lớn hơn tổng.",
    json!({
        "type": "array",
        "minItems": 2,
        "prefixItems": [
            { "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "pattern": r"^\s*\+?\d+\s*$" }
            ] },
            { "anyOf": [
                { "type": "integer", "minimum": 1 },
                { "type": "string", "pattern": r"^\s*\+?0*[1-9]\d*\s*$" }
            ] }
        ],
        "items": false
    })
);

form!(
    /// An http(s) address.
    Url,
    "dia-chi-web",
    "Địa chỉ web bắt đầu bằng http:// hoặc https:// (tệp của trang thì ghi ở file:).",
    json!({ "type": "string", "pattern": r"^\s*https?://" })
);

form!(
    /// site.toml's `base_url`.
    BaseUrl,
    "dia-chi-trang",
    "Địa chỉ gốc của trang, bắt đầu bằng http:// hoặc https://, ví dụ https://example.gov.vn/cchc/ (phần đường dẫn được giữ khi build và serve).",
    json!({ "type": "string", "pattern": r"^\s*https?://[^/?#\s]+(?:/[^?#\s\\]*)?\s*$" })
);

form!(
    /// A unit id of site.toml.
    UnitId,
    "ma-don-vi",
    "Mã đơn vị khai báo trong site.toml ([[units]] id): chữ thường không dấu, chữ số, dấu gạch ngang.",
    json!({ "type": "string", "pattern": UNIT })
);

form!(
    /// How a section sorts its pages.
    SortBy,
    "sap-xep",
    "Cách sắp xếp các trang: date (mới nhất trước), title (theo tên, thứ tự tiếng Việt) hoặc weight (theo weight tăng dần).",
    json!({ "type": "string", "enum": ["date", "title", "weight"] })
);

form!(
    /// Free values for themes.
    Extra,
    "gia-tri-them",
    "Các giá trị tự do cho giao diện: {{ page.extra.… }}.",
    json!({ "type": "object" })
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::score::Score;

    fn matches(pattern: &str, s: &str) -> bool {
        jsonschema::is_valid(&json!({ "type": "string", "pattern": pattern }), &json!(s))
    }

    /// Each pattern accepts what its parser accepts, on the forms the docs
    /// give and on their near misses.
    #[test]
    fn the_patterns_follow_the_parsers() {
        for s in [
            "2", "1.5", "11,911", "2.50", "1.5000", ".5", " 8 ", "0", "1.2345", "1e3", "-1", "+1",
            "2.", "1,2,3", "", "abc", "0.0001", "1.2340",
        ] {
            assert_eq!(matches(SCORE, s), Score::parse(s).is_ok(), "score {s:?}");
        }
        let date = date_pattern();
        for s in [
            "2023-04-26",
            "26/4/2023",
            "26-4-2023",
            "26.4.2023",
            "05/02/2023",
            "31/2/2022",
            "30/2/2022",
            "31/4/2022",
            "31/5/2022",
            "2022-13-01",
            "2022-02-30",
            "hôm qua",
            "2022/12/20",
            "1/1/22",
            "2022-12-31",
        ] {
            assert_eq!(
                matches(&date, s),
                crate::base::vi::parse_date(s).is_ok(),
                "date {s:?}"
            );
        }
        for s in [
            "1", "1.2", "1.10", "10.3.4", "0", "1.02", "01", "1.", ".1", "a", "",
        ] {
            assert_eq!(
                matches(ID, s),
                crate::base::id::NodeId::parse(s).is_ok(),
                "id {s:?}"
            );
        }
        for s in [
            "van-phong",
            "to-cntt",
            "a1",
            "Van-phong",
            "van_phong",
            "-x",
            "x-",
            "",
        ] {
            assert_eq!(
                matches(UNIT, s),
                !s.is_empty() && crate::base::vi::slugify(s) == s,
                "unit {s:?}"
            );
        }
    }
}
