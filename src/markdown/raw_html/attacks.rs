//! Attack shapes against the raw-HTML sanitiser, as a table: each Markdown input, the HTML
//! it must render to, and every diagnostic it must give (message and line:col), on a page
//! one folder deep (`gear/kit.md`, served at `gear/kit/`) so relative URLs must be rewritten.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::content::{Loaded, order};
use crate::markdown::{Ctx, Rendered, render};

fn page(rel: &str, text: &str) -> Loaded {
    Loaded {
        rel: rel.into(),
        shown: Path::new("content").join(rel),
        text: Arc::from(text),
        front: Default::default(),
        body_start: 0,
    }
}

/// Renders `md` as `content/gear/kit.md` of a small guide.
pub(crate) fn render_kit(md: &str, trust: bool) -> Rendered {
    let loaded = vec![
        page("_index.md", "# Home\n\n## Top\n"),
        page("gear/_index.md", "# Gear\n"),
        page("gear/kit.md", md),
    ];
    let assets = ["img/ball.png", "gear/clip.webm", "gear/clip.vtt"]
        .iter()
        .map(|r| r.to_string())
        .collect();
    let (site, _) = order::assemble(loaded, assets, false, Path::new("content"));
    let id = site.page_by_rel("gear/kit.md").expect("the page");
    render(&Ctx {
        site: &site,
        images: &HashMap::new(),
        page: id,
        trust_html: trust,
        math: false,
        bib: &Default::default(),
        root: Path::new("/nonexistent"),
        bounds: &Default::default(),
        content: Path::new("/nonexistent/content"),
        links: &Default::default(),
        strings: &crate::i18n::Strings::english(),
    })
}

/// (input, expected HTML, expected diagnostics as "line:col message-part").
const CASES: &[(&str, &str, &[&str])] = &[
    // URLs are rewritten like Markdown's, one folder up from `gear/kit/`.
    (
        "<img src=\"../img/ball.png\" alt=\"A ball\">\n",
        "<img src=\"../../img/ball.png\" alt=\"A ball\">",
        &[],
    ),
    (
        "<a href=\"../_index.md#top\">home</a> and <a href='_index.md'>gear</a>\n",
        "<p><a href=\"../../#top\">home</a> and <a href=\"../../gear/\">gear</a></p>",
        &[],
    ),
    (
        "<video src=\"clip.webm\" poster=\"../img/ball.png\" controls>\n<track src=\"clip.vtt\" kind=\"captions\" srclang=\"en\" label=\"English\">\n</video>\n",
        "<video src=\"../../gear/clip.webm\" poster=\"../../img/ball.png\" controls>\n<track src=\"../../gear/clip.vtt\" kind=\"captions\" srclang=\"en\" label=\"English\">\n</video>",
        &[],
    ),
    (
        "<picture><source srcset=\"../img/ball.png 1x, ../img/ball.png 2x\"><img src=\"../img/ball.png\" alt=\"\"></picture>\n",
        "<picture><source srcset=\"../../img/ball.png 1x, ../../img/ball.png 2x\"><img src=\"../../img/ball.png\" alt></picture>",
        &[],
    ),
    // Broken targets: the same errors as Markdown's, at the attribute value.
    (
        "<img src=\"nope.png\" alt=\"x\">\n",
        "<img src=\"nope.png\" alt=\"x\">",
        &["1:11 image `nope.png` not found"],
    ),
    (
        "Text <a href=\"missing.md\">x</a>\n",
        "<a href=\"missing.md\">x</a>",
        &["1:15 link to a missing page: `missing.md`"],
    ),
    (
        "<img src=\"../img/ball.png\">\n",
        "<img src=\"../../img/ball.png\">",
        &["1:1 image `../img/ball.png` has no alt text"],
    ),
    // Script, in every shape: removed, with a warning saying what.
    (
        "<script>alert(1)</script>\n\nafter\n",
        "<p>after</p>",
        &["1:1 removed `<script>` and its content"],
    ),
    (
        "Inline <script>alert(1)</script> text\n",
        "<p>Inline  text</p>",
        &["1:8 removed `<script>` and its content"],
    ),
    (
        "<img src=\"../img/ball.png\" alt=\"x\" onerror=\"alert(1)\" ONLOAD=alert(2)>\n",
        "<img src=\"../../img/ball.png\" alt=\"x\">",
        &[
            "1:36 removed the event handler `onerror` from `<img>`",
            "1:55 removed the event handler `onload`",
        ],
    ),
    (
        "[click](javascript:alert(1)) and [b](JaVaScRiPt&#x3a;alert(1))\n",
        "<p>click and b</p>",
        &[
            "1:1 removed a link to a `javascript:` URL",
            "1:34 removed a link to a `javascript:` URL",
        ],
    ),
    (
        "<a href=\" java\tscript:alert(1)\">x</a> <a href=\"vbscript:x\">y</a> <a href=\"data:text/html,x\">z</a>\n",
        "<p><a>x</a> <a>y</a> <a>z</a></p>",
        &[
            "1:4 removed `href` from `<a>`: a `javascript:` URL",
            "1:42 removed `href` from `<a>`: a `vbscript:` URL",
            "1:69 removed `href` from `<a>`: a `data:` URL",
        ],
    ),
    (
        "![x](javascript:alert(1)) ![y](data:image/png;base64,AAAA)\n",
        "<img src=\"data:image/png;base64,AAAA\" alt=\"y\"",
        &["1:1 removed an image with a `javascript:` URL"],
    ),
    (
        "<iframe src=\"https://evil.example/\"></iframe>\n<object data=\"x.swf\"><embed src=\"x.swf\"></object>\n",
        "",
        &[
            "1:1 removed `<iframe>` and its content",
            "2:1 removed the tag `<object>`",
            "2:22 removed the tag `<embed>`",
        ],
    ),
    (
        "<style>body{display:none}</style>\n<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\n",
        "",
        &[
            "1:1 removed `<style>` and its content",
            "2:1 removed the tag `<base>`",
            "2:36 removed the tag `<meta>`",
        ],
    ),
    (
        "<form action=\"https://evil.example/\"><input name=\"pw\"><button>Go</button></form>\n",
        "Go",
        &[
            "1:1 removed the tag `<form>`",
            "1:38 removed the tag `<input>`",
            "1:55 removed the tag `<button>`",
        ],
    ),
    (
        "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>\n",
        "",
        &["1:1 removed `<svg>` and its content"],
    ),
    (
        "<div style=\"color: red; background: url(https://evil.example/t.png)\" class=\"note\" foo=\"1\">\n\n*Markdown* inside\n\n</div>\n",
        "<div style=\"color: red\" class=\"note\">\n<p><em>Markdown</em> inside</p>\n</div>",
        &[
            "1:6 removed the declaration `background: url(https",
            "1:83 removed the attribute `foo` from `<div>`",
        ],
    ),
    // Parser tricks: a tag that never ends, entities in a scheme, a nested script close.
    (
        "<a href=\"&#106;avascript:alert(1)\">x</a>\n",
        "<a>x</a>",
        &["1:4 removed `href` from `<a>`: a `javascript:` URL"],
    ),
    (
        "<div>\n<script>var s = \"</div>\";\n</script>\n<p>kept</p>\n</div>\n",
        "<div>\n\n<p>kept</p>\n</div>",
        &["2:1 removed `<script>` and its content"],
    ),
    (
        "<div title=\"a&quot;><script>alert(1)</script>\">t</div>\n",
        "<div title=\"a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">t</div>",
        &[],
    ),
    (
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>\n",
        // The browser ends `<noscript>` inside the attribute too: what follows is a real tag.
        "<img src=\"x\">&quot;&gt;",
        &[
            "1:1 removed `<noscript>` and its content",
            "1:32 image `x` has no alt text",
            "1:41 image `x` not found",
            "1:43 removed the event handler `onerror` from `<img>`",
        ],
    ),
    // Kept as written: inert markup, comments left out, ids become link targets.
    (
        "<details id=\"more\" open><summary>More</summary>\n\nText [back](#more)\n\n</details><!-- note -->\n",
        "<details id=\"more\" open><summary>More</summary>\n<p>Text <a href=\"#more\">back</a></p>\n</details>",
        &[],
    ),
];

fn check(md: &str, html: &str, expect: &[&str], trust: bool) {
    let r = render_kit(md, trust);
    assert!(
        r.html.contains(html),
        "input {md:?}\nexpected {html:?}\n     got {:?}",
        r.html
    );
    let mut diags: Vec<_> = r.diags.iter().collect();
    diags.sort_by_key(|d| d.line_col());
    let got: Vec<String> = diags
        .iter()
        .map(|d| {
            let (l, c) = d.line_col().unwrap_or((0, 0));
            format!("{l}:{c} {}", d.message)
        })
        .collect();
    assert_eq!(
        got.len(),
        expect.len(),
        "input {md:?}: diagnostics {got:#?}"
    );
    for (g, e) in got.iter().zip(expect) {
        assert!(g.starts_with(e), "input {md:?}: expected {e:?}, got {g:?}");
    }
}

#[test]
fn attack_shapes() {
    let failed: Vec<String> = CASES
        .iter()
        .filter_map(|(md, html, expect)| {
            std::panic::catch_unwind(|| check(md, html, expect, false))
                .err()
                .map(|e| e.downcast_ref::<String>().cloned().unwrap_or_default())
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:\n{}",
        failed.len(),
        CASES.len(),
        failed.join("\n\n")
    );
}

#[test]
fn every_removal_is_a_warning_and_rewrites_errors() {
    for (md, _, expect) in CASES {
        let r = render_kit(md, false);
        for d in &r.diags {
            let is_error = d.message.contains("not found")
                || d.message.contains("missing")
                || d.message.contains("alt text");
            assert_eq!(!d.is_warning(), is_error, "{md:?}: {}", d.message);
        }
        assert_eq!(r.diags.len(), expect.len());
    }
}

#[test]
fn trusted_html_is_kept_as_written_but_urls_are_rewritten() {
    let md = "<img src=\"../img/ball.png\" alt=\"A ball\" onerror=\"x()\">\n<script>go()</script>\n\n<a href='../_index.md#top' onclick=\"y()\">home</a> [j](javascript:z())\n";
    let r = render_kit(md, true);
    assert!(r.diags.is_empty(), "{:?}", r.diags);
    assert!(
        r.html.contains(
            "<img src=\"../../img/ball.png\" alt=\"A ball\" onerror=\"x()\">\n<script>go()</script>"
        ),
        "{}",
        r.html
    );
    assert!(
        r.html.contains(
            "<a href=\"../../#top\" onclick=\"y()\">home</a> <a href=\"javascript:z()\">j</a>"
        ),
        "{}",
        r.html
    );
    check(
        "<img src=\"gone.png\" alt=\"x\">\n",
        "gone.png",
        &["1:11 image `gone.png` not found"],
        true,
    );
    check(
        "<img src=\"../img/ball.png\">\n",
        "ball.png",
        &["1:1 image `../img/ball.png` has no alt text"],
        true,
    );
}
