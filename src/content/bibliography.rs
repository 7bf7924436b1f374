//! The guide's bibliography: `references.toml` (or `[build] bibliography`), one table per
//! source, read and checked once per build so pages can cite it with `[@key]`.
//!
//! Each entry names a source exactly as the author read it: authors, title, year, and at
//! least one of a DOI, a PubMed id or a URL. A DOI or PMID that cannot be one is an error at
//! its value (a typo in a health guide's reference sends readers to the wrong paper); an
//! entry no page cites is a warning (see [`Bibliography::unused`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Diagnostics};
use crate::html::html_escape;

/// One source, as written in the bibliography.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    authors: Vec<String>,
    title: String,
    year: Option<i64>,
    /// Journal, publisher or site.
    container: Option<String>,
    doi: Option<Spanned<String>>,
    pmid: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
}

/// A checked entry.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    authors: Vec<String>,
    title: String,
    year: Option<i64>,
    container: Option<String>,
    doi: Option<String>,
    pmid: Option<String>,
    url: Option<String>,
}

/// Every entry by key, and where the file is (for diagnostics).
#[derive(Debug, Clone, Default)]
pub struct Bibliography {
    entries: BTreeMap<String, Entry>,
    /// The file as shown in messages (`references.toml`); None when the guide has none.
    pub(crate) shown: Option<PathBuf>,
    text: Arc<str>,
}

impl Bibliography {
    /// Reads `rel` under `root`; a missing file is an empty bibliography.
    pub(crate) fn load(root: &Path, rel: &Path) -> Result<Bibliography, Diagnostics> {
        let path = root.join(rel);
        if !path.is_file() {
            return Ok(Bibliography::default());
        }
        let text: Arc<str> = crate::fsx::read_text(&path, rel)
            .map_err(Diagnostics::from)?
            .into();
        let raw: BTreeMap<String, Raw> = toml::from_str(&text)
            .map_err(|e| Diagnostics::from(crate::config::serde_error(e, &text, rel, 0)))?;
        let mut diags = Diagnostics::default();
        let mut entries = BTreeMap::new();
        for (key, r) in raw {
            let at = |v: &Spanned<String>, msg: String, hint: &str| {
                Diagnostic::error(msg)
                    .at(rel, &text, v.span())
                    .label("here")
                    .hint(hint.to_string())
            };
            if let Some(d) = r.doi.as_ref().filter(|d| !is_doi(d.get_ref())) {
                diags.push(at(d, format!("`{}` is not a DOI", d.get_ref()), "a DOI is `10.` then a registrant number, `/`, and the item: `10.1000/xyz123` (without `https://doi.org/`)"));
            }
            if let Some(p) = r.pmid.as_ref().filter(|p| !is_pmid(p.get_ref())) {
                diags.push(at(
                    p,
                    format!("`{}` is not a PubMed id", p.get_ref()),
                    "a PMID is 1 to 8 digits, e.g. `pmid = \"31452104\"`",
                ));
            }
            if let Some(u) = r.url.as_ref().filter(|u| {
                !u.get_ref().starts_with("https://") && !u.get_ref().starts_with("http://")
            }) {
                diags.push(at(
                    u,
                    format!("`{}` is not an http(s) URL", u.get_ref()),
                    "write the full address, `https://...`",
                ));
            }
            let entry = Entry {
                authors: r.authors,
                title: r.title,
                year: r.year,
                container: r.container,
                doi: r.doi.map(Spanned::into_inner),
                pmid: r.pmid.map(Spanned::into_inner),
                url: r.url.map(Spanned::into_inner),
            };
            entries.insert(key, entry);
        }
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Bibliography {
            entries,
            shown: Some(rel.to_path_buf()),
            text,
        })
    }

    /// Whether `key` names an entry.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.entries.contains_key(key)
    }

    /// Every key, for hints.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The entry's reference, as HTML (authors, year, title, container, identifiers as links).
    pub(crate) fn html(&self, key: &str) -> String {
        let Some(e) = self.entries.get(key) else {
            return html_escape(key);
        };
        let mut s = String::new();
        if !e.authors.is_empty() {
            s.push_str(&html_escape(&e.authors.join(", ")));
            s.push(' ');
        }
        if let Some(y) = e.year {
            s.push_str(&format!("({y}). "));
        }
        s.push_str(&format!("<cite>{}</cite>.", html_escape(&e.title)));
        if let Some(c) = &e.container {
            s.push_str(&format!(" <i>{}</i>.", html_escape(c)));
        }
        if let Some(d) = &e.doi {
            let d = html_escape(d);
            s.push_str(&format!(" doi:<a href=\"https://doi.org/{d}\">{d}</a>."));
        }
        if let Some(p) = &e.pmid {
            s.push_str(&format!(
                " PMID: <a href=\"https://pubmed.ncbi.nlm.nih.gov/{p}/\">{p}</a>."
            ));
        }
        if let Some(u) = &e.url {
            let u = html_escape(u);
            s.push_str(&format!(" <a href=\"{u}\">{u}</a>"));
        }
        s
    }

    /// The entry as schema.org structured data (for a page's `citation`).
    pub(crate) fn json_ld(&self, key: &str) -> Option<serde_json::Value> {
        let e = self.entries.get(key)?;
        let mut v = serde_json::json!({ "@type": "CreativeWork", "name": e.title });
        if !e.authors.is_empty() {
            v["author"] = e
                .authors
                .iter()
                .map(|a| serde_json::json!({ "@type": "Person", "name": a }))
                .collect();
        }
        if let Some(y) = e.year {
            v["datePublished"] = y.to_string().into();
        }
        if let Some(c) = &e.container {
            v["isPartOf"] = serde_json::json!({ "@type": "Periodical", "name": c });
        }
        let mut ids = Vec::new();
        if let Some(d) = &e.doi {
            v["url"] = format!("https://doi.org/{d}").into();
            ids.push(
                serde_json::json!({"@type": "PropertyValue", "propertyID": "DOI", "value": d}),
            );
        }
        if let Some(p) = &e.pmid {
            ids.push(
                serde_json::json!({"@type": "PropertyValue", "propertyID": "PMID", "value": p}),
            );
        }
        if let Some(u) = &e.url {
            v.as_object_mut()?.entry("url").or_insert(u.clone().into());
        }
        if !ids.is_empty() {
            v["identifier"] = ids.into();
        }
        Some(v)
    }

    /// A warning at each entry that no page cites.
    pub(crate) fn unused<'a>(&self, cited: impl Iterator<Item = &'a str>) -> Vec<Diagnostic> {
        let Some(shown) = &self.shown else {
            return Vec::new();
        };
        let cited: std::collections::HashSet<&str> = cited.collect();
        self.entries
            .keys()
            .filter(|k| !cited.contains(k.as_str()))
            .map(|k| {
                let line = header_line(&self.text, k);
                Diagnostic::warning(format!("reference `{k}` is cited by no page"))
                    .at_line(shown, &self.text, line, 1)
                    .label("never cited")
                    .hint(format!("cite it as `[@{k}]`, or remove the entry"))
            })
            .collect()
    }
}

/// The 1-based line of `[key]` (or `["key"]`) in the file.
fn header_line(text: &str, key: &str) -> usize {
    let forms = [
        format!("[{key}]"),
        format!("[\"{key}\"]"),
        format!("['{key}']"),
    ];
    text.lines()
        .position(|l| forms.iter().any(|f| l.trim() == f))
        .map_or(1, |i| i + 1)
}

/// `10.<4-9 digits>(.<digits>)*/<suffix without spaces>`.
fn is_doi(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("10.") else {
        return false;
    };
    let Some((registrant, suffix)) = rest.split_once('/') else {
        return false;
    };
    let first = registrant.split('.').next().unwrap_or("");
    (4..=9).contains(&first.len())
        && registrant
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && !suffix.is_empty()
        && !suffix.contains(char::is_whitespace)
}

/// 1 to 8 digits, not all zero.
fn is_pmid(s: &str) -> bool {
    (1..=8).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.bytes().any(|b| b != b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_checked() {
        assert!(is_doi("10.1000/xyz123"));
        assert!(is_doi("10.1016/j.jbmt.2019.01.002"));
        assert!(!is_doi("https://doi.org/10.1000/xyz"));
        assert!(!is_doi("10.10/x"));
        assert!(!is_doi("10.1000/"));
        assert!(!is_doi("10.1000/a b"));
        assert!(is_pmid("31452104"));
        assert!(!is_pmid("123456789"));
        assert!(!is_pmid("12a"));
        assert!(!is_pmid("0"));
    }
}
