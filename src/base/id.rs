//! Node ids: dotted numbers (`1`, `1.2`, `1.2.10`) in natural order.

use crate::base::i18n::{Arg, Msg};
use crate::msg;
use std::fmt;

/// Why a text is not an id: a phrase of the catalog
/// (`locales/*/structure.ftl`), put into the caller's sentence. It also
/// shows itself in English, for callers that still write their own text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdError(pub Msg);

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.en())
    }
}

impl From<IdError> for Msg {
    fn from(e: IdError) -> Msg {
        e.0
    }
}

impl From<IdError> for Arg {
    fn from(e: IdError) -> Arg {
        Arg::from(e.0)
    }
}

/// A node id such as `1.2.3`. Ordered component by component, so `1.2 < 1.10`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(Vec<u32>);

impl NodeId {
    /// Parses `1`, `1.2`, `10.3.4`. Each part is a number without a leading
    /// zero (`1.02` would look like `1.2` in one table and `1.20` in another).
    pub fn parse(text: &str) -> Result<NodeId, IdError> {
        let s = text.trim();
        if s.is_empty() {
            return Err(IdError(msg!("id-nothing")));
        }
        let mut parts = Vec::new();
        for part in s.split('.') {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(IdError(msg!("id-expected", found = s)));
            }
            if part.len() > 1 && part.starts_with('0') {
                return Err(IdError(msg!("id-leading-zero", found = s)));
            }
            let n: u32 = part
                .parse()
                .map_err(|_| IdError(msg!("id-too-large", found = s, part = part)))?;
            parts.push(n);
        }
        Ok(NodeId(parts))
    }

    pub fn parts(&self) -> &[u32] {
        &self.0
    }

    /// 1 for an area, 2 for a criterion, 3 for a sub-criterion.
    pub fn depth(&self) -> usize {
        self.0.len()
    }

    pub fn parent(&self) -> Option<NodeId> {
        (self.0.len() > 1).then(|| NodeId(self.0[..self.0.len() - 1].to_vec()))
    }

    /// The URL segment: dots become hyphens (`1.2` → `1-2`).
    pub fn slug(&self) -> String {
        self.join('-')
    }

    fn join(&self, sep: char) -> String {
        let mut out = String::new();
        for (i, n) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(sep);
            }
            out.push_str(&n.to_string());
        }
        out
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.join('.'))
    }
}

/// The Roman numeral used for area labels (`i` … `ix`), lowercase as in the notice.
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, s) in TABLE {
        while n >= value {
            out.push_str(s);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> NodeId {
        NodeId::parse(s).unwrap()
    }

    #[test]
    fn natural_order() {
        assert!(id("1.2") < id("1.10"));
        assert!(id("1") < id("1.1"));
        assert!(id("1.9.9") < id("2"));
        assert!(id("2") < id("10"));
        let mut v = [
            id("1.10"),
            id("1.2"),
            id("10"),
            id("1"),
            id("2.1"),
            id("1.2.1"),
        ];
        v.sort();
        let shown: Vec<String> = v.iter().map(|i| i.to_string()).collect();
        assert_eq!(shown, ["1", "1.2", "1.2.1", "1.10", "2.1", "10"]);
    }

    #[test]
    fn parents_depths_and_slugs() {
        assert_eq!(id("1.2.3").parent(), Some(id("1.2")));
        assert_eq!(id("1").parent(), None);
        assert_eq!(id("1.2.3").depth(), 3);
        assert_eq!(id("1.2").slug(), "1-2");
        assert_eq!(id(" 7 ").to_string(), "7");
    }

    #[test]
    fn refuses_malformed_ids() {
        for bad in [
            "",
            "1.",
            ".1",
            "1..2",
            "a",
            "1.a",
            "1.02",
            "1-2",
            "99999999999",
        ] {
            assert!(NodeId::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn roman_labels() {
        let v: Vec<String> = (1..=10).map(roman).collect();
        assert_eq!(
            v,
            ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
        );
    }

    proptest::proptest! {
        /// Natural order is the order of the numeric segments, compared
        /// as numbers one by one (a prefix first): consistent with the
        /// parts, total, and unlike the order of the texts.
        #[test]
        fn natural_order_follows_the_numbers(
            a in proptest::collection::vec(0u32..1200, 1..5),
            b in proptest::collection::vec(0u32..1200, 1..5),
            c in proptest::collection::vec(0u32..1200, 1..5),
        ) {
            let text = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(".");
            let (x, y, z) = (id(&text(&a)), id(&text(&b)), id(&text(&c)));
            proptest::prop_assert_eq!(x.cmp(&y), a.cmp(&b));
            proptest::prop_assert_eq!(x.cmp(&y), y.cmp(&x).reverse());
            proptest::prop_assert_eq!(x == y, text(&a) == text(&b));
            if x <= y && y <= z {
                proptest::prop_assert!(x <= z);
            }
            // It prints back to itself, and its slug is ASCII and unique.
            proptest::prop_assert_eq!(x.to_string(), text(&a));
            proptest::prop_assert!(x.slug().is_ascii());
            proptest::prop_assert_eq!(x.slug() == y.slug(), x == y);
            // A parent sorts before its children.
            if let Some(p) = x.parent() {
                proptest::prop_assert!(p < x);
            }
        }

        #[test]
        fn parsing_never_panics(s in "[0-9. ]{0,12}|.{0,12}") {
            let _ = NodeId::parse(&s);
        }
    }
}
