//! The check phase: what needs every page's Markdown first (link anchors, reviews, stop-if
//! blocks, SVG markup, output collisions, redirects), and the verdict: errors stop the build.
//!
//! A rebuild costs what changed: each diagram's warnings are kept with the text they were
//! found in ([`SvgMemo`]), so an SVG the edit did not touch is not audited again.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::shown::Shown;
use crate::config::Config;
use crate::content::Site;
use crate::content::assets::{self, ImageInfo};
use crate::content::review::Review;
use crate::content::svg_audit;
use crate::diag::{Diagnostic, Diagnostics};
use crate::health;
use crate::markdown::Rendered;
use crate::render::theme::Theme;
use crate::{redirects, validate};

/// One shown SVG's warnings: what sanitising removed, then the audit's findings.
#[derive(Clone)]
pub(crate) struct SvgChecked {
    /// The SVG text they were found in (compared by pointer: a file the build did not read
    /// again keeps its text object).
    text: Arc<str>,
    removed: Arc<[Diagnostic]>,
    audit: Arc<[Diagnostic]>,
}

/// Each shown SVG's warnings by content-relative path, kept for the next build.
pub(crate) type SvgMemo = HashMap<String, SvgChecked>;

/// What the check phase found.
pub(crate) struct Checked {
    /// The build's warnings (it has no errors).
    pub(crate) warnings: Diagnostics,
    /// Each page's clinical review, by id.
    pub(crate) reviews: Vec<Option<Review>>,
    /// The SVG warnings, for the next build.
    pub(crate) svgs: SvgMemo,
}

/// Runs every cross-page check (`links`: what [`super::links`] found of the anchored links);
/// `Ok` holds the warnings and each page's review (by id), `Err` every problem found in this
/// build (`diags` included). `last` is the last build's SVG warnings.
pub(crate) fn check(
    cfg: &Config,
    site: &Site,
    (rendered, images): (&[&Rendered], &HashMap<String, ImageInfo>),
    (theme, last, shown): (&Theme, &SvgMemo, &Shown),
    (mut diags, links): (Diagnostics, Diagnostics),
) -> Result<Checked, Diagnostics> {
    let shown: Vec<&str> = shown.svgs().collect();
    let how = Audit {
        content: &cfg.build.content,
        label_px: cfg.build.diagram_label_px,
        css: theme.files.get("static/style.css").map(|f| &f.bytes[..]),
    };
    let svgs = svg_checks(&shown, images, last, &how);
    for rel in &shown {
        for d in svgs.get(*rel).iter().flat_map(|c| c.removed.iter()) {
            diags.push(d.clone());
        }
    }
    for rel in &shown {
        for d in svgs.get(*rel).iter().flat_map(|c| c.audit.iter()) {
            diags.push(d.clone());
        }
    }
    diags.extend(links);
    let cited = rendered
        .iter()
        .flat_map(|r| r.cites.iter().map(String::as_str));
    for d in cfg.bibliography.unused(cited) {
        diags.push(d);
    }
    let reviews = health::review_all(site, cfg, &mut diags);
    if cfg.safety.require_stop_if {
        health::stop_ifs_required(site, rendered, &mut diags);
    }
    let statics: Vec<&str> = theme.statics().map(|(name, _)| name).collect();
    diags.extend(validate::collisions(site, cfg, &statics));
    diags.extend(redirects::check(site, cfg, &statics));
    if cfg.build.deny_warnings {
        diags.deny_warnings();
    }
    diags.sort();
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Checked {
        warnings: diags,
        reviews,
        svgs,
    })
}

/// How the SVGs are audited: the content folder as shown, the smallest label, and the
/// theme's stylesheet (its figure colours, read only when an SVG is audited).
struct Audit<'a> {
    content: &'a Path,
    label_px: f64,
    css: Option<&'a [u8]>,
}

/// The warnings of every shown SVG: the last build's for an SVG whose text is the one it
/// checked, else found anew.
fn svg_checks(
    shown: &[&str],
    images: &HashMap<String, ImageInfo>,
    last: &SvgMemo,
    how: &Audit,
) -> SvgMemo {
    let mut palettes = None;
    let mut out = SvgMemo::new();
    for &rel in shown {
        let Some(info) = images.get(rel) else {
            continue;
        };
        let Some(text) = &info.svg_text else {
            continue;
        };
        let checked = match last.get(rel) {
            Some(c) if Arc::ptr_eq(&c.text, text) => c.clone(),
            _ => {
                let palettes = palettes.get_or_insert_with(|| {
                    let css = how.css.map(String::from_utf8_lossy);
                    svg_audit::palettes(css.as_deref().unwrap_or(""))
                });
                let audit =
                    svg_audit::warnings(rel, info, how.content, &palettes[..], how.label_px);
                SvgChecked {
                    text: text.clone(),
                    removed: assets::svg_warnings(rel, info, how.content).into(),
                    audit: audit.into(),
                }
            }
        };
        out.insert(rel.to_string(), checked);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn images(svg: &str) -> HashMap<String, ImageInfo> {
        let info = assets::info("d/a.svg", svg.as_bytes()).unwrap();
        HashMap::from([("d/a.svg".to_string(), info)])
    }

    fn messages(memo: &SvgMemo) -> Vec<String> {
        let c = &memo["d/a.svg"];
        c.removed
            .iter()
            .chain(c.audit.iter())
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn an_svg_is_checked_again_only_when_its_text_changed() {
        let how = Audit {
            content: Path::new("content"),
            label_px: 12.0,
            css: None,
        };
        let bad = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\"><script>x()</script><text x=\"1\" y=\"9\" font-size=\"3\">tiny</text></svg>";
        let fixed = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\"><text x=\"1\" y=\"9\" font-size=\"40\" fill=\"currentColor\">big</text></svg>";
        let shown = ["d/a.svg"];
        let first_images = images(bad);
        let first = svg_checks(&shown, &first_images, &SvgMemo::new(), &how);
        let found = messages(&first);
        assert!(found.iter().any(|m| m.contains("script")), "{found:?}");
        assert!(found.iter().any(|m| m.contains("tiny")), "{found:?}");
        // The same file (the same text object): the last result, not audited again.
        let again = svg_checks(&shown, &first_images, &first, &how);
        assert!(Arc::ptr_eq(
            &again["d/a.svg"].audit,
            &first["d/a.svg"].audit
        ));
        // The file changed: its new text is checked, the old warnings are gone.
        let edited = svg_checks(&shown, &images(fixed), &again, &how);
        assert!(messages(&edited).is_empty(), "{:?}", messages(&edited));
        // Edited back to the same bytes (a new text object): found anew, same warnings.
        let back = svg_checks(&shown, &images(bad), &edited, &how);
        assert_eq!(messages(&back), found);
    }
}
