//! Decoding a text file: UTF-8 only, a byte order mark dropped, CRLF made
//! LF, NFC. UTF-16, NUL bytes and the legacy Vietnamese encodings (TCVN3,
//! VNI, Windows-1258) are refused, each at the line and column of the first
//! byte that shows it.

use crate::base::diag::Diagnostic;
use crate::msg;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

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
        return Err(Diagnostic::error(rel, msg!("E001-utf16")).with_help(msg!("E001-utf16-help")));
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
            // A byte is named as programs show it, `0xFF`.
            let byte = format!("0x{:02X}", bytes[valid]);
            let (message, help) = match guess {
                Some(enc) => (
                    msg!(
                        "E001-not-utf8-looks-like",
                        byte = &byte,
                        line = line,
                        column = col,
                        encoding = enc
                    ),
                    msg!("E001-convert-help", encoding = enc),
                ),
                None => (
                    msg!("E001-not-utf8", byte = &byte, line = line, column = col),
                    msg!("E001-convert-unknown-help"),
                ),
            };
            // The line is shown as far as it can be read: undecodable
            // bytes appear as U+FFFD, the caret under the first of them.
            let d = Diagnostic::error(rel, message)
                .at(&String::from_utf8_lossy(bytes), line, col)
                .with_help(help);
            return Err(d);
        }
    };
    if let Some(at) = text.find('\0') {
        let (line, col) = line_col(text.as_bytes(), at);
        return Err(
            Diagnostic::error(rel, msg!("E002-nul", line = line, column = col))
                .at(&text.replace('\0', "\u{2400}"), line, col)
                .with_help(msg!("E002-nul-help")),
        );
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
        assert!(d.message.en().contains("UTF-16"), "{}", d.message.en());
        let d = decode("a.md", b"---\nab\x00c\n".to_vec()).unwrap_err();
        assert_eq!((d.line, d.column), (Some(2), Some(3)));
        assert!(d.message.en().contains("NUL"), "{}", d.message.en());
    }

    #[test]
    fn decode_refuses_legacy_encodings_with_a_hint() {
        // "Thông" in Windows-1258 / TCVN3-like single bytes
        let bytes = b"---\ntitle: Th\xF4ng\n".to_vec();
        let d = decode("content/x.md", bytes).unwrap_err();
        assert_eq!(d.line, Some(2));
        assert_eq!(d.column, Some(10));
        assert_eq!(d.source_line.as_deref(), Some("title: Th\u{FFFD}ng"));
        assert!(d.message.en().contains("not UTF-8"));
        assert!(d.help.unwrap().en().contains("TCVN3"));
    }
}
