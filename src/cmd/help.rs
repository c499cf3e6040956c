//! The command line's own words in the chosen language: every command's
//! and option's help from the catalog (`locales/*/cli.ftl`), the words clap
//! itself writes (`Usage:`, `[default: …]`), and its usage errors.
//!
//! Ids: `cli-<command>` is a command's one-line description (`cli-new-year`
//! for a command under `new`), `cli-<command>-<option>` an option's help,
//! and `cli-arg-<option>` the help of an option several commands share
//! (`--root`, `--today`) unless the command says otherwise.

use crate::base::i18n::{Lang, Msg, known};
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// `cmd` with the help of every command and option in `lang`.
pub fn localize(cmd: clap::Command, lang: Lang) -> clap::Command {
    let cmd = cmd
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            clap::Arg::new("help")
                .long("help")
                .short('h')
                .action(clap::ArgAction::Help)
                .global(true),
        )
        .arg(
            clap::Arg::new("version")
                .long("version")
                .short('V')
                .action(clap::ArgAction::Version),
        );
    walk(cmd, "", lang)
}

fn walk(mut cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let about = if path.is_empty() {
        "cli-about".to_string()
    } else {
        format!("cli-{path}")
    };
    cmd = cmd.about(text(lang, &about));
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let own = format!("{about}-{id}");
        let shared = format!("cli-arg-{id}");
        let help = if known(lang, &own) { own } else { shared };
        let help = text(lang, &help);
        let value = format!("cli-value-{id}");
        let value = known(lang, &value).then(|| text(lang, &value));
        cmd = cmd.mut_arg(id, |a| {
            let a = a.help(help);
            match value {
                Some(v) if a.get_action().takes_values() => a.value_name(leak(&v)),
                _ => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| walk(s, &sub_path, lang));
    }
    cmd
}

fn text(lang: Lang, id: &str) -> String {
    Msg {
        id: leak(id),
        args: Vec::new(),
    }
    .text(lang)
}

/// Message ids are `&'static str`; the CLI's are made from command names,
/// a few dozen, once per run.
fn leak(id: &str) -> &'static str {
    Box::leak(id.to_string().into_boxed_str())
}

/// clap's own words in the help it renders, in `lang`.
pub fn words(rendered: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return rendered.to_string();
    }
    let mut out = rendered.to_string();
    for (english, id) in [
        ("Usage:", "cli-word-usage"),
        ("Commands:", "cli-word-commands"),
        ("Arguments:", "cli-word-arguments"),
        ("Options:", "cli-word-options"),
        ("[OPTIONS]", "cli-word-options-placeholder"),
        ("<COMMAND>", "cli-word-command-placeholder"),
        ("[default: ", "cli-word-default"),
        ("[possible values: ", "cli-word-possible"),
    ] {
        out = out.replace(english, &text(lang, id));
    }
    out
}

/// A usage error in `lang`: what was wrong, the usage line, and where to
/// read more. Kinds the catalog has no sentence for keep clap's.
pub fn error(e: &clap::Error, lang: Lang) -> String {
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => msg_of("cli-error-unknown-argument", &[("arg", arg)]),
        ErrorKind::InvalidSubcommand => msg_of(
            "cli-error-unknown-command",
            &[(
                "command",
                get(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )],
        ),
        ErrorKind::InvalidValue => msg_of(
            "cli-error-invalid-value",
            &[
                ("arg", arg),
                ("value", value),
                ("valid", get(ContextKind::ValidValue).unwrap_or_default()),
            ],
        ),
        ErrorKind::ValueValidation => {
            // The value parser's own sentence, already in `lang`.
            let why = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            msg_of(
                "cli-error-bad-value",
                &[("arg", arg), ("value", value), ("why", why)],
            )
        }
        ErrorKind::MissingRequiredArgument => msg_of("cli-error-missing", &[("args", arg)]),
        ErrorKind::MissingSubcommand => msg_of("cli-error-missing-command", &[]),
        ErrorKind::ArgumentConflict => msg_of("cli-error-conflict", &[("arg", arg)]),
        ErrorKind::TooManyValues | ErrorKind::NoEquals => {
            msg_of("cli-error-unexpected", &[("value", value)])
        }
        _ => return words(&e.render().to_string(), lang),
    };
    let mut out = format!("{}: {}\n", text(lang, "label-error"), message.text(lang));
    if let Some(s) =
        get(ContextKind::SuggestedArg).or_else(|| get(ContextKind::SuggestedSubcommand))
    {
        out.push_str(&format!(
            "\n  {}: {}\n",
            text(lang, "label-help"),
            msg_of("help-did-you-mean", &[("name", s)]).text(lang)
        ));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        out.push('\n');
        out.push_str(&words(&usage, lang));
        out.push('\n');
    }
    out.push_str(&format!("\n{}\n", text(lang, "cli-more")));
    out
}

fn msg_of(id: &'static str, args: &[(&'static str, String)]) -> Msg {
    args.iter()
        .fold(Msg::new(id), |m, (name, value)| m.arg(name, value.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and option of the real command line has help in both
    /// languages, from the catalog, never its id.
    #[test]
    fn every_command_and_option_has_help_in_both_languages() {
        fn check(cmd: &clap::Command, lang: Lang, path: &str) {
            let about = cmd.get_about().map(|s| s.to_string()).unwrap_or_default();
            assert!(
                !about.is_empty() && !about.starts_with("cli-"),
                "{lang:?} {path}: {about:?}"
            );
            for a in cmd.get_arguments() {
                let help = a.get_help().map(|s| s.to_string()).unwrap_or_default();
                assert!(
                    !help.is_empty() && !help.starts_with("cli-"),
                    "{lang:?} {path} --{}: {help:?}",
                    a.get_id()
                );
            }
            for s in cmd.get_subcommands() {
                check(s, lang, &format!("{path} {}", s.get_name()));
            }
        }
        for lang in Lang::ALL {
            let cmd = localize(super::super::Cli::command(), lang);
            check(&cmd, lang, "kiemchung");
        }
    }

    #[test]
    fn usage_errors_are_in_vietnamese() {
        let cmd = localize(super::super::Cli::command(), Lang::Vi);
        let e = cmd
            .try_get_matches_from(["kiemchung", "build", "--outptu", "x"])
            .unwrap_err();
        let text = error(&e, Lang::Vi);
        assert!(text.starts_with("lỗi: "), "{text}");
        assert!(text.contains("--outptu"), "{text}");
        assert!(text.contains("--output"), "{text}");
        assert!(text.contains("Cách dùng:"), "{text}");
    }
}
