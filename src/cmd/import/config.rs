//! mdBook's `book.toml` → guide's: `[book]` keys carried over, `site-url` → `base-url` when
//! absolute, `[output.html.redirect]` → `[redirects]`; every other setting reported with its
//! line, as having no equivalent (or as mapped, where guide does it always).

use std::collections::BTreeMap;

use super::{Report, toml_string};
use crate::diag::{Diagnostic, Diagnostics};

/// What the import keeps of mdBook's book.toml.
pub(super) struct Book {
    pub(super) title: String,
    description: String,
    authors: Vec<String>,
    language: String,
    pub(super) src: String,
    pub(super) base_url: Option<String>,
    /// `[output.html.redirect]`: old path → mdBook target (relative to the old page).
    pub(super) redirects: Vec<(String, String)>,
    /// `output.html.mathjax-support`: formulas are converted to `$` math, `[build] math`.
    pub(super) math: bool,
}

/// Settings guide does itself, always: reported as mapped.
const ALWAYS: &[(&str, &str)] = &[
    (
        "output.html.smart-punctuation",
        "smart punctuation is always on",
    ),
    (
        "output.html.hash-files",
        "guide always fingerprints its CSS and JS",
    ),
    ("output.html.search.enable", "search is always on"),
    (
        "output.html.playground.line-numbers",
        "ignored (guide has no playground)",
    ),
];

pub(super) fn read(text: &str, report: &mut Report) -> Result<Book, Diagnostics> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let src: std::sync::Arc<str> = text.into();
        Diagnostics::from(crate::config::serde_error(
            e,
            &src,
            std::path::Path::new("book.toml"),
            0,
        ))
    })?;
    let get = |t: &str, k: &str| table.get(t).and_then(|v| v.get(k));
    let s = |v: Option<&toml::Value>| v.and_then(|v| v.as_str()).map(str::to_string);
    let Some(title) = s(get("book", "title")) else {
        return Err(Diagnostic::error("mdBook's book.toml has no [book] title")
            .hint("add `title = \"...\"` under [book]")
            .into());
    };
    let site_url = table
        .get("output")
        .and_then(|o| o.get("html"))
        .and_then(|h| h.get("site-url"))
        .and_then(|v| v.as_str());
    let base_url = site_url
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(str::to_string);
    let mut book = Book {
        title,
        description: s(get("book", "description")).unwrap_or_default(),
        authors: get("book", "authors")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        language: s(get("book", "language")).unwrap_or_else(|| "en".into()),
        src: s(get("book", "src")).unwrap_or_else(|| "src".into()),
        base_url,
        redirects: Vec::new(),
        math: false,
    };
    let mut leaves = Vec::new();
    flatten("", &toml::Value::Table(table.clone()), &mut leaves);
    for (key, value) in leaves {
        let line = line_of_key(text, &key);
        let at = format!("book.toml:{line}");
        match key.as_str() {
            "book.title" | "book.description" | "book.authors" | "book.language" => report.mapped.push(format!("{at}: {key}")),
            "book.src" => report.mapped.push(format!("{at}: book.src → content/")),
            "output.html.site-url" if book.base_url.is_some() => report.mapped.push(format!("{at}: site-url → [book] base-url")),
            "output.html.site-url" => report.unmapped.push(format!("{at}: `site-url` is not an absolute URL, so no base-url is set (guide's pages link relatively)")),
            "output.html.mathjax-support" => {
                book.math = value.as_bool() == Some(true);
                report.mapped.push(format!("{at}: mathjax-support → [build] math (`\\\\(...\\\\)` → `$...$`, `\\\\[...\\\\]` → `$$...$$`, MathML at build time)"));
            }
            k if k.starts_with("output.html.redirect.") => {
                let from = k["output.html.redirect.".len()..].to_string();
                book.redirects.push((from, value.as_str().unwrap_or("").to_string()));
            }
            k => match ALWAYS.iter().find(|(a, _)| *a == k) {
                Some((_, why)) => report.mapped.push(format!("{at}: {k}: {why}")),
                None => report.unmapped.push(format!("{at}: `{k}` has no equivalent in guide")),
            },
        }
    }
    if !book.redirects.is_empty() {
        report.mapped.push(format!(
            "[output.html.redirect]: {} redirects → [redirects]",
            book.redirects.len()
        ));
    }
    Ok(book)
}

/// Every leaf key as a dotted path (a redirect table's keys are paths: kept whole).
fn flatten(prefix: &str, v: &toml::Value, out: &mut Vec<(String, toml::Value)>) {
    match v {
        toml::Value::Table(t)
            if prefix != "output.html.redirect" || t.values().any(|x| x.is_table()) =>
        {
            for (k, x) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, x, out);
            }
        }
        toml::Value::Table(t) => {
            for (k, x) in t {
                out.push((format!("{prefix}.{k}"), x.clone()));
            }
        }
        _ => out.push((prefix.to_string(), v.clone())),
    }
}

/// The line of a dotted key: after its table's `[header]`, the line starting with its name.
fn line_of_key(text: &str, key: &str) -> usize {
    let (table, name) = key.rsplit_once('.').unwrap_or(("", key));
    let lines: Vec<&str> = text.lines().collect();
    let mut start = 0;
    let header = format!("[{table}]");
    if let Some(i) = lines.iter().position(|l| l.trim() == header) {
        start = i + 1;
    }
    let quoted = format!("\"{name}\"");
    lines
        .iter()
        .enumerate()
        .skip(start)
        .find(|(_, l)| {
            let t = l.trim_start();
            t.starts_with(name) || t.starts_with(&quoted)
        })
        .map_or(start.max(1), |(i, _)| i + 1)
}

/// guide's book.toml.
pub(super) fn write(book: &Book, redirects: &BTreeMap<String, String>, links: &[String]) -> String {
    let mut s = String::from("# Imported from mdBook by `guide import mdbook`.\n[book]\n");
    s.push_str(&format!("title = {}\n", toml_string(&book.title)));
    if !book.description.is_empty() {
        s.push_str(&format!(
            "description = {}\n",
            toml_string(&book.description)
        ));
    }
    if !book.authors.is_empty() {
        let a: Vec<String> = book.authors.iter().map(|x| toml_string(x)).collect();
        s.push_str(&format!("authors = [{}]\n", a.join(", ")));
    }
    s.push_str(&format!("language = {}\n", toml_string(&book.language)));
    if let Some(u) = &book.base_url {
        s.push_str(&format!("base-url = {}\n", toml_string(u)));
    }
    s.push_str("\n[build]\ncontent = \"content\"\noutput = \"public\"\n");
    if book.math {
        s.push_str("math = true\n");
    }
    if !links.is_empty() {
        s.push_str(
            "\n# Links that leave the book (to books hosted beside it), by prefix.\n[links]\n",
        );
        for l in links {
            s.push_str(l);
            s.push('\n');
        }
    }
    if !redirects.is_empty() {
        s.push_str(
            "\n# Old mdBook URLs of moved pages, and [output.html.redirect].\n[redirects]\n",
        );
        for (from, to) in redirects {
            s.push_str(&format!("{} = {}\n", toml_string(from), toml_string(to)));
        }
    }
    s
}
