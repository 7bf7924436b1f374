//! The builder thread: owns the [`SiteBuilder`], turns file changes into rebuilds and
//! publishes each result.
//!
//! The builder is `Send` but not `Sync` and a build is CPU work, so it lives on one plain
//! thread rather than in the async runtime. A burst of changes starts building almost at
//! once and is published only when the burst has been quiet for `debounce`: the build
//! overlaps the wait instead of following it. Changes that arrive meanwhile are built on top
//! and the earlier result is dropped, so a burst of saves never queues a build per save nor
//! reloads the browser per save. On success the new site replaces the served one and the
//! hub sends `css` or `reload`; on failure the old site stays and the hub sends the error
//! (also printed here, so the terminal and the overlay say the same thing).

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
            start: (opts.debounce / 8).min(Duration::from_millis(3)),
            quiet: opts.debounce,
            max_wait: opts.debounce * 10,
            silent: opts.quiet,
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
        let rewatch = watcher.rewatch();
        let thread = std::thread::Builder::new()
            .name("guide-rebuild".into())
            .spawn(move || rebuild_loop(builder, &state, (&filter, &rewatch), &rx, &timing))?;
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
    (filter, rewatch): (&WatchFilter, &watch::Rewatch),
    rx: &mpsc::Receiver<WatchEvent>,
    opts: &Timing,
) {
    // Changes seen but not yet given to the builder, kept across a `max_wait` publish.
    let mut carry = ChangeSet::default();
    loop {
        if carry.is_empty() {
            let Ok(event) = rx.recv() else { return };
            absorb(event, filter, &mut carry);
            if carry.is_empty() {
                continue;
            }
        }
        let first = Instant::now();
        let mut burst = Burst { last: first };
        // Most saves are a few events within a millisecond: wait that long before building.
        burst.gather(
            rx,
            filter,
            &mut carry,
            first + opts.start,
            first + opts.start,
        );
        // Everything built since the last publish (decides between CSS swap and reload).
        let mut change = ChangeSet::default();
        loop {
            if *state.stop.borrow() {
                return;
            }
            let todo = std::mem::take(&mut carry);
            let paths: Vec<PathBuf> = if todo.rescan {
                filter.roots.clone()
            } else {
                todo.paths.iter().cloned().collect()
            };
            change.merge(todo);
            // A watched folder that appeared since (themes/) is watched before it is read.
            rewatch.refresh(filter, &paths);
            let started = Instant::now();
            let result = builder.rebuild(&paths).map(|f| (f, builder.warnings()));
            // Build while the save settles, publish once it has: a later event (the next of
            // "several writes in a row", a slow editor's second file) supersedes this
            // result instead of costing the browser a second reload or a flash of a
            // half-written file's error.
            let cap = first + opts.max_wait;
            burst.gather(rx, filter, &mut carry, burst.last + opts.quiet, cap);
            if carry.is_empty() || Instant::now() >= cap {
                publish(state, &change, result, started, opts.silent);
                break;
            }
        }
    }
}

/// How long to wait before building, before publishing, at most, and whether to print.
struct Timing {
    /// Quiet time before the first build of a burst starts.
    start: Duration,
    /// Quiet time after the last event before a result is published.
    quiet: Duration,
    /// A result is published at the latest this long after a burst's first event.
    max_wait: Duration,
    /// Print nothing but errors.
    silent: bool,
}

/// The time of the last relevant event of a burst of changes.
struct Burst {
    last: Instant,
}

impl Burst {
    /// Collects relevant events into `change` until no new one has come for `quiet` (the
    /// deadline moves with every one), or until `cap`. Events queued while a build ran are
    /// taken even when the deadline has already passed. Events that are not changes (the
    /// build's own reads, scratch files) neither count nor extend the wait.
    fn gather(
        &mut self,
        rx: &mpsc::Receiver<WatchEvent>,
        filter: &WatchFilter,
        change: &mut ChangeSet,
        deadline: Instant,
        cap: Instant,
    ) {
        let quiet = deadline.saturating_duration_since(self.last);
        let mut deadline = deadline;
        loop {
            let left = deadline.min(cap).saturating_duration_since(Instant::now());
            let event = match rx.recv_timeout(left) {
                Ok(event) => event,
                Err(_) => match rx.try_recv() {
                    Ok(event) => event,
                    Err(_) => return,
                },
            };
            let mut more = ChangeSet::default();
            absorb(event, filter, &mut more);
            if !more.is_empty() {
                self.last = Instant::now();
                deadline = self.last + quiet;
                change.merge(more);
            }
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
    result: Result<(super::Files, Option<super::BuildFailure>), super::BuildFailure>,
    started: Instant,
    quiet: bool,
) {
    match result {
        Ok((new, warnings)) => {
            publish_warnings(&state.hub, warnings);
            let mut files = state.files.write().unwrap_or_else(|e| e.into_inner());
            let msg = message_for(change, &files, &new, state.hub.has_error());
            let old = std::mem::replace(&mut *files, new);
            drop(files);
            state.hub.publish(&msg);
            // The last site's files (every page) are freed off the reply's path.
            crate::build::drop_later(old);
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

/// Prints a good build's warnings and makes them the hub's current warnings (or clears them).
pub(crate) fn publish_warnings(hub: &super::reload::Hub, warnings: Option<super::BuildFailure>) {
    if let Some(w) = &warnings {
        eprintln!("{}", w.rendered.trim_end());
    }
    hub.set_warnings(warnings.as_ref());
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
