//! Health-guide features over the `health` fixture: clinical review (page, print view,
//! JSON-LD, overdue and missing warnings), long descriptions of figures (disclosure,
//! `aria-describedby`, long alt warning) and stop-if blocks (required by book.toml).

use assert_cmd::Command;
use insta::assert_snapshot;

use crate::harness::GuideTest;

/// `guide build` on `today`; returns stderr, asserting success.
fn build_on(g: &GuideTest, today: &str) -> String {
    let out = Command::cargo_bin("guide")
        .unwrap()
        .current_dir(&g.root)
        .env("NO_COLOR", "1")
        .env("GUIDE_TODAY", today)
        .arg("build")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "build failed:\n{err}");
    err
}

/// The page's main node (the one that is not HowTo or BreadcrumbList).
fn main_node(html: &str) -> serde_json::Value {
    let start = html.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    let doc: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    doc["@graph"][0].clone()
}

#[test]
fn review_is_shown_on_pages_print_view_and_json_ld() {
    let g = GuideTest::fixture("health");
    build_on(&g, "2026-12-01");
    let reviewed = g.read("public/reviewed/index.html");
    assert!(
        reviewed.contains("Reviewed by Dr Example Person, MD (example) on <time datetime=\"2026-03-15\">15 March 2026</time>."),
        "{reviewed}"
    );
    let node = main_node(&reviewed);
    assert_eq!(node["@type"], "MedicalWebPage");
    assert_eq!(node["reviewedBy"]["@type"], "Person");
    assert_eq!(node["reviewedBy"]["name"], "Dr Example Person");
    assert_eq!(node["reviewedBy"]["honorificSuffix"], "MD (example)");
    assert_eq!(node["lastReviewed"], "2026-03-15");
    // The book's default reviewer applies where a page names none.
    let home = main_node(&g.read("public/index.html"));
    assert_eq!(home["reviewedBy"]["name"], "Example Reviewer");
    assert_eq!(home["lastReviewed"], "2026-06-01");
    let unreviewed = g.read("public/unreviewed/index.html");
    assert!(unreviewed.contains("Not yet clinically reviewed; text last checked against its source on <time datetime=\"2026-11-20\">20 November 2026</time>."), "{unreviewed}");
    let node = main_node(&unreviewed);
    assert!(node.get("reviewedBy").is_none() && node.get("lastReviewed").is_none());
    let print = g.read("public/print/index.html");
    assert!(print.contains("Reviewed by Dr Example Person"));
    assert!(print.contains("Not yet clinically reviewed; text last checked"));
}

#[test]
fn overdue_missing_and_unreviewed_pages_warn_at_their_keys() {
    let g = GuideTest::fixture("health");
    let err = build_on(&g, "2026-12-01");
    assert!(
        err.contains(
            "warning: clinical review is overdue: last reviewed 2025-01-10, due 2026-01-10"
        ),
        "{err}"
    );
    assert!(err.contains("content/overdue.md:5:1"), "{err}");
    assert!(
        err.contains("warning: page is not yet clinically reviewed"),
        "{err}"
    );
    assert!(err.contains("content/unreviewed.md:5:1"), "{err}");
    // A year earlier nothing is overdue.
    let err = build_on(&g, "2025-12-01");
    assert!(!err.contains("overdue"), "{err}");
    // A page without any review, where the book requires one (no book default).
    g.edit("book.toml", "reviewer = { name = \"Example Reviewer\", credentials = \"PT (example)\" }\nlast-reviewed = 2026-06-01\n", "");
    let err = build_on(&g, "2026-12-01");
    assert!(
        err.contains("warning: page has no clinical review"),
        "{err}"
    );
    assert!(err.contains("content/steps.md:1:1"), "{err}");
}

#[test]
fn health_warnings_snapshot() {
    let g = GuideTest::fixture("health");
    let err = build_on(&g, "2026-12-01");
    let err = err.replace(g.root.to_str().unwrap(), "[ROOT]");
    assert_snapshot!("health_warnings", err);
}

#[test]
fn a_figure_long_description_is_a_disclosure_wired_by_aria_describedby() {
    let g = GuideTest::fixture("health");
    build_on(&g, "2026-12-01");
    let page = g.main_of("public/steps/index.html");
    assert!(
        page.contains("aria-describedby=\"figure-1-desc\""),
        "{page}"
    );
    let details = &page[page
        .find("<details class=\"figure-description\">")
        .expect(&page)..];
    assert!(details.starts_with("<details class=\"figure-description\">\n<summary>Description of figure 1</summary>\n<div id=\"figure-1-desc\">\n<p>A box holding two steps.</p>"), "{details}");
    assert!(details.contains("<li>Step 2 follows it, to the right.</li>"));
    assert!(!page.contains("[!DESCRIPTION]"), "{page}");
    // The description's bullets are not steps of the HowTo.
    let html = g.read("public/steps/index.html");
    let start = html.find("application/ld+json\">").unwrap() + 21;
    let end = start + html[start..].find("</script>").unwrap();
    let doc: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(doc["@graph"][1]["step"].as_array().unwrap().len(), 2);
    // The print view prints it open, ids prefixed consistently.
    let print = g.read("public/print/index.html");
    assert!(print.contains("aria-describedby=\"page-steps--figure-1-desc\""));
    assert!(print.contains("<details class=\"figure-description\" open>"));
    assert!(print.contains("id=\"page-steps--figure-1-desc\""));
}

#[test]
fn long_alt_text_and_a_missing_stop_if_warn() {
    let g = GuideTest::fixture("health");
    let err = build_on(&g, "2026-12-01");
    assert!(
        err.contains("warning: alt text of `diagrams/steps.svg` is 151 characters long"),
        "{err}"
    );
    assert!(err.contains("content/nostop.md:8:1"), "{err}");
    assert!(err.contains("`> [!DESCRIPTION]`"), "{err}");
    assert!(
        err.contains("warning: page has steps but no stop-if block"),
        "{err}"
    );
    assert!(err.contains("content/nostop.md:5:1"), "{err}");
    assert!(!err.contains("content/steps.md:5"), "{err}");
    let steps = g.main_of("public/steps/index.html");
    assert!(steps.contains("<div class=\"callout callout-caution callout-stop\" role=\"note\">\n<p class=\"callout-title\"><span class=\"visually-hidden\">Caution: </span>Stop if</p>"), "{steps}");
    let print = g.read("public/print/index.html");
    assert!(print.contains("callout-stop"));
    // Not required: no warning.
    g.edit(
        "book.toml",
        "require-stop-if = true",
        "require-stop-if = false",
    );
    assert!(!build_on(&g, "2026-12-01").contains("stop-if"));
}

#[test]
fn the_bundled_guide_says_it_is_not_reviewed_and_builds_without_warnings() {
    let g = GuideTest::bundled();
    let err = build_on(&g, "2026-12-01");
    assert!(!err.contains("warning"), "{err}");
    for page in ["index.html", "anatomy/index.html", "release/index.html"] {
        let html = g.read(&format!("public/{page}"));
        assert!(html.contains("Not yet clinically reviewed; text last checked against its source on <time datetime=\"2026-12-01\">1 December 2026</time>."), "{page}");
        assert!(main_node(&html).get("reviewedBy").is_none());
    }
    let release = g.main_of("public/release/index.html");
    assert_eq!(
        release
            .matches("<details class=\"figure-description\">")
            .count(),
        2
    );
}
