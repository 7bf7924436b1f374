//! Putting a staged site in place of the output, and cleaning up after builds that were
//! interrupted.
//!
//! On Linux the staged folder and the output are exchanged in one `renameat2` call with
//! `RENAME_EXCHANGE`: there is no moment without an output folder. Where the OS or the
//! filesystem cannot exchange, two renames are used (output aside to `.<name>.guide-old-*`,
//! staging into place); a crash between them leaves no output, so the next build (under the
//! output lock, before any work, even if it then fails) renames the newest old output back
//! ([`recover`]). Only folders holding guide's marker are ever renamed back or removed.

use std::fs;
use std::path::{Path, PathBuf};

use super::MARKER;
use crate::diag::Diagnostics;
use crate::fsx;

/// Replaces `target` by `stage` (both in `parent`); the previous output is removed.
pub(super) fn swap(
    stage: &Path,
    target: &Path,
    parent: &Path,
    name: &str,
    unique: &str,
) -> Result<(), Diagnostics> {
    let had_old = fs::symlink_metadata(target).is_ok();
    if had_old && exchange(stage, target) {
        // `stage` now names the previous output.
        remove_previous(stage);
        return Ok(());
    }
    let old = parent.join(format!(".{name}.guide-old-{unique}"));
    if had_old {
        fs::rename(target, &old).map_err(|e| {
            Diagnostics::from(fsx::io_error(
                "could not move the previous output aside",
                target,
                &e,
            ))
        })?;
    }
    if let Err(e) = fs::rename(stage, target) {
        if had_old {
            let _ = fs::rename(&old, target);
        }
        return Err(fsx::io_error("could not move the new output into place", target, &e).into());
    }
    if had_old {
        remove_previous(&old);
    }
    Ok(())
}

/// Atomically exchanges two paths; false when the OS or filesystem cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// Removes a previous output: all of it when it is guide's, or only an empty folder.
fn remove_previous(dir: &Path) {
    if super::marked(dir) {
        remove_ours(dir);
    } else {
        let _ = fs::remove_dir(dir);
    }
}

/// After a crash between the two renames, puts the newest `.<name>.guide-old-*` back as the
/// output. Returns the folder restored, if any. Call with the output lock held.
pub(super) fn recover(parent: &Path, name: &str, target: &Path) -> Option<PathBuf> {
    if fs::symlink_metadata(target).is_ok() {
        return None;
    }
    let newest = ours(parent, &format!(".{name}.guide-old-"))
        .into_iter()
        .max_by_key(|p| started(p))?;
    fs::rename(&newest, target).ok().map(|()| newest)
}

/// When the build that made `.<name>.guide-old-<pid>-<nanos>` started (its nanos).
fn started(p: &Path) -> u128 {
    p.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.rsplit('-').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Removes staging and old folders left by interrupted builds (only folders holding the
/// marker). Call with the output lock held, so no running build's folder is touched.
pub(super) fn clean_stale(parent: &Path, name: &str) {
    for prefix in [
        format!(".{name}.guide-stage-"),
        format!(".{name}.guide-old-"),
    ] {
        for dir in ours(parent, &prefix) {
            remove_ours(&dir);
        }
    }
}

/// Real folders (not symlinks) in `parent` named `prefix*` and holding the marker.
fn ours(parent: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .filter(|p| super::marked(p))
        .collect()
}

/// Deletes a folder guide made, its marker last: if the deletion is interrupted (Ctrl-C while
/// the old output is removed), what is left still carries the marker, so the next build
/// recognises it as its own and finishes the job.
pub(super) fn remove_ours(dir: &Path) {
    if !super::marked(dir) {
        return;
    }
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name() == MARKER {
                continue;
            }
            let p = e.path();
            let _ = if e.file_type().is_ok_and(|t| t.is_dir()) {
                fs::remove_dir_all(&p)
            } else {
                fs::remove_file(&p)
            };
        }
    }
    let _ = fs::remove_file(dir.join(MARKER));
    let _ = fs::remove_dir(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made(dir: &Path, file: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join(MARKER), "").unwrap();
        fs::write(dir.join(file), "x").unwrap();
    }

    #[test]
    fn swap_replaces_and_removes_the_previous_output() {
        let tmp = tempfile::tempdir().unwrap();
        let (stage, target) = (tmp.path().join(".p.guide-stage-1"), tmp.path().join("p"));
        made(&target, "old.html");
        made(&stage, "new.html");
        swap(&stage, &target, tmp.path(), "p", "1").unwrap();
        assert!(target.join("new.html").is_file() && !target.join("old.html").exists());
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn recover_restores_the_newest_old_output_only_when_there_is_none() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("p");
        made(&tmp.path().join(".p.guide-old-7-100"), "a.html");
        made(&tmp.path().join(".p.guide-old-5-200"), "b.html");
        fs::create_dir(tmp.path().join(".p.guide-old-3-300")).unwrap(); // not ours: no marker
        assert!(recover(tmp.path(), "p", &target).is_some());
        assert!(target.join("b.html").is_file());
        assert!(recover(tmp.path(), "p", &target).is_none());
        clean_stale(tmp.path(), "p");
        assert!(!tmp.path().join(".p.guide-old-7-100").exists());
        assert!(tmp.path().join(".p.guide-old-3-300").exists());
    }
}
