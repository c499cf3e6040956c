//! Node ids and document numbers (số, ký hiệu): parse whatever the bytes
//! say; an accepted id prints back to itself and orders consistently.
#![no_main]

use kiemchung::{docnum, id::NodeId, vi};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(id) = NodeId::parse(text) {
        let again = NodeId::parse(&id.to_string()).expect("an id prints back to itself");
        assert_eq!(again, id);
        assert_eq!(id.cmp(&again), std::cmp::Ordering::Equal);
        let slug = id.slug();
        assert!(slug.is_ascii(), "{slug}");
        if let Some(parent) = id.parent() {
            assert!(parent < id);
        }
    }
    if let Ok(d) = docnum::parse(text) {
        let _ = docnum::key(&d, None);
    }
    let slug = vi::slugify(text);
    assert!(slug.is_ascii(), "{slug}");
    assert_eq!(vi::slugify(&slug), slug, "slugify is idempotent");
    let _ = vi::parse_date(text);
});
