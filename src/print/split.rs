//! A print view too large for a browser to print (over [`LIMIT`]) is split by top-level
//! section: `print/` keeps the cover, the contents and the introduction, and each chapter
//! goes to `print/<n>/`, with every link to a page in another file pointed there.

use std::collections::HashMap;

use super::reroot::{Fragments, ends_between_attributes, one_deeper};

/// Above this size the print view is split (about 5 MB: what a browser still prints).
pub(crate) const LIMIT: usize = 5 * 1024 * 1024;

const CHAPTER: &str = "<section class=\"print-page print-depth-1";
const SECTION: &str = "<section class=\"print-page ";

/// The print view's files: `print/index.html` alone when `html` is at most `limit` bytes,
/// else it and one `print/<n>/index.html` per chapter.
#[cfg(test)]
pub(crate) fn files(html: String, limit: usize) -> Vec<(String, String)> {
    let mut out = Vec::new();
    each(html, limit, |path, file| out.push((path, file)));
    out
}

/// [`files`], each handed to `emit` as soon as it is cut (so only one part is held beside
/// the whole view).
pub(crate) fn each(html: String, limit: usize, mut emit: impl FnMut(String, String)) {
    let whole = |html| ("print/index.html".to_string(), html);
    let starts: Vec<usize> = if html.len() <= limit {
        Vec::new()
    } else {
        html.match_indices(CHAPTER).map(|(i, _)| i).collect()
    };
    let (Some(&first), Some(main_end)) = (starts.first(), html.rfind("</main>")) else {
        let (p, h) = whole(html);
        return emit(p, h);
    };
    let body_start = html
        .find("<main")
        .and_then(|m| html[m..].find('>').map(|e| m + e + 1));
    let Some(body_start) = body_start.filter(|&b| b <= first && main_end >= first) else {
        let (p, h) = whole(html);
        return emit(p, h);
    };
    let part_head = one_deeper(&html[..body_start], Fragments::Keep);
    let tail = &html[main_end..];
    // Chunks: 0 is the front matter, k the k-th chapter with its nested pages.
    let mut bounds = starts.clone();
    bounds.push(main_end);
    let mut chunks = vec![&html[body_start..first]];
    chunks.extend(bounds.windows(2).map(|w| &html[w[0]..w[1]]));
    let mut home: HashMap<&str, usize> = HashMap::new();
    for (k, chunk) in chunks.iter().enumerate() {
        for (i, _) in chunk.match_indices(SECTION) {
            let rest = &chunk[i..];
            if let Some(id) = rest.find(" id=\"").map(|j| &rest[j + 5..])
                && let Some(end) = id.find('"')
            {
                home.insert(&id[..end], k);
            }
        }
    }
    // At ~100,000 pages the contents alone are over the limit: the front file then lists
    // the chapters, and each chapter file its own pages.
    let front_len = body_start + chunks[0].len() + tail.len();
    let (front, tocs) = match (front_len > limit).then(|| toc_by_chapter(chunks[0], chunks.len())) {
        Some(Some((front, tocs))) => (Some(front), tocs),
        _ => (None, vec![String::new(); chunks.len()]),
    };
    if let Some(front) = &front {
        chunks[0] = front;
    }
    for (k, chunk) in chunks.iter().enumerate() {
        let body = part_body(chunk, k, &home);
        let file = if k == 0 {
            format!("{}{body}{tail}", &html[..body_start])
        } else {
            let toc = relink(&tocs[k], k, &home);
            format!(
                "{part_head}\n<p class=\"print-part-nav\"><a href=\"../\">Contents</a></p>{toc}\n{body}{tail}"
            )
        };
        let path = if k == 0 {
            "print/index.html".to_string()
        } else {
            format!("print/{k}/index.html")
        };
        emit(path, file);
    }
}

/// The front matter with its contents cut to the chapters (depth 0 and 1), and for each
/// chunk the contents of its nested pages as a `<nav>` of its own; None when `front` has
/// no contents list.
pub(crate) fn toc_by_chapter(front: &str, chunks: usize) -> Option<(String, Vec<String>)> {
    const LIST: &str = "<ol class=\"print-toc-list\">";
    const ENTRY: &str = "\n<li class=\"print-toc-d";
    let start = front.find(LIST)? + LIST.len();
    let end = start + front[start..].find("\n</ol>")?;
    let title = front
        .find("class=\"print-toc-title\">")
        .map(|i| &front[i + 24..])
        .and_then(|t| t.find("</h2>").map(|e| &t[..e]))
        .unwrap_or("Contents");
    let mut kept = String::new();
    let mut parts = vec![String::new(); chunks];
    let mut chapter = 0;
    let list = &front[start..end];
    let mut at: Vec<usize> = list.match_indices(ENTRY).map(|(i, _)| i).collect();
    at.push(list.len());
    kept.push_str(&list[..at[0]]);
    for w in at.windows(2) {
        let entry = &list[w[0]..w[1]];
        let depth: usize = entry[ENTRY.len()..]
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        chapter += usize::from(depth == 1);
        match parts.get_mut(chapter) {
            Some(part) if depth >= 2 && chapter > 0 => part.push_str(entry),
            _ => kept.push_str(entry),
        }
    }
    for part in parts.iter_mut().filter(|p| !p.is_empty()) {
        *part = format!(
            "\n<nav class=\"print-toc print-part-toc\" aria-label=\"{title}\">\n{LIST}{part}\n</ol>\n</nav>"
        );
    }
    let front = format!("{}{kept}{}", &front[..start], &front[end..]);
    Some((front, parts))
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
            part_head: one_deeper(head, Fragments::Keep),
            tail: tail.to_string(),
            home,
        }
    }

    /// The length of the front file with a front chunk of `chunk_len` bytes (over the
    /// limit, [`each`] splits its contents by chapter).
    pub(crate) fn front_len(&self, chunk_len: usize) -> usize {
        self.head.len() + chunk_len + self.tail.len()
    }

    /// Chunk `k` as its file: (output path, HTML), as [`each`] makes it; `toc` is the
    /// chunk's own contents when the front file's are split by chapter (see
    /// [`toc_by_chapter`]), else empty.
    pub(crate) fn file(&self, k: usize, chunk: &str, toc: &str) -> (String, String) {
        let (mut file, tail) = self.frame(k, toc);
        file.push_str(&part_body(chunk, k, &self.home));
        file.push_str(tail);
        (Self::path(k), file)
    }

    /// Chunk `k`'s output path.
    pub(crate) fn path(k: usize) -> String {
        if k == 0 {
            "print/index.html".into()
        } else {
            format!("print/{k}/index.html")
        }
    }

    /// What chunk `k`'s file holds before its body and after it (see [`Parts::file`]).
    pub(crate) fn frame(&self, k: usize, toc: &str) -> (String, &str) {
        let before = if k == 0 {
            self.head.clone()
        } else {
            let toc = relink(toc, k, &self.home);
            format!(
                "{}\n<p class=\"print-part-nav\"><a href=\"../\">Contents</a></p>{toc}\n",
                self.part_head
            )
        };
        (before, &self.tail)
    }

    /// A piece of chunk `k`'s body as its file holds it, and whether the piece ends between
    /// attributes (see [`ends_between_attributes`]): then the body of a chunk whose pieces
    /// all do is the concatenation of its pieces', and a piece can be made again alone.
    pub(crate) fn piece(&self, k: usize, text: &str) -> (String, bool) {
        if k == 0 {
            (relink(text, k, &self.home), ends_between_attributes(text))
        } else {
            let deeper = one_deeper(text, Fragments::Keep);
            let ends = ends_between_attributes(text) && ends_between_attributes(&deeper);
            (relink(&deeper, k, &self.home), ends)
        }
    }
}

/// Chunk `k` as its file's body: a part (k > 0) is one folder deeper than the view, and
/// every link to a page in another file points there.
fn part_body<K>(chunk: &str, k: usize, home: &HashMap<K, usize>) -> String
where
    K: std::borrow::Borrow<str> + std::hash::Hash + Eq,
{
    if k == 0 {
        relink(chunk, k, home)
    } else {
        relink(&one_deeper(chunk, Fragments::Keep), k, home)
    }
}

/// `href="#page-x…"` to a page in another file → that file's address with the fragment.
fn relink<K>(chunk: &str, k: usize, home: &HashMap<K, usize>) -> String
where
    K: std::borrow::Borrow<str> + std::hash::Hash + Eq,
{
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
            "<section class=\"print-page print-depth-1 print-ch-1\" id=\"page-a\"><img src=\"../p/x.480.jpg\" srcset=\"../p/x.480.jpg 480w\"><a href=\"#page-a--y\">y</a><a href=\"#page-home\">h</a></section>",
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
        assert!(
            f[1].1
                .contains("src=\"../../p/x.480.jpg\" srcset=\"../../p/x.480.jpg 480w\""),
            "a part's photos are one folder deeper: {}",
            f[1].1
        );
        assert!(f[2].1.contains("href=\"../1/#page-a\"") && f[2].1.contains("id=\"page-b-c\""));
        assert!(!f[0].1.contains("print-depth-1") && f[2].1.ends_with("</main></body>"));
    }

    #[test]
    fn contents_over_the_limit_list_chapters_in_front_and_pages_in_their_chapter() {
        let html = concat!(
            "<head></head><body><main id=\"main\">",
            "<nav class=\"print-toc\"><h2 id=\"print-toc-title\" class=\"print-toc-title\">Contents</h2>",
            "<ol class=\"print-toc-list\">",
            "\n<li class=\"print-toc-d0\"><a href=\"#page-home\">Home</a></li>",
            "\n<li class=\"print-toc-d1\"><a href=\"#page-a\">A</a></li>",
            "\n<li class=\"print-toc-d2\"><a href=\"#page-a-x\">X</a></li>",
            "\n<li class=\"print-toc-d1\"><a href=\"#page-b\">B</a></li>",
            "\n<li class=\"print-toc-d2\"><a href=\"#page-b-y\">Y</a></li>",
            "\n</ol>\n</nav>",
            "<section class=\"print-page print-depth-0\" id=\"page-home\"></section>",
            "<section class=\"print-page print-depth-1 print-ch-1\" id=\"page-a\"></section>",
            "<section class=\"print-page print-depth-2 print-ch-1\" id=\"page-a-x\"></section>",
            "<section class=\"print-page print-depth-1 print-ch-2\" id=\"page-b\"></section>",
            "<section class=\"print-page print-depth-2 print-ch-2\" id=\"page-b-y\"></section>",
            "</main></body>"
        )
        .to_string();
        let f = files(html, 10);
        assert!(f[0].1.contains("href=\"1/#page-a\"") && f[0].1.contains("href=\"2/#page-b\""));
        assert!(!f[0].1.contains("page-a-x\"") && !f[0].1.contains("page-b-y\""));
        assert!(
            f[1].1.contains("aria-label=\"Contents\"") && f[1].1.contains("href=\"#page-a-x\"")
        );
        assert!(!f[1].1.contains("page-b-y\">Y") && f[2].1.contains("href=\"#page-b-y\""));
    }

    use proptest::prelude::*;

    fn htmlish() -> impl Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            " href=\"",
            "href=\"#",
            "#page-a",
            "#page-b--c",
            "page-a",
            " src=\"",
            "x.png",
            "=\"",
            "\"",
            " ",
            "h",
            ">",
            "\n",
            "-",
        ]);
        proptest::collection::vec(piece, 0..20).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn a_chunk_of_pieces_ending_between_attributes_is_its_pieces_made_alone(
            pieces in proptest::collection::vec(htmlish(), 1..5), k in 0usize..3,
        ) {
            let chunks = [
                "<section class=\"print-page print-depth-0\" id=\"page-home\">",
                "<section class=\"print-page print-depth-1\" id=\"page-a\">",
                "<section class=\"print-page print-depth-1\" id=\"page-b\">",
            ];
            let parts = Parts::new("<head></head><main>", "</main>", &chunks);
            let made: Vec<(String, bool)> = pieces.iter().map(|p| parts.piece(k, p)).collect();
            if made.iter().all(|(_, ends)| *ends) {
                let whole = parts.file(k, &pieces.concat(), "").1;
                let (mut apart, tail) = parts.frame(k, "");
                made.iter().for_each(|(p, _)| apart.push_str(p));
                apart.push_str(tail);
                prop_assert_eq!(whole, apart);
            }
        }
    }
}
