//! The colours a diagram is seen in: the theme's light and dark palettes (the figure
//! variables, the text colour `currentColor` resolves to, the figure panel behind the
//! diagram) and the WCAG 2.2 contrast arithmetic over them.
//!
//! The palettes are read from the theme's own `static/style.css`, so a theme that changes
//! `--fig-*` is audited with its colours; what it leaves out falls back to the SVG's own
//! `var(--x, fallback)` and, for text and panel, to the default theme's values.

use std::collections::HashMap;
use std::str::FromStr;

/// An opaque sRGB colour, 0..=1 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub(crate) [f64; 3]);

impl Rgb {
    /// A CSS colour (`#0b6e75`, `rgb(…)`, `teal`) with its alpha, or `None`.
    pub(crate) fn parse(s: &str) -> Option<(Rgb, f64)> {
        let c = svgtypes::Color::from_str(s.trim()).ok()?;
        let ch = |v: u8| f64::from(v) / 255.0;
        Some((Rgb([ch(c.red), ch(c.green), ch(c.blue)]), ch(c.alpha)))
    }

    /// `self` at `alpha` painted over `under` (what a browser composites).
    pub(crate) fn over(self, alpha: f64, under: Rgb) -> Rgb {
        let a = alpha.clamp(0.0, 1.0);
        let mut out = [0.0; 3];
        for (i, o) in out.iter_mut().enumerate() {
            *o = a * self.0[i] + (1.0 - a) * under.0[i];
        }
        Rgb(out)
    }

    fn luminance(self) -> f64 {
        let lin = |c: f64| {
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0[0]) + 0.7152 * lin(self.0[1]) + 0.0722 * lin(self.0[2])
    }
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub(crate) fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// One theme's colours as a diagram sees them.
#[derive(Debug, Clone)]
pub(crate) struct Palette {
    /// `light` or `dark`, as the warnings name it.
    pub(crate) name: &'static str,
    /// What `currentColor` is inside a figure (`--text`).
    pub(crate) text: Rgb,
    /// The figure panel behind the diagram (`--surface`).
    pub(crate) panel: Rgb,
    /// The theme's custom properties (`--fig-accent` → `#0b6e75`).
    pub(crate) vars: HashMap<String, String>,
}

/// The light and dark palettes of a theme stylesheet: `:root {…}` and
/// `:root[data-theme="dark"] {…}` (the dark one inherits what it does not set).
pub(crate) fn palettes(css: &str) -> [Palette; 2] {
    let light_vars = block_vars(css, ":root {");
    let mut dark_vars = light_vars.clone();
    dark_vars.extend(block_vars(css, ":root[data-theme=\"dark\"] {"));
    [
        palette("light", light_vars, "#1b2326", "#f4f7f7"),
        palette("dark", dark_vars, "#e3e9eb", "#182022"),
    ]
}

fn palette(name: &'static str, vars: HashMap<String, String>, text: &str, panel: &str) -> Palette {
    let get = |k: &str, d: &str| {
        vars.get(k)
            .and_then(|v| Rgb::parse(v))
            .or_else(|| Rgb::parse(d))
            .map_or(Rgb([0.0; 3]), |c| c.0)
    };
    Palette {
        name,
        text: get("--text", text),
        panel: get("--surface", panel),
        vars,
    }
}

/// The `--name: value` declarations of the first top-level block opened by `selector`.
fn block_vars(css: &str, selector: &str) -> HashMap<String, String> {
    let start = css
        .match_indices(selector)
        .find(|(i, _)| *i == 0 || css[..*i].ends_with('\n'))
        .map(|(i, _)| i + selector.len());
    let Some(start) = start else {
        return HashMap::new();
    };
    let body = &css[start..];
    let body = &body[..body.find('}').unwrap_or(body.len())];
    body.split(';')
        .filter_map(|d| d.split_once(':'))
        .filter(|(k, _)| k.trim().starts_with("--"))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wcag_ratios() {
        let (w, _) = Rgb::parse("#fff").unwrap();
        let (b, _) = Rgb::parse("black").unwrap();
        assert!((contrast(w, b) - 21.0).abs() < 1e-9);
        let (g, _) = Rgb::parse("#777").unwrap();
        assert!((contrast(g, w) - 4.48).abs() < 0.01);
        assert_eq!(b.over(0.0, w), w);
    }

    #[test]
    fn the_default_theme_palettes() {
        let css = include_str!("../../../themes/default/static/style.css");
        let [light, dark] = palettes(css);
        assert_eq!(light.vars["--fig-accent"], "#0b6e75");
        assert_eq!(dark.vars["--fig-accent"], "#5cc6ce");
        assert_eq!(light.panel, Rgb::parse("#f4f7f7").unwrap().0);
        assert_eq!(dark.text, Rgb::parse("#e3e9eb").unwrap().0);
    }
}
