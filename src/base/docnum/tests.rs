use super::*;

fn p(s: &str) -> DocNumber {
    parse(s).unwrap_or_else(|e| panic!("{s:?}: {}", e.en()))
}

/// (input, number, year, kind, kind_name, issuer, unit, normalized)
#[allow(clippy::type_complexity)]
const GOOD: &[(
    &str,
    &str,
    Option<i32>,
    &str,
    &str,
    &str,
    Option<&str>,
    &str,
)] = &[
    (
        "55/TB-SKHCN",
        "55",
        None,
        "TB",
        "Thông báo",
        "SKHCN",
        None,
        "55/TB-SKHCN",
    ),
    (
        "55 /TB-SKHCN",
        "55",
        None,
        "TB",
        "Thông báo",
        "SKHCN",
        None,
        "55/TB-SKHCN",
    ),
    (
        "Số: 55 /TB-SKHCN",
        "55",
        None,
        "TB",
        "Thông báo",
        "SKHCN",
        None,
        "55/TB-SKHCN",
    ),
    (
        "số 55/TB-SKHCN",
        "55",
        None,
        "TB",
        "Thông báo",
        "SKHCN",
        None,
        "55/TB-SKHCN",
    ),
    (
        " 55 / TB - SKHCN ",
        "55",
        None,
        "TB",
        "Thông báo",
        "SKHCN",
        None,
        "55/TB-SKHCN",
    ),
    (
        "55/tb-skhcn",
        "55",
        None,
        "TB",
        "Thông báo",
        "SKHCN",
        None,
        "55/TB-SKHCN",
    ),
    (
        "3859/QĐ-UBND",
        "3859",
        None,
        "QĐ",
        "Quyết định",
        "UBND",
        None,
        "3859/QĐ-UBND",
    ),
    (
        "3859/qđ-ubnd",
        "3859",
        None,
        "QĐ",
        "Quyết định",
        "UBND",
        None,
        "3859/QĐ-UBND",
    ),
    (
        "3859/QÐ-UBND",
        "3859",
        None,
        "QĐ",
        "Quyết định",
        "UBND",
        None,
        "3859/QĐ-UBND",
    ),
    (
        "3859/QĐ–UBND",
        "3859",
        None,
        "QĐ",
        "Quyết định",
        "UBND",
        None,
        "3859/QĐ-UBND",
    ),
    (
        "30/2020/NĐ-CP",
        "30",
        Some(2020),
        "NĐ",
        "Nghị định",
        "CP",
        None,
        "30/2020/NĐ-CP",
    ),
    (
        "30 / 2020 / NĐ-CP",
        "30",
        Some(2020),
        "NĐ",
        "Nghị định",
        "CP",
        None,
        "30/2020/NĐ-CP",
    ),
    (
        "1629/SNV-CCHC&PC",
        "1629",
        None,
        "CV",
        "Công văn",
        "SNV",
        Some("CCHC&PC"),
        "1629/SNV-CCHC&PC",
    ),
    (
        "05/KH-SKHCN",
        "05",
        None,
        "KH",
        "Kế hoạch",
        "SKHCN",
        None,
        "05/KH-SKHCN",
    ),
    (
        "3805/UBND-SNV",
        "3805",
        None,
        "CV",
        "Công văn",
        "UBND",
        Some("SNV"),
        "3805/UBND-SNV",
    ),
    (
        "120/BC-SKHCN",
        "120",
        None,
        "BC",
        "Báo cáo",
        "SKHCN",
        None,
        "120/BC-SKHCN",
    ),
    (
        "12/QyĐ-SKHCN",
        "12",
        None,
        "QyĐ",
        "Quy định",
        "SKHCN",
        None,
        "12/QyĐ-SKHCN",
    ),
    (
        "12/QYĐ-SKHCN",
        "12",
        None,
        "QyĐ",
        "Quy định",
        "SKHCN",
        None,
        "12/QyĐ-SKHCN",
    ),
    (
        "7/Ctr-SKHCN",
        "7",
        None,
        "CTr",
        "Chương trình",
        "SKHCN",
        None,
        "7/CTr-SKHCN",
    ),
    (
        "7/CT-SKHCN",
        "7",
        None,
        "CT",
        "Chỉ thị",
        "SKHCN",
        None,
        "7/CT-SKHCN",
    ),
    (
        "9/TTr-SKHCN",
        "9",
        None,
        "TTr",
        "Tờ trình",
        "SKHCN",
        None,
        "9/TTr-SKHCN",
    ),
    (
        "9/ĐA-UBND",
        "9",
        None,
        "ĐA",
        "Đề án",
        "UBND",
        None,
        "9/ĐA-UBND",
    ),
    (
        "9/DA-UBND",
        "9",
        None,
        "DA",
        "Dự án",
        "UBND",
        None,
        "9/DA-UBND",
    ),
    (
        "9/HĐ-SKHCN",
        "9",
        None,
        "HĐ",
        "Hợp đồng",
        "SKHCN",
        None,
        "9/HĐ-SKHCN",
    ),
    (
        "9/HD-SKHCN",
        "9",
        None,
        "HD",
        "Hướng dẫn",
        "SKHCN",
        None,
        "9/HD-SKHCN",
    ),
    (
        "14/BB-ĐKT",
        "14",
        None,
        "BB",
        "Biên bản",
        "ĐKT",
        None,
        "14/BB-ĐKT",
    ),
    (
        "3/GM-SKHCN",
        "3",
        None,
        "GM",
        "Giấy mời",
        "SKHCN",
        None,
        "3/GM-SKHCN",
    ),
    (
        "3/GUQ-SKHCN",
        "3",
        None,
        "GUQ",
        "Giấy ủy quyền",
        "SKHCN",
        None,
        "3/GUQ-SKHCN",
    ),
    (
        "3/UQ-SKHCN",
        "3",
        None,
        "UQ",
        "Giấy ủy quyền",
        "SKHCN",
        None,
        "3/UQ-SKHCN",
    ),
    (
        "2/SY-VP",
        "2",
        None,
        "SY",
        "Bản sao y",
        "VP",
        None,
        "2/SY-VP",
    ),
    (
        "2/TrS-VP",
        "2",
        None,
        "TrS",
        "Bản trích sao",
        "VP",
        None,
        "2/TrS-VP",
    ),
    (
        "1234/QĐ-TTg",
        "1234",
        None,
        "QĐ",
        "Quyết định",
        "TTg",
        None,
        "1234/QĐ-TTg",
    ),
    (
        "1234/qđ-ttg",
        "1234",
        None,
        "QĐ",
        "Quyết định",
        "TTg",
        None,
        "1234/QĐ-TTg",
    ),
    (
        "15/2023/TT-BKHCN",
        "15",
        Some(2023),
        "TT",
        "Thông tư",
        "BKHCN",
        None,
        "15/2023/TT-BKHCN",
    ),
    (
        "12/2015/TTLT-BTC-BKHCN",
        "12",
        Some(2015),
        "TTLT",
        "Thông tư liên tịch",
        "BTC-BKHCN",
        None,
        "12/2015/TTLT-BTC-BKHCN",
    ),
    (
        "05/2019/NQ-HĐND",
        "05",
        Some(2019),
        "NQ",
        "Nghị quyết",
        "HĐND",
        None,
        "05/2019/NQ-HĐND",
    ),
    (
        "26/2021/QĐ-UBND",
        "26",
        Some(2021),
        "QĐ",
        "Quyết định",
        "UBND",
        None,
        "26/2021/QĐ-UBND",
    ),
    (
        "06/2023/L-CTN",
        "06",
        Some(2023),
        "L",
        "Lệnh",
        "CTN",
        None,
        "06/2023/L-CTN",
    ),
    (
        "80/2015/QH13",
        "80",
        Some(2015),
        "",
        "Luật hoặc nghị quyết của Quốc hội",
        "QH13",
        None,
        "80/2015/QH13",
    ),
    (
        "02/2022/UBTVQH15",
        "02",
        Some(2022),
        "",
        "Pháp lệnh hoặc nghị quyết của Ủy ban Thường vụ Quốc hội",
        "UBTVQH15",
        None,
        "02/2022/UBTVQH15",
    ),
    (
        "123/QĐ-UBND-VP",
        "123",
        None,
        "QĐ",
        "Quyết định",
        "UBND",
        Some("VP"),
        "123/QĐ-UBND-VP",
    ),
    (
        "88/UBND",
        "88",
        None,
        "CV",
        "Công văn",
        "UBND",
        None,
        "88/UBND",
    ),
    (
        "560/NQ-UBTVQH15",
        "560",
        None,
        "NQ",
        "Nghị quyết",
        "UBTVQH15",
        None,
        "560/NQ-UBTVQH15",
    ),
];

#[test]
fn real_forms() {
    for &(input, number, year, kind, kind_name, issuer, unit, normalized) in GOOD {
        let d = p(input);
        assert_eq!(d.number, number, "{input}");
        assert_eq!(d.year, year, "{input}");
        assert_eq!(d.kind, kind, "{input}");
        assert_eq!(d.kind_name, kind_name, "{input}");
        assert_eq!(d.issuer, issuer, "{input}");
        assert_eq!(d.unit.as_deref(), unit, "{input}");
        assert_eq!(d.normalized, normalized, "{input}");
        assert_eq!(d.warning, None, "{input}");
        // the normalized form parses to itself
        assert_eq!(p(&d.normalized), d, "{input}");
    }
}

#[test]
fn d_is_not_dj_but_is_pointed_out() {
    let d = p("3859/QD-UBND");
    assert_eq!(d.kind, "QD");
    assert_eq!(d.kind_name, "Quyết định");
    assert_eq!(d.normalized, "3859/QD-UBND");
    let w = d.warning.as_ref().unwrap().en();
    assert!(w.contains("probably `QĐ`"), "{w}");
    assert_ne!(key(&d, None), key(&p("3859/QĐ-UBND"), None));
    let d = p("30/2020/ND-CP");
    assert_eq!((d.kind.as_str(), d.year), ("ND", Some(2020)));
    assert!(d.warning.unwrap().en().contains("`NĐ`"));
    assert_eq!(p("5/qd-ubnd").kind, "QD");
    let d = p("05/2019/NQ-HDND");
    assert_eq!(d.issuer, "HDND");
    assert!(d.warning.unwrap().en().contains("HĐND"));
    // DA and HD are real codes: no guess
    assert_eq!(p("9/DA-UBND").warning, None);
    assert_eq!(p("9/HD-UBND").warning, None);
}

#[test]
fn bad_forms_say_what_was_expected() {
    let cases: &[(&str, &str)] = &[
        ("", "found nothing"),
        ("   ", "found nothing"),
        ("abc", "expected a document number"),
        ("55", "no code after it"),
        ("/TB-SKHCN", "no number before"),
        ("55/", "ends after the slash"),
        ("55//TB", "nothing between two slashes"),
        ("55/TB", "no issuer"),
        ("55/TB-", "empty code"),
        ("55/-SKHCN", "empty code"),
        ("55/TB--SKHCN", "empty code"),
        ("5a/TB-SKHCN", "digits only"),
        ("0/TB-SKHCN", "cannot be 0"),
        ("55/20/NĐ-CP", "year of 4 digits"),
        ("55/1800/NĐ-CP", "not a plausible year"),
        ("1/2/3/4", "3 slashes"),
        ("55/TB-SK HCN", "contains a space"),
        ("55/TB-SKHCN;", "contains `;`"),
        ("55/TB-&PC", "starts or ends"),
        ("55/TB-123", "not only digits"),
        ("55 56/TB-SKHCN", "digits only"),
        ("12345678/TB-SKHCN", "too long"),
    ];
    for (input, expected) in cases {
        let e = parse(input).expect_err(input).en();
        assert!(e.contains(expected), "{input:?}: {e}");
    }
}

#[test]
fn keys() {
    let d = p("55 /TB-SKHCN");
    let date = Date::new(2023, 4, 26).unwrap();
    assert_eq!(
        key(&d, Some(date)),
        ("55/TB-SKHCN".to_string(), "SKHCN".to_string(), Some(2023))
    );
    assert_eq!(key(&d, None).2, None);
    // the year in the number wins over the date
    let d = p("30/2020/NĐ-CP");
    assert_eq!(
        key(&d, Some(date)),
        ("30/2020/NĐ-CP".to_string(), "CP".to_string(), Some(2020))
    );
    // leading zeros and case do not make another document
    assert_eq!(key(&p("05/KH-SKHCN"), None), key(&p("5/kh-skhcn"), None));
    assert_eq!(key(&p("1/QĐ-TTg"), None).0, "1/QĐ-TTG");
    // a different year is a different document
    let d2 = Date::new(2022, 1, 5).unwrap();
    assert_ne!(
        key(&p("5/KH-SKHCN"), Some(date)),
        key(&p("5/KH-SKHCN"), Some(d2))
    );
}

#[test]
fn kinds_are_unique_without_case() {
    let mut seen = std::collections::HashSet::new();
    for (code, _, _) in KINDS {
        assert!(seen.insert(code.to_uppercase()), "{code} twice");
    }
    for (d, intended) in D_FOR_DJ {
        assert!(kind_of(d).is_none(), "{d} must not be a type code");
        assert!(kind_of(intended).is_some());
    }
}

proptest::proptest! {
    #[test]
    fn never_panics_on_any_text(s in "[0-9/ a-zA-ZĐđÐ&.–-]{0,24}") {
        if let Ok(d) = parse(&s) {
            // whatever is read, its normalized form reads back the same
            proptest::prop_assert_eq!(parse(&d.normalized).map(|x| x.normalized), Ok(d.normalized.clone()));
        }
    }
}

#[test]
fn never_panics() {
    for s in [
        "/", "//", "-", "Số", "Số:", "số: /", "1/-", "1/2020/", "1/2020/-", "ð", "1/ð-đ",
    ] {
        let _ = parse(s);
    }
}
