//! Vietnamese alphabetical order with ICU4X's collator (CLDR's `vi`
//! tailoring): a ă â b c d đ e ê … o ô ơ … u ư …, tone marks compared after
//! letters. Byte order would put Đ and Ư after Z.

use icu_collator::CollatorBorrowed;
use icu_collator::options::CollatorOptions;
use std::cmp::Ordering;
use std::sync::OnceLock;

pub struct Collator(&'static CollatorBorrowed<'static>);

static VI: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();

impl Collator {
    pub fn new() -> Collator {
        let c = VI.get_or_init(|| {
            let locale: icu_locale_core::Locale = "vi".parse().ok()?;
            CollatorBorrowed::try_new(locale.into(), CollatorOptions::default()).ok()
        });
        // The data is compiled into the binary, so this cannot fail at run
        // time; a failure would be a build problem caught by the tests.
        Collator(c.as_ref().expect("ICU4X compiled collation data for vi"))
    }

    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.0.compare(a, b).then_with(|| a.cmp(b))
    }

    /// A key whose byte order is [`Collator::compare`]'s order: the
    /// collation sort key, then the text itself for the tie-break. Worth
    /// making when each text is compared many times (sorting 30,000
    /// document titles compares each about fifteen times); the test below
    /// checks that both orders agree.
    pub fn key(&self, s: &str) -> Vec<u8> {
        let mut k = Vec::with_capacity(s.len() * 3 + 1);
        let Ok(()) = self.0.write_sort_key_to(s, &mut k);
        // 0x00 never occurs inside an ICU sort key (it separates levels as
        // 0x01), so it ends the collation part before the tie-break.
        k.push(0);
        k.extend_from_slice(s.as_bytes());
        k
    }
}

impl Default for Collator {
    fn default() -> Self {
        Self::new()
    }
}

/// Sorts in Vietnamese order by a key, comparing directly: for a few
/// hundred items making sort keys would cost more than it saves.
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    let c = Collator::new();
    items.sort_by(|a, b| c.compare(key(a), key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_order_as_compare_does() {
        // Letters, tones, case, spaces, digits, punctuation, prefixes of
        // one another and texts equal at the primary level only.
        let words = [
            "An",
            "ăn",
            "Âm",
            "an",
            "AN",
            "a",
            "",
            "A n",
            "An ",
            "Bình",
            "binh",
            "Bính",
            "bính",
            "Đoàn",
            "Doan",
            "đoàn",
            "Ổn",
            "ôn",
            "Ơn",
            "ơn",
            "Uống",
            "Ương",
            "uong",
            "Zô",
            "zo",
            "Số 12",
            "Số 2",
            "Số 12/QĐ-UBND",
            "Quyết định",
            "Quyết định số",
            "Quyết  định",
            "Kế hoạch (bổ sung)",
            "Kế hoạch - bổ sung",
            "KẾ HOẠCH",
            "Tờ trình",
            "Tờ  trình",
            "Thông báo",
            "Thông bao",
            "Thong báo",
            "e\u{301}",
            "é",
            "ê\u{301}",
            "ế",
            "Ứng dụng",
            "ứng",
            "Ưng",
            "x",
            "1",
            "10",
            "9",
            "-",
            "–",
            "«Trích»",
            "\"Trích\"",
        ];
        let c = Collator::new();
        for a in words {
            for b in words {
                assert_eq!(c.key(a).cmp(&c.key(b)), c.compare(a, b), "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn vietnamese_alphabet_order() {
        let mut v = vec![
            "Ương", "Ơn", "Ổn", "Đoàn", "Ăn", "Âm", "An", "Uống", "Dũng", "Em", "Ê", "Zô", "Bình",
        ];
        sort_by_key(&mut v, |s| s);
        assert_eq!(
            v,
            [
                "An", "Ăn", "Âm", "Bình", "Dũng", "Đoàn", "Em", "Ê", "Ổn", "Ơn", "Uống", "Ương",
                "Zô"
            ]
        );
    }

    #[test]
    fn unit_names_sort_as_a_reader_expects() {
        let mut v = vec![
            "Văn phòng Sở",
            "Thanh tra Sở",
            "Đội kiểm tra",
            "Phòng Quản lý khoa học và công nghệ",
            "Chi cục Tiêu chuẩn Đo lường Chất lượng",
            "Trung tâm Thông tin và Ứng dụng KH&CN",
            "Bộ phận Kiểm soát TTHC",
            "Tổ Công nghệ thông tin",
            "Dịch vụ",
        ];
        sort_by_key(&mut v, |s| s);
        assert_eq!(
            v,
            [
                "Bộ phận Kiểm soát TTHC",
                "Chi cục Tiêu chuẩn Đo lường Chất lượng",
                "Dịch vụ",
                "Đội kiểm tra",
                "Phòng Quản lý khoa học và công nghệ",
                "Thanh tra Sở",
                "Tổ Công nghệ thông tin",
                "Trung tâm Thông tin và Ứng dụng KH&CN",
                "Văn phòng Sở",
            ]
        );
    }
}
