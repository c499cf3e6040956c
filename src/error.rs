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
    /// An output file could not be made (the workbook writer refused it):
    /// its path in the output, and why.
    Output { path: String, message: String },
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

    /// The diagnostics, when the error is the site's.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Site(d) => d,
            _ => &[],
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
            Error::Output { path, message } => write!(f, "cannot make {path}: {message}"),
        }
    }
}

impl std::error::Error for Error {}
