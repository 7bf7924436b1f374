//! The streamed print view against the whole view cut by [`split::each`]: the same files,
//! byte for byte, under and over the limit, with the contents split, and with a fragment
//! that looks like a section.

use super::*;

/// A shell like the template's: contents, the landing page, then chapters 1..=3 of two
/// pages each (a chapter section and one nested page).
fn shell() -> String {
    let mut s = String::from(
        "<html><head><link rel=\"stylesheet\" href=\"../s.css\"></head><body><main id=\"main\">",
    );
    s.push_str("<nav class=\"print-toc\"><h2 id=\"print-toc-title\" class=\"print-toc-title\">Contents</h2>");
    s.push_str("<ol class=\"print-toc-list\">");
    for i in 0..7 {
        let depth = if i == 0 {
            0
        } else if i % 2 == 1 {
            1
        } else {
            2
        };
        s.push_str(&format!(
            "\n<li class=\"print-toc-d{depth}\"><a href=\"#page-{i}\">Page {i}</a></li>"
        ));
    }
    s.push_str("\n</ol>\n</nav>");
    s.push_str("<section class=\"print-page print-depth-0\" id=\"page-0\">\u{1}0\u{1}</section>");
    for i in 1..7 {
        let depth = if i % 2 == 1 { 1 } else { 2 };
        s.push_str(&format!(
            "<section class=\"print-page print-depth-{depth}\" id=\"page-{i}\">\u{1}{i}\u{1}</section>"
        ));
    }
    s.push_str("</main></body></html>");
    s
}

fn site() -> Site {
    Site {
        order: (0..7).collect(),
        ..Site::default()
    }
}

fn frag(id: PageId) -> String {
    format!(
        "<p>Page {id}, see <a href=\"#page-{}\">x</a>.</p>",
        (id + 3) % 7
    )
}

fn streamed(fragment: &(dyn Fn(PageId) -> String + Sync), limit: usize) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut emit = |p: String, h: Bytes| {
        out.retain(|(q, _): &(String, String)| *q != p);
        out.push((p, String::from_utf8(h.to_vec()).expect("UTF-8")));
        Ok(())
    };
    stream(&site(), &shell(), (fragment, true), limit, &mut emit).expect("no write fails");
    out.sort();
    out
}

fn cut_whole(fragment: &dyn Fn(PageId) -> String, limit: usize) -> Vec<(String, String)> {
    let site = site();
    let shell = shell();
    let mut html = String::new();
    for (i, piece) in shell.split(SLOT).enumerate() {
        match i % 2 {
            0 => html.push_str(piece),
            _ => html.push_str(&fragment(site.order[piece.parse::<usize>().unwrap()])),
        }
    }
    let mut out = split::files(html, limit);
    out.sort();
    out
}

#[test]
fn streamed_parts_are_the_cut_of_the_whole_view_at_every_limit() {
    let whole_len = cut_whole(&frag, usize::MAX)[0].1.len();
    // One file; cut with the contents whole; cut with the contents split by chapter; and
    // just under, at and over the view's own size.
    for limit in [
        usize::MAX,
        1200,
        400,
        10,
        whole_len - 1,
        whole_len,
        whole_len + 1,
    ] {
        let got = streamed(&frag, limit);
        assert_eq!(got, cut_whole(&frag, limit), "limit {limit}");
    }
    assert_eq!(
        streamed(&frag, 10).len(),
        4,
        "front matter and three chapters"
    );
    let split_toc = streamed(&frag, 10);
    assert!(
        split_toc[1].1.contains("print-part-toc"),
        "{}",
        split_toc[1].1
    );
}

#[test]
fn a_fragment_that_looks_like_a_section_cuts_the_whole_view() {
    let marked = |id: PageId| match id {
        5 => "<section class=\"print-page print-depth-1\" id=\"page-x\">x</section>".to_string(),
        _ => frag(id),
    };
    for limit in [10, 400, usize::MAX] {
        assert_eq!(
            streamed(&marked, limit),
            cut_whole(&marked, limit),
            "limit {limit}"
        );
    }
    // More chapters than the shell has: the whole view's cut has one more file.
    assert_eq!(streamed(&marked, 10).len(), 5);
}
