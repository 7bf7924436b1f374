//! Health-guide checks over the whole guide, after its Markdown is rendered: each page's
//! clinical review (resolved from front matter over book.toml, with its warnings), and the
//! stop-if blocks `[safety] require-stop-if` asks for on pages with steps or holds.

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;

/// Each page's clinical review, and the warnings about them (none for a folder without
/// `_index.md`: there is no file to fix).
pub(crate) fn review_all(
    site: &crate::content::Site,
    cfg: &Config,
    diags: &mut Diagnostics,
) -> Vec<Option<crate::content::review::Review>> {
    let today = match crate::content::review::Date::today() {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return vec![None; site.pages.len()];
        }
    };
    site.pages
        .iter()
        .map(|p| {
            let r = crate::content::review::resolve(
                p.front.review.as_ref(),
                &cfg.review,
                today,
                &p.shown,
                &p.text,
            );
            if !p.text.is_empty() {
                r.warnings.into_iter().for_each(|d| diags.push(d));
            }
            r.review
        })
        .collect()
}

/// `[safety] require-stop-if`: a page with steps or a hold and no stop-if block warns.
pub(crate) fn stop_ifs_required(
    site: &crate::content::Site,
    rendered: &[&Rendered],
    diags: &mut Diagnostics,
) {
    for (p, r) in site.pages.iter().zip(rendered) {
        if r.stop_ifs == 0 && (!r.steps.is_empty() || !r.holds.is_empty()) {
            let body = &p.text[p.body_start..];
            let start = p.body_start + first_step(body).unwrap_or(0);
            let at = start..start + body[start - p.body_start..].find('\n').unwrap_or(0);
            diags.push(
                Diagnostic::warning("page has steps but no stop-if block")
                    .at(&p.shown, &p.text, at)
                    .hint("say when to stop: `> [!CAUTION]` then a line starting `> Stop if you feel …` (book.toml `[safety] require-stop-if = true` asks for one)"),
            );
        }
    }
}

/// Byte offset of the first numbered-list line or hold timer of `body`.
fn first_step(body: &str) -> Option<usize> {
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let t = line.trim_start();
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let numbered = digits > 0 && t[digits..].starts_with(['.', ')']);
        if numbered || line.contains("](hold:") {
            return Some(at + line.len() - t.len());
        }
        at += line.len();
    }
    None
}
