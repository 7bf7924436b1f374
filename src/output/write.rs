//! Writing the output folder atomically and safely.
//!
//! The site is written into a staging folder beside the output, then swapped in with two
//! renames, so a failed or interrupted build leaves the previous output as it was. guide
//! only ever replaces or deletes a folder holding its marker file ([`MARKER`]): never the
//! project root, the content folder, a home folder, or a folder it did not make.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{MARKER, OutputTree};
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::fsx;

/// Checks that `out` may be replaced by a build of the project `cfg`, before any work.
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
    if target.is_file() {
        return refuse("it is a file".into());
    }
    if target.is_dir() && !target.join(MARKER).is_file() {
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

/// Writes `tree` to `out` atomically. On error, `out` is untouched and the staging folder removed.
pub fn write(cfg: &Config, tree: &OutputTree, out: &Path) -> Result<(), Diagnostics> {
    check_target(cfg, out)?;
    let target = real(out);
    let parent = target
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    fsx::create_dir_all(&parent)?;
    clean_stale(&parent, &name);
    let unique = format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    );
    let stage = parent.join(format!(".{name}.guide-stage-{unique}"));
    let result =
        stage_files(&stage, tree).and_then(|()| swap(&stage, &target, &parent, &name, &unique));
    if result.is_err() && stage.join(MARKER).is_file() {
        remove_ours(&stage);
    }
    result
}

fn stage_files(stage: &Path, tree: &OutputTree) -> Result<(), Diagnostics> {
    fs::create_dir(stage).map_err(|e| {
        Diagnostics::from(fsx::io_error(
            "could not create the staging folder",
            stage,
            &e,
        ))
    })?;
    fsx::write(
        &stage.join(MARKER),
        b"This folder was made by guide; guide replaces it on every build.\n",
    )?;
    // Folders first (in parallel: a thousand sequential mkdirs were the slowest part of a
    // build), then every file in parallel.
    let dirs: std::collections::BTreeSet<PathBuf> = tree
        .files
        .keys()
        .filter_map(|k| {
            Path::new(k)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(|p| stage.join(p))
        })
        .collect();
    let dir_errors: Vec<Diagnostic> = dirs
        .par_iter()
        .filter_map(|d| fsx::create_dir_all(d).err())
        .collect();
    if let Some(first) = dir_errors.into_iter().next() {
        return Err(first.into());
    }
    let errors: Vec<Diagnostic> = tree
        .files
        .par_iter()
        .filter_map(|(path, bytes)| {
            let p = stage.join(path);
            fs::write(&p, bytes)
                .err()
                .map(|e| fsx::io_error("could not write", &p, &e))
        })
        .collect();
    match errors.into_iter().next() {
        Some(first) => Err(first.into()),
        None => Ok(()),
    }
}

fn swap(
    stage: &Path,
    target: &Path,
    parent: &Path,
    name: &str,
    unique: &str,
) -> Result<(), Diagnostics> {
    let old = parent.join(format!(".{name}.guide-old-{unique}"));
    let had_old = target.exists();
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
    if had_old && old.join(MARKER).is_file() {
        remove_ours(&old);
    } else if had_old {
        let _ = fs::remove_dir(&old);
    }
    Ok(())
}

/// Removes staging folders left by an interrupted build (only ours: they hold the marker).
fn clean_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        let ours = n.starts_with(&format!(".{name}.guide-stage-"))
            || n.starts_with(&format!(".{name}.guide-old-"));
        if ours && e.path().join(MARKER).is_file() {
            remove_ours(&e.path());
        }
    }
}

/// Deletes a folder guide made, its marker last: if the deletion is interrupted (Ctrl-C while
/// the old output is removed), what is left still carries the marker, so the next build
/// recognises it as its own and finishes the job.
fn remove_ours(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name() == MARKER {
                continue;
            }
            let p = e.path();
            let _ = if p.is_dir() && !p.is_symlink() {
                fs::remove_dir_all(&p)
            } else {
                fs::remove_file(&p)
            };
        }
    }
    let _ = fs::remove_file(dir.join(MARKER));
    let _ = fs::remove_dir(dir);
}

/// The absolute, symlink-resolved form of a path that may not exist yet.
fn real(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    if let Ok(r) = abs.canonicalize() {
        return r;
    }
    let mut tail = Vec::new();
    let mut cur = abs.as_path();
    loop {
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                tail.push(name.to_os_string());
                if let Ok(r) = parent.canonicalize() {
                    let mut out = r;
                    for t in tail.iter().rev() {
                        out.push(t);
                    }
                    return normalize(&out);
                }
                cur = parent;
            }
            _ => return normalize(&abs),
        }
    }
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}
