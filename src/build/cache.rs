//! The cache a session keeps between builds, and its one commit: made whole by a successful
//! build, never patched field by field.

use std::collections::HashMap;
use std::sync::Arc;

use bytes::Bytes;

use super::assemble::{self, SiteCache};
use super::bodies;
use super::clock::Clock;
use super::plan::{self, Place};
use super::{Built, Mode};
use crate::config::{self, Config, Overrides};
use crate::content::assets::ImageInfo;
use crate::content::{self, Loaded, walk};
use crate::diag::Diagnostics;
use crate::markdown::Rendered;
use crate::output::OutputTree;
use crate::render::Renderer;
use crate::render::theme::Theme;
use crate::search;

/// What survives between builds: made whole by a successful build, never patched.
pub(crate) struct Cache {
    pub(crate) cfg: Config,
    pub(crate) renderer: Arc<Renderer>,
    pub(crate) theme: Theme,
    pub(crate) state: State,
    /// The search index (updated in place by [`commit`], once nothing can fail any more).
    search: search::Index,
}

/// The part of the cache a build computes anew from the last one.
#[derive(Default)]
pub(crate) struct State {
    /// Every page file read, in the walk's order.
    pub(crate) loaded: Vec<Arc<Loaded>>,
    pub(crate) images: HashMap<String, ImageInfo>,
    pub(crate) asset_bytes: HashMap<String, Bytes>,
    pub(crate) rendered: bodies::Kept,
    pub(crate) layout: Arc<[Place]>,
    pub(crate) link_targets: Arc<[String]>,
    /// The anchored links between pages (only when builds repeat).
    pub(crate) links: super::links::Linked,
    /// The last walk of the content folder and what it reported.
    pub(crate) walked: Option<Arc<(walk::Walk, Diagnostics)>>,
    pub(crate) site: SiteCache,
    /// Processed photos this build published, for the next build of the session.
    pub(crate) media: crate::media::Memo,
    /// The warnings of each SVG shown as a figure, with the text they were found in.
    pub(crate) svgs: super::check::SvgMemo,
    /// The SVGs and photos the pages show, counted.
    pub(crate) shown: super::shown::Shown,
    /// The guide as the last build placed it (only when builds repeat).
    pub(crate) guide: Option<Arc<content::Site>>,
}

impl State {
    /// What the Markdown phase reuses.
    pub(crate) fn for_bodies(&self) -> bodies::Last<'_> {
        bodies::Last {
            rendered: &self.rendered,
            site: self.guide.as_deref(),
            link_targets: &self.link_targets,
        }
    }

    /// What the plan compares with.
    pub(crate) fn for_plan(&self) -> plan::Last<'_> {
        plan::Last {
            layout: &self.layout,
            shared: Some(&self.layout),
            deps: &self.site.deps,
            kept_html: !self.site.html.is_empty(),
        }
    }
}

impl Cache {
    /// A cache with nothing built: book.toml read from `root`, the theme compiled.
    pub(crate) fn load(
        root: &std::path::Path,
        overrides: &Overrides,
    ) -> Result<Cache, Diagnostics> {
        Cache::with_config(config::load(root, overrides)?)
    }

    /// A cache with nothing built for the configuration `cfg`.
    pub(crate) fn with_config(mut cfg: Config) -> Result<Cache, Diagnostics> {
        let theme = Theme::load(&cfg)?;
        if !cfg.languages.is_empty() && cfg.translation.is_none() {
            let languages = crate::i18n::multi::languages(&cfg, &cfg.languages, |c| {
                crate::i18n::language_name(&theme, c)
            });
            cfg.translation = Some(crate::i18n::multi::Translation {
                languages,
                current: 0,
                fallback: None,
                site_base: cfg.book.base_url.clone(),
            });
        }
        let renderer = Arc::new(Renderer::new(&theme, &cfg)?);
        Ok(Cache {
            cfg,
            renderer,
            theme,
            state: State::default(),
            search: search::Index::default(),
        })
    }
}

/// A build that has succeeded up to the search index: the new cache state, the tree without
/// the index, and what the index needs.
pub(crate) struct Staged {
    pub(crate) state: State,
    pub(crate) tree: OutputTree,
    pub(crate) site: Arc<content::Site>,
    pub(crate) titles: Vec<String>,
    pub(crate) rendered: Vec<Arc<Rendered>>,
    /// The pages that went through the templates (their search documents may have changed).
    pub(crate) todo: Vec<usize>,
    pub(crate) warnings: Diagnostics,
    pub(crate) clock: Clock,
    /// Photos processed and reused.
    pub(crate) images: (usize, usize),
}

/// The one place the cache changes: the search index is brought up to date and the new
/// state replaces the old. A one-shot build (`mode`) builds an index that keeps only its
/// files.
pub(crate) fn commit(prev: Cache, staged: Staged, mode: Mode) -> (Built, Cache) {
    let Staged {
        state,
        mut tree,
        site,
        titles,
        rendered,
        todo,
        warnings,
        mut clock,
        images,
    } = staged;
    let Cache {
        cfg,
        renderer,
        theme,
        state: old,
        search,
    } = prev;
    super::later::drop_later(old);
    let mut cache = Cache {
        cfg,
        renderer,
        theme,
        state,
        search,
    };
    if mode == Mode::Once {
        cache.search = search::Index::once();
    }
    super::progress::enter(super::progress::phase::SEARCH, 0);
    let plain: Vec<&Rendered> = rendered.iter().map(|r| r.as_ref()).collect();
    let language = cache.cfg.book.language.clone();
    assemble::search_files(
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
        peaks: clock.peaks,
        tree,
        config: cache.cfg.clone(),
        pages: site.pages.len(),
        assets: cache.state.asset_bytes.len(),
        rendered: todo.len(),
        images,
    };
    super::later::drop_later((site, titles, rendered));
    (built, cache)
}
