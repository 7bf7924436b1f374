//! Raw HTML in Markdown and inlined SVG: URLs rewritten and checked like Markdown's, and
//! sanitised by default, every removal a located warning (`tests/fixtures/raw-html`).

use insta::assert_snapshot;

use crate::harness::GuideTest;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn raw_html_urls_are_rewritten_from_the_pages_own_url() {
    let g = GuideTest::fixture("raw-html");
    g.build_ok();
    let kit = g.main_of("public/gear/kit/index.html");
    for want in [
        "<img src=\"../../img/ball.png\" alt=\"A massage ball, the size of a fist\">",
        "<a href=\"../../\">home</a>",
        "<source srcset=\"../../img/ball.png 1x, ../../img/ball.png 2x\" type=\"image/png\">",
        "<video src=\"../../gear/clip.webm\" poster=\"../../img/ball.png\" controls width=\"320\" height=\"180\">",
        "<track src=\"../../gear/clip.vtt\" kind=\"captions\" srclang=\"en\" label=\"English\" default>",
        "<a href=\"#ball\">the ball</a>",
    ] {
        assert!(kit.contains(want), "missing {want}\n{kit}");
    }
    let home = g.main_of("public/index.html");
    assert!(
        home.contains("<a href=\"./gear/kit/#the-kit\">the kit</a>"),
        "{home}"
    );
    assert!(
        home.contains("<img src=\"./img/ball.png\" alt=\"A massage ball\""),
        "{home}"
    );
}

#[test]
fn nothing_that_runs_script_reaches_the_page_and_each_removal_is_a_warning() {
    let g = GuideTest::fixture("raw-html");
    let out = g.cmd(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = String::from_utf8_lossy(&out.stdout);
    // 17 removals, and two from the diagram audit: the pale mat (1.11:1) and, in the dark
    // theme, the ball (1.27:1) have no outline.
    assert!(summary.contains(", 19 warnings"), "{summary}");
    let kit = g.read("public/gear/kit/index.html");
    let main = g.main_of("public/gear/kit/index.html");
    for gone in [
        "alert",
        "onerror",
        "onload",
        "onclick",
        "<iframe",
        "<form",
        "<input",
        "javascript:",
        "foreignObject",
        "example.org",
        "@import",
        "<script",
    ] {
        assert!(!main.contains(gone), "{gone} reached the page:\n{main}");
    }
    // The theme's own scripts are the only ones on the page: as many as on a page without raw HTML.
    let plain = g.read("public/gear/index.html");
    assert_eq!(
        kit.matches("<script").count(),
        plain.matches("<script").count()
    );
    // The diagram is still inlined, its CSS scoped to it and following the theme.
    assert!(
        main.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{main}"
    );
    assert!(
        main.contains(" .ball{fill:var(--fig-accent,#0b6e75);stroke:currentColor;stroke-width:2;}"),
        "{main}"
    );
    assert!(
        main.contains(" body{display:none;}") && main.contains("<style>.guide-svg-"),
        "scoped: {main}"
    );
    assert_snapshot!("raw_html_warnings", stderr(&out));
}

#[test]
fn a_broken_raw_html_url_is_the_same_error_as_in_markdown() {
    let g = GuideTest::fixture("raw-html");
    g.edit(
        "content/gear/kit.md",
        "<img src=\"../img/ball.png\" alt=\"\">",
        "<img src=\"../img/bal.png\" alt=\"\">",
    )
    .edit(
        "content/gear/kit.md",
        "<a href=\"#the-kit\">top</a>",
        "<a href=\"#the-kits\">top</a>",
    )
    .edit(
        "content/gear/kit.md",
        "poster=\"../img/ball.png\"",
        "poster=\"../img/gone.png\"",
    )
    .edit(
        "content/gear/_index.md",
        "<a href=\"kit.md\">",
        "<a href=\"kits.md\">",
    )
    .edit("content/_index.md", " alt=\"A massage ball\"", "");
    let err = g.build_err();
    for (message, at) in [
        (
            "error: image `img/ball.png` has no alt text",
            "--> content/_index.md:8:1",
        ),
        (
            "error: link to a missing page: `kits.md`",
            "--> content/gear/_index.md:6:14",
        ),
        (
            "error: link to a missing anchor `#the-kits`",
            "--> content/gear/kit.md:10:65",
        ),
        (
            "error: image `../img/bal.png` not found",
            "--> content/gear/kit.md:15:11",
        ),
        (
            "error: `<video>` file `../img/gone.png` not found",
            "--> content/gear/kit.md:18:32",
        ),
    ] {
        let i = err
            .find(message)
            .unwrap_or_else(|| panic!("missing {message:?} in\n{err}"));
        let next = err[i..].lines().nth(1).unwrap_or("").trim();
        assert_eq!(next, at, "{message}");
    }
}

#[test]
fn trust_html_keeps_raw_html_as_written_with_urls_still_rewritten() {
    let g = GuideTest::fixture("raw-html");
    g.edit(
        "book.toml",
        "language = \"en\"",
        "language = \"en\"\n\n[build]\ntrust-html = true",
    );
    let out = g.cmd(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let main = g.main_of("public/gear/kit/index.html");
    assert!(main.contains("<img src=\"../../img/ball.png\" alt=\"A massage ball, the size of a fist\" onerror=\"alert(1)\">"), "{main}");
    assert!(
        main.contains("<script>alert(\"raw script\")</script>"),
        "{main}"
    );
    assert!(
        main.contains("<iframe src=\"https://example.org/\"></iframe>"),
        "{main}"
    );
    // Only the diagram's removals are left: trust-html is about raw HTML in Markdown.
    let err = stderr(&out);
    assert!(!err.contains("content/gear/kit.md"), "{err}");
    assert!(err.contains("content/img/hostile.svg"), "{err}");
}

#[test]
fn deny_warnings_fails_a_build_that_sanitised_something() {
    let g = GuideTest::fixture("raw-html");
    let out = g.cmd(&["build", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!g.path("public").exists(), "nothing written");
}
