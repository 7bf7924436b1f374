//! What the pages show, counted across the guide: each SVG figure and each photo (or social
//! card) with how many uses it has and the first page that uses it. The check phase audits
//! each shown SVG once and the images phase publishes each photo once; after an edit only
//! the re-rendered pages are counted again, so neither walks every page's results.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::content::PageId;
use crate::markdown::Rendered;
use crate::media::Use;

/// The shown SVGs and photos, counted.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Shown {
    /// SVG figure (content-relative path) → uses.
    svgs: BTreeMap<String, usize>,
    /// Photo path → as a photo, then as a social card: uses and the first page that has
    /// one (no uses: not shown that way).
    media: BTreeMap<String, [(usize, PageId); 2]>,
}

/// The pages a build rendered anew, when every page kept its id: their ids, and the last
/// build's results by id.
pub(crate) type Edits<'a> = (&'a [PageId], &'a [Arc<Rendered>]);

impl Shown {
    /// What `rendered` (by page id) shows: the last build's count updated for `edits` when
    /// given, else counted anew.
    pub(crate) fn of(rendered: &[&Rendered], last: &Shown, edits: Option<Edits>) -> Shown {
        edits
            .and_then(|(ids, before)| last.updated(rendered, ids, before))
            .unwrap_or_else(|| Shown::count(rendered))
    }

    fn count(rendered: &[&Rendered]) -> Shown {
        let mut s = Shown::default();
        for (id, r) in rendered.iter().enumerate() {
            s.add(id, r);
        }
        s
    }

    fn add(&mut self, id: PageId, r: &Rendered) {
        for rel in &r.svg_figures {
            match self.svgs.get_mut(rel) {
                Some(n) => *n += 1,
                None => _ = self.svgs.insert(rel.clone(), 1),
            }
        }
        for u in &r.media {
            let both = match self.media.get_mut(&u.rel) {
                Some(both) => both,
                None => self.media.entry(u.rel.clone()).or_insert([(0, 0); 2]),
            };
            let e = &mut both[usize::from(u.card)];
            e.1 = if e.0 == 0 { id } else { e.1.min(id) };
            e.0 += 1;
        }
    }

    fn remove(&mut self, r: &Rendered) -> Option<()> {
        for rel in &r.svg_figures {
            let n = self.svgs.get_mut(rel)?;
            *n -= 1;
            if *n == 0 {
                self.svgs.remove(rel);
            }
        }
        for u in &r.media {
            let both = self.media.get_mut(&u.rel)?;
            let e = &mut both[usize::from(u.card)];
            e.0 = e.0.checked_sub(1)?;
            if e.0 == 0 {
                e.1 = 0;
            }
            if both.iter().all(|e| e.0 == 0) {
                self.media.remove(&u.rel);
            }
        }
        Some(())
    }

    /// This count with the pages `ids` re-rendered (`before`: their last results); None
    /// when a first use moved to a page that was not re-rendered (then count anew).
    fn updated(
        &self,
        rendered: &[&Rendered],
        ids: &[PageId],
        before: &[Arc<Rendered>],
    ) -> Option<Shown> {
        let mut s = self.clone();
        for &id in ids {
            s.remove(before.get(id)?)?;
        }
        for &id in ids {
            s.add(id, rendered[id]);
        }
        let edited = |id: &PageId| ids.binary_search(id).is_ok();
        for (rel, card, first) in s.firsts() {
            let uses = |r: &Rendered| r.media.iter().any(|u| u.rel == rel && u.card == card);
            if edited(&first) && !uses(rendered[first]) {
                return None;
            }
        }
        Some(s)
    }

    /// The shown SVGs, sorted.
    pub(crate) fn svgs(&self) -> impl Iterator<Item = &str> {
        self.svgs.keys().map(String::as_str)
    }

    /// The first use of each shown photo or card, by path (`rendered`: the results this
    /// count was made of).
    pub(crate) fn first_uses<'a>(&self, rendered: &[&'a Rendered]) -> Vec<&'a Use> {
        self.firsts()
            .filter_map(|(rel, card, first)| {
                let uses = rendered.get(first)?.media.iter();
                uses.into_iter().find(|u| u.rel == rel && u.card == card)
            })
            .collect()
    }

    /// Each shown (photo, as a card) with its first page, by path then photo before card.
    fn firsts(&self) -> impl Iterator<Item = (&str, bool, PageId)> {
        self.media.iter().flat_map(|(rel, both)| {
            [false, true]
                .into_iter()
                .filter(|&card| both[usize::from(card)].0 > 0)
                .map(move |card| (rel.as_str(), card, both[usize::from(card)].1))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;

    fn page(svgs: &[&str], photos: &[(&str, &str)]) -> Arc<Rendered> {
        Arc::new(Rendered {
            svg_figures: svgs.iter().map(|s| s.to_string()).collect(),
            media: photos
                .iter()
                .map(|(rel, at)| Use {
                    rel: rel.to_string(),
                    at: Diagnostic::warning(*at),
                    card: false,
                })
                .collect(),
            ..Default::default()
        })
    }

    fn plain(pages: &[Arc<Rendered>]) -> Vec<&Rendered> {
        pages.iter().map(Arc::as_ref).collect()
    }

    /// Edits `pages[id]` to `now`, and checks the updated count against a count anew.
    fn edit(pages: &mut [Arc<Rendered>], id: PageId, now: Arc<Rendered>) -> Shown {
        let last = Shown::count(&plain(pages));
        let before = pages.to_vec();
        pages[id] = now;
        let counted = Shown::count(&plain(pages));
        let updated = Shown::of(&plain(pages), &last, Some((&[id], &before)));
        assert_eq!(updated, counted);
        updated
    }

    #[test]
    fn an_edit_updates_the_count_as_a_count_anew_would() {
        let mut pages = vec![
            page(&["a.svg"], &[("p.jpg", "first")]),
            page(&["a.svg", "b.svg"], &[("p.jpg", "second")]),
            page(&[], &[]),
        ];
        // The only use of b.svg goes: it is no longer shown.
        let s = edit(&mut pages, 1, page(&["a.svg"], &[("p.jpg", "second")]));
        assert_eq!(s.svgs().collect::<Vec<_>>(), ["a.svg"]);
        // The first use of p.jpg goes: the next page's is the first now.
        let s = edit(&mut pages, 0, page(&["a.svg"], &[]));
        let firsts = s.first_uses(&plain(&pages));
        assert_eq!(firsts[0].at.message, "second");
        // A page before it starts using it: that use is the first.
        let s = edit(&mut pages, 0, page(&[], &[("p.jpg", "again")]));
        assert_eq!(s.first_uses(&plain(&pages))[0].at.message, "again");
        // A new photo on the last page.
        let s = edit(&mut pages, 2, page(&["c.svg"], &[("q.png", "q")]));
        assert_eq!(s.first_uses(&plain(&pages)).len(), 2);
        assert_eq!(s.svgs().collect::<Vec<_>>(), ["a.svg", "c.svg"]);
    }
}
