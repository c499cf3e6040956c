use super::edit::{append, replace};
use super::header::{Col, classify};
use super::rows::{read_max, roman_value};
use super::sheet::{Value, column_name};
use crate::base::score::Score;

#[test]
fn one_value_changes_and_no_other_byte() {
    let text = "---\nid: \"1.1\"\ntitle: \"Cũ\"   # tên\nmax: 2              # điểm tối đa\nscore: 1\n---\nBody, title: x\n";
    assert_eq!(
        replace(text, "title", "\"Mới\"").unwrap(),
        text.replace("\"Cũ\"", "\"Mới\"")
    );
    assert_eq!(
        replace(text, "max", "1.5").unwrap(),
        text.replace("max: 2 ", "max: 1.5 ")
    );
    // CRLF, single quotes, a plain scalar, a multi-line one, a block one.
    let crlf = "---\r\ntitle: 'It''s'\r\nmax: 2\r\n---\r\n";
    assert_eq!(
        replace(crlf, "title", "\"X\"").unwrap(),
        "---\r\ntitle: \"X\"\r\nmax: 2\r\n---\r\n"
    );
    assert_eq!(
        replace(crlf, "max", "3").unwrap(),
        "---\r\ntitle: 'It''s'\r\nmax: 3\r\n---\r\n"
    );
    let multi = "---\ntitle: một\n  hai\nmax: 2\n---\n";
    assert_eq!(
        replace(multi, "title", "\"X\"").unwrap(),
        "---\ntitle: \"X\"\nmax: 2\n---\n"
    );
    let block = "---\ntitle: >-\n  một\n  hai\n\nmax: 2\n---\n";
    assert_eq!(
        replace(block, "title", "\"X\"").unwrap(),
        "---\ntitle: \"X\"\n\nmax: 2\n---\n"
    );
    let quoted = "---\ntitle: \"a \\\" b\n  c\"\nmax: 2\n---\n";
    assert_eq!(
        replace(quoted, "title", "\"X\"").unwrap(),
        "---\ntitle: \"X\"\nmax: 2\n---\n"
    );
    // Not a top-level key, not there, not a scalar.
    assert_eq!(replace("---\nextra:\n  max: 2\n---\n", "max", "3"), None);
    assert_eq!(replace("---\ntitles: x\n---\n", "title", "\"y\""), None);
    assert_eq!(replace("---\ntitle: [a]\n---\n", "title", "\"y\""), None);
    assert_eq!(
        append("---\r\ntitle: x\r\n---\r\nbody\r\n", "max", "95").unwrap(),
        "---\r\ntitle: x\r\nmax: 95\r\n---\r\nbody\r\n"
    );
}

#[test]
fn roman_numerals_and_header_names() {
    let values: Vec<Option<u32>> = ["I", "ii", "IV", "IX", "XIV", "IIII", "VX", "C", "", "V."]
        .iter()
        .map(|s| roman_value(s))
        .collect();
    assert_eq!(
        values,
        [
            Some(1),
            Some(2),
            Some(4),
            Some(9),
            Some(14),
            None,
            None,
            None,
            None,
            None
        ]
    );
    assert_eq!(classify("STT"), Some(Col::Id(1)));
    assert_eq!(classify("Mã tiêu chí"), Some(Col::Id(2)));
    assert_eq!(
        classify("Lĩnh vực/Tiêu chí/Tiêu chí thành phần"),
        Some(Col::Title)
    );
    assert_eq!(classify("NOI DUNG"), Some(Col::Title));
    assert_eq!(classify("Điểm tối đa"), Some(Col::Max));
    assert_eq!(classify("Diem toi da"), Some(Col::Max));
    assert_eq!(classify("Điểm tự đánh giá"), Some(Col::SelfScore));
    assert_eq!(classify("Đơn vị/phân công"), Some(Col::Unit));
    assert_eq!(classify("Tài liệu kiểm chứng"), Some(Col::Evidence));
    assert_eq!(classify("Số TLKC"), Some(Col::Ignored));
    assert_eq!(classify("Ghi chú"), Some(Col::Note));
    assert_eq!(classify("BỘ CHỈ SỐ"), None);
}

#[test]
fn maxima_are_read_exactly() {
    let max = |v: Value| read_max(&v, "Sheet1!C1", "1").map(|s| s.map(Score::to_plain));
    assert_eq!(max(Value::Text("1,5".into())).unwrap().unwrap(), "1.5");
    assert_eq!(max(Value::Text("1,5 điểm".into())).unwrap().unwrap(), "1.5");
    assert_eq!(max(Value::Text("2đ".into())).unwrap().unwrap(), "2");
    assert_eq!(
        max(Value::Number("11.911".into())).unwrap().unwrap(),
        "11.911"
    );
    assert_eq!(max(Value::Empty).unwrap(), None);
    for bad in [
        Value::Number(format!("{}", 0.1 + 0.2)),
        Value::Text("hai điểm".into()),
        Value::Text("-1".into()),
        Value::other(super::messages::cell_date()),
    ] {
        let e = max(bad).unwrap_err().to_string();
        assert!(e.starts_with("Sheet1!C1: the maximum of 1"), "{e}");
    }
}

#[test]
fn cells_are_named_as_excel_names_them() {
    assert_eq!(column_name(0), "A");
    assert_eq!(column_name(25), "Z");
    assert_eq!(column_name(26), "AA");
    assert_eq!(column_name(701), "ZZ");
    assert_eq!(column_name(702), "AAA");
    let g = super::sheet::Grid {
        sheet: "Cây tiêu chí".into(),
        ..Default::default()
    };
    assert_eq!(g.cell(13, 2), "'Cây tiêu chí'!C14");
}

#[test]
fn ods_merges_are_counted_through_repeats() {
    let xml = r#"<office:document-content><office:body><office:spreadsheet>
      <table:table table:name="Khác"><table:table-row><table:table-cell table:number-columns-spanned="3"/></table:table-row></table:table>
      <table:table table:name="Bảng">
        <table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
        <table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="3"/><table:covered-table-cell/></table:table-row>
      </table:table></office:spreadsheet></office:body></office:document-content>"#;
    assert_eq!(
        super::ods::regions_in(xml, "Bảng").unwrap(),
        vec![[2, 2, 4, 3]]
    );
}
