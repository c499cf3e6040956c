//! Atomic output: a build killed at any moment, or a build that fails,
//! leaves the previous output complete and byte for byte as it was; a
//! successful build leaves no temporary folder behind, and one left by a
//! killed build is removed by the next build.

mod common;
use common::{Site, TODAY, snapshot};
use std::collections::BTreeMap;
use std::hash::Hasher;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// path → (length, hash of the bytes): enough to tell two outputs apart
/// without holding thousands of pages in memory 20 times over.
type Digest = BTreeMap<String, (usize, u64)>;

fn digest(dir: &Path) -> Digest {
    snapshot(dir)
        .into_iter()
        .map(|(p, bytes)| {
            let mut h = std::hash::DefaultHasher::new();
            h.write(&bytes);
            (p, (bytes.len(), h.finish()))
        })
        .collect()
}

/// The names in the site root that a build may leave: its temporary folders.
fn leftovers(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("kiemchung"))
        .collect();
    names.sort();
    names
}

/// The fixture site with `pages` more news pages, each a few paragraphs, so
/// that a build takes a noticeable time and writes thousands of files.
fn big_site(pages: usize) -> Site {
    let site = Site::new("site");
    let para = "Sở Khoa học và Công nghệ thông báo kết quả thực hiện nhiệm vụ cải cách \
                hành chính, với **số liệu** và [liên kết](/2022/). ";
    for i in 0..pages {
        let body = format!("{}\n\n{}\n\n- một\n- hai\n", para.repeat(8), para.repeat(4));
        site.write(
            &format!("content/tin-tuc/tin-{i:05}.md"),
            format!(
                "---\ntitle: \"Tin số {i}\"\ndate: 2023-{:02}-{:02}\n---\n{body}",
                i % 12 + 1,
                i % 28 + 1
            ),
        );
    }
    site
}

fn build_command(site: &Site) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kiemchung"));
    cmd.env("KIEMCHUNG_LANG", "en");
    cmd.args(["build", "--today", TODAY, "--root"])
        .arg(&site.root)
        .current_dir(site.tmp.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// A small deterministic generator for the kill delays (the seed is
/// printed, so a failure can be replayed).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn a_build_killed_at_random_moments_leaves_a_whole_site() {
    let site = big_site(400);
    site.build().ok();
    let old = digest(&site.public());
    assert!(old.len() > 400, "{} files", old.len());

    // A change that alters many pages: the next build writes a different site.
    let first = site.read("site.toml");
    let toml = [
        first.clone(),
        first.replacen("CCHC — Sở Thử nghiệm", "CCHC — Sở Thử nghiệm (mới)", 1),
    ];
    assert_ne!(toml[0], toml[1]);
    site.write("site.toml", &toml[1]);
    let t = Instant::now();
    let mut probe = build_command(&site);
    let probe_public = site.tmp.path().join("probe-public");
    probe.args(["--output"]).arg(&probe_public);
    assert!(probe.status().unwrap().success());
    let build_time = t.elapsed();
    let new = digest(&probe_public);
    std::fs::remove_dir_all(&probe_public).unwrap();
    assert_ne!(old, new);
    let sites = [old, new];

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}, a full build takes {build_time:?}");
    let mut rng = XorShift(seed);
    let span = build_time.as_micros() as u64 * 11 / 10;
    // `in_place`: which of the two sites public/ holds; each build is
    // given the other one's site.toml.
    let mut in_place = 0;
    let (mut unchanged, mut replaced) = (0, 0);
    for attempt in 0..20 {
        let delay = Duration::from_micros(rng.next() % span.max(1));
        let mut child = build_command(&site).spawn().unwrap();
        std::thread::sleep(delay);
        // SIGKILL on Unix: no chance to clean up.
        let _ = child.kill();
        child.wait().unwrap();
        let now = digest(&site.public());
        if now == sites[in_place] {
            unchanged += 1;
        } else if now == sites[1 - in_place] {
            // Killed after the swap (or it had finished): the other site,
            // whole. The next builds go back to the first.
            replaced += 1;
            in_place = 1 - in_place;
            site.write("site.toml", &toml[1 - in_place]);
        } else {
            let missing = sites[in_place]
                .keys()
                .filter(|k| !now.contains_key(*k))
                .count();
            panic!(
                "attempt {attempt} (killed after {delay:?}, seed {seed}): public/ is neither \
                 the previous site nor the new one ({} files, {missing} of the previous missing)",
                now.len()
            );
        }
    }
    eprintln!("{unchanged} killed builds left the previous site, {replaced} the new one");
    assert!(
        unchanged >= 5,
        "too few kills landed during the build ({unchanged})"
    );

    // The next build cleans up whatever the kills left and succeeds.
    site.build().ok();
    assert_eq!(digest(&site.public()), sites[1 - in_place]);
    assert_eq!(leftovers(&site.root), Vec::<String>::new());
}

#[test]
fn a_failed_build_changes_nothing() {
    let site = Site::new("site");
    site.build().ok();
    let before = snapshot(&site.public());
    let times = |dir: &Path| -> BTreeMap<String, std::time::SystemTime> {
        snapshot(dir)
            .into_keys()
            .map(|p| {
                let m = std::fs::metadata(dir.join(&p)).unwrap().modified().unwrap();
                (p, m)
            })
            .collect()
    };
    let mtimes = times(&site.public());
    std::thread::sleep(Duration::from_millis(20));
    // A page that renders, and an error elsewhere: nothing may be written.
    site.write(
        "content/tin-tuc/moi.md",
        "---\ntitle: \"Tin mới\"\n---\nMới.\n",
    );
    site.edit("content/2022/1-chi-dao/1.1.md", "max: 2", "max: hai");
    site.build().assert_code(1);
    assert_eq!(snapshot(&site.public()), before);
    assert_eq!(times(&site.public()), mtimes, "files were rewritten");
    assert_eq!(leftovers(&site.root), Vec::<String>::new());
}

#[test]
fn a_good_build_leaves_no_temporary_folder() {
    let site = Site::new("site");
    site.build().ok();
    // Twice: the second replaces an existing output.
    site.edit(
        "site.toml",
        "CCHC — Sở Thử nghiệm",
        "CCHC — Sở Thử nghiệm 2",
    );
    site.build().ok();
    assert!(site.out("index.html").contains("CCHC — Sở Thử nghiệm 2"));
    assert_eq!(leftovers(&site.root), Vec::<String>::new());
    let mut names: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["content", "public", "site.toml", "static"]);
}

#[test]
fn temporary_folders_left_by_a_killed_build_are_removed() {
    let site = Site::new("site");
    site.build().ok();
    let good = snapshot(&site.public());
    // What a kill leaves: a half-written staging folder and an old site
    // not yet removed (named with the killed build's pid, or without one
    // as before the lock).
    site.write(".public.kiemchung-new-4242/index.html", "<p>nửa chừng");
    site.write(".public.kiemchung-old-4242/index.html", "<p>cũ");
    site.write(".public.kiemchung-new/index.html", "<p>nửa chừng");
    site.write(".public.kiemchung-old/index.html", "<p>cũ");
    site.build().ok();
    assert_eq!(snapshot(&site.public()), good);
    assert_eq!(leftovers(&site.root), Vec::<String>::new());

    // Killed between "move aside" and "move in" (where the swap is two
    // renames): no public/, the previous site aside. The next build, even
    // a failing one, puts it back.
    std::fs::rename(site.public(), site.path(".public.kiemchung-old")).unwrap();
    site.edit("content/2022/1-chi-dao/1.1.md", "max: 2", "max: hai");
    site.build().assert_code(1);
    assert_eq!(snapshot(&site.public()), good);
}
