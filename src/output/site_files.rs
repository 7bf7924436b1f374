//! Site-wide files: fingerprinted static assets, sitemap.xml, robots.txt, and the HTML
//! rewriting that turns a page's body into a section of the one-page print view.

use std::collections::HashMap;

/// `style.css` + bytes → `static/style.1a2b3c4d.css` (content hash, so hosts can cache forever).
pub(crate) fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("static/{stem}.{}.{ext}", &hash[..10]),
        None => format!("static/{name}.{}", &hash[..10]),
    }
}

/// sitemap.xml for the given root-relative URLs.
pub(crate) fn sitemap(base: &str, urls: &[&str]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for u in urls {
        s.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&format!("{base}{u}"))
        ));
    }
    s.push_str("</urlset>\n");
    s
}

/// robots.txt pointing at the sitemap.
pub(crate) fn robots(base: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n")
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The print-view id of a page (`""` → `page-home`, `stretches/lunge/` → `page-stretches-lunge`).
pub(crate) fn print_anchor(url: &str) -> String {
    if url.is_empty() {
        "page-home".into()
    } else {
        format!("page-{}", url.trim_end_matches('/').replace('/', "-"))
    }
}

/// Rewrites a page body for the print page (which lives at `print/`, root `../`): ids get
/// the page's prefix so pages never clash, in-guide links become in-page links, and asset
/// paths are re-rooted.
pub(crate) fn for_print(
    html: &str,
    page_root: &str,
    anchor: &str,
    anchors: &HashMap<String, String>,
) -> String {
    const PATS: [&str; 7] = [
        "id=\"",
        "href=\"",
        "src=\"",
        "url(#",
        "aria-describedby=\"",
        "srcset=\"",
        "poster=\"",
    ];
    static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| crate::output::site_files::first_of(&PATS));
    let mut out = String::with_capacity(html.len() + 256);
    let mut pos = 0;
    // Each search starts where the last rewrite ended: one linear pass over the page.
    while let Some(m) = FINDER.find(aho_corasick::Input::new(html).range(pos..)) {
        let (i, k) = (m.start(), m.pattern().as_usize());
        let pat = PATS[k];
        out.push_str(&html[pos..i + pat.len()]);
        let mut rest = &html[i + pat.len()..];
        match pat {
            "id=\"" | "url(#" | "aria-describedby=\"" => out.push_str(&format!("{anchor}--")),
            "srcset=\"" => {
                // A photo's variants: every candidate URL re-rooted.
                let end = rest.find('"').unwrap_or(rest.len());
                out.push_str(&reroot_srcset(&rest[..end], page_root, "../"));
                rest = &rest[end..];
            }
            "src=\"" | "poster=\"" => {
                if let Some(r) = rest.strip_prefix(page_root) {
                    out.push_str("../");
                    rest = r;
                }
            }
            _ => {
                if let Some(frag) = rest.strip_prefix('#') {
                    out.push_str(&format!("#{anchor}--"));
                    rest = frag;
                } else if let Some(r) = rest.strip_prefix(page_root) {
                    let end = r.find('"').unwrap_or(r.len());
                    let (target, tail) = r[..end]
                        .split_once('#')
                        .map_or((&r[..end], None), |(t, f)| (t, Some(f)));
                    match anchors.get(target) {
                        Some(a) => {
                            out.push('#');
                            out.push_str(a);
                            if let Some(f) = tail {
                                out.push_str(&format!("--{f}"));
                            }
                            rest = &r[end..];
                        }
                        None => {
                            out.push_str("../");
                            rest = r;
                        }
                    }
                }
            }
        }
        pos = html.len() - rest.len();
    }
    out.push_str(&html[pos..]);
    out
}

/// A finder of the leftmost of `pats` (the first listed wins a tie), for the linear HTML
/// rewrites here and in the print view.
pub(crate) fn first_of(pats: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(pats)
        .expect("literal patterns")
}

/// A `srcset` whose candidates under `from` (the page's root prefix) are put under `to`.
pub(crate) fn reroot_srcset(srcset: &str, from: &str, to: &str) -> String {
    srcset
        .split(", ")
        .map(|c| match c.strip_prefix(from) {
            Some(r) => format!("{to}{r}"),
            None => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_rewrites() {
        let anchors = HashMap::from([("location/".to_string(), "page-location".to_string())]);
        let html = r##"<h2 id="a">A <a href="#a">#</a></h2><a href="../location/#find">x</a><img src="../diagrams/x.png"><a href="https://e.org">e</a><a href="../diagrams/x.png">f</a>"##;
        let out = for_print(html, "../", "page-anatomy", &anchors);
        assert_eq!(
            out,
            r##"<h2 id="page-anatomy--a">A <a href="#page-anatomy--a">#</a></h2><a href="#page-location--find">x</a><img src="../diagrams/x.png"><a href="https://e.org">e</a><a href="../diagrams/x.png">f</a>"##
        );
        // The home page's photo (root `./`): every srcset candidate and the poster re-rooted.
        let photo = r#"<source srcset="./p.k.480.webp 480w, ./p.k.800.webp 800w"><img src="./p.k.800.jpg" srcset="./p.k.480.jpg 480w, https://e.org/x.jpg 900w"><video poster="./v.k.800.jpg">"#;
        assert_eq!(
            for_print(photo, "./", "page-home", &anchors),
            r#"<source srcset="../p.k.480.webp 480w, ../p.k.800.webp 800w"><img src="../p.k.800.jpg" srcset="../p.k.480.jpg 480w, https://e.org/x.jpg 900w"><video poster="../v.k.800.jpg">"#
        );
        assert_eq!(print_anchor("stretches/lunge/"), "page-stretches-lunge");
        assert!(
            fingerprinted("style.css", b"x").starts_with("static/style.")
                && fingerprinted("style.css", b"x").ends_with(".css")
        );
    }
}
