//! HTML text helpers every renderer shares: escaping text for HTML, and preparing an SVG's
//! markup to be inlined into a page.

/// Prepares an SVG for inlining as figure `n`: accessible name, intrinsic size, and ids
/// prefixed so two figures on a page never share an id.
pub(crate) fn inline_svg(svg: &str, alt: &str, width: u32, height: u32, n: usize) -> String {
    let tag_end = svg.find('>').unwrap_or(svg.len());
    let (tag, body) = svg.split_at(tag_end);
    let mut attrs = String::new();
    for (k, v) in attrs_of(tag) {
        if !matches!(
            k.as_str(),
            "width"
                | "height"
                | "role"
                | "aria-label"
                | "aria-labelledby"
                | "focusable"
                | "aria-hidden"
        ) {
            attrs.push_str(&format!(" {k}=\"{v}\""));
        }
    }
    let alt = html_escape(alt);
    let mut out = format!(
        "<svg{attrs} role=\"img\" aria-label=\"{alt}\" width=\"{width}\" height=\"{height}\" focusable=\"false\"{body}"
    );
    if out.contains(" id=\"") {
        out = prefix_ids(&out, &format!("f{n}-"));
    }
    out
}

fn attrs_of(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches("<svg").trim_end_matches('/');
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim().to_string();
        let v = rest[eq + 1..].trim_start();
        let Some(q) = v.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(end) = v[1..].find(q) else { break };
        out.push((key, v[1..1 + end].replace('"', "&quot;")));
        rest = &v[end + 2..];
    }
    out
}

fn prefix_ids(svg: &str, prefix: &str) -> String {
    let mut ids = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find(" id=\"") {
        let v = &rest[i + 5..];
        if let Some(end) = v.find('"') {
            ids.push(v[..end].to_string());
        }
        rest = &rest[i + 5..];
    }
    let mut out = svg.to_string();
    for id in ids {
        out = out
            .replace(&format!(" id=\"{id}\""), &format!(" id=\"{prefix}{id}\""))
            .replace(&format!("url(#{id})"), &format!("url(#{prefix}{id})"))
            .replace(
                &format!("href=\"#{id}\""),
                &format!("href=\"#{prefix}{id}\""),
            );
    }
    out
}

/// Escapes text for an HTML attribute or text node.
pub(crate) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
