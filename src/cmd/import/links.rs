//! `[links]` for an imported book's links that leave it (`../std/…`): a base URL derived from
//! an absolute `site-url` (the book's siblings were hosted beside it), else a commented
//! proposal that the report names. guide cannot know where those books are hosted, so it
//! does not guess; the build then names each such link with a hint at `[links]`.

use super::write::Outside;
use super::{Report, config, toml_string};

/// The `[links]` lines for `outside`, noting each in the report.
pub(super) fn table(book: &config::Book, outside: &Outside, report: &mut Report) -> Vec<String> {
    let mut lines = Vec::new();
    for (prefix, (n, first)) in outside {
        match book.base_url.as_deref().and_then(|b| beside(b, prefix)) {
            Some(url) => {
                report.mapped.push(format!("{} leave the book through `{prefix}` (first at {first}) → [links] `{url}`, derived from site-url", plural(*n)));
                lines.push(format!("{} = {}", toml_string(prefix), toml_string(&url)));
            }
            None => {
                report.unmapped.push(format!("{first}: {} leave the book through `{prefix}`: give its base URL in book.toml's [links] (a commented proposal is there)", plural(*n)));
                lines.push(format!(
                    "# {} = \"https://example.org/{}\"  # {n} links, first at {first}",
                    toml_string(prefix),
                    prefix.trim_start_matches("../")
                ));
            }
        }
    }
    lines
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 link".into()
    } else {
        format!("{n} links")
    }
}

/// `base` (`https://h/book/`) resolved with `prefix` (`../std/`): `https://h/std/`.
fn beside(base: &str, prefix: &str) -> Option<String> {
    let (scheme, rest) = base.split_once("://")?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut tail = Vec::new();
    for seg in prefix.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." {
            parts.pop()?;
        } else {
            tail.push(seg);
        }
    }
    parts.extend(tail);
    let joined = parts.join("/");
    let slash = if joined.is_empty() { "" } else { "/" };
    Some(format!("{scheme}://{host}/{joined}{slash}"))
}
