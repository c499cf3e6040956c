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
        let ev = r
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}\n{xml}", r.buffer_position()));
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

fn elements<'a>(all: &'a [El], name: &'a str, class: &'a str) -> impl Iterator<Item = &'a El> + 'a {
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
    let c = lost_bars("mat-2022", "Điểm chưa đạt", &bars);
    let (els, text) = check_svg_head(&c.svg, "mat-2022", "Điểm chưa đạt");
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
        f.starts_with("<figure class=\"kc-chart\">") && f.contains("<svg") && f.contains("<table")
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
