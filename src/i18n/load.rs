//! Building a language's table: the theme's `i18n/en.toml` underneath, the theme's table
//! for the language over it, then book.toml's `[translations.<lang>]` and (for the guide's
//! own language) `[strings]`. A key book.toml names that English lacks is an error (it
//! would never be shown); keys the language's table lacks are one warning, shown in English.

use std::collections::BTreeMap;
use std::path::Path;

use super::{CATEGORIES, Strings, Text, primary};
use crate::config::{Config, UiStrings};
use crate::diag::{Diagnostic, Diagnostics};
use crate::render::theme::Theme;

/// A table as read: entries, plus what to point at in diagnostics.
pub(crate) type Table = BTreeMap<String, Text>;

/// The complete table for `lang`, and the warning when some of it is English.
pub(crate) fn load(
    theme: &Theme,
    cfg: &Config,
    lang: &str,
) -> Result<(Strings, Diagnostics), Diagnostics> {
    let (english, _) = shipped(theme, "en").ok_or_else(|| {
        Diagnostics::from(
            Diagnostic::error("the theme has no i18n/en.toml")
                .hint("keep i18n/en.toml in the theme: every other language falls back to it"),
        )
    })??;
    let mut own: Option<(Table, String)> = None;
    for name in candidates(lang) {
        if let Some(found) = shipped(theme, &name) {
            own = Some((found?.0, name));
            break;
        }
    }
    let mut table = english.clone();
    let mut given: std::collections::BTreeSet<String> = Default::default();
    if let Some((t, _)) = &own {
        given.extend(t.keys().cloned());
        table.extend(t.clone());
    }
    let mut errors = Diagnostics::new();
    for (header, raw) in overrides(&cfg.strings, cfg, lang) {
        for (key, text) in flatten(raw, "") {
            match check_override(&english, &key, &text, &header, &cfg.strings) {
                Ok(()) => {
                    given.insert(key.clone());
                    table.insert(key, text);
                }
                Err(d) => errors.push(d),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut warnings = Diagnostics::new();
    let missing: Vec<&String> = english.keys().filter(|k| !given.contains(*k)).collect();
    if !missing.is_empty() && !primary(lang).eq_ignore_ascii_case("en") {
        warnings.push(missing_warning(lang, &missing, own.is_some()));
    }
    Ok((Strings::new(lang, table), warnings))
}

/// Theme file names to try for a tag: `pt-br`, then `pt`. Traditional Chinese does not fall
/// back to the Simplified table.
fn candidates(lang: &str) -> Vec<String> {
    let full = lang.to_ascii_lowercase().replace('_', "-");
    let p = primary(&full).to_string();
    let traditional = p == "zh" && ["hant", "tw", "hk", "mo"].iter().any(|s| full.contains(s));
    let mut out = vec![full.clone()];
    if p != full && !traditional {
        out.push(p);
    }
    out
}

/// The theme's `i18n/<name>.toml`, parsed, if the theme has one.
pub(crate) fn shipped(theme: &Theme, name: &str) -> Option<Result<(Table, ()), Diagnostics>> {
    let file = theme.files.get(&format!("i18n/{name}.toml"))?;
    let shown = file.shown.clone();
    let Ok(text) = std::str::from_utf8(&file.bytes) else {
        return Some(Err(Diagnostic::error(format!(
            "{} is not valid UTF-8",
            shown.display()
        ))
        .in_file(&shown)
        .into()));
    };
    let source: std::sync::Arc<str> = text.into();
    Some(match toml::from_str::<toml::Table>(text) {
        Ok(raw) => {
            let mut table = Table::new();
            let mut bad = Diagnostics::new();
            for (k, v) in flatten(&raw, "") {
                if let Text::Plural(forms) = &v {
                    if !forms.contains_key("other") {
                        bad.push(no_other(&k, &shown, &source));
                    }
                }
                table.insert(k, v);
            }
            if bad.is_empty() {
                Ok((table, ()))
            } else {
                Err(bad)
            }
        }
        Err(e) => Err(crate::config::serde_error(e, &source, &shown, 0).into()),
    })
}

fn no_other(key: &str, shown: &Path, source: &std::sync::Arc<str>) -> Diagnostic {
    let last = key.rsplit('.').next().unwrap_or(key);
    let d = Diagnostic::error(format!("the plural forms of `{key}` have no `other`"))
        .hint("give every plural table an `other` form: it is used for any number the other forms do not cover");
    match source.find(last) {
        Some(at) => d.at(shown, source, at..at + last.len()),
        None => d.in_file(shown),
    }
}

/// book.toml's tables that apply to `lang`, with the header they are under.
fn overrides<'a>(s: &'a UiStrings, cfg: &Config, lang: &str) -> Vec<(String, &'a toml::Table)> {
    let mut out = Vec::new();
    if let Some((code, t)) = s.by_lang.iter().find(|(k, _)| k.eq_ignore_ascii_case(lang)) {
        out.push((format!("translations.{code}"), t));
    }
    if lang.eq_ignore_ascii_case(&cfg.book.language) {
        out.push(("strings".to_string(), &s.main));
    }
    out
}

/// Dotted keys and entries of a parsed table: a table whose keys are all plural categories
/// (with `other`, or of one key) is a plural entry; any other table is a namespace.
pub(crate) fn flatten(raw: &toml::Table, prefix: &str) -> Vec<(String, Text)> {
    let mut out = Vec::new();
    for (k, v) in raw {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) if is_plural(t) => {
                let forms = t
                    .iter()
                    .map(|(c, s)| (c.clone(), s.as_str().unwrap_or_default().to_string()))
                    .collect();
                out.push((key, Text::Plural(forms)));
            }
            toml::Value::Table(t) => out.extend(flatten(t, &key)),
            toml::Value::String(s) => out.push((key, Text::Plain(s.clone()))),
            other => out.push((key, Text::Plain(other.to_string()))),
        }
    }
    out
}

fn is_plural(t: &toml::Table) -> bool {
    !t.is_empty()
        && t.iter()
            .all(|(k, v)| CATEGORIES.contains(&k.as_str()) && v.is_str())
}

/// A book.toml override must name an English key and have its shape.
fn check_override(
    english: &Table,
    key: &str,
    text: &Text,
    header: &str,
    s: &UiStrings,
) -> Result<(), Diagnostic> {
    let at = |d: Diagnostic| locate(d, header, key, s);
    match (english.get(key), text) {
        (None, _) => {
            let best = english
                .keys()
                .map(|k| (strsim::levenshtein(k, key), k))
                .min()
                .filter(|(d, _)| *d <= 4)
                .map(|(_, k)| k);
            let hint = match best {
                Some(k) => format!(
                    "did you mean `{k}`? the keys are those of the theme's i18n/en.toml (docs/authoring.md#languages)"
                ),
                None => {
                    "the keys are those of the theme's i18n/en.toml (docs/authoring.md#languages)"
                        .into()
                }
            };
            Err(at(Diagnostic::error(format!(
                "[{header}] has no UI string `{key}`"
            ))
            .hint(hint)))
        }
        (Some(Text::Plural(_)), Text::Plain(_)) => Err(at(Diagnostic::error(format!(
            "[{header}] `{key}` needs plural forms"
        ))
        .hint(
            "write it as a table of forms, such as { one = \"{n} page\", other = \"{n} pages\" }",
        ))),
        (Some(_), Text::Plural(f)) if !f.contains_key("other") => Err(at(Diagnostic::error(
            format!("the plural forms of `{key}` have no `other`"),
        )
        .hint("give every plural table an `other` form"))),
        _ => Ok(()),
    }
}

/// Points at `key`'s last part after the `[header]` line, when it can be found.
fn locate(d: Diagnostic, header: &str, key: &str, s: &UiStrings) -> Diagnostic {
    let shown = Path::new("book.toml");
    let text = &s.source;
    let start = text.find(&format!("[{header}")).unwrap_or(0);
    let last = key.rsplit('.').next().unwrap_or(key);
    let found = [key, last]
        .into_iter()
        .find_map(|k| text[start..].find(k).map(|i| (start + i, k.len())));
    match found {
        Some((at, len)) => d.at(shown, text, at..at + len),
        None => d.in_file(shown),
    }
}

fn missing_warning(lang: &str, missing: &[&String], has_table: bool) -> Diagnostic {
    let shown: Vec<&str> = missing.iter().take(5).map(|s| s.as_str()).collect();
    let more = if missing.len() > 5 {
        format!(" and {} more", missing.len() - 5)
    } else {
        String::new()
    };
    let what = if has_table {
        format!(
            "the theme's table for language `{lang}` lacks {} UI strings ({}{more}); they are shown in English",
            missing.len(),
            shown.join(", ")
        )
    } else {
        format!(
            "the theme has no UI strings for language `{lang}`; its labels are shown in English"
        )
    };
    Diagnostic::warning(what).in_file("book.toml").hint(format!(
        "translate them under [strings] in book.toml, or in themes/<theme>/i18n/{}.toml (keys: the theme's i18n/en.toml; docs/authoring.md#languages)",
        lang.to_ascii_lowercase()
    ))
}
