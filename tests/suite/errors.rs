//! Bad input: a clear error with file:line, exit code 1, and the previous output untouched.
//! Table-driven: each case breaks a good fixture in one way, after a first good build.

use crate::harness::GuideTest;

struct Case {
    name: &'static str,
    breaks: fn(&GuideTest),
    expect: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "malformed book.toml",
        breaks: |g| {
            g.edit("book.toml", "[build]", "[build");
        },
        expect: &["error:", "--> book.toml:7:7", "hint:"],
    },
    Case {
        name: "unknown key in book.toml",
        breaks: |g| {
            g.edit("book.toml", "description =", "descripton =");
        },
        expect: &[
            "error: unknown key `descripton`",
            "--> book.toml:3:1",
            "did you mean `description`?",
        ],
    },
    Case {
        name: "bad YAML front matter",
        breaks: |g| {
            g.edit("content/01-anatomy.md", "title: Anatomy", "title: [Anatomy");
        },
        expect: &["error:", "--> content/01-anatomy.md:"],
    },
    Case {
        name: "unknown front matter key",
        breaks: |g| {
            g.edit(
                "content/03-stretches/01-lunge.md",
                "title = \"Lunge\"",
                "titel = \"Lunge\"",
            );
        },
        expect: &[
            "unknown key `titel`",
            "--> content/03-stretches/01-lunge.md:2:1",
            "did you mean `title`?",
        ],
    },
    Case {
        name: "image without alt text",
        breaks: |g| {
            g.edit(
                "content/01-anatomy.md",
                "![A small square picture.](diagrams/photo.png)",
                "![](diagrams/photo.png)",
            );
        },
        expect: &[
            "error: image `diagrams/photo.png` has no alt text",
            "--> content/01-anatomy.md:14:1",
            "hint: describe what the image shows",
        ],
    },
    Case {
        name: "missing image",
        breaks: |g| {
            g.edit(
                "content/01-anatomy.md",
                "](diagrams/photo.png)",
                "](diagrams/nope.png)",
            );
        },
        expect: &[
            "error: image `diagrams/nope.png` not found",
            "--> content/01-anatomy.md:14:1",
        ],
    },
    Case {
        name: "link to a missing page",
        breaks: |g| {
            g.edit(
                "content/02-location.md",
                "(01-anatomy.md#my-id)",
                "(01-anatomi.md)",
            );
        },
        expect: &[
            "error: link to a missing page: `01-anatomi.md`",
            "--> content/02-location.md:7:9",
            "did you mean `01-anatomy.md`?",
        ],
    },
    Case {
        name: "link to a missing anchor",
        breaks: |g| {
            g.edit("content/02-location.md", "#my-id", "#my-idd");
        },
        expect: &[
            "error: link to a missing anchor `#my-idd` on content/01-anatomy.md",
            "--> content/02-location.md:7:9",
            "did you mean `#my-id`?",
        ],
    },
    Case {
        name: "template syntax error",
        breaks: |g| {
            g.write(
                "themes/default/templates/404.html",
                "<p>one</p>\n<p>{% if %}</p>\n",
            );
        },
        expect: &[
            "error: template error",
            "--> themes/default/templates/404.html:2:",
        ],
    },
    Case {
        name: "template using an undefined variable",
        breaks: |g| {
            g.write(
                "themes/default/templates/404.html",
                "<p>one</p>\n<p>{{ nope.value }}</p>\n",
            );
        },
        expect: &[
            "error: template error",
            "nope.value",
            "--> themes/default/templates/404.html:2:",
            "not in this template's context",
        ],
    },
    Case {
        name: "duplicate URLs",
        breaks: |g| {
            g.write("content/anatomy.md", "# Again\n");
        },
        expect: &[
            "error: content/01-anatomy.md and content/anatomy.md both have the URL /anatomy/",
            "hint: rename one of the files",
        ],
    },
    Case {
        name: "non-UTF-8 Markdown",
        breaks: |g| {
            g.write("content/bad.md", b"# Fine\n\nnot \xff\xfe text\n");
        },
        expect: &[
            "error: content/bad.md is not valid UTF-8 (line 3, column 5",
            "save the file as UTF-8",
        ],
    },
    Case {
        name: "missing content folder",
        breaks: |g| {
            std::fs::rename(g.path("content"), g.path("elsewhere")).unwrap();
        },
        expect: &[
            "error: the content folder content does not exist",
            "book.toml",
        ],
    },
    Case {
        name: "hold timer without a time",
        breaks: |g| {
            g.edit("content/01-anatomy.md", "hold:30-90", "hold:soon");
        },
        expect: &[
            "error: `hold:soon` is not a hold time",
            "--> content/01-anatomy.md:",
        ],
    },
];

#[test]
fn each_bad_input_is_a_clear_error_and_the_output_survives() {
    for case in CASES {
        let g = GuideTest::fixture("basic");
        g.build_ok();
        let before = g.read("public/anatomy/index.html");
        (case.breaks)(&g);
        let err = g.build_err();
        for e in case.expect {
            assert!(err.contains(e), "[{}] expected {e:?} in:\n{err}", case.name);
        }
        assert!(err.contains("nothing was written"), "[{}] {err}", case.name);
        assert_eq!(
            g.read("public/anatomy/index.html"),
            before,
            "[{}] previous output changed",
            case.name
        );
        assert!(g.path("public/.guide-output").is_file(), "[{}]", case.name);
        // check agrees with build.
        assert_eq!(
            g.cmd(&["check"]).status.code(),
            Some(1),
            "[{}] check",
            case.name
        );
    }
}

#[test]
fn every_error_is_reported_at_once() {
    let g = GuideTest::fixture("basic");
    g.edit(
        "content/01-anatomy.md",
        "![A small square picture.](diagrams/photo.png)",
        "![](diagrams/photo.png)",
    );
    g.edit("content/02-location.md", "#my-id", "#nope");
    g.write("content/bad.md", b"\xff");
    let err = g.build_err();
    assert!(
        err.contains("has no alt text")
            && err.contains("missing anchor `#nope`")
            && err.contains("not valid UTF-8"),
        "{err}"
    );
    assert!(err.contains("the guide has 3 errors"), "{err}");
}

#[test]
fn dangerous_output_folders_are_refused() {
    let g = GuideTest::fixture("basic");
    g.write("mine/notes.txt", "my notes");
    for (out, why) in [
        (".", "it holds the project"),
        ("content", "content folder"),
        ("content/sub", "content folder"),
        ("mine", "was not made by guide"),
        ("..", "it holds the project"),
    ] {
        let o = g.cmd(&["build", "-o", out]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "-o {out}: {err}");
        assert!(
            err.contains("refusing to write the site into") && err.contains(why),
            "-o {out}: {err}"
        );
    }
    assert_eq!(g.read("mine/notes.txt"), "my notes");
    assert!(g.path("content/01-anatomy.md").is_file() && g.path("book.toml").is_file());
    // An empty folder, or one guide made, is fine.
    std::fs::create_dir(g.path("empty")).unwrap();
    assert!(g.cmd(&["build", "-o", "empty"]).status.success());
    assert!(g.cmd(&["build", "-o", "empty"]).status.success());
}

#[test]
fn bad_usage_exits_2() {
    let g = GuideTest::fixture("basic");
    assert_eq!(g.cmd(&["build", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(g.cmd(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        g.cmd(&["build", "--color", "purple"]).status.code(),
        Some(2)
    );
}

#[test]
fn no_book_toml_says_how_to_start() {
    let tmp = tempfile::tempdir().unwrap();
    let o = assert_cmd::Command::cargo_bin("guide")
        .unwrap()
        .arg("build")
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("guide init"));
}
