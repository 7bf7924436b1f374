//! The processed-image cache: `<project>/.guide-cache/images/<key>/`, one folder per photo
//! and settings, shared by `guide build` and `guide serve`.
//!
//! It lives outside the output folder so the output's atomic swap stays cheap, and in a
//! hidden folder at the project root so it is never content (the walk skips hidden names,
//! serve's watcher ignores it). The key is blake3 of the source bytes' hash, the
//! `[images]` settings and the processing version; an entry is written to a temporary
//! folder and renamed into place whole, so a half-written entry is never read. The cache is
//! an optimisation: failing to write it costs the next build time, never correctness.

use std::path::{Path, PathBuf};

use bytes::Bytes;

/// The cache folder's name under the project root (also in serve's ignore list).
pub(crate) const DIR: &str = ".guide-cache";

/// Where processed images of the project at `root` are kept.
pub(crate) fn images_dir(root: &Path) -> PathBuf {
    root.join(DIR).join("images")
}

/// The key of a source (its blake3 hex) under settings `fingerprint`.
pub(crate) fn key(hash: &str, fingerprint: &str) -> String {
    let mut h = blake3::Hasher::new();
    h.update(hash.as_bytes());
    h.update(b"\n");
    h.update(fingerprint.as_bytes());
    h.finalize().to_hex().to_string()
}

/// The files of entry `key`, if it is complete (every name in `names` present).
pub(crate) fn load(dir: &Path, key: &str, names: &[String]) -> Option<Vec<(String, Bytes)>> {
    let entry = dir.join(key);
    names
        .iter()
        .map(|n| Some((n.clone(), Bytes::from(std::fs::read(entry.join(n)).ok()?))))
        .collect()
}

/// Stores an entry; errors are ignored (the next build processes the photo again).
pub(crate) fn store(dir: &Path, key: &str, files: &[(String, Vec<u8>)]) {
    // A cache folder that is a link could send writes out of the project: never follow one.
    let linked = |p: Option<&Path>| {
        p.and_then(|p| std::fs::symlink_metadata(p).ok())
            .is_some_and(|m| m.file_type().is_symlink())
    };
    if linked(Some(dir)) || linked(dir.parent()) {
        return;
    }
    let tmp = dir.join(format!(".tmp-{key}-{}", std::process::id()));
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(&tmp)?;
        for (name, bytes) in files {
            std::fs::write(tmp.join(name), bytes)?;
        }
        let dest = dir.join(key);
        if dest.exists() {
            std::fs::remove_dir_all(&dest)?;
        }
        std::fs::rename(&tmp, &dest)
    };
    if write().is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
}
