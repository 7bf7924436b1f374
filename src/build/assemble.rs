//! The output tree, assembled: the theme's static files (fingerprinted), every page's HTML
//! (the pages the plan chose through the templates, the others as kept), the assets, and the
//! site-wide files (404, print view, redirects, sitemap, robots.txt, search index).

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use bytes::Bytes;

use super::Mode;
use super::clock::Clock;
use super::handouts;
use super::input::{GENERATOR, Input};
use super::plan::Deps;
use super::print::{self, PrintCache};
use super::templates::{self, Templated};
use crate::content::{PageId, Site};
use crate::diag::Diagnostics;
use crate::markdown::{Rendered, highlight};
use crate::output::site_files::{fingerprinted, robots, sitemap};
use crate::output::write::Stage;
use crate::output::{FileMap, OutputTree};
use crate::render::context::{AssetsCtx, Common, NotFoundTemplate, SiteCtx};
use crate::search;

/// Renders pages `todo` (the others come from `last`) and builds the tree (all but the
/// search index) and the next [`SiteCache`].
pub(crate) fn assemble(
    input: &Input,
    titles: &[String],
    todo: &[PageId],
    (last, mode, stage): (&SiteCache, Mode, Option<&Stage>),
    asset_bytes: &HashMap<String, Bytes>,
    clock: &mut Clock,
) -> Result<(OutputTree, SiteCache), Diagnostics> {
    let mut statics_tree = OutputTree::default();
    let assets = statics(input, &mut statics_tree);
    let site_ctx = SiteCtx::of(input.cfg);
    let templated = templates::render(input, titles, todo, (&site_ctx, &assets), stage)?;
    // Streamed pages are on disk already, and a one-shot build keeps nothing for the next.
    let (html, deps) = match stage {
        Some(_) => Default::default(),
        None => pages(input, templated, last),
    };
    // The pages (shared with the cache, not copied), then what a page does not overwrite.
    let mut tree = OutputTree {
        files: html.clone(),
    };
    let files = statics_tree.files.into_iter();
    let assets_files = asset_bytes.iter().map(|(k, v)| (k.clone(), v.clone()));
    for (rel, bytes) in files.chain(assets_files) {
        tree.files.entry(rel).or_insert(bytes);
    }
    clock.lap("templates");
    super::progress::enter(super::progress::phase::PRINT, 0);
    let (print, handouts) = site_wide(
        input,
        titles,
        (&site_ctx, &assets),
        &mut tree,
        (last, mode, stage),
        todo,
    )?;
    clock.lap("print");
    let cache = SiteCache {
        html,
        deps,
        print,
        handouts,
    };
    Ok((tree, cache))
}

/// Every page's HTML by output path, and what each shows: the pages just rendered, the
/// others as `last` kept them. When no page moved ([`Input::edits`]), that is `last`'s maps
/// (shared, not copied) with the rendered pages replaced.
fn pages(input: &Input, templated: Vec<Templated>, last: &SiteCache) -> (FileMap, Deps) {
    let site = input.site;
    let shows = |ids: Vec<PageId>| -> Arc<[String]> {
        ids.into_iter().map(|d| site.pages[d].url.clone()).collect()
    };
    if input.edits.is_some() {
        let (mut html, mut deps) = (last.html.clone(), last.deps.clone());
        for (id, h, ids) in templated {
            html.insert(input.output_path(id), Bytes::from(h));
            deps.insert(site.pages[id].url.clone(), shows(ids));
        }
        return (html, deps);
    }
    let live: HashSet<&str> = site.pages.iter().map(|p| p.url.as_str()).collect();
    let mut deps: Deps = last
        .deps
        .iter()
        .filter(|(url, _)| live.contains(url.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut html: HashMap<String, Bytes> = HashMap::with_capacity(site.pages.len());
    for (id, h, ids) in templated {
        html.insert(input.output_path(id), Bytes::from(h));
        deps.insert(site.pages[id].url.clone(), shows(ids));
    }
    for id in 0..site.pages.len() {
        // A page not rendered now is one the plan found unchanged: the last build has it.
        if let Entry::Vacant(e) = html.entry(input.output_path(id)) {
            let kept = last.html.get(e.key()).cloned();
            e.insert(kept.expect("the plan re-renders every page the cache lacks"));
        }
    }
    (html.into_iter().collect(), deps)
}

/// Whether the highlighting stylesheet is part of the site (each page with code links it).
pub(crate) fn needs_highlight(rendered: &[&Rendered]) -> bool {
    rendered.iter().any(|r| r.has_code)
}

/// Copies the theme's static files, fingerprinting style.css and guide.js.
fn statics(input: &Input, tree: &mut OutputTree) -> AssetsCtx {
    let mut assets = AssetsCtx::default();
    for (name, file) in input.theme.statics() {
        let path = match name {
            "style.css" | "guide.js" => fingerprinted(name, &file.bytes),
            _ => format!("static/{name}"),
        };
        match name {
            "style.css" => assets.css = path.clone(),
            "guide.js" => assets.js = path.clone(),
            _ => {}
        }
        tree.insert(path, Bytes::from(file.bytes.to_vec()));
    }
    if needs_highlight(input.rendered) {
        let css = highlight::stylesheet();
        let path = fingerprinted("highlight.css", css.as_bytes());
        assets.highlight_css = Some(path.clone());
        tree.insert(path, css);
    }
    assets
}

/// What the assembly keeps between builds.
#[derive(Default)]
pub(crate) struct SiteCache {
    /// Page HTML by output path.
    pub(crate) html: FileMap,
    /// For each page URL, the URLs of the pages whose titles it shows.
    pub(crate) deps: Deps,
    /// The print view's parts.
    print: PrintCache,
    /// The handouts.
    handouts: handouts::Kept,
}

/// Adds the files made of the whole site: 404, print view, redirects, sitemap and robots.txt.
fn site_wide(
    input: &Input,
    titles: &[String],
    (site_ctx, assets): (&SiteCtx, &AssetsCtx),
    tree: &mut OutputTree,
    (last, mode, stage): (&SiteCache, Mode, Option<&Stage>),
    todo: &[PageId],
) -> Result<(PrintCache, handouts::Kept), Diagnostics> {
    let site = input.site;
    let cfg = input.cfg;
    let base_path = cfg
        .book
        .base_url
        .as_deref()
        .and_then(|b| b.splitn(4, '/').nth(3))
        .map(|p| format!("/{p}"));
    let root404 = base_path.unwrap_or_else(|| "/".into());
    // The print view shows every page: it links the highlighting stylesheet when any has code.
    let plain = templates::for_page(assets, false);
    let common_with = |root: String, assets| Common {
        root,
        site: site_ctx,
        assets,
        search_url: "search/",
        print_url: "print/",
        generator: GENERATOR,
    };
    let common = |root: String| common_with(root, assets);
    tree.insert(
        "404.html",
        input.renderer.render(
            "404.html",
            &NotFoundTemplate {
                common: common_with(root404, &plain),
            },
        )?,
    );

    let shell = (assets, common("../".into()));
    // Over about 5 MB, one file per top-level section (see print::split), each written
    // with a stage.
    let mut emit = |path: String, part: Bytes| match stage {
        Some(s) => s.put(&path, &part),
        None => {
            tree.insert(path, part);
            Ok(())
        }
    };
    let print = print::view(input, titles, shell, (&last.print, mode), (todo, &mut emit))?;
    // The pages a stage holds (not in the tree), for the handouts' check below.
    let staged: HashSet<String> = match stage {
        Some(_) => (0..site.pages.len())
            .map(|id| input.output_path(id))
            .collect(),
        None => HashSet::new(),
    };
    let handout_common = |root, has_code| common_with(root, if has_code { assets } else { &plain });
    let (handouts, kept_handouts) = handouts::files(
        (input, titles),
        assets,
        &handout_common,
        (&last.handouts, mode),
    )?;
    for (path, html) in handouts {
        if tree.files.contains_key(&path) || staged.contains(&path) {
            let msg = format!("a handout would be written over the page at `{path}`");
            return Err(crate::diag::Diagnostic::error(msg)
                .hint("rename the content folder `handout/`, or set `handout = false` in the page's [extra]")
                .into());
        }
        tree.insert(path, html);
    }
    for (path, html) in crate::redirects::files(site, cfg, titles, &input.renderer.strings) {
        tree.insert(path, html);
    }
    if let Some(base) = &cfg.book.base_url {
        let urls: Vec<&str> = site
            .order
            .iter()
            .map(|&id| site.pages[id].url.as_str())
            .collect();
        tree.insert("sitemap.xml", sitemap(base, &urls));
        tree.insert("robots.txt", robots(base));
    }
    Ok((print, kept_handouts))
}

/// Brings the search index to the site and adds its files to `tree`: only the documents
/// whose page was re-rendered (`todo`) can have changed.
pub(crate) fn search_files(
    (site, language): (&Site, &str),
    titles: &[String],
    rendered: &[&Rendered],
    todo: &[PageId],
    index: &mut search::Index,
    tree: &mut OutputTree,
) {
    let docs: Vec<search::Doc> = site
        .order
        .iter()
        .map(|&id| search::Doc {
            title: &titles[id],
            url: &site.pages[id].url,
            sections: &rendered[id].sections,
        })
        .collect();
    let dirty: std::collections::HashSet<usize> =
        todo.iter().map(|&id| site.position[id]).collect();
    index.update(language, &docs, |doc| dirty.contains(&doc));
    for (path, bytes) in index.files() {
        tree.insert(path.clone(), bytes.clone());
    }
}
