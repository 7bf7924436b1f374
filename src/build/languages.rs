//! The other languages of a multilingual guide (see [`crate::i18n::multi`]): each is built
//! as a guide of its own, once the default language has built, and its files are put under
//! `<code>/` in the one output tree. A page a language lacks is reported (one warning per
//! language, listing them): `guide check` lists what is left to translate.

use std::path::Path;

use super::Built;
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::multi::{self, Translation};

/// Adds every other language of `cfg`'s guide to `built`, each built by `build`; any
/// language's error fails all.
pub(crate) fn add_languages(
    mut built: Built,
    cfg: &Config,
    build: impl Fn(Config) -> Result<Built, Diagnostics>,
) -> Result<Built, Diagnostics> {
    let Some(t) = cfg.translation.as_ref().filter(|t| t.current == 0) else {
        return Ok(built);
    };
    let mut robots_extra = String::new();
    for (i, lang) in t.languages.iter().enumerate().skip(1) {
        let section = cfg.languages.get(&lang.code).cloned().unwrap_or_default();
        let mut c = multi::config_for(cfg, &lang.code, &section);
        let own = c.content_dir();
        if !own.is_dir() {
            return Err(Diagnostic::error(format!(
                "[languages.{}] has no content folder {}",
                lang.code,
                c.build.content.display()
            ))
            .in_file("book.toml")
            .hint(format!(
                "create {}/ beside {}/ with the translated pages (same file names), or remove [languages.{}]",
                c.build.content.display(),
                cfg.build.content.display(),
                lang.code
            ))
            .into());
        }
        c.translation = Some(Translation {
            current: i,
            fallback: Some((cfg.content_dir(), cfg.build.content.clone())),
            ..t.clone()
        });
        let sub = build(c.clone())?;
        if let Some(w) = missing_pages(cfg, &c) {
            built.warnings.push(w);
        }
        for (path, bytes) in sub.tree.files {
            // Hosts serve one 404 page, the root's; robots.txt lists every language's sitemap.
            if path == "robots.txt" || path == "404.html" {
                continue;
            }
            if path == "sitemap.xml" {
                if let Some(base) = &cfg.book.base_url {
                    robots_extra.push_str(&format!("Sitemap: {base}{}sitemap.xml\n", lang.prefix));
                }
            }
            built.tree.insert(format!("{}{path}", lang.prefix), bytes);
        }
        built.warnings.extend(sub.warnings);
        built.pages += sub.pages;
        built.rendered += sub.rendered;
    }
    if let Some(robots) = built.tree.get("robots.txt") {
        let text = format!("{}{robots_extra}", String::from_utf8_lossy(robots));
        built.tree.insert("robots.txt", text);
    }
    Ok(built)
}

/// The default language's pages that `lang`'s folder lacks, as one warning.
fn missing_pages(cfg: &Config, lang: &Config) -> Option<Diagnostic> {
    let pages = |dir: &Path| -> Vec<String> {
        walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
            .filter_map(|e| {
                e.path()
                    .strip_prefix(dir)
                    .ok()
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
            })
            .filter(|rel| !crate::content::walk::is_partial(rel))
            .collect()
    };
    let have = pages(&lang.content_dir());
    let missing: Vec<String> = pages(&cfg.content_dir())
        .into_iter()
        .filter(|p| !have.contains(p))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let folder = lang.build.content.display();
    Some(
        Diagnostic::warning(format!(
            "language `{}`: {} of the default language's pages are not translated yet ({}); they are shown from {} with a note",
            lang.book.language,
            missing.len(),
            missing.iter().map(|m| format!("{folder}/{m}")).collect::<Vec<_>>().join(", "),
            cfg.build.content.display()
        ))
        .in_file("book.toml")
        .hint(format!("translate them into {folder}/ under the same file names")),
    )
}
