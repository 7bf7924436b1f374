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

/// Each page's Markdown result, by the id of the page in the build that rendered it (its
/// text is that page's).
pub(crate) type Kept = Vec<Arc<Rendered>>;

/// What the last build left for this phase.
pub(crate) struct Last<'a> {
    /// Its results.
    pub(crate) rendered: &'a Kept,
    /// The site they were rendered for (only when builds repeat: a one-shot build reuses
    /// nothing).
    pub(crate) site: Option<&'a Site>,
    /// Its link targets (see [`link_targets`]).
    pub(crate) link_targets: &'a Arc<[String]>,
}

impl Last<'_> {
    /// The last build's text and result of the page `id` of `site` (the same id when the
    /// site is the last one patched, else found by path).
    fn of(&self, site: &Site, id: usize) -> Option<(&Arc<str>, &Arc<Rendered>)> {
        let last = self.site?;
        let rel = &site.pages[id].rel;
        let at = match last.pages.get(id) {
            Some(p) if p.rel == *rel => id,
            _ => last.page_by_rel(rel)?,
        };
        Some((&last.pages[at].text, self.rendered.get(at)?))
    }
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
    pub(crate) link_targets: Arc<[String]>,
}

/// Every page and asset a link can name: a change in this set can change any page's links.
fn link_targets(site: &Site) -> Arc<[String]> {
    let mut targets: Vec<String> = site
        .pages
        .iter()
        .map(|p| format!("{}\t{}", p.rel, p.url))
        .chain(site.assets.iter().cloned())
        .collect();
    targets.sort_unstable();
    targets.into()
}

/// Renders every page of `site` that the last build's result does not still describe; the
/// pages' problems go to `diags`. `ids_kept`: the site is the last build's with only page
/// texts patched in (the same pages, URLs and assets, so the same link targets).
pub(crate) fn render(
    (cfg, strings): (&Config, &crate::i18n::Strings),
    site: &Site,
    images: &HashMap<String, ImageInfo>,
    (last, changed, edited_images, ids_kept): (Last, Changed, &HashSet<String>, bool),
    diags: &mut Diagnostics,
) -> Bodies {
    let (link_targets, targets_same) = match ids_kept && last.site.is_some() {
        true => (last.link_targets.clone(), true),
        false => {
            let now = link_targets(site);
            let same = now == *last.link_targets;
            (now, same)
        }
    };
    let content = cfg.content_dir();
    // Where `{{#include}}` may read: the project and `allow-outside` folders.
    let bounds = Bounds::project(cfg);
    let reusable = |text: &Arc<str>, r: &Rendered, now: &Arc<str>| {
        targets_same
            && Arc::ptr_eq(text, now)
            && (edited_images.is_empty() || !r.images.iter().any(|i| edited_images.contains(i)))
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
            match last.of(site, id) {
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
                        media: &cfg.images,
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
    let kept = rendered.clone();
    Bodies {
        rendered,
        edited,
        kept,
        link_targets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Page;

    fn site(rels: &[&str]) -> Site {
        let pages: Vec<Arc<Page>> = rels
            .iter()
            .map(|rel| {
                Arc::new(Page {
                    rel: rel.to_string(),
                    shown: rel.into(),
                    text: Arc::from(*rel),
                    front: Default::default(),
                    body_start: 0,
                    url: String::new(),
                    is_section: false,
                    parent: None,
                    children: Vec::new(),
                    fallback_title: String::new(),
                })
            })
            .collect();
        let by_rel = rels.iter().enumerate().map(|(i, r)| (r.to_string(), i));
        Site {
            pages,
            by_rel: Arc::new(by_rel.collect()),
            ..Default::default()
        }
    }

    #[test]
    fn a_page_gets_the_last_result_of_its_own_path_even_when_ids_moved() {
        let before = site(&["a.md", "b.md"]);
        let kept: Kept = ["a", "b"]
            .iter()
            .map(|h| {
                Arc::new(Rendered {
                    h1: Some(h.to_string()),
                    ..Default::default()
                })
            })
            .collect();
        let targets: Arc<[String]> = Arc::from(Vec::new());
        let last = Last {
            rendered: &kept,
            site: Some(&before),
            link_targets: &targets,
        };
        let h1 = |s: &Site, id| last.of(s, id).map(|(t, r)| (t.to_string(), r.h1.clone()));
        assert_eq!(h1(&before, 1), Some(("b.md".into(), Some("b".into()))));
        // A page added in front: `b.md` is now id 2, and the new page has no last result.
        let after = site(&["0.md", "a.md", "b.md"]);
        assert_eq!(h1(&after, 0), None);
        assert_eq!(h1(&after, 2), Some(("b.md".into(), Some("b".into()))));
        // Nothing is reused without the last site (a one-shot build).
        let once = Last { site: None, ..last };
        assert!(once.of(&before, 0).is_none());
    }
}
