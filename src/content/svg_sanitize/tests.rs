//! The sanitiser against attack shapes and editor output: what is removed, what is kept.

use super::*;

fn run(body: &str) -> (String, Vec<String>) {
    let text = format!(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n{body}\n</svg>\n"
    );
    let s = sanitize(&text, ".guide-svg-t").expect("well-formed");
    let removed = s
        .removed
        .iter()
        .map(|(r, what)| {
            let (line, _) = crate::diag::offset_to_line_col(&text, r.start);
            format!("{line}: {what}")
        })
        .collect();
    (s.svg, removed)
}

/// (inner markup, what must stay, what must be gone, removals as "line: what").
const CASES: &[(&str, &str, &str, &[&str])] = &[
    (
        "<script>alert(1)</script><path d=\"M0 0\"/>",
        "<path d=\"M0 0\"/>",
        "alert",
        &["3: `<script>` and its content (it runs script)"],
    ),
    (
        "<g onload=\"alert(1)\" ONclick='x()'><rect width=\"1\"/></g>",
        "<g><rect width=\"1\"/></g>",
        "alert",
        &[
            "3: the event handler `onload` on `<g>`",
            "3: the event handler `ONclick` on `<g>`",
        ],
    ),
    (
        "<foreignObject><img xmlns=\"http://www.w3.org/1999/xhtml\" src=\"x\" onerror=\"alert(1)\"/></foreignObject>",
        "",
        "img",
        &["3: `<foreignObject>` and its content (it embeds HTML, which can run script)"],
    ),
    (
        "<image href=\"https://evil.example/t.png\" width=\"1\"/><image xlink:href=\"data:image/png;base64,AA\"/>",
        "<image width=\"1\"/><image xlink:href=\"data:image/png;base64,AA\"/>",
        "evil",
        &[
            "3: `href=\"https://evil.example/t.png\"` on `<image>` (a reference outside the diagram)",
        ],
    ),
    (
        "<use href=\"http://evil.example/s.svg#a\"/><use href=\"#a\"/>",
        "<use/><use href=\"#a\"/>",
        "evil",
        &["3: `href=\"http://evil.example/s.svg#a\"` on `<use>` (a reference outside the diagram)"],
    ),
    (
        "<a href=\"javascript:alert(1)\"><text>x</text></a>",
        "<a><text>x</text></a>",
        "javascript",
        &["3: `href=\"javascript:alert(1)\"` on `<a>` (a reference outside the diagram)"],
    ),
    (
        "<set attributeName=\"href\" to=\"javascript:alert(1)\"/><animate attributeName=\"xlink:href\" values=\"javascript:x\"></animate>",
        "",
        "javascript",
        &[
            "3: `<set>` and its content (it animates a link target)",
            "3: `<animate>` and its content (it animates a link target)",
        ],
    ),
    (
        "<style>@import url(https://evil.example/x.css);\n.a{fill:url(https://evil.example/p.svg#x);stroke:currentColor}\nbody{display:none}</style>",
        "<style>.guide-svg-t .a{stroke:currentColor;}.guide-svg-t body{display:none;}</style>",
        "evil",
        &[
            "3: `@import` rule (it loads a stylesheet from elsewhere) in `<style>`",
            "4: the declaration `fill:url(https://evil.example/p.svg#x)` (`url(https://evil.example/p.svg#x)` may only point at a `#fragment` or a data image) in `<style>`",
        ],
    ),
    (
        "<rect fill=\"url(https://evil.example/g.svg#g)\" stroke=\"url(#g)\" style=\"fill:var(--fig-accent);background:url(//evil.example)\"/>",
        "<rect stroke=\"url(#g)\" style=\"fill:var(--fig-accent)\"/>",
        "evil",
        &[
            "3: `fill` on `<rect>` (its `url()` is outside the diagram)",
            "3: the declaration `background:url(//evil.example)` (`url(//evil.example)` may only point at a `#fragment` or a data image) in a `style` attribute",
        ],
    ),
    (
        "<style><![CDATA[ .a > .b { fill: red } ]]></style><text>a &lt; b &amp; c</text>",
        "<style>.guide-svg-t .a &gt; .b{fill: red;}</style><text>a &lt; b &amp; c</text>",
        "CDATA",
        &[],
    ),
    (
        "<style>.x{}</style><text>&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;</text>",
        "<text>&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;</text>",
        "<img",
        &[],
    ),
    (
        "<sodipodi:namedview inkscape:zoom=\"1\"/><g inkscape:label=\"Layer\"><path d=\"M0 0\"/></g><iframe/>",
        "<g><path d=\"M0 0\"/></g>",
        "namedview",
        &["3: `<iframe>` and its content (not a drawing element)"],
    ),
];

#[test]
fn attack_shapes() {
    for (body, keep, gone, expect) in CASES {
        let (svg, removed) = run(body);
        assert!(svg.contains(keep), "{body}\nkeeps {keep}\n got {svg}");
        assert!(!svg.contains(gone), "{body}\nloses {gone}\n got {svg}");
        assert_eq!(&removed, expect, "{body}");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" class=\"guide-svg-t\">"), "{svg}");
    }
}

#[test]
fn malformed_xml_is_not_inlined() {
    let err = sanitize("<svg><g></svg>", ".s").unwrap_err();
    assert!(err.1.contains("</g>") || !err.1.is_empty(), "{err:?}");
    assert!(sanitize("<html><svg/></html>", ".s").is_err());
}
