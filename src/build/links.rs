//! Which pages' anchored links are checked after an edit: the pages whose Markdown was
//! rendered anew and the pages whose links name an anchor on one of them, not the whole guide.
//!
//! A page whose Markdown and link targets are all as the last successful build left them has
//! no broken anchor (that build would have failed), so only an edited page, or a page linking
//! to one, can have gained one. This holds while every page keeps its id (the site was the
//! last one patched, see `order`); otherwise every page is checked, as a full build does.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::Mode;
use crate::content::{PageId, Site};
use crate::diag::Diagnostics;
use crate::markdown::Rendered;
use crate::validate;

/// The anchored links between pages, by page id, as the last successful build found them.
#[derive(Default, Clone)]
pub(crate) struct Linked {
    /// For each page, the pages its links name an anchor on (sorted, deduplicated).
    to: Arc<Vec<Vec<PageId>>>,
    /// For each page, the pages whose links name an anchor on it (sorted, deduplicated).
    from: Arc<Vec<Vec<PageId>>>,
}

/// The pages page `r`'s links name an anchor on, sorted and deduplicated.
fn targets(r: &Rendered) -> Vec<PageId> {
    let mut t: Vec<PageId> = r
        .links
        .iter()
        .filter(|l| l.anchor.as_ref().is_some_and(|a| !a.is_empty()))
        .map(|l| l.target)
        .collect();
    t.sort_unstable();
    t.dedup();
    t
}

/// Every page's anchored links, and the reverse.
fn all(rendered: &[&Rendered]) -> Linked {
    let to: Vec<Vec<PageId>> = rendered.iter().map(|r| targets(r)).collect();
    let mut from = vec![Vec::new(); rendered.len()];
    for (id, ts) in to.iter().enumerate() {
        for &t in ts {
            from[t].push(id);
        }
    }
    Linked {
        to: Arc::new(to),
        from: Arc::new(from),
    }
}

/// `last` with the links of the `edited` pages as they are now (shared as it was when none
/// of them links anew).
fn patched(last: &Linked, rendered: &[&Rendered], edited: &[PageId]) -> Linked {
    let now: Vec<(PageId, Vec<PageId>)> = edited
        .iter()
        .map(|&id| (id, targets(rendered[id])))
        .filter(|(id, t)| last.to[*id] != *t)
        .collect();
    if now.is_empty() {
        return last.clone();
    }
    let (mut to, mut from) = (Vec::clone(&last.to), Vec::clone(&last.from));
    for (id, ts) in now {
        for &t in &to[id] {
            from[t].retain(|&s| s != id);
        }
        for &t in &ts {
            let at = from[t].partition_point(|&s| s < id);
            from[t].insert(at, id);
        }
        to[id] = ts;
    }
    Linked {
        to: Arc::new(to),
        from: Arc::new(from),
    }
}

/// Checks the anchored links an edit can have broken and gives the links for the next build.
/// `edited[id]` says whether page `id`'s Markdown was rendered anew; `last` is the last
/// successful build's links when every page kept its id.
pub(crate) fn check(
    site: &Site,
    rendered: &[&Rendered],
    (edited, last): (&[bool], Option<&Linked>),
    mode: Mode,
) -> (Diagnostics, Linked) {
    let last = last.filter(|l| l.to.len() == rendered.len() && mode == Mode::Repeat);
    let Some(last) = last else {
        let diags = validate::links_of(site, rendered, 0..rendered.len());
        let linked = match mode {
            Mode::Repeat => all(rendered),
            Mode::Once => Linked::default(),
        };
        return (diags, linked);
    };
    let edited: Vec<PageId> = (0..edited.len()).filter(|&id| edited[id]).collect();
    let mut todo: BTreeSet<PageId> = edited.iter().copied().collect();
    for &id in &edited {
        todo.extend(last.from[id].iter().copied());
    }
    let diags = validate::links_of(site, rendered, todo);
    (diags, patched(last, rendered, &edited))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::LinkRef;

    fn page(links: &[(PageId, &str)], anchors: &[&str]) -> Rendered {
        Rendered {
            links: links
                .iter()
                .map(|&(target, a)| LinkRef {
                    target,
                    anchor: Some(a.to_string()),
                    span: 0..0,
                })
                .collect(),
            anchors: anchors.iter().map(|a| a.to_string()).collect(),
            ..Rendered::default()
        }
    }

    #[test]
    fn the_reverse_links_follow_an_edit_and_stay_shared_without_one() {
        let pages = [page(&[(1, "x")], &[]), page(&[], &["x"]), page(&[], &[])];
        let r: Vec<&Rendered> = pages.iter().collect();
        let first = all(&r);
        assert_eq!(*first.from, [vec![], vec![0], vec![]]);
        let same = patched(&first, &r, &[1]);
        assert!(Arc::ptr_eq(&same.from, &first.from));
        // Page 2 now links to page 1's anchor too, page 0 no longer does.
        let pages = [page(&[], &[]), page(&[], &["x"]), page(&[(1, "x")], &[])];
        let r: Vec<&Rendered> = pages.iter().collect();
        let next = patched(&first, &r, &[0, 2]);
        assert_eq!(*next.from, [vec![], vec![2], vec![]]);
        assert_eq!(*next.from, *all(&r).from);
    }
}
