//! The shipped tables against English: a missing or misshapen string in any of them is a
//! test failure, and so is a key a template or guide.js asks for that English lacks.

use std::collections::BTreeSet;

use super::load::{Table, shipped};
use super::*;
use crate::render::theme::Theme;

/// The languages the default theme ships (the list; a new file must be added here).
const SHIPPED: [&str; 8] = ["en", "de", "fr", "es", "pt", "ja", "zh", "ar"];

fn table(lang: &str) -> Table {
    let theme = Theme::embedded();
    match shipped(&theme, lang) {
        Some(Ok((t, ()))) => t,
        Some(Err(d)) => panic!("i18n/{lang}.toml: {}", d.render_plain()),
        None => panic!("the theme ships no i18n/{lang}.toml"),
    }
}

#[test]
fn every_shipped_table_has_every_english_string() {
    let en = table("en");
    for lang in SHIPPED {
        let t = table(lang);
        let rules = Strings::new(lang, t.clone());
        let mut problems = Vec::new();
        for (key, en_text) in &en {
            match (en_text, t.get(key)) {
                (_, None) => problems.push(format!("missing `{key}`")),
                (Text::Plain(_), Some(Text::Plain(s))) if key == "date.format" => {
                    let allowed = BTreeSet::from(["day", "month", "month-number", "year"]);
                    if !placeholders(s).is_subset(&allowed) || !placeholders(s).contains("day") {
                        problems.push(format!("`date.format` {s:?}: use {{day}}, {{month}}, {{month-number}}, {{year}}"));
                    }
                }
                (Text::Plain(e), Some(Text::Plain(s))) => {
                    if placeholders(e) != placeholders(s) {
                        problems.push(format!(
                            "`{key}`: placeholders {:?} differ from English {:?}",
                            placeholders(s),
                            placeholders(e)
                        ));
                    }
                }
                (Text::Plural(e), Some(Text::Plural(forms))) => {
                    let allowed: BTreeSet<&str> =
                        e.values().flat_map(|v| placeholders(v)).collect();
                    for (cat, s) in forms {
                        if !CATEGORIES.contains(&cat.as_str()) {
                            problems.push(format!("`{key}`: `{cat}` is not a plural category"));
                        }
                        if !placeholders(s).is_subset(&allowed) {
                            problems.push(format!("`{key}.{cat}`: unknown placeholder in {s:?}"));
                        }
                    }
                    // Every category the language uses for 0..=200 has its own form.
                    let used: BTreeSet<&str> = (0..=200).map(|n| rules.category(n)).collect();
                    for cat in used {
                        if !forms.contains_key(cat) {
                            problems.push(format!("`{key}`: no `{cat}` form"));
                        }
                    }
                }
                (_, Some(_)) => {
                    problems.push(format!("`{key}`: plain text and plural forms mixed up"))
                }
            }
        }
        for key in t.keys().filter(|k| !en.contains_key(*k)) {
            problems.push(format!("`{key}` is not an English key"));
        }
        assert!(
            problems.is_empty(),
            "i18n/{lang}.toml:\n  {}",
            problems.join("\n  ")
        );
    }
}

#[test]
fn templates_and_script_ask_only_for_english_keys() {
    let en = table("en");
    let theme = Theme::embedded();
    let mut asked = Vec::new();
    for (name, file) in &theme.files {
        let text = String::from_utf8_lossy(&file.bytes);
        let marks: &[&str] = if name.ends_with(".html") {
            &["t(key=\"", "t_html(key=\""]
        } else if name.ends_with("guide.js") {
            &["T(\"", "P(\""]
        } else {
            &[]
        };
        for mark in marks {
            for piece in text.split(mark).skip(1) {
                let key = piece.split('"').next().unwrap_or("");
                let full = if name.ends_with(".js") {
                    format!("js.{key}")
                } else {
                    key.to_string()
                };
                asked.push((name.clone(), full));
            }
        }
    }
    assert!(asked.len() > 40, "found only {} uses", asked.len());
    let missing: Vec<_> = asked.iter().filter(|(_, k)| !en.contains_key(k)).collect();
    assert!(missing.is_empty(), "{missing:?}");
    for (key, text) in &en {
        let Some(short) = key.strip_prefix("js.") else {
            continue;
        };
        let used = asked
            .iter()
            .any(|(n, k)| n.ends_with(".js") && k.ends_with(short));
        assert!(
            used || matches!(text, Text::Plural(_)),
            "js.{short} is never used by guide.js"
        );
    }
}

#[test]
fn plural_forms_follow_the_language() {
    let ar = Strings::new("ar", table("ar"));
    assert_eq!(ar.category(0), "zero");
    assert_eq!(ar.category(2), "two");
    assert_eq!(ar.category(5), "few");
    assert_eq!(ar.category(11), "many");
    let en = Strings::new("en", table("en"));
    assert_eq!(en.text("nav.earlier", Some(1), &[]), "1 earlier page");
    assert_eq!(en.text("nav.earlier", Some(3), &[]), "3 earlier pages");
    let fr = Strings::new("fr", table("fr"));
    assert_eq!(fr.category(0), "one", "French counts 0 as singular");
    let ja = Strings::new("ja", table("ja"));
    assert_eq!(ja.category(1), "other");
    let unknown = Strings::new("xx-unknown", table("en"));
    assert_eq!(unknown.category(1), "one");
}

#[test]
fn dates_directions_and_filling() {
    let de = Strings::new("de", table("de"));
    assert_eq!(de.long_date("2026-03-05"), "5. März 2026");
    assert_eq!(de.long_date("not a date"), "not a date");
    assert_eq!(dir_of("ar"), "rtl");
    assert_eq!(dir_of("he-IL"), "rtl");
    assert_eq!(dir_of("fa"), "rtl");
    assert_eq!(dir_of("ur"), "rtl");
    assert_eq!(dir_of("de"), "ltr");
    assert_eq!(fill("a {x} {y} {", &[("x", "1")]), "a 1 {y} {");
    let js = Strings::english().js_json();
    assert!(js.contains("\"start\":\"Start timer\""), "{js}");
    assert!(!js.contains('<'), "{js}");
}

fn config(toml: &str) -> crate::config::Config {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("book.toml"), toml).unwrap();
    let cfg = crate::config::load(dir.path(), &Default::default());
    cfg.map_err(|d| d.render_plain()).unwrap()
}

#[test]
fn a_language_without_a_table_is_english_with_one_warning() {
    let theme = Theme::embedded();
    let cfg = config("[book]\ntitle = \"x\"\nlanguage = \"it\"\n");
    let (s, warnings) = load(&theme, &cfg, "it").unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings
            .render_plain()
            .contains("no UI strings for language `it`")
    );
    assert_eq!(s.get("nav.next"), "Next");
    let cfg = config("[book]\ntitle = \"x\"\nlanguage = \"de-AT\"\n");
    let (s, warnings) = load(&theme, &cfg, "de-AT").unwrap();
    assert!(warnings.is_empty(), "{}", warnings.render_plain());
    assert_eq!(s.get("nav.next"), "Weiter");
}

#[test]
fn book_toml_overrides_and_its_mistakes() {
    let theme = Theme::embedded();
    let cfg = config(
        "[book]\ntitle = \"x\"\nlanguage = \"de\"\n[strings]\n\"nav.next\" = \"Vor\"\n[strings.callout]\nwarning = \"Achtung!\"\n",
    );
    let (s, _) = load(&theme, &cfg, "de").unwrap();
    assert_eq!(s.get("nav.next"), "Vor");
    assert_eq!(s.get("callout.warning"), "Achtung!");
    let cfg = config("[book]\ntitle = \"x\"\n[strings]\nnav.nxt = \"Vor\"\n");
    let err = load(&theme, &cfg, "en").err().unwrap().render_plain();
    assert!(err.contains("no UI string `nav.nxt`"), "{err}");
    assert!(err.contains("did you mean `nav.next`"), "{err}");
    assert!(err.contains("book.toml:4:1"), "{err}");
    let cfg = config("[book]\ntitle = \"x\"\n[translations.it]\n\"nav.earlier\" = \"prima\"\n");
    let err = load(&theme, &cfg, "it").err().unwrap().render_plain();
    assert!(err.contains("needs plural forms"), "{err}");
}
