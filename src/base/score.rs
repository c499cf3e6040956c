//! Exact decimal scores over integer thousandths.
//!
//! Scores are never binary floating point: `0.1 + 0.2` must be `0.3` and the
//! nine areas of 2022 must add up to exactly `87,303`. A [`Score`] is an `i64`
//! count of thousandths; it is signed so that differences (`score − self_score`,
//! the change from last year) use the same type.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

/// An exact decimal with three digits after the point, stored in thousandths.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(i64);

/// Why a text is not a score. The message says what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreError {
    Empty,
    Negative,
    TooManyDecimals,
    TooLarge,
    Invalid,
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ScoreError::Empty => "expected a score such as 2, 1.5 or \"11,911\", found nothing",
            ScoreError::Negative => "a score cannot be negative; expected a number ≥ 0",
            ScoreError::TooManyDecimals => {
                "a score has at most 3 digits after the decimal point (e.g. 11.911)"
            }
            ScoreError::TooLarge => "the number is too large for a score",
            ScoreError::Invalid => {
                "expected a decimal number such as 2, 1.5, 11.911 or \"11,911\" (no exponent, no thousands separator)"
            }
        })
    }
}

impl std::error::Error for ScoreError {}

/// Largest integer part accepted, so that sums of many scores cannot overflow.
const MAX_INTEGER_PART: i64 = 1_000_000_000_000;

impl Score {
    pub const ZERO: Score = Score(0);

    pub const fn from_milli(milli: i64) -> Score {
        Score(milli)
    }

    pub const fn from_int(n: i64) -> Score {
        Score(n * 1000)
    }

    pub const fn milli(self) -> i64 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub fn abs(self) -> Score {
        Score(self.0.abs())
    }

    /// Parses `11.911`, `11,911`, `8`, `.5`, `2.50`. Either `.` or `,` is the
    /// decimal separator; there is no thousands separator (scores are small and
    /// `1.250` would be ambiguous). At most three significant decimals: `1.5000`
    /// is accepted, `1.2345` is not.
    pub fn parse(text: &str) -> Result<Score, ScoreError> {
        let s = text.trim();
        if s.is_empty() {
            return Err(ScoreError::Empty);
        }
        let (negative, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int_part, frac_part) = match s.find(['.', ',']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int_part) {
            return Err(ScoreError::Invalid);
        }
        let frac = frac_part.unwrap_or("");
        if !all_digits(frac) {
            return Err(ScoreError::Invalid);
        }
        if int_part.is_empty() && frac.is_empty() {
            return Err(ScoreError::Invalid);
        }
        if frac_part.is_some() && frac.is_empty() {
            // "2." is a YAML float, but in a Vietnamese table "2," is a typo.
            return Err(ScoreError::Invalid);
        }
        let digits = int_part.trim_start_matches('0');
        if digits.len() > 13 {
            return Err(ScoreError::TooLarge);
        }
        let int: i64 = if digits.is_empty() {
            0
        } else {
            digits.parse().map_err(|_| ScoreError::TooLarge)?
        };
        if int > MAX_INTEGER_PART {
            return Err(ScoreError::TooLarge);
        }
        let significant = frac.trim_end_matches('0');
        if significant.len() > 3 {
            return Err(ScoreError::TooManyDecimals);
        }
        let mut milli_frac: i64 = 0;
        for (i, b) in significant.bytes().enumerate() {
            milli_frac += i64::from(b - b'0') * [100, 10, 1][i];
        }
        let value = int * 1000 + milli_frac;
        if negative && value != 0 {
            return Err(ScoreError::Negative);
        }
        Ok(Score(value))
    }

    /// `self × a / b`, rounded half up to thousandths (docs/format.md, rule 5).
    /// `b` must be positive. Computed in 128-bit integers, so it is exact.
    pub fn mul_ratio(self, a: u64, b: u64) -> Score {
        assert!(b > 0, "ratio denominator must be positive");
        let num = i128::from(self.0) * i128::from(a);
        let den = i128::from(b);
        // half up for non-negative values: floor((2·num + den) / (2·den))
        let q = (2 * num + den).div_euclid(2 * den);
        Score(q as i64)
    }

    /// `part / whole` as a percentage with one decimal, rounded half up,
    /// returned as thousandths-free tenths (e.g. 873 for 87,3%).
    pub fn percent_tenths(part: Score, whole: Score) -> Option<i64> {
        if whole.0 <= 0 {
            return None;
        }
        let num = i128::from(part.0) * 1000;
        let den = i128::from(whole.0);
        Some(((2 * num + den).div_euclid(2 * den)) as i64)
    }

    /// The plain form used in data files: `87.303`, `4.5`, `8`, `-1.25`.
    pub fn to_plain(self) -> String {
        self.format('.', None)
    }

    /// The Vietnamese form: `87,303`, `4,5`, `8`, `1.250` for one thousand
    /// two hundred fifty, `-0,5`.
    pub fn to_vi(self) -> String {
        self.format(',', Some('.'))
    }

    fn format(self, decimal: char, thousands: Option<char>) -> String {
        let neg = self.0 < 0;
        let v = self.0.unsigned_abs();
        let int = v / 1000;
        let frac = v % 1000;
        let mut out = String::new();
        if neg {
            out.push('-');
        }
        out.push_str(&group_thousands(int, thousands));
        if frac != 0 {
            out.push(decimal);
            let f = format!("{frac:03}");
            out.push_str(f.trim_end_matches('0'));
        }
        out
    }
}

/// `1250000` → `1.250.000` with `Some('.')`.
pub fn group_thousands(n: u64, sep: Option<char>) -> String {
    let digits = n.to_string();
    let Some(sep) = sep else { return digits };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Score {
    /// Display is the Vietnamese form, because that is what every page shows.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_vi())
    }
}

impl Add for Score {
    type Output = Score;
    fn add(self, rhs: Score) -> Score {
        Score(self.0 + rhs.0)
    }
}

impl AddAssign for Score {
    fn add_assign(&mut self, rhs: Score) {
        self.0 += rhs.0;
    }
}

impl Sub for Score {
    type Output = Score;
    fn sub(self, rhs: Score) -> Score {
        Score(self.0 - rhs.0)
    }
}

impl Neg for Score {
    type Output = Score;
    fn neg(self) -> Score {
        Score(-self.0)
    }
}

impl Sum for Score {
    fn sum<I: Iterator<Item = Score>>(iter: I) -> Score {
        iter.fold(Score::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Score> for Score {
    fn sum<I: Iterator<Item = &'a Score>>(iter: I) -> Score {
        iter.copied().sum()
    }
}

/// Scores go to JSON as numbers with at most three decimals (`87.303`),
/// written from the exact text, never through f64.
impl serde::Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n: serde_json::Number = self
            .to_plain()
            .parse()
            .map_err(|_| serde::ser::Error::custom("score is not a JSON number"))?;
        n.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(s: &str) -> Score {
        Score::parse(s).unwrap()
    }

    #[test]
    fn parses_the_three_spellings() {
        assert_eq!(p("11.911"), Score::from_milli(11_911));
        assert_eq!(p("11,911"), Score::from_milli(11_911));
        assert_eq!(p(" 8 "), Score::from_int(8));
        assert_eq!(p("4.5"), Score::from_milli(4_500));
        assert_eq!(p("2.50"), Score::from_milli(2_500));
        assert_eq!(p(".5"), Score::from_milli(500));
        assert_eq!(p("0,05"), Score::from_milli(50));
        assert_eq!(p("1.5000"), Score::from_milli(1_500));
        assert_eq!(p("007"), Score::from_int(7));
        assert_eq!(p("-0"), Score::ZERO);
    }

    #[test]
    fn refuses_what_is_not_a_score() {
        assert_eq!(Score::parse(""), Err(ScoreError::Empty));
        assert_eq!(Score::parse("-1"), Err(ScoreError::Negative));
        assert_eq!(Score::parse("1.2345"), Err(ScoreError::TooManyDecimals));
        assert_eq!(Score::parse("1e3"), Err(ScoreError::Invalid));
        assert_eq!(Score::parse("1.250,5"), Err(ScoreError::Invalid));
        assert_eq!(Score::parse("abc"), Err(ScoreError::Invalid));
        assert_eq!(Score::parse("2."), Err(ScoreError::Invalid));
        assert_eq!(Score::parse("."), Err(ScoreError::Invalid));
        assert_eq!(Score::parse("+1"), Err(ScoreError::Invalid));
        assert_eq!(Score::parse("0x10"), Err(ScoreError::Invalid));
        assert_eq!(
            Score::parse("99999999999999999999"),
            Err(ScoreError::TooLarge)
        );
    }

    #[test]
    fn the_2022_areas_add_up_exactly() {
        let areas = [
            "11,911", "4,5", "4,5", "5", "8", "7", "6,47", "5,15", "34,772",
        ];
        let total: Score = areas.iter().map(|s| p(s)).sum();
        assert_eq!(total.to_vi(), "87,303");
        let maxima = ["13,5", "6,5", "5", "6,5", "8", "8,5", "10", "7", "35"];
        let max: Score = maxima.iter().map(|s| p(s)).sum();
        assert_eq!(max, Score::from_int(100));
        assert_eq!((max - total).to_vi(), "12,697");
    }

    #[test]
    fn vietnamese_and_plain_forms() {
        assert_eq!(p("87.303").to_vi(), "87,303");
        assert_eq!(p("4.5").to_vi(), "4,5");
        assert_eq!(p("8").to_vi(), "8");
        assert_eq!(p("1250").to_vi(), "1.250");
        assert_eq!(p("1250000.5").to_vi(), "1.250.000,5");
        assert_eq!(p("87.303").to_plain(), "87.303");
        assert_eq!((Score::ZERO - p("0.5")).to_vi(), "-0,5");
        assert_eq!(p("0.001").to_vi(), "0,001");
    }

    #[test]
    fn ratio_rounds_half_up() {
        assert_eq!(p("2").mul_ratio(34, 40), p("1.7"));
        assert_eq!(p("1").mul_ratio(2, 3), p("0.667"));
        assert_eq!(p("1").mul_ratio(1, 3), p("0.333"));
        // 0.0005 rounds up to 0.001
        assert_eq!(p("0.001").mul_ratio(1, 2), p("0.001"));
        assert_eq!(p("5").mul_ratio(0, 7), Score::ZERO);
        assert_eq!(p("5").mul_ratio(7, 7), p("5"));
    }

    #[test]
    fn percentages() {
        assert_eq!(Score::percent_tenths(p("87.303"), p("100")), Some(873));
        assert_eq!(Score::percent_tenths(p("6.47"), p("10")), Some(647));
        assert_eq!(Score::percent_tenths(p("1"), Score::ZERO), None);
    }

    #[test]
    fn json_numbers_are_exact() {
        let v = serde_json::to_string(&vec![p("87.303"), p("8"), p("0.1")]).unwrap();
        assert_eq!(v, "[87.303,8,0.1]");
    }

    proptest! {
        #[test]
        fn plain_and_vi_round_trip(m in 0i64..1_000_000_000_000) {
            let s = Score::from_milli(m);
            prop_assert_eq!(Score::parse(&s.to_plain()).unwrap(), s);
            // the Vietnamese form round-trips once thousands dots are removed
            let vi = s.to_vi();
            let (int, frac) = match vi.split_once(',') {
                Some((i, f)) => (i.replace('.', ""), format!(",{f}")),
                None => (vi.replace('.', ""), String::new()),
            };
            prop_assert_eq!(Score::parse(&format!("{int}{frac}")).unwrap(), s);
        }

        #[test]
        fn sums_are_exact_and_order_free(v in proptest::collection::vec(0i64..100_000_000, 0..60)) {
            let scores: Vec<Score> = v.iter().map(|&m| Score::from_milli(m)).collect();
            let forward: Score = scores.iter().sum();
            let backward: Score = scores.iter().rev().sum();
            prop_assert_eq!(forward, backward);
            prop_assert_eq!(forward.milli(), v.iter().sum::<i64>());
        }

        #[test]
        fn decimal_text_parses_to_its_exact_value(int in 0u32..100_000, frac in 0u32..1000, comma: bool) {
            let text = format!("{int}{}{frac:03}", if comma { ',' } else { '.' });
            let s = Score::parse(&text).unwrap();
            prop_assert_eq!(s.milli(), i64::from(int) * 1000 + i64::from(frac));
        }

        #[test]
        fn ratio_stays_within_bounds(max in 0i64..100_000, a in 0u64..500, extra in 0u64..500) {
            let b = a + extra + 1;
            let s = Score::from_milli(max).mul_ratio(a, b);
            prop_assert!(s >= Score::ZERO);
            prop_assert!(s <= Score::from_milli(max));
            // within half a thousandth of the exact rational value
            let exact_num = i128::from(max) * i128::from(a);
            let diff = i128::from(s.milli()) * i128::from(b) - exact_num;
            prop_assert!(2 * diff.abs() <= i128::from(b));
        }

        #[test]
        fn never_panics_on_any_text(s in ".{0,20}") {
            let _ = Score::parse(&s);
        }

        /// Arithmetic on parsed texts against a reference model: the
        /// decimal read digit by digit into an i128 of thousandths.
        #[test]
        fn arithmetic_matches_an_i128_reference(
            a in (0u64..10_000_000, 0u32..1000, 1usize..=3, proptest::bool::ANY),
            b in (0u64..10_000_000, 0u32..1000, 1usize..=3, proptest::bool::ANY),
        ) {
            // (integer part, decimals, how many decimals written, comma)
            let text = |(int, frac, places, comma): (u64, u32, usize, bool)| {
                let digits = format!("{frac:03}");
                format!("{int}{}{}", if comma { ',' } else { '.' }, &digits[..places])
            };
            let reference = |t: &str| -> i128 {
                let (i, f) = t.split_once(['.', ',']).unwrap();
                let f = format!("{f:0<3}");
                i.parse::<i128>().unwrap() * 1000 + f.parse::<i128>().unwrap()
            };
            let (ta, tb) = (text(a), text(b));
            let (x, y) = (Score::parse(&ta).unwrap(), Score::parse(&tb).unwrap());
            let (rx, ry) = (reference(&ta), reference(&tb));
            prop_assert_eq!(i128::from(x.milli()), rx);
            prop_assert_eq!(i128::from((x + y).milli()), rx + ry);
            prop_assert_eq!(i128::from((x - y).milli()), rx - ry);
            prop_assert_eq!(x.cmp(&y), rx.cmp(&ry));
            prop_assert_eq!(i128::from((x - y).abs().milli()), (rx - ry).abs());
            // `to_plain` prints the exact value back.
            prop_assert_eq!(Score::parse(&(x + y).to_plain()).unwrap(), x + y);
        }

        /// `mul_ratio` against the rational model: the rounded value is
        /// the nearest thousandth to max·a/b, ties going up.
        #[test]
        fn ratio_is_the_nearest_thousandth_half_up(max in 0i64..100_000_000, a in 0u64..10_000, extra in 0u64..10_000) {
            let b = a + extra + 1;
            let got = i128::from(Score::from_milli(max).mul_ratio(a, b).milli());
            let (num, den) = (i128::from(max) * i128::from(a), i128::from(b));
            // |got − num/den| ≤ 1/2, and exactly 1/2 only rounding up.
            let twice_diff = 2 * (got * den - num);
            prop_assert!(twice_diff.abs() <= den, "{got} for {num}/{den}");
            prop_assert!(twice_diff != -den, "a tie rounded down: {got} for {num}/{den}");
        }

        /// `percent_tenths` against the rational model, likewise.
        #[test]
        fn percentages_are_the_nearest_tenth_half_up(part in 0i64..1_000_000_000, whole in 1i64..1_000_000_000) {
            let got = i128::from(Score::percent_tenths(Score::from_milli(part), Score::from_milli(whole)).unwrap());
            let (num, den) = (i128::from(part) * 1000, i128::from(whole));
            let twice_diff = 2 * (got * den - num);
            prop_assert!(twice_diff.abs() <= den);
            prop_assert!(twice_diff != -den);
        }
    }
}
