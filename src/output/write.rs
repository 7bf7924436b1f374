//! Writing the output folder atomically and safely.
//!
//! The site is written into a staging folder beside the output, then swapped in
//! (`swap`), so a failed or interrupted build leaves the previous output as it was. guide
//! only ever replaces or deletes a folder holding its marker file ([`MARKER`]): never the
//! project root, the content folder, a home folder, a file, a device or a socket, or a
//! folder it did not make ([`check_target`]). A build holds the output's lock (`lock`)
//! from [`prepare`], before any work, to the end of [`Prepared::write`].

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::lock::{self, OutputLock};
use super::swap;
pub use super::target::check_target;
use super::{MARKER, OutputTree};
use crate::config::Config;
use crate::confine::real;
use crate::diag::{Diagnostic, Diagnostics};
use crate::fsx;

/// An output folder checked and locked for one build.
#[derive(Debug)]
pub struct Prepared {
    target: PathBuf,
    parent: PathBuf,
    name: String,
    _lock: OutputLock,
}

/// Checks `out`, takes its lock (waiting for another build that holds it), restores the
/// output an interrupted swap left aside, and removes stale staging folders. Do this
/// before any work; write with [`Prepared::write`].
pub fn prepare(cfg: &Config, out: &Path) -> Result<Prepared, Diagnostics> {
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
    let lock = lock::acquire(&parent, &name)?;
    if let Some(from) = swap::recover(&parent, &name, &target) {
        eprintln!(
            "note: restored {} from {} (a build was interrupted while swapping it)",
            target.display(),
            from.display()
        );
    }
    swap::clean_stale(&parent, &name);
    // Checked again under the lock: another process may have put something there.
    check_target(cfg, out)?;
    Ok(Prepared {
        target,
        parent,
        name,
        _lock: lock,
    })
}

impl Prepared {
    /// Writes `tree` in place of the output, atomically. On error the output is untouched
    /// and the staging folder removed.
    pub fn write(&self, cfg: &Config, tree: &OutputTree) -> Result<(), Diagnostics> {
        check_target(cfg, &self.target)?;
        let unique = format!(
            "{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        );
        let stage = self
            .parent
            .join(format!(".{}.guide-stage-{unique}", self.name));
        let result = stage_files(&stage, tree)
            .and_then(|()| swap::swap(&stage, &self.target, &self.parent, &self.name, &unique));
        if result.is_err() && super::marked(&stage) {
            swap::remove_ours(&stage);
        }
        result
    }
}

/// Writes `tree` to `out` atomically ([`prepare`] then [`Prepared::write`]).
pub fn write(cfg: &Config, tree: &OutputTree, out: &Path) -> Result<(), Diagnostics> {
    prepare(cfg, out)?.write(cfg, tree)
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
