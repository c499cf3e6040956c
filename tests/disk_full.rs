//! A full disk: the build stops at the first write that fails, reports it
//! once with what it needed and what was free, removes its staging folder
//! and keeps the previous site. On a 3 MB tmpfs, which needs root to mount
//! (as here and in CI); elsewhere the test says it was skipped.

mod common;
use common::{Run, Site, TODAY, Tmpfs, run_in, snapshot};
use std::path::Path;

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The build into `out` fails on the full disk with one error, and leaves
/// `out` as `before`, with nothing beside it.
fn fails_once(
    site: &Site,
    disk: &Path,
    before: &std::collections::BTreeMap<String, Vec<u8>>,
) -> Run {
    let run = run_in(
        site.tmp.path(),
        &[
            "build",
            "--today",
            TODAY,
            "--root",
            "site",
            "--output",
            "disk/public",
        ],
    );
    run.assert_code(1);
    let errors = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error"))
        .count();
    assert_eq!(errors, 1, "one error, not one per file:\n{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error[E802]: the disk is full: cannot ")
            && run.stderr.contains(" disk/public/"),
        "{}",
        run.stderr
    );
    // What the system said, in words.
    assert!(
        run.stderr
            .lines()
            .next()
            .unwrap()
            .ends_with(": the disk is full"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("was free on that disk when the build started"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("the previous site, which was kept, takes"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("disk/public was left as it was"),
        "{}",
        run.stderr
    );
    assert_eq!(
        &snapshot(&disk.join("public")),
        before,
        "the previous site changed"
    );
    assert_eq!(names(disk), ["public"], "staging folder or lock left");
    run
}

#[test]
fn a_full_disk_is_one_error_and_keeps_the_previous_site() {
    let site = Site::new("site");
    let disk = site.tmp.path().join("disk");
    let _mounted = match Tmpfs::mount(&disk, "3m") {
        Ok(m) => m,
        Err(why) => {
            eprintln!(
                "skipped: a_full_disk_is_one_error_and_keeps_the_previous_site: cannot mount a 3 MB tmpfs ({why}); it needs root"
            );
            return;
        }
    };
    let build = || {
        run_in(
            site.tmp.path(),
            &[
                "build",
                "--today",
                TODAY,
                "--root",
                "site",
                "--output",
                "disk/public",
            ],
        )
    };
    build().ok();
    let before = snapshot(&disk.join("public"));

    // Pages that do not fit: the render stops at the first that fails.
    let para = "Sở thông báo kết quả thực hiện nhiệm vụ cải cách hành chính (ví dụ). ".repeat(40);
    for i in 0..400 {
        site.write(
            &format!("content/tin-tuc/tin-{i:04}.md"),
            format!(
                "---\ntitle: \"Tin số {i}\"\ndate: 2023-05-{:02}\n---\n{para}\n\n{para}\n",
                i % 28 + 1
            ),
        );
    }
    let run = fails_once(&site, &disk, &before);
    assert!(
        run.stderr.contains("the build had written"),
        "{}",
        run.stderr
    );
    for i in 0..400 {
        std::fs::remove_file(site.path(&format!("content/tin-tuc/tin-{i:04}.md"))).unwrap();
    }

    // A file to copy that does not fit: the whole size is known then.
    site.write("static/ban-scan.pdf", vec![7u8; 3 * 1024 * 1024]);
    let run = fails_once(&site, &disk, &before);
    assert!(run.stderr.contains("the new site needs"), "{}", run.stderr);

    // Space made: the next build succeeds.
    std::fs::remove_file(site.path("static/ban-scan.pdf")).unwrap();
    build().ok();
    assert_eq!(names(&disk), ["public"]);
}
