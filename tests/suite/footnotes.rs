//! Footnotes: numbered by first citation, gathered under "Notes" at the end, linked both
//! ways, ids apart from heading ids; undefined citations are errors, unused notes warnings.

use insta::assert_snapshot;

use crate::harness::GuideTest;

#[test]
fn notes_are_gathered_and_linked_both_ways() {
    let g = GuideTest::fixture("footnotes");
    g.build_ok();
    let main = g.main_of("public/index.html");
    // The heading `## Used` keeps its id; the footnote `[^used]` has its own.
    assert!(main.contains("<h2 id=\"used\">"), "{main}");
    assert!(main.contains("<li id=\"fn:used\">"), "{main}");
    assert_eq!(main.matches("id=\"used\"").count(), 1, "{main}");
    // Cited twice: two references, two links back.
    assert!(main.contains("id=\"fnref:hold\""), "{main}");
    assert!(main.contains("id=\"fnref:hold:2\""), "{main}");
    assert!(main.contains("href=\"#fnref:hold:2\" class=\"footnote-backref\" aria-label=\"Back to reference 1 (2)\""), "{main}");
    // Gathered at the end, under a heading that is in the contents list.
    let notes = main
        .find("<section class=\"footnotes\">")
        .expect("a notes section");
    assert!(main[notes..].contains("<h2 id=\"notes\">Notes"), "{main}");
    assert!(
        main.contains("<a href=\"#notes\">Notes</a>"),
        "TOC entry: {main}"
    );
    assert!(main.find("Studies disagree").unwrap() > notes);
    // Numbered in order of first citation.
    let order: Vec<usize> = ["fn:hold", "fn:breath", "fn:used"]
        .iter()
        .map(|id| main.find(&format!("<li id=\"{id}\">")).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{main}");
    // `[^x]` in code and an escaped one in text are not citations.
    assert!(
        main.contains("<code>[^x]</code>") && main.contains("[^escaped]"),
        "{main}"
    );
    assert_snapshot!(main);
}

#[test]
fn undefined_footnote_is_an_error() {
    let g = GuideTest::fixture("footnotes");
    g.edit("content/_index.md", "too.[^used]", "too.[^usd][^used]");
    let err = g.build_err();
    assert!(
        err.contains("error: footnote `[^usd]` is not defined"),
        "{err}"
    );
    assert!(err.contains("--> content/_index.md:9:60"), "{err}");
    assert!(err.contains("`[^hold]`, `[^breath]`, `[^used]`"), "{err}");
    assert_snapshot!(err);
}

#[test]
fn unused_footnote_is_a_warning() {
    let g = GuideTest::fixture("footnotes");
    g.edit(
        "content/_index.md",
        "[^used]: Its",
        "[^spare]: Spare.\n[^used]: Its",
    );
    let out = g.cmd(&["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("warning: footnote `[^spare]` is defined but never cited"),
        "{err}"
    );
    assert!(err.contains("--> content/_index.md:16:1"), "{err}");
    assert!(!g.main_of("public/index.html").contains("Spare."));
    assert_eq!(g.cmd(&["build", "--deny-warnings"]).status.code(), Some(1));
}
