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
}

impl Default for Collator {
    fn default() -> Self {
        Self::new()
    }
}

/// Sorts in Vietnamese order by a key.
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    let c = Collator::new();
    items.sort_by(|a, b| c.compare(key(a), key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

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
