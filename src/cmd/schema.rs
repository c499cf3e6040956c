//! `kiemchung schema`: writes the JSON Schemas of the front matter of each
//! kind of content file and of site.toml ([`crate::schema`]) into
//! `schemas/` of the site, or another folder.

use super::{Context, fail, say};
use crate::base::fsutil;
use crate::msg;
use crate::schema::{self, Kind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(cx: &Context, root: &Path, output: Option<PathBuf>) -> ExitCode {
    let dir = output.unwrap_or_else(|| root.join(schema::DIR));
    if let Err(e) = fsutil::create_dir_all(&dir) {
        return fail(cx, &e.into());
    }
    for kind in Kind::ALL {
        let path = dir.join(kind.file_name());
        let text = schema::text(kind);
        if std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
            say(cx, msg!("unchanged", path = &path));
            continue;
        }
        if let Err(e) = fsutil::write_whole(&path, text.as_bytes()) {
            return fail(cx, &e.into());
        }
        say(cx, msg!("wrote", path = &path));
    }
    ExitCode::SUCCESS
}
