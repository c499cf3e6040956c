//! The whole pipeline on a one-file site, in memory: decode, parse, assemble,
//! check, render. The first byte picks which file the rest is (a node, a
//! year's `_index.md`, a page of a section, the home page), so every role is
//! reached; a fixed year file and a fixed site.toml complete the site.
//! Diagnostics are fine; a panic, a hang or unbounded memory is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is in the library (src/fuzzing.rs), so that tests/fuzz_corpus.rs
// replays the kept corpus through the same calls in `cargo test`.
fuzz_target!(|data: &[u8]| kiemchung::fuzzing::site(data));
