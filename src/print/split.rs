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
    let part_head = html[..body_start]
        .replace("href=\"../", "href=\"../../")
        .replace("src=\"../", "src=\"../../");
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
    for (k, chunk) in chunks.iter().enumerate() {
        let body = relink(chunk, k, &home);
        let file = if k == 0 {
            format!("{}{body}{tail}", &html[..body_start])
        } else {
            format!(
                "{part_head}\n<p class=\"print-part-nav\"><a href=\"../\">Contents</a></p>\n{body}{tail}"
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

/// `href="#page-x…"` to a page in another file → that file's address with the fragment.
fn relink(chunk: &str, k: usize, home: &HashMap<&str, usize>) -> String {
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
