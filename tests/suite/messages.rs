//! Messages that must not mislead: each names the real cause, points at the author's own
//! input (never at a comment or at the bundled guide's files), and names doc sections that
//! exist. Also: collisions of pages and files with what guide generates.

use insta::assert_snapshot;

use crate::harness::{GuideTest, fixtures};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_link_to_a_draft_says_it_is_a_draft_and_names_drafts_flag() {
    let g = GuideTest::fixture("basic");
    g.write(
        "content/02-location.md",
        "# Location\n\nSee [the draft](04-draft.md).\n",
    );
    let err = g.build_err();
    assert_snapshot!("draft_link", err);
    assert!(err.contains("link to a draft page"), "{err}");
    assert!(err.contains("--drafts"), "{err}");
    assert!(!err.contains("no such file"), "{err}");
    // With drafts included the same link is fine.
    assert!(g.cmd(&["build", "--drafts"]).status.success());
}

#[test]
fn a_bad_base_url_flag_points_at_the_flag_not_at_book_toml() {
    let g = GuideTest::fixture("basic");
    g.edit(
        "book.toml",
        "[build]",
        "# base-url = \"example.org\" is how not to write it\n[build]",
    );
    let o = g.cmd(&["build", "--base-url", "example.org"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("--base-url `example.org`"), "{err}");
    assert!(!err.contains("book.toml:"), "points into book.toml: {err}");
}

#[test]
fn a_bad_base_url_in_book_toml_points_at_its_line_not_a_comment() {
    let g = GuideTest::fixture("basic");
    g.edit(
        "book.toml",
        "language = \"en\"",
        "language = \"en\"\n# base-url = \"example.org\"\nbase-url = \"example.org\"",
    );
    let err = g.build_err();
    assert!(err.contains("--> book.toml:7:13"), "{err}");
}

#[test]
fn hints_never_quote_the_bundled_guide_in_someone_elses_guide() {
    let g = GuideTest::fixture("basic");
    g.write(
        "content/02-location.md",
        "# Location\n\n[gone](nothing-like-it-at-all.md) [a](#nowhere-near-anything-here)\n\n![](diagrams/photo.png)\n",
    );
    let err = g.build_err();
    for bundled in ["psoas", "asis", "02-location.md#", "find-the"] {
        assert!(!err.contains(bundled), "hint quotes `{bundled}`: {err}");
    }
    assert!(
        err.contains("![what it shows](diagrams/photo.png)"),
        "{err}"
    );
}

#[test]
fn front_matter_type_errors_name_a_doc_section_that_exists() {
    let g = GuideTest::fixture("basic");
    g.edit(
        "content/03-stretches/01-lunge.md",
        "title = \"Lunge\"",
        "title = \"Lunge\"\nweight = \"ten\"",
    );
    let err = g.build_err();
    assert!(err.contains("docs/authoring.md#front-matter"), "{err}");
}

/// Every `docs/<file>.md#anchor` named anywhere in the sources is a heading of that file.
#[test]
fn every_doc_section_a_hint_names_exists() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut named = 0;
    for e in walkdir::WalkDir::new(repo.join("src")) {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        for (at, _) in text.match_indices("docs/") {
            let rest = &text[at..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || "/.#-_".contains(c)))
                .unwrap_or(rest.len());
            let Some((file, anchor)) = rest[..end].split_once('#') else {
                continue;
            };
            let doc = std::fs::read_to_string(repo.join(file))
                .unwrap_or_else(|_| panic!("{}: names missing {file}", e.path().display()));
            let anchors: Vec<String> = doc
                .lines()
                .filter(|l| l.starts_with('#'))
                .map(|l| github_slug(l.trim_start_matches('#').trim()))
                .collect();
            assert!(
                anchors.iter().any(|a| a == anchor),
                "{} names {file}#{anchor}, which is not a heading there (have: {anchors:?})",
                e.path().display()
            );
            named += 1;
        }
    }
    assert!(
        named >= 2,
        "expected hints naming doc sections, found {named}"
    );
}

fn github_slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

#[test]
fn template_syntax_errors_have_no_stray_equals_sign() {
    let g = GuideTest::fixture("basic");
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html"),
    )
    .unwrap();
    g.write(
        "themes/default/templates/page.html",
        page.replacen("{%- block title", "{{ oops( }}{%- block title", 1),
    );
    let err = g.build_err();
    assert!(err.starts_with("error: template error: expected"), "{err}");
    assert!(
        err.contains("--> themes/default/templates/page.html:"),
        "{err}"
    );
}

#[test]
fn init_on_a_non_empty_folder_is_not_a_build_error() {
    let g = GuideTest::fixture("basic");
    let o = g.cmd(&["init", "."]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("is not empty"), "{err}");
    assert!(!err.contains("the guide has"), "{err}");
    assert!(!err.contains("nothing was written"), "{err}");
}

#[test]
fn init_help_lists_only_what_init_uses() {
    let g = GuideTest::fixture("basic");
    let help = String::from_utf8_lossy(&g.cmd(&["init", "--help"]).stdout).into_owned();
    for flag in ["--drafts", "--base-url", "--output", "--deny-warnings"] {
        assert!(!help.contains(flag), "init --help lists {flag}:\n{help}");
    }
    let build = String::from_utf8_lossy(&g.cmd(&["build", "--help"]).stdout).into_owned();
    for flag in ["--drafts", "--base-url", "--output", "--deny-warnings"] {
        assert!(build.contains(flag), "build --help lacks {flag}:\n{build}");
    }
}

#[test]
fn pages_and_files_never_replace_generated_files() {
    let g = GuideTest::fixture("collisions");
    let err = g.build_err();
    assert_snapshot!("collisions", err);
    for (mine, theirs) in [
        ("content/404.html", "`404.html`"),
        ("content/robots.txt", "`robots.txt`"),
        ("content/search/meta.json", "`search/meta.json`"),
        (
            "content/static/style.0123abcd.css",
            "a static file of the theme",
        ),
        ("content/printing.md", "the print view"),
        (
            "content/guide-page/index.html",
            "the page content/guide-page.md",
        ),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(mine) && l.starts_with("error:"))
            .unwrap_or_else(|| panic!("no error for {mine}:\n{err}"));
        assert!(line.contains(theirs), "{line}");
    }
    assert!(err.contains("the guide has 6 errors"), "{err}");
    assert!(fixtures().join("collisions/content/404.html").is_file());
}
