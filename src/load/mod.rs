//! Stage 1, load: walk the site folder, read every input and decode it.
//!
//! This is the only stage that reads the disk (besides an existence check for
//! evidence files outside content/ and static/). Text is UTF-8 (a byte order
//! mark is dropped), CRLF becomes LF, and everything is normalised to NFC.

pub mod config;
pub mod theme;

use crate::base::diag::Diagnostic;
use crate::base::fsutil::{self, rel_string};
use config::Config;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use walkdir::WalkDir;

/// A text file of the site, decoded.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root, `/`-separated: `content/2022/1.md`.
    pub rel: String,
    pub text: Arc<str>,
}

/// A file copied as it is (static/, theme static/, evidence, section assets).
#[derive(Debug, Clone)]
pub struct Asset {
    pub rel: String,
    pub abs: PathBuf,
}

#[derive(Debug, Default)]
pub struct Inputs {
    pub root: PathBuf,
    pub config: Option<Config>,
    /// site.toml's text, to tell whether it changed between two builds.
    pub config_text: Option<Arc<str>>,
    /// `.md` files under content/, sorted by path.
    pub content: Vec<SourceFile>,
    /// Other files under content/ (evidence PDFs, images), sorted.
    pub content_assets: Vec<Asset>,
    /// Files under static/, sorted; `rel` is relative to static/.
    pub static_files: Vec<Asset>,
    /// `themes/<theme>/templates/**`, name relative to templates/.
    pub theme_templates: Vec<SourceFile>,
    /// `themes/<theme>/static/**`; `rel` relative to that static/.
    pub theme_static: Vec<Asset>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The largest text file kiemchung reads (Markdown, site.toml, templates):
/// 10 MiB. A criterion's file is a few kilobytes and the longest page of a
/// real site well under a megabyte, so a bigger file is a mistake (a PDF or
/// a database dump renamed `.md`); refusing it keeps memory and time
/// bounded. Files copied as they are (evidence PDFs, images) have no limit.
/// See docs/format.md, Decision: limits.
pub const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

/// Line and column (in characters, 1-based) of byte `at` of `bytes`, whose
/// part before `at` is valid UTF-8.
fn line_col(bytes: &[u8], at: usize) -> (u32, u32) {
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&bytes[line_start..at])
        .chars()
        .count() as u32
        + 1;
    (line, col)
}

const SAVE_AS_UTF8: &str = "open it and save it as UTF-8 (in Word: Save As → Plain Text → \
    Unicode (UTF-8); in Notepad: Save As → Encoding: UTF-8); or convert it with UniKey's \
    converter (Ctrl+Shift+F6: source {from}, destination Unicode)";

/// The legacy Vietnamese encoding a file not in UTF-8 most likely uses,
/// judged from byte patterns only one of them produces:
///
/// - VNI writes a tone as a byte of its own after the vowel (`caùc` for
///   các: 0xF9 ù, 0xF8 ø, 0xFB û, 0xEF ï), and â ê ô ă as a vowel plus a
///   mark (`a\xE2`, `e\xE2`, `o\xE2`, `a\xEA`…);
/// - Windows-1258 writes most tones as a combining byte after the vowel
///   (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2 dot below);
/// - TCVN3 (ABC) writes each accented letter as one byte, and only it uses
///   0xA1–0xBF for letters (ă â ê ô ơ ư đ, à ả ã á ạ…), where the others
///   have symbols.
///
/// `None` when the signs are too few or too mixed to tell.
pub fn guess_legacy_encoding(bytes: &[u8]) -> Option<&'static str> {
    const VOWELS: &[u8] = b"aeiouyAEIOUY";
    // Windows-1258 letters that take a combining tone: â ê ô ă ơ ư and capitals.
    const CP1258_VOWELS: &[u8] = &[
        0xE2, 0xEA, 0xF4, 0xE3, 0xF5, 0xFD, 0xC2, 0xCA, 0xD4, 0xC3, 0xD5, 0xDD,
    ];
    const CP1258_TONES: &[u8] = &[0xCC, 0xEC, 0xD2, 0xDE, 0xF2];
    const VNI_TONES: &[u8] = &[0xF9, 0xF8, 0xFB, 0xEF];
    // VNI marks after a or e: â/ê and ă with their tones.
    const VNI_AFTER_A_E: &[u8] = &[
        0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE8, 0xE9, 0xEA, 0xEB, 0xFA, 0xFC,
    ];
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let (mut vni, mut cp1258, mut tcvn3) = (0u32, 0u32, 0u32);
    for (i, &b) in sample.iter().enumerate() {
        if b < 0x80 {
            continue;
        }
        let prev = if i > 0 { sample[i - 1] } else { 0 };
        if (VOWELS.contains(&prev) && VNI_TONES.contains(&b))
            || (b"aAeE".contains(&prev) && VNI_AFTER_A_E.contains(&b))
            || (b"oO".contains(&prev) && b == 0xE2)
        {
            vni += 1;
        } else if (VOWELS.contains(&prev) || CP1258_VOWELS.contains(&prev))
            && CP1258_TONES.contains(&b)
        {
            cp1258 += 1;
        } else if (0xA1..=0xBF).contains(&b) {
            tcvn3 += 1;
        }
    }
    let mut votes = [
        (vni, "VNI"),
        (cp1258, "Windows-1258"),
        (tcvn3, "TCVN3 (ABC)"),
    ];
    votes.sort_by_key(|v| std::cmp::Reverse(v.0));
    let (best, name) = votes[0];
    (best >= 2 && best >= 2 * votes[1].0).then_some(name)
}

/// Decodes a file's bytes: UTF-8 only, BOM dropped, CRLF → LF, NFC.
/// Refuses UTF-16, legacy Vietnamese encodings (naming the likely one) and
/// NUL bytes, each with the line and column of the first offending byte.
pub fn decode(rel: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Diagnostic::error(
            rel,
            "this file is UTF-16 (it begins with a UTF-16 byte order mark); expected UTF-8",
        )
        .with_help(
            "open it and save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8; in Word: \
             Save As → Plain Text → Unicode (UTF-8))",
        ));
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    let text = match utf8_string(bytes) {
        Ok(t) => t,
        Err(bytes) => {
            // Where the first invalid byte is (simdutf8's fast check does
            // not say).
            let valid = std::str::from_utf8(&bytes)
                .err()
                .map_or(0, |e| e.valid_up_to());
            let bytes = &bytes[..];
            let (line, col) = line_col(bytes, valid);
            // From the byte before: in VNI that is the vowel its mark belongs to.
            let guess = guess_legacy_encoding(&bytes[valid.saturating_sub(1)..]);
            let what = match guess {
                Some(enc) => format!("; it looks like {enc}"),
                None => String::new(),
            };
            // The line is shown as far as it can be read: undecodable
            // bytes appear as U+FFFD, the caret under the first of them.
            let d = Diagnostic::error(
                rel,
                format!(
                    "this file is not UTF-8 (invalid byte 0x{:02X} at line {line}, column {col}){what}",
                    bytes[valid]
                ),
            )
            .at(&String::from_utf8_lossy(bytes), line, col)
            .with_help(match guess {
                Some(enc) => format!(
                    "{}; if the text still looks wrong, try the other legacy encodings \
                     (TCVN3 (ABC), VNI, Windows-1258) as the source",
                    SAVE_AS_UTF8.replace("{from}", enc)
                ),
                None => format!(
                    "it may be in TCVN3 (ABC), VNI or Windows-1258; {}",
                    SAVE_AS_UTF8.replace("{from}", "the file's encoding")
                ),
            });
            return Err(d);
        }
    };
    if let Some(at) = text.find('\0') {
        let (line, col) = line_col(text.as_bytes(), at);
        return Err(Diagnostic::error(
            rel,
            format!(
                "this file holds a NUL byte (0x00) at line {line}, column {col}; expected text"
            ),
        )
        .at(&text.replace('\0', "\u{2400}"), line, col)
        .with_help(
            "a text file never holds NUL bytes: this may be a binary file (a Word document, a \
             PDF) named .md, or a file saved as UTF-16; save it as plain text in UTF-8",
        ));
    }
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    if plainly_nfc(&text) {
        return Ok(text);
    }
    Ok(match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    })
}

/// `bytes` as a `String` if they are UTF-8 (as `String::from_utf8`, the
/// bytes given back if not). Checked with simdutf8: Vietnamese text is
/// mostly multi-byte characters, where the standard library's check was a
/// large share of reading the Markdown files and simdutf8's is several
/// times faster (BENCHMARKS.md).
pub(crate) fn utf8_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: simdutf8 has just checked that the bytes are UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Whether every character of `text` is one that NFC leaves as it is and
/// that nothing can combine with: below U+0300 (ASCII, Latin-1, Latin
/// Extended-A and -B, where Vietnamese's â ê ô ơ ư ă đ are), Latin Extended
/// Additional (U+1E00–U+1EFF: the precomposed Vietnamese letters with tone
/// marks) and the dashes, quotation marks and ellipsis of U+2010–U+2027.
/// True for nearly all Vietnamese text, and several times cheaper than the
/// full quick check, which a text with anything else still goes through.
///
/// Read byte by byte, without decoding characters (it runs over every
/// Markdown file): a byte below 0xCC is ASCII, a continuation byte or the
/// lead byte of a character below U+0300; `E1 B8`–`E1 BB` begin
/// U+1E00–U+1EFF, and `E2 80 90`–`E2 80 A7` are U+2010–U+2027.
fn plainly_nfc(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        i += match c {
            ..0xCC => 1,
            0xE1 if matches!(b.get(i + 1), Some(0xB8..=0xBB)) => 3,
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x90..=0xA7)) => 3,
            _ => return false,
        };
    }
    true
}

fn read_text(root: &Path, abs: &Path) -> Result<SourceFile, Diagnostic> {
    let rel = rel_string(root, abs);
    let bytes = read_limited(abs).map_err(|e| Diagnostic::error(&rel, e))?;
    Ok(SourceFile {
        rel: rel.clone(),
        text: decode(&rel, bytes)?.into(),
    })
}

/// Reads a text file of at most [`MAX_TEXT_BYTES`]; a bigger one is
/// refused without being read into memory.
fn read_limited(abs: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let too_big = |size: u64| {
        format!(
            "this file is {:.1} MB; kiemchung reads text files (Markdown, site.toml, \
             templates) of at most {} MB",
            size as f64 / 1_048_576.0,
            MAX_TEXT_BYTES / 1_048_576
        )
    };
    let file = std::fs::File::open(abs).map_err(|e| format!("cannot read: {e}"))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_TEXT_BYTES {
        return Err(too_big(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The size may change between the check and the read (a file being
    // written): read one byte more than allowed to notice.
    file.take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Where load may take a file's text from instead of reading it again:
/// `serve`'s cache of unchanged files ([`crate::incremental`]).
pub trait Reread: Sync {
    /// The text of each of `paths`: read with `read`, or, for a file that
    /// did not change since it was last read, as it was then.
    fn read_all(&self, paths: &[PathBuf], read: &ReadText<'_>)
    -> Vec<Result<Arc<str>, Diagnostic>>;
}

/// Reads and decodes one text file.
pub type ReadText<'a> = dyn Fn(&Path) -> Result<Arc<str>, Diagnostic> + Sync + 'a;

/// Reads the Markdown files, through `reread` when there is one.
fn read_all(
    root: &Path,
    paths: &[PathBuf],
    reread: Option<&dyn Reread>,
) -> Vec<Result<SourceFile, Diagnostic>> {
    let Some(reread) = reread else {
        return paths.par_iter().map(|p| read_text(root, p)).collect();
    };
    let read = |p: &Path| read_text(root, p).map(|f| f.text);
    reread
        .read_all(paths, &read)
        .into_iter()
        .zip(paths)
        .map(|(text, p)| {
            text.map(|text| SourceFile {
                rel: rel_string(root, p),
                text,
            })
        })
        .collect()
}

/// Every regular file under `dir`, sorted, skipping hidden and temp files.
fn walk(dir: &Path, diags: &mut Vec<Diagnostic>, root: &Path) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    // Links are followed inside the site folder only: a link to a file or
    // folder outside it (`static/x -> /etc/passwd`) would publish what the
    // site does not hold. The root itself may be reached through a link.
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || e.file_name()
                    .to_str()
                    .is_some_and(|n| !fsutil::is_temp_file(n))
        });
    while let Some(entry) = walker.next() {
        match entry {
            Ok(e) if e.path_is_symlink() && e.depth() > 0 => {
                let target = e.path().canonicalize();
                match target {
                    Ok(t) if t.starts_with(&real_root) => {
                        if e.file_type().is_file() {
                            files.push(e.into_path());
                        }
                    }
                    _ => {
                        let shown = std::fs::read_link(e.path())
                            .map(|t| t.display().to_string())
                            .unwrap_or_default();
                        diags.push(
                            Diagnostic::error(
                                rel_string(root, e.path()),
                                format!(
                                    "this is a link to {shown}, outside the site folder; links are followed only inside the site"
                                ),
                            )
                            .with_help("copy the file or folder into the site instead of linking to it"),
                        );
                        if e.file_type().is_dir() {
                            walker.skip_current_dir();
                        }
                    }
                }
            }
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(|p| rel_string(root, p)).unwrap_or_default();
                let msg = match e.loop_ancestor() {
                    Some(a) => format!(
                        "this link makes a loop: it leads back to {}, which contains it",
                        rel_string(root, a)
                    ),
                    None => format!("cannot read: {e}"),
                };
                diags.push(Diagnostic::error(path, msg));
            }
        }
    }
    files
}

fn assets(paths: Vec<PathBuf>, base: &Path) -> Vec<Asset> {
    paths
        .into_iter()
        .map(|abs| Asset {
            rel: rel_string(base, &abs),
            abs,
        })
        .collect()
}

/// Reads everything a build needs. Problems become diagnostics; the caller
/// decides whether to go on.
pub fn load(root: &Path) -> Inputs {
    load_with(root, None)
}

/// [`load`], taking unchanged texts from `reread`.
pub fn load_with(root: &Path, reread: Option<&dyn Reread>) -> Inputs {
    let mut inputs = Inputs {
        root: root.to_path_buf(),
        ..Inputs::default()
    };
    let diags = &mut inputs.diagnostics;
    let toml_path = root.join(config::FILE);
    if !toml_path.is_file() {
        diags.push(
            Diagnostic::error(
                config::FILE,
                format!("no {} in {}", config::FILE, root.display()),
            )
            .with_help("run kiemchung in the site folder, or give it with --root DIR"),
        );
        return inputs;
    }
    match read_text(root, &toml_path) {
        Ok(file) => {
            match config::parse(&file.text) {
                Ok(c) => inputs.config = Some(c),
                Err(mut e) => diags.append(&mut e),
            }
            inputs.config_text = Some(file.text);
        }
        Err(d) => diags.push(d),
    }

    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        diags.push(Diagnostic::error(
            "content",
            format!("no content/ folder in {}", root.display()),
        ));
    }
    let (md, other): (Vec<PathBuf>, Vec<PathBuf>) = walk(&content_dir, diags, root)
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "md"));
    let results: Vec<Result<SourceFile, Diagnostic>> = read_all(root, &md, reread);
    for r in results {
        match r {
            Ok(f) => inputs.content.push(f),
            Err(d) => diags.push(d),
        }
    }
    inputs.content_assets = assets(other, root);
    let static_dir = root.join("static");
    inputs.static_files = assets(walk(&static_dir, diags, root), &static_dir);

    if let Some(theme) = inputs.config.as_ref().map(|c| c.theme.clone()) {
        let theme_dir = root.join("themes").join(&theme);
        if !theme_dir.is_dir() && theme != "default" {
            diags.push(
                Diagnostic::error(
                    config::FILE,
                    format!("theme `{theme}`: there is no folder themes/{theme}/"),
                )
                .with_help("remove `theme` to use the built-in default theme"),
            );
        }
        let tpl_dir = theme_dir.join("templates");
        for p in walk(&tpl_dir, diags, root) {
            match read_text(root, &p) {
                Ok(mut f) => {
                    // Templates are named relative to templates/ (`node.html`),
                    // but diagnostics keep the full path in `rel` via the name map.
                    f.rel = rel_string(&tpl_dir, &p);
                    inputs.theme_templates.push(f);
                }
                Err(d) => diags.push(d),
            }
        }
        let st = theme_dir.join("static");
        inputs.theme_static = assets(walk(&st, diags, root), &st);
    }
    inputs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut holds only characters that are NFC on their own and
    /// starters (canonical combining class 0), so a text of them is NFC.
    #[test]
    fn plainly_nfc_characters_are_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        let ranges = [
            '\0'..='\u{2FF}',
            '\u{1E00}'..='\u{1EFF}',
            '\u{2010}'..='\u{2027}',
        ];
        for c in ranges.into_iter().flatten() {
            assert!(plainly_nfc(&c.to_string()), "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        // Read by bytes, it says what the same rule says by characters,
        // for every character.
        let by_chars = |c: char| {
            c < '\u{300}'
                || ('\u{1E00}'..='\u{1EFF}').contains(&c)
                || ('\u{2010}'..='\u{2027}').contains(&c)
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(plainly_nfc(&format!("a{c}b")), by_chars(c), "{c:?}");
        }
        // Just outside: combining marks, U+2000 (NFC: U+2002).
        for c in ['\u{300}', '\u{303}', '\u{323}', '\u{2000}', '\u{2028}'] {
            assert!(!plainly_nfc(&c.to_string()), "{c:?}");
        }
        assert!(plainly_nfc("Thông báo kết quả “Chỉ số CCHC” – năm 2023…"));
        assert!(!plainly_nfc(&"Thông".replace('ô', "o\u{302}")));
    }

    #[test]
    fn decode_drops_bom_crlf_and_normalises() {
        let nfd = "Thông báo\r\n".replace('ô', "o\u{302}");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(nfd.as_bytes());
        assert_eq!(decode("a.md", bytes).unwrap(), "Thông báo\n");
    }

    #[test]
    fn guesses_the_legacy_encoding() {
        // "Thông báo kết quả" in each.
        let cp1258 = b"Th\xF4ng ba\xECo k\xEA\xECt qua\xD2";
        // As Windows writes it: precomposed where the code page has the
        // letter (á 0xE1, à 0xE0), combining tones elsewhere.
        let cp1258_mixed = b"Th\xF4ng b\xE1o k\xEA\xECt qua\xD2 r\xE0 so\xE1t";
        assert_eq!(guess_legacy_encoding(cp1258_mixed), Some("Windows-1258"));
        let vni = b"Tho\xE2ng ba\xF9o ke\xE1t qua\xFB";
        let tcvn3 = b"Th\xABng b\xB8o k\xD5t qu\xB6";
        assert_eq!(guess_legacy_encoding(cp1258), Some("Windows-1258"));
        assert_eq!(guess_legacy_encoding(vni), Some("VNI"));
        assert_eq!(guess_legacy_encoding(tcvn3), Some("TCVN3 (ABC)"));
        // One odd byte says nothing.
        assert_eq!(guess_legacy_encoding(b"caf\xE9"), None);
        assert_eq!(guess_legacy_encoding(b""), None);
    }

    #[test]
    fn decode_refuses_utf16_and_nul_bytes() {
        let d = decode("a.md", b"\xFF\xFE-\x00-\x00".to_vec()).unwrap_err();
        assert!(d.message.contains("UTF-16"), "{}", d.message);
        let d = decode("a.md", b"---\nab\x00c\n".to_vec()).unwrap_err();
        assert_eq!((d.line, d.column), (Some(2), Some(3)));
        assert!(d.message.contains("NUL"), "{}", d.message);
    }

    #[test]
    fn decode_refuses_legacy_encodings_with_a_hint() {
        // "Thông" in Windows-1258 / TCVN3-like single bytes
        let bytes = b"---\ntitle: Th\xF4ng\n".to_vec();
        let d = decode("content/x.md", bytes).unwrap_err();
        assert_eq!(d.line, Some(2));
        assert_eq!(d.column, Some(10));
        assert_eq!(d.source_line.as_deref(), Some("title: Th\u{FFFD}ng"));
        assert!(d.message.contains("not UTF-8"));
        assert!(d.help.unwrap().contains("TCVN3"));
    }
}
