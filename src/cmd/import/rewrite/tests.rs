//! Chapter rewriting: relative links, mdBook's heading ids, includes, links that leave the book.

use super::*;

#[test]
fn relatives_and_ids() {
    assert_eq!(relative("a/b/", "a/c.md"), "../c.md");
    assert_eq!(relative("", "a/_index.md"), "a/_index.md");
    assert_eq!(normalize_id("Hello, World! `x`"), "hello-world-x");
    assert_eq!(normalize_id("Ünïcode Ä"), "Ünïcode-Ä".to_ascii_lowercase());
}

#[test]
fn links_that_leave_the_book_name_their_prefix() {
    assert_eq!(
        outside_prefix("a/", "../../std/x.html").as_deref(),
        Some("../std/")
    );
    assert_eq!(outside_prefix("", "../std/").as_deref(), Some("../std/"));
    assert_eq!(
        outside_prefix("", "../book/../std/a/b.html#c").as_deref(),
        Some("../std/")
    );
    assert_eq!(outside_prefix("", "../x.html").as_deref(), Some("../"));
    assert_eq!(outside_prefix("a/", "../b.md"), None);
    assert_eq!(outside_prefix("", "https://x.org/../y"), None);
    assert_eq!(outside_prefix("", "#top"), None);
}

#[test]
fn links_headings_includes() {
    let dest: HashMap<String, String> = [
        ("a/README.md", "a/_index.md"),
        ("a/b.md", "a/b.md"),
        ("README.md", "_index.md"),
    ]
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .into();
    let partials = ["a/part.md".to_string()].into();
    let book = Book {
        dest: &dest,
        partials: &partials,
        math: false,
        src_dir: std::path::Path::new("/nonexistent"),
        project: std::path::Path::new("/nonexistent"),
    };
    let text = "# Title\n\nSee [x](index.html#y), [b](b.html), [home](../README.md).\n\n## Two words!\n\n## Two words!\n\n[r]: ./b.md#z\n\n{{#include part.md}}\n";
    let (out, _, _, _) = chapter(text, "a/README.md", &book);
    assert!(out.contains("[x](_index.md#y)"), "{out}");
    assert!(out.contains("[b](b.md)"), "{out}");
    assert!(out.contains("[home](../_index.md)"), "{out}");
    assert!(out.contains("[r]: b.md#z"), "{out}");
    assert!(out.contains("# Title\n\n<div id=\"title\"></div>"), "{out}");
    assert!(
        out.contains("(guide import: the included file `part.md` did not exist)"),
        "{out}"
    );
}
