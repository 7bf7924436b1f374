//! The build: config → content → markdown (parallel) → validate → render (parallel) → tree.
//!
//! A [`Session`] keeps what it built so the next build after an edit reuses it: unchanged
//! files are not re-read, unchanged pages not re-rendered from Markdown, and when no title
//! or page moved, only the edited pages go through the templates again. A full build is the
//! same code with nothing cached, which makes it the oracle for incremental rebuilds.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;

use crate::config::{self, Config, Overrides};
use crate::content::assets::{self, ImageInfo};
use crate::content::{self, Loaded, walk};
use crate::diag::Diagnostics;
use crate::markdown::{self, Rendered};
use crate::output::OutputTree;
use crate::render::Renderer;
use crate::render::context::SiteCtx;
use crate::render::theme::Theme;
use crate::search;
use crate::site;
use crate::validate;

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
}

/// A page's place as the templates see it: URL, title, parent URL, description.
type Layout = (String, String, Option<String>, String);

/// Builds once, with nothing cached.
pub fn build(opts: &BuildOptions) -> Result<Built, Diagnostics> {
    let mut session = Session::new(opts.clone());
    session.one_shot = true;
    session.build()
}

/// A build that can be repeated cheaply after edits.
pub struct Session {
    opts: BuildOptions,
    /// What the last successful build left; only ever replaced whole.
    cache: Option<Cache>,
    /// Files changed since `cache` was made: a failed build keeps the cache as it was, so
    /// the next build must still treat what that build saw change as changed.
    pending: Vec<PathBuf>,
    one_shot: bool,
}

/// What survives between builds: made whole by a successful build, never patched.
pub(crate) struct Cache {
    pub(crate) cfg: Config,
    pub(crate) renderer: Arc<Renderer>,
    pub(crate) theme: Theme,
    state: State,
    /// The search index (updated in place by [`commit`], once nothing can fail any more).
    search: search::Index,
}

/// The part of the cache a build computes anew from the last one.
#[derive(Default)]
struct State {
    loaded: HashMap<String, Loaded>,
    images: HashMap<String, ImageInfo>,
    asset_bytes: HashMap<String, Bytes>,
    rendered: HashMap<String, (Arc<str>, Arc<Rendered>)>,
    layout: Vec<Layout>,
    link_targets: Vec<String>,
    /// Whether some page had code last time: every page's head links the highlighting
    /// stylesheet only then.
    had_code: Option<bool>,
    /// The last walk of the content folder and what it reported.
    walked: Option<(walk::Walk, Diagnostics)>,
    site: site::SiteCache,
}

impl Session {
    /// A session with nothing built yet.
    pub fn new(mut opts: BuildOptions) -> Self {
        // `rebuild` compares changed paths (absolute, from a watcher) with paths under the
        // root, so the root must be absolute too.
        if let Ok(abs) = std::path::absolute(&opts.root) {
            opts.root = abs;
        }
        Session {
            opts,
            cache: None,
            pending: Vec::new(),
            one_shot: false,
        }
    }

    /// The project root.
    pub fn root(&self) -> &Path {
        &self.opts.root
    }

    /// The configuration of the last successful build, if any.
    pub fn config(&self) -> Option<&Config> {
        self.cache.as_ref().map(|c| &c.cfg)
    }

    /// A full build; the cache is replaced.
    pub fn build(&mut self) -> Result<Built, Diagnostics> {
        self.cache = None;
        self.run()
    }

    /// A build after `changed` files changed: book.toml or theme edits rebuild everything;
    /// content edits reuse what they did not touch.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Built, Diagnostics> {
        self.pending.extend_from_slice(changed);
        if let Some(c) = &self.cache {
            let content = c.cfg.content_dir();
            if self.pending.iter().any(|p| !p.starts_with(&content)) {
                self.cache = None;
            }
        }
        self.run()
    }

    /// Builds on the cache (or from nothing) and replaces the cache whole on success; after
    /// a failure the cache stays as the last success left it.
    fn run(&mut self) -> Result<Built, Diagnostics> {
        let (prev, from_scratch) = match self.cache.take() {
            Some(c) => (c, false),
            None => {
                self.pending.clear();
                (fresh(&self.opts)?, true)
            }
        };
        match build_with(&prev, &self.pending, self.one_shot) {
            Ok(staged) => {
                let (built, cache) = commit(prev, staged);
                self.pending.clear();
                self.cache = Some(cache);
                Ok(built)
            }
            Err(diags) => {
                // A cache that never built anything is worth nothing: the next build is full.
                if !from_scratch {
                    self.cache = Some(prev);
                }
                Err(diags)
            }
        }
    }
}

fn fresh(opts: &BuildOptions) -> Result<Cache, Diagnostics> {
    let cfg = config::load(&opts.root, &opts.overrides)?;
    let theme = Theme::load(&cfg)?;
    let renderer = Arc::new(Renderer::new(&theme, &cfg)?);
    Ok(Cache {
        cfg,
        renderer,
        theme,
        state: State::default(),
        search: search::Index::default(),
    })
}

/// A build that has succeeded up to the search index: the new cache state, the tree without
/// the index, and what the index needs.
struct Staged {
    state: State,
    tree: OutputTree,
    site: content::Site,
    titles: Vec<String>,
    rendered: Vec<Arc<Rendered>>,
    todo: Vec<usize>,
    warnings: Diagnostics,
    clock: Clock,
}

/// The one place the cache changes: the search index is brought up to date and the new
/// state replaces the old.
fn commit(prev: Cache, staged: Staged) -> (Built, Cache) {
    let Staged {
        state,
        mut tree,
        site,
        titles,
        rendered,
        todo,
        warnings,
        mut clock,
    } = staged;
    let mut cache = Cache { state, ..prev };
    let plain: Vec<&Rendered> = rendered.iter().map(|r| r.as_ref()).collect();
    let language = cache.cfg.book.language.clone();
    site::search_files(
        (&site, &language),
        &titles,
        &plain,
        &todo,
        &mut cache.search,
        &mut tree,
    );
    clock.lap("search");
    let built = Built {
        warnings,
        timings: clock.laps,
        tree,
        config: cache.cfg.clone(),
        pages: site.pages.len(),
        assets: cache.state.asset_bytes.len(),
        rendered: todo.len(),
    };
    (built, cache)
}

fn build_with(cache: &Cache, changed: &[PathBuf], one_shot: bool) -> Result<Staged, Diagnostics> {
    let mut clock = Clock::default();
    clock.lap("start");
    let prev = &cache.state;
    let cfg = &cache.cfg;
    let mut next = State::default();
    // A changed folder (a rename, or a rescan after lost events) means every file under it.
    let is_changed = |p: &Path| changed.iter().any(|c| p.starts_with(c));
    let content_dir = cfg.content_dir();
    let (found, mut diags) = match &prev.walked {
        Some(w) if w.0.still_valid(changed) => w.clone(),
        _ => walk::walk(cfg, &content_dir, &cfg.build.content),
    };
    if !one_shot {
        next.walked = Some((found.clone(), diags.clone()));
    }
    diags.extend(cache.renderer.warnings.clone());

    // Read only new or changed page files.
    let shown = cfg.build.content.clone();
    let results: Vec<_> = found
        .pages
        .par_iter()
        .map(|f| match prev.loaded.get(&f.rel) {
            Some(l) if !is_changed(&f.path) => Ok(l.clone()),
            _ => content::load_page(&f.path, &f.rel, &shown),
        })
        .collect();
    let mut loaded = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(l) => loaded.push(l),
            Err(ds) => ds.into_iter().for_each(|d| diags.push(d)),
        }
    }
    next.loaded = loaded.iter().map(|l| (l.rel.clone(), l.clone())).collect();

    // Assets: read and measure only new or changed ones.
    let fresh_assets: Vec<_> = found
        .assets
        .par_iter()
        .filter(|f| is_changed(&f.path) || !prev.asset_bytes.contains_key(&f.rel))
        .map(|f| {
            (
                f.rel.clone(),
                crate::fsx::read(&f.path, &cfg.build.content.join(&f.rel)),
            )
        })
        .collect();
    let keep: HashSet<&str> = found.assets.iter().map(|f| f.rel.as_str()).collect();
    next.asset_bytes = prev
        .asset_bytes
        .iter()
        .filter(|(k, _)| keep.contains(k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    next.images = prev
        .images
        .iter()
        .filter(|(k, _)| keep.contains(k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    // Images whose size or SVG markup changed: the pages showing them are re-rendered.
    let mut edited_images: HashSet<String> = HashSet::new();
    for (rel, bytes) in fresh_assets {
        match bytes {
            Ok(b) => {
                let info = assets::is_image(&rel)
                    .then(|| assets::info(&rel, &b))
                    .flatten();
                if prev.images.get(&rel) != info.as_ref() {
                    edited_images.insert(rel.clone());
                }
                match info {
                    Some(info) => next.images.insert(rel.clone(), info),
                    None => next.images.remove(&rel),
                };
                next.asset_bytes.insert(rel, Bytes::from(b));
            }
            Err(d) => diags.push(d),
        }
    }
    let asset_map = found
        .assets
        .into_iter()
        .map(|f| {
            (
                f.rel.clone(),
                content::Asset {
                    rel: f.rel,
                    path: f.path,
                },
            )
        })
        .collect();
    clock.lap("read");
    let (site, order_diags) =
        content::order::assemble(loaded, asset_map, cfg.build.drafts, &cfg.build.content);
    diags.extend(order_diags);

    // Markdown: re-render a page when its text changed, or when the set of link targets did.
    let mut targets: Vec<String> = site
        .pages
        .iter()
        .map(|p| format!("{}\t{}", p.rel, p.url))
        .chain(site.assets.keys().cloned())
        .collect();
    targets.sort_unstable();
    let targets_same = targets == prev.link_targets;
    next.link_targets = targets;
    let images = &next.images;
    // Where `{{#include}}` may read: the project and `allow-outside` folders.
    let bounds = crate::confine::Bounds::project(cfg);
    clock.lap("order");
    let rendered: Vec<(Arc<Rendered>, bool)> = (0..site.pages.len())
        .into_par_iter()
        .map(|id| {
            let p = &site.pages[id];
            match prev.rendered.get(&p.rel) {
                Some((text, r))
                    if targets_same
                        && Arc::ptr_eq(text, &p.text)
                        && !r.images.iter().any(|i| edited_images.contains(i))
                        && !r
                            .includes
                            .iter()
                            .any(|i| is_changed(&lexical(&content_dir.join(i)))) =>
                {
                    (r.clone(), false)
                }
                _ => (
                    Arc::new(markdown::render(&markdown::Ctx {
                        site: &site,
                        images,
                        page: id,
                        trust_html: cfg.build.trust_html,
                        root: &cfg.root,
                        bounds: &bounds,
                        content: &content_dir,
                        links: &cfg.links,
                        strings: &cache.renderer.strings,
                    })),
                    true,
                ),
            }
        })
        .collect();
    next.rendered = site
        .pages
        .iter()
        .zip(&rendered)
        .map(|(p, (r, _))| (p.rel.clone(), (p.text.clone(), r.clone())))
        .collect();
    for (r, _) in &rendered {
        for d in &r.diags {
            diags.push(d.clone());
        }
    }
    let svg_figures = rendered.iter().flat_map(|(r, _)| r.svg_figures.iter());
    for d in assets::svg_warnings(svg_figures, &next.images, &cfg.build.content) {
        diags.push(d);
    }
    let plain: Vec<&Rendered> = rendered.iter().map(|(r, _)| r.as_ref()).collect();
    clock.lap("markdown");
    diags.extend(validate::links(&site, &plain));
    let reviews = crate::health::review_all(&site, cfg, &mut diags);
    if cfg.safety.require_stop_if {
        crate::health::stop_ifs_required(&site, &plain, &mut diags);
    }
    let statics: Vec<&str> = cache.theme.statics().map(|(name, _)| name).collect();
    diags.extend(validate::collisions(&site, cfg, &statics));
    diags.extend(crate::redirects::check(&site, cfg, &statics));
    clock.lap("validate");
    if cfg.build.deny_warnings {
        diags.deny_warnings();
    }
    diags.sort();
    if diags.has_errors() {
        return Err(diags);
    }
    let warnings = diags;
    let fresh_pages: HashSet<usize> = rendered
        .iter()
        .enumerate()
        .filter(|(_, (_, f))| *f)
        .map(|(i, _)| i)
        .collect();
    let input = site::Input {
        cfg,
        site: &site,
        rendered: &plain,
        renderer: &cache.renderer,
        theme: &cache.theme,
        reviews: &reviews,
    };
    let titles = input.titles();
    // What changed in the layout decides which pages go through the templates again.
    let layout: Vec<Layout> = site
        .order
        .iter()
        .map(|&id| {
            let p = &site.pages[id];
            let description = p.front.description.clone().unwrap_or_default();
            (
                p.url.clone(),
                titles[id].clone(),
                p.parent.map(|q| site.pages[q].url.clone()),
                description,
            )
        })
        .collect();
    let same_structure = layout.len() == prev.layout.len()
        && layout
            .iter()
            .zip(&prev.layout)
            .all(|(a, b)| a.0 == b.0 && a.2 == b.2);
    let has_code = site::needs_highlight(&plain);
    let same_head = prev.had_code == Some(has_code);
    let todo: Vec<usize> = if !same_structure || !same_head || prev.site.html.is_empty() {
        (0..site.pages.len()).collect()
    } else {
        // Same pages in the same places: re-render the edited pages, and the pages that show
        // a title or description that changed (neighbours, parent, navigation).
        let retitled: HashSet<&str> = layout
            .iter()
            .zip(&prev.layout)
            .filter(|(a, b)| a.1 != b.1 || a.3 != b.3)
            .map(|(a, _)| a.0.as_str())
            .collect();
        let shows_retitled = |url: &str| {
            prev.site
                .deps
                .get(url)
                .is_some_and(|d| d.iter().any(|u| retitled.contains(u.as_str())))
        };
        (0..site.pages.len())
            .filter(|id| {
                fresh_pages.contains(id)
                    || (!retitled.is_empty() && shows_retitled(&site.pages[*id].url))
            })
            .collect()
    };
    let (tree, site_cache) = site::assemble(
        &input,
        &titles,
        &todo,
        (&prev.site, one_shot),
        &next.asset_bytes,
        &mut clock,
    )
    .map_err(|mut errors| {
        errors.extend(warnings.clone());
        errors
    })?;
    next.site = site_cache;
    next.layout = layout;
    next.had_code = Some(has_code);
    let rendered = rendered.into_iter().map(|(r, _)| r).collect();
    Ok(Staged {
        state: next,
        tree,
        site,
        titles,
        rendered,
        todo,
        warnings,
        clock,
    })
}

/// `path` with `.` and `..` components folded away (an include may name `../x.rs`), so it
/// compares with the absolute paths a watcher reports.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
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

/// Site-level context shared by every template.
pub(crate) fn site_ctx(cfg: &Config) -> SiteCtx {
    SiteCtx {
        title: cfg.book.title.clone(),
        description: cfg.book.description.clone(),
        language: cfg.book.language.clone(),
        dir: crate::i18n::dir_of(&cfg.book.language),
        authors: cfg.book.authors.clone(),
        base_url: cfg.book.base_url.clone(),
    }
}

/// Phase timings.
#[derive(Default)]
pub(crate) struct Clock {
    last: Option<std::time::Instant>,
    laps: Vec<(&'static str, std::time::Duration)>,
}

impl Clock {
    /// Records the time since the previous lap under `name`.
    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        let since = self.last.map_or(std::time::Duration::ZERO, |l| now - l);
        if self.last.is_some() {
            self.laps.push((name, since));
        }
        self.last = Some(now);
    }
}
