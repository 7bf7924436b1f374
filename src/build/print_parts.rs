//! The print view kept as parts between builds (`guide serve`): the shell is cut into its
//! chapter files once, and a chapter's file is made again only when one of its pages'
//! fragments changed, so a one-page edit costs one chapter of the view, not the whole guide.
//!
//! The parts are exactly what cutting the whole view gives ([`crate::print::split::files`]):
//! the cut points are in the shell (the template's sections), never in a page's fragment, and
//! a fragment that holds text looking like a section makes the whole view be cut instead.

use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;

use crate::content::{PageId, Site};
use crate::print::split::{self, Cut, Parts};

/// Marks where a page's print fragment goes in the rendered print template, so Tera never
/// copies the whole guide's HTML through its context (10 MB at 1,000 pages).
pub(super) const SLOT: char = '\u{1}';

/// The shell cut into chunks, computed once per shell.
pub(crate) struct Layout {
    /// The shell's cut (None: the view stays one file).
    cut: Option<(Parts, Vec<Chunk>)>,
    /// The shell's length without its slot markers.
    text_len: usize,
}

/// One chunk of the shell: its text (with slots) and the reading-order positions it slots.
struct Chunk {
    range: std::ops::Range<usize>,
    slots: Vec<usize>,
    /// Its length without slot markers.
    text_len: usize,
}

/// A part's file and what it was made of.
struct Made {
    /// The fragments of the chunk's slots, in order.
    frags: Vec<Arc<str>>,
    /// Output path and bytes.
    file: (String, Bytes),
    /// Where each fragment sits in the file, as the part holds it (rerooted, relinked);
    /// None when some piece of the chunk does not end between attributes (see
    /// [`Parts::piece`]): then the part is made whole again when a fragment changes.
    spans: Option<Vec<std::ops::Range<usize>>>,
}

/// What the parts keep between builds.
pub(crate) struct Kept {
    /// The shell the parts were cut from (compared by pointer: the same `Arc` is the same
    /// shell, see `print::view`).
    shell: Arc<str>,
    layout: Arc<Layout>,
    /// Per chunk: its file and what it was made of.
    files: Vec<Made>,
}

/// The reading-order positions slotted in `text` (`\u{1}n\u{1}` markers).
fn slots_in(text: &str) -> Vec<usize> {
    let mut parts = text.split(SLOT).skip(1);
    let mut out = Vec::new();
    while let (Some(n), Some(_)) = (parts.next(), parts.next()) {
        out.extend(n.parse::<usize>().ok());
    }
    out
}

/// The bytes the slot markers of `slots` take.
fn markers_len(slots: &[usize]) -> usize {
    slots.iter().map(|i| 2 + i.to_string().len()).sum()
}

impl Layout {
    /// The layout of `shell`.
    fn of(shell: &str) -> Layout {
        let all = slots_in(shell);
        let text_len = shell.len() - markers_len(&all);
        let cut = Cut::of(shell).filter(|c| {
            // Every slot inside the body: then the shell's cut is the view's cut.
            let first = shell.find(SLOT).unwrap_or(c.body_start);
            let last = shell.rfind(SLOT).unwrap_or(c.main_end);
            first >= c.body_start && last < c.main_end
        });
        let cut = cut.map(|c| {
            let ranges = c.chunks();
            let texts: Vec<&str> = ranges.iter().map(|r| &shell[r.clone()]).collect();
            let parts = Parts::new(&shell[..c.body_start], &shell[c.main_end..], &texts);
            let chunks = ranges
                .into_iter()
                .map(|range| {
                    let slots = slots_in(&shell[range.clone()]);
                    let text_len = range.len() - markers_len(&slots);
                    Chunk {
                        slots,
                        range,
                        text_len,
                    }
                })
                .collect();
            (parts, chunks)
        });
        Layout { cut, text_len }
    }
}

/// The cut of `shell` as the view's parts and its chunks' byte ranges (None: the view stays
/// one file, or its slots are not all in the body).
pub(super) fn cut_of(shell: &str) -> Option<(Parts, Vec<std::ops::Range<usize>>)> {
    let (parts, chunks) = Layout::of(shell).cut?;
    Some((parts, chunks.into_iter().map(|c| c.range).collect()))
}

/// `text` (a piece of the shell) with each slot filled by the fragment of the page at that
/// reading-order position.
pub(super) fn fill_text(site: &Site, text: &str, fragment: &dyn Fn(PageId) -> Arc<str>) -> String {
    fill_in_order(text, site, &mut |id| fragment(id))
}

/// The print view's files from `shell` and each page's fragment, reusing the files of
/// `last` whose fragments are all the same; `marked` says whether some fragment looks like
/// a section (see [`split::looks_like_a_section`]).
pub(super) fn files(
    site: &Site,
    shell: &Arc<str>,
    (fragment, marked): (&(dyn Fn(PageId) -> Arc<str> + Sync), bool),
    last: Option<&Kept>,
    limit: usize,
) -> (Vec<(String, Bytes)>, Option<Kept>) {
    let same_shell = last.filter(|k| Arc::ptr_eq(&k.shell, shell));
    let layout = match same_shell {
        Some(k) => k.layout.clone(),
        None => Arc::new(Layout::of(shell)),
    };
    let frag_len: usize = site.order.iter().map(|&id| fragment(id).len()).sum();
    let whole = || {
        let html = fill_text(site, shell, fragment);
        let mut files = Vec::new();
        split::each(html, limit, |p, h| files.push((p, Bytes::from(h))));
        (files, None)
    };
    let Some((parts, chunks)) = layout.cut.as_ref() else {
        return whole();
    };
    // Over the limit, the front file's contents are split by chapter: cut the whole view.
    let front = chunks.first().map_or(0, |c| {
        let frags: usize = c
            .slots
            .iter()
            .filter_map(|&i| site.order.get(i))
            .map(|&id| fragment(id).len())
            .sum();
        parts.front_len(c.text_len + frags)
    });
    if layout.text_len + frag_len <= limit || marked || front > limit {
        return whole();
    }
    let made: Vec<Made> = chunks
        .par_iter()
        .enumerate()
        .map(|(k, chunk)| {
            let frags: Vec<Arc<str>> = chunk
                .slots
                .iter()
                .filter_map(|&i| site.order.get(i).map(|&id| fragment(id)))
                .collect();
            let was = same_shell.and_then(|l| l.files.get(k));
            let same = |was: &&Made| {
                was.frags.len() == frags.len()
                    && was.frags.iter().zip(&frags).all(|(a, b)| Arc::ptr_eq(a, b))
            };
            match was {
                Some(was) if same(&was) => Made {
                    frags,
                    file: was.file.clone(),
                    spans: was.spans.clone(),
                },
                Some(was) => splice(parts, k, was, frags).unwrap_or_else(|frags| {
                    make(site, parts, k, &shell[chunk.range.clone()], frags)
                }),
                None => make(site, parts, k, &shell[chunk.range.clone()], frags),
            }
        })
        .collect();
    let out = made.iter().map(|m| m.file.clone()).collect();
    let kept = Kept {
        shell: shell.clone(),
        layout,
        files: made,
    };
    (out, Some(kept))
}

/// Chunk `k`'s part made from `text` (its piece of the shell) and `frags` (its slots'
/// fragments, in order), piece by piece when every piece ends between attributes, else
/// whole (see [`Parts::piece`]).
fn make(site: &Site, parts: &Parts, k: usize, text: &str, frags: Vec<Arc<str>>) -> Made {
    let (mut out, tail) = parts.frame(k, "");
    let mut spans = Vec::with_capacity(frags.len());
    let mut ends = true;
    let mut push = |out: &mut String, piece: &str| {
        let (made, between) = parts.piece(k, piece);
        ends &= between;
        out.push_str(&made);
    };
    let mut pieces = text.split(SLOT);
    push(&mut out, pieces.next().unwrap_or(""));
    let mut next = frags.iter();
    while let (Some(n), Some(rest)) = (pieces.next(), pieces.next()) {
        if n.parse::<usize>()
            .ok()
            .and_then(|i| site.order.get(i))
            .is_some()
        {
            let start = out.len();
            push(&mut out, next.next().map_or("", |f| f));
            spans.push(start..out.len());
        }
        push(&mut out, rest);
    }
    if !ends || spans.len() != frags.len() {
        let mut given = frags.iter();
        let mut text_of = |_| given.next().cloned().unwrap_or_else(|| "".into());
        let whole = fill_in_order(text, site, &mut text_of);
        let (path, html) = parts.file(k, &whole, "");
        return Made {
            frags,
            file: (path, Bytes::from(html)),
            spans: None,
        };
    }
    out.push_str(tail);
    Made {
        frags,
        file: (Parts::path(k), Bytes::from(out)),
        spans: Some(spans),
    }
}

/// `text` with its slots filled in order by `next` (called with each slot's page).
fn fill_in_order(text: &str, site: &Site, next: &mut dyn FnMut(PageId) -> Arc<str>) -> String {
    let mut parts = text.split(SLOT);
    let mut out = String::from(parts.next().unwrap_or(""));
    while let (Some(n), Some(rest)) = (parts.next(), parts.next()) {
        if let Some(&id) = n.parse::<usize>().ok().and_then(|i| site.order.get(i)) {
            out.push_str(&next(id));
        }
        out.push_str(rest);
    }
    out
}

/// `was` with the fragments that changed made again alone and put in place (a one-page
/// edit copies the chapter's file and remakes one fragment); Err (with `frags`) when `was`
/// was made whole or a new fragment does not end between attributes.
fn splice(
    parts: &Parts,
    k: usize,
    was: &Made,
    frags: Vec<Arc<str>>,
) -> Result<Made, Vec<Arc<str>>> {
    let Some(spans) = was.spans.as_ref().filter(|s| s.len() == frags.len()) else {
        return Err(frags);
    };
    let old = &was.file.1;
    let mut out = Vec::with_capacity(old.len() + 4096);
    let mut new_spans = Vec::with_capacity(spans.len());
    let mut pos = 0;
    for ((span, a), b) in spans.iter().zip(&was.frags).zip(&frags) {
        out.extend_from_slice(&old[pos..span.start]);
        let start = out.len();
        if Arc::ptr_eq(a, b) {
            out.extend_from_slice(&old[span.clone()]);
        } else {
            match parts.piece(k, b) {
                (made, true) => out.extend_from_slice(made.as_bytes()),
                (_, false) => return Err(frags),
            }
        }
        new_spans.push(start..out.len());
        pos = span.end;
    }
    out.extend_from_slice(&old[pos..]);
    Ok(Made {
        frags,
        file: (was.file.0.clone(), Bytes::from(out)),
        spans: Some(new_spans),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A print shell like the template's: the landing page, then chapters 1..=3 of two pages
    /// each (a chapter section and one nested page).
    fn shell() -> Arc<str> {
        let mut s = String::from(
            "<html><head><link rel=\"stylesheet\" href=\"../s.css\"></head><body><main id=\"main\">",
        );
        s.push_str(
            "<section class=\"print-page print-depth-0\" id=\"page-0\">\u{1}0\u{1}</section>",
        );
        for i in 1..7 {
            let depth = if i % 2 == 1 { 1 } else { 2 };
            s.push_str(&format!(
                "<section class=\"print-page print-depth-{depth}\" id=\"page-{i}\">\u{1}{i}\u{1}</section>"
            ));
        }
        s.push_str("</main></body></html>");
        s.into()
    }

    fn site() -> Site {
        Site {
            order: (0..7).collect(),
            ..Site::default()
        }
    }

    fn frags(edit: usize) -> Vec<Arc<str>> {
        (0..7)
            .map(|i| {
                let marker = if i == edit { " edited" } else { "" };
                format!(
                    "<p>Page {i}{marker}, see <a href=\"#page-{}\">x</a>.</p>",
                    (i + 3) % 7
                )
                .into()
            })
            .collect()
    }

    /// Over it the test view is cut, under it its front file stays whole.
    const LIMIT: usize = 400;

    fn whole(site: &Site, shell: &str, f: &[Arc<str>]) -> Vec<(String, Bytes)> {
        let html = fill_text(site, shell, &|id| f[id].clone());
        let files = split::files(html, LIMIT).into_iter();
        files.map(|(p, h)| (p, Bytes::from(h))).collect()
    }

    #[test]
    fn parts_equal_the_cut_of_the_whole_view_and_only_the_edited_chapter_is_made_again() {
        let (site, shell) = (site(), shell());
        let mut f = frags(99);
        let get = |f: &[Arc<str>]| {
            let f = f.to_vec();
            move |id: PageId| f[id].clone()
        };
        let (first, kept) = files(&site, &shell, (&get(&f), false), None, LIMIT);
        assert_eq!(first, whole(&site, &shell, &f));
        assert_eq!(first.len(), 4, "front matter and three chapters");
        let kept = kept.expect("parts kept");
        // Page 4 (nested in chapter 2) is edited: only print/2/ is made again.
        f[4] = frags(4)[4].clone();
        let (second, _) = files(&site, &shell, (&get(&f), false), Some(&kept), LIMIT);
        assert_eq!(second, whole(&site, &shell, &f));
        for (k, (a, b)) in first.iter().zip(&second).enumerate() {
            let reused = a.1.as_ptr() == b.1.as_ptr();
            assert_eq!(reused, k != 2, "file {k} ({}) reused: {reused}", a.0);
        }
    }

    #[test]
    fn a_fragment_that_looks_like_a_section_or_a_small_view_cuts_the_whole_view() {
        let (site, shell) = (site(), shell());
        let mut f = frags(99);
        f[2] = "<section class=\"print-page print-depth-1\" id=\"page-x\">x</section>".into();
        let g = f.clone();
        let get = move |id: PageId| g[id].clone();
        let (files_marked, kept) = files(&site, &shell, (&get, true), None, LIMIT);
        assert_eq!(files_marked, whole(&site, &shell, &f));
        assert!(kept.is_none());
        let (one, kept) = files(&site, &shell, (&get, true), None, usize::MAX);
        assert_eq!(one.len(), 1);
        assert!(kept.is_none());
    }

    #[test]
    fn an_edited_part_is_spliced_and_an_open_fragment_makes_it_whole_again() {
        let (site, shell) = (site(), shell());
        let mut f = frags(99);
        let get = |f: &[Arc<str>]| {
            let f = f.to_vec();
            move |id: PageId| f[id].clone()
        };
        let (_, kept) = files(&site, &shell, (&get(&f), false), None, LIMIT);
        let mut kept = kept.expect("parts kept");
        assert!(
            kept.files.iter().all(|m| m.spans.is_some()),
            "every piece ends between attributes"
        );
        // Edits in turn: spliced, then an attribute left open at the fragment's end (its
        // part is made whole), then closed again (spliced once the part is whole again).
        let edits: [(usize, &str); 4] = [
            (3, "<p>three <a href=\"#page-5\">five</a></p>\n"),
            (4, "<p>four <img src=\"x.png\" alt=\"x\"></p>\n"),
            (4, "<p>four <a href=\"#page-1"),
            (4, "<p>four <a href=\"#page-1\">one</a></p>\n"),
        ];
        for (n, (page, html)) in edits.into_iter().enumerate() {
            f[page] = html.into();
            let (out, next) = files(&site, &shell, (&get(&f), false), Some(&kept), LIMIT);
            assert_eq!(out, whole(&site, &shell, &f), "edit {n}");
            kept = next.expect("parts kept");
            let spliced = kept.files[2].spans.is_some();
            assert_eq!(spliced, n != 2, "edit {n}: part 2 spliced: {spliced}");
        }
    }
}
