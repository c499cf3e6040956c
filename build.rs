//! Embeds the default theme (themes/default/templates and static) in the
//! binary, so the binary alone builds any site.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let theme = manifest.join("themes").join("default");
    println!("cargo:rerun-if-changed=themes/default");
    let mut code = String::new();
    for (kind, sub) in [("TEMPLATES", "templates"), ("STATIC", "static")] {
        let base = theme.join(sub);
        let mut list = Vec::new();
        files(&base, &mut list);
        writeln!(code, "pub static {kind}: &[(&str, &[u8])] = &[").unwrap();
        for p in list {
            println!("cargo:rerun-if-changed={}", p.display());
            let rel: Vec<String> = p
                .strip_prefix(&base)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            writeln!(
                code,
                "    ({:?}, include_bytes!({:?})),",
                rel.join("/"),
                p.display().to_string()
            )
            .unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("theme.rs");
    std::fs::write(out, code).unwrap();
}
