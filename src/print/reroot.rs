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
///
/// Every pattern ends in `="` and holds it nowhere else, so the leftmost match is the first
/// `="` (from where the scan is) preceded by one of the names: one `memmem` scan, no
/// allocation per attribute (a print part is rerooted whole: 100 MB at 10,000 pages).
pub(crate) fn one_deeper(html: &str, frags: Fragments) -> String {
    static EQ_QUOTE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"=\""));
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + html.len() / 64 + 64);
    let (mut pos, mut from) = (0, 0);
    while let Some(j) = EQ_QUOTE.find(&bytes[from..]).map(|j| from + j) {
        let at = j + 2;
        let hit = PATS
            .iter()
            .find(|p| at >= pos + p.len() && bytes[..at].ends_with(p.as_bytes()));
        let Some(pat) = hit else {
            from = j + 1;
            continue;
        };
        let end = memchr::memchr(b'"', &bytes[at..]).map_or(html.len(), |e| at + e);
        out.push_str(&html[pos..at - pat.len()]);
        attribute(&mut out, pat, &html[at..end], frags);
        pos = (end + 1).min(html.len());
        from = pos;
    }
    out.push_str(&html[pos..]);
    out
}

/// Pushes `url` as it reads one folder deeper.
fn push_deeper(out: &mut String, url: &str) {
    if !(url.is_empty() || url.starts_with('/') || url.starts_with('#') || is_external(url)) {
        out.push_str("../");
    }
    out.push_str(url);
}

/// Pushes one attribute (` name="value"`) as it reads one folder deeper (nothing when
/// dropped).
fn attribute(out: &mut String, pat: &str, value: &str, frags: Fragments) {
    match (pat, frags) {
        (" aria-describedby=\"", Fragments::ToPage(_)) => return,
        (" aria-describedby=\"", Fragments::Keep) => {
            out.push_str(pat);
            out.push_str(value);
        }
        (" srcset=\"", _) => {
            out.push_str(pat);
            for (i, candidate) in value.split(", ").enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_deeper(out, candidate);
            }
        }
        (_, Fragments::ToPage(page)) if value.starts_with('#') => {
            out.push_str(pat);
            out.push_str(page);
            out.push_str(value);
        }
        // `data-root=""` is the site root seen from the file itself: one level down it is `../`.
        (" data-root=\"", _) if value.is_empty() => {
            out.push_str(pat);
            out.push_str("../");
        }
        _ => {
            out.push_str(pat);
            push_deeper(out, value);
        }
    }
    out.push('"');
}

/// Whether `html` ends between attributes: no attribute value is left open at its end (its
/// last `="` is closed) and its last byte cannot begin an attribute name or `href="#`. Then
/// [`one_deeper`] (and the print split's relink, which scans `href="#` to the next quote) of
/// `html` followed by any text is that of `html` followed by that of the text: a piece of
/// a print part that ends so can be rerooted alone and kept.
pub(crate) fn ends_between_attributes(html: &str) -> bool {
    let open = html
        .rfind("=\"")
        .is_some_and(|j| !html.as_bytes()[j + 2..].contains(&b'"'));
    let last = html.as_bytes().last();
    !open && last.is_none_or(|b| !(b.is_ascii_alphanumeric() || b" -_=\"#".contains(b)))
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

    /// The scan as it was (aho-corasick, one `format!` per attribute): the oracle.
    fn reference(html: &str, frags: Fragments) -> String {
        let finder = crate::output::site_files::first_of(&PATS);
        let deeper = |url: &str| {
            if url.is_empty() || url.starts_with('/') || url.starts_with('#') || is_external(url) {
                url.to_string()
            } else {
                format!("../{url}")
            }
        };
        let mut out = String::new();
        let mut pos = 0;
        while let Some(m) = finder.find(aho_corasick::Input::new(html).range(pos..)) {
            let pat = PATS[m.pattern().as_usize()];
            let start = m.start() + pat.len();
            let end = html[start..].find('"').map_or(html.len(), |e| start + e);
            let value = &html[start..end];
            out.push_str(&html[pos..m.start()]);
            out.push_str(&match (pat, frags) {
                (" aria-describedby=\"", Fragments::ToPage(_)) => String::new(),
                (" aria-describedby=\"", Fragments::Keep) => format!("{pat}{value}\""),
                (" srcset=\"", _) => {
                    let c: Vec<String> = value.split(", ").map(deeper).collect();
                    format!("{pat}{}\"", c.join(", "))
                }
                (_, Fragments::ToPage(page)) if value.starts_with('#') => {
                    format!("{pat}{page}{value}\"")
                }
                (" data-root=\"", _) if value.is_empty() => format!("{pat}../\""),
                _ => format!("{pat}{}\"", deeper(value)),
            });
            pos = (end + 1).min(html.len());
        }
        out.push_str(&html[pos..]);
        out
    }

    /// Text made of attribute-ish pieces, so names, quotes and `="` meet in every way.
    fn htmlish() -> impl proptest::strategy::Strategy<Value = String> {
        let mut pieces = PATS.to_vec();
        pieces.extend([
            "href=\"#",
            "=\"",
            "\"",
            " ",
            "a",
            "../x",
            "#p",
            "x.jpg 1w, y.jpg 2w",
            "https://e.org/",
            "<a",
            ">",
            "\n",
            "é",
            "-",
            "page-a--b",
        ]);
        let piece = proptest::sample::select(pieces);
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_memmem_scan_equals_the_aho_corasick_scan(html in htmlish()) {
            for frags in [Fragments::Keep, Fragments::ToPage("../../p/")] {
                prop_assert_eq!(one_deeper(&html, frags), reference(&html, frags));
            }
        }

        #[test]
        fn a_piece_ending_between_attributes_reroots_alone(a in htmlish(), b in htmlish()) {
            if ends_between_attributes(&a) {
                let whole = one_deeper(&format!("{a}{b}"), Fragments::Keep);
                let apart = one_deeper(&a, Fragments::Keep) + &one_deeper(&b, Fragments::Keep);
                prop_assert_eq!(whole, apart);
            }
        }
    }

    #[test]
    fn open_values_and_names_at_the_end_do_not_end_between_attributes() {
        for open in [
            "<a href=\"x",
            "<a href=\"",
            "<a hr",
            "<a ",
            "x=",
            "<a href=\"#",
        ] {
            assert!(!ends_between_attributes(open), "{open}");
        }
        for closed in [
            "",
            "<p>x</p>\n",
            "<a href=\"x\">",
            "<div class=\"content\">\n",
        ] {
            assert!(ends_between_attributes(closed), "{closed}");
        }
    }
}
