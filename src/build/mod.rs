//! The build, one phase after another: read → order → Markdown → check → plan → templates
//! and site-wide files → (on commit) search index.
//!
//! A [`Session`] keeps what it built so the next build after an edit reuses it: unchanged
//! files are not re-read, unchanged pages not re-rendered from Markdown, and when no title
//! or page moved, only the edited pages go through the templates again. A full build is the
//! same code with nothing cached, which makes it the oracle for incremental rebuilds.
//!
//! Each phase is a file: [`read`], `content::order`, [`bodies`], [`check`], [`plan`],
//! [`assemble`] (with [`templates`] and [`print`]); [`cache`] holds what survives a build and
//! commits it, [`session`] decides what to rebuild.

mod assemble;
mod bodies;
mod cache;
mod check;
mod clock;
mod handouts;
mod input;
mod languages;
mod later;
mod links;
mod order;
mod plan;
mod print;
mod print_parts;
mod print_stream;
pub(crate) mod progress;
mod read;
mod session;
mod shown;
mod templates;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;

use crate::config::{Config, Overrides};
use crate::content::assets::ImageInfo;
use crate::diag::Diagnostics;
use crate::markdown::Rendered;
use crate::output::OutputTree;
use crate::output::write::Stage;
use cache::{Cache, Staged, State};
use clock::Clock;
use read::Changed;

pub(crate) use clock::peak_rss_kib;
pub(crate) use later::drop_later;
pub(crate) use session::build_loaded;
pub use session::{Session, build};

/// Whether builds repeat: a one-shot build keeps nothing only a rebuild would use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `guide build`, `guide check`.
    Once,
    /// `guide serve`: a rebuild follows every edit.
    Repeat,
}

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The project root (folder of book.toml).
    pub root: PathBuf,
    /// Command-line overrides of book.toml.
    pub overrides: Overrides,
}

/// A successful build.
#[derive(Debug, Clone)]
pub struct Built {
    /// Every output file.
    pub tree: OutputTree,
    /// The configuration used.
    pub config: Config,
    /// Pages in the guide.
    pub pages: usize,
    /// Assets copied.
    pub assets: usize,
    /// Pages that went through the templates in this build (all of them for a full build).
    pub rendered: usize,
    /// Warnings: the build is right, but the author should look (the summary counts them).
    pub warnings: Diagnostics,
    /// Time spent in each phase, for `--verbose` and profiling.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// Photos decoded and re-encoded by this build, and photos taken from the cache.
    pub images: (usize, usize),
    /// The process's peak memory (KiB) at the end of each phase of [`Built::timings`].
    pub peaks: Vec<Option<u64>>,
}

/// Every phase but the search index, on the last build's `cache`, after `changed` files
/// changed: the tree and the next cache state, or every problem found. With a `stage`
/// (a one-shot build), pages are written there as they are rendered instead.
fn phases(
    cache: &Cache,
    changed: &[PathBuf],
    (mode, stage): (Mode, Option<&Stage>),
) -> Result<Staged, Diagnostics> {
    let (cfg, last) = (&cache.cfg, &cache.state);
    let changed = Changed(changed);
    let mut clock = Clock::default();
    clock.lap("start");
    let mut diags = Diagnostics::new();
    diags.extend(cache.renderer.warnings.clone());
    let (read, site, ids_kept) = read_and_order(cfg, last, changed, (&mut diags, &mut clock));
    progress::enter(progress::phase::MARKDOWN, site.pages.len());
    let with = (last.for_bodies(), changed, &read.edited_images, ids_kept);
    let strings = &cache.renderer.strings;
    let bodies = bodies::render((cfg, strings), &site, &read.images, with, &mut diags);
    let plain: Vec<&Rendered> = bodies.rendered.iter().map(Arc::as_ref).collect();
    clock.lap("markdown");
    let edited: Vec<usize> = (0..site.pages.len())
        .filter(|&id| bodies.edited[id])
        .collect();
    let edits = ids_kept.then_some((&edited[..], &last.rendered[..]));
    let shown = shown::Shown::of(&plain, &last.shown, edits);
    let uses = shown.first_uses(&plain);
    let media = publish_media(cfg, (&read.images, &read.asset_bytes), &uses, last);
    media.diags.iter().for_each(|d| diags.push(d.clone()));
    clock.lap("images");
    progress::enter(progress::phase::CHECKING, 0);
    let kept_links = ids_kept.then_some(&last.links);
    let (link_diags, links) = links::check(&site, &plain, (&bodies.edited, kept_links), mode);
    let all = (diags, link_diags);
    let with = (&cache.theme, &last.svgs, &shown);
    let checked = check::check(cfg, &site, (&plain, &read.images), with, all)?;
    let (warnings, reviews) = (checked.warnings, checked.reviews);
    clock.lap("validate");
    let mut input = input::Input {
        cfg,
        site: &site,
        rendered: &plain,
        bodies: &bodies.rendered,
        renderer: &cache.renderer,
        theme: &cache.theme,
        reviews: &reviews,
        edits: None,
    };
    let titles = input.titles();
    let (layout, todo, same) = plan::plan(&site, &titles, &last.for_plan(), &bodies.edited);
    if ids_kept && same {
        input.edits = Some(&edited);
    }
    progress::enter(progress::phase::TEMPLATES, todo.len());
    let (mut tree, site_cache) = assemble::assemble(
        &input,
        &titles,
        &todo,
        (&last.site, mode, stage),
        &read.asset_bytes,
        &mut clock,
    )
    .map_err(|mut errors| {
        errors.extend(warnings.clone());
        errors
    })?;
    for (path, bytes) in media.files {
        tree.insert(path, bytes);
    }
    let kept = (bodies.kept, bodies.link_targets);
    let laid = (layout, links, site_cache);
    let memos = (media.memo, checked.svgs, shown);
    let state = next_state(read, kept, laid, memos, (&site, mode));
    Ok(Staged {
        state,
        tree,
        site,
        titles,
        rendered: bodies.rendered,
        todo,
        warnings,
        clock,
        images: (media.processed, media.reused),
    })
}

/// The read and order phases: the files read (the unchanged ones taken from `last`) and
/// the guide they make, and whether every page kept its id.
fn read_and_order(
    cfg: &Config,
    last: &State,
    changed: Changed,
    (diags, clock): (&mut Diagnostics, &mut Clock),
) -> (read::Read, Arc<crate::content::Site>, bool) {
    progress::enter(progress::phase::READING, 0);
    let mut read = read::read(cfg, last, changed, diags);
    clock.lap("read");
    let was = last.guide.as_deref().map(|s| (s, &last.loaded[..]));
    let (site, order_diags, ids_kept) =
        order::order(cfg, (&read.loaded, std::mem::take(&mut read.assets)), was);
    diags.extend(order_diags);
    clock.lap("order");
    (read, Arc::new(site), ids_kept)
}

/// What the next build starts from: everything this one read, rendered and laid out
/// (committed whole by the session, and only after a successful build).
fn next_state(
    read: read::Read,
    (kept, link_targets): (bodies::Kept, Arc<[String]>),
    (layout, links, site): (Arc<[plan::Place]>, links::Linked, assemble::SiteCache),
    (media, svgs, shown): (crate::media::Memo, check::SvgMemo, shown::Shown),
    (guide, mode): (&Arc<crate::content::Site>, Mode),
) -> State {
    let repeat = mode == Mode::Repeat;
    State {
        loaded: read.loaded,
        images: read.images,
        asset_bytes: read.asset_bytes,
        rendered: kept,
        layout,
        link_targets,
        links,
        walked: repeat.then_some(read.walked),
        site,
        media,
        svgs,
        shown,
        guide: repeat.then(|| guide.clone()),
    }
}

/// Processes (or takes from the cache) every photo the pages show; see [`crate::media`].
fn publish_media(
    cfg: &Config,
    (images, bytes): (&HashMap<String, ImageInfo>, &HashMap<String, Bytes>),
    uses: &[&crate::media::Use],
    last: &State,
) -> crate::media::publish::Published {
    let begin = |n: usize| {
        if n > 0 {
            progress::enter(progress::phase::PHOTOS, n);
        }
    };
    let sources = crate::media::Sources {
        images,
        bytes,
        root: &cfg.root,
        begin: &begin,
        done: &progress::page_done,
    };
    crate::media::publish(uses.iter().copied(), &sources, &cfg.images, &last.media)
}
