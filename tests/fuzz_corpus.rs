//! The fuzz corpus as regression tests: every input kept in
//! `fuzz/corpus/<target>/` (and any crash input in `fuzz/artifacts/`) goes
//! through the same calls as its fuzz target (`kiemchung::fuzzing`, which
//! `fuzz/fuzz_targets/` call), without
//! libFuzzer, so `cargo test` replays what the fuzzer found interesting.
//! Errors are expected; a panic fails the test.

use kiemchung::fuzzing;
use std::path::{Path, PathBuf};

/// Every file of `fuzz/corpus/<target>/` and `fuzz/artifacts/<target>/`.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in ["corpus", "artifacts"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(target)) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_file() {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p, bytes));
            }
        }
    }
    out.sort();
    out
}

fn replay(target: &str, min: usize, f: impl Fn(&[u8])) {
    let all = inputs(target);
    assert!(all.len() >= min, "{target}: {} inputs", all.len());
    for (path, bytes) in &all {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(bytes)));
        assert!(r.is_ok(), "{target}: {} panicked", path.display());
    }
}

#[test]
fn frontmatter_corpus() {
    replay("frontmatter", 20, fuzzing::frontmatter);
}

#[test]
fn score_corpus() {
    replay("score", 10, fuzzing::score);
}

#[test]
fn ids_corpus() {
    replay("ids", 10, fuzzing::ids);
}

#[test]
fn site_corpus() {
    replay("site", 10, fuzzing::site);
}
