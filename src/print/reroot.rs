//! Print HTML moved one folder deeper than it was written for: a handout
//! (`handout/<page>/`) holds page HTML written for `<page>/`, and a print part
//! (`print/<n>/`) holds print-view HTML written for `print/`. Every relative URL (`href`,
//! `src`, each `srcset` candidate, `poster`, the body's `data-root`) gains one `../`; what a
//! `#fragment` link and a long-description reference become is the caller's choice.

use crate::markdown::links::is_external;

/// What becomes of `href="#x"` and `aria-describedby`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fragments<'a> {
    /// Left as written (the ids are in the same file).
    Keep,
    /// `#x` → `<page>#x` (the ids stayed on the page), and `aria-describedby` dropped (the
    /// long description is not in the file).
    ToPage(&'a str),
}

const PATS: [&str; 6] = [
    " href=\"",
    " src=\"",
    " srcset=\"",
    " poster=\"",
    " data-root=\"",
    " aria-describedby=\"",
];

/// `html` with every relative URL one folder deeper (see the module doc).
pub(crate) fn one_deeper(html: &str, frags: Fragments) -> String {
    static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| crate::output::site_files::first_of(&PATS));
    let mut out = String::with_capacity(html.len() + 256);
    let mut pos = 0;
    while let Some(m) = FINDER.find(aho_corasick::Input::new(html).range(pos..)) {
        let (i, k) = (m.start(), m.pattern().as_usize());
        let pat = PATS[k];
        let start = i + pat.len();
        let end = html[start..].find('"').map_or(html.len(), |e| start + e);
        out.push_str(&html[pos..i]);
        out.push_str(&attribute(pat, &html[start..end], frags));
        pos = (end + 1).min(html.len());
    }
    out.push_str(&html[pos..]);
    out
}

/// One attribute (` name="value"`) as it reads one folder deeper; empty when dropped.
fn attribute(pat: &str, value: &str, frags: Fragments) -> String {
    let deeper = |url: &str| {
        if url.is_empty() || url.starts_with('/') || url.starts_with('#') || is_external(url) {
            url.to_string()
        } else {
            format!("../{url}")
        }
    };
    match (pat, frags) {
        (" aria-describedby=\"", Fragments::ToPage(_)) => String::new(),
        (" aria-describedby=\"", Fragments::Keep) => format!("{pat}{value}\""),
        (" srcset=\"", _) => {
            let candidates: Vec<String> = value.split(", ").map(deeper).collect();
            format!("{pat}{}\"", candidates.join(", "))
        }
        (_, Fragments::ToPage(page)) if value.starts_with('#') => format!("{pat}{page}{value}\""),
        // `data-root=""` is the site root seen from the file itself: one level down it is `../`.
        (" data-root=\"", _) if value.is_empty() => format!("{pat}../\""),
        _ => format!("{pat}{}\"", deeper(value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_variants_posters_and_the_root_go_one_folder_deeper() {
        let html = "<body data-root=\"../\"><img src=\"../p.k.800.jpg\" srcset=\"../p.k.480.jpg 480w, ../p.k.800.jpg 800w\"><video poster=\"../v.jpg\"></video><a href=\"#x\">x</a><img src=\"data:image/png;base64,AA\" aria-describedby=\"d\">";
        let out = one_deeper(html, Fragments::Keep);
        assert_eq!(
            out,
            "<body data-root=\"../../\"><img src=\"../../p.k.800.jpg\" srcset=\"../../p.k.480.jpg 480w, ../../p.k.800.jpg 800w\"><video poster=\"../../v.jpg\"></video><a href=\"#x\">x</a><img src=\"data:image/png;base64,AA\" aria-describedby=\"d\">"
        );
        let out = one_deeper(html, Fragments::ToPage("../../release/"));
        assert!(out.contains("href=\"../../release/#x\"") && !out.contains("aria-describedby"));
        assert!(out.ends_with("base64,AA\">"), "{out}");
    }

    #[test]
    fn external_rooted_and_empty_urls_are_left_alone() {
        let html = "<a href=\"https://e.org/a\">e</a><a href=\"/abs/\">a</a><a href=\"mailto:a@b\">m</a><a href=\"\">self</a><img src=\"//cdn/x.png\">";
        assert_eq!(one_deeper(html, Fragments::Keep), html);
    }
}
