//! The sidebar, scoped to the current page so its size does not grow with the guide.
//!
//! Every page shows the top level, the chain of open sections down to the page, and the
//! page's children; each list is windowed to [`WINDOW`] items either side of the open item,
//! with a link to the parent (which lists everything) where it is cut. A 10,000-page guide
//! thus emits a few dozen links per page, not 10,000 (the O(N²) trap of mdBook's sidebar).
//! A cut is a [`More`] object, never a bare URL: the landing page's URL is `""`, which a
//! template's `{% if %}` takes for false, and the top level's "more" links used to vanish.

use serde::Serialize;

use crate::content::{PageId, Site};

/// Items kept either side of the open item in a long list.
pub(crate) const WINDOW: usize = 12;

/// A list of sidebar entries.
#[derive(Serialize, Debug, Default)]
pub(crate) struct NavList<'a> {
    /// Entries.
    pub items: Vec<NavItem<'a>>,
    /// Set when entries before these were cut.
    pub more_before: Option<More<'a>>,
    /// Set when entries after these were cut.
    pub more_after: Option<More<'a>>,
}

/// Where the entries cut from a windowed list are: the parent page, which lists them all.
#[derive(Serialize, Debug, Clone, Copy, PartialEq)]
pub(crate) struct More<'a> {
    /// Root-relative URL of the parent (`""` for the landing page).
    pub url: &'a str,
    /// How many entries were cut on this side.
    pub count: usize,
}

/// One sidebar entry.
#[derive(Serialize, Debug)]
pub(crate) struct NavItem<'a> {
    /// The page (not serialised: used to record which titles a page shows).
    #[serde(skip)]
    pub id: PageId,
    /// Title.
    pub title: &'a str,
    /// Root-relative URL.
    pub url: &'a str,
    /// This page.
    pub current: bool,
    /// On the path to this page (or this page).
    pub open: bool,
    /// Children, for open items with children.
    pub children: Option<NavList<'a>>,
}

/// The sidebar of `current`; `titles[id]` is each page's title.
pub(crate) fn build<'a>(site: &'a Site, titles: &'a [String], current: PageId) -> NavList<'a> {
    let mut path = site.ancestors(current);
    path.push(current);
    // The landing page is the theme's own home link, so the top level is its children.
    list(
        site,
        titles,
        &site.pages[site.home].children,
        site.home,
        &path,
        current,
    )
}

fn list<'a>(
    site: &'a Site,
    titles: &'a [String],
    ids: &[PageId],
    parent: PageId,
    path: &[PageId],
    current: PageId,
) -> NavList<'a> {
    let on_path = |i: &PageId| (*i != site.home || current == site.home) && path.contains(i);
    let open_at = ids.iter().position(on_path).unwrap_or(0);
    let start = open_at.saturating_sub(WINDOW);
    let end = (open_at + WINDOW + 1).min(ids.len());
    let parent_url = site.pages[parent].url.as_str();
    let items = ids[start..end]
        .iter()
        .map(|&id| {
            let open = on_path(&id);
            let kids = &site.pages[id].children;
            let children = (open && id != site.home && !kids.is_empty())
                .then(|| list(site, titles, kids, id, path, current));
            NavItem {
                id,
                title: &titles[id],
                url: &site.pages[id].url,
                current: id == current,
                open,
                children,
            }
        })
        .collect();
    NavList {
        items,
        more_before: (start > 0).then_some(More {
            url: parent_url,
            count: start,
        }),
        more_after: (end < ids.len()).then_some(More {
            url: parent_url,
            count: ids.len() - end,
        }),
    }
}

impl NavList<'_> {
    /// Every page the list shows, nested lists included.
    pub(crate) fn ids(&self, out: &mut Vec<PageId>) {
        for item in &self.items {
            out.push(item.id);
            if let Some(c) = &item.children {
                c.ids(out);
            }
        }
    }
}
