//! Hồ sơ tài liệu kiểm chứng: the evidence files of a year arranged by
//! criterion, as the province's scoring software asks for them: one folder
//! per criterion, named by id and title (Vietnamese kept, safe on Windows),
//! holding copies of its evidence files, and an index workbook (criterion,
//! document number, date, title, file, link and the file's SHA-256, so that
//! the appraisal council can check that what it reads is what was sent).
//! Evidence given as a link is in the index only.

use super::folder_name;
use crate::base::fsutil;
use crate::base::i18n::Msg;
use crate::base::vi;
use crate::model::file::Evidence;
use crate::model::site::{Assessment, Site};
use crate::msg;
use crate::render::views::node_name;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::PathBuf;
use zip::write::SimpleFileOptions;

/// One file of the package: where it goes in the archive and where it is
/// read from.
pub struct Entry {
    pub folder: String,
    pub name: String,
    pub source: PathBuf,
    pub size: u64,
}

/// A row of the index: one evidence entry.
struct Row<'a> {
    criterion: String,
    evidence: &'a Evidence,
    /// `folder/name` in the archive, for a local file.
    file: Option<String>,
    entry: Option<usize>,
}

/// The files the package of year `a` holds, in order, and the index rows.
fn plan<'a>(a: &'a Assessment) -> (Vec<Entry>, Vec<Row<'a>>) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut rows = Vec::new();
    let mut add = |criterion: String, folder: &str, e: &'a Evidence| {
        let (file, entry) = match &e.source {
            Some(src) => {
                let name = src
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                // The same file cited twice is stored once; two files of one
                // name in one folder are told apart.
                let same = |x: &Entry| x.folder == folder && x.source == *src;
                let taken = |x: &Entry, n: &str| x.folder == folder && x.name == n;
                let mut name = name;
                let mut k = 1;
                while !entries.iter().any(same) && entries.iter().any(|x| taken(x, &name)) {
                    k += 1;
                    name = match name.rsplit_once('.') {
                        Some((stem, ext)) if k == 2 => format!("{stem} ({k}).{ext}"),
                        Some((stem, ext)) => {
                            let stem = stem.rsplit_once(" (").map_or(stem, |x| x.0);
                            format!("{stem} ({k}).{ext}")
                        }
                        None => format!("{name} ({k})"),
                    };
                }
                let at = entries.iter().position(same).unwrap_or_else(|| {
                    entries.push(Entry {
                        folder: folder.to_string(),
                        name: name.clone(),
                        size: std::fs::metadata(src).map_or(0, |m| m.len()),
                        source: src.clone(),
                    });
                    entries.len() - 1
                });
                (Some(format!("{folder}/{name}")), Some(at))
            }
            _ => (None, None),
        };
        rows.push(Row {
            criterion,
            evidence: e,
            file,
            entry,
        });
    };
    if let Some(d) = &a.front.decision {
        add(
            format!("Quyết định công bố kết quả năm {}", a.year),
            &folder_name("0 Quyết định công bố kết quả"),
            d,
        );
    }
    for n in super::in_tree_order(a) {
        let folder = folder_name(&node_name(n));
        for e in &n.front.evidence {
            add(node_name(n), &folder, e);
        }
    }
    (entries, rows)
}

/// The files of the package of year `a`, the largest first: what the
/// command names when the package is over its size.
pub fn largest(a: &Assessment) -> Vec<(String, u64)> {
    let (entries, _) = plan(a);
    let mut v: Vec<(String, u64)> = entries
        .into_iter()
        .map(|e| (format!("{}/{}", e.folder, e.name), e.size))
        .collect();
    v.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    v
}

/// Writes the package of year `a` to `w` as a zip archive, streamed (the
/// files are read as they are stored, never held whole). Every entry is
/// dated `stamp`, so the same content and day give the same bytes.
pub fn write(
    site: &Site,
    a: &Assessment,
    stamp: zip::DateTime,
    w: &mut dyn Write,
) -> Result<(), Msg> {
    let (entries, rows) = plan(a);
    let err = |e: zip::result::ZipError| msg!("output-package", detail = e.to_string());
    let io = |e: std::io::Error| msg!("output-package", detail = fsutil::io_arg(&e));
    let mut zip = zip::ZipWriter::new_stream(w);
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let mut hashes: Vec<String> = Vec::with_capacity(entries.len());
    for e in &entries {
        zip.start_file(format!("{}/{}", e.folder, e.name), options)
            .map_err(err)?;
        let cannot_read = |x: std::io::Error| {
            msg!(
                "output-package-read",
                path = e.source.display().to_string(),
                error = &x
            )
        };
        let mut f = std::fs::File::open(&e.source).map_err(cannot_read)?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = f.read(&mut buf).map_err(cannot_read)?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            zip.write_all(&buf[..n]).map_err(io)?;
        }
        hashes.push(format!("{:x}", hasher.finalize()));
    }
    let index = index(site, a, &rows, &hashes)?;
    zip.start_file(
        format!("Danh mục tài liệu kiểm chứng năm {}.xlsx", a.year),
        options,
    )
    .map_err(err)?;
    zip.write_all(&index).map_err(io)?;
    zip.finish().map_err(err)?;
    Ok(())
}

/// The index workbook: one row per evidence entry.
fn index(site: &Site, a: &Assessment, rows: &[Row], hashes: &[String]) -> Result<Vec<u8>, Msg> {
    let err = |e: rust_xlsxwriter::XlsxError| msg!("output-index", detail = e.to_string());
    let mut wb = Workbook::new();
    let d = site.today;
    let created = ExcelDateTime::from_ymd(
        u16::try_from(d.year()).map_err(|_| msg!("output-year-range", year = d.year()))?,
        d.month() as u8,
        d.day() as u8,
    )
    .map_err(err)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Danh mục tài liệu kiểm chứng năm {}", a.year))
            .set_creation_datetime(&created),
    );
    let ws = wb.add_worksheet();
    ws.set_name("Danh mục").map_err(err)?;
    let bold = Format::new().set_bold();
    let head = [
        ("Tiêu chí", 50.0),
        ("Số, ký hiệu", 16.0),
        ("Ngày", 11.0),
        ("Trích yếu", 50.0),
        ("Tệp trong hồ sơ", 50.0),
        ("Liên kết", 40.0),
        ("SHA-256", 66.0),
    ];
    for (c, (h, width)) in head.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, *h, &bold).map_err(err)?;
        ws.set_column_width(c, *width).map_err(err)?;
    }
    ws.set_freeze_panes(1, 0).map_err(err)?;
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        let e = r.evidence;
        let cells = [
            r.criterion.clone(),
            e.number.clone().unwrap_or_default(),
            e.date.map(vi::date_short).unwrap_or_default(),
            e.title.clone(),
            r.file.clone().unwrap_or_default(),
            e.url.clone().unwrap_or_default(),
            r.entry.map(|x| hashes[x].clone()).unwrap_or_default(),
        ];
        for (c, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(row, c as u16, text).map_err(err)?;
            }
        }
    }
    ws.autofilter(0, 0, rows.len() as u32, head.len() as u16 - 1)
        .map_err(err)?;
    wb.save_to_buffer().map_err(err)
}
