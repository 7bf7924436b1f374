//! Filesystem calls that name their path in every error.
//!
//! `std::fs` errors say "No such file or directory" without saying which; every read and
//! write of the build goes through here so a diagnostic can always name the file.

use std::fs;
use std::io;
use std::path::Path;

use crate::diag::Diagnostic;

/// Reads a whole file as bytes.
pub(crate) fn read(path: &Path, shown: &Path) -> Result<Vec<u8>, Diagnostic> {
    fs::read(path).map_err(|e| io_error("could not read", shown, &e))
}

/// Reads a UTF-8 text file; invalid UTF-8 is reported at its line and column.
pub(crate) fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = read(path, shown)?;
    String::from_utf8(bytes).map_err(|e| {
        let bad = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..bad]);
        let line = prefix.matches('\n').count() + 1;
        let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Diagnostic::error(format!(
            "{} is not valid UTF-8 (line {line}, column {col}, byte {bad})",
            shown.display()
        ))
        .in_file(shown)
        .hint("save the file as UTF-8 text; guide reads Markdown, TOML and templates as UTF-8")
    })
}

/// Writes a file, creating its parent folders.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    fs::write(path, bytes).map_err(|e| io_error("could not write", path, &e))
}

/// Creates a folder and its parents.
pub(crate) fn create_dir_all(path: &Path) -> Result<(), Diagnostic> {
    fs::create_dir_all(path).map_err(|e| io_error("could not create folder", path, &e))
}

/// Turns an io::Error into a diagnostic naming the path, with a hint for the usual causes.
pub(crate) fn io_error(what: &str, path: &Path, e: &io::Error) -> Diagnostic {
    let hint = match e.kind() {
        io::ErrorKind::NotFound => {
            Some("check the path; it is relative to the folder holding book.toml")
        }
        io::ErrorKind::PermissionDenied => Some("check the permissions of the file and its folder"),
        io::ErrorKind::StorageFull => Some("the disk is full; free some space and build again"),
        io::ErrorKind::ReadOnlyFilesystem => {
            Some("the output folder is on a read-only filesystem; choose another with --output")
        }
        _ => None,
    };
    let d = Diagnostic::error(format!("{what} {}: {e}", path.display())).in_file(path);
    match hint {
        Some(h) => d.hint(h),
        None => d,
    }
}
