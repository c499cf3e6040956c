//! The catalog: the `.ftl` files of `locales/`, embedded in the binary, one
//! Fluent bundle per language, built once on first use.
//!
//! Why Fluent (`fluent-bundle`): it is made for exactly this (variables,
//! plural and other selections written by the translator, not the
//! programmer), its files are plain text a translator can edit, and the
//! tests read them with its own parser (`fluent-syntax`) to check that both
//! languages have every message with the same variables.

use super::{Arg, Lang, Msg};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The catalog's files, in the order they are loaded; the same names under
/// `locales/vi/` and `locales/en/`.
macro_rules! files {
    ($($name:literal),* $(,)?) => {
        const VI: &[&str] = &[$(include_str!(concat!("../../../locales/vi/", $name))),*];
        const EN: &[&str] = &[$(include_str!(concat!("../../../locales/en/", $name))),*];
    };
}

files!(
    "common.ftl",
    "terminal.ftl",
    "cli.ftl",
    "files.ftl",
    "config.ftl",
    "frontmatter.ftl",
    "structure.ftl",
    "scores.ftl",
    "evidence.ftl",
    "units.ftl",
    "theme.ftl",
    "commands.ftl",
    "serve.ftl",
    "import.ftl",
);

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static VI_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::Vi => VI_BUNDLE.get_or_init(|| make(lang, VI)),
        Lang::En => EN_BUNDLE.get_or_init(|| make(lang, EN)),
    }
}

fn make(lang: Lang, sources: &[&str]) -> Bundle {
    let id = lang
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut b = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the terminal shows
    // them as boxes, and both languages are left to right.
    b.set_use_isolating(false);
    b.set_formatter(Some(match lang {
        Lang::Vi => number_vi,
        Lang::En => number_en,
    }));
    for source in sources {
        // A file that does not parse keeps the messages that did; the
        // catalog test fails on any error, so none reaches a release.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = b.add_resource(resource);
    }
    b
}

/// Counts grouped as the language writes them: `10.000`, `10,000`.
fn number_vi<M>(v: &FluentValue, _: &M) -> Option<String> {
    group(v, '.')
}

fn number_en<M>(v: &FluentValue, _: &M) -> Option<String> {
    group(v, ',')
}

fn group(v: &FluentValue, sep: char) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    let i = n.value as i64;
    if i as f64 != n.value {
        return None;
    }
    let digits = crate::base::score::group_thousands(i.unsigned_abs(), Some(sep));
    Some(if i < 0 { format!("-{digits}") } else { digits })
}

/// Whether the catalog of `lang` has the message `id`.
pub fn known(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// `msg` in words in `lang`; a message the language lacks falls back to
/// English, then to its id (the catalog test keeps both from happening).
pub(super) fn format(lang: Lang, msg: &Msg) -> String {
    let (b, lang) = if known(lang, msg.id) || lang == Lang::En {
        (bundle(lang), lang)
    } else {
        (bundle(Lang::En), Lang::En)
    };
    let Some(pattern) = b.get_message(msg.id).and_then(|m| m.value()) else {
        return msg.id.to_string();
    };
    let mut args = FluentArgs::new();
    for (name, value) in &msg.args {
        args.set(*name, value_of(lang, value));
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}

fn value_of(lang: Lang, arg: &Arg) -> FluentValue<'static> {
    let text = match arg {
        Arg::Count(n) => return FluentValue::from(*n),
        Arg::Text(s) => s.clone(),
        Arg::Num(n) => n.to_string(),
        Arg::Score(s) => match lang {
            Lang::Vi => s.to_vi(),
            Lang::En => s.to_plain(),
        },
        Arg::Date(d) => match lang {
            Lang::Vi => format!("{}/{}/{}", d.day(), d.month(), d.year()),
            Lang::En => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        },
        Arg::Msg(m) => format(lang, m),
        Arg::List(items) => items.join(", "),
        Arg::Io(kind, text) => io_words(lang, *kind).unwrap_or_else(|| text.clone()),
    };
    FluentValue::from(text)
}

/// What the system said, in words, for the kinds of failure people meet.
fn io_words(lang: Lang, kind: std::io::ErrorKind) -> Option<String> {
    use std::io::ErrorKind as K;
    let id = match kind {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::StorageFull => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::DirectoryNotEmpty => "io-directory-not-empty",
        K::FileTooLarge => "io-file-too-large",
        K::AddrInUse => "io-addr-in-use",
        K::AddrNotAvailable => "io-addr-not-available",
        K::InvalidData => "io-invalid-data",
        _ => return None,
    };
    Some(format(lang, &Msg::new(id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::score::Score;

    #[test]
    fn numbers_and_dates_follow_the_language() {
        let m = Msg::new("test-figures")
            .arg("score", Score::parse("5.15").unwrap())
            .arg("count", 12_500usize)
            .arg("year", 2023)
            .arg("date", jiff::civil::date(2023, 4, 26));
        assert_eq!(m.text(Lang::Vi), "5,15 · 12.500 · 2023 · 26/4/2023");
        assert_eq!(m.text(Lang::En), "5.15 · 12,500 · 2023 · 2023-04-26");
    }

    #[test]
    fn plurals_are_the_translators() {
        let one = Msg::new("test-errors").arg("count", 1usize);
        let two = Msg::new("test-errors").arg("count", 2usize);
        assert_eq!(one.text(Lang::En), "1 error");
        assert_eq!(two.text(Lang::En), "2 errors");
        assert_eq!(two.text(Lang::Vi), "2 lỗi");
    }

    #[test]
    fn io_errors_are_in_words() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        let m = Msg::new("test-io").arg("error", &e);
        assert_ne!(m.text(Lang::Vi), m.text(Lang::En));
        assert!(!m.text(Lang::Vi).contains("os error"));
    }

    #[test]
    fn an_unknown_id_is_shown_as_it_is() {
        assert_eq!(
            Msg::new("no-such-message").text(Lang::Vi),
            "no-such-message"
        );
    }
}
