//! Which pages go through the templates again: pure, from the last and the new layout and the
//! pages whose Markdown changed.
//!
//! A page's HTML shows its own Markdown and the titles (and descriptions) of the pages its
//! navigation, breadcrumbs, neighbours and children lists name (its `deps`, recorded when it
//! was last rendered). So when no page moved, only the edited pages and the pages that show a
//! title or description that changed are rendered; a page added, removed or moved renders all.
//! A page's head links the highlighting stylesheet when the page itself has code, so a page
//! that gains or loses code is an edited page (its Markdown was rendered anew) and no other
//! page changes with it.

use std::collections::HashSet;
use std::sync::Arc;

use crate::content::{PageId, Site};

/// A page's place as the templates see it, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    /// Root-relative URL.
    pub(crate) url: String,
    /// Title (front matter, `#` heading or file name).
    pub(crate) title: String,
    /// The parent section's URL.
    pub(crate) parent: Option<String>,
    /// Front-matter description (shown by children lists).
    pub(crate) description: String,
}

/// For each page URL, the URLs of the pages whose titles it shows (a persistent map: a
/// rebuild that moved no page shares the last build's and replaces the rendered pages').
pub(crate) type Deps = imbl::HashMap<String, Arc<[String]>>;

/// What the last successful build left for planning.
pub(crate) struct Last<'a> {
    /// Its layout.
    pub(crate) layout: &'a [Place],
    /// The same, shared: a build whose layout is the same keeps it instead of a copy.
    pub(crate) shared: Option<&'a Arc<[Place]>>,
    /// Which titles each page showed.
    pub(crate) deps: &'a Deps,
    /// Whether it kept page HTML to reuse (a one-shot build keeps none).
    pub(crate) kept_html: bool,
}

/// The layout of `site`: each page in reading order, with its title from `titles`.
fn layout(site: &Site, titles: &[String]) -> Vec<Place> {
    site.order
        .iter()
        .map(|&id| {
            let p = &site.pages[id];
            Place {
                url: p.url.clone(),
                title: titles[id].clone(),
                parent: p.parent.map(|q| site.pages[q].url.clone()),
                description: p.front.description.clone().unwrap_or_default(),
            }
        })
        .collect()
}

/// Whether `site` with `titles` has the layout `last`, compared in place (no copy of every
/// page's URL and title on each edit).
fn same_layout(site: &Site, titles: &[String], last: &[Place]) -> bool {
    site.order.len() == last.len()
        && site.order.iter().zip(last).all(|(&id, b)| {
            let p = &site.pages[id];
            p.url == b.url
                && titles[id] == b.title
                && p.parent.map(|q| site.pages[q].url.as_str()) == b.parent.as_deref()
                && p.front.description.as_deref().unwrap_or_default() == b.description
        })
}

/// The layout of `site`, the pages (by id, ascending) to render, and whether the layout is
/// the last build's (no page moved, no title or description changed); `edited[id]` says
/// whether page `id`'s Markdown was rendered anew in this build.
pub(crate) fn plan(
    site: &Site,
    titles: &[String],
    last: &Last,
    edited: &[bool],
) -> (Arc<[Place]>, Vec<PageId>, bool) {
    let same = last.kept_html && same_layout(site, titles, last.layout);
    let now: Arc<[Place]> = match last.shared {
        Some(kept) if same => kept.clone(),
        _ => layout(site, titles).into(),
    };
    let urls: Vec<&str> = site.pages.iter().map(|p| p.url.as_str()).collect();
    let todo = to_render(last, &now, &urls, edited);
    (now, todo, same)
}

/// The pages (by id, ascending) to render: `urls[id]` is page `id`'s URL, `edited[id]` whether
/// its Markdown was rendered anew in this build.
fn to_render(last: &Last, now: &[Place], urls: &[&str], edited: &[bool]) -> Vec<PageId> {
    let same_places = now.len() == last.layout.len()
        && now
            .iter()
            .zip(last.layout)
            .all(|(a, b)| a.url == b.url && a.parent == b.parent);
    if !same_places || !last.kept_html {
        return (0..urls.len()).collect();
    }
    let retitled: HashSet<&str> = now
        .iter()
        .zip(last.layout)
        .filter(|(a, b)| a.title != b.title || a.description != b.description)
        .map(|(a, _)| a.url.as_str())
        .collect();
    let shows_retitled = |url: &str| {
        !retitled.is_empty()
            && last
                .deps
                .get(url)
                .is_some_and(|d| d.iter().any(|u| retitled.contains(u.as_str())))
    };
    (0..urls.len())
        .filter(|&id| edited[id] || shows_retitled(urls[id]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(url: &str, title: &str, parent: Option<&str>) -> Place {
        Place {
            url: url.into(),
            title: title.into(),
            parent: parent.map(Into::into),
            description: String::new(),
        }
    }

    /// Home, a section `s/` with pages `s/a/` and `s/b/`; `s/a/` shows `s/b/` (its next page).
    fn guide() -> (Vec<Place>, Deps) {
        let layout = vec![
            place("", "Home", None),
            place("s/", "S", Some("")),
            place("s/a/", "A", Some("s/")),
            place("s/b/", "B", Some("s/")),
        ];
        let deps: Deps = [
            ("", vec!["s/"]),
            ("s/", vec!["", "s/a/", "s/b/"]),
            ("s/a/", vec!["", "s/", "s/b/"]),
            ("s/b/", vec!["", "s/", "s/a/"]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
        .collect();
        (layout, deps)
    }

    const URLS: [&str; 4] = ["", "s/", "s/a/", "s/b/"];

    fn last<'a>(layout: &'a [Place], deps: &'a Deps) -> Last<'a> {
        Last {
            layout,
            shared: None,
            deps,
            kept_html: true,
        }
    }

    #[test]
    fn an_edit_that_keeps_every_title_renders_the_edited_page_only() {
        let (layout, deps) = guide();
        let edited = [false, false, true, false];
        let todo = to_render(&last(&layout, &deps), &layout, &URLS, &edited);
        assert_eq!(todo, [2]);
    }

    #[test]
    fn a_new_title_renders_the_pages_that_show_it() {
        let (old, deps) = guide();
        let mut now = old.clone();
        now[3].title = "B2".into();
        let edited = [false, false, false, true];
        let todo = to_render(&last(&old, &deps), &now, &URLS, &edited);
        assert_eq!(
            todo,
            [1, 2, 3],
            "the section lists it, s/a/ links it as next"
        );
    }

    #[test]
    fn a_new_description_counts_as_a_new_title() {
        let (old, deps) = guide();
        let mut now = old.clone();
        now[2].description = "About A".into();
        let todo = to_render(&last(&old, &deps), &now, &URLS, &[false; 4]);
        assert_eq!(todo, [1, 3]);
    }

    #[test]
    fn a_moved_page_renders_everything() {
        let (old, deps) = guide();
        let mut now = old.clone();
        now.swap(2, 3);
        let todo = to_render(&last(&old, &deps), &now, &URLS, &[false; 4]);
        assert_eq!(todo, [0, 1, 2, 3]);
        let mut reparented = old.clone();
        reparented[3].parent = Some(String::new());
        let todo = to_render(&last(&old, &deps), &reparented, &URLS, &[false; 4]);
        assert_eq!(todo.len(), 4);
    }

    #[test]
    fn an_added_page_renders_everything() {
        let (old, deps) = guide();
        let mut now = old.clone();
        now.push(place("s/c/", "C", Some("s/")));
        let urls = ["", "s/", "s/a/", "s/b/", "s/c/"];
        let todo = to_render(&last(&old, &deps), &now, &urls, &[false; 5]);
        assert_eq!(todo.len(), 5);
    }

    #[test]
    fn a_page_that_gains_code_renders_itself_only_and_no_kept_html_renders_everything() {
        let (layout, deps) = guide();
        // Page s/a/ now has a code block: its Markdown was rendered anew, and only its own
        // head links the highlighting stylesheet.
        let edited = [false, false, true, false];
        let todo = to_render(&last(&layout, &deps), &layout, &URLS, &edited);
        assert_eq!(todo, [2]);
        let one_shot = Last {
            kept_html: false,
            ..last(&layout, &deps)
        };
        assert_eq!(to_render(&one_shot, &layout, &URLS, &edited).len(), 4);
    }
}
