//! Citations (issue 20): `[@key]` against references.toml, numbered per page, a references
//! list linked both ways, structured data, and each diagnostic with its location.

use insta::assert_snapshot;

use crate::harness::GuideTest;

#[test]
fn citations_are_numbered_and_linked_both_ways() {
    let g = GuideTest::fixture("citations");
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let main = g.main_of("public/evidence/index.html");
    assert!(
        main.contains("<span class=\"cites\">[<a href=\"#ref:example-a\" id=\"cite:example-a:1\" class=\"cite\" role=\"doc-biblioref\">1</a>]</span>"),
        "{main}"
    );
    assert!(
        main.contains(">2</a>, <a href=\"#ref:example-web\""),
        "{main}"
    );
    assert!(
        main.contains("id=\"cite:example-a:2\""),
        "second use: {main}"
    );
    assert!(main.contains("<h2 id=\"references\">References"), "{main}");
    assert!(main.contains("<li id=\"ref:example-a\">A. Author, B. Author (2020). <cite>An example article for the citation fixture</cite>. <i>Journal of Examples</i>. doi:<a href=\"https://doi.org/10.5555/example.a\">10.5555/example.a</a>."), "{main}");
    assert!(
        main.contains("href=\"#cite:example-a:2\""),
        "links back to each use: {main}"
    );
    assert!(
        main.contains("https://pubmed.ncbi.nlm.nih.gov/12345678/"),
        "{main}"
    );
    assert!(
        main.contains("<code>[@example-a]</code>"),
        "code is not read: {main}"
    );
    let html = g.read("public/evidence/index.html");
    let ld = html
        .split("application/ld+json\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(ld).unwrap();
    let page = v["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n.get("citation").is_some())
        .expect("a node with citation");
    let c = page["citation"].as_array().unwrap();
    assert_eq!(c.len(), 3);
    assert_eq!(c[0]["name"], "An example article for the citation fixture");
    assert_eq!(c[0]["url"], "https://doi.org/10.5555/example.a");
    assert_eq!(c[1]["identifier"][0]["propertyID"], "PMID");
    let print = g.read("public/print/index.html");
    assert!(
        print.contains("<section class=\"references\">") && print.contains("--ref:example-a\""),
        "the print view keeps them, ids prefixed per page"
    );
    assert_snapshot!(main);
}

#[test]
fn an_unknown_key_is_an_error_naming_the_closest() {
    let g = GuideTest::fixture("citations");
    g.edit(
        "content/evidence.md",
        "[@example-b; @example-web]",
        "[@example-b; @exmaple-web]",
    );
    let err = g.build_err();
    assert!(err.contains("unknown citation key `exmaple-web`"), "{err}");
    assert!(err.contains("evidence.md:8:1"), "{err}");
    assert!(err.contains("did you mean `@example-web`?"), "{err}");
    assert_snapshot!(err);
}

#[test]
fn an_unused_entry_is_a_warning_at_its_line() {
    let g = GuideTest::fixture("citations");
    g.edit("content/evidence.md", " [@example-a].", ".");
    g.edit("content/evidence.md", " [@example-a], and", ", and");
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("reference `example-a` is cited by no page"),
        "{stderr}"
    );
    assert!(stderr.contains("references.toml:3:1"), "{stderr}");
}

#[test]
fn a_malformed_doi_or_pmid_is_an_error_at_its_value() {
    let g = GuideTest::fixture("citations");
    g.edit(
        "references.toml",
        "10.5555/example.a",
        "https://doi.org/10.5555/x",
    );
    g.edit("references.toml", "\"12345678\"", "\"PMC1234\"");
    let err = g.build_err();
    assert!(
        err.contains("`https://doi.org/10.5555/x` is not a DOI"),
        "{err}"
    );
    assert!(err.contains("references.toml:8:7"), "{err}");
    assert!(err.contains("`PMC1234` is not a PubMed id"), "{err}");
    assert!(err.contains("references.toml:14:8"), "{err}");
}

#[test]
fn a_citation_without_a_bibliography_is_a_warning_and_stays() {
    let g = GuideTest::fixture("citations");
    std::fs::remove_file(g.path("references.toml")).unwrap();
    let out = g.cmd(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stderr.matches("the guide has no bibliography").count(),
        3,
        "{stderr}"
    );
    assert!(
        g.main_of("public/evidence/index.html")
            .contains("[@example-a]")
    );
}
