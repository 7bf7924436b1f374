//! `guide import mdbook`: each bad input refused with a clear error, and mdBook's own user
//! guide (`../shared/corpus/mdbook-guide`, when present) imported and built with every old
//! URL redirecting and every heading id of mdBook's build present.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::harness::copy_dir;

fn guide(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("guide")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

fn small_book(root: &Path) {
    let w = |rel: &str, text: &str| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w(
        "book.toml",
        "[book]\ntitle = \"Small\"\n\n[output.html]\nmathjax-support = true\nsite-url = \"https://example.org/books/small/\"\n",
    );
    w(
        "src/SUMMARY.md",
        "# Summary\n\n[Intro](README.md)\n\n- [Part A](a/README.md)\n  - [One](a/one.md)\n- [Draft]()\n",
    );
    w(
        "src/README.md",
        "# Intro\n\nSee [one](a/one.html#c-code) and [a][r], and [Vec](../std/vec/struct.Vec.html).\n\n[r]: ./a/README.md\n",
    );
    w(
        "src/a/README.md",
        "# Part A\n\n## Hello, World!\n\nArea \\\\( \\pi r^2 \\\\) and `\\\\( kept \\\\)`.\n",
    );
    w(
        "src/a/one.md",
        "# One\n\n## C++ `code`\n\n```rust,ignore\n# fn hidden() {}\nfn main() {}\n```\n",
    );
}

fn err_of(out: &std::process::Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn bad_inputs_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("book");
    let s = |p: &Path| p.to_str().unwrap().to_string();
    std::fs::create_dir_all(&src).unwrap();
    let dest = tmp.path().join("out");
    let err = err_of(&guide(&["import", "mdbook", &s(&src), &s(&dest)]));
    assert!(err.contains("error: no book.toml in"), "{err}");
    small_book(&src);
    std::fs::remove_file(src.join("src/SUMMARY.md")).unwrap();
    let err = err_of(&guide(&["import", "mdbook", &s(&src), &s(&dest)]));
    assert!(err.contains("error: no SUMMARY.md in"), "{err}");
    small_book(&src);
    std::fs::remove_file(src.join("src/a/one.md")).unwrap();
    let err = err_of(&guide(&["import", "mdbook", &s(&src), &s(&dest)]));
    assert!(
        err.contains("error: SUMMARY.md names a missing file `a/one.md`"),
        "{err}"
    );
    assert!(err.contains("--> src/SUMMARY.md:6:1"), "{err}");
    assert!(!dest.exists(), "nothing written on error");
    small_book(&src);
    std::fs::create_dir_all(&dest).unwrap();
    std::fs::write(dest.join("x"), "").unwrap();
    let err = err_of(&guide(&["import", "mdbook", &s(&src), &s(&dest)]));
    assert!(err.contains("is not an empty folder"), "{err}");
}

#[test]
fn small_book_imports_builds_and_is_idempotent() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("book");
    small_book(&src);
    let before = tree(&src);
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    for d in [&a, &b] {
        let out = guide(&[
            "import",
            "mdbook",
            src.to_str().unwrap(),
            d.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(report.contains("Imported 3 pages"), "{report}");
        assert!(
            report.contains("book.toml:5: mathjax-support → [build] math"),
            "{report}"
        );
        assert!(
            report.contains("src/SUMMARY.md:7: draft chapter `Draft`"),
            "{report}"
        );
    }
    assert_eq!(tree(&a), tree(&b), "two imports give the same tree");
    assert_eq!(tree(&src), before, "SRC untouched");
    let intro = std::fs::read_to_string(a.join("content/_index.md")).unwrap();
    assert!(
        intro.contains("[one](a/one.md#c-code)") && intro.contains("[r]: a/_index.md"),
        "{intro}"
    );
    let out = guide(&["build", a.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(a.join("public/a/one/index.html")).unwrap();
    assert!(
        page.contains("id=\"c-code\"") && page.contains("id=\"one\""),
        "{page}"
    );
    assert!(
        page.contains("<summary>Show 1 hidden line</summary>"),
        "{page}"
    );
    let home = std::fs::read_to_string(a.join("public/index.html")).unwrap();
    assert!(
        home.contains("href=\"https://example.org/books/std/vec/struct.Vec.html\""),
        "a link leaving the book goes beside it, by site-url: {home}"
    );
    let part = std::fs::read_to_string(a.join("content/a/_index.md")).unwrap();
    assert!(
        part.contains("Area $\\pi r^2$ and `\\\\( kept \\\\)`."),
        "MathJax delimiters become $ math outside code: {part}"
    );
    let html = std::fs::read_to_string(a.join("public/a/index.html")).unwrap();
    assert!(html.contains("<mi>π</mi>"), "{html}");
    let old = std::fs::read_to_string(a.join("public/a/one.html")).unwrap();
    assert!(old.contains("url=../a/one/\""), "{old}");
}

#[test]
fn links_leaving_a_book_without_site_url_get_a_proposal_and_located_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("book");
    let w = |rel: &str, text: &str| {
        let p = src.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w("book.toml", "[book]\ntitle = \"S\"\n");
    w("src/SUMMARY.md", "# Summary\n\n- [One](a/one.md)\n");
    w(
        "src/a/one.md",
        "# One\n\n[Vec](../../std/vec/index.html), [Box](../../std/boxed/).\n",
    );
    let dest = tmp.path().join("guide");
    let out = guide(&[
        "import",
        "mdbook",
        src.to_str().unwrap(),
        dest.to_str().unwrap(),
    ]);
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{report}");
    assert!(
        report.contains("src/a/one.md:3: 2 links leave the book through `../std/`"),
        "{report}"
    );
    let toml = std::fs::read_to_string(dest.join("book.toml")).unwrap();
    assert!(
        toml.contains("[links]\n# \"../std/\" = \"https://example.org/std/\""),
        "{toml}"
    );
    let out = guide(&["build", dest.to_str().unwrap()]);
    let err = err_of(&out);
    assert!(err.contains("leaves the content folder"), "{err}");
    assert!(err.contains("[links]"), "the hint names the table: {err}");
}

fn tree(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(root).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The ids of mdBook 0.5's build of the corpus, page by page: tests/fixtures/mdbook-guide-ids.txt.
#[test]
fn mdbook_user_guide_imports_with_every_url_and_id() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/mdbook-guide");
    if !corpus.is_dir() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("book");
    copy_dir(&corpus, &src);
    let dest = tmp.path().join("guide");
    let out = guide(&[
        "import",
        "mdbook",
        src.to_str().unwrap(),
        dest.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = guide(&["build", dest.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !err.contains("error"), "{err}");
    assert!(
        !err.contains("MathJax"),
        "every MathJax formula converted: {err}"
    );
    let math = std::fs::read_to_string(dest.join("public/format/mathjax/index.html")).unwrap();
    assert!(
        math.contains("<math display=\"block\">") && math.contains("<mfrac>"),
        "the MathJax chapter's formulas are MathML: {math}"
    );
    let public = dest.join("public");
    let ids = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mdbook-guide-ids.txt"),
    )
    .unwrap();
    let mut missing = Vec::new();
    for line in ids.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (page, id) = line.split_once('#').unwrap();
        // The old URL must answer (a page or a redirect to one)...
        let old = public.join(page);
        let html = std::fs::read_to_string(&old)
            .unwrap_or_else(|_| panic!("old URL {page} is not served"));
        let html = match html.split_once("http-equiv=\"refresh\" content=\"0; url=") {
            Some((_, rest)) => {
                let to = rest.split('"').next().unwrap().split('#').next().unwrap();
                std::fs::read_to_string(old.parent().unwrap().join(to).join("index.html")).unwrap()
            }
            None => html,
        };
        // ...and hold the heading id mdBook gave.
        if !html.contains(&format!("id=\"{id}\"")) {
            missing.push(line.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "ids of mdBook's build missing: {missing:?}"
    );
    // No directive left unprocessed: every `{{#` shown is one of the source's `\{{#` examples.
    let mut escaped = std::collections::HashSet::new();
    for (p, bytes) in tree(&src.join("src")) {
        if p.extension().is_some_and(|e| e == "md") {
            let t = String::from_utf8_lossy(&bytes).into_owned();
            for (i, _) in t.match_indices("\\{{#") {
                escaped.insert(t[i + 1..].split("}}").next().unwrap().to_string());
            }
        }
    }
    for (p, bytes) in tree(&public) {
        let t = String::from_utf8_lossy(&bytes);
        for (i, _) in t.match_indices("{{#") {
            let d = t[i..].split("}}").next().unwrap();
            let known = [
                "{{#include",
                "{{#rustdoc_include",
                "{{#playground",
                "{{#title",
            ];
            if known.iter().any(|k| d.starts_with(k)) && d.contains(char::is_whitespace) {
                assert!(escaped.contains(d), "{}: unprocessed `{d}`", p.display());
            }
        }
    }
}
