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

use std::sync::atomic::{AtomicUsize, Ordering};

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
        self.stage(cfg)?.finish(cfg, tree)
    }

    /// A staging folder beside the output, to fill while the build runs ([`Stage::put`])
    /// and swap in with [`Stage::finish`]; dropped unfinished, it is removed.
    pub fn stage(&self, cfg: &Config) -> Result<Stage<'_>, Diagnostics> {
        check_target(cfg, &self.target)?;
        let unique = format!(
            "{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        );
        let dir = self
            .parent
            .join(format!(".{}.guide-stage-{unique}", self.name));
        fs::create_dir(&dir).map_err(|e| {
            Diagnostics::from(fsx::io_error(
                "could not create the staging folder",
                &dir,
                &e,
            ))
        })?;
        let stage = Stage {
            prepared: self,
            dir,
            unique,
            done: false,
            written: AtomicUsize::new(0),
        };
        fsx::write(
            &stage.dir.join(MARKER),
            b"This folder was made by guide; guide replaces it on every build.\n",
        )?;
        Ok(stage)
    }
}

/// A staging folder being filled: pages are written as they are rendered (so a one-shot
/// build never holds the whole site), the rest of the tree at [`Stage::finish`].
#[derive(Debug)]
pub struct Stage<'a> {
    prepared: &'a Prepared,
    dir: PathBuf,
    unique: String,
    done: bool,
    written: AtomicUsize,
}

impl Stage<'_> {
    /// Writes one output file (`anatomy/index.html`) now; callable from many threads.
    pub(crate) fn put(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let p = self.dir.join(path);
        if let Some(parent) = p.parent() {
            fsx::create_dir_all(parent)?;
        }
        fs::write(&p, bytes).map_err(|e| fsx::io_error("could not write", &p, &e))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Files written so far by [`Stage::put`].
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Writes the rest of the site (`tree`) and swaps the staging folder in place of the
    /// output. On error the output is untouched and the staging folder removed.
    pub fn finish(mut self, cfg: &Config, tree: &OutputTree) -> Result<(), Diagnostics> {
        check_target(cfg, &self.prepared.target)?;
        stage_files(&self.dir, tree)?;
        let p = self.prepared;
        swap::swap(&self.dir, &p.target, &p.parent, &p.name, &self.unique)?;
        self.done = true;
        Ok(())
    }
}

impl Drop for Stage<'_> {
    fn drop(&mut self) {
        if !self.done && super::marked(&self.dir) {
            swap::remove_ours(&self.dir);
        }
    }
}

/// Writes `tree` to `out` atomically ([`prepare`] then [`Prepared::write`]).
pub fn write(cfg: &Config, tree: &OutputTree, out: &Path) -> Result<(), Diagnostics> {
    prepare(cfg, out)?.write(cfg, tree)
}

fn stage_files(stage: &Path, tree: &OutputTree) -> Result<(), Diagnostics> {
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
    let files: Vec<(&String, &bytes::Bytes)> = tree.files.iter().collect();
    let errors: Vec<Diagnostic> = files
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
