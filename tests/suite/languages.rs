//! A guide in any language (#17): the German, Japanese and Arabic fixtures carry their
//! language's `lang` and `dir`, show no English UI string (checked against the English
//! table), and find their own words with their own language's search.

use std::collections::BTreeMap;
use std::path::Path;

use super::harness::GuideTest;
use super::search::searcher;

/// Every output HTML file of a built guide, with its path.
fn pages(root: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(root.join("public"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().display().to_string();
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// A shipped table of the default theme: every entry's forms, by dotted key.
fn table(lang: &str) -> BTreeMap<String, Vec<String>> {
    let path = super::search::repo(&format!("themes/default/i18n/{lang}.toml"));
    let raw: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    flatten(&raw, "", &mut out);
    out
}

fn flatten(t: &toml::Table, prefix: &str, out: &mut BTreeMap<String, Vec<String>>) {
    for (k, v) in t {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key, vec![s.clone()]);
            }
            toml::Value::Table(inner) if inner.contains_key("other") => {
                let forms = inner.values().filter_map(|f| f.as_str().map(String::from));
                out.insert(key, forms.collect());
            }
            toml::Value::Table(inner) => flatten(inner, &key, out),
            _ => {}
        }
    }
}

/// The literal pieces (3+ letters) of the English UI strings that `lang` says otherwise.
fn english_pieces(lang: &str) -> Vec<(String, String)> {
    let (en, other) = (table("en"), table(lang));
    let mut out = Vec::new();
    for (key, forms) in &en {
        if key.starts_with("lang.") {
            continue; // language names are meant to appear in every language's switcher
        }
        let theirs = other.get(key).cloned().unwrap_or_default();
        for form in forms {
            if theirs.contains(form) {
                continue;
            }
            for piece in form.split(['{', '}']).step_by(2) {
                let piece = piece.trim_matches(|c: char| !c.is_alphanumeric());
                if piece.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                    out.push((key.clone(), piece.to_string()));
                }
            }
        }
    }
    out
}

/// `needle` as a whole word in `hay` (so `Tip` is not found in `Tipp`).
fn has_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What a reader is shown or told: text between tags, the attributes read aloud or shown
/// (`title`, `aria-label`, `placeholder`, `alt`, `content`), and guide.js's words blob's
/// values. Names (ids, classes, the blob's keys) are not words.
fn visible_words(html: &str) -> String {
    const OPEN: &str = "<script type=\"application/json\" id=\"guide-strings\">";
    let mut out = String::new();
    let (page, blob) = match html.find(OPEN) {
        Some(start) => {
            let end = start + html[start..].find("</script>").unwrap();
            (
                format!("{}{}", &html[..start], &html[end..]),
                Some(&html[start + OPEN.len()..end]),
            )
        }
        None => (html.to_string(), None),
    };
    if let Some(blob) = blob {
        let v: serde_json::Value = serde_json::from_str(blob).unwrap();
        for v in v.as_object().unwrap().values() {
            let forms: Vec<&serde_json::Value> = match v {
                serde_json::Value::Object(f) => f.values().collect(),
                other => vec![other],
            };
            for f in forms {
                out.push('\n');
                out.push_str(f.as_str().unwrap());
            }
        }
    }
    // Code is not words: inline scripts and styles are left out.
    let mut page = page;
    for (open, close) in [("<script", "</script>"), ("<style", "</style>")] {
        while let Some(at) = page.find(open) {
            let end = page[at..]
                .find(close)
                .map_or(page.len(), |e| at + e + close.len());
            page.replace_range(at..end, "");
        }
    }
    let mut rest = page.as_str();
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push('\n');
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt..lt + gt];
        for name in [
            "title=\"",
            "aria-label=\"",
            "placeholder=\"",
            "alt=\"",
            "content=\"",
        ] {
            if let Some(at) = tag.find(&format!(" {name}")) {
                let value = &tag[at + name.len() + 1..];
                out.push_str(value.split('"').next().unwrap_or(""));
                out.push('\n');
            }
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    out
}

fn check_language(fixture: &str, lang: &str, dir: &str) -> GuideTest {
    let g = GuideTest::fixture(fixture);
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("warning"),
        "a shipped language builds without warnings: {stderr}"
    );
    let pieces = english_pieces(lang);
    assert!(
        pieces.len() > 60,
        "only {} English pieces to look for",
        pieces.len()
    );
    let all = pages(&g.root);
    assert!(all.len() >= 5, "{all:?}");
    for (rel, page) in &all {
        let tag = format!("<html lang=\"{lang}\" dir=\"{dir}\">");
        assert!(page.contains(&tag), "{rel} lacks {tag}");
        let html = &visible_words(page);
        let left: Vec<_> = pieces.iter().filter(|(_, p)| has_word(html, p)).collect();
        assert!(
            left.is_empty(),
            "{rel} still shows English UI strings: {left:?}"
        );
    }
    g
}

#[test]
fn a_german_guide_speaks_german() {
    let g = check_language("lang-de", "de", "ltr");
    let page = g.read("public/druck/index.html");
    assert!(
        page.contains("<span class=\"pn-label\">Weiter</span>"),
        "{page}"
    );
    assert!(page.contains("callout-title\">Tipp</p>"), "{page}");
    assert!(page.contains("aria-label=\"Tabelle\""), "{page}");
    assert!(
        page.contains("5. März 2026"),
        "the review date is written in German: {page}"
    );
    assert!(
        page.contains("\"start\":\"Timer starten\""),
        "guide.js gets German words"
    );
    let mut s = searcher(&g.root.join("public"), "de");
    let hits = s.search("Dehnungen", 5);
    assert_eq!(
        hits.first().map(|h| h.url.as_str()),
        Some("dehnen/"),
        "{hits:?}"
    );
}

#[test]
fn a_japanese_guide_speaks_japanese() {
    let g = check_language("lang-ja", "ja", "ltr");
    let page = g.read("public/press/index.html");
    assert!(
        page.contains("<span class=\"pn-label\">次へ</span>"),
        "{page}"
    );
    assert!(page.contains("2026年3月5日"), "{page}");
    let mut s = searcher(&g.root.join("public"), "ja");
    let hits = s.search("ひざ立ち", 5);
    assert!(
        hits.first().is_some_and(|h| h.url.starts_with("stretch/")),
        "{hits:?}"
    );
}

#[test]
fn an_arabic_guide_is_right_to_left_and_speaks_arabic() {
    let g = check_language("lang-ar", "ar", "rtl");
    let page = g.read("public/press/index.html");
    assert!(
        page.contains("<span class=\"pn-label\">التالي</span>"),
        "{page}"
    );
    assert!(page.contains("callout-title\">نصيحة</p>"), "{page}");
    let print = g.read("public/print/index.html");
    assert!(
        print.contains("→ العودة إلى الدليل"),
        "the back arrow points right: {print}"
    );
    let css = std::fs::read_dir(g.root.join("public/static"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("style"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .unwrap();
    assert!(css.contains("[dir=\"rtl\"] .pn-prev .pn-label::before { content: \"→ \"; }"));
    assert!(
        !css.contains("padding-left") && !css.contains("margin-left"),
        "logical properties only"
    );
    let mut s = searcher(&g.root.join("public"), "ar");
    let hits = s.search("الركوع", 5);
    assert!(
        hits.first().is_some_and(|h| h.url.starts_with("stretch/")),
        "{hits:?}"
    );
}

#[test]
fn a_language_the_theme_lacks_is_english_with_one_warning() {
    let g = GuideTest::fixture("lang-de");
    g.edit("book.toml", "language = \"de\"", "language = \"it\"");
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.matches("warning:").count(), 1, "{stderr}");
    assert!(
        stderr.contains("no UI strings for language `it`"),
        "{stderr}"
    );
    assert!(g.read("public/druck/index.html").contains(">Next</span>"));
}

#[test]
fn book_toml_strings_override_the_theme_and_typos_are_located() {
    let g = GuideTest::fixture("lang-de");
    let toml = g.read("book.toml");
    g.write(
        "book.toml",
        format!("{toml}\n[strings]\n\"nav.next\" = \"Vorwärts\"\n"),
    );
    g.build_ok();
    assert!(
        g.read("public/druck/index.html")
            .contains(">Vorwärts</span>")
    );
    g.write(
        "book.toml",
        format!("{toml}\n[strings]\n\"nav.nxt\" = \"Vorwärts\"\n"),
    );
    let err = g.build_err();
    assert!(
        err.contains("[strings] has no UI string `nav.nxt`"),
        "{err}"
    );
    assert!(err.contains("did you mean `nav.next`?"), "{err}");
    assert!(err.contains("book.toml:12:2"), "{err}");
}

#[test]
fn one_guide_in_two_languages() {
    let g = GuideTest::fixture("lang-bilingual");
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.matches("warning:").count(), 1, "{stderr}");
    assert!(
        stderr.contains("content.de/02-stretch.md"),
        "the untranslated page is named: {stderr}"
    );
    // The default language at the root, German under de/, each with its own words.
    let en = g.read("public/press/index.html");
    let de = g.read("public/de/press/index.html");
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(de.contains("<html lang=\"de\" dir=\"ltr\">"));
    assert!(
        de.contains(">Druck halten</h1>") && de.contains(">Zurück</span>"),
        "{de}"
    );
    // The switcher goes to the same page in the other language, and hreflang says so.
    assert!(
        en.contains("<a href=\"../de/press/\" hreflang=\"de\" lang=\"de\">Deutsch</a>"),
        "{en}"
    );
    assert!(
        de.contains("<a href=\"../../press/\" hreflang=\"en\" lang=\"en\">English</a>"),
        "{de}"
    );
    assert!(
        de.contains("hreflang=\"de\" lang=\"de\" aria-current=\"page\">Deutsch</a>"),
        "{de}"
    );
    for page in [&en, &de] {
        assert!(page.contains(
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/hip/press/\">"
        ));
        assert!(page.contains(
            "<link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/hip/de/press/\">"
        ));
        assert!(page.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/hip/press/\">"));
    }
    // A page not translated yet: shown from English, marked, its text marked as English.
    let fallback = g.read("public/de/stretch/index.html");
    assert!(fallback.contains("<html lang=\"de\""));
    assert!(fallback.contains("class=\"fallback-note\" role=\"note\">Diese Seite ist noch nicht auf Deutsch übersetzt. Sie wird auf English angezeigt.</p>"), "{fallback}");
    assert!(
        fallback.contains("<div class=\"content\" lang=\"en\">"),
        "{fallback}"
    );
    assert!(!en.contains("fallback-note"));
    // Print view, search index and sitemap per language.
    assert!(
        g.read("public/de/print/index.html")
            .contains("<html lang=\"de\"")
    );
    assert!(
        g.read("public/de/sitemap.xml")
            .contains("https://example.org/hip/de/press/")
    );
    assert!(
        g.read("public/robots.txt")
            .contains("Sitemap: https://example.org/hip/de/sitemap.xml")
    );
    assert!(!g.path("public/de/robots.txt").exists());
    assert!(
        !g.path("public/de/404.html").exists(),
        "hosts serve the root's 404 page only"
    );
    let mut s = searcher(&g.root.join("public/de"), "de");
    let hits = s.search("Bauchnabel", 5);
    assert_eq!(
        hits.first().map(|h| h.url.as_str()),
        Some("press/"),
        "{hits:?}"
    );
    let mut s = searcher(&g.root.join("public"), "en");
    assert!(
        s.search("Bauchnabel", 5).is_empty(),
        "the English index has no German page"
    );
    // `guide check` lists what is left to translate.
    let check = g.cmd(&["check"]);
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(
        check.status.success() && err.contains("content.de/02-stretch.md"),
        "{err}"
    );
}

#[test]
fn a_language_without_its_folder_is_an_error() {
    let g = GuideTest::fixture("lang-bilingual");
    std::fs::remove_dir_all(g.path("content.de")).unwrap();
    let err = g.build_err();
    assert!(
        err.contains("[languages.de] has no content folder content.de"),
        "{err}"
    );
}
