//! Unit tests of the book's numbering and fragment rewrites.

use super::rewrite::{relabel_first as relabel, shift_headings};
use super::*;

#[test]
fn headings_shift_and_stop_at_h6() {
    let html = "<h2 id=\"a\">A</h2><hr><header></header><h5>B</h5><p>h2</p>";
    assert_eq!(
        shift_headings(html, 1),
        "<h3 id=\"a\">A</h3><hr><header></header><h6>B</h6><p>h2</p>"
    );
    assert_eq!(shift_headings("<h6>x</h6>", 2), "<h6>x</h6>");
    assert_eq!(shift_headings("<h2>x</h2>", 0), "<h2>x</h2>");
}

#[test]
fn standalone_numbers_only() {
    let l = |n: usize| (n == 2).then(|| "3.2".to_string());
    assert_eq!(relabel("see Figure 2 above", l), "see Figure 3.2 above");
    assert_eq!(
        relabel("Figure 12 and 2.5 and 2", l),
        "Figure 12 and 2.5 and 3.2"
    );
    assert_eq!(
        relabel("<b class=\"x2\">2</b>", l),
        "<b class=\"x2\">3.2</b>"
    );
}

fn book(anchors: &[(&str, Option<usize>, usize)]) -> Book {
    Book {
        places: Vec::new(),
        by_anchor: anchors
            .iter()
            .map(|(a, c, o)| (a.to_string(), (*c, *o)))
            .collect(),
        key: [0; 32],
        figures: Vec::new(),
    }
}

#[test]
fn captions_and_cross_references_get_the_books_numbers() {
    let b = book(&[("page-release", Some(3), 1), ("page-home", None, 0)]);
    let html = concat!(
        "<figure id=\"page-release--figure-1\"><figcaption><span class=\"figure-number\">Figure 1.</span> X</figcaption></figure>",
        "<details class=\"figure-description\">\n<summary>Description of figure 1</summary></details>",
        "<a href=\"#page-release--figure-1\">see Figure 1</a> <a href=\"#page-home--figure-1\">Figure 1</a>",
        " <a href=\"#page-release--intro\">1 thing</a>"
    );
    let out = rewrite::renumber_figures(html, "page-release", &b);
    assert!(
        out.contains("<span class=\"figure-number\">Figure 3.2.</span>"),
        "{out}"
    );
    assert!(out.contains(">see Figure 3.2</a>"), "{out}");
    assert!(
        out.contains("<summary>Description of figure 3.2</summary>"),
        "{out}"
    );
    assert!(out.contains("#page-home--figure-1\">Figure 1</a>"), "{out}");
    assert!(out.contains(">1 thing</a>"), "{out}");
}
