//! Every refusal of docs/format.md §1–§5: a good site is built, one fixture
//! (`tests/fixtures/refusals/<case>/`) is copied over it, and the build must
//! fail with exit code 1, point at the file, line and column in the file
//! itself (not in the front matter block), show the offending line, say what
//! was expected, report nothing else, and leave the previous output as it was.

mod common;
use common::{Site, locations, snapshot};

/// One expected error: where, the source line shown under it (empty when
/// the problem has no line), and what the message and help must say.
struct Expect {
    /// The code the block must begin with (`error[E401]: `); empty: any.
    code: &'static str,
    at: &'static str,
    line: &'static str,
    says: &'static [&'static str],
}

const fn at(at: &'static str, line: &'static str, says: &'static [&'static str]) -> Expect {
    Expect {
        code: "",
        at,
        line,
        says,
    }
}

impl Expect {
    /// The refusal's code (docs/error-codes.md).
    const fn code(self, code: &'static str) -> Expect {
        Expect { code, ..self }
    }
}

/// Builds the good fixture, breaks it with `case`, builds again and checks
/// the refusal. Returns the site for further checks.
fn refused(case: &str, expected: &[Expect]) -> Site {
    refused_with(case, |_| {}, expected)
}

/// [`refused`], with `setup` run on the site before the failing build.
fn refused_with(case: &str, setup: impl Fn(&Site), expected: &[Expect]) -> Site {
    let site = Site::new("site");
    site.build().ok();
    let before = snapshot(&site.public());
    assert!(before.contains_key("index.html"));

    site.overlay(&format!("refusals/{case}"));
    setup(&site);
    let run = site.build();
    run.assert_code(1);
    for e in expected {
        let block = run.block_at(e.at);
        let start = match e.code {
            "" => "error[".to_string(),
            code => format!("error[{code}]: "),
        };
        assert!(block.starts_with(&start), "{block}");
        if !e.line.is_empty() {
            // `12 | score: 1.6`: the line number in the file, then the line.
            let n = e.at.split(':').nth(1).expect("a line number");
            let shown = format!("\n{n} | {}\n", e.line);
            assert!(block.contains(&shown), "expected {shown:?} in\n{block}");
            // The caret under the column, counted in characters.
            let col: usize = e.at.split(':').nth(2).unwrap().parse().unwrap();
            let caret = block
                .lines()
                .skip_while(|l| !l.starts_with(&format!("{n} | ")))
                .nth(1)
                .and_then(|l| l.split_once("| "))
                .map(|(_, c)| c.trim_end());
            assert_eq!(
                caret,
                Some(format!("{}^", " ".repeat(col - 1)).as_str()),
                "caret not under column {col} in\n{block}"
            );
        }
        for s in e.says {
            assert!(block.contains(s), "expected {s:?} in\n{block}");
        }
    }
    assert!(
        run.stderr.contains(&format!(
            "could not build: {} error{}",
            expected.len(),
            if expected.len() == 1 { "" } else { "s" }
        )),
        "{}",
        run.stderr
    );

    // The same errors, and only those, in `check --format json`, sorted by path.
    let check = site.run(&["check", "--format", "json"]);
    check.assert_code(1);
    let report = check.json();
    let wanted: Vec<&str> = expected.iter().map(|e| e.at).collect();
    assert_eq!(locations(&report["errors"]), wanted, "{}", check.stdout);
    for (item, e) in report["errors"].as_array().unwrap().iter().zip(expected) {
        let message = item["message"].as_str().unwrap();
        assert!(!message.is_empty());
        if !e.code.is_empty() {
            assert_eq!(item["code"].as_str(), Some(e.code), "{item}");
        }
        if !e.line.is_empty() {
            assert_eq!(item["source_line"].as_str(), Some(e.line));
        }
    }

    assert!(
        snapshot(&site.public()) == before,
        "public/ changed although the build failed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("kiemchung"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
    site
}

#[test]
fn score_above_max() {
    refused(
        "score-above-max",
        &[at(
            "content/2022/1-chi-dao/1.2.md:5:8",
            "score: 1.6",
            &[
                "score 1.6 is greater than max 1.5",
                "expected a value between 0 and 1.5",
            ],
        )
        .code("E401")],
    );
}

#[test]
fn negative_score() {
    refused(
        "negative-score",
        &[at(
            "content/2022/1-chi-dao/1.2.md:5:8",
            "score: -0.5",
            &["cannot be negative", "expected a number ≥ 0"],
        )
        .code("E402")],
    );
}

#[test]
fn children_maxima_exceeding_the_parent() {
    refused(
        "children-max-exceeds-parent",
        &[at(
            "content/2022/2-the-che/_index.md:5:6",
            "max: 6.5",
            &[
                "the children of 2 have maxima adding up to 7, more than its max 6.5",
                "2.3 (max 5, score 4)",
            ],
        )
        .code("E405")],
    );
}

#[test]
fn parent_score_outside_children_sum_and_not_itemised() {
    refused(
        "parent-score-outside-range",
        &[at(
            "content/2022/2-the-che/_index.md:6:8",
            "score: 5",
            &[
                "score 5 of 2 must lie between 0 (its children's sum) and 4.5",
                "4.5 not itemised",
            ],
        )
        .code("E407")],
    );
}

#[test]
fn missing_parent_score_when_children_are_scored_with_a_gap() {
    refused(
        "parent-score-missing",
        &[at(
            "content/2022/2-the-che/_index.md:5:6",
            "max: 6.5",
            &[
                "give 2 its own `score:`",
                "its score must lie between 0 (the children's sum) and 4.5",
            ],
        )
        .code("E407")],
    );
}

#[test]
fn parent_score_not_the_children_sum() {
    refused(
        "parent-score-not-sum",
        &[at(
            "content/2022/1-chi-dao/_index.md:6:8",
            "score: 12",
            &[
                "score 12 of 1 is not the sum of its children's scores, 11.911",
                "leave `score` out to have it computed",
            ],
        )
        .code("E406")],
    );
}

#[test]
fn total_not_the_sum_of_the_areas() {
    refused(
        "total-mismatch",
        &[at(
            "content/2022/_index.md:4:8",
            "total: 15.9",
            &[
                "total 15.9 is not the sum of the areas' scores, 15.911",
                "differs by 0.011",
            ],
        )
        .code("E410")],
    );
}

#[test]
fn areas_maxima_not_the_assessment_max() {
    refused(
        "areas-max-mismatch",
        &[at(
            "content/2022/_index.md:3:6",
            "max: 100",
            &[
                "the areas' maxima add up to 20, but the assessment's max is 100",
                "areas: 1 13.5, 2 6.5",
            ],
        )
        .code("E409")],
    );
}

#[test]
fn areas_maxima_not_the_default_max() {
    // No `max:` line to point at: the file is named, and the default explained.
    refused(
        "areas-max-default",
        &[at(
            "content/2022/_index.md",
            "",
            &[
                "the assessment's max is 100 (the default: the file gives no `max:`)",
                "write `max: 20`",
            ],
        )
        .code("E409")],
    );
}

#[test]
fn score_not_following_the_ratio() {
    refused(
        "ratio-mismatch",
        &[at(
            "content/2022/1-chi-dao/1.1.md:7:8",
            "score: 1.8",
            &[
                "does not follow ratio [34, 40]: max 2 × 34 / 40 = 1.7",
                "write `score: 1.7`",
            ],
        )
        .code("E404")],
    );
}

#[test]
fn bad_ratios() {
    refused(
        "bad-ratio",
        &[
            at(
                "content/2022/1-chi-dao/1.1.md:6:8",
                "ratio: [41, 40]",
                &[
                    "the part cannot exceed the whole",
                    "expected [a, b] with a ≤ b",
                ],
            )
            .code("E403"),
            at(
                "content/2022/1-chi-dao/1.10.md:5:8",
                "ratio: [3, 0]",
                &["the second number (the whole) must be greater than 0"],
            )
            .code("E403"),
        ],
    );
}

#[test]
fn score_on_a_node_that_does_not_apply() {
    refused(
        "score-not-applicable",
        &[
            at(
                "content/2022/2-the-che/2.2.1.md:5:8",
                "ratio: [1, 2]",
                &[
                    "2.2.1 is under a node that is not applicable",
                    "remove `ratio: [1, 2]`",
                ],
            )
            .code("E408"),
            at(
                "content/2022/2-the-che/2.2.md:6:8",
                "score: 1",
                &[
                    "node 2.2 is not applicable (không áp dụng), so it carries no score",
                    "remove `score: 1`",
                ],
            )
            .code("E408"),
        ],
    );
}

#[test]
fn unknown_units_in_nodes_and_tasks() {
    refused(
        "unknown-unit",
        &[
            at(
                "content/2022/2-the-che/2.1.md:6:7",
                "unit: thanh-tra-so",
                &[
                    "unit `thanh-tra-so` is not declared in site.toml",
                    "did you mean `thanh-tra`?",
                ],
            )
            .code("E601"),
            at(
                "content/2022/2-the-che/2.1.md:8:47",
                "  - { title: \"Báo cáo kết quả rà soát\", unit: van-phong-so, due: 2023-06-30 }",
                &[
                    "unit `van-phong-so` is not declared",
                    "did you mean `van-phong`?",
                ],
            )
            .code("E601"),
        ],
    );
}

#[test]
fn missing_evidence_file() {
    refused(
        "missing-evidence-file",
        &[at(
            "content/2022/1-chi-dao/1.2.md:9:11",
            "    file: ke-hoach-15.pdf",
            &[
                "evidence file ke-hoach-15.pdf does not exist",
                "content/2022/1-chi-dao/ke-hoach-15.pdf",
                "paths are relative to the Markdown file",
            ],
        )
        .code("E507")],
    );
}

#[test]
fn evidence_path_leaving_the_site() {
    // The file exists, just outside the site folder: still refused.
    refused_with(
        "evidence-leaves-site",
        |site| std::fs::write(site.tmp.path().join("outside.pdf"), b"%PDF outside").unwrap(),
        &[at(
            "content/2022/1-chi-dao/1.2.md:9:11",
            "    file: ../../../../outside.pdf",
            &["leaves the site folder; expected a path inside it"],
        )
        .code("E508")],
    );
}

#[test]
fn evidence_hidden_inside_the_site() {
    // Inside the site folder, but hidden: never published.
    refused_with(
        "evidence-hidden",
        |site| {
            std::fs::create_dir_all(site.root.join(".git")).unwrap();
            std::fs::write(site.root.join(".git/config"), b"[core]").unwrap();
        },
        &[at(
            "content/2022/1-chi-dao/1.2.md:9:11",
            "    file: ../../../.git/config",
            &["is a hidden or temporary file (.git/config); it is never published"],
        )
        .code("E508")],
    );
}

#[cfg(unix)]
#[test]
fn evidence_linked_to_a_file_outside_the_site() {
    refused_with(
        "evidence-link-outside",
        |site| {
            let outside = site.tmp.path().join("outside.pdf");
            std::fs::write(&outside, b"%PDF outside").unwrap();
            std::os::unix::fs::symlink(
                &outside,
                site.root.join("content/2022/1-chi-dao/lien-ket.pdf"),
            )
            .unwrap();
        },
        &[
            at(
                "content/2022/1-chi-dao/1.2.md:9:11",
                "    file: lien-ket.pdf",
                &["is a link to a file outside the site folder"],
            )
            .code("E508"),
            // The walk refuses the link itself, cited or not (tests/hostile.rs).
            at(
                "content/2022/1-chi-dao/lien-ket.pdf",
                "",
                &["outside the site folder; links are followed only inside the site"],
            ),
        ],
    );
}

#[test]
fn duplicate_id() {
    refused(
        "duplicate-id",
        &[at(
            "content/2022/2-the-che/2.3.md:3:5",
            "id: \"2.1\"",
            &[
                "id 2.1 is already used by content/2022/2-the-che/2.1.md (line 2)",
                "unique in a year",
            ],
        )
        .code("E302")],
    );
}

#[test]
fn node_whose_parent_does_not_exist() {
    refused(
        "missing-parent",
        &[at(
            "content/2022/3-thu-tuc/3.1.md:2:5",
            "id: \"3.1\"",
            &[
                "node 3.1 has no parent: no file of 2022 gives id 3",
                "kiemchung new criterion 2022 3",
            ],
        )
        .code("E303")],
    );
}

#[test]
fn unknown_field_lists_the_allowed_ones() {
    refused(
        "unknown-field",
        &[at(
            "content/2022/1-chi-dao/_index.md:6:1",
            "socre: 11.911",
            &[
                "unknown field `socre`, expected one of id, title, label, max, self_score, score, ratio",
                "did you mean `score`?",
            ],
        ).code("E203")],
    );
}

#[test]
fn missing_required_field() {
    refused(
        "missing-field",
        &[at(
            "content/2022/2-the-che/2.1.md:1:1",
            "---",
            &["missing field `id`: every file of this kind must give `id:`"],
        )
        .code("E204")],
    );
}

#[test]
fn values_of_the_wrong_shape() {
    refused(
        "wrong-shape",
        &[
            at(
                "content/2022/1-chi-dao/1.2.md:3:6",
                "title:",
                &["expected a text here, found nothing"],
            )
            .code("E205"),
            at(
                "content/2022/2-the-che/2.1.md:6:11",
                "evidence: bao-cao.pdf",
                &["expected a list here: each entry on its own line, starting with `- `"],
            )
            .code("E205"),
        ],
    );
}

#[test]
fn duplicate_yaml_key() {
    refused(
        "duplicate-key",
        &[at(
            "content/2022/2-the-che/2.1.md:7:1",
            "score: 1",
            &["the field `score` is given twice; keep one"],
        )
        .code("E206")],
    );
}

#[test]
fn yaml_syntax_error() {
    refused(
        "yaml-syntax",
        &[at(
            "content/2022/2-the-che/2.1.md:3:8",
            "title: \"Rà soát văn bản quy phạm pháp luật",
            &["not valid YAML: unclosed quote", "close every quote"],
        )
        .code("E202")],
    );
}

#[test]
fn unclosed_front_matter() {
    refused(
        "unclosed-front-matter",
        &[at(
            "content/2022/2-the-che/2.1.md:1:1",
            "---",
            &["never closed; expected a line `---` after the fields"],
        )
        .code("E201")],
    );
}

#[test]
fn missing_front_matter() {
    refused(
        "missing-front-matter",
        &[at(
            "content/tin-tuc/thong-bao.md:1:1",
            "# Thông báo kết quả Chỉ số CCHC năm 2022",
            &["expected front matter: the file must begin with a line `---`"],
        )
        .code("E201")],
    );
}

#[test]
fn file_not_in_utf8() {
    // Windows-1258 bytes: "Thông" is `Th\xF4ng`.
    let bytes =
        std::fs::read(common::fixtures().join("refusals/not-utf8/content/2022/2-the-che/2.1.md"))
            .unwrap();
    assert!(std::str::from_utf8(&bytes).is_err() && bytes.windows(4).any(|w| w == b"Th\xF4n"));
    refused(
        "not-utf8",
        &[at(
            "content/2022/2-the-che/2.1.md:3:11",
            "title: \"Th\u{FFFD}ng b\u{FFFD}o k\u{FFFD}\u{FFFD}t qua\u{FFFD} r\u{FFFD} so\u{FFFD}t\"",
            &[
                "not UTF-8 (invalid byte 0xF4",
                "TCVN3",
                "VNI",
                "Windows-1258",
                "save it as UTF-8",
            ],
        )],
    );
}

#[test]
fn bad_dates() {
    refused(
        "bad-date",
        &[
            at(
                "content/2022/1-chi-dao/1.2.md:10:11",
                "    date: 31/2/2022",
                &["there is no day 31 in month 2 of 2022"],
            ).code("E208"),
            at(
                "content/tin-tuc/thong-bao.md:3:7",
                "date: hôm qua",
                &[
                    "expected a date as YYYY-MM-DD (2023-04-26) or d/m/yyyy (26/4/2023), found `hôm qua`",
                ],
            ).code("E208"),
        ],
    );
}

#[test]
fn bad_id() {
    refused(
        "bad-id",
        &[at(
            "content/2022/1-chi-dao/1.2.md:3:5",
            "id: 1.02",
            &["write each part without a leading zero (1.2, not 1.02)"],
        )
        .code("E301")],
    );
}

#[test]
fn unknown_key_in_site_toml() {
    refused(
        "unknown-key-site-toml",
        &[at(
            "site.toml:4:1",
            "langauge = \"vi\"",
            &[
                "unknown field `langauge`, expected one of `title`, `base_url`, `language`",
                "did you mean `language`?",
            ],
        )],
    );
}

#[test]
fn year_folder_without_index() {
    refused(
        "year-without-index",
        &[at(
            "content/2023",
            "",
            &[
                "content/2023/ holds criteria",
                "no _index.md",
                "kiemchung new year 2023",
            ],
        )
        .code("E304")],
    );
}

#[test]
fn pages_taking_the_url_of_a_year_or_a_section() {
    refused(
        "url-clash",
        &[
            at(
                "content/2022.md",
                "",
                &[
                    "this page has the same URL /2022/ as the assessment content/2022/_index.md",
                    "give it a different `slug:`",
                ],
            )
            .code("E305"),
            at(
                "content/tin-tuc.md",
                "",
                &["this page has the same URL /tin-tuc/ as the section content/tin-tuc/_index.md"],
            )
            .code("E305"),
        ],
    );
}

#[test]
fn errors_in_several_files_are_reported_together_sorted_by_path() {
    let expected = [
        at(
            "content/2022/1-chi-dao/1.10.md:8:5",
            "  - title: \"Báo cáo CCHC năm 2022\"",
            &["give the document's `file:`, its `url:` or at least its `number:`"],
        )
        .code("E505"),
        at(
            "content/2022/1-chi-dao/1.2.md:5:8",
            "score: 1.6",
            &["greater than max 1.5"],
        )
        .code("E401"),
        at(
            "content/2022/2-the-che/2.1.md:6:7",
            "unit: thanh-tra-so",
            &["did you mean `thanh-tra`?"],
        )
        .code("E601"),
        at(
            "content/hoi-dap/nop-ho-so.md:3:8",
            "draft: maybe",
            &["expected true or false, found `maybe`"],
        )
        .code("E209"),
    ];
    let site = refused("several-files", &expected);
    let run = site.build();
    let order: Vec<usize> = expected
        .iter()
        .map(|e| run.stderr.find(&format!("--> {}\n", e.at)).unwrap())
        .collect();
    assert!(order.is_sorted(), "not in path order:\n{}", run.stderr);
}

#[test]
fn a_refusal_reads_in_vietnamese() {
    // The refusal of score_above_max with `--lang vi`: the words are
    // Vietnamese and so are the scores (1,6, not 1.6); the code, the
    // place, the line and the caret are the same.
    let site = Site::new("site");
    site.overlay("refusals/score-above-max");
    let run = site.run(&["build", "--today", common::TODAY, "--lang", "vi"]);
    run.assert_code(1);
    let blocks: Vec<&str> = run
        .stderr
        .split("\n\n")
        .filter(|b| b.starts_with("lỗi["))
        .collect();
    assert_eq!(blocks.len(), 1, "{}", run.stderr);
    assert_eq!(
        blocks[0],
        "lỗi[E401]: điểm thẩm định (`score`) 1,6 lớn hơn điểm tối đa 1,5; \
         cần một giá trị từ 0 đến 1,5\n \
         --> content/2022/1-chi-dao/1.2.md:5:8\n  \
         |\n\
         5 | score: 1.6\n  \
         |        ^",
        "{}",
        run.stderr
    );
}
