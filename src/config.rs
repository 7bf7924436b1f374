//! `book.toml`: the project's configuration, validated strictly.
//!
//! Unknown keys are errors (serde `deny_unknown_fields`) because a misspelt key silently
//! ignored is the worst kind of bug for an author; the error names the key, points at its
//! line and suggests the closest valid key.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::fsx;

/// The whole configuration, after command-line overrides.
#[derive(Debug, Clone)]
pub struct Config {
    /// The project root: the folder holding book.toml (absolute).
    pub root: PathBuf,
    /// `[book]`.
    pub book: BookSection,
    /// `[build]`.
    pub build: BuildSection,
}

/// `[book]`: what the guide is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BookSection {
    /// The guide's title.
    pub title: String,
    /// One-sentence description (meta description, Open Graph).
    #[serde(default)]
    pub description: String,
    /// Authors, for metadata.
    #[serde(default)]
    pub authors: Vec<String>,
    /// BCP 47 language tag for `<html lang>`.
    #[serde(default = "default_language")]
    pub language: String,
    /// Absolute URL the site is published at, ending with `/` (canonical URLs, sitemap).
    #[serde(default)]
    pub base_url: Option<String>,
}

/// `[build]`: where things are.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BuildSection {
    /// Content folder, relative to the root.
    #[serde(default = "default_content")]
    pub content: PathBuf,
    /// Output folder, relative to the root.
    #[serde(default = "default_output")]
    pub output: PathBuf,
    /// Theme name: `themes/<name>/` overrides the embedded default theme.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Include draft pages.
    #[serde(default)]
    pub drafts: bool,
    /// Fail the build on warnings too (for CI), as `--deny-warnings` does.
    #[serde(default)]
    pub deny_warnings: bool,
    /// Keep raw HTML in Markdown as written (script, iframes, event handlers, `javascript:`
    /// links) instead of passing it through the allowlist; URLs are still rewritten and checked.
    #[serde(default)]
    pub trust_html: bool,
}

impl Default for BuildSection {
    fn default() -> Self {
        BuildSection {
            content: default_content(),
            output: default_output(),
            theme: default_theme(),
            drafts: false,
            deny_warnings: false,
            trust_html: false,
        }
    }
}

fn default_language() -> String {
    "en".into()
}
fn default_content() -> PathBuf {
    "content".into()
}
fn default_output() -> PathBuf {
    "public".into()
}
fn default_theme() -> String {
    "default".into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BookToml {
    book: BookSection,
    #[serde(default)]
    build: BuildSection,
}

/// Overrides from the command line, applied over book.toml.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--output`.
    pub output: Option<PathBuf>,
    /// `--drafts`.
    pub drafts: bool,
    /// `--base-url`.
    pub base_url: Option<String>,
    /// `--deny-warnings`.
    pub deny_warnings: bool,
}

impl Config {
    /// Absolute content folder.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join(&self.build.content)
    }
    /// Absolute output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.root.join(&self.build.output)
    }
    /// The project's theme override folder, if it exists.
    pub fn theme_dir(&self) -> Option<PathBuf> {
        let dir = self.root.join("themes").join(&self.build.theme);
        dir.is_dir().then_some(dir)
    }
}

/// Loads `<root>/book.toml`.
pub fn load(root: &Path, overrides: &Overrides) -> Result<Config, Diagnostics> {
    let shown = Path::new("book.toml");
    let path = root.join(shown);
    if !path.is_file() {
        return Err(Diagnostic::error(format!("no book.toml in {}", root.display()))
            .hint("run `guide init` to start a guide here, or pass the folder that holds book.toml")
            .into());
    }
    let text: Arc<str> = fsx::read_text(&path, shown)
        .map_err(Diagnostics::from)?
        .into();
    let parsed = parse(&text, shown)?;
    let mut cfg = Config {
        root: root.to_path_buf(),
        book: parsed.book,
        build: parsed.build,
    };
    if let Some(o) = &overrides.output {
        cfg.build.output = o.clone();
    }
    cfg.build.drafts |= overrides.drafts;
    cfg.build.deny_warnings |= overrides.deny_warnings;
    if let Some(b) = &overrides.base_url {
        cfg.book.base_url = Some(b.clone());
    }
    cfg.book.base_url = match cfg.book.base_url.take() {
        Some(u) => Some(normalize_base_url(&u).map_err(|m| {
            let d = Diagnostic::error(m)
                .hint("use an absolute URL such as \"https://example.org/psoas/\"");
            Diagnostics::from(match text.find(&u) {
                Some(at) => d.at(shown, &text, at..at + u.len()),
                None => d,
            })
        })?),
        None => None,
    };
    Ok(cfg)
}

fn parse(text: &Arc<str>, shown: &Path) -> Result<BookToml, Diagnostics> {
    toml::from_str::<BookToml>(text).map_err(|e| Diagnostics::from(serde_error(e, text, shown, 0)))
}

/// Turns a toml error into a diagnostic, `offset` being where the parsed text starts in the file.
pub fn serde_error(
    e: toml::de::Error,
    file_text: &Arc<str>,
    shown: &Path,
    offset: usize,
) -> Diagnostic {
    let message = e.message().trim().to_string();
    let span = e
        .span()
        .map(|s| s.start + offset..s.end + offset)
        .unwrap_or(offset..offset);
    let found = file_text
        .get(span.clone())
        .unwrap_or("")
        .trim_matches(|c| c == '"' || c == '\'');
    let d = Diagnostic::error(describe(&message)).at(shown, file_text, span);
    match unknown_key_hint(&message, found) {
        Some(h) => d.hint(h),
        None => d.hint("see the book.toml reference in docs/authoring.md"),
    }
}

/// "unknown field `x`, expected one of `a`, `b`" -> "unknown key `x`"
pub(crate) fn describe(message: &str) -> String {
    match message.split_once(", expected") {
        Some((head, _)) if head.starts_with("unknown field") => {
            head.replacen("unknown field", "unknown key", 1)
        }
        _ => message.lines().next().unwrap_or(message).to_string(),
    }
}

/// The closest valid key, from the candidates serde lists in its message.
pub(crate) fn unknown_key_hint(message: &str, found: &str) -> Option<String> {
    let (head, expected) = message.split_once("expected")?;
    if !head.starts_with("unknown field") {
        return None;
    }
    let key = if found.is_empty() {
        head.split('`').nth(1).unwrap_or("")
    } else {
        found
    };
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let best = candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(key, c), *c))
        .min()
        .filter(|(d, c)| *d <= c.len().max(2) / 2 + 1)
        .map(|(_, c)| c);
    Some(match best {
        Some(c) => format!(
            "did you mean `{c}`? valid keys here: {}",
            candidates.join(", ")
        ),
        None => format!("valid keys here: {}", candidates.join(", ")),
    })
}

fn normalize_base_url(u: &str) -> Result<String, String> {
    let ok = (u.starts_with("https://") || u.starts_with("http://")) && u.len() > "https://".len();
    if !ok || u.contains(char::is_whitespace) {
        return Err(format!("base-url `{u}` is not an absolute http(s) URL"));
    }
    Ok(if u.ends_with('/') {
        u.to_string()
    } else {
        format!("{u}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<BookToml, Diagnostics> {
        parse(&Arc::from(s), Path::new("book.toml"))
    }

    #[test]
    fn unknown_key_suggests_closest() {
        let err = parse_str("[book]\ntitle = \"x\"\ndescripton = \"y\"\n")
            .err()
            .unwrap();
        let out = err.render_plain();
        assert!(out.contains("unknown key `descripton`"), "{out}");
        assert!(out.contains("book.toml:3:1"), "{out}");
        assert!(out.contains("did you mean `description`?"), "{out}");
    }

    #[test]
    fn defaults_apply() {
        let b = parse_str("[book]\ntitle = \"x\"\n").ok().unwrap();
        assert_eq!(b.build.output, PathBuf::from("public"));
        assert_eq!(b.book.language, "en");
        assert!(
            !b.build.trust_html,
            "raw HTML is sanitised unless the author opts in"
        );
        let t = parse_str("[book]\ntitle = \"x\"\n[build]\ntrust-html = true\n")
            .ok()
            .unwrap();
        assert!(t.build.trust_html);
    }

    #[test]
    fn base_url_gets_a_slash() {
        assert_eq!(
            normalize_base_url("https://a.org/x").unwrap(),
            "https://a.org/x/"
        );
        assert!(normalize_base_url("a.org").is_err());
    }
}
