//! Search in headless Chromium, over HTTP (`guide serve`) and from `file://` (a built
//! folder opened from disk): the box is typed into and a result followed by keyboard to its
//! section; the browser's tokenizer gives tests/search/vectors.json; and for every query of
//! tests/search/queries.toml the browser ranks the same top five as the Rust evaluator.

use fantoccini::{Client, Locator, key::Key};
use serde_json::{Value, json};

use super::browser::{console_errors, js, launch, tool, until};
use super::e2e::serve_guide;
use crate::harness::GuideTest;
use crate::search::{queries, searcher, vectors};

fn browser() -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let (chromium, driver) = (
        tool("GUIDE_CHROMIUM", "/usr/bin/chromium"),
        tool("GUIDE_CHROMEDRIVER", "/usr/bin/chromedriver"),
    );
    if chromium.exists() && driver.exists() {
        return Some((chromium, driver));
    }
    assert!(
        std::env::var_os("GUIDE_REQUIRE_BROWSER").is_none(),
        "GUIDE_REQUIRE_BROWSER is set but Chromium is missing"
    );
    eprintln!("SKIPPED search browser test: no Chromium/chromedriver");
    None
}

/// Runs `body` (an async function body that ends by calling `done(value)`) in the page.
async fn run_async(c: &Client, body: &str) -> Value {
    let script = format!("var done = arguments[arguments.length - 1]; {body}");
    c.execute_async(&script, vec![])
        .await
        .expect("async script")
}

/// Types `q` into the search box and returns the first result's href.
async fn type_query(c: &Client, q: &str) -> String {
    let input = c.find(Locator::Id("guide-search-input")).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys(q).await.unwrap();
    let first = "document.querySelector('#guide-search-results .search-list a')";
    let shown = format!(
        "document.getElementById('guide-search-results').getAttribute('data-query') === {} && {first} && {first}.getAttribute('href')",
        json!(q)
    );
    until(c, &shown, "a result")
        .await
        .as_str()
        .unwrap()
        .to_string()
}

/// ArrowDown moves into the results, ArrowUp back to the box, Escape closes the results and
/// the count is in the live region.
async fn keys_and_live_region(c: &Client) {
    let input = c.find(Locator::Id("guide-search-input")).await.unwrap();
    input.send_keys(&Key::Down.to_string()).await.unwrap();
    let active = "return document.activeElement.id || document.activeElement.tagName;";
    assert_eq!(
        js(c, active).await,
        json!("A"),
        "ArrowDown: the first result"
    );
    let first = c.active_element().await.unwrap();
    first.send_keys(&Key::Up.to_string()).await.unwrap();
    assert_eq!(
        js(c, active).await,
        json!("guide-search-input"),
        "ArrowUp: back to the box"
    );
    let live = "Array.prototype.slice.call(document.querySelectorAll('[aria-live]')).map(function (e) { return e.textContent; }).join(' ')";
    let status = js(
        c,
        "return document.querySelector('#guide-search-results .search-status').textContent;",
    )
    .await;
    let said = until(c, live, "the count announced").await;
    assert!(
        said.as_str().unwrap().contains(status.as_str().unwrap()),
        "live region {said} says the status {status}"
    );
    input.send_keys(&Key::Escape.to_string()).await.unwrap();
    let hidden = "return document.getElementById('guide-search-results').hidden;";
    assert_eq!(
        js(c, hidden).await,
        json!(true),
        "Escape closes the results"
    );
}

/// Follows the first result by keyboard (ArrowDown, Enter) and waits for its page.
async fn follow_first(c: &Client, path_end: &str, anchor: &str) {
    let input = c.find(Locator::Id("guide-search-input")).await.unwrap();
    input.send_keys(&Key::Down.to_string()).await.unwrap();
    let focused = js(
        c,
        "return document.activeElement.closest('.search-list') !== null;",
    )
    .await;
    assert_eq!(focused, json!(true), "ArrowDown moves to the first result");
    c.active_element()
        .await
        .unwrap()
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    let hash = if anchor.is_empty() {
        String::new()
    } else {
        format!("#{anchor}")
    };
    until(
        c,
        &format!("location.pathname.endsWith('{path_end}') && decodeURIComponent(location.hash) === '{hash}'"),
        "the result's section",
    )
    .await;
    until(
        c,
        "document.querySelector('mark.search-hit')",
        "the match marked",
    )
    .await;
}

/// The tokenizer vectors of `lang`, checked in the page.
async fn check_vectors(c: &Client, lang: &str) {
    let vs: Vec<Value> = vectors()
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["lang"] == lang)
        .cloned()
        .collect();
    assert!(!vs.is_empty());
    let got = run_async(
        c,
        &format!(
            "var vs = {}; guideSearch.query('').then(function () {{
               done(vs.map(function (v) {{ return [guideSearch.terms(v.text),
                 guideSearch.tokenize(v.text).map(function (w) {{ return [w.raw, w.terms, w.cjk]; }})]; }}));
             }}, function (e) {{ done(String(e)); }});",
            Value::Array(vs.clone())
        ),
    )
    .await;
    for (v, g) in vs.iter().zip(got.as_array().expect("vector results")) {
        assert_eq!(g[0], v["terms"], "browser terms of {}", v["text"]);
        assert_eq!(g[1], v["query"], "browser query words of {}", v["text"]);
    }
}

/// For every query of `guide`: the browser's top five equal the Rust evaluator's.
async fn check_parity(c: &Client, site: &std::path::Path, lang: &str, guide: &str) {
    let qs: Vec<String> = queries()
        .into_iter()
        .filter(|q| q.guide == guide)
        .map(|q| q.q)
        .collect();
    let got = run_async(
        c,
        &format!(
            "var qs = {}; Promise.all(qs.map(function (q) {{ return guideSearch.query(q, 5); }}))
               .then(function (rs) {{ done(rs.map(function (r) {{ return r.hits.map(function (h) {{ return h.url; }}); }})); }},
                     function (e) {{ done(String(e)); }});",
            json!(qs)
        ),
    )
    .await;
    let mut s = searcher(site, lang);
    for (q, g) in qs.iter().zip(got.as_array().expect("query results")) {
        let want: Vec<String> = s.search(q, 5).into_iter().map(|h| h.url).collect();
        assert_eq!(g, &json!(want), "browser and Rust rank {q:?} alike");
    }
}

/// No resource failed to load (a missing shard would be a console error).
async fn no_failed_loads(c: &Client) {
    let bad = js(
        c,
        "return performance.getEntriesByType('resource')
           .filter(function (e) { return e.responseStatus >= 400; }).map(function (e) { return e.name; });",
    )
    .await;
    assert_eq!(bad, json!([]), "failed loads");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_over_http_and_from_disk() {
    let Some((chromium, driver)) = browser() else {
        return;
    };
    let profile = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&chromium, &driver, profile.path()).await;

    // Over HTTP: the bundled guide through `guide serve`.
    let g = GuideTest::bundled();
    g.build_ok();
    let handle = serve_guide(&g.root).await;
    c.goto(&handle.url).await.unwrap();
    let href = type_query(&c, "prevention").await;
    assert!(href.contains("prevention/"), "{href}");
    let live = until(
        &c,
        "Array.prototype.slice.call(document.querySelectorAll('[aria-live]')).map(function (e) { return e.textContent; }).join(' ')",
        "the count announced",
    )
    .await;
    assert!(live.as_str().unwrap().contains("result"), "{live}");
    type_query(&c, "lacrosse ball").await;
    keys_and_live_region(&c).await;
    follow_first(&c, "/release/", "choose-a-tool").await;
    check_vectors(&c, "en").await;
    check_parity(&c, &g.path("public"), "en", "bundled").await;
    no_failed_loads(&c).await;
    assert_eq!(console_errors(&c).await, Vec::<String>::new(), "over HTTP");
    // Leave the served page first: its live-reload socket would log the server's going.
    c.goto("about:blank").await.unwrap();
    handle.shutdown().await;
    console_errors(&c).await;

    // From disk: each fixture's built folder opened as file://.
    for (name, lang, q, path_end, anchor) in [
        (
            "search_en",
            "en",
            "thunderclap",
            "/red-flags/index.html",
            "red-flags",
        ),
        ("search_de", "de", "ubungen", "/uebungen/index.html", ""),
        (
            "search_ja",
            "ja",
            "ランジ",
            "/stretch/index.html",
            "ひざ立ちのランジ",
        ),
    ] {
        let g = GuideTest::fixture(name);
        g.build_ok();
        let url = format!("file://{}", g.path("public/index.html").display());
        c.goto(&url).await.unwrap();
        let href = type_query(&c, q).await;
        assert!(
            href.contains("index.html"),
            "file links name index.html: {href}"
        );
        if name == "search_en" {
            // A match in the section heading alone is marked there.
            type_query(&c, "levator").await;
            let marked = "return document.querySelector('#guide-search-results .search-list a .sr-section mark').textContent;";
            assert_eq!(
                js(&c, marked).await,
                json!("Levator"),
                "the heading's match marked"
            );
            type_query(&c, q).await;
        }
        keys_and_live_region(&c).await;
        follow_first(&c, path_end, anchor).await;
        check_vectors(&c, lang).await;
        check_parity(&c, &g.path("public"), lang, name).await;
        assert_eq!(
            console_errors(&c).await,
            Vec::<String>::new(),
            "{name} from disk"
        );
    }
    c.close().await.unwrap();
}
