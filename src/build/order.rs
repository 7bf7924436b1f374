//! The order phase: the loaded pages placed in the section tree. When the same files are
//! there with the same front matter (an edit of page bodies only), the last build's tree is
//! reused with the edited pages' text swapped in, so a one-page edit costs one page here.

use std::collections::HashSet;
use std::sync::Arc;

use crate::config::Config;
use crate::content::{self, Loaded, Page, Site};
use crate::diag::Diagnostics;

/// The site of `loaded` and `assets`, problems found placing them, and whether it is the
/// last build's site patched (every page keeps its id, place and front matter); `last` is
/// the last build's site and the pages it was made of (in the walk's order), when builds
/// repeat.
pub(crate) fn order(
    cfg: &Config,
    (loaded, assets): (&[Arc<Loaded>], HashSet<String>),
    last: Option<(&Site, &[Arc<Loaded>])>,
) -> (Site, Diagnostics, bool) {
    if let Some((site, was)) = last
        && let Some(site) = patched(site, was, loaded, assets.clone())
    {
        // The last build placed these very pages without a problem.
        return (site, Diagnostics::new(), true);
    }
    let (site, diags) = content::order::assemble(
        loaded.iter().map(|l| Loaded::clone(l)).collect(),
        assets,
        cfg.build.drafts,
        &cfg.build.content,
    );
    (site, diags, false)
}

/// `last` with the text of the pages of `loaded` that changed, when nothing that places a
/// page changed: the same files (in the same walk order) and assets, each with the front
/// matter and shown path it had (`was`: the last build's pages).
fn patched(
    last: &Site,
    was: &[Arc<Loaded>],
    loaded: &[Arc<Loaded>],
    assets: HashSet<String>,
) -> Option<Site> {
    if loaded.len() != was.len() || assets != last.assets {
        return None;
    }
    let mut edited = Vec::new();
    for (l, w) in loaded.iter().zip(was) {
        if Arc::ptr_eq(l, w) {
            continue;
        }
        if l.rel != w.rel || l.front != w.front || l.shown != w.shown {
            return None;
        }
        edited.push(l);
    }
    let mut site = Site {
        pages: last.pages.clone(),
        home: last.home,
        order: last.order.clone(),
        position: last.position.clone(),
        assets,
        by_rel: last.by_rel.clone(),
        drafts: last.drafts.clone(),
    };
    for l in edited {
        // A draft left out has no page to patch.
        if let Some(id) = site.page_by_rel(&l.rel) {
            let old = &site.pages[id];
            site.pages[id] = Arc::new(Page {
                text: l.text.clone(),
                body_start: l.body_start,
                ..Page::clone(old)
            });
        }
    }
    Some(site)
}
