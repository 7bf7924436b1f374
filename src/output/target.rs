//! Whether an output path may be replaced by a build: refused before any work, and again
//! under the output lock just before the swap.
//!
//! guide only ever replaces a folder it made (one holding [`MARKER`]) or an empty folder.
//! Anything else that exists at the path (a file, a FIFO, a socket, a device node, a
//! symlink to one of those or to nothing) is refused: moving `/dev/null` or an agent's
//! socket aside "to make room" would break the user's machine.

use std::fs;
use std::path::Path;

use super::{MARKER, marked};
use crate::config::Config;
use crate::confine::real;
use crate::diag::Diagnostic;

/// Checks that `out` may be replaced by a build of the project `cfg`.
pub fn check_target(cfg: &Config, out: &Path) -> Result<(), Diagnostic> {
    let root = real(&cfg.root);
    let target = real(out);
    let content = real(&cfg.content_dir());
    let shown = out.display();
    let refuse = |why: String| {
        Err(
            Diagnostic::error(format!("refusing to write the site into {shown}: {why}")).hint(
                "choose an output folder of its own, such as `--output public` (the default)",
            ),
        )
    };
    if let Some(what) = not_a_folder(out) {
        return refuse(format!(
            "it is {what}, not a folder; guide only replaces folders it made"
        ));
    }
    if target.parent().is_none() {
        return refuse("it is the root of the filesystem".into());
    }
    if root.starts_with(&target) {
        return refuse("it holds the project (book.toml would be replaced)".into());
    }
    if target.starts_with(&content) || content.starts_with(&target) {
        return refuse("it is or overlaps the content folder".into());
    }
    if std::env::var_os("HOME").is_some_and(|h| real(Path::new(&h)) == target) {
        return refuse("it is your home folder".into());
    }
    if target.is_dir() && !marked(&target) {
        let empty = fs::read_dir(&target)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return refuse(format!(
                "the folder exists and was not made by guide (it has no {MARKER} file); guide never replaces folders it did not create"
            ));
        }
    }
    Ok(())
}

/// What exists at `p` when it is not a folder (following symlinks), in words; `None` when
/// nothing is there or it is a folder.
pub(crate) fn not_a_folder(p: &Path) -> Option<String> {
    let link = fs::symlink_metadata(p).ok()?;
    let Ok(meta) = fs::metadata(p) else {
        return Some("a symlink that leads nowhere".into());
    };
    if meta.is_dir() {
        return None;
    }
    let kind = kind_of(&meta.file_type());
    Some(if link.file_type().is_symlink() {
        format!("a symlink to {kind}")
    } else {
        kind.to_string()
    })
}

#[cfg(unix)]
fn kind_of(t: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "a file"
    }
}

#[cfg(not(unix))]
fn kind_of(_: &fs::FileType) -> &'static str {
    "a file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_is_in_the_way() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("f");
        fs::write(&file, "x").unwrap();
        assert_eq!(not_a_folder(&file).as_deref(), Some("a file"));
        assert_eq!(not_a_folder(tmp.path()), None);
        assert_eq!(not_a_folder(&tmp.path().join("none")), None);
        #[cfg(unix)]
        {
            let link = tmp.path().join("l");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert_eq!(not_a_folder(&link).as_deref(), Some("a symlink to a file"));
            let dangling = tmp.path().join("d");
            std::os::unix::fs::symlink(tmp.path().join("none"), &dangling).unwrap();
            assert_eq!(
                not_a_folder(&dangling).as_deref(),
                Some("a symlink that leads nowhere")
            );
            assert_eq!(
                not_a_folder(Path::new("/dev/null")).as_deref(),
                Some("a device")
            );
        }
    }
}
