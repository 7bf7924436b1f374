//! Front matter: TOML between `+++` lines or YAML between `---` lines at the top of a page.
//!
//! Parse errors are shifted from the front-matter block back to file coordinates, so
//! `--> content/anatomy.md:3:1` points at the real line (Zola reports block-relative lines).
//! Every unknown key of a file is reported, not only the first serde stops at; TOML dates in
//! `[extra]` reach templates as ISO strings (`2024-11-02`), not as toml's internal object.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Deserializer};

use crate::config::{describe, serde_error, unknown_key_hint};
use crate::diag::Diagnostic;

/// The keys a page may set.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
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
    /// Clinical review (`[review]`, see `content::review`); over book.toml's `[review]`.
    #[serde(default)]
    pub review: Option<crate::content::review::ReviewKeys>,
    /// Old URLs of this page (`old/path.html`), each written as a redirect to it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Free table passed to templates (TOML dates and datetimes as ISO strings).
    #[serde(default, deserialize_with = "extra_table")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A page's front matter and where its Markdown body starts.
#[derive(Debug, Clone, Default)]
pub(crate) struct Split {
    /// Parsed keys.
    pub front: FrontMatter,
    /// Byte offset of the body in the file.
    pub body_start: usize,
}

/// Splits and parses the front matter of `text`; every unknown key is its own diagnostic.
pub(crate) fn parse(text: &Arc<str>, shown: &Path) -> Result<Split, Vec<Diagnostic>> {
    let Some((fence, open_len)) = opening_fence(text) else {
        return Ok(Split {
            front: FrontMatter::default(),
            body_start: 0,
        });
    };
    let inner_start = open_len;
    let Some((inner_end, body_start)) = closing_fence(text, inner_start, fence) else {
        return Err(vec![
            Diagnostic::error(format!(
                "front matter opened with `{fence}` is never closed"
            ))
            .at(shown, text, 0..fence.len())
            .label("opened here")
            .hint(format!(
                "end the front matter with a line holding only `{fence}`"
            )),
        ]);
    };
    let inner = &text[inner_start..inner_end];
    let front = if fence == "+++" {
        toml::from_str::<FrontMatter>(inner).map_err(|e| {
            let first = serde_error(e, text, shown, inner_start);
            all_unknown(first, toml_keys(inner), text, shown, inner_start)
        })?
    } else if inner.trim().is_empty() {
        FrontMatter::default()
    } else {
        serde_yaml_ng::from_str::<FrontMatter>(inner).map_err(|e| {
            let first = yaml_error(e, text, shown, inner_start);
            all_unknown(first, yaml_keys(inner), text, shown, inner_start)
        })?
    };
    if let Some(slug) = &front.slug {
        if slug.is_empty() || slug.contains(['/', '\\', '?', '#']) || slug == "." || slug == ".." {
            let at = text[..inner_end].find(slug.as_str()).unwrap_or(inner_start);
            return Err(vec![
                Diagnostic::error(format!("slug `{slug}` is not a single URL segment"))
                    .at(shown, text, at..at + slug.len())
                    .hint("a slug is one segment such as `hip-flexion`, without `/`, `?` or `#`"),
            ]);
        }
    }
    Ok(Split { front, body_start })
}

/// When serde stopped at an unknown key, one diagnostic per unknown top-level key, in file
/// order, each with its own did-you-mean hint; any other error stays the one diagnostic.
fn all_unknown(
    first: Diagnostic,
    keys: Vec<(String, std::ops::Range<usize>)>,
    text: &Arc<str>,
    shown: &Path,
    offset: usize,
) -> Vec<Diagnostic> {
    if !first.message.starts_with("unknown key") {
        return vec![first];
    }
    let valid = valid_keys();
    let unknown: Vec<_> = keys
        .into_iter()
        .filter(|(k, _)| !valid.contains(k))
        .collect();
    if unknown.len() < 2 {
        return vec![first];
    }
    unknown
        .into_iter()
        .map(|(key, span)| {
            let message = format!(
                "unknown field `{key}`, expected one of {}",
                valid
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let d = Diagnostic::error(describe(&message)).at(
                shown,
                text,
                span.start + offset..span.end + offset,
            );
            match unknown_key_hint(&message, &key) {
                Some(h) => d.hint(h),
                None => d,
            }
        })
        .collect()
}

/// The keys [`FrontMatter`] accepts, as serde lists them in an unknown-field error (so a
/// key added to the struct is known here without a second list to keep in step).
fn valid_keys() -> &'static [String] {
    static KEYS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let e = toml::from_str::<FrontMatter>("not_a_front_matter_key = 1").unwrap_err();
        let message = e.message().to_string();
        let expected = message.split_once("expected").map_or("", |(_, x)| x);
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .collect()
    });
    &KEYS
}

/// Top-level keys of a TOML block with their spans (dotted keys by their first part).
fn toml_keys(inner: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let Ok(table) = toml::de::DeTable::parse(inner) else {
        return Vec::new();
    };
    let mut keys: Vec<_> = table
        .get_ref()
        .keys()
        .map(|k| (k.get_ref().to_string(), k.span()))
        .collect();
    keys.sort_by_key(|(_, s)| s.start);
    keys
}

/// Top-level keys of a YAML block: lines starting at column 0 with `key:`.
fn yaml_keys(inner: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut keys = Vec::new();
    let mut pos = 0;
    for line in inner.split_inclusive('\n') {
        let starts_key = line.starts_with(|c: char| c.is_alphanumeric() || c == '_');
        if let Some(colon) = line.find(':').filter(|_| starts_key) {
            let key = line[..colon].trim_end();
            if !key.contains(char::is_whitespace) {
                keys.push((key.to_string(), pos..pos + key.len()));
            }
        }
        pos += line.len();
    }
    keys
}

/// `[extra]` as JSON for templates: a TOML date or datetime (which serde sees as toml's
/// private one-key table) becomes its ISO 8601 text, so `{{ page.extra.x | date }}` works.
fn extra_table<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<serde_json::Map<String, serde_json::Value>, D::Error> {
    let mut map = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
    for v in map.values_mut() {
        iso_dates(v);
    }
    Ok(map)
}

fn iso_dates(v: &mut serde_json::Value) {
    use serde_json::Value;
    if matches!(v, Value::Object(m) if m.len() == 1) {
        if let Ok(toml::Value::Datetime(dt)) = toml::Value::deserialize(&*v) {
            *v = Value::String(dt.to_string());
            return;
        }
    }
    match v {
        Value::Object(m) => m.values_mut().for_each(iso_dates),
        Value::Array(a) => a.iter_mut().for_each(iso_dates),
        _ => {}
    }
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
            d.hint("front matter keys: title, description, weight, draft, slug, template, aliases, [review], [extra]")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Split, Diagnostic> {
        parse(&Arc::from(s), Path::new("content/a.md")).map_err(|mut d| d.remove(0))
    }

    fn all(s: &str) -> Vec<Diagnostic> {
        parse(&Arc::from(s), Path::new("content/a.md")).unwrap_err()
    }

    #[test]
    fn every_unknown_key_is_reported() {
        let d = all("+++\ntitel = \"A\"\nweight = 1\nsulg = \"b\"\ncolour.x = 1\n+++\n");
        let got: Vec<_> = d
            .iter()
            .map(|d| (d.message.as_str(), d.location().unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                ("unknown key `titel`", "content/a.md:2:1".to_string()),
                ("unknown key `sulg`", "content/a.md:4:1".to_string()),
                ("unknown key `colour`", "content/a.md:5:1".to_string()),
            ]
        );
        assert!(d[1].hint.as_ref().unwrap().contains("did you mean `slug`"));
        let d = all("---\ntitel: A\nextra:\n  free: 1\ndraftt: true\n---\n");
        let got: Vec<_> = d.iter().map(|d| d.location().unwrap()).collect();
        assert_eq!(got, ["content/a.md:2:1", "content/a.md:5:1"]);
        assert!(d[1].hint.as_ref().unwrap().contains("did you mean `draft`"));
    }

    #[test]
    fn toml_dates_in_extra_become_iso_strings() {
        let t = p("+++\n[extra]\nreviewed = 2024-11-02\nat = 2024-11-02T10:30:00Z\nlocal = 2024-11-02T10:30:00\nnested = { list = [2024-01-05] }\nplain = { a = 1 }\n+++\n").unwrap();
        let e = &t.front.extra;
        assert_eq!(e["reviewed"], "2024-11-02");
        assert_eq!(e["at"], "2024-11-02T10:30:00Z");
        assert_eq!(e["local"], "2024-11-02T10:30:00");
        assert_eq!(e["nested"]["list"][0], "2024-01-05");
        assert_eq!(e["plain"]["a"], 1);
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
