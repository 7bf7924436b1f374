//! The print view of a one-shot build, made chapter by chapter: each part file is filled
//! from its piece of the shell and handed on as soon as it is done, so the build never holds
//! the whole view (1.4 GB at 100,000 pages) nor every part at once.
//!
//! The files are exactly what cutting the whole view gives ([`split::each`]): the cut points
//! are the shell's sections (as for the parts `guide serve` keeps, see [`super::print_parts`]),
//! the view stays one file while it is at most the limit, and over the limit the front
//! file's contents are split by chapter. A page whose print fragment looks like a view
//! section makes the view be filled whole and cut as before.

use std::ops::Range;

use bytes::Bytes;
use rayon::prelude::*;

use super::print_parts::{self, SLOT};
use crate::content::{PageId, Site};
use crate::diag::Diagnostic;
use crate::print::split::{self, Parts};

/// Where the files go: (output path, HTML).
pub(super) type Emit<'e> = dyn FnMut(String, Bytes) -> Result<(), Diagnostic> + 'e;

/// Fills `shell` with `fragment(page)` for every slot and hands each file of the view to
/// `emit`; `clean` says no page could look like a view section (then the view is streamed).
pub(super) fn stream(
    site: &Site,
    shell: &str,
    (fragment, clean): (&(dyn Fn(PageId) -> String + Sync), bool),
    limit: usize,
    emit: &mut Emit,
) -> Result<(), Diagnostic> {
    match print_parts::cut_of(shell).filter(|_| clean) {
        Some((parts, chunks)) => {
            match by_chapter(site, shell, fragment, (&parts, &chunks), limit, emit)? {
                Done::Yes => Ok(()),
                // Overwritten below: the whole view's cut has at least the streamed files.
                Done::Marked => whole(site, shell, fragment, limit, emit),
            }
        }
        None => whole(site, shell, fragment, limit, emit),
    }
}

/// Whether [`by_chapter`] made the view, or found a fragment looking like a section.
enum Done {
    Yes,
    Marked,
}

/// The view filled whole, then cut.
fn whole(
    site: &Site,
    shell: &str,
    fragment: &(dyn Fn(PageId) -> String + Sync),
    limit: usize,
    emit: &mut Emit,
) -> Result<(), Diagnostic> {
    let (html, _) = fill(site, shell, fragment);
    let mut result = Ok(());
    split::each(html, limit, |path, file| {
        if result.is_ok() {
            result = emit(path, Bytes::from(file));
        }
    });
    result
}

/// The view chunk by chunk: chapters are held only until the view is known to be over the
/// limit (then every file is emitted as it is made), else put together as one file.
fn by_chapter(
    site: &Site,
    shell: &str,
    fragment: &(dyn Fn(PageId) -> String + Sync),
    (parts, chunks): (&Parts, &[Range<usize>]),
    limit: usize,
    emit: &mut Emit,
) -> Result<Done, Diagnostic> {
    let (first, last) = (chunks[0].start, chunks[chunks.len() - 1].end);
    let (head, tail) = (&shell[..first], &shell[last..]);
    let (front, marked) = fill(site, &shell[chunks[0].clone()], fragment);
    if marked {
        return Ok(Done::Marked);
    }
    let mut total = head.len() + front.len() + tail.len();
    // Over the limit the front file lists the chapters only, each part its own pages.
    let toc = (parts.front_len(front.len()) > limit)
        .then(|| split::toc_by_chapter(&front, chunks.len()))
        .flatten();
    let (front, tocs) = match toc {
        Some((front, tocs)) => (front, tocs),
        None => (front, vec![String::new(); chunks.len()]),
    };
    let mut held: Vec<String> = Vec::new();
    let mut over = total > limit;
    let mut file = |k: usize, text: &str| {
        let (path, html) = parts.file(k, text, &tocs[k]);
        emit(path, Bytes::from(html))
    };
    if over {
        file(0, &front)?;
    }
    for (k, range) in chunks.iter().enumerate().skip(1) {
        let (text, marked) = fill(site, &shell[range.clone()], fragment);
        if marked {
            return Ok(Done::Marked);
        }
        total += text.len();
        if over {
            file(k, &text)?;
        } else if total > limit {
            over = true;
            file(0, &front)?;
            for (j, held) in std::mem::take(&mut held).iter().enumerate() {
                file(j + 1, held)?;
            }
            file(k, &text)?;
        } else {
            held.push(text);
        }
    }
    if !over {
        let view = format!("{head}{front}{}{tail}", held.concat());
        emit("print/index.html".into(), Bytes::from(view))?;
    }
    Ok(Done::Yes)
}

/// `text` (a piece of the shell) with each slot filled by the fragment of the page at that
/// reading-order position (made in parallel), and whether one looks like a view section.
fn fill(site: &Site, text: &str, fragment: &(dyn Fn(PageId) -> String + Sync)) -> (String, bool) {
    let mut pieces = text.split(SLOT);
    let head = pieces.next().unwrap_or("");
    let mut slots: Vec<(Option<PageId>, &str)> = Vec::new();
    while let (Some(n), Some(rest)) = (pieces.next(), pieces.next()) {
        let id = n
            .parse::<usize>()
            .ok()
            .and_then(|i| site.order.get(i).copied());
        slots.push((id, rest));
    }
    let mut out = String::from(head);
    let mut marked = false;
    // In slices, so a front chunk of every page never holds all their fragments at once.
    for slice in slots.chunks(64) {
        let frags: Vec<String> = slice
            .par_iter()
            .map(|(id, _)| id.map_or_else(String::new, fragment))
            .collect();
        for (frag, (_, rest)) in frags.iter().zip(slice) {
            marked |= split::looks_like_a_section(frag);
            out.push_str(frag);
            out.push_str(rest);
        }
    }
    (out, marked)
}

#[cfg(test)]
mod tests;
