//! The handouts, kept between builds (`guide serve`): a page's handout is rendered again only
//! when its Markdown result or its title changed, or the stylesheets every head links.

use std::collections::HashMap;
use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;

use super::Mode;
use super::input::Input;
use crate::diag::Diagnostic;
use crate::markdown::Rendered;
use crate::print::handout;
use crate::render::context::{AssetsCtx, Common};

/// An output file: path and bytes.
type File = (String, Bytes);

/// What the handouts keep between builds.
#[derive(Default)]
pub(crate) struct Kept {
    /// The stylesheets the handouts were rendered with.
    assets: Option<(String, String, Option<String>)>,
    /// By page URL: the Markdown result and title a handout was made of, and its file.
    by_url: HashMap<String, (Arc<Rendered>, String, File)>,
}

/// Every handout: (output path, HTML), reusing `last`'s where nothing it shows changed.
pub(super) fn files<'a>(
    (input, titles): (&Input, &[String]),
    assets: &AssetsCtx,
    common: &(impl Fn(String, bool) -> Common<'a> + Sync),
    (last, mode): (&Kept, Mode),
) -> Result<(Vec<File>, Kept), Diagnostic> {
    let site = input.site;
    let key = Some((
        assets.css.clone(),
        assets.js.clone(),
        assets.highlight_css.clone(),
    ));
    let reuse = mode == Mode::Repeat && last.assets == key;
    let base_url = input.cfg.book.base_url.as_deref();
    let made: Result<Vec<_>, Diagnostic> = handout::pages(site, input.rendered)
        .par_iter()
        .map(|&id| {
            let url = &site.pages[id].url;
            let body = &input.bodies[id];
            let kept = last
                .by_url
                .get(url)
                .filter(|(r, title, _)| reuse && Arc::ptr_eq(r, body) && *title == titles[id]);
            let file = match kept {
                Some((_, _, file)) => file.clone(),
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
    let files = made.iter().map(|(.., f)| f.clone()).collect();
    let mut next = Kept::default();
    if mode == Mode::Repeat {
        next.assets = key;
        next.by_url = made
            .into_iter()
            .map(|(url, r, title, file)| (url, (r, title, file)))
            .collect();
    }
    Ok((files, next))
}
