//! Redirects (front-matter `aliases`, book.toml `[redirects]`) and `[links]` for links that
//! leave the content folder.

use crate::harness::GuideTest;

fn with_redirects(table: &str) -> GuideTest {
    let g = GuideTest::fixture("basic");
    g.edit(
        "content/01-anatomy.md",
        "title: Anatomy",
        "title: Anatomy\naliases: [\"old/anatomy.html\", \"bones/\"]",
    );
    let toml = g.read("book.toml");
    g.write("book.toml", format!("{toml}\n[redirects]\n{table}"));
    g
}

#[test]
fn aliases_and_table_become_redirect_pages() {
    let g = with_redirects(
        "\"/format/lunge.html\" = \"03-stretches/01-lunge.md#the-lunge\"\n\"away.html\" = \"https://example.org/\"\n",
    );
    g.build_ok();
    let old = g.read("public/old/anatomy.html");
    assert!(
        old.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"),
        "{old}"
    );
    assert!(
        old.contains("<meta http-equiv=\"refresh\" content=\"0; url=../anatomy/\">"),
        "{old}"
    );
    assert!(
        old.contains("<link rel=\"canonical\" href=\"../anatomy/\">"),
        "{old}"
    );
    assert!(old.contains("<a href=\"../anatomy/\">Anatomy</a>"), "{old}");
    let dir = g.read("public/bones/index.html");
    assert!(dir.contains("url=../anatomy/\""), "{dir}");
    let lunge = g.read("public/format/lunge.html");
    assert!(
        lunge.contains("url=../stretches/lunge/#the-lunge\""),
        "{lunge}"
    );
    assert!(
        g.read("public/away.html")
            .contains("url=https://example.org/\"")
    );
}

#[test]
fn redirects_are_in_no_sitemap() {
    let g = with_redirects("");
    let out = g.cmd(&["build", "--base-url", "https://example.org/g/"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let old = g.read("public/old/anatomy.html");
    assert!(
        old.contains("<link rel=\"canonical\" href=\"https://example.org/g/anatomy/\">"),
        "{old}"
    );
    let sitemap = g.read("public/sitemap.xml");
    assert!(
        !sitemap.contains("old/") && !sitemap.contains("bones"),
        "{sitemap}"
    );
}

#[test]
fn redirect_to_a_missing_page_is_an_error() {
    let g = with_redirects("\"x.html\" = \"03-stretches/01-lunges.md\"\n");
    let err = g.build_err();
    assert!(
        err.contains("error: redirect `x.html` goes to a missing page `03-stretches/01-lunges.md`"),
        "{err}"
    );
    assert!(err.contains("--> book.toml:"), "{err}");
    assert!(
        err.contains("did you mean `03-stretches/01-lunge.md`?"),
        "{err}"
    );
}

#[test]
fn redirect_colliding_with_a_page_or_generated_file_is_an_error() {
    let g = with_redirects(
        "\"anatomy/\" = \"02-location.md\"\n\"404.html\" = \"02-location.md\"\n\"old/anatomy.html\" = \"02-location.md\"\n",
    );
    let err = g.build_err();
    assert!(
        err.contains(
            "redirect written to `anatomy/index.html`, which is the page content/01-anatomy.md"
        ),
        "{err}"
    );
    assert!(
        err.contains("redirect written to `404.html`, which is the not-found page"),
        "{err}"
    );
    assert!(err.contains("redirect written to `old/anatomy.html`, which is another redirect (content/01-anatomy.md:3)"), "{err}");
    assert!(err.contains("--> book.toml:"), "{err}");
}

#[test]
fn bad_alias_is_located_in_front_matter() {
    let g = GuideTest::fixture("basic");
    g.edit(
        "content/01-anatomy.md",
        "title: Anatomy",
        "aliases: [\"../up.html\"]\ntitle: Anatomy",
    );
    let err = g.build_err();
    assert!(
        err.contains("redirect from `../up.html`: a path with `.` or `..` segments"),
        "{err}"
    );
    assert!(err.contains("--> content/01-anatomy.md:2:"), "{err}");
}

#[test]
fn links_table_maps_links_outside_the_content_folder() {
    let g = GuideTest::fixture("basic");
    g.edit(
        "content/03-stretches/01-lunge.md",
        "go [home]",
        "see [Vec](../../std/vec/struct.Vec.html#method.new) and [book](../../book/) go [home]",
    );
    let err = g.build_err();
    assert!(
        err.contains("link `../../std/vec/struct.Vec.html#method.new` leaves the content folder"),
        "{err}"
    );
    assert!(err.contains("[links]"), "{err}");
    let toml = g.read("book.toml");
    g.write("book.toml", format!("{toml}\n[links]\n\"../std/\" = \"https://doc.rust-lang.org/std/\"\n\"../\" = \"https://doc.rust-lang.org/\"\n"));
    g.build_ok();
    let page = g.read("public/stretches/lunge/index.html");
    assert!(
        page.contains("href=\"https://doc.rust-lang.org/std/vec/struct.Vec.html#method.new\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"https://doc.rust-lang.org/book/\""),
        "{page}"
    );
}

#[test]
fn links_table_rejects_what_can_never_match() {
    let g = GuideTest::fixture("basic");
    let toml = g.read("book.toml");
    g.write(
        "book.toml",
        format!(
            "{toml}\n[links]\n\"std/\" = \"https://doc.rust-lang.org/std/\"\n\"../x/\" = \"/x/\"\n"
        ),
    );
    let err = g.build_err();
    assert!(
        err.contains("[links] prefix `std/` does not leave the content folder"),
        "{err}"
    );
    assert!(
        err.contains("[links] `../x/` maps to `/x/`, which is not an absolute http(s) URL"),
        "{err}"
    );
    assert!(err.contains("--> book.toml:12:1"), "{err}");
}
