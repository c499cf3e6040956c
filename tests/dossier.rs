//! `kiemchung dossier <year>`: the self-assessment report and the results
//! notice as Word documents in the form of Nghị định 30/2020/NĐ-CP, and the
//! evidence package. The notice for 2022 made from this repository's
//! content carries every figure of Thông báo 55/TB-SKHCN.

mod common;
use common::{Site, TODAY, Tmpfs, copy_dir, run_in};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The files of a zip archive, by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.is_dir() {
            continue;
        }
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        out.insert(f.name().unwrap().to_string(), b);
    }
    out
}

/// A Word document's body XML and its paragraphs' text.
struct Doc {
    xml: String,
    paragraphs: Vec<String>,
}

impl Doc {
    fn read(path: &Path) -> Doc {
        let files = unzip(&std::fs::read(path).unwrap());
        let xml = String::from_utf8(files["word/document.xml"].clone()).unwrap();
        let paragraphs = xml
            .split("</w:p>")
            .map(Doc::read_fragment)
            .filter(|t| !t.is_empty())
            .collect();
        Doc { xml, paragraphs }
    }

    fn text(&self) -> String {
        self.paragraphs.join("\n")
    }

    /// The rows of the document's `n`-th table, each as its cells' text.
    fn table(&self, n: usize) -> Vec<Vec<String>> {
        let table = self.xml.split("<w:tbl>").nth(n + 1).unwrap();
        let table = &table[..table.find("</w:tbl>").unwrap()];
        table
            .split("</w:tr>")
            .filter(|r| r.contains("<w:tc>"))
            .map(|r| {
                r.split("</w:tc>")
                    .filter(|c| c.contains("<w:tc>"))
                    .map(Doc::read_fragment)
                    .collect()
            })
            .collect()
    }

    fn read_fragment(xml: &str) -> String {
        let mut text = String::new();
        let mut rest = xml;
        loop {
            // `<w:t>` or `<w:t xml:space=…>`, not `<w:tc>`, `<w:tbl>`…
            let at = [rest.find("<w:t>"), rest.find("<w:t ")]
                .into_iter()
                .flatten()
                .min();
            let Some(i) = at else { break };
            let after = &rest[i..];
            let gt = after.find('>').unwrap();
            if after[..gt].ends_with('/') {
                rest = &after[gt + 1..];
                continue;
            }
            let body = &after[gt + 1..];
            let end = body.find("</w:t>").unwrap_or(body.len());
            text.push_str(&body[..end]);
            rest = &body[end..];
        }
        text.replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
    }
}

/// The repository's site, copied, with the documents of 2022 drafted into
/// `<copy>/ho-so`.
fn repository_dossier(env: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["site.toml", "content", "static", "themes"] {
        let from = repo.join(part);
        if from.is_dir() {
            copy_dir(&from, &root.join(part));
        } else if from.is_file() {
            std::fs::create_dir_all(&root).unwrap();
            std::fs::copy(&from, root.join(part)).unwrap();
        }
    }
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kiemchung"));
    cmd.env("KIEMCHUNG_LANG", "en");
    cmd.args(["dossier", "2022", "--root"])
        .arg(&root)
        .env("NO_COLOR", "1");
    if env.is_empty() {
        cmd.args(["--today", TODAY]);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (tmp, root.join("ho-so"))
}

/// The nine areas of 2022 in Thông báo 55/TB-SKHCN: label, maximum, score.
const AREAS: [(&str, &str, &str); 9] = [
    ("i", "13,5", "11,911"),
    ("ii", "6,5", "4,5"),
    ("iii", "5", "4,5"),
    ("iv", "6,5", "5"),
    ("v", "8", "8"),
    ("vi", "8,5", "7"),
    ("vii", "10", "6,47"),
    ("viii", "7", "5,15"),
    ("ix", "35", "34,772"),
];

#[test]
fn the_2022_notice_carries_the_figures_of_thong_bao_55() {
    let (_tmp, out) = repository_dossier(&[]);
    let doc = Doc::read(&out.join("thong-bao-ket-qua-2022.docx"));
    let text = doc.text();
    assert!(
        text.contains("đạt 87,303/100 điểm, xếp thứ 4, tăng 6 bậc so với năm 2021"),
        "{text}"
    );
    // The areas' table: number, name, maximum, score, points not achieved.
    let rows = doc.table(1);
    assert_eq!(rows.len(), 11, "{rows:?}");
    for (row, (label, max, score)) in rows[1..10].iter().zip(AREAS) {
        assert_eq!(
            (row[0].as_str(), row[2].as_str(), row[3].as_str()),
            (label, max, score),
            "{row:?}"
        );
    }
    assert_eq!(rows[10][1..], ["Tổng cộng", "100", "87,303", "12,697"]);
    // Where points were not achieved, and why.
    for (item, why, figure) in [
        (
            "1.1 Thực hiện mệnh lệnh hành chính cấp trên",
            "chỉ có 34/40 nhiệm vụ đúng hạn",
            "(đạt 1,7/2 điểm)",
        ),
        (
            "2.1 Rà soát văn bản quy phạm pháp luật",
            "không có phiếu rà soát nên không có cơ sở để đánh giá",
            "(đạt 0/1 điểm)",
        ),
        (
            "2.2 Trách nhiệm tự kiểm tra việc ban hành",
            "kết luận có quy định chưa phù hợp về nội dung, thẩm quyền",
            "(đạt 0/1 điểm)",
        ),
    ] {
        let p = doc
            .paragraphs
            .iter()
            .find(|p| p.starts_with(&format!("- {item}")))
            .unwrap_or_else(|| panic!("no {item} in\n{text}"));
        assert!(p.contains(why) && p.ends_with(&format!("{figure}.")), "{p}");
    }
    // The tasks of 2023, each under its unit, for all seven units.
    let data: serde_json::Value = {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        run_in(
            repo,
            &["build", "--today", TODAY, "--output", out.to_str().unwrap()],
        )
        .ok();
        serde_json::from_str(&std::fs::read_to_string(out.join("data/2023.json")).unwrap()).unwrap()
    };
    let units: Vec<(String, String)> =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("site.toml"))
            .unwrap()
            .split("[[units]]")
            .skip(1)
            .map(|u| {
                let field = |k: &str| {
                    let line = u.lines().find(|l| l.starts_with(k)).unwrap();
                    line.split('"').nth(1).unwrap().to_string()
                };
                (field("id"), field("name"))
            })
            .collect();
    assert_eq!(units.len(), 7);
    for (id, name) in &units {
        let p = doc
            .paragraphs
            .iter()
            .find(|p| p.starts_with(&format!("- {name}: ")))
            .unwrap_or_else(|| panic!("no task of {name} in\n{text}"));
        let tasks: Vec<&str> = data["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["unit"] == id.as_str())
            .map(|t| t["title"].as_str().unwrap())
            .collect();
        assert!(!tasks.is_empty(), "{name}");
        for t in tasks {
            assert!(p.contains(t), "{t} not in {p}");
        }
    }
    assert!(
        text.contains("- Thủ trưởng các phòng, cơ quan, đơn vị: Thường xuyên rà soát"),
        "{text}"
    );
}

#[test]
fn both_documents_have_the_administrative_form() {
    let (_tmp, out) = repository_dossier(&[]);
    for (file, kind, code) in [
        ("thong-bao-ket-qua-2022.docx", "THÔNG BÁO", "TB"),
        ("bao-cao-tu-danh-gia-2022.docx", "BÁO CÁO", "BC"),
    ] {
        let doc = Doc::read(&out.join(file));
        let x = &doc.xml;
        // A4, margins of Phụ lục I, Times New Roman at 13–14 pt.
        assert!(x.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "{file}");
        assert!(
            x.contains(r#"w:top="1134""#)
                && x.contains(r#"w:left="1701""#)
                && x.contains(r#"w:right="851""#),
            "{file}"
        );
        assert!(x.contains(r#"w:ascii="Times New Roman""#), "{file}");
        assert!(
            x.contains(r#"<w:sz w:val="28" />"#) || x.contains(r#"<w:sz w:val="28"/>"#),
            "{file}"
        );
        // The header: authority and body, national name and motto, the
        // number for the clerk, place and date.
        let header = doc.table(0);
        let left = &header[0][0];
        let right = &header[0][1];
        assert!(
            left.starts_with("UBND TỈNH BÀ RỊA - VŨNG TÀUSỞ KHOA HỌC VÀ CÔNG NGHỆ"),
            "{left}"
        );
        assert!(left.ends_with(&format!("Số: …/{code}-SKHCN")), "{left}");
        assert!(
            right.starts_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc"),
            "{right}"
        );
        assert!(
            right.ends_with("Bà Rịa - Vũng Tàu, ngày … tháng … năm 2024"),
            "{right}"
        );
        let text = doc.text();
        assert!(doc.paragraphs.iter().any(|p| p == kind), "{file}");
        // Nơi nhận, and the signer's title.
        let last = doc.table(doc.xml.matches("<w:tbl>").count() - 1);
        assert!(last[0][0].starts_with("Nơi nhận:"), "{file}: {last:?}");
        assert_eq!(last[0][1], "GIÁM ĐỐC", "{file}");
        // Tables are Word tables: the areas' one has its nine rows.
        assert!(doc.table(1).len() >= 11, "{file}");
        assert!(!text.contains("NOIBO"), "{file}");
    }
    let report = Doc::read(&out.join("bao-cao-tu-danh-gia-2022.docx"));
    for h in [
        "I. KẾT QUẢ TỰ ĐÁNH GIÁ",
        "II. GIẢI TRÌNH",
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ] {
        assert!(report.paragraphs.iter().any(|p| p == h), "{h}");
    }
    let notice = Doc::read(&out.join("thong-bao-ket-qua-2022.docx"));
    let last = notice.table(2);
    assert_eq!(
        last[0][0],
        "Nơi nhận:- Các phòng, cơ quan, đơn vị;- GD, PGD Sở;- TTTT&UD (đăng web mục CCHC);- Lưu: VT, CCHC."
    );
}

#[test]
fn the_same_content_and_day_give_the_same_bytes() {
    let (_a, one) = repository_dossier(&[]);
    let (_b, two) = repository_dossier(&[]);
    for f in [
        "thong-bao-ket-qua-2022.docx",
        "bao-cao-tu-danh-gia-2022.docx",
        "tai-lieu-kiem-chung-2022.zip",
    ] {
        assert_eq!(
            std::fs::read(one.join(f)).unwrap(),
            std::fs::read(two.join(f)).unwrap(),
            "{f}"
        );
    }
    // SOURCE_DATE_EPOCH dates the documents and the archive's entries.
    let (_c, epoch) = repository_dossier(&[("SOURCE_DATE_EPOCH", "1682541000")]);
    let files = unzip(&std::fs::read(epoch.join("thong-bao-ket-qua-2022.docx")).unwrap());
    let core = String::from_utf8(files["docProps/core.xml"].clone()).unwrap();
    assert!(core.contains("2023-04-27T00:00:00Z"), "{core}");
    let bytes = std::fs::read(epoch.join("tai-lieu-kiem-chung-2022.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let t = zip.by_index(0).unwrap().last_modified().unwrap();
    assert_eq!(
        (t.year(), t.month(), t.day(), t.hour(), t.minute()),
        (2023, 4, 27, 3, 30)
    );
}

#[test]
fn the_package_holds_each_criterions_files_and_their_hashes() {
    let site = Site::new("site");
    site.write(
        "content/2022/_index.md",
        site.read("content/2022/_index.md").replacen(
            "Kết quả Chỉ số CCHC năm 2022 của Sở Thử nghiệm.",
            "Kết quả.\n\n## Khó khăn, vướng mắc\n\nMột khó khăn (ví dụ).\n\n## Đề xuất, kiến nghị\n\n- Một đề xuất (ví dụ).\n",
            1,
        ),
    );
    let run = site.run(&["dossier", "2022", "--today", TODAY]);
    run.ok();
    let bytes = std::fs::read(site.path("ho-so/tai-lieu-kiem-chung-2022.zip")).unwrap();
    let files = unzip(&bytes);
    let sha = |b: &[u8]| format!("{:x}", Sha256::digest(b));
    let expected = [
        (
            "1.10 Báo cáo định kỳ/bc-120.pdf",
            "content/2022/tai-lieu/bc-120.pdf",
        ),
        (
            "1.2 Ban hành kế hoạch CCHC năm/kh-15.pdf",
            "content/2022/1-chi-dao/kh-15.pdf",
        ),
        (
            "1.2 Ban hành kế hoạch CCHC năm/huong-dan.txt",
            "static/files/huong-dan.txt",
        ),
    ];
    for (entry, source) in expected {
        assert_eq!(
            files.get(entry),
            Some(&std::fs::read(site.path(source)).unwrap()),
            "{entry} in {:?}",
            files.keys()
        );
    }
    let index = files
        .get("Danh mục tài liệu kiểm chứng năm 2022.xlsx")
        .unwrap_or_else(|| panic!("{:?}", files.keys()));
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(index.clone())).unwrap();
    use calamine::Reader;
    let sheet = wb.worksheet_range("Danh mục").unwrap();
    let cell = |r: usize, c: usize| sheet.get((r, c)).map(|d| d.to_string()).unwrap_or_default();
    let mut hashed = 0;
    for r in 1..sheet.height() {
        let file = cell(r, 4);
        if file.is_empty() {
            continue;
        }
        assert_eq!(cell(r, 6), sha(&files[&file]), "{file}");
        hashed += 1;
    }
    assert_eq!(hashed, 3);
    // A link is in the index, not a file.
    assert!(
        (1..sheet.height())
            .any(|r| cell(r, 5) == "https://example.gov.vn/theo-doi/2022" && cell(r, 4).is_empty())
    );
    // The report carries the year page's difficulties and proposals.
    let report = Doc::read(&site.path("ho-so/bao-cao-tu-danh-gia-2022.docx")).text();
    assert!(
        report.contains("III. KHÓ KHĂN, VƯỚNG MẮC\nMột khó khăn (ví dụ)."),
        "{report}"
    );
    assert!(
        report.contains("IV. ĐỀ XUẤT, KIẾN NGHỊ\n- Một đề xuất (ví dụ)."),
        "{report}"
    );
}

#[test]
fn a_package_over_its_size_is_named_with_its_largest_files() {
    let site = Site::new("site");
    site.write(
        "site.toml",
        format!(
            "{}\n[documents]\nmax_package_mb = 0\n",
            site.read("site.toml")
        ),
    );
    let run = site.run(&["dossier", "2022", "--today", TODAY]);
    run.ok();
    assert!(
        run.stderr
            .contains("warning[W814]: the evidence package holds"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("  = note: 1.10 Báo cáo định kỳ/bc-120.pdf:"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_review_site_links_the_documents_and_the_public_one_does_not() {
    let site = Site::new("site");
    site.run(&["build", "--today", TODAY, "--review"]).ok();
    let year = site.read("review/2022/index.html");
    assert!(year.contains("Hồ sơ gửi đánh giá"), "{year}");
    for f in [
        "bao-cao-tu-danh-gia-2022.docx",
        "thong-bao-ket-qua-2022.docx",
        "tai-lieu-kiem-chung-2022.zip",
    ] {
        assert!(year.contains(f), "{f}");
        assert!(
            site.path(&format!("review/2022/ho-so/{f}")).is_file(),
            "{f}"
        );
    }
    site.build().ok();
    assert!(!site.out("2022/index.html").contains("Hồ sơ gửi đánh giá"));
    assert!(!site.public().join("2022/ho-so").exists());
    // The department may publish some of them.
    site.write(
        "site.toml",
        format!(
            "{}\n[documents]\npublish = [\"notice\"]\n",
            site.read("site.toml")
        ),
    );
    site.build().ok();
    assert!(
        site.public()
            .join("2022/ho-so/thong-bao-ket-qua-2022.docx")
            .is_file()
    );
    assert!(
        !site
            .public()
            .join("2022/ho-so/tai-lieu-kiem-chung-2022.zip")
            .exists()
    );
}

#[test]
fn a_full_disk_leaves_no_partial_file() {
    let site = Site::new("site");
    let disk = site.tmp.path().join("disk");
    let _mounted = match Tmpfs::mount(&disk, "48k") {
        Ok(m) => m,
        Err(why) => {
            eprintln!("skipped: cannot mount a tmpfs here ({why})");
            return;
        }
    };
    let out = disk.join("ho-so");
    let run = site.run(&[
        "dossier",
        "2022",
        "--today",
        TODAY,
        "--output",
        out.to_str().unwrap(),
    ]);
    run.assert_code(1);
    assert!(run.stderr.contains(": the disk is full"), "{}", run.stderr);
    // What was written is whole (it opens); nothing half-written is left.
    for e in std::fs::read_dir(&out).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.starts_with('.'), "a temporary file is left: {name}");
        assert!(run.stdout.contains(&name), "{name} is not reported written");
        unzip(&std::fs::read(&p).unwrap());
    }
}

#[test]
fn documents_are_not_written_into_the_sites_own_folders() {
    let site = Site::new("site");
    let before = common::snapshot(&site.path("content"));
    let target = site.path("content/ho-so");
    let run = site.run(&[
        "dossier",
        "2022",
        "--today",
        TODAY,
        "--output",
        target.to_str().unwrap(),
    ]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("inside the site's content/ folder"),
        "{}",
        run.stderr
    );
    assert_eq!(common::snapshot(&site.path("content")), before);
}
