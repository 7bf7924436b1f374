//! The print view as a book: which chapter each page is, at which outline level its title
//! and headings print, and figure numbers unique across the guide ("Figure 3.2") with the
//! cross-references that name them renumbered to match. The site keeps its per-page
//! numbers; only the print view (and so the PDF) is numbered by chapter.
//!
//! Chapters are the top-level pages in reading order (1, 2, …); a nested page belongs to
//! its top-level ancestor's chapter and its figures continue that chapter's count. The
//! landing page is the introduction: no chapter number, figures numbered 1, 2, …

mod blocks;
pub(crate) mod handout;
pub mod pdf;
pub(crate) mod qr;
mod reroot;
mod rewrite;
pub(crate) mod split;

use std::collections::HashMap;

use crate::content::{PageId, Site};
use crate::markdown::Rendered;

/// How each page prints, computed once per build from the order, depths and figure counts.
#[derive(Debug, Default)]
pub(crate) struct Book {
    /// By page id: its place in the book.
    pub(crate) places: Vec<Place>,
    /// By print anchor (`page-release`): chapter and figure offset, for cross-references.
    by_anchor: HashMap<String, (Option<usize>, usize)>,
    /// Hash of every place: a change renumbers figures on other pages too.
    pub(crate) key: [u8; 32],
    /// By page id: its number of figures (what the numbering counted).
    figures: Vec<usize>,
}

/// The heading level of a chapter's title in the print view: below the cover's `h1`, so the
/// view has one top-level heading (as screen readers and the HTML checker expect).
pub(crate) const CHAPTER_LEVEL: usize = 2;

/// One page's place in the book.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Place {
    /// Chapter number (None for the landing page).
    pub(crate) chapter: Option<usize>,
    /// Heading level of the page's title: [`CHAPTER_LEVEL`] for the introduction and a
    /// chapter, one more for a page inside it, … (the cover's title is the view's one `h1`).
    pub(crate) level: usize,
    /// Figures of earlier pages in the same chapter.
    pub(crate) figure_offset: usize,
    /// `3` for a chapter, `3.2` for the second page inside chapter 3 (None: landing page).
    pub(crate) number: Option<String>,
}

impl Book {
    /// Numbers the pages of `site` in reading order.
    pub(crate) fn new(site: &Site, rendered: &[&Rendered]) -> Book {
        let mut places = vec![Place::default(); site.pages.len()];
        let figures = rendered.iter().map(|r| r.figures.len()).collect();
        let mut by_anchor = HashMap::new();
        let mut chapter = 0;
        let mut figures_in_chapter = 0;
        // Counters of the pages at each depth below the chapter (for `3.2`, `3.2.1`).
        let mut sub: Vec<usize> = Vec::new();
        let mut h = blake3::Hasher::new();
        for &id in &site.order {
            let depth = site.ancestors(id).len();
            let place = if depth == 0 {
                Place {
                    chapter: None,
                    level: CHAPTER_LEVEL,
                    figure_offset: 0,
                    number: None,
                }
            } else {
                if depth == 1 {
                    chapter += 1;
                    figures_in_chapter = 0;
                    sub.clear();
                } else {
                    sub.resize(depth - 1, 0);
                    sub[depth - 2] += 1;
                }
                let mut number = chapter.to_string();
                for n in &sub {
                    number.push_str(&format!(".{n}"));
                }
                let p = Place {
                    chapter: Some(chapter),
                    level: (depth + CHAPTER_LEVEL - 1).min(6),
                    figure_offset: figures_in_chapter,
                    number: Some(number),
                };
                figures_in_chapter += rendered[id].figures.len();
                p
            };
            h.update(format!("{id}:{place:?}\0").as_bytes());
            by_anchor.insert(
                crate::output::site_files::print_anchor(&site.pages[id].url),
                (place.chapter, place.figure_offset),
            );
            places[id] = place;
        }
        Book {
            places,
            by_anchor,
            key: *h.finalize().as_bytes(),
            figures,
        }
    }

    /// Whether this numbering still holds after only the pages `edited` were rendered anew,
    /// every page keeping its id and place: it counts nothing else of theirs but figures.
    pub(crate) fn holds_after(&self, rendered: &[&Rendered], edited: &[PageId]) -> bool {
        self.figures.len() == rendered.len()
            && edited
                .iter()
                .all(|&id| self.figures[id] == rendered[id].figures.len())
    }

    /// The book's label of figure `n` (1-based, as on the site) of the page printed at
    /// `anchor`: `3.2`, or `2` in the introduction.
    pub(crate) fn figure_label(&self, anchor: &str, n: usize) -> Option<String> {
        let (chapter, offset) = self.by_anchor.get(anchor)?;
        Some(match chapter {
            Some(c) => format!("{c}.{}", offset + n),
            None => n.to_string(),
        })
    }

    /// A chapter's running head as a quoted CSS string (None for any other page).
    pub(crate) fn running_head(&self, id: PageId, title: &str) -> Option<String> {
        let p = &self.places[id];
        (p.chapter.is_some() && p.level == CHAPTER_LEVEL).then_some(())?;
        Some(css_string(&format!("{} {title}", p.number.as_deref()?)))
    }

    /// A page's print fragment (already through `for_print`) as the book prints it:
    /// headings at its outline level, figures and their cross-references renumbered.
    pub(crate) fn fragment(&self, id: PageId, anchor: &str, html: &str) -> String {
        let shift = self.places[id].level.saturating_sub(1);
        let html = rewrite::shift_headings(html, shift);
        rewrite::renumber_figures(&html, anchor, self)
    }
}

/// `text` as a CSS string literal that is safe inside a `<style>` element.
pub(crate) fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' | '&' | '\n' | '\r' => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests;
