//! The output does not depend on how the build ran: the number of threads,
//! the time zone, a second build, or the order the source files were
//! created in. Checked byte for byte over every file, data exports included.

mod common;

use common::{TODAY, fixtures, snapshot};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every file under `from`, relative, sorted.
fn files(from: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    let mut v = Vec::new();
    walk(from, from, &mut v);
    v.sort();
    v
}

/// Copies the sites in `sources` (merged) into `to`, creating the files in
/// sorted order or in reverse (so their creation order, inode numbers and
/// directory order differ).
fn copy_in_order(sources: &[&Path], to: &Path, reverse: bool) {
    let mut all: Vec<(PathBuf, PathBuf)> = Vec::new();
    for src in sources {
        for rel in files(src) {
            all.push((src.join(&rel), to.join(&rel)));
        }
    }
    if reverse {
        all.reverse();
    }
    for (from, dest) in all {
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::write(&dest, std::fs::read(&from).unwrap()).unwrap();
    }
}

/// `kiemchung build` of `root` into `out` with the given thread count and
/// time zone; the whole output.
fn build(root: &Path, out: &Path, threads: &str, tz: &str) -> BTreeMap<String, Vec<u8>> {
    build_with(root, out, threads, tz, &["--today", TODAY], None)
}

/// [`build`] with other arguments, and SOURCE_DATE_EPOCH set or not.
fn build_with(
    root: &Path,
    out: &Path,
    threads: &str,
    tz: &str,
    args: &[&str],
    epoch: Option<&str>,
) -> BTreeMap<String, Vec<u8>> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kiemchung"));
    cmd.env("KIEMCHUNG_LANG", "en");
    cmd.arg("build").args(args).arg("--root");
    match epoch {
        Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
        None => cmd.env_remove("SOURCE_DATE_EPOCH"),
    };
    let r = cmd
        .arg(root)
        .arg("--output")
        .arg(out)
        .env("RAYON_NUM_THREADS", threads)
        .env("TZ", tz)
        .env("NO_COLOR", "1")
        .env_remove("KIEMCHUNG_TIMINGS")
        .output()
        .expect("run kiemchung");
    assert!(
        r.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&r.stderr)
    );
    snapshot(out)
}

/// The repository's own site (three years, news, data exports) and the
/// reports fixture, each as a site root.
fn sites() -> Vec<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    vec![repo, fixtures().join("reports-site")]
}

/// What a site root holds that a build reads.
fn inputs(root: &Path, tmp: &Path) -> PathBuf {
    let only = tmp.join("inputs");
    for part in ["site.toml", "content", "static", "themes"] {
        let p = root.join(part);
        if p.is_dir() {
            copy_in_order(&[&p], &only.join(part), false);
        } else if p.is_file() {
            std::fs::create_dir_all(&only).unwrap();
            std::fs::copy(&p, only.join(part)).unwrap();
        }
    }
    only
}

fn assert_same(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>, what: &str) {
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "{what}: not the same files"
    );
    for (path, bytes) in a {
        assert!(bytes == &b[path], "{what}: {path} differs");
    }
}

#[test]
fn one_thread_and_two_give_the_same_bytes() {
    for site in sites() {
        let tmp = tempfile::tempdir().unwrap();
        let root = inputs(&site, tmp.path());
        let one = build(&root, &tmp.path().join("one"), "1", "UTC");
        let two = build(&root, &tmp.path().join("two"), "2", "UTC");
        assert!(
            one.keys().any(|k| k.ends_with(".xlsx")) && one.len() > 20,
            "{}: the site should have pages and data exports, got {:?}",
            site.display(),
            one.keys().collect::<Vec<_>>()
        );
        assert_same(&one, &two, "1 thread against 2");
        // Rebuilding over the previous output gives it again.
        let again = build(&root, &tmp.path().join("two"), "2", "UTC");
        assert_same(&two, &again, "a second build");
    }
}

#[test]
fn time_zone_and_file_creation_order_change_nothing() {
    for site in sites() {
        let tmp = tempfile::tempdir().unwrap();
        let sorted = inputs(&site, tmp.path());
        let reversed = tmp.path().join("reversed");
        copy_in_order(&[&sorted], &reversed, true);
        let utc = build(&sorted, &tmp.path().join("utc"), "2", "UTC");
        for (root, tz) in [
            (&sorted, "Asia/Ho_Chi_Minh"),
            (&reversed, "Pacific/Kiritimati"),
            (&reversed, "America/Los_Angeles"),
        ] {
            let out = tmp.path().join(format!("out-{}", tz.replace('/', "-")));
            let other = build(root, &out, "2", tz);
            assert_same(
                &utc,
                &other,
                &format!("TZ={tz}, files from {}", root.display()),
            );
        }
    }
}

#[test]
fn the_day_is_the_sites_not_the_machines() {
    // 2023-04-26 20:30 UTC is already 27 April in Asia/Ho_Chi_Minh (UTC+7):
    // the site's time zone (site.toml's `timezone`, by default that one)
    // decides, whatever the machine's TZ says.
    let epoch = "1682541000";
    for site in sites() {
        let tmp = tempfile::tempdir().unwrap();
        let root = inputs(&site, tmp.path());
        let utc = build_with(&root, &tmp.path().join("utc"), "2", "UTC", &[], Some(epoch));
        let hcm = build_with(
            &root,
            &tmp.path().join("hcm"),
            "2",
            "Asia/Ho_Chi_Minh",
            &[],
            Some(epoch),
        );
        assert_same(&utc, &hcm, "TZ=UTC against TZ=Asia/Ho_Chi_Minh");
        let home = String::from_utf8(utc["index.html"].clone()).unwrap();
        assert!(
            home.contains("Trang được tạo ngày 27&#x2f;4&#x2f;2023"),
            "{}: the footer gives the site's day",
            site.display()
        );
        // --today gives the same bytes as SOURCE_DATE_EPOCH on that day.
        let given = build_with(
            &root,
            &tmp.path().join("given"),
            "2",
            "America/Los_Angeles",
            &["--today", "2023-04-27"],
            None,
        );
        assert_same(&utc, &given, "SOURCE_DATE_EPOCH against --today");
    }
}
