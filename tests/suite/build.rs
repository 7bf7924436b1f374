//! A good guide builds into the expected pages, URLs and markup.

use insta::assert_snapshot;

use crate::harness::GuideTest;

#[test]
fn pages_get_clean_urls_and_order() {
    let g = GuideTest::fixture("basic");
    g.build_ok();
    for p in [
        "index.html",
        "anatomy/index.html",
        "location/index.html",
        "stretches/index.html",
        "stretches/lunge/index.html",
        "404.html",
        "print/index.html",
        "search/meta.js",
        "search/stem.js",
        "diagrams/muscle.svg",
        "diagrams/photo.png",
        ".guide-output",
    ] {
        assert!(
            g.path(&format!("public/{p}")).is_file(),
            "missing public/{p}"
        );
    }
    assert!(!g.path("public/draft").exists(), "drafts are left out");
    assert!(
        !g.path("public/sitemap.xml").exists(),
        "no sitemap without base-url"
    );
    // weight 1 puts location before anatomy (no weight); prev/next follow reading order.
    let home = g.read("public/index.html");
    assert!(home.find("location/").unwrap() < home.find("anatomy/").unwrap());
    let anatomy = g.read("public/anatomy/index.html");
    assert!(
        anatomy.contains("<a class=\"pn pn-prev\" href=\"../location/\" rel=\"prev\">"),
        "prev link"
    );
    assert!(
        anatomy.contains("href=\"../stretches/\" rel=\"next\""),
        "next link"
    );
    assert!(anatomy.contains("<html lang=\"en\""));
    // The title of location comes from its `#` heading.
    assert!(
        g.read("public/location/index.html")
            .contains("<title>Where it is — Fixture Guide</title>")
    );
}

#[test]
fn drafts_flag_includes_drafts() {
    let g = GuideTest::fixture("basic");
    let out = g.cmd(&["build", "--drafts"]);
    assert!(out.status.success());
    assert!(g.path("public/draft/index.html").is_file());
}

#[test]
fn markdown_features_render() {
    let g = GuideTest::fixture("basic");
    g.build_ok();
    let main = g.main_of("public/anatomy/index.html");
    // Figures: numbered, captioned, sized, SVG inlined with ids prefixed, later images lazy.
    assert!(
        main.contains("<figure class=\"figure\" id=\"figure-1\">\n<svg"),
        "{main}"
    );
    assert!(main.contains("role=\"img\" aria-label=\"A long muscle from the spine to the thigh bone.\" width=\"320\" height=\"200\""));
    assert!(main.contains("id=\"f0-arrow\"") && main.contains("url(#f0-arrow)"));
    // A photo: variants in a <picture> (never wider than the 40 px original), linked for zoom.
    assert!(main.contains("<a class=\"figure-zoom\" href=\"../diagrams/photo.png\"><picture><source type=\"image/webp\" srcset=\"../diagrams/photo."));
    assert!(main.contains(".40.png 40w\" sizes=\"(min-width: 48rem) 44rem, calc(100vw - 2rem)\" alt=\"A small square picture.\" width=\"40\" height=\"30\" loading=\"lazy\""));
    assert!(
        main.contains("<span class=\"figure-number\">Figure 2.</span> A small square picture.")
    );
    // Headings: slugs, dedupe, custom ids, anchors.
    assert!(main.contains("<h2 id=\"hip-flexion-1\">"));
    assert!(main.contains("<h3 id=\"my-id\">Custom <a class=\"heading-anchor\" href=\"#my-id\""));
    // Callout, table region, task list, strikethrough, smart punctuation, footnote, hold.
    assert!(main.contains("<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>"));
    assert!(main.contains(
        "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">"
    ));
    assert!(main.contains("type=\"checkbox\" checked"));
    assert!(main.contains("<del>old</del>"));
    assert!(main.contains("knee – “smartly”"));
    assert!(main.contains("<section class=\"footnotes\">"));
    assert!(main.contains("<span class=\"hold\" data-min=\"30\" data-max=\"90\"><span class=\"hold-label\">Hold for 30 to 90 seconds</span></span>"));
    // Code: highlighted with classes, and the highlight stylesheet linked.
    assert!(main.contains(
        "<pre class=\"code\" data-lang=\"rust\"><code><span class=\"hl-source hl-rust\">"
    ));
    let page = g.read("public/anatomy/index.html");
    let css = page
        .split("href=\"../static/highlight.")
        .nth(1)
        .expect("highlight css linked");
    assert!(
        g.path(&format!(
            "public/static/highlight.{}",
            css.split('"').next().unwrap()
        ))
        .is_file()
    );
}

#[test]
fn links_are_relative_and_resolved() {
    let g = GuideTest::fixture("basic");
    g.build_ok();
    let lunge = g.main_of("public/stretches/lunge/index.html");
    assert!(
        lunge.contains("href=\"../../diagrams/muscle.svg\""),
        "{lunge}"
    );
    assert!(lunge.contains("href=\"../../\">home</a>"), "{lunge}");
    let home = g.main_of("public/index.html");
    assert!(
        home.contains("href=\"./stretches/lunge/#the-lunge\""),
        "{home}"
    );
    let loc = g.main_of("public/location/index.html");
    assert!(loc.contains("href=\"../anatomy/#my-id\""), "{loc}");
    // No absolute URLs to the site itself anywhere: the folder works at any host path.
    for page in ["public/index.html", "public/stretches/lunge/index.html"] {
        let html = g.read(page);
        assert!(
            !html.contains("href=\"/") && !html.contains("src=\"/"),
            "{page} has a root-absolute URL"
        );
    }
}

#[test]
fn assets_are_fingerprinted() {
    let g = GuideTest::fixture("basic");
    g.build_ok();
    let names: Vec<String> = std::fs::read_dir(g.path("public/static"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("style.")
            && n.ends_with(".css")
            && n.len() > "style.css".len() + 5),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("guide.")
            && n.ends_with(".js")
            && n.len() > "guide.js".len() + 5),
        "{names:?}"
    );
}

#[test]
fn base_url_adds_sitemap_robots_canonical() {
    let g = GuideTest::fixture("basic");
    let out = g.cmd(&["build", "--base-url", "https://example.org/psoas"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sitemap = g.read("public/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/psoas/stretches/lunge/</loc>"),
        "{sitemap}"
    );
    assert!(
        g.read("public/robots.txt")
            .contains("Sitemap: https://example.org/psoas/sitemap.xml")
    );
    assert!(
        g.read("public/anatomy/index.html")
            .contains("<link rel=\"canonical\" href=\"https://example.org/psoas/anatomy/\">")
    );
}

#[test]
fn sidebar_is_scoped_not_the_whole_guide() {
    // 300 pages in one section: every page's sidebar is windowed, so page size stays flat.
    let g = GuideTest::fixture("basic");
    for i in 0..300 {
        g.write(
            &format!("content/03-stretches/p{i:03}.md"),
            format!("+++\ntitle = \"Stretch {i}\"\n+++\nText {i}.\n"),
        );
    }
    g.build_ok();
    let page = g.read("public/stretches/p150/index.html");
    let links = page.matches("href=\"../p").count();
    assert!(links < 40, "{links} sibling links in one page's sidebar");
    assert!(page.contains("aria-current=\"page\""));
}

#[test]
fn check_writes_nothing() {
    let g = GuideTest::fixture("basic");
    let out = g.cmd(&["check"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("no errors"));
    assert!(!g.path("public").exists());
}

#[test]
fn summary_line() {
    let g = GuideTest::fixture("basic");
    let out = g.cmd(&["build"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.starts_with("Built 5 pages and 2 assets into public/"),
        "{s}"
    );
    assert!(g.cmd(&["build", "-q"]).stdout.is_empty());
}

#[test]
fn snapshot_of_a_page_main() {
    let g = GuideTest::fixture("basic");
    g.build_ok();
    let main = g.main_of("public/location/index.html");
    assert_snapshot!(main);
}

#[test]
fn output_flag_is_relative_to_the_working_directory() {
    // Regression: `guide build DIR -o out` wrote into DIR/out instead of ./out.
    let g = GuideTest::fixture("basic");
    let cwd = tempfile::tempdir().unwrap();
    let o = assert_cmd::Command::cargo_bin("guide")
        .unwrap()
        .current_dir(cwd.path())
        .arg("build")
        .arg(&g.root)
        .args(["-o", "site"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(cwd.path().join("site/index.html").is_file());
    assert!(!g.path("site").exists());
}
