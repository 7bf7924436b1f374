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
    /// `[review]`: clinical review defaults for every page.
    pub review: crate::content::review::ReviewKeys,
    /// `[safety]`.
    pub safety: SafetySection,
    /// `[redirects]`: old output paths to pages (see [`crate::redirects`]).
    pub redirects: KeyTable,
    /// `[links]`: link prefixes that leave the content folder, to the base URLs they mean.
    pub links: KeyTable,
    /// `[strings]` and `[translations.<lang>]`: the theme's words, overridden (see
    /// [`crate::i18n`]).
    pub strings: UiStrings,
    /// `[languages.<code>]`: the guide's other languages (see [`crate::i18n::multi`]).
    pub languages: std::collections::BTreeMap<String, crate::i18n::multi::LanguageSection>,
    /// Set when the guide has other languages: which one this build is, and the others.
    pub translation: Option<crate::i18n::multi::Translation>,
    /// The bibliography (`[build] bibliography`), empty when the file does not exist.
    pub bibliography: Arc<crate::content::bibliography::Bibliography>,
}

/// book.toml's UI string tables, as written (checked against the theme's English table
/// when a language is loaded).
#[derive(Debug, Clone, Default)]
pub struct UiStrings {
    /// `[strings]`: for the guide's own language.
    pub main: toml::Table,
    /// `[translations.<lang>]`: for any language.
    pub by_lang: std::collections::BTreeMap<String, toml::Table>,
    /// book.toml's text, for diagnostics.
    pub source: Arc<str>,
}

/// A book.toml table of string keys to string values, in file order, with where each key
/// is written (so a diagnostic can point at it).
#[derive(Debug, Clone, Default)]
pub struct KeyTable {
    /// `(key, value, span of the key in book.toml)`.
    pub entries: Vec<(String, String, std::ops::Range<usize>)>,
    /// book.toml's text, for diagnostics.
    pub source: Arc<str>,
}

/// `[safety]`: what every page with instructions must carry.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SafetySection {
    /// Every page with numbered steps or a hold timer needs a stop-if block (else a warning).
    #[serde(default)]
    pub require_stop_if: bool,
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
    /// `$...$` and `$$...$$` are formulas, rendered at build time to MathML.
    #[serde(default)]
    pub math: bool,
    /// The bibliography file for `[@key]` citations, relative to the root.
    #[serde(default = "default_bibliography")]
    pub bibliography: PathBuf,
    /// Folders outside the project (or, for content symlinks, outside the content folder)
    /// that the guide may read from or write to; see [`crate::confine`].
    #[serde(default)]
    pub allow_outside: Vec<PathBuf>,
    /// Hidden files or folders of the content folder to publish (`.well-known`).
    #[serde(default)]
    pub include_hidden: Vec<String>,
    /// The smallest diagram label the audit accepts, in CSS px at a 360 px wide figure.
    #[serde(
        default = "default_diagram_label_px",
        deserialize_with = "diagram_label_px"
    )]
    pub diagram_label_px: f64,
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
            math: false,
            bibliography: default_bibliography(),
            allow_outside: Vec::new(),
            include_hidden: Vec::new(),
            diagram_label_px: default_diagram_label_px(),
        }
    }
}

fn default_diagram_label_px() -> f64 {
    crate::content::svg_audit::MIN_LABEL_PX
}

/// `diagram-label-px`: a size a label can have (a negative or huge value would silently
/// turn the audit off or make every label a warning).
fn diagram_label_px<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let px = f64::deserialize(d)?;
    if px.is_finite() && (1.0..=100.0).contains(&px) {
        Ok(px)
    } else {
        Err(serde::de::Error::custom(format!(
            "diagram-label-px is a label size in CSS px from 1 to 100, not {px}"
        )))
    }
}

fn default_language() -> String {
    "en".into()
}
fn default_bibliography() -> PathBuf {
    "references.toml".into()
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
    #[serde(default)]
    review: crate::content::review::ReviewKeys,
    #[serde(default)]
    safety: SafetySection,
    #[serde(default)]
    redirects: std::collections::BTreeMap<toml::Spanned<String>, String>,
    #[serde(default)]
    links: std::collections::BTreeMap<toml::Spanned<String>, String>,
    #[serde(default)]
    strings: toml::Table,
    #[serde(default)]
    translations: std::collections::BTreeMap<String, toml::Table>,
    #[serde(default)]
    languages: std::collections::BTreeMap<String, crate::i18n::multi::LanguageSection>,
}

fn key_table(
    map: std::collections::BTreeMap<toml::Spanned<String>, String>,
    source: &Arc<str>,
) -> KeyTable {
    let mut entries: Vec<_> = map
        .into_iter()
        .map(|(k, v)| (k.get_ref().clone(), v, k.span()))
        .collect();
    entries.sort_by_key(|e| e.2.start);
    KeyTable {
        entries,
        source: source.clone(),
    }
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
pub(crate) fn load(root: &Path, overrides: &Overrides) -> Result<Config, Diagnostics> {
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
        review: parsed.review,
        safety: parsed.safety,
        redirects: key_table(parsed.redirects, &text),
        links: key_table(parsed.links, &text),
        strings: UiStrings {
            main: parsed.strings,
            by_lang: parsed.translations,
            source: text.clone(),
        },
        languages: parsed.languages,
        translation: None,
        bibliography: Arc::default(),
    };
    check_links(&cfg.links)?;
    let bounds = crate::confine::check_config(&cfg, &text, overrides.output.is_none());
    if !bounds.is_empty() {
        return Err(bounds);
    }
    if let Some(o) = &overrides.output {
        cfg.build.output = o.clone();
    }
    cfg.build.drafts |= overrides.drafts;
    cfg.build.deny_warnings |= overrides.deny_warnings;
    let from_flag = overrides.base_url.is_some();
    if let Some(b) = &overrides.base_url {
        cfg.book.base_url = Some(b.clone());
    }
    cfg.book.base_url = match cfg.book.base_url.take() {
        Some(u) => Some(normalize_base_url(&u).map_err(|m| {
            let hint = "use an absolute URL such as \"https://example.org/my-guide/\"";
            if from_flag {
                // Not from book.toml: point at the flag, not at whatever line mentions it.
                return Diagnostics::from(Diagnostic::error(format!("--{m}")).hint(hint));
            }
            let d = Diagnostic::error(m).hint(hint);
            Diagnostics::from(match base_url_span(&text, &u) {
                Some(span) => d.at(shown, &text, span),
                None => d,
            })
        })?),
        None => None,
    };
    cfg.bibliography = Arc::new(load_bibliography(&cfg, &text)?);
    Ok(cfg)
}

/// The bibliography file, which must lie inside the project (it is read, never published).
fn load_bibliography(
    cfg: &Config,
    text: &Arc<str>,
) -> Result<crate::content::bibliography::Bibliography, Diagnostics> {
    let rel = &cfg.build.bibliography;
    let inside = rel.components().all(|c| {
        matches!(
            c,
            std::path::Component::Normal(_) | std::path::Component::CurDir
        )
    });
    if !inside {
        let d = Diagnostic::error(format!(
            "bibliography `{}` is outside the project",
            rel.display()
        ))
        .hint("give a path relative to book.toml's folder, e.g. `references.toml`");
        let at = text
            .find("bibliography")
            .map(|i| i..i + "bibliography".len());
        return Err(match at {
            Some(span) => d.at("book.toml", text, span),
            None => d,
        }
        .into());
    }
    crate::content::bibliography::Bibliography::load(&cfg.root, rel)
}

/// `[links]` keys are prefixes that climb out of the content folder (`../std/`), values
/// absolute URLs: anything else could never match a link, or would make a broken one.
fn check_links(links: &KeyTable) -> Result<(), Diagnostics> {
    let mut diags = Diagnostics::new();
    let shown = Path::new("book.toml");
    for (prefix, url, span) in &links.entries {
        let msg = if !prefix.starts_with("../") {
            format!("[links] prefix `{prefix}` does not leave the content folder")
        } else if !(url.starts_with("https://") || url.starts_with("http://")) {
            format!("[links] `{prefix}` maps to `{url}`, which is not an absolute http(s) URL")
        } else {
            continue;
        };
        diags.push(
            Diagnostic::error(msg)
                .at(shown, &links.source, span.clone())
                .hint("map a prefix such as \"../std/\" to a base URL such as \"https://doc.rust-lang.org/std/\""),
        );
    }
    if diags.is_empty() { Ok(()) } else { Err(diags) }
}

/// Where `base-url = "<u>"` is written: the value on the key's own line, never a comment.
fn base_url_span(text: &str, u: &str) -> Option<std::ops::Range<usize>> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let code = line.split('#').next().unwrap_or("");
        if code.trim_start().starts_with("base-url") {
            if let Some(i) = code.find(u) {
                return Some(at + i..at + i + u.len());
            }
        }
        at += line.len();
    }
    None
}

fn parse(text: &Arc<str>, shown: &Path) -> Result<BookToml, Diagnostics> {
    toml::from_str::<BookToml>(text).map_err(|e| Diagnostics::from(serde_error(e, text, shown, 0)))
}

/// Turns a toml error into a diagnostic, `offset` being where the parsed text starts in the file.
pub(crate) fn serde_error(
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
        None if shown.ends_with("book.toml") => {
            d.hint("see the book.toml keys in docs/authoring.md#booktoml")
        }
        None => d.hint("see the front matter keys in docs/authoring.md#front-matter"),
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
