//! What raw HTML may contain by default: the allowlist of elements and attributes, the
//! elements removed together with their content, and which URL schemes can run script.
//!
//! An allowlist (not a blocklist) because the dangerous set keeps growing with the platform;
//! everything here is inert markup: no element that runs script, loads a document or a
//! plugin, submits a form, or changes how the browser parses what follows.

/// What happens to an element in sanitised raw HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Element {
    /// Kept, with its allowed attributes.
    Keep,
    /// Removed with everything up to its end tag (script, style, embedded documents).
    DropWithContent,
    /// The tag is removed; its content (text, allowed children) stays.
    DropTag,
}

/// Elements removed together with their content: they run script or style the whole page,
/// embed another document, or change how the browser tokenises what follows them.
const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "iframe",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "textarea",
    "title",
    "plaintext",
    "svg",
    "math",
    "select",
    "frameset",
    "head",
];

/// Inert elements an author can use in raw HTML.
const ALLOWED: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Attributes allowed on every kept element (plus `aria-*` and `data-*`).
const GLOBAL_ATTRS: &[&str] = &[
    "class",
    "dir",
    "hidden",
    "id",
    "lang",
    "role",
    "style",
    "tabindex",
    "title",
    "translate",
];

/// Attributes allowed on one element, beyond the global ones.
const ELEMENT_ATTRS: &[(&str, &[&str])] = &[
    (
        "a",
        &[
            "href", "hreflang", "name", "rel", "target", "type", "download",
        ],
    ),
    (
        "img",
        &[
            "src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding",
        ],
    ),
    (
        "video",
        &[
            "src",
            "poster",
            "controls",
            "autoplay",
            "loop",
            "muted",
            "playsinline",
            "preload",
            "width",
            "height",
        ],
    ),
    (
        "audio",
        &["src", "controls", "autoplay", "loop", "muted", "preload"],
    ),
    (
        "source",
        &["src", "srcset", "sizes", "type", "media", "width", "height"],
    ),
    ("track", &["src", "kind", "srclang", "label", "default"]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("th", &["colspan", "rowspan", "headers", "scope", "abbr"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("time", &["datetime"]),
    ("data", &["value"]),
    ("del", &["cite", "datetime"]),
    ("ins", &["cite", "datetime"]),
    ("blockquote", &["cite"]),
    ("q", &["cite"]),
    ("details", &["open", "name"]),
];

/// Elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The policy for an element (lower-case name).
pub(crate) fn element(name: &str) -> Element {
    if ALLOWED.contains(&name) {
        Element::Keep
    } else if DROP_WITH_CONTENT.contains(&name) {
        Element::DropWithContent
    } else {
        Element::DropTag
    }
}

/// Whether an element has no end tag.
pub(crate) fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

/// Whether `attr` (lower-case) may stay on `element`.
pub(crate) fn attribute_allowed(element: &str, attr: &str) -> bool {
    GLOBAL_ATTRS.contains(&attr)
        || attr.starts_with("aria-")
        || (attr.starts_with("data-") && attr.len() > 5)
        || ELEMENT_ATTRS
            .iter()
            .any(|(e, attrs)| *e == element && attrs.contains(&attr))
}

/// How an attribute's value is a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlKind {
    /// A link: to a page, an anchor or a file (`<a href>`).
    Link,
    /// A file the browser loads and shows (`<img src>`, `<video poster>`); `data:` images pass.
    Media,
    /// A comma-separated list of media URLs with descriptors (`srcset`).
    SrcSet,
    /// A URL that is only cited, never loaded (`<q cite>`): checked for script, not resolved.
    Cite,
}

/// Whether `attr` on `element` holds a URL, and which kind.
pub(crate) fn url_kind(element: &str, attr: &str) -> Option<UrlKind> {
    match (element, attr) {
        ("a" | "area", "href") => Some(UrlKind::Link),
        ("img" | "video" | "audio" | "source" | "track" | "embed" | "input", "src")
        | ("video", "poster") => Some(UrlKind::Media),
        ("img" | "source", "srcset") => Some(UrlKind::SrcSet),
        (_, "cite") => Some(UrlKind::Cite),
        _ => None,
    }
}

/// The scheme of a URL if it can run script or smuggle a document: `javascript:`,
/// `vbscript:`, and `data:` (except images where `images_ok`), read as a browser does
/// (ASCII tab and newlines removed, leading spaces and controls ignored, any case).
pub(crate) fn script_scheme(url: &str, images_ok: bool) -> Option<&'static str> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(32)
        .collect::<String>()
        .to_ascii_lowercase();
    if cleaned.starts_with("javascript:") {
        Some("javascript:")
    } else if cleaned.starts_with("vbscript:") {
        Some("vbscript:")
    } else if cleaned.starts_with("data:") && !(images_ok && is_data_image(&cleaned)) {
        Some("data:")
    } else {
        None
    }
}

/// `data:image/png`, `jpeg`, `gif`, `webp`, `avif`, `svg+xml` (an image, never a document).
fn is_data_image(lower: &str) -> bool {
    let rest = &lower["data:".len()..];
    ["png", "jpeg", "jpg", "gif", "webp", "avif", "svg+xml"]
        .iter()
        .any(|t| rest.starts_with(&format!("image/{t}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_as_a_browser_reads_them() {
        assert_eq!(
            script_scheme("javascript:alert(1)", false),
            Some("javascript:")
        );
        assert_eq!(
            script_scheme(" \u{1}JaVa\tScRiPt:alert(1)", false),
            Some("javascript:")
        );
        assert_eq!(script_scheme("java\nscript:x", true), Some("javascript:"));
        assert_eq!(script_scheme("VBScript:x", false), Some("vbscript:"));
        assert_eq!(
            script_scheme("data:text/html,<script>", true),
            Some("data:")
        );
        assert_eq!(
            script_scheme("data:image/png;base64,AA", false),
            Some("data:")
        );
        assert_eq!(script_scheme("data:image/png;base64,AA", true), None);
        assert_eq!(
            script_scheme("https://example.org/javascript:", false),
            None
        );
        assert_eq!(script_scheme("page.md#javascript:", false), None);
    }

    #[test]
    fn elements_and_attributes() {
        assert_eq!(element("script"), Element::DropWithContent);
        assert_eq!(element("form"), Element::DropTag);
        assert_eq!(element("video"), Element::Keep);
        assert!(attribute_allowed("video", "poster") && !attribute_allowed("div", "poster"));
        assert!(attribute_allowed("span", "aria-label") && attribute_allowed("p", "data-x"));
        assert!(!attribute_allowed("img", "onerror") && !attribute_allowed("div", "data-"));
    }
}
