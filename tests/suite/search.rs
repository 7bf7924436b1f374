//! Search judged on built indexes: every query of tests/search/queries.toml must find its
//! `page#section` first or in the top 5 (the bundled guide, the English, German and Japanese
//! fixtures, and a generated corpus when the generator is at hand), and the tokenizer must
//! give the outputs of tests/search/vectors.json (which the browser test checks too).

use std::path::{Path, PathBuf};

use guide::search::Tokenizer;
use guide::search::format::parse_script;
use guide::search::query::{Hit, Searcher};
use serde::Deserialize;
use serde_json::Value;

use super::harness::GuideTest;

#[derive(Debug, Deserialize)]
pub struct Query {
    pub guide: String,
    pub q: String,
    /// `page/#section`; a leading `*/` matches any folder before it.
    pub expect: String,
    /// 1: must come first; 5: must be in the top five.
    pub top: usize,
}

#[derive(Deserialize)]
struct QueryFile {
    query: Vec<Query>,
}

pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

pub fn queries() -> Vec<Query> {
    let text = std::fs::read_to_string(repo("tests/search/queries.toml")).unwrap();
    toml::from_str::<QueryFile>(&text).unwrap().query
}

/// Whether a hit's URL is the expected `page/#section`.
pub fn url_matches(expect: &str, url: &str) -> bool {
    match expect.strip_prefix("*/") {
        Some(tail) => url.ends_with(&format!("/{tail}")) || url == tail,
        None => url == expect,
    }
}

/// A searcher over a built site's `search/` folder.
pub fn searcher(site: &Path, language: &str) -> Searcher<'static> {
    let dir = site.join("search");
    Searcher::new(language, move |name| {
        let bytes = std::fs::read(dir.join(format!("{name}.js"))).ok()?;
        let (got, data) = parse_script(&bytes)?;
        assert_eq!(got, name, "the script registers under its own name");
        Some(data)
    })
}

/// The failures of the queries of one guide: (query, its top five).
fn judge(site: &Path, language: &str, guide: &str) -> Vec<String> {
    let mut s = searcher(site, language);
    let mut bad = Vec::new();
    let mut n = 0;
    for q in queries().iter().filter(|q| q.guide == guide) {
        n += 1;
        let hits: Vec<Hit> = s.search(&q.q, 10);
        let rank = hits.iter().position(|h| url_matches(&q.expect, &h.url));
        if rank.is_none_or(|r| r >= q.top) {
            let top: Vec<&str> = hits.iter().take(5).map(|h| h.url.as_str()).collect();
            bad.push(format!(
                "{guide}: {:?} wants {} in top {}, got {top:?}",
                q.q, q.expect, q.top
            ));
        }
    }
    assert!(n > 0, "no queries for {guide}");
    bad
}

#[test]
fn queries_find_their_sections_in_the_fixtures() {
    let mut bad = Vec::new();
    let g = GuideTest::bundled();
    g.build_ok();
    bad.extend(judge(&g.path("public"), "en", "bundled"));
    for (name, lang) in [
        ("search_en", "en"),
        ("search_de", "de"),
        ("search_ja", "ja"),
    ] {
        let g = GuideTest::fixture(name);
        g.build_ok();
        bad.extend(judge(&g.path("public"), lang, name));
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The benchmark corpus generator: `GUIDE_GEN_CORPUS`, else the shared bench folder.
pub fn gen_corpus() -> Option<PathBuf> {
    let p = std::env::var_os("GUIDE_GEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo("../shared/bench/gen_corpus.py"));
    p.exists().then_some(p)
}

#[test]
fn queries_find_their_pages_in_a_generated_corpus() {
    let Some(gen_path) = gen_corpus() else {
        eprintln!("skipped: no gen_corpus.py (set GUIDE_GEN_CORPUS)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("corpus");
    let ok = std::process::Command::new("python3")
        .arg(&gen_path)
        .args(["200", "--format", "guide", "--out"])
        .arg(&src)
        .status()
        .unwrap()
        .success();
    assert!(ok, "gen_corpus.py failed");
    let out = tmp.path().join("site");
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("guide"))
        .arg("build")
        .arg(&src)
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .status()
        .unwrap();
    assert!(status.success());
    let bad = judge(&out, "en", "corpus");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[derive(Deserialize)]
struct Vector {
    lang: String,
    text: String,
    terms: Vec<String>,
    query: Vec<(String, Vec<String>, bool)>,
}

pub fn vectors() -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo("tests/search/vectors.json")).unwrap())
        .unwrap()
}

#[test]
fn tokenizer_gives_the_shared_vectors() {
    let vs: Vec<Vector> = serde_json::from_value(vectors()).unwrap();
    assert!(vs.len() >= 20);
    for v in vs {
        let tok = Tokenizer::new(&v.lang);
        let mut terms = Vec::new();
        tok.terms(&v.text, |t| terms.push(t.to_string()));
        assert_eq!(terms, v.terms, "{}: {:?}", v.lang, v.text);
        let q: Vec<(String, Vec<String>, bool)> = tok
            .query(&v.text)
            .into_iter()
            .map(|w| (w.raw, w.terms, w.cjk))
            .collect();
        assert_eq!(q, v.query, "{}: {:?}", v.lang, v.text);
    }
}

/// `GUIDE_UPDATE_VECTORS=1 cargo test --test integration write_vectors -- --ignored`
/// recomputes the outputs of tests/search/vectors.json from its inputs (review the diff).
#[test]
#[ignore]
fn write_vectors() {
    if std::env::var_os("GUIDE_UPDATE_VECTORS").is_none() {
        return;
    }
    let mut vs = vectors();
    for v in vs.as_array_mut().unwrap() {
        let tok = Tokenizer::new(v["lang"].as_str().unwrap());
        let text = v["text"].as_str().unwrap().to_string();
        let mut terms = Vec::new();
        tok.terms(&text, |t| terms.push(t.to_string()));
        v["terms"] = serde_json::json!(terms);
        let q: Vec<Value> = tok
            .query(&text)
            .into_iter()
            .map(|w| serde_json::json!([w.raw, w.terms, w.cjk]))
            .collect();
        v["query"] = Value::Array(q);
    }
    let text = serde_json::to_string_pretty(&vs).unwrap();
    std::fs::write(repo("tests/search/vectors.json"), text + "\n").unwrap();
}
