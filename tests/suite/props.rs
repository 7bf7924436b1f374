//! No panic on any input: property tests that write a project from generated `book.toml`,
//! front matter and Markdown, and run the whole pipeline through the library. A build may
//! succeed or report errors; it must never panic.
//!
//! Cases per property: `PROPTEST_CASES` (64 when unset, to keep CI short). Any panic found
//! here becomes a fixed test in `regressions.rs`.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// A project in a temp folder: `(path, bytes)` pairs relative to its root.
pub fn build_project(files: &[(String, Vec<u8>)]) -> Result<(), TestCaseError> {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("guide");
    for (rel, bytes) in files {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
    }
    run_build(&root);
    Ok(())
}

/// Runs the pipeline; `Ok` and `Err` are both fine, a panic fails the property.
pub fn run_build(root: &Path) {
    let result = guide::build(&guide::BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    });
    BUILT.with(|c| c.set(c.get() + usize::from(result.is_ok())));
    if let Err(diags) = &result {
        if std::env::var_os("GUIDE_PROPS_DEBUG").is_some() {
            eprintln!("{}", diags.render_plain().lines().next().unwrap_or(""));
        }
        assert!(!diags.is_empty(), "a failed build names at least one error");
        assert!(
            !diags.render_plain().trim().is_empty(),
            "a failed build explains itself"
        );
    }
}

thread_local! {
    /// Builds that succeeded on this thread (a property's cases run on its test's thread).
    static BUILT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

const BOOK: &str = "[book]\ntitle = \"Prop\"\n";

/// Text that stresses parsers: quotes, escapes, control and wide characters.
fn nasty_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 ._/-]{0,12}",
        2 => any::<String>().prop_map(|s| s.chars().take(24).collect()),
        1 => prop::sample::select(vec![
            "", " ", "..", "../..", "/", "\\", "\"", "'", "\n", "\u{0}", "\u{feff}", "#", "{#x}",
            "index", "index.html", "404", "print", "_index", "a/b", "é", "🦴", "%2e%2e", "?q=1",
            "<b>", "{{ x }}", "</script>", "&amp;",
        ])
        .prop_map(str::to_string),
    ]
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML value of the wrong type, as text.
fn toml_wrong() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<bool>().prop_map(|b| b.to_string()),
        Just("1.5".to_string()),
        Just("[]".to_string()),
        Just("[\"a\", 1]".to_string()),
        Just("{ a = 1 }".to_string()),
        Just("1979-05-27T07:32:00Z".to_string()),
        nasty_text().prop_map(|s| toml_str(&s)),
    ]
}

/// `ok` most of the time, else a value of any type.
fn mostly(ok: impl Strategy<Value = String> + 'static) -> BoxedStrategy<String> {
    prop_oneof![19 => ok, 1 => toml_wrong()].boxed()
}

fn toml_text() -> impl Strategy<Value = String> {
    nasty_text().prop_map(|s| toml_str(&s))
}

/// `book.toml`: the known keys with any text (now and then the wrong type), a misspelt key,
/// or garbage.
fn book_toml() -> impl Strategy<Value = String> {
    let authors = prop::collection::vec(nasty_text(), 0..3).prop_map(|v| {
        let items: Vec<String> = v.iter().map(|s| toml_str(s)).collect();
        format!("[{}]", items.join(", "))
    });
    let base_url = prop_oneof![
        Just("https://example.org/".to_string()),
        Just("https://example.org/docs/psoas/".to_string()),
        Just("https://example.org".to_string()),
        Just("http://x".to_string()),
        Just("/relative/".to_string()),
        nasty_text(),
    ]
    .prop_map(|s| toml_str(&s));
    let language =
        prop::sample::select(vec!["en", "fr", "", "x-ü", "zh-Hant-TW"]).prop_map(toml_str);
    // Paths stay inside the project: walking `/` is slow, not a bug.
    let path = |v: Vec<&'static str>| prop::sample::select(v).prop_map(toml_str);
    let structured = (
        mostly(toml_text()),
        prop::option::of(mostly(toml_text())),
        prop::option::of(mostly(authors)),
        prop::option::of(mostly(language)),
        prop::option::of(mostly(base_url)),
        prop::option::of(mostly(path(vec!["content", "content", "docs", "", ".", "content/sub", "missing"]))),
        prop::option::of(mostly(path(vec!["public", "out/site", "", "content/out"]))),
        prop::option::of(mostly(path(vec!["default", "default", "none", "Default"]))),
        prop::option::of(mostly(any::<bool>().prop_map(|b| b.to_string()))),
        prop_oneof![
            6 => Just(""),
            1 => prop::sample::select(vec!["[extra]\nx = 1\n", "[book]\n", "titel = \"typo\"\n", "[build\n"]),
        ],
    )
        .prop_map(|(title, desc, authors, lang, base, content, output, theme, drafts, tail)| {
            let mut s = format!("[book]\ntitle = {title}\n");
            let mut put = |k: &str, v: Option<String>| {
                if let Some(v) = v {
                    s.push_str(&format!("{k} = {v}\n"));
                }
            };
            put("description", desc);
            put("authors", authors);
            put("language", lang);
            put("base-url", base);
            let build = [("content", content), ("output", output), ("theme", theme), ("drafts", drafts)];
            if build.iter().any(|(_, v)| v.is_some()) {
                s.push_str("[build]\n");
                for (k, v) in build {
                    if let Some(v) = v {
                        s.push_str(&format!("{k} = {v}\n"));
                    }
                }
            }
            s.push_str(tail);
            s
        });
    prop_oneof![
        12 => structured,
        1 => any::<String>(),
        1 => Just(String::new()),
    ]
}

/// Front matter: TOML or YAML, the known keys with any text (now and then the wrong type, an
/// unknown key or a broken fence).
fn front_matter() -> impl Strategy<Value = String> {
    let fields = || {
        (
            prop::option::of(nasty_text()),
            prop::option::of(nasty_text()),
            prop::option::of(any::<i64>()),
            prop::option::of(any::<bool>()),
            prop::option::of(prop_oneof![3 => "[a-z0-9-]{1,10}", 1 => nasty_text()]),
            prop::option::of(prop::sample::select(vec![
                "page.html",
                "section.html",
                "nope.html",
                "base.html",
                "404.html",
            ])),
            prop::option::of(nasty_text()),
            prop::sample::select(vec![
                "",
                "",
                "",
                "",
                "",
                "",
                "tags = 1",
                "weight = \"x\"",
                "title = [1]",
            ]),
        )
    };
    let toml_fm = fields().prop_map(|(t, d, w, dr, sl, tp, ex, odd)| {
        let mut s = String::from("+++\n");
        let mut put = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                s.push_str(&format!("{k} = {v}\n"));
            }
        };
        put("title", t.as_deref().map(toml_str));
        put("description", d.as_deref().map(toml_str));
        put("weight", w.map(|w| w.to_string()));
        put("draft", dr.map(|b| b.to_string()));
        put("slug", sl.as_deref().map(toml_str));
        put("template", tp.map(toml_str));
        if !odd.is_empty() && !s.contains(odd.split(' ').next().unwrap_or("")) {
            s.push_str(odd);
            s.push('\n');
        }
        if let Some(ex) = ex {
            s.push_str(&format!("[extra]\nnote = {}\n", toml_str(&ex)));
        }
        s.push_str("+++\n");
        s
    });
    let yaml_fm = fields().prop_map(|(t, d, w, dr, sl, tp, ex, _)| {
        let q = |s: &str| serde_json::to_string(s).unwrap();
        let mut s = String::from("---\n");
        let mut put = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                s.push_str(&format!("{k}: {v}\n"));
            }
        };
        put("title", t.as_deref().map(q));
        put("description", d.as_deref().map(q));
        put("weight", w.map(|w| w.to_string()));
        put("draft", dr.map(|b| b.to_string()));
        put("slug", sl.as_deref().map(q));
        put("template", tp.map(q));
        put(
            "extra",
            ex.as_deref().map(|e| format!("{{note: {}}}", q(e))),
        );
        s.push_str("---\n");
        s
    });
    prop_oneof![
        5 => toml_fm,
        5 => yaml_fm,
        2 => Just(String::new()),
        1 => any::<String>().prop_map(|s| format!("+++\n{s}\n+++\n")),
        1 => any::<String>().prop_map(|s| format!("---\n{s}\n---\n")),
        1 => prop::sample::select(vec![
            "+++\ntitle = \"never closed\"\n", "---\n", "---\ntitle: [\n---\n", "---\n&a x: *a\n---\n",
            "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n", "---\nfoo: bar\n---\n",
        ])
        .prop_map(str::to_string),
    ]
}

/// Markdown built from the pieces guide gives meaning to, in any order, plus raw text; now
/// and then one piece that is an author's mistake (a broken link, an image without alt).
fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(vec![
            "# Title\n", "## Part {#custom}\n", "### Sub part\n", "####### seven\n", "## {#}\n",
            "# \n", "Setext\n===\n", "- item\n", "  - nested\n", "1. one\n", "- [ ] task\n",
            "- [x] done\n", "> quote\n", "> [!NOTE]\n> note\n", "> [!WARNING]\n", "> [!TIP]\n> > [!CAUTION]\n",
            "> [!BOGUS]\n> x\n", ">>>> deep\n", "```rust\nfn main() {}\n```\n", "```\n",
            "```unknown-lang\nx\n```\n", "~~~\ncode\n", "    indented code\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n", "| a |\n|:-:|\n", "[^1]\n", "[^1]: note\n",
            "[^x]: \n", "[ext](https://example.org)\n", "![A diagram](diagrams/a.svg)\n",
            "![A diagram](diagrams/a.svg \"Title\")\n", "Text ![inline](diagrams/a.svg) text\n",
            "![x](https://example.org/x.png)\n", "<div>\n", "</div>\n", "<script>x</script>\n",
            "<!-- c\n", "*em* **strong** ~~del~~\n", "\"smart\" -- quotes...\n",
            "Hold 30 to 90 seconds.\n", "hold 5 seconds\n", "hold 99999999999999999999 seconds\n",
            "hold 90 to 30 seconds\n", "Hold for 0 seconds\n", "\n", "\n\n", "---\n", "+++\n",
            "\t\ttab\n", "\r\n", "\\", "`", "<", "&amp;", "&#0;", "[", "]", "(", ")", "{", "}",
            "|", "\u{0}", "{{ page.title }}", "{% raw %}", "<https://example.org>", "[](#)\n",
            "[top](#)\n", "[mail](mailto:a@b.c)\n", "$$x$$\n", "<img src=x>\n",
        ])
        .prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(40).collect()),
    ];
    let mistake = prop::option::weighted(
        0.08,
        prop::sample::select(vec![
            "[self](#custom)\n",
            "[missing](#nowhere)\n",
            "[page](other.md)\n",
            "[page](other.md#part)\n",
            "[gone](gone.md)\n",
            "[up](../x.md)\n",
            "![](diagrams/a.svg)\n",
            "![Photo](diagrams/b.png)\n",
            "![Missing](nope.svg)\n",
        ]),
    );
    (
        prop::collection::vec(piece, 0..24),
        mistake,
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut v, mistake, at)| {
            if let Some(m) = mistake {
                let i = at.index(v.len() + 1);
                v.insert(i, m.to_string());
            }
            v.concat()
        })
}

/// Content file names: ordering prefixes, slug clashes, odd characters.
fn page_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "other.md",
            "01-other.md",
            "02-other.md",
            "part/_index.md",
            "part/01-deep.md",
            "part/other.md",
            "404.md",
            "print.md",
            "search.md",
            "static.md",
            "index.md",
            "é t é.md",
            "UPPER.MD",
            "a.b.md",
            "-.md",
            "99999999999999999999-x.md",
            "diagrams/c.md",
        ])
        .prop_map(str::to_string),
        "[a-z0-9-]{1,8}(/[a-z0-9-]{1,8})?\\.md",
    ]
}

fn svg() -> Vec<u8> {
    br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="currentColor"/></svg>"#.to_vec()
}

/// Records one line for the CI log of the gates (`target/tmp/gates/<name>.txt`, printed by
/// scripts/gates/gates.sh), and prints it (shown with `--nocapture`).
pub fn gate_summary(name: &str, line: &str) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gates");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("{name}.txt")), format!("{line}\n"));
    eprintln!("{line}");
}

/// Runs one property for the configured number of cases, recording the count and time in
/// `target/tmp/gates/` for the CI log (scripts/gates/gates.sh prints it).
fn check<S: Strategy>(
    name: &str,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let cfg = config();
    let cases = cfg.cases;
    let mut runner = TestRunner::new(cfg);
    let ran = AtomicUsize::new(0);
    let start = Instant::now();
    BUILT.with(|c| c.set(0));
    let result = runner.run(&strategy, |v| {
        ran.fetch_add(1, Ordering::Relaxed);
        test(v)
    });
    let verdict = match &result {
        Ok(()) => "no panic".to_string(),
        Err(e) => format!("FAILED: {e}"),
    };
    gate_summary(
        &format!("props-{name}"),
        &format!(
            "fuzz: proptest props::{name}: {cases} cases, {} builds ({} built, the rest clear errors), {verdict}, {:.1}s",
            ran.load(Ordering::Relaxed),
            BUILT.with(|c| c.get()),
            start.elapsed().as_secs_f64()
        ),
    );
    if let Err(e) = result {
        panic!("props::{name}: {e}");
    }
}

/// Any `book.toml` (with a valid landing page).
#[test]
fn any_book_toml() {
    check("any_book_toml", book_toml(), |book| {
        build_project(&[
            ("book.toml".into(), book.into_bytes()),
            ("content/_index.md".into(), b"# Home\n".to_vec()),
            ("docs/_index.md".into(), b"# Docs\n".to_vec()),
            ("content/sub/_index.md".into(), b"# Sub\n".to_vec()),
        ])
    });
}

/// Any front matter on the landing page and a section page.
#[test]
fn any_front_matter() {
    check(
        "any_front_matter",
        (front_matter(), front_matter(), markdown()),
        |(home, page, body)| {
            build_project(&[
                ("book.toml".into(), BOOK.into()),
                (
                    "content/_index.md".into(),
                    format!("{home}# Home\n").into_bytes(),
                ),
                (
                    "content/other.md".into(),
                    format!("{page}{body}").into_bytes(),
                ),
                ("content/diagrams/a.svg".into(), svg()),
            ])
        },
    );
}

/// Any Markdown over several pages, with assets beside them.
#[test]
fn any_markdown() {
    let fm = prop_oneof![2 => Just(String::new()), 1 => front_matter()];
    let pages = prop::collection::vec((page_name(), fm, markdown()), 1..5);
    let png = prop::collection::vec(any::<u8>(), 0..64);
    check(
        "any_markdown",
        (pages, markdown(), png),
        |(pages, home, png)| {
            let mut files = vec![
                ("book.toml".to_string(), BOOK.as_bytes().to_vec()),
                ("content/_index.md".to_string(), home.into_bytes()),
                ("content/diagrams/a.svg".to_string(), svg()),
                ("content/diagrams/b.png".to_string(), png),
            ];
            for (name, fm, body) in pages {
                files.push((
                    format!("content/{name}"),
                    format!("{fm}{body}").into_bytes(),
                ));
            }
            build_project(&files)
        },
    );
}

/// Any text as a page, and raw bytes: invalid UTF-8, NULs, anything.
#[test]
fn any_bytes_as_page() {
    let bytes = prop_oneof![
        3 => any::<String>().prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..512),
    ];
    check("any_bytes_as_page", bytes, |bytes| {
        build_project(&[
            ("book.toml".into(), BOOK.into()),
            ("content/_index.md".into(), b"# Home\n".to_vec()),
            ("content/raw.md".into(), bytes),
        ])
    });
}
