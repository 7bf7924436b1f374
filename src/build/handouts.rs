//! The handouts, kept between builds (`guide serve`): a page's handout is rendered again only
//! when its Markdown result or its title changed, or the stylesheets every head links.

use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;

use super::Mode;
use super::input::Input;
use crate::content::PageId;
use crate::diag::Diagnostic;
use crate::markdown::Rendered;
use crate::output::FileMap;
use crate::print::handout;
use crate::render::context::{AssetsCtx, Common};

/// An output file: path and bytes.
type File = (String, Bytes);

/// What the handouts keep between builds (persistent maps: an edit that moved no page
/// shares them and changes the edited pages' entries only).
#[derive(Default)]
pub(crate) struct Kept {
    /// The stylesheets the handouts were rendered with.
    assets: Option<(String, String, Option<String>)>,
    /// By page URL: the Markdown result and title a handout was made of, and its path.
    by_url: imbl::HashMap<String, (Arc<Rendered>, String, String)>,
    /// Every handout, by output path.
    files: FileMap,
}

/// Every handout by output path, reusing `last`'s where nothing it shows changed.
pub(super) fn files<'a>(
    (input, titles): (&Input, &[String]),
    assets: &AssetsCtx,
    common: &(impl Fn(String, bool) -> Common<'a> + Sync),
    (last, mode): (&Kept, Mode),
) -> Result<(FileMap, Kept), Diagnostic> {
    let site = input.site;
    let key = Some((
        assets.css.clone(),
        assets.js.clone(),
        assets.highlight_css.clone(),
    ));
    let reuse = mode == Mode::Repeat && last.assets == key;
    if reuse && let Some(edits) = input.edits {
        return patch((input, titles), common, last, edits);
    }
    let base_url = input.cfg.book.base_url.as_deref();
    let made: Result<Vec<_>, Diagnostic> = handout::pages(site, input.rendered)
        .par_iter()
        .map(|&id| {
            let url = &site.pages[id].url;
            let body = &input.bodies[id];
            let kept = last
                .by_url
                .get(url)
                .filter(|(r, title, _)| reuse && Arc::ptr_eq(r, body) && *title == titles[id])
                .and_then(|(.., path)| Some((path.clone(), last.files.get(path)?.clone())));
            let file = match kept {
                Some(file) => file,
                None => {
                    let rendered = (site, input.rendered, titles);
                    let (path, html) =
                        handout::render(rendered, input.renderer, common, base_url, id)?;
                    (path, Bytes::from(html))
                }
            };
            Ok((url.clone(), body.clone(), titles[id].clone(), file))
        })
        .collect();
    let made = made?;
    let files: FileMap = made.iter().map(|(.., f)| f.clone()).collect();
    let mut next = Kept::default();
    if mode == Mode::Repeat {
        next.assets = key;
        next.files = files.clone();
        next.by_url = made
            .into_iter()
            .map(|(url, r, title, (path, _))| (url, (r, title, path)))
            .collect();
    }
    Ok((files, next))
}

/// A rebuild that moved no page and kept every title ([`Input::edits`]): `last`'s
/// handouts with those of the edited pages made again (or dropped, or added).
fn patch<'a>(
    (input, titles): (&Input, &[String]),
    common: &(impl Fn(String, bool) -> Common<'a> + Sync),
    last: &Kept,
    edits: &[PageId],
) -> Result<(FileMap, Kept), Diagnostic> {
    let site = input.site;
    let base_url = input.cfg.book.base_url.as_deref();
    let made: Result<Vec<(PageId, Option<File>)>, Diagnostic> = edits
        .par_iter()
        .map(|&id| {
            let page = &site.pages[id];
            if !handout::wanted(page, input.rendered[id], id == site.home) {
                return Ok((id, None));
            }
            let rendered = (site, input.rendered, titles);
            let (path, html) = handout::render(rendered, input.renderer, common, base_url, id)?;
            Ok((id, Some((path, Bytes::from(html)))))
        })
        .collect();
    let mut next = Kept {
        assets: last.assets.clone(),
        by_url: last.by_url.clone(),
        files: last.files.clone(),
    };
    for (id, file) in made? {
        let url = &site.pages[id].url;
        if let Some((.., path)) = next.by_url.remove(url) {
            next.files.remove(&path);
        }
        if let Some((path, bytes)) = file {
            let entry = (input.bodies[id].clone(), titles[id].clone(), path.clone());
            next.by_url.insert(url.clone(), entry);
            next.files.insert(path, bytes);
        }
    }
    Ok((next.files.clone(), next))
}
