//! Paper and phone (#16): the print view as a book (chapter outline, figure numbers unique
//! across the guide, running heads), handouts, and the 404 page that works at any path.
//! The PDF checks (page counts in headless Chromium) are in `pdf.rs`.

use crate::harness::GuideTest;

/// Every `<hN ... class="print-page-title">` level of the print view, in order.
fn title_levels(print: &str) -> Vec<u8> {
    print
        .match_indices(" class=\"print-page-title\"")
        .map(|(i, _)| print.as_bytes()[i - 1] - b'0')
        .collect()
}

#[test]
fn print_view_is_a_book_with_chapters_and_unique_figure_numbers() {
    let g = GuideTest::bundled();
    g.build_ok();
    let print = g.read("public/print/index.html");
    // One cover heading (the view's one h1); the landing page prints as the introduction,
    // each section as a chapter h2, its headings one level below.
    assert_eq!(print.matches("class=\"print-cover-title\"").count(), 1);
    assert_eq!(print.matches("<h1").count(), 1, "one top-level heading");
    assert_eq!(title_levels(&print), [2, 2, 2, 2, 2, 2]);
    assert!(print.contains("<span class=\"print-num\">3</span> Releasing the trigger point</h2>"));
    assert!(print.contains("<h3 id=\"page-release--how-much-pressure\""));
    let numbers: Vec<&str> = print
        .split("<span class=\"figure-number\">")
        .skip(1)
        .map(|s| &s[..s.find("</span>").unwrap()])
        .collect();
    let unique: std::collections::HashSet<_> = numbers.iter().collect();
    assert_eq!(unique.len(), numbers.len(), "{numbers:?}");
    assert!(numbers.contains(&"Figure 3.2."), "{numbers:?}");
    assert!(print.contains("<summary>Description of figure 3.2</summary>"));
    // Running heads: each chapter on its own named page.
    assert!(
        print.contains("@page ch-3 { @top-right { content: \"3 Releasing the trigger point\"; } }")
    );
    assert!(print.contains("class=\"print-page print-depth-1 print-ch-3\""));
}

#[test]
fn nested_pages_print_one_level_down_and_cross_references_follow_the_numbers() {
    let g = GuideTest::bundled();
    g.write(
        "content/06-extra/_index.md",
        "# Extra\n\n![A chart.](../diagrams/find-asis.svg \"One\")\n",
    );
    g.write(
        "content/06-extra/more.md",
        "# More\n\n## Part\n\nSee [Figure 1](#figure-1) and [figure 1 there](_index.md#figure-1).\n\n![A chart.](../diagrams/find-asis.svg \"Again\")\n",
    );
    g.build_ok();
    let print = g.read("public/print/index.html");
    assert_eq!(title_levels(&print), [2, 2, 2, 2, 2, 2, 2, 3]);
    assert!(print.contains("<span class=\"print-num\">6.1</span> More</h3>"));
    assert!(
        print.contains("<h4 id=\"page-extra-more--part\""),
        "headings one level down"
    );
    // The section page has chapter 6's first figure: the nested page's first is 6.2.
    assert!(print.contains("Figure 6.1.</span> One"));
    assert!(print.contains("Figure 6.2.</span> Again"));
    assert!(print.contains(">Figure 6.2</a>"), "link text renumbered");
    assert!(
        print.contains(">figure 6.1 there</a>"),
        "link to another page's figure"
    );
}

#[test]
fn handouts_for_pages_with_steps_with_a_qr_code_when_base_url_is_set() {
    let g = GuideTest::bundled();
    g.edit(
        "book.toml",
        "[book]\n",
        "[book]\nbase-url = \"https://example.org/guide/\"\n",
    );
    g.build_ok();
    let h = g.read("public/handout/release/index.html");
    assert!(h.contains("<h1 class=\"handout-title\">Releasing the trigger point</h1>"));
    assert!(h.contains("<span class=\"hold-label\">Hold for 30 to 90 seconds</span>"));
    assert!(h.contains("callout-warning") && h.contains("callout-caution"));
    assert!(h.contains("<svg class=\"handout-qr\" role=\"img\" aria-label=\"QR code: https://example.org/guide/release/\""));
    assert!(!h.contains("callout-tip"), "only safety callouts");
    assert!(
        h.contains("src=\"../../diagrams/") || h.contains("<svg"),
        "figures kept"
    );
    assert!(
        !h.contains("aria-describedby"),
        "descriptions are not on the sheet"
    );
    // The page links its handout; a page without steps has none; nor has the home page.
    assert!(
        g.read("public/release/index.html")
            .contains("href=\"../handout/release/\"")
    );
    assert!(!g.path("public/handout/anatomy/index.html").exists());
    assert!(!g.path("public/handout/home/index.html").exists());
}

#[test]
fn the_404_page_is_self_contained_and_finds_the_root() {
    let g = GuideTest::bundled();
    g.build_ok();
    let nf = g.read("public/404.html");
    assert!(!nf.contains("<link rel=\"stylesheet\"") && !nf.contains("<script src"));
    assert!(nf.contains("<style>") && nf.contains("a[data-root-rel]"));
    assert!(nf.contains("<a href=\"/\" data-root-rel=\"\">"));
    // The landing page's body links every section: no second list of them.
    assert!(!g.read("public/index.html").contains("class=\"child-list\""));
}

#[test]
fn a_print_view_over_five_megabytes_is_split_by_top_level_section() {
    let g = GuideTest::bundled();
    let para = "Press slowly into the tender spot and breathe out, letting the muscle soften. ";
    for n in 1..=3 {
        let mut text = format!("# Long part {n}\n\nSee [the first part](big-1.md#part-1-10).\n\n");
        for i in 0..200 {
            text.push_str(&format!("## Part {n} {i}\n\n{}\n\n", para.repeat(120)));
        }
        g.write(&format!("content/big-{n}.md"), &text);
    }
    g.build_ok();
    let main = g.read("public/print/index.html");
    assert!(main.len() < 5 * 1024 * 1024, "{} bytes", main.len());
    // Chapters 6 to 8 are the long ones; each chapter is a file of its own.
    for k in 1..=8 {
        let part = g.read(&format!("public/print/{k}/index.html"));
        assert!(part.len() < 5 * 1024 * 1024);
        assert!(
            part.contains("href=\"../../static/style."),
            "assets re-rooted"
        );
        assert!(part.contains("<a href=\"../\">Contents</a>"));
    }
    assert!(
        main.contains("href=\"6/#page-big-1\""),
        "contents link the parts"
    );
    let p7 = g.read("public/print/7/index.html");
    assert!(
        p7.contains("href=\"../6/#page-big-1--part-1-10\""),
        "cross-part link"
    );
    assert!(!main.contains("id=\"page-big-1\""));
}
