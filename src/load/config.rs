//! `site.toml`: settings and units.

use crate::base::diag::{self, Diagnostic};
use crate::base::forms;
use crate::base::i18n::{Lang, Msg};
use crate::msg;
use serde::Deserialize;
use toml::Spanned;

pub const FILE: &str = "site.toml";

/// The time zone of a site whose site.toml gives none.
pub const DEFAULT_TIMEZONE: &str = "Asia/Ho_Chi_Minh";

// `JsonSchema` for `kiemchung schema` (descriptions added by
// `crate::schema`): the schema editors read is derived from this very type.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[schemars(with = "forms::BaseUrl")]
    base_url: Spanned<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    theme: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    timezone: Option<Spanned<String>>,
    #[serde(default)]
    units: Vec<RawUnit>,
    #[serde(default)]
    markdown: MarkdownConfig,
    #[serde(default)]
    documents: DocumentsConfig,
    #[serde(default)]
    #[schemars(with = "forms::Extra")]
    extra: toml::Table,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    #[schemars(with = "forms::UnitId")]
    id: Spanned<String>,
    name: String,
}

/// The JSON Schema of site.toml (draft 2020-12), from [`RawConfig`].
pub fn schema() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<RawConfig>()
}

#[derive(Debug, Default, Clone, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Let raw HTML in Markdown bodies through. Off by default: the HTML is
    /// shown as text.
    #[serde(default)]
    pub unsafe_html: bool,
}

/// `[documents]`: who issues and signs the documents `kiemchung dossier`
/// drafts (docs/format.md, "Documents"). What is not given is left as "…"
/// for the clerk to fill in.
#[derive(Debug, Default, Clone, Deserialize, serde::Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentsConfig {
    /// The parent authority, as it heads the document: `UBND TỈNH …`.
    #[serde(default)]
    pub authority: String,
    /// The issuing body: `SỞ …`.
    #[serde(default)]
    pub issuer: String,
    /// The issuing body's abbreviation in document numbers: `SKHCN` in
    /// `…/BC-SKHCN`.
    #[serde(default)]
    pub code: String,
    /// The place of the place-and-date line.
    #[serde(default)]
    pub place: String,
    /// The signer's title: `GIÁM ĐỐC`; and name, when known.
    #[serde(default)]
    pub signer_title: String,
    #[serde(default)]
    pub signer_name: String,
    /// "Nơi nhận" of the self-assessment report and of the results notice.
    #[serde(default)]
    pub report_recipients: Vec<String>,
    #[serde(default)]
    pub notice_recipients: Vec<String>,
    /// Which of them the public site links: `report`, `notice`, `package`.
    #[serde(default)]
    pub publish: Vec<String>,
    /// The evidence package's size above which the command warns, in MB.
    #[serde(default)]
    pub max_package_mb: Option<u64>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    /// As written, with a trailing slash: `https://example.gov.vn/cchc/`.
    pub base_url: String,
    /// The path part of base_url, starting and ending with `/`: `/cchc/`.
    pub base_path: String,
    pub language: String,
    /// Theme folder name under `themes/`; `default` when absent.
    pub theme: String,
    /// The site's time zone (IANA name), in which "today" is read off the
    /// clock: never the machine's. [`DEFAULT_TIMEZONE`] when absent.
    pub timezone: jiff::tz::TimeZone,
    pub units: Vec<Unit>,
    pub markdown: MarkdownConfig,
    pub documents: DocumentsConfig,
    pub extra: toml::Table,
}

impl Config {
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The language of the site's pages (`language`), for what the site
    /// itself shows of diagnostics: English when the catalog lacks it.
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.language).unwrap_or_default()
    }

    /// Replaces base_url (from `--base-url`), checking it the same way.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Msg> {
        let (base_url, base_path) = split_base_url(url)?;
        self.base_url = base_url;
        self.base_path = base_path;
        Ok(())
    }
}

/// Checks an absolute http(s) URL and returns it with a trailing slash,
/// together with its path part (`/cchc/`).
pub fn split_base_url(url: &str) -> Result<(String, String), Msg> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| msg!("base-url-no-scheme", url = url))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(['?', '#', ' ']) {
        return Err(msg!("base-url-no-host", url = url));
    }
    if path.contains(['?', '#', ' ', '\\']) {
        return Err(msg!("base-url-bad-path", url = url));
    }
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    let base = format!("{}{}", &url[..url.len() - rest.len()], host);
    Ok((format!("{base}{path}"), path))
}

/// Byte offset → 1-based (line, column in characters).
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() as u32 + 1;
    (line, col)
}

fn at_span(d: Diagnostic, text: &str, span: std::ops::Range<usize>) -> Diagnostic {
    let (l, c) = line_col(text, span.start);
    d.at(text, l, c)
}

/// Parses site.toml. `text` is the file's whole (normalised) text.
pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    let raw: RawConfig = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let serde_message = e.message().trim();
            let message = if let Some(field) = serde_message
                .strip_prefix("missing field `")
                .and_then(|r| r.strip_suffix('`'))
            {
                let example = match field {
                    "base_url" => "base_url = \"https://example.gov.vn/cchc/\"",
                    "title" => "title = \"Cải cách hành chính — …\"",
                    _ => "… = …",
                };
                msg!("E104-missing-key", name = field, example = example)
            } else if let Some((field, allowed)) = unknown_field(serde_message) {
                let expected: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
                msg!(
                    "E103-unknown-key",
                    name = field,
                    count = allowed.len(),
                    expected = expected
                )
            } else {
                msg!("E102-syntax", detail = serde_message)
            };
            let mut d = Diagnostic::error(FILE, message);
            if let Some(span) = e.span() {
                d = at_span(d, text, span);
            }
            if let Some(help) = unknown_field_help(serde_message) {
                d = d.with_help(help);
            }
            return Err(vec![d]);
        }
    };
    let mut errors = Vec::new();
    let (base_url, base_path) = match split_base_url(raw.base_url.get_ref()) {
        Ok(v) => v,
        Err(msg) => {
            errors.push(at_span(
                Diagnostic::error(FILE, msg!("E101-base-url", detail = msg)),
                text,
                raw.base_url.span(),
            ));
            (String::new(), "/".into())
        }
    };
    let theme = match &raw.theme {
        Some(t) => {
            let name = t.get_ref().trim();
            if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
                errors.push(at_span(
                    Diagnostic::error(FILE, msg!("E105-theme", name = name)),
                    text,
                    t.span(),
                ));
            }
            name.to_string()
        }
        None => "default".into(),
    };
    let tz_name = raw
        .timezone
        .as_ref()
        .map_or(DEFAULT_TIMEZONE, |t| t.get_ref().trim());
    let timezone = match jiff::tz::TimeZone::get(tz_name) {
        Ok(tz) => tz,
        Err(_) => {
            let d = Diagnostic::error(FILE, msg!("E106-timezone", name = tz_name))
                .with_help(msg!("E106-timezone-help", example = DEFAULT_TIMEZONE));
            errors.push(match &raw.timezone {
                Some(t) => at_span(d, text, t.span()),
                None => d,
            });
            jiff::tz::TimeZone::UTC
        }
    };
    let mut units: Vec<Unit> = Vec::new();
    for u in raw.units {
        let id = u.id.get_ref().trim().to_string();
        if id.is_empty() || crate::base::vi::slugify(&id) != id {
            errors.push(
                at_span(
                    Diagnostic::error(FILE, msg!("E107-unit-id", id = &id)),
                    text,
                    u.id.span(),
                )
                .with_help(msg!("help-try", name = crate::base::vi::slugify(&id))),
            );
        } else if units.iter().any(|x| x.id == id) {
            errors.push(at_span(
                Diagnostic::error(FILE, msg!("E108-unit-twice", id = &id)),
                text,
                u.id.span(),
            ));
        }
        units.push(Unit {
            id,
            name: u.name.trim().to_string(),
        });
    }
    for p in &raw.documents.publish {
        if !["report", "notice", "package"].contains(&p.as_str()) {
            errors.push(Diagnostic::error(FILE, msg!("E109-publish", name = p)));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Config {
        title: raw.title,
        base_url,
        base_path,
        language: raw.language.unwrap_or_else(|| "vi".into()),
        theme,
        timezone,
        units,
        markdown: raw.markdown,
        documents: raw.documents,
        extra: raw.extra,
    })
}

/// The field and the allowed fields of serde's "unknown field `x`,
/// expected one of `a`, `b`" (or "expected `a` or `b`") messages.
fn unknown_field(message: &str) -> Option<(&str, Vec<&str>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let rest = rest.trim_start_matches(',').trim();
    let list = rest
        .strip_prefix("expected one of ")
        .or_else(|| rest.strip_prefix("expected "))?;
    let allowed: Vec<&str> = list
        .split(", ")
        .flat_map(|s| s.split(" or "))
        .map(|s| s.trim().trim_matches('`').trim())
        .filter(|s| !s.is_empty())
        .collect();
    Some((field, allowed))
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" messages, a
/// "did you mean" hint naming the nearest allowed field.
pub fn unknown_field_help(message: &str) -> Option<Msg> {
    let (field, allowed) = unknown_field(message)?;
    diag::nearest(field, allowed.iter().copied()).map(|n| msg!("help-did-you-mean", name = n))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"
title = "CCHC"
base_url = "https://example.gov.vn/cchc"

[[units]]
id = "van-phong"
name = "Văn phòng Sở"
"#;

    #[test]
    fn parses_and_splits_base_url() {
        let c = parse(OK).unwrap();
        assert_eq!(c.base_url, "https://example.gov.vn/cchc/");
        assert_eq!(c.base_path, "/cchc/");
        assert_eq!(c.theme, "default");
        assert_eq!(c.language, "vi");
        assert_eq!(c.unit("van-phong").unwrap().name, "Văn phòng Sở");
    }

    #[test]
    fn base_urls() {
        assert_eq!(
            split_base_url("http://127.0.0.1:1111").unwrap(),
            ("http://127.0.0.1:1111/".into(), "/".into())
        );
        assert!(split_base_url("example.gov.vn/cchc/").is_err());
        assert!(split_base_url("https:///x").is_err());
        assert!(split_base_url("https://a/b?c").is_err());
    }

    #[test]
    fn unknown_key_is_an_error_with_location_and_hint() {
        let text = "title = \"x\"\nbase_url = \"https://a/\"\nthem = \"x\"\n";
        let errs = parse(text).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, Some(3));
        assert!(
            errs[0].message.en().contains("unknown field `them`"),
            "{}",
            errs[0].message.en()
        );
        assert_eq!(
            errs[0].help.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean `theme`?")
        );
    }

    #[test]
    fn unknown_keys_are_named_with_the_allowed_ones_in_either_language() {
        use crate::base::i18n::Lang;
        let unit = format!("{OK}\n[[units]]\nid = \"x\"\nnam = \"y\"\n");
        let e = &parse(&unit).unwrap_err()[0];
        assert_eq!(e.code(), "E103");
        assert_eq!(
            e.message.en(),
            "unknown field `nam`, expected one of `id`, `name`"
        );
        assert!(
            e.message
                .text(Lang::Vi)
                .ends_with("chỉ dùng được các trường `id`, `name`"),
            "{}",
            e.message.text(Lang::Vi)
        );
        let one = format!("{OK}\n[markdown]\nunsafe = true\n");
        let e = &parse(&one).unwrap_err()[0];
        assert_eq!(
            e.message.en(),
            "unknown field `unsafe`, expected `unsafe_html`"
        );
        assert!(
            e.message
                .text(Lang::Vi)
                .ends_with("chỉ dùng được trường `unsafe_html`")
        );
        assert_eq!(
            e.help.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean `unsafe_html`?")
        );
    }

    #[test]
    fn missing_base_url_says_what_to_write() {
        let errs = parse("title = \"x\"\n").unwrap_err();
        assert_eq!(
            errs[0].message.en(),
            "missing field `base_url`; expected a line such as `base_url = \"https://example.gov.vn/cchc/\"`"
        );
    }

    #[test]
    fn duplicate_and_malformed_unit_ids() {
        let text = format!(
            "{OK}\n[[units]]\nid = \"van-phong\"\nname = \"x\"\n[[units]]\nid = \"Thanh Tra\"\nname = \"y\"\n"
        );
        let errs = parse(&text).unwrap_err();
        assert_eq!(errs.len(), 2);
        assert!(errs[0].message.en().contains("declared twice"));
        assert_eq!(errs[0].line, Some(10));
        assert_eq!(
            errs[1].help.as_ref().map(|h| h.en()).as_deref(),
            Some("try `thanh-tra`")
        );
    }

    #[test]
    fn line_and_column_from_offset() {
        assert_eq!(line_col("ab\ncđe", 0), (1, 1));
        assert_eq!(line_col("ab\ncđe", 3), (2, 1));
        assert_eq!(line_col("ab\ncđe", 6), (2, 3));
    }
}
