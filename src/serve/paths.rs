//! From a raw request path to a key of the in-memory site, and from a key to its
//! `Content-Type`.
//!
//! This is the traversal defence, kept pure so every refused shape is a unit test: the
//! path is percent-decoded once and then refused if any segment is `.`/`..` or empty, or
//! if it holds a backslash, a colon (drive letters), NUL or another control character.
//! Nothing here touches the filesystem; the server only ever looks keys up in memory.

/// Turns a raw (percent-encoded) URL path into a key of the in-memory site, or `None` when
/// it tries to leave the site. A trailing `/` is kept so the caller can add `index.html`.
pub(crate) fn sanitize_path(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix('/')?;
    let decoded = percent_decode(rest)?;
    let bad_char = |c: char| c == '\\' || c == '\0' || c == ':' || c.is_control();
    if decoded.contains(bad_char) || decoded.starts_with('/') {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, seg) in segments.iter().enumerate() {
        // Empty segments ("a//b") would read as absolute paths on some systems; "." and
        // ".." are traversal. A trailing empty segment is just the folder slash.
        if (seg.is_empty() && i != last) || *seg == "." || *seg == ".." {
            return None;
        }
    }
    Some(decoded)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` for an output path, by extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_accepts_site_paths() {
        assert_eq!(sanitize_path("/").as_deref(), Some(""));
        assert_eq!(sanitize_path("/anatomy/").as_deref(), Some("anatomy/"));
        assert_eq!(
            sanitize_path("/static/style.1a2b.css").as_deref(),
            Some("static/style.1a2b.css")
        );
        assert_eq!(
            sanitize_path("/a%20b/c.html").as_deref(),
            Some("a b/c.html")
        );
        assert_eq!(sanitize_path("/%C3%A9t%C3%A9/").as_deref(), Some("été/"));
    }

    #[test]
    fn sanitize_refuses_anything_outside() {
        for raw in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc",
            "/..%2fetc/passwd",
            "/..%5cetc",
            "/a\\..\\b",
            "/%5c%5cserver",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/C:/Windows/win.ini",
            "/c%3a/x",
            "/a%00.html",
            "/a/./b",
            "/a//b",
            "/%zz",
            "/%",
            "/%c0%ae%c0%ae/",
            "etc/passwd",
            "/..",
            "/.",
        ] {
            assert_eq!(sanitize_path(raw), None, "{raw}");
        }
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("static/style.1a2b.css"),
            "text/css; charset=utf-8"
        );
        assert_eq!(content_type("a/b.SVG"), "image/svg+xml");
        assert_eq!(content_type("fonts/x.woff2"), "font/woff2");
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
