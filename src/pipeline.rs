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
    cache: Option<Cache>,
    one_shot: bool,
}

/// What survives between builds.
pub(crate) struct Cache {
    pub(crate) cfg: Config,
    pub(crate) renderer: Arc<Renderer>,
    pub(crate) theme: Theme,
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
    pub(crate) site: site::SiteCache,
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
        self.run(&[])
    }

    /// A build after `changed` files changed: book.toml or theme edits rebuild everything;
    /// content edits reuse what they did not touch.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Built, Diagnostics> {
        let full = match &self.cache {
            None => true,
            Some(c) => {
                let content = c.cfg.content_dir();
                changed.iter().any(|p| !p.starts_with(&content))
            }
        };
        if full {
            self.cache = None;
        }
        self.run(changed)
    }

    fn run(&mut self, changed: &[PathBuf]) -> Result<Built, Diagnostics> {
        let mut cache = match self.cache.take() {
            Some(c) => c,
            None => {
                let mut c = fresh(&self.opts)?;
                c.site.one_shot = self.one_shot;
                c
            }
        };
        let result = build_with(&mut cache, changed);
        if result.is_ok() || self.cache.is_none() {
            self.cache = Some(cache);
        }
        result
    }
}

fn fresh(opts: &BuildOptions) -> Result<Cache, Diagnostics> {
    let cfg = config::load(&opts.root, &opts.overrides)?;
    let theme = Theme::load(&cfg)?;
    let renderer = Arc::new(Renderer::new(&theme)?);
    Ok(Cache {
        cfg,
        renderer,
        theme,
        loaded: HashMap::new(),
        images: HashMap::new(),
        asset_bytes: HashMap::new(),
        rendered: HashMap::new(),
        layout: Vec::new(),
        link_targets: Vec::new(),
        walked: None,
        had_code: None,
        site: site::SiteCache::default(),
    })
}

fn build_with(cache: &mut Cache, changed: &[PathBuf]) -> Result<Built, Diagnostics> {
    let mut clock = Clock::default();
    clock.lap("start");
    let cfg = cache.cfg.clone();
    // A changed folder (a rename, or a rescan after lost events) means every file under it.
    let is_changed = |p: &Path| changed.iter().any(|c| p.starts_with(c));
    let content_dir = cfg.content_dir();
    let (found, mut diags) = match cache.walked.take() {
        Some(w) if w.0.still_valid(changed) => w,
        _ => walk::walk(&cfg.root, &content_dir, &cfg.build.content),
    };
    if !cache.site.one_shot {
        cache.walked = Some((found.clone(), diags.clone()));
    }

    // Read only new or changed page files.
    let shown = cfg.build.content.clone();
    let results: Vec<_> = found
        .pages
        .par_iter()
        .map(|f| match cache.loaded.get(&f.rel) {
            Some(l) if !is_changed(&f.path) => Ok(l.clone()),
            _ => content::load_page(&f.path, &f.rel, &shown),
        })
        .collect();
    let mut loaded = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(l) => loaded.push(l),
            Err(d) => diags.push(d),
        }
    }
    cache.loaded = loaded.iter().map(|l| (l.rel.clone(), l.clone())).collect();

    // Assets: read and measure only new or changed ones.
    let fresh_assets: Vec<_> = found
        .assets
        .par_iter()
        .filter(|f| is_changed(&f.path) || !cache.asset_bytes.contains_key(&f.rel))
        .map(|f| {
            (
                f.rel.clone(),
                crate::fsx::read(&f.path, &cfg.build.content.join(&f.rel)),
            )
        })
        .collect();
    let keep: HashSet<&str> = found.assets.iter().map(|f| f.rel.as_str()).collect();
    cache.asset_bytes.retain(|k, _| keep.contains(k.as_str()));
    cache.images.retain(|k, _| keep.contains(k.as_str()));
    // Images whose size or SVG markup changed: the pages showing them are re-rendered.
    let mut edited_images: HashSet<String> = HashSet::new();
    for (rel, bytes) in fresh_assets {
        match bytes {
            Ok(b) => {
                let info = assets::is_image(&rel)
                    .then(|| assets::info(&rel, &b))
                    .flatten();
                if cache.images.get(&rel) != info.as_ref() {
                    edited_images.insert(rel.clone());
                }
                match info {
                    Some(info) => cache.images.insert(rel.clone(), info),
                    None => cache.images.remove(&rel),
                };
                cache.asset_bytes.insert(rel, Bytes::from(b));
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
    let targets_same = targets == cache.link_targets;
    cache.link_targets = targets;
    let images = &cache.images;
    let prev = &cache.rendered;
    clock.lap("order");
    let rendered: Vec<(Arc<Rendered>, bool)> = (0..site.pages.len())
        .into_par_iter()
        .map(|id| {
            let p = &site.pages[id];
            match prev.get(&p.rel) {
                Some((text, r))
                    if targets_same
                        && Arc::ptr_eq(text, &p.text)
                        && !r.images.iter().any(|i| edited_images.contains(i)) =>
                {
                    (r.clone(), false)
                }
                _ => (
                    Arc::new(markdown::render(&markdown::Ctx {
                        site: &site,
                        images,
                        page: id,
                        trust_html: cfg.build.trust_html,
                    })),
                    true,
                ),
            }
        })
        .collect();
    cache.rendered = site
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
    for d in assets::svg_warnings(svg_figures, &cache.images, &cfg.build.content) {
        diags.push(d);
    }
    let plain: Vec<&Rendered> = rendered.iter().map(|(r, _)| r.as_ref()).collect();
    clock.lap("markdown");
    diags.extend(validate::links(&site, &plain));
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
        cfg: &cfg,
        site: &site,
        rendered: &plain,
        renderer: &cache.renderer,
        theme: &cache.theme,
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
    let same_structure = layout.len() == cache.layout.len()
        && layout
            .iter()
            .zip(&cache.layout)
            .all(|(a, b)| a.0 == b.0 && a.2 == b.2);
    let has_code = site::needs_highlight(&plain);
    let same_head = cache.had_code == Some(has_code);
    let todo: Vec<usize> = if !same_structure || !same_head || cache.site.html.is_empty() {
        (0..site.pages.len()).collect()
    } else {
        // Same pages in the same places: re-render the edited pages, and the pages that show
        // a title or description that changed (neighbours, parent, navigation).
        let retitled: HashSet<&str> = layout
            .iter()
            .zip(&cache.layout)
            .filter(|(a, b)| a.1 != b.1 || a.3 != b.3)
            .map(|(a, _)| a.0.as_str())
            .collect();
        let shows_retitled = |url: &str| {
            cache
                .site
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
    let tree = site::assemble(
        &input,
        &titles,
        &todo,
        &mut cache.site,
        &cache.asset_bytes,
        &mut clock,
    )
    .map_err(|mut errors| {
        errors.extend(warnings.clone());
        errors
    })?;
    // Only now: after a failed render, the next build must compare with the last good one.
    cache.layout = layout;
    cache.had_code = Some(has_code);
    Ok(Built {
        warnings,
        timings: clock.laps,
        tree,
        config: cfg,
        pages: site.pages.len(),
        assets: cache.asset_bytes.len(),
        rendered: todo.len(),
    })
}

/// Site-level context shared by every template.
pub(crate) fn site_ctx(cfg: &Config) -> SiteCtx {
    SiteCtx {
        title: cfg.book.title.clone(),
        description: cfg.book.description.clone(),
        language: cfg.book.language.clone(),
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
