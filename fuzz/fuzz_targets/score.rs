//! The decimal parser: anything it accepts must print back to a text that
//! parses to the same value, and arithmetic on it must not overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is in the library (src/fuzzing.rs), so that tests/fuzz_corpus.rs
// replays the kept corpus through the same calls in `cargo test`.
fuzz_target!(|data: &[u8]| kiemchung::fuzzing::score(data));
