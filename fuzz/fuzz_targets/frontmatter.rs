//! Front matter: decode the bytes as load does, split the block from the
//! body, and deserialize it into every raw shape a file can have. Errors are
//! fine; a panic, a hang or unbounded memory is a finding.
#![no_main]

use kiemchung::frontmatter::{self, RawAssessment, RawNode, RawPage, RawSection};
use kiemchung::load::{self, SourceFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = load::decode("content/2022/1.md", data.to_vec()) else {
        return;
    };
    let file = SourceFile {
        rel: "content/2022/1.md".into(),
        text: text.into(),
    };
    let Ok(split) = frontmatter::split(&file) else {
        return;
    };
    assert!(split.body_line >= 3);
    let _ = frontmatter::parse::<RawNode>(&file, &split);
    let _ = frontmatter::parse::<RawAssessment>(&file, &split);
    let _ = frontmatter::parse::<RawSection>(&file, &split);
    let _ = frontmatter::parse::<RawPage>(&file, &split);
});
