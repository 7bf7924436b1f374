//! A print view too large for a browser to print (over [`LIMIT`]) is split by top-level
//! section: `print/` keeps the cover, the contents and the introduction, and each chapter
//! goes to `print/<n>/`, with every link to a page in another file pointed there.

use std::collections::HashMap;

/// Above this size the print view is split (about 5 MB: what a browser still prints).
pub(crate) const LIMIT: usize = 5 * 1024 * 1024;

const CHAPTER: &str = "<section class=\"print-page print-depth-1";
const SECTION: &str = "<section class=\"print-page ";

/// The print view's files: `print/index.html` alone when `html` is at most `limit` bytes,
/// else it and one `print/<n>/index.html` per chapter.
pub(crate) fn files(html: String, limit: usize) -> Vec<(String, String)> {
    let cut = (html.len() > limit).then(|| Cut::of(&html)).flatten();
    let Some(cut) = cut else {
        return vec![("print/index.html".into(), html)];
    };
    let chunks: Vec<&str> = cut.chunks().into_iter().map(|r| &html[r]).collect();
    let parts = Parts::new(&html[..cut.body_start], &html[cut.main_end..], &chunks);
    (0..chunks.len())
        .map(|k| parts.file(k, chunks[k]))
        .collect()
}

/// Where a print view splits: the body's start, each chapter's start and the end of `<main>`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cut {
    /// Just after `<main …>`.
    pub(crate) body_start: usize,
    /// Where each chapter's section starts.
    pub(crate) starts: Vec<usize>,
    /// Where `</main>` starts.
    pub(crate) main_end: usize,
}

impl Cut {
    /// The cut of `html`, or None when it has no chapter (or not the expected shape) and so
    /// stays one file whatever its size.
    pub(crate) fn of(html: &str) -> Option<Cut> {
        let starts: Vec<usize> = html.match_indices(CHAPTER).map(|(i, _)| i).collect();
        let (&first, main_end) = (starts.first()?, html.rfind("</main>")?);
        if main_end < first {
            return None;
        }
        let body_start = html
            .find("<main")
            .and_then(|m| html[m..].find('>').map(|e| m + e + 1))
            .filter(|&b| b <= first)?;
        Some(Cut {
            body_start,
            starts,
            main_end,
        })
    }

    /// The byte ranges of the chunks: 0 is the front matter, k the k-th chapter with its
    /// nested pages.
    pub(crate) fn chunks(&self) -> Vec<std::ops::Range<usize>> {
        let mut bounds = self.starts.clone();
        bounds.push(self.main_end);
        let front = std::iter::once(self.body_start..self.starts[0]);
        front.chain(bounds.windows(2).map(|w| w[0]..w[1])).collect()
    }
}

/// Whether a page's print fragment holds text that [`Cut::of`] or [`Parts::new`] would take
/// for the view's own sections (then only cutting the whole view finds the same parts).
pub(crate) fn looks_like_a_section(fragment: &str) -> bool {
    fragment.contains(SECTION)
}

/// What the part files share: the view's head (and as a part sees it, one folder deeper),
/// its tail, and the chunk each page's section is in.
#[derive(Debug)]
pub(crate) struct Parts {
    head: String,
    part_head: String,
    tail: String,
    home: HashMap<String, usize>,
}

impl Parts {
    /// The parts of a view with this `head` (up to the body), `tail` (from `</main>`) and
    /// `chunks` (see [`Cut::chunks`]).
    pub(crate) fn new(head: &str, tail: &str, chunks: &[&str]) -> Parts {
        let mut home: HashMap<String, usize> = HashMap::new();
        for (k, chunk) in chunks.iter().enumerate() {
            for (i, _) in chunk.match_indices(SECTION) {
                let rest = &chunk[i..];
                if let Some(id) = rest.find(" id=\"").map(|j| &rest[j + 5..])
                    && let Some(end) = id.find('"')
                {
                    home.insert(id[..end].to_string(), k);
                }
            }
        }
        Parts {
            head: head.to_string(),
            part_head: head
                .replace("href=\"../", "href=\"../../")
                .replace("src=\"../", "src=\"../../"),
            tail: tail.to_string(),
            home,
        }
    }

    /// Chunk `k` as its file: (output path, HTML).
    pub(crate) fn file(&self, k: usize, chunk: &str) -> (String, String) {
        let body = relink(chunk, k, &self.home);
        let tail = &self.tail;
        if k == 0 {
            (
                "print/index.html".into(),
                format!("{}{body}{tail}", self.head),
            )
        } else {
            let file = format!(
                "{}\n<p class=\"print-part-nav\"><a href=\"../\">Contents</a></p>\n{body}{tail}",
                self.part_head
            );
            (format!("print/{k}/index.html"), file)
        }
    }
}

/// `href="#page-x…"` to a page in another file → that file's address with the fragment.
fn relink(chunk: &str, k: usize, home: &HashMap<String, usize>) -> String {
    let mut out = String::with_capacity(chunk.len() + 64);
    let mut pos = 0;
    for (i, pat) in chunk.match_indices("href=\"#") {
        let start = i + pat.len();
        let end = chunk[start..].find('"').map_or(chunk.len(), |e| start + e);
        let frag = &chunk[start..end];
        let page = frag.split_once("--").map_or(frag, |(p, _)| p);
        let Some(&there) = home.get(page).filter(|&&t| t != k) else {
            continue;
        };
        let to = match (k, there) {
            (0, t) => format!("{t}/"),
            (_, 0) => "../".to_string(),
            (_, t) => format!("../{t}/"),
        };
        out.push_str(&chunk[pos..i]);
        out.push_str(&format!("href=\"{to}#"));
        pos = start;
    }
    out.push_str(&chunk[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_go_to_their_own_files_and_links_follow() {
        let html = concat!(
            "<head><link rel=\"stylesheet\" href=\"../static/s.css\"></head><body><main id=\"main\">",
            "<nav><a href=\"#page-a\">A</a> <a href=\"#page-b\">B</a></nav>",
            "<section class=\"print-page print-depth-0\" id=\"page-home\"><a href=\"#page-b--x\">b</a></section>",
            "<section class=\"print-page print-depth-1 print-ch-1\" id=\"page-a\"><a href=\"#page-a--y\">y</a><a href=\"#page-home\">h</a></section>",
            "<section class=\"print-page print-depth-1 print-ch-2\" id=\"page-b\"><a href=\"#page-a\">a</a></section>",
            "<section class=\"print-page print-depth-2 print-ch-2\" id=\"page-b-c\"></section>",
            "</main></body>"
        )
        .to_string();
        assert_eq!(files(html.clone(), html.len()).len(), 1);
        let f = files(html, 10);
        let paths: Vec<&str> = f.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "print/index.html",
                "print/1/index.html",
                "print/2/index.html"
            ]
        );
        assert!(f[0].1.contains("href=\"1/#page-a\"") && f[0].1.contains("href=\"2/#page-b--x\""));
        assert!(
            f[1].1.contains("href=\"#page-a--y\"") && f[1].1.contains("href=\"../#page-home\"")
        );
        assert!(f[1].1.contains("href=\"../../static/s.css\""));
        assert!(f[2].1.contains("href=\"../1/#page-a\"") && f[2].1.contains("id=\"page-b-c\""));
        assert!(!f[0].1.contains("print-depth-1") && f[2].1.ends_with("</main></body>"));
    }
}
