//! What an SVG element is painted with: its presentation attributes, the rules of the
//! file's `<style>` (class and element selectors, the ones diagrams use), its `style`
//! attribute, and what it inherits from its groups; then `var(--x, fallback)` and
//! `currentColor` resolved in one theme's palette.

use super::palette::{Palette, Rgb};

/// The properties the audit reads, as written (colours unresolved), after the cascade.
#[derive(Debug, Clone)]
pub(crate) struct Style {
    pub(crate) fill: String,
    pub(crate) stroke: String,
    pub(crate) color: Option<String>,
    pub(crate) fill_opacity: f64,
    pub(crate) stroke_opacity: f64,
    /// `opacity` multiplied down the groups.
    pub(crate) opacity: f64,
    pub(crate) stroke_width: f64,
    pub(crate) font_size: f64,
    pub(crate) bold: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            fill: "black".into(),
            stroke: "none".into(),
            color: None,
            fill_opacity: 1.0,
            stroke_opacity: 1.0,
            opacity: 1.0,
            stroke_width: 1.0,
            font_size: 16.0,
            bold: false,
        }
    }
}

/// A resolved paint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Paint {
    None,
    /// A colour and its alpha (colour alpha × the element's opacities).
    Color(Rgb, f64),
    /// A gradient or pattern (`url(#…)`): not judged.
    Server,
}

impl Style {
    /// The child's style: inherited properties kept, `opacity` carried as a product.
    pub(crate) fn inherit(&self) -> Style {
        Style {
            opacity: self.opacity,
            ..self.clone()
        }
    }

    /// Sets one property from a declaration or presentation attribute.
    fn set(&mut self, name: &str, value: &str) {
        let v = value.trim().trim_end_matches("!important").trim();
        let num = |s: &str| s.trim_end_matches("px").trim().parse::<f64>().ok();
        match name.trim() {
            "fill" => self.fill = v.to_string(),
            "stroke" => self.stroke = v.to_string(),
            "color" => self.color = Some(v.to_string()),
            "fill-opacity" => self.fill_opacity = num(v).unwrap_or(self.fill_opacity),
            "stroke-opacity" => self.stroke_opacity = num(v).unwrap_or(self.stroke_opacity),
            "opacity" => self.opacity *= num(v).unwrap_or(1.0),
            "stroke-width" => self.stroke_width = num(v).unwrap_or(self.stroke_width),
            "font-size" => self.font_size = num(v).unwrap_or(self.font_size),
            "font-weight" => {
                self.bold = v == "bold" || v == "bolder" || num(v).is_some_and(|w| w >= 600.0)
            }
            _ => {}
        }
    }

    /// Applies the cascade for one element: attributes, then matching rules, then `style`.
    pub(crate) fn apply(&mut self, tag: &str, attrs: &[(String, String)], rules: &[Rule]) {
        for (k, v) in attrs {
            self.set(k, v);
        }
        let classes: Vec<&str> = attrs
            .iter()
            .find(|(k, _)| k == "class")
            .map(|(_, v)| v.split_whitespace().collect())
            .unwrap_or_default();
        for rule in rules.iter().filter(|r| r.matches(tag, &classes)) {
            for (k, v) in &rule.decls {
                self.set(k, v);
            }
        }
        if let Some((_, css)) = attrs.iter().find(|(k, _)| k == "style") {
            for (k, v) in declarations(css) {
                self.set(&k, &v);
            }
        }
    }

    /// The fill in `palette`.
    pub(crate) fn fill_paint(&self, palette: &Palette) -> Paint {
        self.paint(&self.fill, self.fill_opacity, palette)
    }

    /// The stroke in `palette` (`None` when it has no width).
    pub(crate) fn stroke_paint(&self, palette: &Palette) -> Paint {
        if self.stroke_width <= 0.0 {
            return Paint::None;
        }
        self.paint(&self.stroke, self.stroke_opacity, palette)
    }

    fn paint(&self, value: &str, opacity: f64, palette: &Palette) -> Paint {
        let v = resolve_vars(value, palette);
        let v = v.trim();
        if v.eq_ignore_ascii_case("none") || v.eq_ignore_ascii_case("transparent") {
            return Paint::None;
        }
        if v.starts_with("url(") || v.starts_with("context-") {
            return Paint::Server;
        }
        let color = if v.eq_ignore_ascii_case("currentcolor") {
            self.color
                .as_deref()
                .map(|c| resolve_vars(c, palette))
                .filter(|c| !c.trim().eq_ignore_ascii_case("currentcolor"))
                .and_then(|c| Rgb::parse(&c))
                .unwrap_or((palette.text, 1.0))
        } else {
            match Rgb::parse(v) {
                Some(c) => c,
                None => return Paint::Server,
            }
        };
        let alpha = color.1 * opacity * self.opacity;
        if alpha <= 0.0 {
            Paint::None
        } else {
            Paint::Color(color.0, alpha)
        }
    }
}

/// `var(--x, fallback)` replaced by the palette's value or the fallback (nested ones too).
fn resolve_vars(value: &str, palette: &Palette) -> String {
    let mut v = value.to_string();
    for _ in 0..8 {
        let Some(start) = v.find("var(") else { break };
        let mut depth = 0;
        let mut end = None;
        for (i, c) in v[start..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(start + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else { break };
        let inner = &v[start + 4..end];
        let (name, fallback) = inner.split_once(',').unwrap_or((inner, ""));
        let rep = palette
            .vars
            .get(name.trim())
            .cloned()
            .unwrap_or_else(|| fallback.trim().to_string());
        v.replace_range(start..=end, &rep);
    }
    v
}

/// One rule of a `<style>` element.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    /// Alternatives (`a, b`); each an optional element name and classes.
    selectors: Vec<(Option<String>, Vec<String>)>,
    decls: Vec<(String, String)>,
}

impl Rule {
    fn matches(&self, tag: &str, classes: &[&str]) -> bool {
        self.selectors.iter().any(|(t, cls)| {
            t.as_deref().is_none_or(|t| t == tag)
                && cls.iter().all(|c| classes.contains(&c.as_str()))
        })
    }
}

/// The rules of a stylesheet whose selectors are simple (`.a`, `text`, `path.a`); others
/// (descendants, at-rules) are skipped.
pub(crate) fn rules(css: &str) -> Vec<Rule> {
    let css = without_comments(css);
    let mut out = Vec::new();
    let mut rest = css.as_str();
    while let Some(open) = rest.find('{') {
        let sel = rest[..open].trim();
        // The block's end, past any nested block (`@media … { .a { … } }`).
        let mut depth = 0usize;
        let Some(close) = rest[open..].find(|c: char| {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            depth == 0
        }) else {
            break;
        };
        let body = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        if sel.starts_with('@') || body.contains('{') {
            continue;
        }
        let selectors: Option<Vec<_>> = sel.split(',').map(|s| simple(s.trim())).collect();
        if let Some(selectors) = selectors {
            out.push(Rule {
                selectors,
                decls: declarations(body),
            });
        }
    }
    out
}

/// The stylesheet with its `/* … */` comments removed.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

fn simple(sel: &str) -> Option<(Option<String>, Vec<String>)> {
    if sel.is_empty() || sel.contains(|c: char| " >+~[:#*".contains(c)) {
        return None;
    }
    let mut parts = sel.split('.');
    let tag = parts.next().filter(|t| !t.is_empty()).map(str::to_string);
    Some((tag, parts.map(str::to_string).collect()))
}

fn declarations(css: &str) -> Vec<(String, String)> {
    css.split(';')
        .filter_map(|d| d.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn at_rules_and_comments_do_not_swallow_the_next_rule() {
        let r = super::rules(
            "/* a note */ .a{fill:red} @media (min-width:40rem){text{font-size:22px}} .b{fill:blue}",
        );
        let got: Vec<_> = r
            .iter()
            .map(|r| (r.selectors.clone(), r.decls.clone()))
            .collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(r[0].matches("path", &["a"]) && r[1].matches("path", &["b"]));
        assert_eq!(r[1].decls, vec![("fill".to_string(), "blue".to_string())]);
    }
}
