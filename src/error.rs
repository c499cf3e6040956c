//! The one error type for what is not a content diagnostic (just's
//! `src/error.rs` is the model): a command ends with `Ok` or one of these,
//! and `cmd` prints it and picks the exit code in one place. Content
//! problems are [`Diagnostic`]s, gathered and shown together with their
//! file, line and column; they reach here as [`Error::Site`].
//!
//! Every error says what it is as a [`Msg`] ([`Error::message`], with
//! [`Error::help`] and [`Error::notes`]), put into words in the reader's
//! language when printed; each but [`Error::Site`] has a code
//! ([`Error::code`]), which `kiemchung explain` explains.

use crate::base::diag::Diagnostic;
use crate::base::fsutil::Action;
pub use crate::base::fsutil::PathError;
use crate::base::i18n::Msg;
use crate::msg;
use std::fmt;

#[derive(Debug)]
pub enum Error {
    /// The site's content or templates have errors: every diagnostic,
    /// warnings included, sorted.
    Site(Vec<Diagnostic>),
    /// A file or folder could not be read, written, moved or removed.
    Io(PathError),
    /// `build`: the first write of the output that failed, which stopped
    /// the build; when the disk was full, what is known of the space
    /// (`notes`, one sentence each).
    Write {
        error: PathError,
        disk_full: bool,
        notes: Vec<Msg>,
    },
    /// `build --no-wait`: another build is writing the output folder
    /// (`folder`, as the user gave it, when known).
    Busy {
        pid: Option<u32>,
        folder: Option<String>,
    },
    /// `build`: the output folder may not be written (a folder kiemchung
    /// did not make, the site's own folders…); nothing was changed.
    Refused { message: Msg, help: Box<Msg> },
    /// An output file could not be made (the workbook writer refused it):
    /// its path in the output, and why.
    Output { path: String, message: Msg },
    /// A command could not do what it was asked, and changed nothing
    /// (`new` over an existing file, a year that is not one…): why, a
    /// message with its code.
    Command(Msg),
    /// `import`: the table is refused, and nothing was written: the cell
    /// (`Sheet1!C14`, or the file or sheet when no one cell is to blame),
    /// what is wrong there (a message with its code), and what to do.
    Table {
        cell: String,
        message: Msg,
        help: Option<Box<Msg>>,
    },
    /// `import`: the files it would write do not pass `check` (the
    /// diagnostics say why, in the files as they would be); nothing was
    /// written.
    WouldFail {
        diagnostics: Vec<Diagnostic>,
        message: Msg,
    },
    /// `serve`: there is no site to preview (no site.toml in the root);
    /// the diagnostics say why.
    NoSite(Vec<Diagnostic>),
    /// `serve`: the address could not be bound (port in use, no
    /// permission, …).
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    /// `serve`: the site could not be watched for changes.
    Watch {
        root: std::path::PathBuf,
        source: notify::Error,
    },
    /// `serve`: the server could not start: why, a message with its code.
    Server(Msg),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An I/O error on a file of the output, named by its path there.
    pub fn writing(path: &str, source: std::io::Error) -> Error {
        Error::Io(PathError {
            path: path.into(),
            action: Action::Write,
            source,
        })
    }

    /// What is known besides the message (`= note:` lines).
    pub fn notes(&self) -> Vec<Msg> {
        match self {
            Error::Write { notes, .. } => notes.clone(),
            _ => Vec::new(),
        }
    }

    /// The diagnostics, when the error is the site's.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Site(d) | Error::NoSite(d) => d,
            Error::WouldFail { diagnostics, .. } => diagnostics,
            _ => &[],
        }
    }

    /// The code of the rule (`E803`); none for the site's errors, whose
    /// diagnostics have theirs.
    pub fn code(&self) -> Option<&'static str> {
        match self {
            Error::Site(_) => None,
            Error::Table { message, .. } => message.code(),
            _ => self.message().code(),
        }
    }

    /// What went wrong, in a sentence.
    pub fn message(&self) -> Msg {
        match self {
            Error::Site(d) => {
                let errors = d.iter().filter(|d| d.is_error()).count();
                msg!("site-has-errors", errors = errors)
            }
            Error::Io(e) => e.message(),
            Error::Write {
                error,
                disk_full: true,
                ..
            } => msg!("E802-disk-full", error = error.message()),
            Error::Write { error, .. } => error.message(),
            Error::Busy { pid, folder } => msg!(
                "E803-busy",
                who = match pid {
                    Some(p) => msg!("another-build-pid", pid = *p),
                    None => msg!("another-build"),
                },
                folder = match folder {
                    Some(f) => msg!("folder-named", folder = f),
                    None => msg!("the-output-folder"),
                }
            ),
            Error::Refused { message, .. } => message.clone(),
            Error::Output { path, message } => {
                msg!("E807-output", path = path, detail = message.clone())
            }
            Error::Command(m) | Error::Server(m) => m.clone(),
            Error::Table { cell, message, .. } => {
                msg!("table-cell", cell = cell, message = message.clone())
            }
            Error::NoSite(_) => msg!("E809-no-site"),
            Error::WouldFail { message, .. } => message.clone(),
            Error::Bind { addr, source } => {
                msg!("E810-bind", addr = addr.to_string(), error = source)
            }
            Error::Watch { root, source } => msg!(
                "E811-watch",
                root = root.display().to_string(),
                detail = source.to_string()
            ),
        }
    }

    /// What to do about it, when there is something to say.
    pub fn help(&self) -> Option<Msg> {
        match self {
            Error::Refused { help, .. } => Some((**help).clone()),
            Error::Table { help, .. } => help.as_deref().cloned(),
            Error::Write {
                disk_full: true, ..
            } => Some(msg!("E802-disk-full-help")),
            Error::Busy { .. } => Some(msg!("E803-busy-help")),
            Error::Bind { addr, source } if source.kind() == std::io::ErrorKind::AddrInUse => {
                Some(msg!(
                    "E810-bind-in-use-help",
                    port = addr.port(),
                    next = addr.port().wrapping_add(1).max(1024)
                ))
            }
            Error::Bind { .. } => Some(msg!("E810-bind-help")),
            _ => None,
        }
    }
}

impl From<PathError> for Error {
    fn from(e: PathError) -> Error {
        Error::Io(e)
    }
}

impl From<Vec<Diagnostic>> for Error {
    fn from(d: Vec<Diagnostic>) -> Error {
        Error::Site(d)
    }
}

/// English, for logs and tests; the terminal shows [`Error::message`] in
/// the reader's language.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::Lang;

    #[test]
    fn every_error_but_the_sites_has_a_code_and_says_it_in_either_language() {
        let busy = Error::Busy {
            pid: Some(4242),
            folder: None,
        };
        assert_eq!(busy.code(), Some("E803"));
        assert_eq!(
            busy.to_string(),
            "another build (pid 4242) is writing the output folder now"
        );
        assert_eq!(
            busy.message().text(Lang::Vi),
            "một lần build khác (pid 4242) đang ghi vào thư mục kết quả"
        );
        let full = Error::Write {
            error: PathError {
                path: "public/index.html".into(),
                action: Action::Write,
                source: std::io::Error::from(std::io::ErrorKind::StorageFull),
            },
            disk_full: true,
            notes: Vec::new(),
        };
        assert_eq!(full.code(), Some("E802"));
        assert_eq!(
            full.to_string(),
            "the disk is full: cannot write public/index.html: the disk is full"
        );
        assert!(full.help().unwrap().text(Lang::Vi).contains("--output"));
        // A refusal of the table has the code of what is wrong in its cell.
        let table = Error::Table {
            cell: "Sheet1!C4".into(),
            message: msg!("E908-no-title", id = "1.1"),
            help: None,
        };
        assert_eq!(table.code(), Some("E908"));
        assert_eq!(table.to_string(), "Sheet1!C4: 1.1 has no title");
        assert_eq!(table.message().text(Lang::Vi), "Sheet1!C4: 1.1 chưa có tên");
        assert_eq!(Error::Site(Vec::new()).code(), None);
    }

    #[test]
    fn a_busy_port_suggests_the_next_one() {
        let e = Error::Bind {
            addr: "127.0.0.1:1111".parse().unwrap(),
            source: std::io::Error::from(std::io::ErrorKind::AddrInUse),
        };
        assert_eq!(e.code(), Some("E810"));
        assert_eq!(
            e.to_string(),
            "cannot listen on 127.0.0.1:1111: the address is in use by another program"
        );
        assert!(e.help().unwrap().en().contains("--port 1112"));
    }
}
