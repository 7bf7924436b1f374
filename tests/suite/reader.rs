//! Reader features on the built bundled guide: search index, JSON-LD, metadata, print view.

use serde_json::Value;

use crate::harness::{BUNDLED_PAGES, GuideTest};

fn script(g: &GuideTest, rel: &str) -> Value {
    let bytes = std::fs::read(g.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    guide::search::format::parse_script(&bytes)
        .unwrap_or_else(|| panic!("{rel} is not a guideSearch.add script"))
        .1
}

#[test]
fn search_index_holds_every_page_and_lists_only_existing_shards() {
    let g = GuideTest::bundled();
    g.build_ok();
    let meta = script(&g, "public/search/meta.js");
    let (n, chunk) = (
        meta["pages"].as_u64().unwrap(),
        meta["chunk"].as_u64().unwrap(),
    );
    assert_eq!(n, 6, "landing page + five sections");
    let mut urls = Vec::new();
    for k in 0..n.div_ceil(chunk) {
        for row in script(&g, &format!("public/search/p/{k}.js"))
            .as_array()
            .unwrap()
        {
            urls.push(row[1].as_str().unwrap().to_string());
        }
    }
    assert_eq!(urls, BUNDLED_PAGES);
    // The browser loads only listed shards (a missing one would log an error).
    for key in meta["shards"].as_array().unwrap() {
        let path = guide::search::format::path(key.as_str().unwrap());
        assert!(g.path(&format!("public/{path}")).is_file(), "{path}");
    }
    let mut s = crate::search::searcher(&g.path("public"), "en");
    let hits = s.search("lacrosse ball", 3);
    assert_eq!(hits[0].url, "release/#choose-a-tool");
    assert_eq!(hits[0].title, "Releasing the trigger point");
    assert_eq!(hits[0].heading, "Choose a tool");
    assert!(hits[0].text.contains("a lacrosse ball"), "{}", hits[0].text);
}

fn json_ld(html: &str) -> Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("a JSON-LD script")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

fn types(v: &Value) -> Vec<String> {
    v["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["@type"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn json_ld_has_the_expected_types() {
    let g = GuideTest::bundled();
    let o = g.cmd(&["build", "--base-url", "https://example.org/psoas/"]);
    assert!(o.status.success());
    for page in BUNDLED_PAGES {
        let v = json_ld(&g.read(&format!("public/{page}index.html")));
        assert_eq!(v["@context"], "https://schema.org");
        let t = types(&v);
        assert!(t.contains(&"MedicalWebPage".to_string()), "{page}: {t:?}");
        if !page.is_empty() {
            assert!(t.contains(&"BreadcrumbList".to_string()), "{page}: {t:?}");
            let crumbs = v["@graph"]
                .as_array()
                .unwrap()
                .iter()
                .find(|n| n["@type"] == "BreadcrumbList")
                .unwrap();
            assert_eq!(
                crumbs["itemListElement"][0]["item"],
                "https://example.org/psoas/"
            );
        }
    }
    let release = json_ld(&g.read("public/release/index.html"));
    let howto = release["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@type"] == "HowTo")
        .expect("HowTo on the release page");
    assert!(howto["step"].as_array().unwrap().len() >= 3);
    assert_eq!(howto["step"][0]["@type"], "HowToStep");
    assert_eq!(howto["totalTime"], "PT90S", "the hold gives the time");
}

#[test]
fn metadata_and_social_cards() {
    let g = GuideTest::bundled();
    assert!(
        g.cmd(&["build", "--base-url", "https://example.org/psoas/"])
            .status
            .success()
    );
    let html = g.read("public/release/index.html");
    for needle in [
        "<link rel=\"canonical\" href=\"https://example.org/psoas/release/\">",
        "<meta name=\"description\" content=\"",
        "<meta property=\"og:title\"",
        "<meta property=\"og:image\" content=\"https://example.org/psoas/diagrams/",
        "<meta name=\"twitter:card\"",
        "<link rel=\"prev\" href=\"../location/\">",
        "<link rel=\"next\" href=\"../stretches/\">",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
}

#[test]
fn print_view_has_toc_and_every_page_in_order() {
    let g = GuideTest::bundled();
    g.build_ok();
    let print = g.read("public/print/index.html");
    let toc = print
        .find("href=\"#page-anatomy\"")
        .expect("a table of contents");
    let first = print
        .find("id=\"page-anatomy\"")
        .expect("the anatomy section");
    assert!(toc < first, "contents come first");
    // Links between pages become links inside the print view; ids never clash.
    assert!(!print.contains("href=\"../release/") && print.contains("href=\"#page-release"));
    let mut ids: Vec<&str> = print
        .split(" id=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids in the print view");
    // Every page links to the print view.
    assert!(
        g.read("public/anatomy/index.html")
            .contains("href=\"../print/\"")
    );
}
