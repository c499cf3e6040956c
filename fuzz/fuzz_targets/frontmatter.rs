//! Front matter: decode the bytes as load does, split the block from the
//! body, and deserialize it into every raw shape a file can have. Errors are
//! fine; a panic, a hang or unbounded memory is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is in the library (src/fuzzing.rs), so that tests/fuzz_corpus.rs
// replays the kept corpus through the same calls in `cargo test`.
fuzz_target!(|data: &[u8]| kiemchung::fuzzing::frontmatter(data));
