//! What a running build is doing, for the live progress line of `guide build` (drawn by
//! `cmd::progress`): the phase, and how many of its pages are done. Counters are atomics
//! the phases bump as they go, so keeping them costs nothing measurable; nothing draws
//! unless the command asked for the line.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The phases as the line names them.
pub(crate) const PHASES: [&str; 7] = [
    "reading",
    "markdown",
    "checking",
    "templates",
    "print view",
    "search index",
    "photos",
];

/// A build's progress: the phase (an index into [`PHASES`]) and the pages it has done of
/// how many.
pub(crate) struct Progress {
    phase: AtomicUsize,
    done: AtomicUsize,
    total: AtomicUsize,
}

/// The progress of the build running in this process (the default language's; the other
/// languages of a multilingual guide count as they build).
pub(crate) static PROGRESS: Progress = Progress {
    phase: AtomicUsize::new(0),
    done: AtomicUsize::new(0),
    total: AtomicUsize::new(0),
};

/// A phase begins, over `total` pages (0 when it does not go page by page).
pub(crate) fn enter(phase: usize, total: usize) {
    PROGRESS.done.store(0, Ordering::Relaxed);
    PROGRESS.total.store(total, Ordering::Relaxed);
    PROGRESS.phase.store(phase, Ordering::Relaxed);
}

/// One more page of the current phase is done.
pub(crate) fn page_done() {
    PROGRESS.done.fetch_add(1, Ordering::Relaxed);
}

/// What the current phase counts: `images` while photos are processed, else `pages`.
pub(crate) fn unit() -> &'static str {
    match PROGRESS.phase.load(Ordering::Relaxed) {
        phase::PHOTOS => "images",
        _ => "pages",
    }
}

/// (phase name, pages done, of pages) now.
pub(crate) fn now() -> (&'static str, usize, usize) {
    let p = PROGRESS.phase.load(Ordering::Relaxed).min(PHASES.len() - 1);
    (
        PHASES[p],
        PROGRESS.done.load(Ordering::Relaxed),
        PROGRESS.total.load(Ordering::Relaxed),
    )
}

/// Phase indices, by name, for the phases that enter them.
pub(crate) mod phase {
    /// Reading files and ordering pages.
    pub(crate) const READING: usize = 0;
    /// Markdown to HTML.
    pub(crate) const MARKDOWN: usize = 1;
    /// Links, anchors, reviews.
    pub(crate) const CHECKING: usize = 2;
    /// Pages through the templates (and onto disk).
    pub(crate) const TEMPLATES: usize = 3;
    /// The print view, handouts, redirects, sitemap.
    pub(crate) const PRINT: usize = 4;
    /// The search index.
    pub(crate) const SEARCH: usize = 5;
    /// Photos decoded, resized and encoded (counted in images).
    pub(crate) const PHOTOS: usize = 6;
}
