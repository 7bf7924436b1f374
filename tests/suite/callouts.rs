//! Callouts: the five GitHub alert types, custom titles on the marker line, aliases, and an
//! error for an unknown type.

use insta::assert_snapshot;

use crate::harness::GuideTest;

#[test]
fn types_titles_and_aliases() {
    let g = GuideTest::fixture("callouts");
    g.build_ok();
    let main = g.main_of("public/index.html");
    for class in ["note", "tip", "important", "warning", "caution"] {
        // The warning titled "Stop if it hurts" is also a stop-if block (stop_if.rs).
        let stop = if class == "warning" {
            " callout-stop"
        } else {
            ""
        };
        assert!(
            main.contains(&format!(
                "<div class=\"callout callout-{class}{stop}\" role=\"note\">"
            )),
            "{class}: {main}"
        );
    }
    assert!(main.contains("<p class=\"callout-title\"><span class=\"visually-hidden\">Warning: </span>Stop if it hurts</p>\n<p>Pain means you went too far.</p>"), "{main}");
    assert!(main.contains("<div class=\"callout callout-caution\" role=\"note\">\n<p class=\"callout-title\"><span class=\"visually-hidden\">Danger: </span>Never bounce</p>"), "{main}");
    assert!(main.contains("<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Info</p>"), "{main}");
    assert!(
        main.contains("<blockquote>\n<p>A plain quote stays a quote.</p>\n</blockquote>"),
        "{main}"
    );
    assert!(!main.contains("[!"), "{main}");
    assert_snapshot!(main);
}

#[test]
fn unknown_type_lists_the_valid_ones() {
    let g = GuideTest::fixture("callouts");
    g.edit("content/_index.md", "[!TIP]", "[!TIPP]");
    let err = g.build_err();
    assert!(
        err.contains("error: unknown callout type `[!TIPP]`"),
        "{err}"
    );
    assert!(err.contains("--> content/_index.md:8:3"), "{err}");
    assert!(err.contains("did you mean `[!TIP]`?"), "{err}");
    assert!(
        err.contains("NOTE, TIP, IMPORTANT, WARNING and CAUTION"),
        "{err}"
    );
    assert_snapshot!(err);
}
