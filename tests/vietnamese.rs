//! The terminal in Vietnamese: for a site whose `site.toml` says
//! `language = "vi"`, `check` and `build` say everything in Vietnamese
//! (paths, field names and code aside), and an error that ends a command
//! is printed with its code and its help in Vietnamese.

mod common;
use common::{Run, Site, TODAY, run_in};
use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The binary with `args` in `cwd`, its language left to the site (no
/// `--lang`, no `KIEMCHUNG_LANG`).
fn run_as_the_site_says(cwd: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_kiemchung"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("KIEMCHUNG_LANG")
        .env_remove("KIEMCHUNG_TIMINGS")
        .output()
        .expect("run kiemchung");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// No line of `text` is labelled in English.
fn no_english_labels(text: &str) {
    for line in text.lines() {
        for label in ["error", "warning", "note", "help"] {
            assert!(
                !line.starts_with(label) && !line.trim_start().starts_with(&format!("= {label}:")),
                "an English label in {line:?}:\n{text}"
            );
        }
    }
}

#[test]
fn check_and_build_of_the_repository_site_speak_vietnamese() {
    let run = run_as_the_site_says(Path::new(ROOT), &["check", "--today", TODAY]);
    run.ok();
    assert!(
        run.stderr.contains("\nkiểm tra đạt: 0 lỗi, "),
        "{}",
        run.stderr
    );
    // Its warnings, if any, are labelled in Vietnamese.
    for block in run.stderr.split("\n\n").filter(|b| b.contains("[W")) {
        assert!(block.starts_with("cảnh báo[W"), "{block}");
    }
    no_english_labels(&run.stderr);

    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let run = run_as_the_site_says(
        Path::new(ROOT),
        &["build", "--today", TODAY, "--output", out.to_str().unwrap()],
    );
    run.ok();
    let done = run.stdout.lines().last().unwrap_or_default();
    assert!(done.starts_with("Đã tạo "), "{}", run.stdout);
    assert!(
        done.contains(" trang (") && done.contains(" giây: "),
        "{done}"
    );
    no_english_labels(&run.stderr);
}

#[test]
fn a_refused_output_folder_is_explained_in_vietnamese_with_its_code() {
    let site = Site::new("site");
    let docs = site.tmp.path().join("tai-lieu");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("bao-cao-vi-du.docx"), "x").unwrap();
    let run = site.run(&[
        "build",
        "--today",
        TODAY,
        "--lang",
        "vi",
        "--output",
        docs.to_str().unwrap(),
    ]);
    run.assert_code(1);
    assert!(
        run.stderr.starts_with("lỗi[E806]: ")
            && run
                .stderr
                .contains("không trống và không do kiemchung tạo ra (bao-cao-vi-du.docx)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("\n  = gợi ý: hãy chọn thư mục khác"),
        "{}",
        run.stderr
    );
    no_english_labels(&run.stderr);
    assert!(docs.join("bao-cao-vi-du.docx").is_file());
}

#[test]
fn a_busy_output_folder_is_said_in_vietnamese_with_its_code() {
    let site = Site::new("site");
    site.build().ok();
    // Hold the lock as another build would, with its pid.
    let lock_path = site.path(".public.kiemchung-lock");
    let lock = std::fs::File::create(&lock_path).unwrap();
    lock.lock().unwrap();
    std::fs::write(&lock_path, "4242\n").unwrap();
    let run = run_in(
        site.tmp.path(),
        &[
            "build",
            "--today",
            TODAY,
            "--no-wait",
            "--lang",
            "vi",
            "--root",
            "site",
        ],
    );
    drop(lock);
    run.assert_code(1);
    assert!(
        run.stderr
            .starts_with("lỗi[E803]: một lần build khác (pid 4242) đang ghi vào site/public/\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("\n  = gợi ý: hãy chạy lại khi lần build kia xong")
            && run
                .stderr
                .contains("\nsite/public vẫn được giữ nguyên như trước\n"),
        "{}",
        run.stderr
    );
    no_english_labels(&run.stderr);
}

/// The codes the documentation explains (`### E401: …`).
fn documented_codes() -> Vec<String> {
    std::fs::read_to_string(Path::new(ROOT).join("docs/ma-loi.md"))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .filter_map(|h| h.split_once(": ").map(|(c, _)| c.to_string()))
        .collect()
}

#[test]
fn explain_works_for_every_code_in_both_languages() {
    let codes = documented_codes();
    assert!(codes.len() > 50, "{codes:?}");
    let tmp = tempfile::tempdir().unwrap();
    for code in &codes {
        for (lang, rule, example) in [("vi", "Quy tắc.", "Ví dụ."), ("en", "Rule.", "Example.")]
        {
            let run = run_in(
                tmp.path(),
                &["explain", &code.to_lowercase(), "--lang", lang],
            );
            run.ok();
            assert!(
                run.stdout.starts_with(&format!("{code}: ")),
                "{}",
                run.stdout
            );
            assert!(
                run.stdout.contains(rule) && run.stdout.contains(example),
                "{}",
                run.stdout
            );
        }
    }
    // The list names every code; an unknown one is an error with a hint.
    let list = run_as_the_site_says(Path::new(ROOT), &["explain"]);
    list.ok();
    for code in &codes {
        assert!(
            list.stdout.contains(&format!("  {code}  ")),
            "{code} in\n{}",
            list.stdout
        );
    }
    let unknown = run_as_the_site_says(Path::new(ROOT), &["explain", "E4O1"]);
    unknown.assert_code(1);
    assert!(
        unknown.stderr.starts_with("lỗi: không có mã `E4O1`"),
        "{}",
        unknown.stderr
    );
    // The nearest code (E401 or E411: both one letter away).
    assert!(
        unknown.stderr.contains("gợi ý: có phải ý bạn là `E4"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn the_help_of_every_command_is_in_the_chosen_language() {
    let root = Path::new(ROOT);
    for command in [
        "build", "check", "serve", "report", "dossier", "new", "import", "schema", "explain",
    ] {
        let vi = run_as_the_site_says(root, &[command, "--help"]);
        vi.ok();
        assert!(
            vi.stdout.contains("Cách dùng: kiemchung"),
            "{command}:\n{}",
            vi.stdout
        );
        assert!(
            vi.stdout.contains("In hướng dẫn này"),
            "{command}:\n{}",
            vi.stdout
        );
        assert!(
            !vi.stdout.contains("Usage:") && !vi.stdout.contains("Print help"),
            "{}",
            vi.stdout
        );
        let en = run_as_the_site_says(root, &[command, "--help", "--lang", "en"]);
        en.ok();
        assert!(
            en.stdout.contains("Usage: kiemchung"),
            "{command}:\n{}",
            en.stdout
        );
        assert!(
            en.stdout.contains("Print this help"),
            "{command}:\n{}",
            en.stdout
        );
    }
    // `help build` is `build --help`.
    let a = run_as_the_site_says(root, &["help", "build"]);
    let b = run_as_the_site_says(root, &["build", "--help"]);
    assert_eq!(a.stdout, b.stdout);
    // A usage error: exit code 2, in Vietnamese, with the nearest option.
    let bad = run_as_the_site_says(root, &["build", "--outptu", "x"]);
    bad.assert_code(2);
    assert!(
        bad.stderr.starts_with("lỗi: không có tùy chọn `--outptu`"),
        "{}",
        bad.stderr
    );
    assert!(bad.stderr.contains("`--output`"), "{}", bad.stderr);
}
