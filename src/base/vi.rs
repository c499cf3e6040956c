//! Vietnamese conventions: slugs, dates, numbers.

use crate::base::i18n::Msg;
use crate::msg;
use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization;

/// A lowercase ASCII slug: tone marks removed and đ→d mapped explicitly
/// (đ has no Unicode decomposition, so a plain "strip accents" keeps it).
/// `Cải cách thủ tục hành chính` → `cai-cach-thu-tuc-hanh-chinh`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if is_combining_mark(c) => continue,
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}')
}

/// Folds text for accent-insensitive matching and search: `Cải Cách` → `cai cach`.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Parses a date written as ISO `2023-04-26` or Vietnamese `26/4/2023`
/// (also `26/04/2023` and `26-4-2023`). The error is a phrase of the
/// catalog (`locales/*/frontmatter.ftl`) that says what was expected; the
/// caller puts it into its own sentence (which field, which option).
pub fn parse_date(text: &str) -> Result<Date, Msg> {
    let s = text.trim();
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let nums: Option<Vec<i32>> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    let (y, m, d) = match (nums, parts.as_slice()) {
        (Some(n), [y, _, _]) if n.len() == 3 && y.len() == 4 && s.contains('-') => {
            (n[0], n[1], n[2])
        }
        (Some(n), [_, _, y]) if n.len() == 3 && y.len() == 4 => (n[2], n[1], n[0]),
        _ => return Err(msg!("date-expected", found = s)),
    };
    if !(1..=12).contains(&m) {
        return Err(msg!("date-no-month", found = s, month = m));
    }
    Date::new(y as i16, m as i8, d as i8)
        .map_err(|_| msg!("date-no-day", found = s, day = d, month = m, year = y))
}

/// `26/4/2023`: the short form used in lists and tables.
pub fn date_short(d: Date) -> String {
    format!("{}/{}/{}", d.day(), d.month(), d.year())
}

/// `ngày 26 tháng 4 năm 2023`, `ngày 05 tháng 02 năm 2023`: the long form used
/// on documents, where days below 10 and months 1–2 take a leading zero.
pub fn date_long(d: Date) -> String {
    let day = if d.day() < 10 {
        format!("0{}", d.day())
    } else {
        d.day().to_string()
    };
    let month = if d.month() <= 2 {
        format!("0{}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {day} tháng {month} năm {}", d.year())
}

/// ISO form for data files, feeds and `<time datetime>`.
pub fn date_iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// An integer with dots between thousands: `1.250.000`.
pub fn int(n: i64) -> String {
    let grouped = crate::base::score::group_thousands(n.unsigned_abs(), Some('.'));
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A percentage from tenths of a percent: 873 → `87,3%`, 1000 → `100%`.
pub fn percent_tenths(tenths: i64) -> String {
    let whole = int(tenths / 10);
    match tenths % 10 {
        0 => format!("{whole}%"),
        f => format!("{whole},{}%", f.abs()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Đề án"), "de-an");
        assert_eq!(slugify("Đề-án-cải-cách"), "de-an-cai-cach");
        assert_eq!(
            slugify("Cải cách thủ tục hành chính"),
            "cai-cach-thu-tuc-hanh-chinh"
        );
        assert_eq!(slugify("  Hỏi   đáp!! "), "hoi-dap");
        assert_eq!(
            slugify("Quyết định 3859/QĐ-UBND"),
            "quyet-dinh-3859-qd-ubnd"
        );
        assert_eq!(slugify("ƯU TIÊN ĐƯỜNG"), "uu-tien-duong");
        // decomposed input (pasted from macOS) gives the same slug
        let nfd: String = "Thông báo".nfd().collect();
        assert_eq!(slugify(&nfd), "thong-bao");
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Cải Cách"), "cai cach");
        assert_eq!(fold("ĐỀ ÁN"), "de an");
    }

    #[test]
    fn dates() {
        let d = parse_date("2023-04-26").unwrap();
        assert_eq!(parse_date("26/4/2023").unwrap(), d);
        assert_eq!(parse_date("26/04/2023").unwrap(), d);
        assert_eq!(date_short(d), "26/4/2023");
        assert_eq!(date_long(d), "ngày 26 tháng 4 năm 2023");
        let d = parse_date("5/2/2023").unwrap();
        assert_eq!(date_long(d), "ngày 05 tháng 02 năm 2023");
        assert_eq!(date_iso(d), "2023-02-05");
        assert_eq!(
            date_long(parse_date("2022-12-20").unwrap()),
            "ngày 20 tháng 12 năm 2022"
        );
        for bad in [
            "",
            "2023-13-01",
            "31/2/2023",
            "2023/04",
            "hôm qua",
            "04-26-2023x",
            "1/1/23",
        ] {
            assert!(parse_date(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(int(1_250_000), "1.250.000");
        assert_eq!(int(999), "999");
        assert_eq!(int(-1000), "-1.000");
        assert_eq!(percent_tenths(873), "87,3%");
        assert_eq!(percent_tenths(1000), "100%");
        assert_eq!(percent_tenths(850), "85%");
    }

    proptest::proptest! {
        /// Slugs are lowercase ASCII letters, digits and single inner
        /// hyphens; slugifying a slug changes nothing; NFC and NFD text
        /// give the same slug.
        #[test]
        fn slugs_are_ascii_and_stable(
            s in "[a-zA-Z0-9 .,/_-]{0,8}[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐƯƠÂÊÔĂ a-z!?\\u{300}\\u{301}]{0,16}|.{0,24}"
        ) {
            let slug = slugify(&s);
            proptest::prop_assert!(
                slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{slug:?}"
            );
            proptest::prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{slug:?}");
            proptest::prop_assert_eq!(slugify(&slug), slug.clone());
            let nfd: String = s.nfd().collect();
            let nfc: String = s.nfc().collect();
            proptest::prop_assert_eq!(slugify(&nfd), slugify(&nfc));
        }
    }
}
