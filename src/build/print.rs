//! The one-page print view: every page's body rewritten for paper (anchors instead of page
//! links, descriptions open), slotted into the print template rendered once.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::assemble::{Input, SiteCache};
use crate::content::PageId;
use crate::diag::Diagnostic;
use crate::markdown::root_prefix;
use crate::output::OutputTree;
use crate::output::site_files::{for_print, print_anchor};
use crate::render::context::{AssetsCtx, Common, PrintPage, PrintTemplate};

/// Marks where a page's print fragment goes in the rendered print template, so Tera never
/// copies the whole guide's HTML through its context (10 MB at 1,000 pages).
const SLOT: char = '\u{1}';

/// Adds `print/index.html` to `tree`: fragments of the pages `todo` (others come from `prev`
/// unless `one_shot`), then the template with slots.
pub(super) fn print_view(
    input: &Input,
    titles: &[String],
    (assets, common): (&AssetsCtx, Common),
    tree: &mut OutputTree,
    (prev, cache, one_shot): (&SiteCache, &mut SiteCache, bool),
    todo: &[PageId],
) -> Result<(), Diagnostic> {
    let site = input.site;
    // Print view: fragments of the pages that changed, then the template with slots.
    let anchors: HashMap<&str, String> = site
        .pages
        .iter()
        .map(|p| (p.url.as_str(), print_anchor(&p.url)))
        .collect();
    let book = crate::print::Book::new(site, input.rendered);
    let rewrite = |id: PageId| {
        let p = &site.pages[id];
        let anchor = print_anchor(&p.url);
        let html = for_print(
            &input.rendered[id].html,
            &root_prefix(&p.url),
            &anchor,
            &anchors,
        );
        let html = book.fragment(id, &anchor, &html);
        // On paper a closed disclosure is lost: long descriptions print open.
        const DESC: &str = "<details class=\"figure-description\">";
        if html.contains(DESC) {
            html.replace(DESC, "<details class=\"figure-description\" open>")
        } else {
            html
        }
    };
    if !one_shot {
        // New numbering (a page moved, a figure came or went) changes other pages' fragments.
        let all: Vec<PageId>;
        let todo = if prev.book_key == book.key {
            todo
        } else {
            all = (0..site.pages.len()).collect();
            &all
        };
        cache.book_key = book.key;
        let fresh: Vec<(String, Arc<str>)> = todo
            .par_iter()
            .map(|&id| (site.pages[id].url.clone(), rewrite(id).into()))
            .collect();
        cache.print = prev
            .print
            .iter()
            .filter(|(url, _)| anchors.contains_key(url.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        cache.print.extend(fresh);
    }
    let depth = |id: PageId| site.ancestors(id).len();
    let key = {
        let mut h = blake3::Hasher::new();
        h.update(&book.key);
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
        for &id in &site.order {
            h.update(b"\0").update(titles[id].as_bytes()).update(b"\0");
            h.update(site.pages[id].url.as_bytes());
            h.update(&depth(id).to_le_bytes());
            h.update(format!("{:?}", input.reviews[id]).as_bytes());
        }
        h.finalize()
    };
    let shell: Arc<str> = match &prev.print_shell {
        Some((k, shell)) if *k == key => shell.clone(),
        _ => {
            let pages: Vec<PrintPage> = site
                .order
                .iter()
                .enumerate()
                .map(|(i, &id)| {
                    let p = &site.pages[id];
                    PrintPage {
                        title: &titles[id],
                        url: &p.url,
                        depth: depth(id),
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
                .render("print.html", &PrintTemplate { common, pages })?
                .into()
        }
    };
    // Fill the slots. A one-shot build rewrites pages chunk by chunk straight into the page
    // (no cache beside it: ~100 MB less at 10,000 pages); serve keeps fragments for next time.
    let mut parts = shell.split(SLOT);
    let head = parts.next().unwrap_or("");
    let mut slots: Vec<(Option<PageId>, &str)> = Vec::new();
    while let (Some(n), Some(rest)) = (parts.next(), parts.next()) {
        slots.push((
            n.parse::<usize>()
                .ok()
                .and_then(|i| site.order.get(i).copied()),
            rest,
        ));
    }
    let body: usize = input.rendered.iter().map(|r| r.html.len()).sum();
    let mut print = String::with_capacity(shell.len() + body + body / 8);
    print.push_str(head);
    for chunk in slots.chunks(64) {
        let frags: Vec<std::borrow::Cow<str>> = chunk
            .par_iter()
            .map(|(id, _)| match id {
                Some(id) if one_shot => std::borrow::Cow::Owned(rewrite(*id)),
                Some(id) => std::borrow::Cow::Borrowed(&*cache.print[&site.pages[*id].url]),
                None => std::borrow::Cow::Borrowed(""),
            })
            .collect();
        for (frag, (_, rest)) in frags.iter().zip(chunk) {
            print.push_str(frag);
            print.push_str(rest);
        }
    }
    tree.insert("print/index.html", print);
    if !one_shot {
        cache.print_shell = Some((key, shell));
    }
    Ok(())
}
