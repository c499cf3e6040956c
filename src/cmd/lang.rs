//! Which language the program speaks to the person at the terminal, chosen
//! once, before the command line is parsed (its help and its errors are in
//! that language too):
//!
//! 1. `--lang vi|en`;
//! 2. the environment variable `KIEMCHUNG_LANG`;
//! 3. the site's `language` in `site.toml` (of `--root`, else the current
//!    folder): staff of a Vietnamese site read Vietnamese without asking;
//! 4. the locale, as gettext reads it: `LANGUAGE` (its first language we
//!    have), `LC_ALL`, `LC_MESSAGES`, `LANG`;
//! 5. English.
//!
//! A source that names a language the catalog lacks (`fr`) is passed over,
//! so the next one decides.

use crate::base::i18n::Lang;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The environment variable that chooses the language.
pub const ENV: &str = "KIEMCHUNG_LANG";

/// The language for a command line `args` (the program name first).
pub fn choose(args: &[OsString]) -> Lang {
    let env = |name: &str| std::env::var(name).ok();
    choose_from(args, &env)
}

pub(crate) fn choose_from(args: &[OsString], env: &dyn Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag(args, "--lang").and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    if let Some(lang) = env(ENV).and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    let root = flag(args, "--root").map_or_else(|| PathBuf::from("."), PathBuf::from);
    if let Some(lang) = site_language(&root).and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| env(v).filter(|s| !s.is_empty()));
    // gettext ignores LANGUAGE when the locale is C.
    if locale.as_deref().is_some_and(is_c) {
        return Lang::En;
    }
    let language = env("LANGUAGE").unwrap_or_default();
    language
        .split(':')
        .find_map(Lang::parse)
        .or_else(|| locale.as_deref().and_then(Lang::parse))
        .unwrap_or(Lang::En)
}

fn is_c(locale: &str) -> bool {
    let l = locale.split('.').next().unwrap_or("");
    l == "C" || l == "POSIX"
}

/// The value of `--name value` or `--name=value`, before a `--`.
fn flag(args: &[OsString], name: &str) -> Option<String> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    let prefix = format!("{name}=");
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == name {
            return it.next().map(|v| v.into_owned());
        }
        if let Some(v) = a.strip_prefix(&prefix) {
            return Some(v.to_string());
        }
    }
    None
}

/// `language` of `root/site.toml`, read leniently: the file may be the
/// very thing the command will report as broken, in this language.
fn site_language(root: &Path) -> Option<String> {
    use std::io::Read;
    let file = std::fs::File::open(root.join(crate::load::config::FILE)).ok()?;
    let mut text = String::new();
    // site.toml is small; a huge file is not worth reading for this.
    file.take(1 << 20).read_to_string(&mut text).ok()?;
    if let Ok(table) = text.parse::<toml::Table>() {
        return match table.get("language") {
            Some(toml::Value::String(s)) => Some(s.clone()),
            // No `language`: the site's default, Vietnamese.
            None => Some("vi".into()),
            Some(_) => None,
        };
    }
    // Broken TOML: a top-level `language = "…"` line still says it.
    text.lines()
        .take_while(|l| !l.trim_start().starts_with('['))
        .find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == "language").then(|| v.trim().trim_matches(['"', '\'']).to_string())
        })
        .or_else(|| Some("vi".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        std::iter::once("kiemchung")
            .chain(a.iter().copied())
            .map(OsString::from)
            .collect()
    }

    fn site(toml: &str) -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("site.toml"), toml).unwrap();
        d
    }

    #[test]
    fn the_flag_then_the_variable_then_the_site_then_the_locale() {
        let vi = site("title = \"x\"\nlanguage = \"vi\"\n");
        let root = vi.path().to_str().unwrap();
        let none = |_: &str| None;
        let en_env = |n: &str| (n == ENV).then(|| "en".to_string());
        assert_eq!(
            choose_from(&args(&["check", "--root", root]), &none),
            Lang::Vi
        );
        assert_eq!(
            choose_from(&args(&["check", "--root", root]), &en_env),
            Lang::En
        );
        assert_eq!(
            choose_from(&args(&["--lang", "vi", "check", "--root", root]), &en_env),
            Lang::Vi
        );
        assert_eq!(
            choose_from(&args(&["check", "--root", root, "--lang=en"]), &none),
            Lang::En
        );
        // No site here: the locale decides.
        let empty = tempfile::tempdir().unwrap();
        let nowhere = empty.path().to_str().unwrap();
        let vi_locale = |n: &str| (n == "LANG").then(|| "vi_VN.UTF-8".to_string());
        assert_eq!(
            choose_from(&args(&["check", "--root", nowhere]), &vi_locale),
            Lang::Vi
        );
        assert_eq!(
            choose_from(&args(&["check", "--root", nowhere]), &none),
            Lang::En
        );
    }

    #[test]
    fn a_broken_or_silent_site_toml_still_says_vietnamese() {
        let none = |_: &str| None;
        let broken = site("language = \"vi\"\ntitle = \n");
        let a = args(&["build", "--root", broken.path().to_str().unwrap()]);
        assert_eq!(choose_from(&a, &none), Lang::Vi);
        let silent = site("title = \"x\"\n");
        let a = args(&["build", "--root", silent.path().to_str().unwrap()]);
        assert_eq!(choose_from(&a, &none), Lang::Vi);
        let english = site("title = \"x\"\nlanguage = \"en\"\n");
        let a = args(&["build", "--root", english.path().to_str().unwrap()]);
        assert_eq!(choose_from(&a, &none), Lang::En);
    }
}
