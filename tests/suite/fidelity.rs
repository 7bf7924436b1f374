//! Fidelity of real content (issue 11): heading ids, highlighting, definition lists and math,
//! the sidebar of a long guide, front-matter `[extra]` and Tera's built-ins.

use insta::assert_snapshot;

use crate::harness::GuideTest;

/// The rendered Markdown of an output page (the theme's `<div class="content">`).
fn content_of(g: &GuideTest, rel: &str) -> String {
    let html = g.read(rel);
    let start = html.find("<div class=\"content\">").expect("a content div");
    let end = start
        + html[start..]
            .find("\n</div>\n<nav class=\"prev-next\"")
            .expect("end");
    html[start..end + 7].to_string()
}

#[test]
fn heading_ids_follow_github_and_links_to_them_resolve() {
    let g = GuideTest::fixture("headings");
    g.build_ok();
    let html = content_of(&g, "public/operators/index.html");
    for id in [
        "wheres-the---operator",
        "example",
        "example-1",
        "snake_case-names",
        "ünïcödé--straße",
        "custom",
        "example-2",
    ] {
        assert!(html.contains(&format!("<h2 id=\"{id}\">")), "{id}:\n{html}");
    }
    assert_snapshot!(html);
}

/// A guide of 60 top-level pages and a section with 40 children, one of them a section of 30.
fn long_guide() -> GuideTest {
    let g = GuideTest::fixture("headings");
    std::fs::remove_file(g.path("content/operators.md")).unwrap();
    g.write("content/_index.md", "# Long guide\n\nMany pages.\n");
    for i in 1..=60 {
        g.write(
            &format!("content/p{i:02}.md"),
            format!("# Page {i}\n\nText.\n"),
        );
    }
    g.write("content/sec/_index.md", "# Section\n\nIts pages.\n");
    for i in 1..=40 {
        g.write(
            &format!("content/sec/c{i:02}.md"),
            format!("# Child {i}\n\nText.\n"),
        );
    }
    g.write("content/sec/deep/_index.md", "# Deep\n\nIts pages.\n");
    for i in 1..=30 {
        g.write(
            &format!("content/sec/deep/d{i:02}.md"),
            format!("# Deep {i}\n\nText.\n"),
        );
    }
    g
}

/// Root-relative URLs of the links inside `<tag class="class"` … `</tag>` of a page at `url`.
fn links_in(html: &str, open: &str, close: &str, url: &str) -> Vec<String> {
    let Some(start) = html.find(open) else {
        return Vec::new();
    };
    let end = start + html[start..].find(close).unwrap();
    html[start..end]
        .split("href=\"")
        .skip(1)
        .map(|s| resolve(url, &s[..s.find('"').unwrap()]))
        .collect()
}

/// `href` seen from the page at root-relative `url`, as a root-relative URL.
fn resolve(url: &str, href: &str) -> String {
    let mut parts: Vec<&str> = url.split('/').filter(|s| !s.is_empty()).collect();
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.iter().map(|p| format!("{p}/")).collect()
}

#[test]
fn every_page_is_reachable_from_every_pages_navigation() {
    let g = long_guide();
    g.build_ok();
    let mut urls = vec![String::new()];
    urls.extend((1..=60).map(|i| format!("p{i:02}/")));
    urls.push("sec/".into());
    urls.extend((1..=40).map(|i| format!("sec/c{i:02}/")));
    urls.push("sec/deep/".into());
    urls.extend((1..=30).map(|i| format!("sec/deep/d{i:02}/")));
    // Each page's navigation: its sidebar (with its "more" links) and a section's list of
    // children (where a "more" link leads).
    let nav: std::collections::HashMap<&str, Vec<String>> = urls
        .iter()
        .map(|u| {
            let html = g.read(&format!("public/{u}index.html"));
            let mut l = links_in(&html, "<nav class=\"site-nav\"", "</nav>", u);
            l.extend(links_in(
                &html,
                "<section class=\"children\"",
                "</section>",
                u,
            ));
            (u.as_str(), l)
        })
        .collect();
    for from in &urls {
        let mut seen = std::collections::HashSet::from([from.clone()]);
        let mut todo = vec![from.clone()];
        while let Some(u) = todo.pop() {
            for l in &nav[u.as_str()] {
                assert!(nav.contains_key(l.as_str()), "{u} links to unknown {l}");
                if seen.insert(l.clone()) {
                    todo.push(l.clone());
                }
            }
        }
        let missing: Vec<_> = urls.iter().filter(|u| !seen.contains(*u)).collect();
        assert!(missing.is_empty(), "from {from:?} unreachable: {missing:?}");
    }
    // The top level is cut around the open page, with links to the landing page.
    let html = g.read("public/p30/index.html");
    let sidebar = &html[html.find("<nav class=\"site-nav\"").unwrap()..];
    let sidebar = &sidebar[..sidebar.find("</nav>").unwrap() + 6];
    assert_snapshot!(sidebar);
}

#[test]
fn extra_dates_reach_templates_as_iso_strings_and_tera_builtins_work() {
    let g = GuideTest::fixture("templates");
    g.build_ok();
    let html = g.read("public/reviewed/index.html");
    let start = html.find("<dl class=\"review\">").expect("the review list");
    let review = &html[start..start + html[start..].find("</dl>").unwrap() + 5];
    assert!(!review.contains("[object]"), "{review}");
    // now() is the build's time: only its shape is stable.
    let built = review.find("<dd class=\"built\">").unwrap() + 18;
    let year = &review[built..built + 4];
    assert!(year.chars().all(|c| c.is_ascii_digit()), "{review}");
    assert_snapshot!(review.replace(year, "YYYY"));
}

#[test]
fn every_unknown_front_matter_key_is_reported() {
    let g = GuideTest::fixture("templates");
    g.write(
        "content/broken.md",
        "+++\ntitel = \"A\"\nweight = 1\nsulg = \"b\"\n+++\n\nText.\n",
    );
    let err = g.build_err();
    assert_snapshot!(err);
}

#[test]
fn docs_languages_are_highlighted_and_mdbook_attributes_pick_the_language() {
    let g = GuideTest::fixture("highlight");
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "no warning: {stderr}");
    let html = content_of(&g, "public/code/index.html");
    for lang in [
        "toml",
        "sh",
        "powershell",
        "dockerfile",
        "diff",
        "ini",
        "json5",
    ] {
        let at = html
            .find(&format!(
                "data-lang=\"{lang}\"><code><span class=\"hl-source"
            ))
            .unwrap_or_else(|| panic!("{lang} is not highlighted:\n{html}"));
        assert!(at > 0);
    }
    assert!(
        html.contains("<span class=\"hl-prompt\">$</span>"),
        "{html}"
    );
    assert_eq!(
        html.matches("data-lang=\"rust\"><code><span class=\"hl-source hl-rust")
            .count(),
        2,
        "{html}"
    );
    assert_snapshot!(html);
}

#[test]
fn an_unknown_code_language_is_plain_text_with_a_warning() {
    let g = GuideTest::fixture("highlight");
    g.write(
        "content/typo.md",
        "# Typo\n\nText.\n\n```pyhton\nprint(1)\n```\n",
    );
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "a warning does not fail the build: {stderr}"
    );
    assert!(
        content_of(&g, "public/typo/index.html")
            .contains("<pre class=\"code\" data-lang=\"pyhton\"><code>print(1)\n</code></pre>")
    );
    assert_snapshot!(stderr);
    let out = g.cmd(&["build", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn definition_lists_render_and_dollars_stay_as_written() {
    let g = GuideTest::fixture("deflists");
    g.build_ok();
    let html = content_of(&g, "public/glossary/index.html");
    assert!(
        html.contains("<dl>\n<dt>Psoas</dt>\n<dd>\n<p>A deep muscle"),
        "{html}"
    );
    assert_eq!(html.matches("<dd>").count(), 4, "{html}");
    assert!(
        html.contains("The tools cost $5 to $20; keep $HOME clean."),
        "{html}"
    );
    assert!(
        g.read("public/index.html")
            .contains("A price such as $5 or $10 stays as written.")
    );
    assert_snapshot!(html);
}

#[test]
fn math_becomes_mathml_when_the_guide_turns_it_on() {
    let g = GuideTest::fixture("math");
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "no warning: {stderr}");
    let html = content_of(&g, "public/dose/index.html");
    assert!(
        html.contains("<math display=\"inline\">"),
        "inline math: {html}"
    );
    assert!(
        html.contains("<math display=\"block\">"),
        "display math: {html}"
    );
    assert!(html.contains("<mfrac>"), "a fraction: {html}");
    let shown: String = html
        .split("<annotation")
        .map(|p| p.split_once("</annotation>").map_or(p, |x| x.1))
        .collect();
    assert!(
        !shown.contains("\\frac"),
        "no raw TeX outside the annotation: {html}"
    );
    assert!(html.contains("<code>$HOME</code>"), "{html}");
    assert!(html.contains("echo"), "{html}");
    assert!(!html.contains("<script"), "no JavaScript: {html}");
    assert!(g.read("public/index.html").contains("written $5."));
}

#[test]
fn a_formula_that_does_not_parse_is_a_located_error() {
    let g = GuideTest::fixture("math");
    g.write(
        "content/dose.md",
        "# Dose\n\nGrows as $\\nosuchcommand{x}$.\n",
    );
    let err = g.build_err();
    assert!(err.contains("math does not parse"), "{err}");
    assert!(err.contains("dose.md:3:10"), "{err}");
    assert_snapshot!(err);
}

#[test]
fn a_dollar_read_as_math_that_reads_like_prose_is_a_warning() {
    let g = GuideTest::fixture("math");
    g.write(
        "content/dose.md",
        "# Dose\n\nThe mat costs $5-$10 at most.\n",
    );
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("was read as a formula"), "{stderr}");
    assert!(stderr.contains("dose.md:3:15"), "{stderr}");
    assert!(
        stderr.contains("\\$"),
        "the hint names the escape: {stderr}"
    );
}

#[test]
fn tex_with_math_off_is_shown_as_written_with_a_warning() {
    let g = GuideTest::fixture("deflists");
    g.write(
        "content/glossary.md",
        "# Glossary\n\nForce is $F = m a^2$ and $$\\int_0^1 x\\,dx$$ here; $5 to $20 is fine.\n",
    );
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.matches("but math is off").count(), 2, "{stderr}");
    assert!(stderr.contains("glossary.md:3:10"), "{stderr}");
    assert!(stderr.contains("math = true"), "{stderr}");
    let html = content_of(&g, "public/glossary/index.html");
    assert!(html.contains("$F = m a^2$"), "{html}");
    assert!(html.contains("$5 to $20 is fine."), "{html}");
}

#[test]
fn mathjax_delimiters_are_named_with_the_syntax_guide_reads() {
    let g = GuideTest::fixture("math");
    g.write(
        "content/dose.md",
        "# Dose\n\nInline \\\\( x^2 \\\\) and\n\n\\\\[ \\mu = 1 \\\\]\n\nIn code `\\\\( y \\\\)` is fine.\n",
    );
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.matches("MathJax delimiters").count(), 2, "{stderr}");
    assert!(stderr.contains("dose.md:3:8"), "{stderr}");
    assert!(stderr.contains("dose.md:5:1"), "{stderr}");
}
