//! A build that repeats cheaply after edits: it owns the cache, decides between a full and
//! an incremental build, and keeps the cache whole (the new one after a success, the old one
//! after a failure).

use std::path::{Path, PathBuf};

use super::Mode;
use super::cache::{Cache, commit};
use super::{BuildOptions, Built, phases};
use crate::config::Config;
use crate::diag::Diagnostics;
use crate::output::write::Stage;

/// Builds once, with nothing cached.
pub fn build(opts: &BuildOptions) -> Result<Built, Diagnostics> {
    Session::with_mode(opts.clone(), Mode::Once).build()
}

/// Builds once the project whose book.toml is already loaded as `cfg` (its root absolute).
/// With a `stage`, page files are written there as they are rendered and left out of
/// [`Built::tree`].
pub(crate) fn build_loaded(
    cfg: Config,
    overrides: crate::config::Overrides,
    stage: Option<&Stage>,
) -> Result<Built, Diagnostics> {
    let mut session = Session {
        opts: BuildOptions {
            root: cfg.root.clone(),
            overrides,
        },
        cache: None,
        pending: Vec::new(),
        mode: Mode::Once,
    };
    session.run_on(Cache::with_config(cfg)?, true, stage)
}

/// A build that can be repeated cheaply after edits.
pub struct Session {
    opts: BuildOptions,
    /// What the last successful build left; only ever replaced whole.
    cache: Option<Cache>,
    /// Files changed since `cache` was made: a failed build keeps the cache as it was, so
    /// the next build must still treat what that build saw change as changed.
    pending: Vec<PathBuf>,
    mode: Mode,
}

impl Session {
    /// A session with nothing built yet.
    pub fn new(opts: BuildOptions) -> Self {
        Session::with_mode(opts, Mode::Repeat)
    }

    fn with_mode(mut opts: BuildOptions, mode: Mode) -> Self {
        // `rebuild` compares changed paths (absolute, from a watcher) with paths under the
        // root, so the root must be absolute too.
        if let Ok(abs) = std::path::absolute(&opts.root) {
            opts.root = abs;
        }
        Session {
            opts,
            cache: None,
            pending: Vec::new(),
            mode,
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

    /// Builds on the cache, or from nothing when there is none.
    fn run(&mut self) -> Result<Built, Diagnostics> {
        match self.cache.take() {
            Some(c) => self.run_on(c, false, None),
            None => {
                self.pending.clear();
                let fresh = Cache::load(&self.opts.root, &self.opts.overrides)?;
                self.run_on(fresh, true, None)
            }
        }
    }

    /// Builds on `prev` and replaces the cache whole on success; after a failure the cache
    /// stays as the last success left it.
    fn run_on(
        &mut self,
        prev: Cache,
        from_scratch: bool,
        stage: Option<&Stage>,
    ) -> Result<Built, Diagnostics> {
        match phases(&prev, &self.pending, (self.mode, stage)) {
            Ok(staged) => {
                let (built, cache) = commit(prev, staged, self.mode);
                self.pending.clear();
                let cfg = cache.cfg.clone();
                self.cache = Some(cache);
                // The other languages, each a guide of its own (a failure there keeps the
                // default language's cache: it built).
                super::languages::add_languages(built, &cfg, |c| {
                    build_loaded(c, Default::default(), None)
                })
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
