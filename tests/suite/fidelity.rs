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
