//! `build` never replaces a folder that is not its own: the site's folders,
//! the folders above the site, the home folder and a folder holding files
//! kiemchung did not write are refused, with exit code 1, and every file
//! and folder is left as it was (each test compares the whole temporary
//! folder, site included, before and after).

mod common;
use common::{Run, Site, TODAY, run_in};
use std::collections::BTreeMap;
use std::path::Path;

/// Every folder, file (with its bytes) and link under `dir`.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).follow_links(false) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
        let t = e.file_type();
        let value = if t.is_symlink() {
            format!("-> {}", std::fs::read_link(e.path()).unwrap().display()).into_bytes()
        } else if t.is_dir() {
            b"/".to_vec()
        } else {
            std::fs::read(e.path()).unwrap()
        };
        out.insert(rel, value);
    }
    out
}

/// The fixture site, built once, with a theme folder and a folder of
/// someone's documents beside it.
fn site() -> Site {
    let site = Site::new("site");
    site.write(
        "themes/rieng/templates/page.html",
        "{% extends \"base.html\" %}",
    );
    site.build().ok();
    let docs = site.tmp.path().join("tai-lieu");
    std::fs::create_dir_all(docs.join("ban-thao")).unwrap();
    std::fs::write(docs.join("ke-hoach.docx"), "PK\x03\x04 a document").unwrap();
    std::fs::write(docs.join("ghi-chu.txt"), "notes").unwrap();
    site
}

/// `build` with `args`, run in `cwd` (a folder of the temporary folder),
/// must be refused and change nothing under the temporary folder.
fn refused_in(site: &Site, cwd: &str, args: &[&str], says: &str) -> Run {
    let before = tree(site.tmp.path());
    let mut all = vec!["build", "--today", TODAY];
    all.extend(args);
    let run = run_in(&site.tmp.path().join(cwd), &all);
    run.assert_code(1);
    assert!(run.stderr.starts_with("error[E80"), "{}", run.stderr);
    assert!(
        run.stderr.contains(says),
        "expected {says:?} in\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was changed"), "{}", run.stderr);
    assert_eq!(
        tree(site.tmp.path()),
        before,
        "a refused build changed files"
    );
    run
}

/// [`refused_in`], with and without `--force`, from the temporary folder.
fn refused_always(site: &Site, output: &str, says: &str) {
    for force in [false, true] {
        let mut args = vec!["--root", "site", "--output", output];
        if force {
            args.push("--force");
        }
        refused_in(site, ".", &args, says);
    }
}

#[test]
fn content_and_folders_inside_it_are_refused() {
    let site = site();
    refused_always(&site, "site/content", "is the site's content/ folder");
    refused_always(
        &site,
        "site/content/tin-tuc",
        "is inside the site's content/ folder",
    );
    refused_always(
        &site,
        "site/content/2022/moi",
        "is inside the site's content/ folder",
    );
    // However it is spelled.
    refused_always(&site, "site/public/../content", "content/ folder");
    refused_always(&site, "./site//content/", "content/ folder");
}

#[test]
fn themes_and_static_are_refused() {
    let site = site();
    refused_always(&site, "site/themes", "is the site's themes/ folder");
    refused_always(
        &site,
        "site/themes/rieng",
        "is inside the site's themes/ folder",
    );
    refused_always(&site, "site/static", "is the site's static/ folder");
    refused_always(
        &site,
        "site/static/files",
        "is inside the site's static/ folder",
    );
}

#[test]
fn the_site_folder_is_refused() {
    let site = site();
    refused_always(&site, "site", "is the site folder, which holds site.toml");
    for force in [false, true] {
        let mut args = vec!["--output", "."];
        if force {
            args.push("--force");
        }
        refused_in(&site, "site", &args, "is the site folder");
    }
}

#[test]
fn folders_above_the_site_are_refused() {
    let site = site();
    refused_always(&site, ".", "holds the site folder");
    refused_always(&site, "site/..", "holds the site folder");
    refused_always(&site, "/", "holds the site folder");
    let above = site.tmp.path().to_str().unwrap().to_string();
    refused_always(&site, &above, "holds the site folder");
}

#[test]
fn a_folder_of_other_files_is_refused_and_named() {
    let site = site();
    let run = refused_in(
        &site,
        ".",
        &["--root", "site", "--output", "tai-lieu"],
        "tai-lieu is not empty and was not written by kiemchung (ban-thao/, ghi-chu.txt, ke-hoach.docx)",
    );
    assert!(
        run.stderr
            .contains("choose another folder, or empty this one"),
        "{}",
        run.stderr
    );
    // With --force it is replaced, as asked, and from then on it is ours.
    run_in(
        site.tmp.path(),
        &[
            "build", "--today", TODAY, "--root", "site", "--output", "tai-lieu", "--force",
        ],
    )
    .ok();
    let out = site.tmp.path().join("tai-lieu");
    assert!(!out.join("ke-hoach.docx").exists());
    assert!(out.join(".kiemchung").is_file());
    run_in(
        site.tmp.path(),
        &[
            "build", "--today", TODAY, "--root", "site", "--output", "tai-lieu",
        ],
    )
    .ok();
}

#[test]
fn an_empty_or_missing_folder_is_written() {
    let site = site();
    std::fs::create_dir(site.tmp.path().join("trong")).unwrap();
    for out in ["trong", "moi/sau/ra"] {
        run_in(
            site.tmp.path(),
            &["build", "--today", TODAY, "--root", "site", "--output", out],
        )
        .ok();
        assert!(site.tmp.path().join(out).join("index.html").is_file());
    }
}

#[test]
fn the_home_folder_and_folders_above_it_are_refused() {
    let site = site();
    let home = site.tmp.path().join("nha/nguoi-dung");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(home.join("luong.xlsx"), "a spreadsheet").unwrap();
    for out in ["nha/nguoi-dung", "nha", "nha/nguoi-dung/"] {
        for force in [false, true] {
            let before = tree(site.tmp.path());
            let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kiemchung"));
            cmd.env("KIEMCHUNG_LANG", "en");
            cmd.args(["build", "--today", TODAY, "--root", "site", "--output", out])
                .current_dir(site.tmp.path())
                .env("HOME", &home)
                .env("NO_COLOR", "1");
            if force {
                cmd.arg("--force");
            }
            let r = cmd.output().unwrap();
            let stderr = String::from_utf8_lossy(&r.stderr);
            assert_eq!(r.status.code(), Some(1), "{out}: {stderr}");
            assert!(stderr.contains("home folder"), "{stderr}");
            assert_eq!(tree(site.tmp.path()), before, "{out}");
        }
    }
}

#[test]
fn a_file_or_a_link_as_output_is_refused() {
    let site = site();
    std::fs::write(site.tmp.path().join("a-file"), "text").unwrap();
    refused_always(&site, "a-file", "is a file, not a folder");
    #[cfg(unix)]
    {
        // A link to a folder of ours: the swap would replace the link.
        std::os::unix::fs::symlink(site.public(), site.tmp.path().join("link")).unwrap();
        refused_always(&site, "link", "is a symbolic link");
    }
}

#[test]
fn the_output_of_an_earlier_kiemchung_is_recognised_but_not_replaced() {
    let site = site();
    // Before the mark existed.
    std::fs::remove_file(site.public().join(".kiemchung")).unwrap();
    let run = refused_in(
        &site,
        ".",
        &["--root", "site"],
        "is not empty and was not written by kiemchung",
    );
    assert!(
        run.stderr.contains("output of an earlier kiemchung"),
        "{}",
        run.stderr
    );
    run_in(
        site.tmp.path(),
        &["build", "--today", TODAY, "--root", "site", "--force"],
    )
    .ok();
    site.build().ok();
}
