//! What the site-wide phase reads, as one value: the configuration, the ordered pages and
//! their Markdown results, the templates, the theme and the reviews. Shared by
//! [`super::assemble`], [`super::templates`] and [`super::print`], which read it and never
//! import each other's internals.

use crate::config::Config;
use crate::content::review::Review;
use crate::content::{PageId, Site};
use crate::markdown::Rendered;
use crate::render::Renderer;
use crate::render::theme::Theme;

/// Everything the assembly reads.
pub(super) struct Input<'a> {
    /// Configuration.
    pub(super) cfg: &'a Config,
    /// The guide.
    pub(super) site: &'a Site,
    /// Every page's Markdown result, by page id.
    pub(super) rendered: &'a [&'a Rendered],
    /// The same, shared (what the kept site-wide files were made of is compared by pointer).
    pub(super) bodies: &'a [std::sync::Arc<Rendered>],
    /// Templates.
    pub(super) renderer: &'a Renderer,
    /// Theme files (static assets).
    pub(super) theme: &'a Theme,
    /// Each page's clinical review, by page id.
    pub(super) reviews: &'a [Option<Review>],
    /// The pages whose Markdown was rendered anew, when every page kept its id, place and
    /// title (the plan's layout is the last build's): what is made of every page's place
    /// (the print numbering and shell) can be kept then. None: anything may have moved.
    pub(super) edits: Option<&'a [PageId]>,
}

pub(super) const GENERATOR: &str = concat!("guide ", env!("CARGO_PKG_VERSION"));

impl Input<'_> {
    /// Each page's title: front matter, else its leading `#` heading, else its file name.
    pub(super) fn titles(&self) -> Vec<String> {
        self.site
            .pages
            .iter()
            .zip(self.rendered)
            .map(|(p, r)| {
                let t = p
                    .front
                    .title
                    .clone()
                    .or_else(|| r.h1.clone())
                    .unwrap_or_else(|| p.fallback_title.clone());
                if p.rel == "_index.md" && t.is_empty() {
                    self.cfg.book.title.clone()
                } else {
                    t
                }
            })
            .collect()
    }

    pub(super) fn output_path(&self, id: PageId) -> String {
        format!("{}index.html", self.site.pages[id].url)
    }
}
