//! `{{#include}}`: Markdown partials spliced into pages, code listings by line range and by
//! anchor, escapes, and every way an include can fail, each at the directive's file:line:col
//! (or, for a problem inside an included file, at that file's own line).

use insta::assert_snapshot;

use crate::harness::GuideTest;

#[test]
fn shared_safety_text_appears_in_both_pages() {
    let g = GuideTest::fixture("includes");
    g.build_ok();
    for page in [
        "public/stretches/hamstring/index.html",
        "public/stretches/calf/index.html",
    ] {
        let main = g.main_of(page);
        assert!(
            main.contains("<h2 id=\"safety-first\">Safety first"),
            "{page}: {main}"
        );
        assert!(
            main.contains("<li>numbness or tingling.</li>"),
            "nested include in {page}"
        );
        assert!(
            main.contains("<a href=\"../../stretches/calf/#hold-it\">calf stretch</a>"),
            "a link in a partial is rewritten for the page: {main}"
        );
        assert!(!main.contains("{{#"), "{page}: {main}");
    }
    // An include inside a quote stays inside the quote (the `> ` prefix is repeated).
    let calf = g.main_of("public/stretches/calf/index.html");
    assert!(
        calf.contains("<blockquote>\n<p>Stop at once if you feel:</p>\n<ul>"),
        "{calf}"
    );
    // Partials are never pages or published files.
    assert!(!g.path("public/_shared").exists());
    assert!(!g.path("public/_listings").exists());
}

#[test]
fn code_listings_by_lines_and_anchor() {
    let g = GuideTest::fixture("includes");
    g.build_ok();
    let main = g.main_of("public/listing/index.html");
    let blocks: Vec<&str> = main.split("<pre class=\"code\"").skip(1).collect();
    assert_eq!(blocks.len(), 4, "{main}");
    for b in &blocks[..2] {
        assert!(b.contains("How long to hold a stretch."), "{b}");
        assert!(b.contains("from_secs"), "{b}");
        assert!(!b.contains("ANCHOR") && !b.contains("use std"), "{b}");
    }
    assert!(blocks[2].contains("println!") && !blocks[2].contains("from_secs"));
    // Escapes: the backslash is removed, the directive shown literally, in text and code.
    assert!(
        main.contains("a directive looks like {{#include file.rs:2:10}}, and"),
        "{main}"
    );
    assert!(blocks[3].contains("{{#include"), "{}", blocks[3]);
    assert!(main.contains("<code>{{#each items}}</code>"), "{main}");
    assert_snapshot!(main);
}

#[test]
fn rustdoc_include_and_playground_include_the_code() {
    let g = GuideTest::fixture("includes");
    g.write(
        "content/listing.md",
        "# L\n\n```rust\n{{#rustdoc_include _listings/timer.rs:hold}}\n```\n\n{{#playground _listings/timer.rs editable}}\n",
    );
    g.build_ok();
    let main = g.main_of("public/listing/index.html");
    let blocks: Vec<&str> = main.split("<pre class=\"code\"").skip(1).collect();
    assert_eq!(blocks.len(), 2, "{main}");
    assert!(blocks[0].contains("from_secs") && !blocks[0].contains("println!"));
    assert!(blocks[1].contains("data-lang=\"rust\"") && blocks[1].contains("println!"));
}

/// Builds the fixture with `page` added, expecting exit 1; returns stderr.
fn broken(page: &str, text: &str) -> String {
    let g = GuideTest::fixture("includes");
    g.write(page, text);
    g.build_err()
}

#[test]
fn missing_file_names_the_closest_one() {
    let err = broken(
        "content/extra.md",
        "# E\n\nText.\n\n{{#include _shared/safty.md}}\n",
    );
    assert!(err.contains("--> content/extra.md:5:1"), "{err}");
    assert!(err.contains("did you mean `_shared/safety.md`?"), "{err}");
    assert_snapshot!(err);
}

#[test]
fn missing_anchor_lists_the_anchors() {
    let err = broken(
        "content/extra.md",
        "```rust\n{{#include _listings/timer.rs:hodl}}\n```\n",
    );
    assert!(
        err.contains("error: `_listings/timer.rs` has no anchor `hodl`"),
        "{err}"
    );
    assert!(err.contains("--> content/extra.md:2:1"), "{err}");
    assert!(
        err.contains("anchors in `_listings/timer.rs`: `hold`"),
        "{err}"
    );
}

#[test]
fn line_range_past_the_end() {
    let err = broken(
        "content/extra.md",
        "```rust\n  {{#include _listings/timer.rs:10:40}}\n```\n",
    );
    assert!(
        err.contains("`_listings/timer.rs` has 12 lines; the include asks for lines 10 to 40"),
        "{err}"
    );
    assert!(err.contains("--> content/extra.md:2:3"), "{err}");
}

#[test]
fn include_cycle_names_the_chain() {
    let g = GuideTest::fixture("includes");
    g.write("content/_shared/a.md", "A\n\n{{#include b.md}}\n");
    g.write("content/_shared/b.md", "B\n\n{{#include a.md}}\n");
    g.write("content/extra.md", "# E\n\n{{#include _shared/a.md}}\n");
    let err = g.build_err();
    assert!(
        err.contains("error: include cycle: content/_shared/a.md → content/_shared/b.md → content/_shared/a.md"),
        "{err}"
    );
    assert!(err.contains("--> content/_shared/b.md:3:1"), "{err}");
    assert_snapshot!(err);
}

#[test]
fn broken_link_in_a_partial_points_at_the_partial() {
    let g = GuideTest::fixture("includes");
    g.edit(
        "content/_shared/stop-signs.md",
        "- numbness",
        "- [numbness](numb.md)",
    );
    let err = g.build_err();
    assert!(err.contains("link to a missing page: `numb.md`"), "{err}");
    assert!(
        err.contains("--> content/_shared/stop-signs.md:4:3"),
        "{err}"
    );
    assert!(!err.contains("--> content/stretches/"), "{err}");
}

#[test]
fn missing_anchor_of_a_link_in_a_partial_points_at_the_partial() {
    let g = GuideTest::fixture("includes");
    g.edit("content/_shared/safety.md", "#hold-it", "#hold-that");
    let err = g.build_err();
    assert!(
        err.contains("link to a missing anchor `#hold-that`"),
        "{err}"
    );
    assert!(err.contains("--> content/_shared/safety.md:3:49"), "{err}");
}

#[test]
fn unknown_directive_outside_code_is_an_error() {
    let err = broken(
        "content/extra.md",
        "# E\n\nBefore {{#toc}} after.\n\n```hbs\n{{#each x}}ok in code{{/each}}\n```\n",
    );
    assert!(
        err.contains("error: `{{#toc}}` is not a directive guide knows"),
        "{err}"
    );
    assert!(err.contains("--> content/extra.md:3:8"), "{err}");
    assert!(
        !err.contains("each"),
        "directives in code are left alone: {err}"
    );
    assert!(err.contains("1 error"), "{err}");
}

#[test]
fn include_outside_the_project_is_refused() {
    let g = GuideTest::fixture("includes");
    g.write("../secret.md", "secret\n");
    g.write("content/extra.md", "{{#include ../../secret.md}}\n");
    let err = g.build_err();
    assert!(
        err.contains("`../../secret.md` is outside the project"),
        "{err}"
    );
    assert!(!err.contains("secret\n"), "{err}");
}

#[test]
fn include_from_an_allowed_outside_folder() {
    let g = GuideTest::fixture("includes");
    g.write("../shared/note.md", "Shared from outside.\n");
    g.write(
        "content/extra.md",
        "# E\n\n{{#include ../../shared/note.md}}\n",
    );
    g.edit(
        "book.toml",
        "[build]",
        "[build]\nallow-outside = [\"../shared\"]",
    );
    g.build_ok();
    assert!(
        g.main_of("public/extra/index.html")
            .contains("<p>Shared from outside.</p>")
    );
}
