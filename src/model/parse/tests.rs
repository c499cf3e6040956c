use super::*;
use crate::model::file::{Task, TaskState};

fn parse(rel: &str, text: &str) -> ParsedFile {
    parse_file(
        &SourceFile {
            rel: rel.into(),
            text: text.into(),
        },
        &MarkdownSettings {
            base_path: "/".into(),
            unsafe_html: false,
            review: false,
        },
    )
}

#[test]
fn roles_by_path() {
    assert_eq!(role_of("content/_index.md"), Ok(FileRole::Home));
    assert_eq!(
        role_of("content/2022/_index.md"),
        Ok(FileRole::Assessment(2022))
    );
    assert_eq!(role_of("content/2022/a/b/1.2.md"), Ok(FileRole::Node(2022)));
    assert_eq!(
        role_of("content/2022/a/_index.md"),
        Ok(FileRole::Node(2022))
    );
    assert_eq!(
        role_of("content/tin-tuc/_index.md"),
        Ok(FileRole::Section("tin-tuc".into()))
    );
    assert_eq!(
        role_of("content/tin-tuc/a.md"),
        Ok(FileRole::Page("tin-tuc".into()))
    );
    assert_eq!(
        role_of("content/gioi-thieu.md"),
        Ok(FileRole::Page(String::new()))
    );
    assert!(role_of("content/tin-tuc/2023/a.md").is_err());
}

#[test]
fn ratio_computes_the_score() {
    let p = parse(
        "content/2022/1.1.md",
        "---\nid: \"1.1\"\ntitle: x\nmax: 2\nratio: [34, 40]\n---\n",
    );
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let Some(Kind::Node(2022, n)) = p.kind else {
        panic!()
    };
    assert_eq!(n.score.as_ref().unwrap().value.to_vi(), "1,7");
}

#[test]
fn ratio_mismatch_points_at_the_score() {
    let p = parse(
        "content/2022/1.1.md",
        "---\nid: \"1.1\"\ntitle: x\nmax: 2\nratio: [34, 40]\nscore: 1.8\n---\n",
    );
    assert_eq!(p.diagnostics.len(), 1);
    let d = &p.diagnostics[0];
    assert_eq!((d.line, d.column), (Some(6), Some(8)));
    assert!(d.message.en().contains("= 1.7"), "{}", d.message.en());
    assert_eq!(d.code(), "E404");
    assert!(p.kind.is_none());
}

#[test]
fn score_above_max_and_bad_values() {
    let p = parse(
        "content/2022/1.md",
        "---\nid: 1\ntitle: x\nmax: 2\nscore: 2.5\nself_score: abc\napplicable: maybe\n---\n",
    );
    let lines: Vec<Option<u32>> = p.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [Some(6), Some(7), Some(5)]);
    let codes: Vec<&str> = p.diagnostics.iter().map(|d| d.code()).collect();
    assert_eq!(codes, ["E402", "E209", "E401"]);
    assert!(p.diagnostics[2].message.en().contains("greater than max 2"));
    // Scores are written the reader's way.
    let vi = p.diagnostics[2].message.text(crate::base::i18n::Lang::Vi);
    assert!(vi.contains("2,5 lớn hơn điểm tối đa 2"), "{vi}");
}

#[test]
fn evidence_needs_title_and_a_reference() {
    let p = parse(
        "content/2022/1.md",
        "---\nid: 1\ntitle: x\nmax: 2\nevidence:\n  - title: a\n  - number: 1/BC\n    date: 32/1/2022\n---\n",
    );
    let msgs: Vec<String> = p.diagnostics.iter().map(|d| d.message.en()).collect();
    assert_eq!(p.diagnostics[0].line, Some(6));
    assert!(msgs[0].contains("`file:`, its `url:` or at least its `number:`"));
    assert!(msgs.iter().any(|m| m.contains("needs a `title:`")));
    assert!(msgs.iter().any(|m| m.contains("no day 32")));
    let codes: Vec<&str> = p.diagnostics.iter().map(|d| d.code()).collect();
    assert!(
        codes.contains(&"E505") && codes.contains(&"E208"),
        "{codes:?}"
    );
}

#[test]
fn task_states_around_today() {
    let d = |s: &str| vi::parse_date(s).unwrap();
    let t = |due: Option<&str>, done: Option<&str>| Task {
        title: "x".into(),
        unit: None,
        to: None,
        due: due.map(d),
        done: done.map(d),
        node: None,
        file: String::new(),
        loc: Loc::default(),
        unit_loc: None,
        internal: false,
    };
    let today = d("2023-06-30");
    assert_eq!(
        TaskState::of(&t(Some("2023-06-30"), None), today),
        TaskState::Open
    );
    assert_eq!(
        TaskState::of(&t(Some("2023-06-29"), None), today),
        TaskState::Overdue
    );
    assert_eq!(
        TaskState::of(&t(Some("2023-06-30"), Some("2023-06-30")), today),
        TaskState::DoneOnTime
    );
    assert_eq!(
        TaskState::of(&t(Some("2023-06-30"), Some("2023-07-01")), today),
        TaskState::DoneLate
    );
    assert_eq!(TaskState::of(&t(None, None), today), TaskState::NotRecorded);
    assert_eq!(
        TaskState::of(&t(None, Some("2023-01-01")), today),
        TaskState::Done
    );
}
