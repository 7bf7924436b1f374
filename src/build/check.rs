//! The check phase: what needs every page's Markdown first (link anchors, reviews, stop-if
//! blocks, SVG markup, output collisions, redirects), and the verdict: errors stop the build.

use crate::config::Config;
use crate::content::Site;
use crate::content::assets::{self, ImageInfo};
use crate::content::review::Review;
use crate::content::svg_audit;
use crate::diag::Diagnostics;
use crate::health;
use crate::markdown::Rendered;
use crate::render::theme::Theme;
use crate::{redirects, validate};

/// Runs every cross-page check (`links`: what [`super::links`] found of the anchored links);
/// `Ok` holds the warnings and each page's review (by id), `Err` every problem found in this
/// build (`diags` included).
pub(crate) fn check(
    cfg: &Config,
    site: &Site,
    (rendered, images): (&[&Rendered], &std::collections::HashMap<String, ImageInfo>),
    theme: &Theme,
    (mut diags, links): (Diagnostics, Diagnostics),
) -> Result<(Diagnostics, Vec<Option<Review>>), Diagnostics> {
    let svg_figures = rendered.iter().flat_map(|r| r.svg_figures.iter());
    for d in assets::svg_warnings(svg_figures.clone(), images, &cfg.build.content) {
        diags.push(d);
    }
    let css = theme
        .files
        .get("static/style.css")
        .map(|f| String::from_utf8_lossy(&f.bytes));
    let palettes = svg_audit::palettes(css.as_deref().unwrap_or(""));
    for d in svg_audit::warnings(
        svg_figures,
        images,
        &cfg.build.content,
        &palettes,
        cfg.build.diagram_label_px,
    ) {
        diags.push(d);
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
    Ok((diags, reviews))
}
