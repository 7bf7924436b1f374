//! The bundled guide: five sections in order, every fact of the seed on its page, every
//! figure with alt text, a caption and an existing, light diagram file.

use std::path::Path;

use crate::harness::{BUNDLED_PAGES, GuideTest};

/// Visible text of an HTML page: tags dropped, entities decoded, whitespace folded.
fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_fact_of_the_seed_is_on_its_page() {
    let g = GuideTest::bundled();
    g.build_ok();
    let facts: toml::Table = toml::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundled_facts.toml"),
        )
        .unwrap(),
    )
    .unwrap();
    let facts = facts["fact"].as_array().unwrap();
    assert!(facts.len() >= 40, "{} facts", facts.len());
    let mut missing = Vec::new();
    for f in facts {
        let page = f["page"].as_str().unwrap();
        let phrase = f["phrase"].as_str().unwrap();
        let file = if page.is_empty() {
            "public/index.html".to_string()
        } else {
            format!("public/{page}/index.html")
        };
        if !text_of(&g.main_of(&file)).contains(phrase) {
            missing.push(format!(
                "{} ({file}): {phrase:?}",
                f["fact"].as_str().unwrap()
            ));
        }
    }
    assert!(missing.is_empty(), "facts missing:\n{}", missing.join("\n"));
}

#[test]
fn five_sections_in_order_with_hold_timer_and_callouts() {
    let g = GuideTest::bundled();
    g.build_ok();
    let sections = ["anatomy", "location", "release", "stretches", "prevention"];
    let home = g.main_of("public/index.html");
    let mut last = 0;
    for s in sections {
        assert!(g.path(&format!("public/{s}/index.html")).is_file(), "{s}");
        let at = home
            .find(&format!("href=\"./{s}/\""))
            .unwrap_or_else(|| panic!("home links to {s}"));
        assert!(at >= last, "{s} out of order");
        last = at;
    }
    let release = g.main_of("public/release/index.html");
    assert!(
        release.contains("<span class=\"hold\" data-min=\"30\" data-max=\"90\">"),
        "hold timer"
    );
    assert!(release.contains("callout-warning") || release.contains("callout-caution"));
    assert!(text_of(&release).contains("midline"));
    let print = g.read("public/print/index.html");
    let mut last = 0;
    for s in sections {
        let at = print
            .find(&format!("id=\"page-{s}\""))
            .unwrap_or_else(|| panic!("print has {s}"));
        assert!(at > last);
        last = at;
    }
}

#[test]
fn every_figure_has_alt_caption_and_a_light_diagram() {
    let g = GuideTest::bundled();
    g.build_ok();
    let mut figures = 0;
    for s in BUNDLED_PAGES {
        let main = g.main_of(&format!("public/{s}index.html"));
        for fig in main.split("<figure").skip(1) {
            let fig = &fig[..fig.find("</figure>").unwrap()];
            figures += 1;
            let label = fig
                .split("aria-label=\"")
                .nth(1)
                .or_else(|| fig.split("alt=\"").nth(1))
                .expect("alt text")
                .split('"')
                .next()
                .unwrap();
            assert!(label.len() > 20, "alt text too thin: {label:?}");
            let caption = fig.split("</span>").last().unwrap();
            assert!(
                fig.contains("<figcaption>") && text_of(caption).len() > 3,
                "caption in {s}"
            );
        }
    }
    assert!(figures >= 7, "{figures} figures");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/diagrams");
    let mut svgs = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        svgs += 1;
        assert!(
            text.len() < 20 * 1024,
            "{} is {} bytes",
            p.display(),
            text.len()
        );
        assert!(
            text.contains("<title>") && text.contains("<desc>") && text.contains("viewBox"),
            "{}",
            p.display()
        );
        assert!(
            text.contains("currentColor") && text.contains("var(--fig-"),
            "{} ignores the colour scheme",
            p.display()
        );
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let used = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
            .unwrap()
            .any(|e| {
                let p = e.unwrap().path();
                p.is_file()
                    && std::fs::read_to_string(&p)
                        .unwrap_or_default()
                        .contains(&format!("diagrams/{name}"))
            });
        assert!(used, "{name} is not used by any page");
    }
    assert!(svgs >= 7);
}
