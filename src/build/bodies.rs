//! The Markdown phase: every page's body rendered (in parallel), or reused from the last
//! build when its text, the set of link targets, its images and its included files are all
//! unchanged.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use super::read::Changed;
use crate::config::Config;
use crate::confine::Bounds;
use crate::content::Site;
use crate::content::assets::ImageInfo;
use crate::diag::Diagnostics;
use crate::markdown::{self, Rendered};

/// Each page's Markdown result, by content-relative path, with the text it came from.
pub(crate) type Kept = HashMap<String, (Arc<str>, Arc<Rendered>)>;

/// What the last build left for this phase.
pub(crate) struct Last<'a> {
    /// Its results.
    pub(crate) rendered: &'a Kept,
    /// Its link targets (see [`link_targets`]).
    pub(crate) link_targets: &'a [String],
}

/// The Markdown phase's result.
pub(crate) struct Bodies {
    /// By page id.
    pub(crate) rendered: Vec<Arc<Rendered>>,
    /// By page id: rendered anew in this build (not reused).
    pub(crate) edited: Vec<bool>,
    /// For the next build.
    pub(crate) kept: Kept,
    /// For the next build.
    pub(crate) link_targets: Vec<String>,
}

/// Every page and asset a link can name: a change in this set can change any page's links.
fn link_targets(site: &Site) -> Vec<String> {
    let mut targets: Vec<String> = site
        .pages
        .iter()
        .map(|p| format!("{}\t{}", p.rel, p.url))
        .chain(site.assets.iter().cloned())
        .collect();
    targets.sort_unstable();
    targets
}

/// Renders every page of `site` that the last build's result does not still describe; the
/// pages' problems go to `diags`.
pub(crate) fn render(
    (cfg, strings): (&Config, &crate::i18n::Strings),
    site: &Site,
    images: &HashMap<String, ImageInfo>,
    (last, changed, edited_images): (Last, Changed, &HashSet<String>),
    diags: &mut Diagnostics,
) -> Bodies {
    let link_targets = link_targets(site);
    let targets_same = link_targets == last.link_targets;
    let content = cfg.content_dir();
    // Where `{{#include}}` may read: the project and `allow-outside` folders.
    let bounds = Bounds::project(cfg);
    let reusable = |text: &Arc<str>, r: &Rendered, now: &Arc<str>| {
        targets_same
            && Arc::ptr_eq(text, now)
            && !r.images.iter().any(|i| edited_images.contains(i))
            && !r
                .includes
                .iter()
                .any(|i| changed.contains_under(&content, i))
    };
    let results: Vec<(Arc<Rendered>, bool)> = (0..site.pages.len())
        .into_par_iter()
        .map(|id| {
            let p = &site.pages[id];
            super::progress::page_done();
            match last.rendered.get(&p.rel) {
                Some((text, r)) if reusable(text, r, &p.text) => (r.clone(), false),
                _ => {
                    let ctx = markdown::Ctx {
                        site,
                        images,
                        page: id,
                        trust_html: cfg.build.trust_html,
                        math: cfg.build.math,
                        bib: &cfg.bibliography,
                        root: &cfg.root,
                        bounds: &bounds,
                        content: &content,
                        links: &cfg.links,
                        strings,
                    };
                    (Arc::new(markdown::render(&ctx)), true)
                }
            }
        })
        .collect();
    let (rendered, edited): (Vec<_>, Vec<_>) = results.into_iter().unzip();
    for r in &rendered {
        for d in &r.diags {
            diags.push(d.clone());
        }
    }
    let kept = site
        .pages
        .iter()
        .zip(&rendered)
        .map(|(p, r)| (p.rel.clone(), (p.text.clone(), r.clone())))
        .collect();
    Bodies {
        rendered,
        edited,
        kept,
        link_targets,
    }
}
