//! The one-page print view: every page's body rewritten for paper (anchors instead of page
//! links, descriptions open), slotted into the print template rendered once.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::Mode;
use super::input::Input;
use super::print_parts::{self, SLOT};
use super::print_stream;
use crate::content::PageId;
use crate::content::review::Review;
use crate::diag::Diagnostic;
use crate::markdown::root_prefix;
use crate::output::site_files::{for_print, print_anchor};
use crate::print::Book;
use crate::print::split;
use crate::render::context::{AssetsCtx, Common, PrintPage, PrintTemplate};

/// What the print view keeps between builds (only when builds repeat).
#[derive(Default)]
pub(crate) struct PrintCache {
    /// Each page's print fragment, by page id (of the pages at `urls`).
    fragments: Vec<Arc<str>>,
    /// Each page's URL, by page id: what the ids of `fragments` and `marked` mean.
    urls: Arc<[String]>,
    /// The rendered print template with its slots, and the hash of what it shows (order,
    /// titles, depths, reviews, assets): an edit that changes none of them reuses it.
    /// Rendering it walks every page (27 ms at 10,000 pages).
    shell: Option<(blake3::Hash, Arc<str>)>,
    /// The book numbering the fragments were made with (see [`crate::print::Book`]).
    book_key: [u8; 32],
    /// That numbering, and each page's print anchor by URL, kept for a rebuild that moves
    /// no page (see [`Input::edits`]).
    book: Option<(Arc<Book>, Arc<Anchors>)>,
    /// By page id: whether its fragment looks like a section to the split.
    marked: Vec<bool>,
    /// The view's files as parts.
    parts: Option<print_parts::Kept>,
    /// The hash of the assets the shell links (see [`head_key`]).
    head: [u8; 32],
    /// The reviews the shell shows, by page id.
    reviews: Option<Arc<[Option<Review>]>>,
}

/// Each page's print anchor, by URL.
type Anchors = HashMap<String, String>;

/// The book's numbering and the pages' print anchors: `last`'s when no page moved and no
/// edited page gained or lost a figure, else made anew from every page.
fn numbering(input: &Input, last: Option<&(Arc<Book>, Arc<Anchors>)>) -> (Arc<Book>, Arc<Anchors>) {
    if let (Some((book, anchors)), Some(edits)) = (last, input.edits)
        && book.holds_after(input.rendered, edits)
    {
        return (book.clone(), anchors.clone());
    }
    let site = input.site;
    let anchors = site
        .pages
        .iter()
        .map(|p| (p.url.clone(), print_anchor(&p.url)))
        .collect();
    (Arc::new(Book::new(site, input.rendered)), Arc::new(anchors))
}

/// The hash of the assets the print template links.
fn head_key(assets: &AssetsCtx) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    for a in [&assets.css, &assets.js] {
        h.update(a.as_bytes()).update(b"\0");
    }
    h.update(
        assets
            .highlight_css
            .as_deref()
            .unwrap_or("\u{1}")
            .as_bytes(),
    );
    *h.finalize().as_bytes()
}

/// The print view's files, each handed to `emit`, and what to keep: fragments of the pages
/// `todo` are rewritten, the others come from `last` (a one-shot build rewrites every page
/// straight into the view, one part file at a time: see [`print_stream`]).
pub(super) fn view(
    input: &Input,
    titles: &[String],
    (assets, common): (&AssetsCtx, Common),
    (last, mode): (&PrintCache, Mode),
    (todo, emit): (&[PageId], &mut print_stream::Emit),
) -> Result<PrintCache, Diagnostic> {
    let site = input.site;
    let (book, anchors) = numbering(input, last.book.as_ref());
    let mut next = PrintCache {
        book_key: book.key,
        book: (mode == Mode::Repeat).then(|| (book.clone(), anchors.clone())),
        ..PrintCache::default()
    };
    if mode == Mode::Repeat {
        refresh_fragments(input, (&anchors, &book), (todo, last), &mut next);
    }
    let key = match (&last.shell, input.edits) {
        // Nothing the shell shows of the pages changed (order, titles, depths): only the
        // numbering, assets and reviews can have.
        (Some((k, _)), Some(_))
            if last.book_key == book.key
                && last.head == head_key(assets)
                && last.reviews.as_deref() == Some(input.reviews) =>
        {
            *k
        }
        _ => shell_key(input, titles, assets, &book),
    };
    if mode == Mode::Repeat {
        next.head = head_key(assets);
        next.reviews = match &last.reviews {
            Some(r) if **r == *input.reviews => Some(r.clone()),
            _ => Some(input.reviews.to_vec().into()),
        };
    }
    let shell: Arc<str> = match &last.shell {
        Some((k, shell)) if *k == key => shell.clone(),
        _ => render_shell(input, titles, common, &book)?.into(),
    };
    match mode {
        Mode::Once => {
            // A body mentioning the view's own section class might look like a section once
            // rewritten: then the view is filled whole and cut (see print_stream).
            let clean = !input.rendered.iter().any(|r| r.html.contains("print-page"));
            let fragment = |id| rewrite(input, (&anchors, &book), id);
            print_stream::stream(site, &shell, (&fragment, clean), split::LIMIT, emit)?;
        }
        Mode::Repeat => {
            let fragment = |id: PageId| next.fragments[id].clone();
            let marked = next.marked.contains(&true);
            let last_parts = last.parts.as_ref();
            let (files, parts) =
                print_parts::files(site, &shell, (&fragment, marked), last_parts, split::LIMIT);
            next.parts = parts;
            next.shell = Some((key, shell));
            for (path, file) in files {
                emit(path, file)?;
            }
        }
    }
    Ok(next)
}

/// serve: the print fragments of `todo` rewritten (of every page when the numbering
/// changed, and of any page `last` has none for), the others kept from `last` (by id when
/// no page moved, else by URL); pages gone are dropped.
fn refresh_fragments(
    input: &Input,
    (anchors, book): (&Anchors, &Book),
    (todo, last): (&[PageId], &PrintCache),
    next: &mut PrintCache,
) {
    let site = input.site;
    let n = site.pages.len();
    let same_ids = last.urls.len() == n
        && site
            .pages
            .iter()
            .zip(last.urls.iter())
            .all(|(p, u)| p.url == *u);
    next.urls = if same_ids {
        last.urls.clone()
    } else {
        site.pages.iter().map(|p| p.url.clone()).collect()
    };
    // New numbering (a page moved, a figure came or went) changes other pages' fragments.
    let renumbered = last.book_key != book.key;
    let mut kept: Vec<Option<(Arc<str>, bool)>> = if renumbered {
        vec![None; n]
    } else if same_ids {
        let was = last.fragments.iter().zip(&last.marked);
        was.map(|(f, &m)| Some((f.clone(), m))).collect()
    } else {
        let by_url: HashMap<&str, PageId> = last
            .urls
            .iter()
            .enumerate()
            .map(|(id, u)| (u.as_str(), id))
            .collect();
        let was = |url: &str| {
            let &id = by_url.get(url)?;
            Some((last.fragments.get(id)?.clone(), *last.marked.get(id)?))
        };
        site.pages.iter().map(|p| was(&p.url)).collect()
    };
    for &id in todo {
        kept[id] = None;
    }
    let todo: Vec<PageId> = (0..n).filter(|&id| kept[id].is_none()).collect();
    let fresh: Vec<Arc<str>> = todo
        .par_iter()
        .map(|&id| rewrite(input, (anchors, book), id).into())
        .collect();
    for (id, frag) in todo.into_iter().zip(fresh) {
        let marked = split::looks_like_a_section(&frag);
        kept[id] = Some((frag, marked));
    }
    (next.fragments, next.marked) = kept.into_iter().map(|k| k.unwrap_or_default()).unzip();
}

/// Page `id`'s body for the print view; `anchors` maps each page URL to its section's id,
/// `book` numbers chapters and figures.
fn rewrite(input: &Input, (anchors, book): (&Anchors, &Book), id: PageId) -> String {
    let p = &input.site.pages[id];
    let anchor = print_anchor(&p.url);
    let html = for_print(
        &input.rendered[id].html,
        &root_prefix(&p.url),
        &anchor,
        anchors,
    );
    let html = book.fragment(id, &anchor, &html);
    // On paper a closed disclosure is lost: long descriptions print open.
    const DESC: &str = "<details class=\"figure-description\">";
    if html.contains(DESC) {
        html.replace(DESC, "<details class=\"figure-description\" open>")
    } else {
        html
    }
}

/// The hash of everything the print template shows besides the pages' bodies.
fn shell_key(input: &Input, titles: &[String], assets: &AssetsCtx, book: &Book) -> blake3::Hash {
    let site = input.site;
    let mut h = blake3::Hasher::new();
    h.update(&book.key);
    h.update(&head_key(assets));
    for &id in &site.order {
        h.update(b"\0").update(titles[id].as_bytes()).update(b"\0");
        h.update(site.pages[id].url.as_bytes());
        h.update(&site.ancestors(id).len().to_le_bytes());
        h.update(format!("{:?}", input.reviews[id]).as_bytes());
    }
    h.finalize()
}

/// print.html rendered with a slot where each page's body goes.
fn render_shell(
    input: &Input,
    titles: &[String],
    common: Common,
    book: &Book,
) -> Result<String, Diagnostic> {
    let site = input.site;
    let pages: Vec<PrintPage> = site
        .order
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            let p = &site.pages[id];
            PrintPage {
                title: &titles[id],
                url: &p.url,
                depth: site.ancestors(id).len(),
                level: book.places[id].level,
                number: book.places[id].number.as_deref(),
                chapter: book.places[id].chapter,
                running_head: book.running_head(id, &titles[id]),
                part_url: None,
                anchor: print_anchor(&p.url),
                content: format!("{SLOT}{i}{SLOT}"),
                review: input.reviews[id].as_ref(),
            }
        })
        .collect();
    input
        .renderer
        .render("print.html", &PrintTemplate { common, pages })
}
