//! Incremental rebuilds give exactly what a fresh full build gives (the full build is the
//! oracle), while re-rendering only what an edit touched.

use std::path::PathBuf;

use guide::{BuildOptions, Session};

use crate::harness::GuideTest;

/// Rebuilds after `rels` changed and checks the result against a fresh full build.
fn checked(s: &mut Session, g: &GuideTest, rels: &[&str]) -> guide::Built {
    let changed: Vec<PathBuf> = rels.iter().map(|r| g.path(r)).collect();
    let b = s.rebuild(&changed).unwrap();
    let differ = differing(&b.tree, &full(g));
    assert!(
        differ.is_empty(),
        "rebuild after {rels:?} differs from a full build in {differ:?}"
    );
    b
}

/// The output paths whose bytes differ between two trees (or that only one of them has).
pub fn differing(a: &guide::output::OutputTree, b: &guide::output::OutputTree) -> Vec<String> {
    let mut out: Vec<String> = a
        .files
        .iter()
        .filter(|(k, v)| b.files.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect();
    out.extend(
        b.files
            .keys()
            .filter(|k| !a.files.contains_key(*k))
            .cloned(),
    );
    out.sort();
    out
}

fn full(g: &GuideTest) -> guide::output::OutputTree {
    guide::build(&BuildOptions {
        root: g.root.clone(),
        ..Default::default()
    })
    .unwrap()
    .tree
}

#[test]
fn rebuild_matches_full_build_after_each_edit() {
    let g = GuideTest::fixture("basic");
    let mut s = Session::new(BuildOptions {
        root: g.root.clone(),
        ..Default::default()
    });
    let first = s.build().unwrap();
    assert_eq!(first.rendered, first.pages);

    // A body edit: only that page goes through the templates again.
    g.edit(
        "content/01-anatomy.md",
        "Intro with",
        "An edited intro with",
    );
    let b = checked(&mut s, &g, &["content/01-anatomy.md"]);
    assert_eq!(b.rendered, 1, "only the edited page re-rendered");
    assert!(
        String::from_utf8_lossy(&b.tree.files["anatomy/index.html"]).contains("An edited intro")
    );

    // A title edit: the page and those that show its title (its section, its neighbour in
    // reading order, the navigation around it) are re-rendered, not the whole guide.
    g.edit(
        "content/03-stretches/01-lunge.md",
        "title = \"Lunge\"",
        "title = \"Kneeling lunge\"",
    );
    let b = checked(&mut s, &g, &["content/03-stretches/01-lunge.md"]);
    assert!(
        b.rendered >= 2 && b.rendered < b.pages,
        "{} of {} pages re-rendered",
        b.rendered,
        b.pages
    );
    // A top-level page's title is in every page's navigation: everything is re-rendered.
    g.edit(
        "content/01-anatomy.md",
        "title: Anatomy",
        "title: Anatomy of the hip",
    );
    let b = checked(&mut s, &g, &["content/01-anatomy.md"]);
    assert_eq!(b.rendered, b.pages);
    // A description shows in the section's list of children.
    g.edit(
        "content/03-stretches/01-lunge.md",
        "title = \"Kneeling lunge\"",
        "title = \"Kneeling lunge\"\ndescription = \"Kneel and tuck.\"",
    );
    let b = checked(&mut s, &g, &["content/03-stretches/01-lunge.md"]);
    assert!(b.rendered < b.pages);

    // An asset edited in place; then the guide's only code block goes, and with it the
    // highlight stylesheet from every page's head and from the print view.
    g.edit(
        "content/diagrams/muscle.svg",
        "</svg>",
        "<circle r=\"1\"/></svg>",
    );
    checked(&mut s, &g, &["content/diagrams/muscle.svg"]);
    let fence = "```rust\nfn main() { println!(\"hi\"); }\n```\n";
    g.edit("content/01-anatomy.md", fence, "");
    let b = checked(&mut s, &g, &["content/01-anatomy.md"]);
    assert!(!String::from_utf8_lossy(&b.tree.files["print/index.html"]).contains("highlight."));
    g.edit(
        "content/01-anatomy.md",
        "1. First step.",
        &format!("{fence}\n1. First step."),
    );
    let b = checked(&mut s, &g, &["content/01-anatomy.md"]);
    assert!(String::from_utf8_lossy(&b.tree.files["print/index.html"]).contains("highlight."));

    // A page swapped for a symlink to a file outside the project is refused, as a full
    // build refuses it, though the path is one the last build knew.
    #[cfg(unix)]
    {
        let page = g.path("content/02-location.md");
        let kept = std::fs::read(&page).unwrap();
        let outside = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(outside.path(), "# Outside\n").unwrap();
        std::fs::remove_file(&page).unwrap();
        std::os::unix::fs::symlink(outside.path(), &page).unwrap();
        assert!(s.rebuild(std::slice::from_ref(&page)).is_err());
        assert!(
            guide::build(&BuildOptions {
                root: g.root.clone(),
                ..Default::default()
            })
            .is_err()
        );
        std::fs::remove_file(&page).unwrap();
        std::fs::write(&page, kept).unwrap();
        checked(&mut s, &g, &["content/02-location.md"]);
    }

    // New, removed and renamed pages.
    g.write("content/05-new.md", "# New page\n\nHello.\n");
    let b = checked(&mut s, &g, &["content/05-new.md"]);
    assert!(b.tree.files.contains_key("new/index.html"));
    std::fs::rename(g.path("content/05-new.md"), g.path("content/06-newer.md")).unwrap();
    let b = checked(&mut s, &g, &["content/05-new.md", "content/06-newer.md"]);
    assert!(
        !b.tree.files.contains_key("new/index.html")
            && b.tree.files.contains_key("newer/index.html")
    );

    // An error keeps the session usable; fixing it recovers.
    g.edit("content/02-location.md", "#my-id", "#gone");
    assert!(s.rebuild(&[g.path("content/02-location.md")]).is_err());
    g.edit("content/02-location.md", "#gone", "#my-id");
    checked(&mut s, &g, &["content/02-location.md"]);

    // Config and theme changes rebuild everything.
    g.edit(
        "book.toml",
        "title = \"Fixture Guide\"",
        "title = \"Renamed Guide\"",
    );
    checked(&mut s, &g, &["book.toml"]);
    let changed: Vec<PathBuf> = vec![];
    assert_eq!(s.rebuild(&changed).unwrap().tree, full(&g));
}

/// Appends `text` to the file at `rel`.
fn append(g: &GuideTest, rel: &str, text: &str) -> String {
    let before = g.read(rel);
    g.write(rel, format!("{before}{text}"));
    before
}

/// Issue 12's reproduction: an edit made while the build is failing (here, of another page)
/// shows once the failure is fixed, although the fixing rebuild is told only of the fix.
#[test]
fn an_edit_made_while_the_build_fails_shows_after_the_fix() {
    let g = GuideTest::bundled();
    let mut s = Session::new(BuildOptions {
        root: g.root.clone(),
        ..Default::default()
    });
    s.build().unwrap();
    let good = append(&g, "content/04-stretches.md", "\nSee [x](nope.md).\n");
    assert!(s.rebuild(&[g.path("content/04-stretches.md")]).is_err());
    append(
        &g,
        "content/03-release.md",
        "\nA sentence added meanwhile.\n",
    );
    assert!(s.rebuild(&[g.path("content/03-release.md")]).is_err());
    g.write("content/04-stretches.md", good);
    let b = checked(&mut s, &g, &["content/04-stretches.md"]);
    for file in ["release/index.html", "print/index.html"] {
        assert!(
            String::from_utf8_lossy(&b.tree.files[file]).contains("A sentence added meanwhile"),
            "{file}"
        );
    }
}

/// Found by `rebuild_props`: a page's Markdown was reused when only a file it includes
/// changed, appeared or disappeared.
#[test]
fn an_edited_include_re_renders_the_pages_that_include_it() {
    let g = GuideTest::fixture("basic");
    g.write("content/_shared/note.md", "A shared note.\n");
    g.edit(
        "content/02-location.md",
        "# Where it is\n",
        "# Where it is\n\n{{#include _shared/note.md}}\n",
    );
    let mut s = Session::new(BuildOptions {
        root: g.root.clone(),
        ..Default::default()
    });
    s.build().unwrap();
    g.write("content/_shared/note.md", "An edited shared note.\n");
    let b = checked(&mut s, &g, &["content/_shared/note.md"]);
    assert!(String::from_utf8_lossy(&b.tree.files["location/index.html"]).contains("An edited"));
    std::fs::remove_file(g.path("content/_shared/note.md")).unwrap();
    assert!(s.rebuild(&[g.path("content/_shared/note.md")]).is_err());
    g.write("content/_shared/note.md", "Back again.\n");
    checked(&mut s, &g, &["content/_shared/note.md"]);
}

/// Walk and watcher share one list of scratch names: an editor's `.bak` beside a diagram was
/// published, yet its edits never triggered a rebuild. Now it is neither.
#[test]
fn editor_backups_are_not_published() {
    let g = GuideTest::fixture("basic");
    g.write("content/diagrams/muscle.svg.bak", "<svg/>");
    g.write("content/diagrams/Thumbs.db", "x");
    let tree = full(&g);
    assert!(
        !tree
            .files
            .keys()
            .any(|k| k.ends_with(".bak") || k.ends_with("Thumbs.db")),
        "{:?}",
        tree.files.keys().collect::<Vec<_>>()
    );
    assert!(guide::serve::watch::is_scratch_name("muscle.svg.bak"));
}

/// Issue 19: the render-blocking highlighting stylesheet is linked only from the pages that
/// have code (and the print view, which holds them all); a page that gains or loses code is
/// the only page rendered again, and the result is still the full build's.
#[test]
fn the_highlight_stylesheet_is_linked_only_from_pages_with_code() {
    let g = GuideTest::fixture("basic");
    let mut s = Session::new(BuildOptions {
        root: g.root.clone(),
        ..Default::default()
    });
    let first = s.build().unwrap();
    let links = |b: &guide::Built, file: &str| {
        String::from_utf8_lossy(&b.tree.files[file]).contains("static/highlight.")
    };
    assert!(links(&first, "anatomy/index.html"), "the page with code");
    assert!(links(&first, "print/index.html"));
    for plain in ["location/index.html", "index.html", "404.html"] {
        assert!(!links(&first, plain), "{plain} has no code");
    }
    let fence = "```rust\nfn main() { println!(\"hi\"); }\n```\n";
    g.edit("content/01-anatomy.md", fence, "");
    let b = checked(&mut s, &g, &["content/01-anatomy.md"]);
    assert_eq!(b.rendered, 1, "only the page that lost its code");
    assert!(!links(&b, "anatomy/index.html") && !links(&b, "print/index.html"));
    append(&g, "content/02-location.md", &format!("\n{fence}"));
    let b = checked(&mut s, &g, &["content/02-location.md"]);
    assert_eq!(b.rendered, 1, "only the page that gained code");
    assert!(links(&b, "location/index.html") && !links(&b, "anatomy/index.html"));
}
