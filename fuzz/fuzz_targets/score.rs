//! The decimal parser: anything it accepts must print back to a text that
//! parses to the same value, and arithmetic on it must not overflow.
#![no_main]

use kiemchung::score::Score;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(s) = Score::parse(text) else {
        return;
    };
    assert!(s.milli() >= 0);
    let again = Score::parse(&s.to_plain()).expect("to_plain parses back");
    assert_eq!(again, s);
    let vi = s.to_vi();
    assert!(!vi.is_empty());
    // Sums of a few thousand parsed scores must stay exact.
    let sum: Score = std::iter::repeat_n(s, 1000).sum();
    assert_eq!(sum.milli(), s.milli() * 1000);
    let _ = s.mul_ratio(7, 9);
});
