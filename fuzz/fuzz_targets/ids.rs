//! Node ids and document numbers (số, ký hiệu): parse whatever the bytes
//! say; an accepted id prints back to itself and orders consistently.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is in the library (src/fuzzing.rs), so that tests/fuzz_corpus.rs
// replays the kept corpus through the same calls in `cargo test`.
fuzz_target!(|data: &[u8]| kiemchung::fuzzing::ids(data));
