//! `guide pdf` in headless Chromium (#16): every handout is one sheet on A4 and on US
//! Letter, the print view has no empty page, and no browser is a clear error. The one slow
//! test of the suite (about ten browser runs); it is skipped where no Chromium is installed.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::harness::GuideTest;

fn chromium() -> Option<PathBuf> {
    ["CHROMIUM", "CHROME"]
        .iter()
        .filter_map(std::env::var_os)
        .map(PathBuf::from)
        .chain(["/usr/bin/chromium", "/usr/bin/google-chrome"].map(PathBuf::from))
        .find(|p| p.is_file())
}

/// The body of object `n 0 obj` of a PDF, up to its `endobj`.
fn object<'a>(pdf: &'a [u8], n: &str) -> &'a [u8] {
    let head = format!("\n{n} 0 obj");
    let at = find(pdf, head.as_bytes(), 0).unwrap_or_else(|| panic!("object {n}")) + head.len();
    let end = find(pdf, b"endobj", at).unwrap();
    &pdf[at..end]
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// For each page of a Chromium PDF (in file order): how many text-showing operators its
/// content stream has. The page number alone is one; an empty page has at most that.
fn text_ops_per_page(pdf: &[u8]) -> Vec<usize> {
    let text = String::from_utf8_lossy(pdf);
    let mut pages = Vec::new();
    for (i, _) in text.match_indices("/Type /Page") {
        if text[i + "/Type /Page".len()..].starts_with('s') {
            continue;
        }
        let obj_start = text[..i].rfind(" 0 obj").unwrap();
        let dict = &text[obj_start..text[i..].find("endobj").map_or(text.len(), |e| i + e)];
        let contents = dict.split("/Contents ").nth(1).expect("page contents");
        let n = contents.split_whitespace().next().unwrap();
        let obj = object(pdf, n);
        let s = find(obj, b"stream", 0).unwrap() + 6;
        let s = s + obj[s..]
            .iter()
            .take_while(|b| **b == b'\r' || **b == b'\n')
            .count();
        let e = find(obj, b"endstream", s).unwrap();
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(&obj[s..e])
            .read_to_end(&mut raw)
            .expect("a FlateDecode page stream");
        let ops = String::from_utf8_lossy(&raw);
        pages.push(
            ops.split_whitespace()
                .filter(|t| *t == "Tj" || *t == "TJ" || t.ends_with("]TJ") || t.ends_with(")Tj"))
                .count(),
        );
    }
    pages
}

fn pages(file: &Path) -> Vec<usize> {
    text_ops_per_page(&std::fs::read(file).unwrap())
}

#[test]
fn handouts_are_one_sheet_on_a4_and_letter_and_the_book_has_no_empty_page() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium installed");
        return;
    };
    let g = GuideTest::bundled();
    let out = g.cmd(&[
        "pdf",
        ".",
        "--out",
        "pdf",
        "--browser",
        browser.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for page in ["location", "release", "stretches", "prevention"] {
        for paper in ["a4", "letter"] {
            let p = pages(&g.path(&format!("pdf/handouts/{page}-{paper}.pdf")));
            assert_eq!(p.len(), 1, "handout {page} on {paper}: {} pages", p.len());
        }
    }
    for paper in ["a4", "letter"] {
        let p = pages(&g.path(&format!("pdf/guide-{paper}.pdf")));
        assert!(p.len() >= 8, "{paper}: {} pages", p.len());
        for (i, ops) in p.iter().enumerate() {
            assert!(
                *ops > 1,
                "page {} of the print view on {paper} is empty ({p:?})",
                i + 1
            );
        }
    }
}

#[test]
fn no_browser_is_a_clear_error_naming_what_to_install() {
    use assert_cmd::prelude::*;
    let g = GuideTest::bundled();
    let out = std::process::Command::cargo_bin("guide")
        .unwrap()
        .current_dir(g.path(""))
        .env("NO_COLOR", "1")
        .env("PATH", "")
        .env_remove("CHROME")
        .env_remove("CHROMIUM")
        .args(["pdf", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error: no Chromium or Chrome found"), "{err}");
    assert!(err.contains("install Chromium"), "{err}");
    assert!(
        !err.contains("nothing was written"),
        "not a build error: {err}"
    );
    assert!(
        !g.path("public").exists(),
        "nothing built when nothing can print"
    );
}
