//! The one error type for what is not a content diagnostic (just's
//! `src/error.rs` is the model): a command ends with `Ok` or one of these,
//! and `cmd` prints it and picks the exit code in one place. Content
//! problems are [`Diagnostic`]s, gathered and shown together with their
//! file, line and column; they reach here as [`Error::Site`].

use crate::base::diag::Diagnostic;
pub use crate::base::fsutil::PathError;
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
        notes: Vec<String>,
    },
    /// `build --no-wait`: another build is writing the output folder.
    Busy { pid: Option<u32> },
    /// `build`: the output folder may not be written (a folder kiemchung
    /// did not make, the site's own folders…); nothing was changed.
    Refused { message: String, help: String },
    /// An output file could not be made (the workbook writer refused it):
    /// its path in the output, and why.
    Output { path: String, message: String },
    /// A command could not do what it was asked, and changed nothing
    /// (`new` over an existing file, a year that is not one…): why.
    Command(String),
    /// `import`: the table is refused, and nothing was written: the cell
    /// (`Sheet1!C14`, or the file or sheet when no one cell is to blame),
    /// what is wrong there, and what to do.
    Table {
        cell: String,
        message: String,
        help: Option<String>,
    },
    /// `import`: the files it would write do not pass `check` (the
    /// diagnostics say why, in the files as they would be); nothing was
    /// written.
    WouldFail {
        diagnostics: Vec<Diagnostic>,
        message: String,
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
    /// `serve`: the server could not start.
    Server(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An I/O error on a file of the output, named by its path there.
    pub fn writing(path: &str, source: std::io::Error) -> Error {
        Error::Io(PathError {
            path: path.into(),
            action: "write",
            source,
        })
    }

    /// What is known besides the message (`= note:` lines).
    pub fn notes(&self) -> &[String] {
        match self {
            Error::Write { notes, .. } => notes,
            _ => &[],
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
}

impl Error {
    /// What to do about it, when there is something to say.
    pub fn help(&self) -> Option<String> {
        match self {
            Error::Refused { help, .. } => return Some(help.clone()),
            Error::Table { help, .. } => return help.clone(),
            Error::Write {
                disk_full: true, ..
            } => {
                return Some(
                    "free some space on that disk, or build into a folder on another disk with --output"
                        .into(),
                );
            }
            Error::Busy { .. } => {
                return Some(
                    "run again when it has finished, or without --no-wait to wait for it".into(),
                );
            }
            _ => {}
        }
        let Error::Bind { addr, source } = self else {
            return None;
        };
        Some(if source.kind() == std::io::ErrorKind::AddrInUse {
            format!(
                "another program (perhaps another `kiemchung serve`) is using port {}; \
                 choose another with --port, e.g. --port {}, or --port 0 for any free port",
                addr.port(),
                addr.port().wrapping_add(1).max(1024)
            )
        } else {
            "choose another address with --bind or another port with --port \
             (ports below 1024 need privileges; --port 0 picks a free one)"
                .to_string()
        })
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Site(d) => {
                let errors = d.iter().filter(|d| d.is_error()).count();
                write!(
                    f,
                    "the site has {errors} error{}",
                    if errors == 1 { "" } else { "s" }
                )
            }
            Error::Io(e) => e.fmt(f),
            Error::Write {
                error,
                disk_full: true,
                ..
            } => write!(f, "the disk is full: {error}"),
            Error::Write { error, .. } => error.fmt(f),
            Error::Busy { pid } => match pid {
                Some(p) => write!(
                    f,
                    "another build (pid {p}) is writing the output folder now"
                ),
                None => f.write_str("another build is writing the output folder now"),
            },
            Error::Refused { message, .. } => f.write_str(message),
            Error::Output { path, message } => write!(f, "cannot make {path}: {message}"),
            Error::Command(why) => f.write_str(why),
            Error::Table { cell, message, .. } => write!(f, "{cell}: {message}"),
            Error::NoSite(_) => f.write_str("there is no site to serve"),
            Error::WouldFail { message, .. } => f.write_str(message),
            Error::Bind { addr, source } => write!(f, "cannot listen on {addr}: {source}"),
            Error::Watch { root, source } => {
                write!(f, "cannot watch {} for changes: {source}", root.display())
            }
            Error::Server(msg) => write!(f, "cannot start the server: {msg}"),
        }
    }
}

impl std::error::Error for Error {}
