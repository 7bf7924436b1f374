//! One build at a time per output folder.
//!
//! Two builds writing into one output deleted each other's staging folders (the marker of a
//! half-deleted one was lost, so it was never cleaned). A build now holds an exclusive lock
//! on `.<name>.guide-lock` beside the output from before its first file operation until
//! the swap is done; a second build waits for it, saying which process holds it. The lock
//! is the OS's (`flock` on Unix; elsewhere builds are not serialised), so it is released when the holder
//! exits, even by a crash or `kill -9`: a stale lock file never blocks anyone. The file is
//! never deleted (deleting a lock file lets a third process lock a new inode while the
//! second still waits on the old one).

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::fsx;

/// A held output lock; released on drop.
#[derive(Debug)]
pub(crate) struct OutputLock {
    _file: File,
}

/// The lock file of the output folder `name` inside `parent`.
pub(crate) fn lock_path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.guide-lock"))
}

/// Takes the lock of the output folder `name` in `parent`, waiting for another build that
/// holds it (after printing which process that is).
pub(crate) fn acquire(parent: &Path, name: &str) -> Result<OutputLock, Diagnostic> {
    let path = lock_path(parent, name);
    if fs::symlink_metadata(&path).is_ok_and(|m| !m.file_type().is_file()) {
        return Err(Diagnostic::error(format!(
            "refusing to use {} as guide's lock file: it is not a plain file",
            path.display()
        ))
        .hint("remove it; guide creates it beside the output folder"));
    }
    let mut file = open(&path).map_err(|e| fsx::io_error("could not open", &path, &e))?;
    match flock(&file, false) {
        Ok(true) => {}
        Ok(false) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            let who = if holder.is_empty() {
                "another guide build".to_string()
            } else {
                format!("another guide build (pid {holder})")
            };
            eprintln!(
                "waiting for {who} to finish writing into {}…",
                parent.join(name).display()
            );
            flock(&file, true).map_err(|e| fsx::io_error("could not lock", &path, &e))?;
        }
        Err(e) => return Err(fsx::io_error("could not lock", &path, &e)),
    }
    let _ = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| write!(file, "{}", std::process::id()));
    Ok(OutputLock { _file: file })
}

fn open(path: &Path) -> std::io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc_o_nofollow());
    }
    o.open(path)
}

/// `O_NOFOLLOW`: a symlink planted at the lock's name is not followed (and truncated).
#[cfg(unix)]
fn libc_o_nofollow() -> i32 {
    rustix::fs::OFlags::NOFOLLOW.bits() as i32
}

/// Takes an exclusive `flock` on `file`, waiting when `wait`; false when it is held elsewhere.
#[cfg(unix)]
fn flock(file: &File, wait: bool) -> std::io::Result<bool> {
    use rustix::fs::{FlockOperation, flock};
    let op = if wait {
        FlockOperation::LockExclusive
    } else {
        FlockOperation::NonBlockingLockExclusive
    };
    match flock(file, op) {
        Ok(()) => Ok(true),
        Err(e) if e == rustix::io::Errno::WOULDBLOCK => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(unix))]
fn flock(_: &File, _: bool) -> std::io::Result<bool> {
    Ok(true)
}
