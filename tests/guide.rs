//! The staff guide (docs/huong-dan.md) quotes, for each of the ten most
//! common mistakes, the message kiemchung prints. Each mistake is made here
//! in the guide's example site (tests/fixtures/guide), `check` runs in
//! Vietnamese, and the guide must show the first two lines it printed (the
//! message with its code, and the file:line:column), so the guide cannot
//! drift from the program.

mod common;
use common::Site;

const GUIDE: &str = include_str!("../docs/huong-dan.md");
const CRITERION: &str = "content/2099/1-vi-du/1.1.md";

/// (what the mistake is, the text replaced in the criterion's file, by what)
const MISTAKES: &[(&str, &str, &str)] = &[
    ("a misspelt field", "self_score: 2", "self_socre: 2"),
    (
        "a line of a document not indented under its dash",
        "    number: \"01/KH-VIDU\"",
        "  number: \"01/KH-VIDU\"",
    ),
    (
        "a score over the maximum",
        "self_score: 2",
        "self_score: 2.5",
    ),
    (
        "an unclosed front matter",
        "---\nTiêu chí ví dụ.",
        "Tiêu chí ví dụ.",
    ),
    (
        "a misspelt file name",
        "file: ke-hoach-vi-du.pdf",
        "file: ke-hoach-vidu.pdf",
    ),
    (
        "a date that does not exist",
        "date: 2099-01-15",
        "date: 2099-02-30",
    ),
    (
        "an undeclared unit",
        "unit: van-phong",
        "unit: van-phong-so",
    ),
    (
        "a colon in an unquoted title",
        "title: \"Ban hành kế hoạch ví dụ\"",
        "title: Ban hành kế hoạch: ví dụ",
    ),
    (
        "a score with no evidence",
        "evidence:\n  - title: \"Kế hoạch ví dụ năm 2099\"\n    number: \"01/KH-VIDU\"\n    date: 2099-01-15\n    file: ke-hoach-vi-du.pdf\n",
        "",
    ),
];

/// The first two lines of the first diagnostic `check --lang vi` prints for
/// the site as `edit` leaves it.
fn printed(edit: impl Fn(&Site)) -> String {
    let site = Site::new("guide");
    edit(&site);
    let run = site.run(&["check", "--lang", "vi"]);
    let block = run
        .stderr
        .split("\n\n")
        .find(|b| b.starts_with("lỗi[") || b.starts_with("cảnh báo["))
        .unwrap_or_else(|| panic!("no diagnostic in\n{}", run.stderr));
    block.lines().take(2).collect::<Vec<_>>().join("\n")
}

fn quoted(what: &str, lines: &str) {
    assert!(
        GUIDE.contains(lines),
        "docs/huong-dan.md should quote, for {what}:\n{lines}"
    );
}

#[test]
fn the_example_site_is_correct() {
    let site = Site::new("guide");
    let run = site.run(&["check", "--strict"]);
    run.ok();
}

#[test]
fn the_guide_quotes_what_each_mistake_prints() {
    for (what, from, to) in MISTAKES {
        let lines = printed(|site| {
            let path = site.path(CRITERION);
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains(from), "{what}: {from:?} is in the example");
            std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        });
        quoted(what, &lines);
    }
    // The tenth: a file saved in an old Vietnamese encoding (Windows-1258),
    // as older office software does.
    let lines = printed(|site| {
        let path = site.path(CRITERION);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut bytes = text
            .replace("Ban hành kế hoạch ví dụ", "Ban hành")
            .into_bytes();
        let at = bytes
            .windows("à".len())
            .position(|w| w == "à".as_bytes())
            .unwrap();
        bytes.splice(at..at + "à".len(), [0xE0]);
        std::fs::write(&path, bytes).unwrap();
    });
    quoted("a file not in UTF-8", &lines);
}
