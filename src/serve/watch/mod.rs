//! File watching: turns raw filesystem notifications into one [`ChangeSet`] per save.
//!
//! Two jobs live here. [`Watcher`] forwards raw `notify` events as they happen; the builder
//! thread waits for a short quiet window after the first relevant one (see `rebuild.rs`), so
//! an idle server does no work and a save starts its rebuild a few milliseconds later.
//! A fixed-delay debouncer would add its whole delay (plus a tick) to every edit. Rename
//! halves need no pairing: [`classify`] judges each side on its own. [`classify`] is the
//! pure part that decides which events are real content changes; it is unit-tested below
//! without touching the disk.
//!
//! Why the filter is strict: only create, modify (data or name), remove and rename count.
//! A build *reads* its inputs, and on some backends reading produces access/open/close or
//! metadata (atime) events; counting those would make every build trigger the next one,
//! forever. Editor scratch files (swap, backup, `4913`, lock files, hidden files) are dropped
//! too, so one save is one rebuild.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak, mpsc};

use notify::event::{EventKind, ModifyKind};
use notify::{Event, RecursiveMode, Watcher as _};

use super::ServeError;

/// What a batch of events amounts to: the distinct source paths that changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// Changed paths (created, modified, removed, or either side of a rename), deduplicated.
    pub paths: BTreeSet<PathBuf>,
    /// The backend lost events (queue overflow): the caller should rebuild everything.
    pub rescan: bool,
}

impl ChangeSet {
    /// True when nothing worth rebuilding for happened.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty() && !self.rescan
    }

    /// True when every changed path is a stylesheet, so the browser can swap CSS in place.
    pub fn only_css(&self) -> bool {
        !self.rescan && !self.paths.is_empty() && self.paths.iter().all(|p| has_ext(p, "css"))
    }

    /// Adds another batch to this one.
    pub fn merge(&mut self, other: ChangeSet) {
        self.paths.extend(other.paths);
        self.rescan |= other.rescan;
    }
}

/// Which paths are watched and which are never interesting; the input of [`classify`].
#[derive(Debug, Clone, Default)]
pub struct WatchFilter {
    /// Watched roots: a folder covers everything below it, a file covers only itself.
    pub roots: Vec<PathBuf>,
    /// Paths (and everything below them) that must never trigger a rebuild.
    pub ignore: Vec<PathBuf>,
    /// Hidden paths listed in `include-hidden` (absolute): their leading-dot names, and
    /// the folders leading to them, are not scratch files.
    pub hidden: Vec<PathBuf>,
}

impl WatchFilter {
    /// Whether a changed path is a real source the build could care about.
    pub fn accepts(&self, path: &Path) -> bool {
        if self.ignore.iter().any(|i| path.starts_with(i)) {
            return false;
        }
        // Only look at components below the watched root: a hidden folder *above* the
        // project (say ~/.local/src/book) must not hide the whole project.
        let Some(root) = self.roots.iter().find(|r| path.starts_with(r)) else {
            return false;
        };
        let rel = path.strip_prefix(root).unwrap_or(path);
        let name_only = rel.as_os_str().is_empty();
        if name_only {
            return path
                .file_name()
                .is_none_or(|n| !is_scratch_name(&n.to_string_lossy()));
        }
        let mut cur = root.clone();
        rel.components().all(|c| {
            cur.push(c);
            let name = c.as_os_str().to_string_lossy();
            !is_scratch_name(&name) || self.listed_hidden(&cur, &name)
        })
    }

    /// Whether `cur` (named `name`) is, or leads to, a hidden path listed in
    /// `include-hidden`: `.well-known` itself, but not `.well-known/.#lock`.
    fn listed_hidden(&self, cur: &Path, name: &str) -> bool {
        name.starts_with('.')
            && !is_scratch_name(name.trim_start_matches('.'))
            && self.hidden.iter().any(|h| h.starts_with(cur))
    }
}

/// The names the content walk skips too, so a file the build publishes always triggers a
/// rebuild when it changes.
pub use crate::scratch::is_scratch_name;

/// Reduces raw events to the set of source paths that really changed.
///
/// Keeps create, modify-data, modify-name (rename) and remove events; drops access,
/// metadata and other events. For a rename, each side counts on its own unless it is a
/// scratch file, so `foo.md.tmp -> foo.md` yields just `foo.md`.
pub fn classify<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    filter: &WatchFilter,
) -> ChangeSet {
    let mut set = ChangeSet::default();
    for event in events {
        if event.need_rescan() {
            set.rescan = true;
            continue;
        }
        let counts = matches!(
            event.kind,
            EventKind::Create(_)
                | EventKind::Remove(_)
                | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
        );
        if !counts {
            continue;
        }
        // A paired rename arrives as Name(Both) with [from, to]; each side is judged alone.
        for path in &event.paths {
            if filter.accepts(path) {
                set.paths.insert(path.clone());
            }
        }
    }
    set
}

fn has_ext(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// What the watcher delivers: one raw event, or the backend's error.
pub type WatchEvent = notify::Result<Event>;

/// A running filesystem watcher; dropping it stops watching (and drops its sender, which
/// ends the builder loop).
pub struct Watcher {
    inner: Arc<Mutex<Inner>>,
}

/// The backend and the folder roots it watches recursively now.
struct Inner {
    backend: notify::RecommendedWatcher,
    watched: HashSet<PathBuf>,
}

/// What the builder thread keeps to add folders that appear later (a `themes/` folder made
/// while serving); it does not keep the watcher alive.
#[derive(Clone)]
pub struct Rewatch {
    inner: Weak<Mutex<Inner>>,
}

/// Starts watching `filter.roots`, delivering every raw event to `tx`.
///
/// A file root (book.toml) is watched through its parent folder, non-recursively: editors
/// that save by renaming replace the file's inode, which would silently end a watch on the
/// file itself. [`classify`] then keeps only the file. A folder root that does not exist yet
/// is seen appearing through its parent folder (watched non-recursively); [`Rewatch::refresh`]
/// then watches it.
pub fn watch(filter: &WatchFilter, tx: mpsc::Sender<WatchEvent>) -> Result<Watcher, ServeError> {
    let backend = notify::recommended_watcher(move |event: WatchEvent| {
        let _ = tx.send(event);
    })
    .map_err(|source| ServeError::Watch {
        path: PathBuf::new(),
        source,
    })?;
    let mut inner = Inner {
        backend,
        watched: HashSet::new(),
    };
    let mut parents = BTreeSet::new();
    for root in &filter.roots {
        if !root.is_dir() {
            parents.extend(root.parent().filter(|p| p.is_dir()).map(Path::to_path_buf));
        }
    }
    for parent in parents {
        inner.add(&parent, RecursiveMode::NonRecursive)?;
    }
    inner.refresh(filter, &[])?;
    Ok(Watcher {
        inner: Arc::new(Mutex::new(inner)),
    })
}

impl Watcher {
    /// A handle for the builder thread.
    pub fn rewatch(&self) -> Rewatch {
        Rewatch {
            inner: Arc::downgrade(&self.inner),
        }
    }
}

impl Rewatch {
    /// Watches the folder roots that exist now but are not watched, or that `changed` says
    /// were made anew (a folder removed and made again). Call it before a build reads them:
    /// what was written before the watch began is read by that build, what comes after is an
    /// event.
    pub fn refresh(&self, filter: &WatchFilter, changed: &[PathBuf]) {
        let Some(inner) = self.inner.upgrade() else {
            return;
        };
        let mut inner = inner.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(e) = inner.refresh(filter, changed) {
            eprintln!("warning: {e}");
        }
    }
}

impl Inner {
    fn add(&mut self, path: &Path, mode: RecursiveMode) -> Result<(), ServeError> {
        self.backend
            .watch(path, mode)
            .map_err(|source| ServeError::Watch {
                path: path.to_path_buf(),
                source,
            })
    }

    fn refresh(&mut self, filter: &WatchFilter, changed: &[PathBuf]) -> Result<(), ServeError> {
        for root in filter.roots.iter().filter(|r| !r.is_file()) {
            if !root.is_dir() {
                self.watched.remove(root);
                continue;
            }
            let renewed = changed.iter().any(|c| root.starts_with(c));
            if renewed || !self.watched.contains(root) {
                let _ = self.backend.unwatch(root);
                self.add(root, RecursiveMode::Recursive)?;
                self.watched.insert(root.clone());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
