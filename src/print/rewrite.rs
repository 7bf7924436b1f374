//! Rewrites of a page's print fragment (plain string scans: the HTML is our own renderer's,
//! so the shapes are known): headings moved to the page's outline level, figure numbers and
//! the numbers in links to figures turned into the book's ("Figure 3.2").

use super::Book;

/// `<h2>`…`<h5>` → `<h{2+shift}>`, at most `<h6>` (start and end tags).
pub(crate) fn shift_headings(html: &str, shift: usize) -> String {
    if shift == 0 {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let bytes = html.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while let Some(at) = html[i..].find("<").map(|k| i + k) {
        let tag = if bytes.get(at + 1) == Some(&b'/') {
            at + 2
        } else {
            at + 1
        };
        let is_heading = matches!(bytes.get(tag), Some(b'h' | b'H'))
            && matches!(bytes.get(tag + 1), Some(b'1'..=b'6'))
            && matches!(bytes.get(tag + 2), Some(b'>' | b' ' | b'\n' | b'\t' | b'/'));
        if is_heading {
            let level = usize::from(bytes[tag + 1] - b'0');
            out.push_str(&html[last..tag + 1]);
            out.push_str(&(level + shift).min(6).to_string());
            last = tag + 2;
        }
        i = at + 1;
    }
    out.push_str(&html[last..]);
    out
}

const NUMBER: &str = "<span class=\"figure-number\">";
const DESC: &str = "<details class=\"figure-description\">\n<summary>";
const LINK: &str = "href=\"#";

/// Figure captions, the summaries of their long descriptions, and the links to figures
/// (`#page-x--figure-N`, this page's or another's) of a fragment, with the book's numbers.
pub(crate) fn renumber_figures(html: &str, anchor: &str, book: &Book) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut pos = 0;
    let own = |n| book.figure_label(anchor, n);
    let pats = [NUMBER, DESC, LINK];
    let find = |k: usize, from: usize| html[from..].find(pats[k]).map(|i| from + i);
    // Where each pattern next occurs, searched again only once passed: linear on a long
    // page (searching every pattern after every match was quadratic).
    let mut next: [Option<usize>; 3] = std::array::from_fn(|k| find(k, 0));
    loop {
        for (k, at) in next.iter_mut().enumerate() {
            if at.is_some_and(|i| i < pos) {
                *at = find(k, pos);
            }
        }
        let Some((at, pat)) = (0..3).filter_map(|k| next[k].map(|i| (i, pats[k]))).min() else {
            break;
        };
        let start = at + pat.len();
        if pat != LINK {
            // "Figure 2." / "Description of figure 2": this page's number, in the text.
            let close = if pat == NUMBER {
                "</span>"
            } else {
                "</summary>"
            };
            let end = html[start..].find(close).map_or(html.len(), |k| start + k);
            out.push_str(&html[pos..start]);
            out.push_str(&relabel_first(&html[start..end], own));
            pos = end;
            continue;
        }
        let end = html[start..].find('"').map_or(html.len(), |k| start + k);
        let label = html[start..end]
            .rsplit_once("--figure-")
            .and_then(|(page, n)| Some((page, n.parse::<usize>().ok()?)))
            .and_then(|(page, n)| Some((n, book.figure_label(page, n)?)));
        let Some((n, label)) = label else {
            out.push_str(&html[pos..end]);
            pos = end;
            continue;
        };
        // The link's text: from the end of its start tag to `</a>`.
        let text_start = html[end..].find('>').map_or(html.len(), |k| end + k + 1);
        let text_end = html[text_start..]
            .find("</a>")
            .map_or(html.len(), |k| text_start + k);
        out.push_str(&html[pos..text_start]);
        let text = &html[text_start..text_end];
        out.push_str(&relabel_first(text, |m| (m == n).then(|| label.clone())));
        pos = text_end;
    }
    out.push_str(&html[pos..]);
    out
}

/// Replaces the first standalone number in `text` (outside tags) for which `label` has a
/// replacement; the rest is kept as written.
pub(crate) fn relabel_first(text: &str, label: impl Fn(usize) -> Option<String>) -> String {
    let b = text.as_bytes();
    let mut in_tag = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            c if c.is_ascii_digit() && !in_tag => {
                let end = (i..b.len())
                    .find(|&k| !b[k].is_ascii_digit())
                    .unwrap_or(b.len());
                let standalone = (i == 0 || !matches!(b[i - 1], b'.' | b'0'..=b'9'))
                    && !(b.get(end) == Some(&b'.')
                        && b.get(end + 1).is_some_and(u8::is_ascii_digit));
                if standalone && let Some(l) = text[i..end].parse().ok().and_then(&label) {
                    return format!("{}{l}{}", &text[..i], &text[end..]);
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    text.to_string()
}
