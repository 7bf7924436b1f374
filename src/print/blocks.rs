//! A page body (our own renderer's HTML) cut into its top-level blocks: a heading, a list,
//! a figure, a callout… What a handout keeps is chosen block by block.

/// The top-level elements of `html`, each as its whole markup (text between them dropped).
pub(crate) fn top_level(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    let mut i = 0;
    while let Some(k) = html[i..].find('<') {
        let at = i + k;
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| at + e + 3);
            continue;
        }
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..=close];
        let end = at + close + 1;
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if tag.starts_with("</") {
            depth = depth.saturating_sub(1);
            if depth == 0
                && let Some(s) = start.take()
            {
                out.push(&html[s..end]);
            }
        } else if !tag.starts_with("<!") && !name.is_empty() {
            let void = tag.ends_with("/>") || VOID.contains(&name.as_str());
            if depth == 0 {
                start = Some(at);
            }
            if void {
                if depth == 0 {
                    out.push(&html[at..end]);
                    start = None;
                }
            } else if matches!(name.as_str(), "script" | "style") {
                // Raw text: skip to its end tag.
                let close_tag = format!("</{name}");
                i = html[end..].find(&close_tag).map_or(html.len(), |e| end + e);
                depth += 1;
                continue;
            } else {
                depth += 1;
            }
        }
        i = end;
    }
    out
}

const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_at_the_top_level_only() {
        let html = "<h2 id=\"a\">A <a href=\"#a\">#</a></h2>\n<p>x<br>y</p>\n<!-- c -->\n<ol>\n<li><p>a</p></li>\n</ol>\n<figure><svg><path d=\"M0\"/></svg></figure><hr>";
        assert_eq!(
            top_level(html),
            [
                "<h2 id=\"a\">A <a href=\"#a\">#</a></h2>",
                "<p>x<br>y</p>",
                "<ol>\n<li><p>a</p></li>\n</ol>",
                "<figure><svg><path d=\"M0\"/></svg></figure>",
                "<hr>"
            ]
        );
    }
}
