//! Cross-page checks that need every page rendered first: each `#anchor` a link names must
//! exist on its target page; no page or asset is written where another or a generated file is.

use std::collections::HashMap;

use crate::config::Config;
use crate::content::{PageId, Site};
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;

/// Checks the recorded links of the pages `ids` (`rendered[id]` is page `id`'s result): each
/// `#anchor` must be on its target page. A full build checks every page; a rebuild only the
/// pages an edit can have broken (see `build::links`).
pub(crate) fn links_of(
    site: &Site,
    rendered: &[&Rendered],
    ids: impl IntoIterator<Item = PageId>,
) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for id in ids {
        let r = rendered[id];
        let page = &site.pages[id];
        for link in &r.links {
            let Some(anchor) = &link.anchor else { continue };
            if anchor.is_empty() || rendered[link.target].anchors.contains(anchor) {
                continue;
            }
            let target = &site.pages[link.target];
            let mut ids: Vec<&String> = rendered[link.target].anchors.iter().collect();
            ids.sort_by_key(|a| strsim::levenshtein(a, anchor));
            let hint = match ids.first() {
                Some(best) if strsim::levenshtein(best, anchor) <= 3 => format!("did you mean `#{best}`?"),
                _ => "anchors are heading ids (`## A heading` → `#a-heading`), `{#custom}` ids or `#figure-N`".into(),
            };
            let d = Diagnostic::error(format!(
                "link to a missing anchor `#{anchor}` on {}",
                target.shown.display()
            ));
            diags.push(
                r.place(d, page, link.span.clone())
                    .label("no heading or figure has this id")
                    .hint(hint),
            );
        }
    }
    diags
}

/// What guide itself writes at an output path, if anything: the not-found page, the print
/// view, search, the sitemap, robots.txt, the theme's static files.
pub(crate) fn generated(path: &str, cfg: &Config, statics: &[&str]) -> Option<&'static str> {
    let with_base = cfg.book.base_url.is_some();
    match path {
        "404.html" => return Some("the not-found page (theme template 404.html)"),
        "print/index.html" => return Some("the print view of the whole guide"),
        "sitemap.xml" if with_base => return Some("the sitemap (written when base-url is set)"),
        "robots.txt" if with_base => return Some("robots.txt (written when base-url is set)"),
        _ => {}
    }
    if path.starts_with("search/") {
        return Some("the search index (everything under search/)");
    }
    let name = path.strip_prefix("static/")?;
    let fingerprinted = |stem: &str, ext: &str| {
        name.strip_prefix(stem)
            .and_then(|r| r.strip_suffix(ext))
            .is_some_and(|hash| !hash.is_empty())
    };
    let theme_file = statics.contains(&name)
        || fingerprinted("style.", ".css")
        || fingerprinted("guide.", ".js")
        || fingerprinted("highlight.", ".css");
    theme_file.then_some("a static file of the theme")
}

/// Every page or asset whose output path is a file guide generates, or another page's: each
/// is an error naming both (today's output would silently drop one of them).
pub(crate) fn collisions(site: &Site, cfg: &Config, statics: &[&str]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    // A page is written to `{url}index.html`: only a URL under a generated folder (or the
    // print view's) can be a generated file's, so only those paths are made.
    let mut generated_paths: HashMap<String, PageId> = HashMap::new();
    for (id, page) in site.pages.iter().enumerate() {
        let url = page.url.as_str();
        if url == "print/" || url.starts_with("search/") || url.starts_with("static/") {
            generated_paths.insert(format!("{url}index.html"), id);
        }
    }
    for (path, &id) in &generated_paths {
        let page = &site.pages[id];
        if page.text.is_empty() && page.shown.extension().is_none_or(|e| e != "md") {
            continue; // a folder without _index.md: nothing of the author's is lost
        }
        if let Some(what) = generated(path, cfg, statics) {
            let d = Diagnostic::error(format!(
                "{} would be written to `{path}`, which is {what}",
                page.shown.display()
            ))
            .hint("give the page another file name or `slug`; the generated file keeps its place");
            diags.push(match slug_span(page) {
                Some(span) => d
                    .at(&page.shown, &page.text, span)
                    .label("this slug collides"),
                None => d.in_file(&page.shown),
            });
        }
    }
    let mut assets: Vec<&String> = site.assets.iter().collect();
    assets.sort_unstable();
    let mut by_url = None;
    for rel in assets {
        let page = match rel.ends_with("index.html") {
            true => by_url
                .get_or_insert_with(|| PagesByUrl::new(site))
                .at_path(rel),
            false => None,
        };
        let clash = match page {
            Some(id) => Some(format!("the page {}", site.pages[id].shown.display())),
            None => generated(rel, cfg, statics).map(str::to_string),
        };
        if let Some(what) = clash {
            let shown = cfg.build.content.join(rel);
            diags.push(
                Diagnostic::error(format!(
                    "{} would be written to `{rel}`, which is {what}",
                    shown.display()
                ))
                .in_file(&shown)
                .hint("rename or move the file; guide writes that path itself (to change a generated file, override its theme template)"),
            );
        }
    }
    diags
}

/// Pages by URL (the last page of a URL when two share one), borrowed from the site: made
/// only when an output path must be looked up.
pub(crate) struct PagesByUrl<'a>(HashMap<&'a str, PageId>);

impl<'a> PagesByUrl<'a> {
    /// Every page of `site` by its URL.
    pub(crate) fn new(site: &'a Site) -> Self {
        PagesByUrl(
            site.pages
                .iter()
                .enumerate()
                .map(|(id, p)| (p.url.as_str(), id))
                .collect(),
        )
    }

    /// The page written to the output path `path` (`{url}index.html`), if any.
    pub(crate) fn at_path(&self, path: &str) -> Option<PageId> {
        self.0.get(path.strip_suffix("index.html")?).copied()
    }
}

/// The `slug = ...` (or `slug: ...`) value in a page's front matter, for pointing at it.
fn slug_span(page: &crate::content::Page) -> Option<std::ops::Range<usize>> {
    let slug = page.front.slug.as_deref()?;
    let front = &page.text[..page.body_start.min(page.text.len())];
    let key = front.find("slug")?;
    let at = front[key..].find(slug)? + key;
    Some(at..at + slug.len())
}
