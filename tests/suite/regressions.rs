//! Inputs that once made guide panic, hang or lose output, found by the property tests
//! (`props.rs`) and the robustness suite (`robustness.rs`); each stays fixed.

use crate::props::build_project;

fn project(book: &str, pages: &[(&str, &[u8])]) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![("book.toml".to_string(), book.as_bytes().to_vec())];
    for (name, bytes) in pages {
        files.push((format!("content/{name}"), bytes.to_vec()));
    }
    files
}

/// Edge inputs worth pinning even when they pass: empty and unterminated files.
#[test]
fn edge_inputs_do_not_panic() {
    let book = "[book]\ntitle = \"R\"\n";
    for pages in [
        &[("_index.md", &b""[..])][..],
        &[("_index.md", b"+++\n")],
        &[("_index.md", b"---\n")],
        &[("_index.md", b"+++\n+++\n")],
        &[("_index.md", b"\0\0\0")],
        &[("_index.md", b"# x {#}\n")],
        &[
            ("_index.md", b"# Home\n"),
            ("a.md", b"[^1]\n\n[^1]: [^1]\n"),
        ],
    ] {
        build_project(&project(book, pages)).unwrap();
    }
    for book in [
        "",
        "[book]",
        "[book]\ntitle = 1",
        "\u{feff}[book]\ntitle = \"BOM\"\n",
    ] {
        build_project(&project(book, &[("_index.md", b"# Home\n")])).unwrap();
    }
}

/// The print view rewrote a page's ids and links by searching the rest of the page for every
/// pattern after each match: quadratic, 14 s of a 17 s release build for a 50 MB page (found
/// by `robustness::fifty_megabyte_markdown`). 60,000 headings on one page took over a minute.
#[test]
fn print_view_of_a_page_with_many_ids_is_linear() {
    let mut page = String::from("# Many\n\n");
    for i in 0..60_000 {
        page.push_str(&format!("## H{i}\n\nx\n\n"));
    }
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("guide");
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("book.toml"), "[book]\ntitle = \"R\"\n").unwrap();
    std::fs::write(root.join("content/_index.md"), "# Home\n").unwrap();
    std::fs::write(root.join("content/many.md"), &page).unwrap();
    // Not timed (CI machines are shared): the quadratic version takes minutes here, which
    // shows as a slow suite; the benchmark measures the time.
    let built = guide::build(&guide::BuildOptions {
        root,
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{}", e.render_plain()));
    // Over about 5 MB the print view is split by top-level section (print/<n>/).
    let has = |id: &str| {
        built.tree.files.iter().any(|(path, bytes)| {
            path.starts_with("print/") && String::from_utf8_lossy(bytes).contains(id)
        })
    };
    assert!(
        has("id=\"page-many--h59999\""),
        "the print view has every heading"
    );
}
