//! Vietnamese document numbers (số, ký hiệu): `55/TB-SKHCN`,
//! `3859/QĐ-UBND`, `30/2020/NĐ-CP`, `1629/SNV-CCHC&PC`.
//!
//! The forms, from the rules that govern them:
//!
//! - **Administrative documents with a type** (Nghị định 30/2020/NĐ-CP on
//!   công tác văn thư, Điều 8 and Phụ lục III): `number/TYPE-ISSUER`, e.g.
//!   `55/TB-SKHCN` (Thông báo of Sở KH&CN), `05/KH-SKHCN`.
//! - **Công văn**, which has no type code: `number/ISSUER-UNIT`, where UNIT is
//!   the drafting unit or field, e.g. `1629/SNV-CCHC&PC`, `3805/UBND-SNV`.
//!   Reported with kind `CV`.
//! - **Legal normative documents** (Luật Ban hành văn bản quy phạm pháp luật
//!   80/2015/QH13, Điều 8): `number/year/TYPE-ISSUER`, e.g. `30/2020/NĐ-CP`,
//!   `05/2019/NQ-HĐND`, `12/2015/TTLT-BTC-BKHCN`, `06/2023/L-CTN`; laws and
//!   resolutions of the National Assembly carry no type code at all:
//!   `80/2015/QH13`, and ordinances `02/2022/UBTVQH15`.
//!
//! Type codes (see [`KINDS`]) are the 27 administrative types and 3 copy
//! types of Phụ lục III of Nghị định 30/2020/NĐ-CP, the four codes it
//! replaced from Thông tư 01/2011/TT-BNV (GN, TTh, UQ, NP: older documents
//! still carry them), and the type codes that legal normative documents use
//! (NĐ, TT, TTLT, NQLT, L).
//!
//! Decisions:
//!
//! - Spaces around `/` and `-` are dropped (`55 /TB-SKHCN`, as the notice
//!   prints it); a leading `Số:` is accepted; typographic dashes (– — ‑ −)
//!   count as `-`; the look-alike `Ð` (U+00D0, Icelandic eth, which some
//!   converted fonts produce) is read as `Đ` (U+0110). Anything else that is
//!   not a letter, digit or `&`/`.` inside a code is refused.
//! - Type codes are matched without regard to case and written in their
//!   official case (`qyđ` → `QyĐ`, `Ctr` → `CTr`). Issuer and unit codes are
//!   kept as written, except that a code written wholly in lower case is put
//!   in upper case (`skhcn` → `SKHCN`; `ttg` → `TTg`, the one mixed-case issuer
//!   code in common use).
//! - `D` is **not** read as `Đ`: `3859/QD-UBND` is kept as `QD` and is a
//!   different number from `3859/QĐ-UBND`. Because `QD`, `ND`, `CD` and `QyD`
//!   are not type codes but look like ones typed without `Đ`, they are read as
//!   that type (kind `QD`, kind name "Quyết định") and [`DocNumber::warning`]
//!   says so, for the caller to show. `DA` (Dự án) and `HD` (Hướng dẫn) are
//!   real codes, so no such guess is made for them.
//! - A first code that is a type code makes the document of that type, even
//!   when an issuer could have that abbreviation: `1234/CT-TTHT` is read as a
//!   Chỉ thị, although Cục Thuế writes its công văn so. The form alone cannot
//!   tell them apart.
//! - The number keeps its leading zeros as written (`05/KH-SKHCN`, as Nghị
//!   định 30 asks for numbers below 10); [`key`] drops them, so `5/KH-SKHCN`
//!   and `05/KH-SKHCN` are one document.

use crate::base::i18n::Msg;
use crate::msg;
use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization;

/// One parsed document number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocNumber {
    /// The number as written, digits only: `55`, `05`.
    pub number: String,
    /// The year written in the number (legal normative documents).
    pub year: Option<i32>,
    /// The type code in its official case (`TB`, `QĐ`, `QyĐ`), `CV` for a
    /// công văn, the code as written for a likely typo (`QD`), or "" for a
    /// law, resolution or ordinance numbered without a type code
    /// (`80/2015/QH13`).
    pub kind: String,
    /// The type's name: "Thông báo", "Công văn", …
    pub kind_name: &'static str,
    /// The issuing body's code: `SKHCN`, `UBND`, `CP`, `QH13`; for joint
    /// documents (TTLT, NQLT) all issuers joined by `-` (`BTC-BKHCN`).
    pub issuer: String,
    /// The drafting unit or field of a công văn (`CCHC&PC` in
    /// `1629/SNV-CCHC&PC`), or further codes after the issuer of a typed
    /// document.
    pub unit: Option<String>,
    /// The number written canonically: `55/TB-SKHCN`, `30/2020/NĐ-CP`.
    pub normalized: String,
    /// Something to tell the author although the number was read: a `D`
    /// that is probably `Đ` (a warning of the catalog, W503).
    pub warning: Option<Msg>,
}

/// Where a document type's code is used.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục III).
    Administrative,
    /// Copies of documents (same appendix).
    Copy,
    /// Codes of Thông tư 01/2011/TT-BNV replaced in 2020.
    Former,
    /// Legal normative documents (numbered with the year).
    Legal,
}

/// `(code, name, scope)`. Codes are unique without regard to case.
/// QĐ, NQ and CT serve both as administrative and (with a year) as legal
/// normative types.
pub const KINDS: &[(&str, &str, Scope)] = &[
    ("NQ", "Nghị quyết", Scope::Administrative),
    ("QĐ", "Quyết định", Scope::Administrative),
    ("CT", "Chỉ thị", Scope::Administrative),
    ("QC", "Quy chế", Scope::Administrative),
    ("QyĐ", "Quy định", Scope::Administrative),
    ("TC", "Thông cáo", Scope::Administrative),
    ("TB", "Thông báo", Scope::Administrative),
    ("HD", "Hướng dẫn", Scope::Administrative),
    ("CTr", "Chương trình", Scope::Administrative),
    ("KH", "Kế hoạch", Scope::Administrative),
    ("PA", "Phương án", Scope::Administrative),
    ("ĐA", "Đề án", Scope::Administrative),
    ("DA", "Dự án", Scope::Administrative),
    ("BC", "Báo cáo", Scope::Administrative),
    ("BB", "Biên bản", Scope::Administrative),
    ("TTr", "Tờ trình", Scope::Administrative),
    ("HĐ", "Hợp đồng", Scope::Administrative),
    ("CĐ", "Công điện", Scope::Administrative),
    ("BGN", "Bản ghi nhớ", Scope::Administrative),
    ("BTT", "Bản thỏa thuận", Scope::Administrative),
    ("GUQ", "Giấy ủy quyền", Scope::Administrative),
    ("GM", "Giấy mời", Scope::Administrative),
    ("GGT", "Giấy giới thiệu", Scope::Administrative),
    ("GNP", "Giấy nghỉ phép", Scope::Administrative),
    ("PG", "Phiếu gửi", Scope::Administrative),
    ("PC", "Phiếu chuyển", Scope::Administrative),
    ("PB", "Phiếu báo", Scope::Administrative),
    ("SY", "Bản sao y", Scope::Copy),
    ("TrS", "Bản trích sao", Scope::Copy),
    ("SL", "Bản sao lục", Scope::Copy),
    ("GN", "Bản ghi nhớ", Scope::Former),
    ("TTh", "Bản thỏa thuận", Scope::Former),
    ("UQ", "Giấy ủy quyền", Scope::Former),
    ("NP", "Giấy nghỉ phép", Scope::Former),
    ("NĐ", "Nghị định", Scope::Legal),
    ("TT", "Thông tư", Scope::Legal),
    ("TTLT", "Thông tư liên tịch", Scope::Legal),
    ("NQLT", "Nghị quyết liên tịch", Scope::Legal),
    ("L", "Lệnh", Scope::Legal),
];

/// Codes that look like a type code typed with `D` for `Đ`:
/// (as written in upper case, the intended code).
const D_FOR_DJ: &[(&str, &str)] = &[("QD", "QĐ"), ("ND", "NĐ"), ("CD", "CĐ"), ("QYD", "QyĐ")];

/// The kind for a code, matched without regard to case.
pub fn kind_of(code: &str) -> Option<(&'static str, &'static str, Scope)> {
    let up = code.to_uppercase();
    KINDS
        .iter()
        .find(|(c, _, _)| c.to_uppercase() == up)
        .copied()
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Parses a document number. The error says what was expected and what was
/// found: a phrase of the catalog (`locales/*/evidence.ftl`), for a
/// diagnostic that names the file and line.
pub fn parse(text: &str) -> Result<DocNumber, Msg> {
    let nfc: String = text
        .nfc()
        .map(|c| match c {
            '\u{00D0}' => 'Đ',
            '\u{00F0}' => 'đ',
            c if is_dash(c) => '-',
            c => c,
        })
        .collect();
    let mut s = nfc.trim();
    if s.is_empty() {
        return Err(msg!("docnum-nothing"));
    }
    // `Số: 55/TB-SKHCN`, `số 55/TB-SKHCN`
    for prefix in ["Số", "số", "SỐ"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start().trim_start_matches(':').trim_start();
            break;
        }
    }
    let found = nfc.trim();
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    if parts.len() < 2 {
        return Err(
            if !parts[0].is_empty() && parts[0].chars().all(|c| c.is_ascii_digit()) {
                msg!("docnum-no-code", found = found)
            } else {
                msg!("docnum-expected", found = found)
            },
        );
    }
    if parts.len() > 3 {
        return Err(msg!(
            "docnum-slashes",
            found = found,
            count = parts.len() - 1
        ));
    }
    let number = parts[0];
    if number.is_empty() {
        return Err(msg!("docnum-no-number", found = found));
    }
    if !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(msg!("docnum-not-digits", found = found, number = number));
    }
    if number.len() > 7 {
        return Err(msg!("docnum-too-long", found = found, number = number));
    }
    if number.bytes().all(|b| b == b'0') {
        return Err(msg!("docnum-zero", found = found));
    }
    let (year, symbol) = if parts.len() == 3 {
        let y = parts[1];
        if y.is_empty() {
            return Err(msg!("docnum-empty-year", found = found));
        }
        if y.len() != 4 || !y.chars().all(|c| c.is_ascii_digit()) {
            return Err(msg!("docnum-bad-year", found = found, year = y));
        }
        let year: i32 = y.parse().unwrap_or(0);
        if !(1945..=2100).contains(&year) {
            return Err(msg!("docnum-implausible-year", found = found, year = year));
        }
        (Some(year), parts[2])
    } else {
        (None, parts[1])
    };
    if symbol.is_empty() {
        return Err(msg!("docnum-ends-after-slash", found = found));
    }
    let segments: Vec<&str> = symbol.split('-').map(str::trim).collect();
    for seg in &segments {
        if seg.is_empty() {
            return Err(msg!("docnum-empty-code", found = found));
        }
        if let Some(bad) = seg
            .chars()
            .find(|c| !(c.is_alphanumeric() || *c == '&' || *c == '.'))
        {
            return Err(if bad.is_whitespace() {
                msg!("docnum-code-space", found = found, code = *seg)
            } else {
                msg!(
                    "docnum-code-char",
                    found = found,
                    code = *seg,
                    char = bad.to_string()
                )
            });
        }
        if seg.starts_with(['&', '.']) || seg.ends_with(['&', '.']) {
            return Err(msg!("docnum-code-edge", found = found, code = *seg));
        }
        if !seg.chars().any(char::is_alphabetic) {
            return Err(msg!("docnum-code-digits", found = found, code = *seg));
        }
    }
    let first = segments[0];
    let mut warning = None;
    let typed = kind_of(first)
        .map(|(code, name, _)| (code.to_string(), name))
        .or_else(|| {
            let up = first.to_uppercase();
            D_FOR_DJ
                .iter()
                .find(|(d, _)| *d == up)
                .map(|(_, intended)| {
                    let (code, name, _) = kind_of(intended).expect("intended codes are in KINDS");
                    warning = Some(msg!(
                        "W503-d-for-dj",
                        written = first,
                        number = found,
                        code = code,
                        name = name
                    ));
                    (up.clone(), name)
                })
        });
    let (kind, kind_name, issuer, unit) = match typed {
        Some((kind, name)) => {
            if segments.len() < 2 {
                return Err(msg!(
                    "docnum-no-issuer",
                    found = found,
                    kind = &kind,
                    name = name
                ));
            }
            let rest: Vec<String> = segments[1..].iter().map(|s| case_code(s)).collect();
            if kind.ends_with("LT") {
                // Joint documents list every issuer.
                (kind, name, rest.join("-"), None)
            } else {
                let unit = (rest.len() > 1).then(|| rest[1..].join("-"));
                (kind, name, rest[0].clone(), unit)
            }
        }
        None if year.is_some() => {
            let issuer = case_code(first);
            let up = issuer.to_uppercase();
            let name = if up.starts_with("UBTVQH") {
                "Pháp lệnh hoặc nghị quyết của Ủy ban Thường vụ Quốc hội"
            } else if up.starts_with("QH") {
                "Luật hoặc nghị quyết của Quốc hội"
            } else {
                "Văn bản quy phạm pháp luật"
            };
            let rest: Vec<String> = segments[1..].iter().map(|s| case_code(s)).collect();
            (
                String::new(),
                name,
                issuer,
                (!rest.is_empty()).then(|| rest.join("-")),
            )
        }
        None => {
            let rest: Vec<String> = segments[1..].iter().map(|s| case_code(s)).collect();
            (
                "CV".to_string(),
                "Công văn",
                case_code(first),
                (!rest.is_empty()).then(|| rest.join("-")),
            )
        }
    };
    if let Some(w) = issuer_warning(&issuer, found) {
        warning.get_or_insert(w);
    }
    let mut normalized = number.to_string();
    if let Some(y) = year {
        normalized.push_str(&format!("/{y}"));
    }
    normalized.push('/');
    let mut codes: Vec<&str> = Vec::new();
    if kind != "CV" && !kind.is_empty() {
        codes.push(&kind);
    }
    codes.push(&issuer);
    if let Some(u) = &unit {
        codes.push(u);
    }
    normalized.push_str(&codes.join("-"));
    Ok(DocNumber {
        number: number.to_string(),
        year,
        kind,
        kind_name,
        issuer,
        unit,
        normalized,
        warning,
    })
}

/// Issuer codes typed with D for Đ that are common enough to point out.
fn issuer_warning(issuer: &str, found: &str) -> Option<Msg> {
    const D_ISSUERS: &[(&str, &str)] = &[("HDND", "HĐND")];
    let up = issuer.to_uppercase();
    D_ISSUERS
        .iter()
        .find(|(d, _)| *d == up)
        .map(|(_, intended)| {
            msg!(
                "W503-issuer-d-for-dj",
                written = issuer,
                number = found,
                code = *intended
            )
        })
}

/// A code written wholly in lower case is put in upper case; any other is
/// kept as written (`TTg` stays `TTg`).
fn case_code(code: &str) -> String {
    if code.chars().any(char::is_uppercase) {
        code.to_string()
    } else if code == "ttg" {
        "TTg".to_string()
    } else {
        code.to_uppercase()
    }
}

/// The identity of a document: its number in a canonical form (leading
/// zeros dropped, upper case: `5/KH-SKHCN`), its issuer code in upper case,
/// and its year — written in the number, else taken from the date. A number
/// is unique only together with its issuer and year.
///
/// The issuer is the code in the number, so `3859/QĐ-UBND` of two provinces
/// would share a key; callers that know the issuing body's full name (the
/// evidence's `issuer:`) may add it.
pub fn key(d: &DocNumber, date: Option<Date>) -> (String, String, Option<i32>) {
    let digits = d.number.trim_start_matches('0');
    let rest = d
        .normalized
        .split_once('/')
        .map(|(_, r)| r)
        .unwrap_or_default();
    let ident = format!("{digits}/{}", rest.to_uppercase());
    (
        ident,
        d.issuer.to_uppercase(),
        d.year.or(date.map(|x| i32::from(x.year()))),
    )
}

#[cfg(test)]
mod tests;
