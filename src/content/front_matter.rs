//! Front matter: TOML between `+++` lines or YAML between `---` lines at the top of a page.
//!
//! Parse errors are shifted from the front-matter block back to file coordinates, so
//! `--> content/anatomy.md:3:1` points at the real line (Zola reports block-relative lines).

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::config::{describe, serde_error, unknown_key_hint};
use crate::diag::Diagnostic;

/// The keys a page may set.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Page title; default: the first `#` heading.
    pub title: Option<String>,
    /// Meta description.
    pub description: Option<String>,
    /// Order among siblings (lower first); pages without one come after, by file name.
    pub weight: Option<i64>,
    /// Left out of the build unless drafts are on.
    #[serde(default)]
    pub draft: bool,
    /// Replaces the last segment of the URL.
    pub slug: Option<String>,
    /// Template to render with instead of the default.
    pub template: Option<String>,
    /// Old URLs of this page (`old/path.html`), each written as a redirect to it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Free table passed to templates.
    #[serde(default)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A page's front matter and where its Markdown body starts.
#[derive(Debug, Clone, Default)]
pub struct Split {
    /// Parsed keys.
    pub front: FrontMatter,
    /// Byte offset of the body in the file.
    pub body_start: usize,
}

/// Splits and parses the front matter of `text`.
pub fn parse(text: &Arc<str>, shown: &Path) -> Result<Split, Diagnostic> {
    let Some((fence, open_len)) = opening_fence(text) else {
        return Ok(Split {
            front: FrontMatter::default(),
            body_start: 0,
        });
    };
    let inner_start = open_len;
    let Some((inner_end, body_start)) = closing_fence(text, inner_start, fence) else {
        return Err(Diagnostic::error(format!(
            "front matter opened with `{fence}` is never closed"
        ))
        .at(shown, text, 0..fence.len())
        .label("opened here")
        .hint(format!(
            "end the front matter with a line holding only `{fence}`"
        )));
    };
    let inner = &text[inner_start..inner_end];
    let front = if fence == "+++" {
        toml::from_str::<FrontMatter>(inner)
            .map_err(|e| serde_error(e, text, shown, inner_start))?
    } else if inner.trim().is_empty() {
        FrontMatter::default()
    } else {
        serde_yaml_ng::from_str::<FrontMatter>(inner)
            .map_err(|e| yaml_error(e, text, shown, inner_start))?
    };
    if let Some(slug) = &front.slug {
        if slug.is_empty() || slug.contains(['/', '\\', '?', '#']) || slug == "." || slug == ".." {
            let at = text[..inner_end].find(slug.as_str()).unwrap_or(inner_start);
            return Err(
                Diagnostic::error(format!("slug `{slug}` is not a single URL segment"))
                    .at(shown, text, at..at + slug.len())
                    .hint("a slug is one segment such as `hip-flexion`, without `/`, `?` or `#`"),
            );
        }
    }
    Ok(Split { front, body_start })
}

fn opening_fence(text: &str) -> Option<(&'static str, usize)> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &text[bom..];
    for fence in ["+++", "---"] {
        if let Some(rest) = text.strip_prefix(fence) {
            let line_end = rest.find('\n').map_or(rest.len(), |n| n + 1);
            if rest[..line_end].trim().is_empty() {
                return Some((fence, bom + fence.len() + line_end));
            }
        }
    }
    None
}

/// Finds the closing fence line; returns (end of inner text, start of body).
fn closing_fence(text: &str, from: usize, fence: &str) -> Option<(usize, usize)> {
    let mut pos = from;
    while pos <= text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |n| pos + n);
        if text[pos..line_end].trim_end() == fence {
            return Some((pos, (line_end + 1).min(text.len())));
        }
        if line_end >= text.len() {
            return None;
        }
        pos = line_end + 1;
    }
    None
}

fn yaml_error(e: serde_yaml_ng::Error, text: &Arc<str>, shown: &Path, offset: usize) -> Diagnostic {
    let message = e.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    let at = e.location().map_or(offset, |l| offset + l.index());
    let end = text[at.min(text.len())..]
        .find(['\n', ':'])
        .map_or(text.len(), |n| at + n);
    let found = text.get(at..end).unwrap_or("").trim();
    let d = Diagnostic::error(describe(&message)).at(shown, text, at..end);
    match unknown_key_hint(&message, found) {
        Some(h) => d.hint(h),
        None => {
            d.hint("front matter keys: title, description, weight, draft, slug, template, aliases, [extra]")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Split, Diagnostic> {
        parse(&Arc::from(s), Path::new("content/a.md"))
    }

    #[test]
    fn toml_and_yaml() {
        let t = p("+++\ntitle = \"A\"\nweight = 2\n+++\n# Body\n").unwrap();
        assert_eq!(t.front.title.as_deref(), Some("A"));
        assert_eq!(t.front.weight, Some(2));
        assert_eq!(t.body_start, "+++\ntitle = \"A\"\nweight = 2\n+++\n".len());
        let y = p("---\ntitle: B\ndraft: true\nextra:\n  x: 1\n---\nbody").unwrap();
        assert_eq!(y.front.title.as_deref(), Some("B"));
        assert!(y.front.draft);
        assert_eq!(y.front.extra["x"], 1);
    }

    #[test]
    fn none_and_thematic_break() {
        assert_eq!(p("# Hi\n").unwrap().body_start, 0);
        assert!(p("---x\n").unwrap().front.title.is_none());
    }

    #[test]
    fn errors_point_at_file_lines() {
        let e = p("+++\ntitle = \"A\"\ntitel = \"B\"\n+++\n").unwrap_err();
        assert_eq!(e.location().unwrap(), "content/a.md:3:1");
        assert!(e.hint.unwrap().contains("did you mean `title`"));
        let e = p("---\ntitle: A\nweight: [\n---\n").unwrap_err();
        assert!(
            e.location().unwrap().starts_with("content/a.md:"),
            "{:?}",
            e.location()
        );
        let e = p("+++\ntitle = \"A\"\n").unwrap_err();
        assert!(e.message.contains("never closed"));
        let e = p("+++\nslug = \"a/b\"\n+++\n").unwrap_err();
        assert!(e.message.contains("slug"));
    }
}
