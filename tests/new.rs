//! `kiemchung new`: what it writes passes `check`, and it never overwrites.

mod common;
use common::{Site, TODAY, run_in, snapshot};

fn content(site: &Site) -> std::collections::BTreeMap<String, Vec<u8>> {
    snapshot(&site.path("content"))
}

/// `check --strict` passes and `build` succeeds.
fn passes(site: &Site) {
    site.run(&["check", "--strict", "--today", TODAY]).ok();
    site.build().ok();
}

#[test]
fn new_criterion_is_written_beside_its_parent_and_passes_check() {
    let site = Site::new("site");
    let run = site.run(&[
        "new",
        "criterion",
        "2022",
        "1.3",
        "--title",
        "Công khai kết quả CCHC",
    ]);
    run.ok();
    let path = site.path("content/2022/1-chi-dao/1.3.md");
    assert_eq!(run.stdout, format!("created {}\n", path.display()));
    let text = site.read("content/2022/1-chi-dao/1.3.md");
    // The first line names the schema editors read, relative to the file.
    assert!(
        text.starts_with(
            "---\n# yaml-language-server: $schema=../../../schemas/criterion.schema.json\n\
             id: \"1.3\"\ntitle: \"Công khai kết quả CCHC\"\n"
        ),
        "{text}"
    );
    assert!(
        run.stderr
            .contains("note: the new files name their JSON Schema (schemas/criterion.schema.json)"),
        "{}",
        run.stderr
    );
    passes(&site);
    assert!(
        site.out("2022/1-3/index.html")
            .contains("Công khai kết quả CCHC")
    );

    // A sub-criterion goes beside 2.1's file, an area at the year's top.
    site.run(&[
        "new",
        "criterion",
        "2022",
        "2.1.1",
        "--title",
        "Phiếu rà soát",
    ])
    .ok();
    assert!(site.path("content/2022/2-the-che/2.1.1.md").is_file());
    site.run(&[
        "new",
        "criterion",
        "2022",
        "3",
        "--title",
        "Cải cách thủ tục hành chính",
    ])
    .ok();
    assert!(site.path("content/2022/3.md").is_file());
    passes(&site);
    let data = site.out_json("data/2022.json");
    assert_eq!(data["nodes"][2]["id"], "3");
    assert_eq!(
        data["nodes"][1]["children"][0]["children"][0]["id"],
        "2.1.1"
    );
}

#[test]
fn new_criterion_with_max_unit_and_a_title_that_needs_quoting() {
    let site = Site::new("site");
    let title = "Báo cáo \"quý\": đúng hạn # 100% <b>";
    site.run(&[
        "new",
        "criterion",
        "2022",
        "2.3",
        "--title",
        title,
        "--max",
        "0,5",
        "--unit",
        "thanh-tra",
    ])
    .ok();
    passes(&site);
    let data = site.out_json("data/2022.json");
    let node = &data["nodes"][1]["children"][2];
    assert_eq!(node["id"], "2.3");
    assert_eq!(node["title"], title);
    assert_eq!(node["max"].to_string(), "0.5");
    assert_eq!(node["unit"], "thanh-tra");
}

#[test]
fn new_criterion_refuses_to_overwrite() {
    let site = Site::new("site");
    let before = content(&site);
    let run = site.run(&["new", "criterion", "2022", "1.2", "--title", "Trùng mã"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "id 1.2 already exists in content/2022/1-chi-dao/1.2.md; nothing was written"
        ),
        "{}",
        run.stderr
    );
    assert!(content(&site) == before);

    // A file of that name holding another id.
    site.write(
        "content/2022/1-chi-dao/1.4.md",
        "---\nid: \"1.9\"\ntitle: \"Tên tệp khác mã\"\nmax: 0\n---\n",
    );
    let before = content(&site);
    let run = site.run(&["new", "criterion", "2022", "1.4", "--title", "Mới"]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("1.4.md already exists; nothing was written"),
        "{}",
        run.stderr
    );
    assert!(content(&site) == before);
}

#[test]
fn new_criterion_refuses_a_missing_parent_or_year() {
    let site = Site::new("site");
    let before = content(&site);
    let run = site.run(&["new", "criterion", "2022", "3.1", "--title", "Con mồ côi"]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("3.1 needs its parent 3, which no file of 2022 gives"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("kiemchung new criterion 2022 3 --title"),
        "{}",
        run.stderr
    );
    let run = site.run(&["new", "criterion", "2025", "1", "--title", "Năm chưa có"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("there is no assessment for 2025"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("kiemchung new year 2025"),
        "{}",
        run.stderr
    );
    let run = site.run(&["new", "criterion", "2022", "1.02", "--title", "Mã sai"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("without a leading zero"),
        "{}",
        run.stderr
    );
    assert!(content(&site) == before);
}

#[test]
fn new_year_from_another_copies_the_tree_with_scores_and_evidence_emptied() {
    let site = Site::new("site");
    let run = site.run(&["new", "year", "2023", "--from", "2022"]);
    run.ok();
    let sources: Vec<String> = content(&site)
        .keys()
        .filter(|p| p.starts_with("2022/") && p.ends_with(".md"))
        .map(|p| p.replacen("2022/", "2023/", 1))
        .collect();
    let copies: Vec<String> = content(&site)
        .keys()
        .filter(|p| p.starts_with("2023/"))
        .cloned()
        .collect();
    // Every Markdown file, in the same folders; no evidence file.
    assert_eq!(copies, sources);
    assert_eq!(run.stdout.lines().count(), copies.len());
    for p in &copies {
        let text = site.read(&format!("content/{p}"));
        for gone in [
            "score",
            "ratio",
            "explanation",
            "number:",
            "file:",
            "total:\n",
            "decision:",
        ] {
            let live = text.lines().filter(|l| !l.trim_start().starts_with('#'));
            assert!(
                !live.clone().any(|l| l.contains(gone)),
                "{p} keeps {gone}:\n{text}"
            );
        }
    }
    passes(&site);

    let old = site.out_json("data/2022.json");
    let new = site.out_json("data/2023.json");
    assert_eq!(new["max"], old["max"]);
    assert!(new["score"].is_null() && new["total"].is_null() && new["rank"].is_null());
    fn shape(nodes: &serde_json::Value, out: &mut Vec<String>) {
        for n in nodes.as_array().unwrap() {
            out.push(format!(
                "{} {} {} {} {}",
                n["id"], n["title"], n["max"], n["applicable"], n["unit"]
            ));
            shape(&n["children"], out);
        }
    }
    fn emptied(nodes: &serde_json::Value) -> bool {
        nodes.as_array().unwrap().iter().all(|n| {
            n["score"].is_null()
                && n["self_score"].is_null()
                && n["ratio"].is_null()
                && n["explanation"].is_null()
                && n["evidence"] == serde_json::json!([])
                && emptied(&n["children"])
        })
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    shape(&old["nodes"], &mut a);
    shape(&new["nodes"], &mut b);
    assert_eq!(a, b);
    assert!(emptied(&new["nodes"]));

    // Once there, the year is not written over.
    let before = content(&site);
    let run = site.run(&["new", "year", "2023", "--from", "2022"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("already exists; nothing was written"),
        "{}",
        run.stderr
    );
    site.run(&["new", "year", "2023"]).assert_code(1);
    assert!(content(&site) == before);
}

#[test]
fn new_year_alone_and_from_a_missing_year() {
    let site = Site::new("site");
    let run = site.run(&["new", "year", "2024"]);
    run.ok();
    let text = site.read("content/2024/_index.md");
    assert!(
        text.starts_with(
            "---\n# yaml-language-server: $schema=../../schemas/assessment.schema.json\n\
             title: \"Chỉ số CCHC năm 2024\"\nmax: 100\n"
        ),
        "{text}"
    );
    passes(&site);
    assert!(site.out("2024/index.html").contains("Chỉ số CCHC năm 2024"));

    let run = site.run(&["new", "year", "2025", "--from", "2019"]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("--from 2019: there is no content/2019/_index.md"),
        "{}",
        run.stderr
    );
    assert!(!site.path("content/2025").exists());
}

/// `new year --from` killed at random moments while it writes a year of
/// 1,000 criteria: every file of content/ is, each time, either as it was
/// (absent, for the new year's) or exactly as an uninterrupted run writes
/// it, never truncated; the only other thing a kill may leave is a hidden
/// temporary file, which nothing reads. A year cut short has no
/// `_index.md` (written last), and `check` says so.
#[test]
fn new_year_killed_at_random_moments_leaves_every_file_whole_or_absent() {
    use std::collections::BTreeMap;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    common::generated_site(&root, 2025, 1000, 0);
    let content = root.join("content");
    let new_year = content.join("2026");
    let run = || {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kiemchung"));
        cmd.env("KIEMCHUNG_LANG", "en");
        cmd.args(["new", "--root"])
            .arg(&root)
            .args(["year", "2026", "--from", "2025"])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd
    };
    let before = snapshot(&content);

    // The uninterrupted run: what each file should be, and when the first
    // file appears (the writing starts after reading the year).
    let t = Instant::now();
    let mut child = run().spawn().unwrap();
    let mut first_write = None;
    while child.try_wait().unwrap().is_none() {
        if first_write.is_none() && new_year.exists() {
            first_write = Some(t.elapsed());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let total = t.elapsed();
    let start = first_write.unwrap_or(Duration::ZERO).mul_f64(0.8);
    let after: BTreeMap<String, Vec<u8>> = snapshot(&new_year);
    assert!(after.len() > 1000, "{} files", after.len());
    std::fs::remove_dir_all(&new_year).unwrap();
    eprintln!(
        "new year writes {} files, from {start:?} to {total:?}",
        after.len()
    );

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}");
    let mut rng = seed;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let (mut partial, mut temps, mut checked) = (0, 0, false);
    let window = (total.saturating_sub(start)).as_micros() as u64 + 1;
    for round in 0..20 {
        let delay = start + Duration::from_micros(next() % window);
        let mut child = run().spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        let now = snapshot(&content);
        let mut present = 0;
        for (rel, bytes) in &now {
            match rel.strip_prefix("2026/") {
                Some(r) if r.rsplit('/').next().unwrap().starts_with('.') => {
                    assert!(r.contains(".kiemchung-tmp-"), "round {round}: {rel}");
                    temps += 1;
                }
                Some(r) => {
                    let want = after
                        .get(r)
                        .unwrap_or_else(|| panic!("round {round}: {rel} is unexpected"));
                    assert!(
                        bytes == want,
                        "round {round} (killed after {delay:?}, seed {seed}): {rel} is {} bytes, not the {} it should be",
                        bytes.len(),
                        want.len()
                    );
                    present += 1;
                }
                None => assert!(
                    before.get(rel) == Some(bytes),
                    "round {round}: {rel} changed"
                ),
            }
        }
        for rel in before.keys() {
            assert!(now.contains_key(rel), "round {round}: {rel} is gone");
        }
        if present > 0 && present < after.len() {
            partial += 1;
            assert!(!new_year.join("_index.md").exists());
            if !checked {
                let r = run_in(tmp.path(), &["check", "--root", root.to_str().unwrap()]);
                r.assert_code(1);
                assert!(r.stderr.contains("content/2026"), "{}", r.stderr);
                checked = true;
            }
        }
        if new_year.exists() {
            std::fs::remove_dir_all(&new_year).unwrap();
        }
    }
    eprintln!("{partial} of 20 kills landed while writing; {temps} temporary files left");
    assert!(
        partial >= 3,
        "too few kills landed while writing ({partial})"
    );
}
