//! Cross-page checks that need every page rendered first: each `#anchor` a link names must
//! exist on its target page.

use crate::content::Site;
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;

/// Checks every recorded link of every page; `rendered[id]` is page `id`'s result.
pub fn links(site: &Site, rendered: &[&Rendered]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (id, r) in rendered.iter().enumerate() {
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
                _ => "anchors are heading ids (`## Find the ASIS` → `#find-the-asis`), `{#custom}` ids or `#figure-N`".into(),
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
