//! Templates: the theme's Tera templates, compiled once, rendered with typed contexts.
//!
//! Tera's errors name the template but bury the position in prose; they are mapped back to
//! the template file and line here so a theme author gets `--> themes/x/templates/page.html:12:5`.
//! Tera's built-in filters, tests and functions are available (docs/templates.md lists them).

pub(crate) mod context;
pub(crate) mod jsonld;
pub(crate) mod nav;
pub(crate) mod theme;
mod words;

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use tera::Tera;

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use theme::Theme;

/// Compiled templates plus their sources (for error positions).
pub(crate) struct Renderer {
    tera: Tera,
    sources: HashMap<String, (std::path::PathBuf, Arc<str>)>,
    /// The theme's words in the guide's language (`t()` in templates, the Markdown passes).
    pub(crate) strings: Arc<Strings>,
    /// What loading the words warned about (a language the theme does not speak in full).
    pub(crate) warnings: Diagnostics,
}

impl Renderer {
    /// Compiles every template of the theme, with the words of the guide's language; every
    /// syntax error is reported.
    pub(crate) fn new(theme: &Theme, cfg: &crate::config::Config) -> Result<Renderer, Diagnostics> {
        let (strings, warnings) = crate::i18n::load(theme, cfg, &cfg.book.language)?;
        let mut r = Renderer::compile(theme, Arc::new(strings))?;
        r.warnings = warnings;
        Ok(r)
    }

    /// Compiles every template of the theme; every syntax error is reported.
    pub(crate) fn compile(theme: &Theme, strings: Arc<Strings>) -> Result<Renderer, Diagnostics> {
        let mut diags = Diagnostics::new();
        let mut sources = HashMap::new();
        let mut list = Vec::new();
        for (name, file) in theme.templates() {
            match std::str::from_utf8(&file.bytes) {
                Ok(text) => {
                    sources.insert(
                        name.to_string(),
                        (file.shown.clone(), Arc::<str>::from(text)),
                    );
                    list.push((name.to_string(), text.to_string()));
                }
                Err(_) => diags.push(
                    Diagnostic::error(format!("{} is not valid UTF-8", file.shown.display()))
                        .in_file(&file.shown),
                ),
            }
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape);
        // Tera's built-ins are on (date, now(), slugify, ...), except `get_env`: a theme
        // (contributed, or downloaded) must not publish the build machine's environment.
        tera.register_function("get_env", |_: &HashMap<String, tera::Value>| {
            Err(tera::Error::msg(
                "get_env() is turned off in guide: a page must not publish the build machine's environment",
            ))
        });
        words::register(&mut tera, &strings);
        // Check each template alone first, so every syntax error is reported, not only the first.
        for (name, text) in &list {
            if let Err(e) = tera::Template::new(name, None, text) {
                diags.push(template_error(&e, name, &sources));
            }
        }
        if diags.is_empty() {
            if let Err(e) = tera.add_raw_templates(list) {
                let name = chain(&e).split('\'').nth(1).unwrap_or("").to_string();
                diags.push(template_error(&e, &name, &sources));
            }
        }
        for required in ["page.html", "section.html", "404.html", "print.html"] {
            if diags.is_empty() && !sources.contains_key(required) {
                diags.push(
                    Diagnostic::error(format!("the theme has no templates/{required}"))
                        .hint("add it to the theme folder or remove the override"),
                );
            }
        }
        if diags.is_empty() {
            Ok(Renderer {
                tera,
                sources,
                strings,
                warnings: Diagnostics::new(),
            })
        } else {
            Err(diags)
        }
    }

    /// Does the theme have this template?
    pub(crate) fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Renders a template with a serialisable context.
    pub(crate) fn render(&self, name: &str, ctx: &impl Serialize) -> Result<String, Diagnostic> {
        let ctx = tera::Context::from_serialize(ctx)
            .map_err(|e| Diagnostic::error(format!("template context: {e}")))?;
        self.tera
            .render(name, &ctx)
            .map_err(|e| template_error(&e, name, &self.sources))
    }
}

/// HTML escaping without Tera's `/` → `&#x2F;`, which is legal but makes every URL unreadable.
fn escape(s: &str) -> String {
    crate::html::html_escape(s)
}

/// The whole error chain as text (Tera puts the useful part in the sources).
fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push('\n');
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

fn template_error(
    e: &tera::Error,
    name: &str,
    sources: &HashMap<String, (std::path::PathBuf, Arc<str>)>,
) -> Diagnostic {
    let text = chain(e);
    // The template actually at fault may be another one (an included or parent template).
    let name = text
        .split("rendering '")
        .last()
        .and_then(|s| s.split('\'').next())
        .filter(|n| sources.contains_key(*n) && text.contains("rendering '"))
        .unwrap_or(name);
    let message = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>();
    let headline = message
        .iter()
        .find(|l| l.contains("not found in context") || l.contains("expected"))
        .or(message.last())
        .copied()
        .unwrap_or("template error");
    let Some((shown, src)) = sources.get(name) else {
        return Diagnostic::error(format!("template {name}: {headline}"));
    };
    let d = Diagnostic::error(format!(
        "template error: {}",
        headline
            .trim_start_matches("--> ")
            .trim_start_matches("= ")
            .trim_start()
    ));
    if let Some((line, col)) = pest_position(&text) {
        return d
            .at_line(shown, src, line, col)
            .hint("fix the template syntax; Tera's reference: https://keats.github.io/tera/docs/");
    }
    if let Some(var) = text
        .split("Variable `")
        .nth(1)
        .and_then(|s| s.split('`').next())
    {
        let d = d.hint(format!("`{var}` is not in this template's context: see docs/templates.md, or guard it with `{{% if {var} %}}`"));
        if let Some(at) = src.find(var) {
            return d.at(shown, src, at..at + var.len());
        }
        return d.in_file(shown);
    }
    d.in_file(shown)
}

/// `--> 3:5` in a pest error.
fn pest_position(text: &str) -> Option<(usize, usize)> {
    let after = text.split("--> ").nth(1)?;
    let pos = after.split_whitespace().next()?;
    let (l, c) = pos.split_once(':')?;
    Some((l.parse().ok()?, c.parse().ok()?))
}
