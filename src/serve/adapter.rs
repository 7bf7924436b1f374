//! The build pipeline as a [`SiteBuilder`]: the one place where serve meets the pipeline.
//!
//! [`Session`] does the incremental work (only changed files re-read, only affected pages
//! re-rendered); this adapter only converts its results and errors into serve's types.

use std::path::PathBuf;
use std::sync::Arc;

use super::{BuildFailure, ErrorLoc, Files, SiteBuilder};
use crate::build::{BuildOptions, Built, Session};
use crate::diag::Diagnostics;

/// A guide project, built by the pipeline for serve.
pub struct GuideSite {
    session: Session,
    title: Option<String>,
    warnings: Option<BuildFailure>,
}

impl GuideSite {
    /// The project at `opts.root`.
    pub fn new(opts: BuildOptions) -> Self {
        GuideSite {
            session: Session::new(opts),
            title: None,
            warnings: None,
        }
    }

    fn convert(&mut self, r: Result<Built, Diagnostics>) -> Result<Files, BuildFailure> {
        match r {
            Ok(built) => {
                self.title = Some(built.config.book.title.clone());
                self.warnings = (!built.warnings.is_empty()).then(|| failure(&built.warnings));
                Ok(Arc::new(built.tree.files))
            }
            Err(diags) => Err(failure(&diags)),
        }
    }
}

/// Diagnostics (errors or warnings) as serve's overlay wants them: the same text as the
/// terminal, plus data.
pub fn failure(diags: &Diagnostics) -> BuildFailure {
    // Only as many as a page is sent (line and column cost a scan of the file each).
    let errors = diags
        .iter()
        .take(super::reload::MAX_ENTRIES)
        .map(|d| {
            let (line, col) = d.line_col().unwrap_or((0, 0));
            ErrorLoc {
                file: d
                    .file
                    .as_ref()
                    .map(|f| f.display().to_string())
                    .unwrap_or_default(),
                line,
                col,
                message: d.message.clone(),
            }
        })
        .collect();
    BuildFailure {
        rendered: diags.render_plain(),
        errors,
    }
}

impl SiteBuilder for GuideSite {
    fn build(&mut self) -> Result<Files, BuildFailure> {
        let r = self.session.build();
        self.convert(r)
    }

    fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Files, BuildFailure> {
        let r = self.session.rebuild(changed);
        self.convert(r)
    }

    fn watch_paths(&self) -> Vec<PathBuf> {
        let root = self.session.root();
        let mut paths = vec![root.join("book.toml"), root.join("themes")];
        match self.session.config() {
            Some(cfg) => {
                paths.push(cfg.content_dir());
                // The other languages' folders (`content.de/`), edited like the default one.
                for code in cfg.languages.keys() {
                    let folder = crate::i18n::multi::content_folder(&cfg.build.content, code);
                    paths.push(cfg.root.join(folder));
                }
                paths.push(root.join(&cfg.build.bibliography));
            }
            None => {
                paths.push(root.join("content"));
                paths.push(root.join("references.toml"));
            }
        }
        paths
    }

    fn ignore_paths(&self) -> Vec<PathBuf> {
        let root = self.session.root();
        let mut paths = vec![root.join("public"), root.join("target"), root.join(".git")];
        if let Some(cfg) = self.session.config() {
            paths.push(cfg.output_dir());
        }
        paths
    }

    fn hidden_paths(&self) -> Vec<PathBuf> {
        self.session.config().map_or_else(Vec::new, |cfg| {
            let content = cfg.content_dir();
            cfg.build
                .include_hidden
                .iter()
                .map(|h| content.join(h.trim_matches('/')))
                .collect()
        })
    }

    fn title(&self) -> Option<String> {
        self.title.clone()
    }

    fn warnings(&self) -> Option<BuildFailure> {
        self.warnings.clone()
    }
}
