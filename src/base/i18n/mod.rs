//! Messages in the reader's language. Every sentence the program says to
//! a person (diagnostics, errors, the terminal's summaries, the CLI's help)
//! is a [`Msg`]: a message id of the catalog in `locales/<lang>/*.ftl`
//! (Project Fluent) and typed arguments. A message is put into words only
//! when it is shown, in the [`Lang`] of whoever reads it, so the same
//! diagnostic prints in Vietnamese in the terminal, in English in
//! `--format json`'s stable `message`, and in the site's language on the
//! review site.
//!
//! Arguments carry their type, not their text, so numbers and dates follow
//! the language: a [`Score`] is `5,15` in Vietnamese and `5.15` in English,
//! a date `26/4/2023` and `2023-04-26`, a count `10.000` and `10,000`.
//!
//! A diagnostic's message id begins with its code (`E401-over-max`): the
//! code is what `kiemchung explain` explains, and what tools match on.

mod catalog;
pub mod explain;

pub use catalog::known;

use crate::base::score::Score;
use jiff::civil::Date;

/// The languages of the catalog.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// The fallback: the language of `--format json` and of code.
    #[default]
    En,
    Vi,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// Reads a language the way gettext does: `vi`, `vi-VN`, `vi_VN.UTF-8`
    /// and `VI` are Vietnamese; `en`, `en_US`, `C` and `POSIX` English.
    /// Anything else is `None`, so the next source is asked.
    pub fn parse(text: &str) -> Option<Lang> {
        let tag = text
            .trim()
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .split(['_', '-'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match tag.as_str() {
            "vi" => Some(Lang::Vi),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag: `vi`, `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// One sentence (or phrase) to say, not yet in words.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Msg {
    /// The catalog's message id.
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A value inside a message, formatted for the language when shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Arg {
    /// Shown as it is: a name, a path, a value as the file writes it.
    Text(String),
    /// A quantity: grouped by thousands (`10.000`, `10,000`) and used to
    /// pick a plural form.
    Count(i64),
    /// A number shown as it is, never grouped: a year, a line, a port.
    Num(i64),
    Score(Score),
    Date(Date),
    /// A phrase of the catalog, put into the same language.
    Msg(Box<Msg>),
    /// Items joined with `, `.
    List(Vec<String>),
    /// What the system said about a file: in words for the kinds people
    /// meet (not found, no permission, disk full…), else the system's own.
    Io(std::io::ErrorKind, String),
}

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The message in words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        catalog::format(lang, self)
    }

    /// The message in English: what `--format json` keeps stable.
    pub fn en(&self) -> String {
        self.text(Lang::En)
    }

    /// The diagnostic code the id begins with (`E401`), if it has one.
    pub fn code(&self) -> Option<&'static str> {
        code_of(self.id)
    }
}

/// `E401` for `E401-over-max`: a letter (`E` error, `W` warning) and three
/// digits.
pub fn code_of(id: &str) -> Option<&str> {
    let code = id.split('-').next()?;
    let b = code.as_bytes();
    (b.len() == 4 && matches!(b[0], b'E' | b'W') && b[1..].iter().all(u8::is_ascii_digit))
        .then_some(code)
}

/// `msg!("E401-over-max", score = s, max = m)`: a [`Msg`] with named
/// arguments, each turned into an [`Arg`] by `From`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::base::i18n::Msg {
            id: $id,
            args: vec![$((stringify!($name), $crate::base::i18n::Arg::from($value))),*],
        }
    };
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

/// Counts are `usize`: how many files, errors, pages.
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(n as i64)
    }
}

/// Other integers are years, lines, columns, ports and pids: never grouped.
macro_rules! plain_numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Num(n as i64)
            }
        }
    )*};
}
plain_numbers!(i16, i32, i64, u16, u32, u64, u8);

impl From<Score> for Arg {
    fn from(s: Score) -> Arg {
        Arg::Score(s)
    }
}

impl From<Date> for Arg {
    fn from(d: Date) -> Arg {
        Arg::Date(d)
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

impl From<Vec<String>> for Arg {
    fn from(v: Vec<String>) -> Arg {
        Arg::List(v)
    }
}

impl From<&std::io::Error> for Arg {
    fn from(e: &std::io::Error) -> Arg {
        Arg::Io(e.kind(), e.to_string())
    }
}

impl From<std::io::Error> for Arg {
    fn from(e: std::io::Error) -> Arg {
        Arg::from(&e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_languages_as_gettext_does() {
        for (text, lang) in [
            ("vi", Some(Lang::Vi)),
            ("vi_VN.UTF-8", Some(Lang::Vi)),
            ("VI-vn", Some(Lang::Vi)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("C", Some(Lang::En)),
            ("C.UTF-8", Some(Lang::En)),
            ("fr_FR", None),
            ("", None),
        ] {
            assert_eq!(Lang::parse(text), lang, "{text}");
        }
    }

    #[test]
    fn codes_are_a_letter_and_three_digits() {
        assert_eq!(code_of("E401-over-max"), Some("E401"));
        assert_eq!(code_of("W501"), Some("W501"));
        assert_eq!(code_of("help-did-you-mean"), None);
        assert_eq!(code_of("E40-x"), None);
    }
}
