//! One guide in several languages: `[languages.<code>]` in book.toml, each language's pages
//! in `<content>.<code>/` beside the default language's `<content>/`, built under `/<code>/`.
//!
//! Each language is built as a guide of its own (its own words, search index, print view,
//! sitemap entries), from its folder with the default language's pages filling the gaps:
//! a page not yet translated is rendered from the default language and marked as such, so
//! every page exists in every language and the language switcher never leads nowhere.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use crate::config::Config;

/// `[languages.<code>]`: what differs in that language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LanguageSection {
    /// The guide's title in that language (default: `[book] title`).
    #[serde(default)]
    pub(crate) title: Option<String>,
    /// The description in that language (default: `[book] description`).
    #[serde(default)]
    pub(crate) description: Option<String>,
    /// The language's own name in the switcher (default: the theme's `lang.name`).
    #[serde(default)]
    pub(crate) name: Option<String>,
}

/// A language of the guide, for the switcher and `hreflang`.
#[derive(Debug, Clone)]
pub(crate) struct Language {
    /// BCP 47 tag.
    pub(crate) code: String,
    /// Its own name (`Deutsch`).
    pub(crate) name: String,
    /// Its path prefix from the site root: `""` for the default language, `de/`.
    pub(crate) prefix: String,
}

/// What a build of one language of a multilingual guide knows beyond its config.
#[derive(Debug, Clone)]
pub struct Translation {
    /// Every language of the guide, the default one first.
    pub(crate) languages: Vec<Language>,
    /// The index of this build's language in `languages`.
    pub(crate) current: usize,
    /// The default language's content folder (absolute) and as shown, where the pages not
    /// translated come from; `None` for the default language's own build.
    pub(crate) fallback: Option<(PathBuf, PathBuf)>,
    /// The site's base URL (the default language's), for absolute `hreflang` links.
    pub(crate) site_base: Option<String>,
}

impl Translation {
    /// This build's language.
    pub(crate) fn current(&self) -> &Language {
        &self.languages[self.current]
    }
}

/// The default language's content folder for language `code`: `content` → `content.de`.
pub(crate) fn content_folder(default: &std::path::Path, code: &str) -> PathBuf {
    let mut name = default.as_os_str().to_os_string();
    name.push(".");
    name.push(code);
    PathBuf::from(name)
}

/// Every language of a guide with `[languages]`, the default one first, named by the
/// author or by the theme's table for it.
pub(crate) fn languages(
    cfg: &Config,
    extra: &BTreeMap<String, LanguageSection>,
    name_of: impl Fn(&str) -> String,
) -> Vec<Language> {
    let default = &cfg.book.language;
    let mut out = vec![Language {
        code: default.clone(),
        name: name_of(default),
        prefix: String::new(),
    }];
    for (code, section) in extra.iter().filter(|(c, _)| *c != default) {
        out.push(Language {
            code: code.clone(),
            name: section.name.clone().unwrap_or_else(|| name_of(code)),
            prefix: format!("{code}/"),
        });
    }
    out
}

/// The configuration of language `code`'s build, derived from the default one.
pub(crate) fn config_for(cfg: &Config, code: &str, section: &LanguageSection) -> Config {
    let mut c = cfg.clone();
    c.book.language = code.to_string();
    if let Some(t) = &section.title {
        c.book.title = t.clone();
    }
    if let Some(d) = &section.description {
        c.book.description = d.clone();
    }
    c.build.content = content_folder(&cfg.build.content, code);
    c.book.base_url = cfg.book.base_url.as_ref().map(|b| format!("{b}{code}/"));
    c.languages.clear();
    c.redirects = Default::default();
    c
}
