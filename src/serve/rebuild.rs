//! The builder thread: owns the [`SiteBuilder`], turns watch batches into rebuilds and
//! publishes each result.
//!
//! The builder is `Send` but not `Sync` and a build is CPU work, so it lives on one plain
//! thread rather than in the async runtime. Batches that arrive while a build runs are
//! merged into a single follow-up rebuild, so a burst of saves never queues a build per
//! save. On success the new site replaces the served one and the hub sends `css` or
//! `reload`; on failure the old site stays and the hub sends the error (also printed here,
//! so the terminal and the overlay say the same thing).

use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::reload::{Message, message_for};
use super::server::AppState;
use super::watch::{self, ChangeSet, WatchEvent, WatchFilter};
use super::{ServeError, ServeOptions, SiteBuilder};

/// The running builder thread and the watcher feeding it.
pub(crate) struct BuilderThread {
    watcher: Option<watch::Watcher>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for BuilderThread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuilderThread").finish_non_exhaustive()
    }
}

/// The watcher, started before the first build so that edits made while it runs are not
/// lost: they wait in the channel and become the first rebuild.
pub(crate) struct Watching {
    watcher: watch::Watcher,
    rx: mpsc::Receiver<WatchEvent>,
    filter: WatchFilter,
    timing: Timing,
}

impl Watching {
    /// Starts watching `filter.roots`.
    pub(crate) fn start(filter: WatchFilter, opts: &ServeOptions) -> Result<Self, ServeError> {
        let (tx, rx) = mpsc::channel();
        let watcher = watch::watch(&filter, tx)?;
        let timing = Timing {
            settle: opts.debounce,
            max_wait: opts.debounce * 10,
            quiet: opts.quiet,
        };
        Ok(Watching {
            watcher,
            rx,
            filter,
            timing,
        })
    }

    /// Hands the builder to its own thread, which rebuilds on every batch from now on.
    pub(crate) fn spawn_builder<B: SiteBuilder>(
        self,
        builder: B,
        state: Arc<AppState>,
    ) -> Result<BuilderThread, ServeError> {
        let Watching {
            watcher,
            rx,
            filter,
            timing,
        } = self;
        let thread = std::thread::Builder::new()
            .name("guide-rebuild".into())
            .spawn(move || rebuild_loop(builder, &state, &filter, &rx, &timing))?;
        Ok(BuilderThread {
            watcher: Some(watcher),
            thread: Some(thread),
        })
    }
}

impl BuilderThread {
    /// Stops watching and waits for the current build (if any) to finish.
    pub(crate) fn stop(mut self) {
        // Dropping the watcher drops the channel's sender, which ends the loop.
        self.watcher.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn rebuild_loop<B: SiteBuilder>(
    mut builder: B,
    state: &AppState,
    filter: &WatchFilter,
    rx: &mpsc::Receiver<WatchEvent>,
    opts: &Timing,
) {
    while let Ok(batch) = rx.recv() {
        let mut change = ChangeSet::default();
        absorb(batch, filter, &mut change);
        if change.is_empty() {
            continue;
        }
        settle(rx, filter, &mut change, opts);
        if *state.stop.borrow() {
            break;
        }
        let paths: Vec<PathBuf> = if change.rescan {
            filter.roots.clone()
        } else {
            change.paths.iter().cloned().collect()
        };
        let started = Instant::now();
        let result = builder.rebuild(&paths);
        publish(state, &change, result, started, opts.quiet);
    }
}

/// How long to wait for a burst to end, and whether to print progress.
struct Timing {
    settle: Duration,
    max_wait: Duration,
    quiet: bool,
}

/// Waits until no relevant batch has arrived for `settle` (capped at `max_wait`).
///
/// Every event of a save (three writes in a row, temp file + rename, a save touching two
/// files) arrives within a millisecond or so of the first; this trailing wait folds them
/// into one rebuild. Events that are not changes (reads, scratch files) do not extend it.
fn settle(
    rx: &mpsc::Receiver<WatchEvent>,
    filter: &WatchFilter,
    change: &mut ChangeSet,
    t: &Timing,
) {
    let cap = Instant::now() + t.max_wait;
    let mut deadline = Instant::now() + t.settle;
    loop {
        let now = Instant::now();
        let Some(left) = deadline
            .min(cap)
            .checked_duration_since(now)
            .filter(|d| !d.is_zero())
        else {
            return;
        };
        match rx.recv_timeout(left) {
            Ok(batch) => {
                let mut more = ChangeSet::default();
                absorb(batch, filter, &mut more);
                if !more.is_empty() {
                    deadline = Instant::now() + t.settle;
                    change.merge(more);
                }
            }
            Err(_) => return,
        }
    }
}

fn absorb(event: WatchEvent, filter: &WatchFilter, change: &mut ChangeSet) {
    match event {
        Ok(event) => change.merge(watch::classify([&event], filter)),
        Err(e) => eprintln!("warning: watching files: {e}"),
    }
}

fn publish(
    state: &AppState,
    change: &ChangeSet,
    result: Result<super::Files, super::BuildFailure>,
    started: Instant,
    quiet: bool,
) {
    match result {
        Ok(new) => {
            let mut files = state.files.write().unwrap_or_else(|e| e.into_inner());
            let msg = message_for(change, &files, &new, state.hub.has_error());
            *files = new;
            drop(files);
            state.hub.publish(&msg);
            if !quiet {
                let what = if matches!(msg, Message::Css { .. }) {
                    "stylesheets swapped"
                } else {
                    "reloading"
                };
                eprintln!(
                    "Rebuilt in {} ms ({}; {what})",
                    started.elapsed().as_millis(),
                    describe(change)
                );
            }
        }
        Err(failure) => {
            eprintln!("{}", failure.rendered.trim_end());
            state.hub.publish(&Message::error(&failure));
        }
    }
}

fn describe(change: &ChangeSet) -> String {
    if change.rescan {
        return "rescan".into();
    }
    let mut names = change.paths.iter().map(|p| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string())
    });
    let first = names.next().unwrap_or_default();
    match change.paths.len() {
        0 | 1 => first,
        n => format!("{first} and {} more", n - 1),
    }
}
