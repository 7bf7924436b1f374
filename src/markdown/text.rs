//! A page's plain text by section, for search and reading time.
//!
//! Runs on the events after the headings pass (headings carry their ids as HTML) and before
//! the figures pass (images still carry their alt text and title as events), so every word
//! a reader sees is here: headings, paragraphs, list items, table cells, callouts,
//! footnotes, image alt text and captions, inline code, the text of raw HTML. Every block,
//! cell, item, break and HTML tag ends a word: nothing runs into the next block. Fenced code
//! is left out (it is not prose a reader searches for).

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Ev;

/// The text under one heading (or before the first one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextSection {
    /// The heading's id; empty for the text before the first `##`/`###` heading.
    pub anchor: String,
    /// The heading's text; empty for the first section.
    pub heading: String,
    /// The section's text, words separated by single spaces.
    pub text: String,
}

/// The page's sections: always one for the text before the first heading (maybe empty),
/// then one per `##` or `###` heading. `####` and deeper stay in their section.
pub(super) fn sections(events: &[Ev]) -> Vec<TextSection> {
    let mut out = vec![TextSection::default()];
    let mut in_heading = false;
    let mut in_code = false;
    for (e, _) in events {
        let cur = out.last_mut().expect("one section");
        match e {
            Event::Html(h) | Event::InlineHtml(h) => {
                if let Some(id) = heading_id(h) {
                    out.push(TextSection {
                        anchor: id,
                        ..TextSection::default()
                    });
                    let cur = out.last_mut().expect("one section");
                    in_heading = !(h.contains("</h2>") || h.contains("</h3>"));
                    push_html_text(&mut cur.heading, h);
                } else if in_heading && (h.contains("</h2>") || h.contains("</h3>")) {
                    in_heading = false;
                } else {
                    push_html_text(target(cur, in_heading), h);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ if in_code => {}
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                target(cur, in_heading).push_str(t)
            }
            Event::Start(Tag::Image { title, .. }) => {
                let s = target(cur, in_heading);
                s.push(' ');
                s.push_str(title);
                s.push(' ');
            }
            Event::Start(inline) if is_inline(inline) => {}
            Event::End(inline) if is_inline_end(inline) => {}
            Event::Start(_) | Event::End(_) | Event::SoftBreak | Event::HardBreak | Event::Rule => {
                target(cur, in_heading).push(' ')
            }
            _ => {}
        }
    }
    for s in &mut out {
        s.heading = squash(&s.heading);
        s.text = squash(&s.text);
    }
    out
}

fn target(s: &mut TextSection, in_heading: bool) -> &mut String {
    if in_heading {
        &mut s.heading
    } else {
        &mut s.text
    }
}

/// Tags inside a word: `**Psoas**'s` is one word.
fn is_inline(t: &Tag) -> bool {
    matches!(
        t,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn is_inline_end(t: &TagEnd) -> bool {
    matches!(
        t,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// The id of a section heading's opening HTML (`<h2 id="…">`, as the headings pass or an
/// author writes it).
fn heading_id(html: &str) -> Option<String> {
    let rest = html
        .trim_start()
        .strip_prefix("<h2 id=\"")
        .or_else(|| html.trim_start().strip_prefix("<h3 id=\""))?;
    let id = &rest[..rest.find('"')?];
    Some(unescape(id))
}

/// The text of an HTML fragment: tags become spaces, common entities are decoded. A
/// footnote citation's number is not text.
fn push_html_text(out: &mut String, html: &str) {
    out.push(' ');
    if html.starts_with("<sup class=\"footnote-ref\"") {
        return;
    }
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&unescape(&rest[..i]));
        out.push(' ');
        rest = rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]);
    }
    out.push_str(&unescape(rest));
    out.push(' ');
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Whitespace runs as one space, trimmed.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn run(md: &str) -> Vec<TextSection> {
        let mut out = Rendered::default();
        let ev = Parser::new_ext(md, options()).into_offset_iter().collect();
        let ev = headings::pass(ev, &crate::i18n::Strings::english(), &mut out);
        super::sections(&ev)
    }

    #[test]
    fn blocks_cells_and_items_keep_word_boundaries() {
        let s = run("Intro *line*\ntwo\n\n## How much pressure\n\nBuild it.\n\n\
                     | Sign | Means |\n|---|---|\n| Fever | meningitis |\n| Sudden | thunderclap |\n\n\
                     - one\n- two\n\n> [!WARNING]\n> Stop.\n\n![A levator sketch](d.svg \"The levator\")\n\n\
                     Note[^1].\n\n[^1]: A footnote.\n\n```\ncode here\n```\n\n### Levator <b>scapulae</b>\n\ntext<br>after\n");
        assert_eq!(s[0].text, "Intro line two");
        assert_eq!(s[1].anchor, "how-much-pressure");
        assert_eq!(s[1].heading, "How much pressure");
        assert_eq!(
            s[1].text,
            "Build it. Sign Means Fever meningitis Sudden thunderclap one two Stop. \
             The levator A levator sketch Note. A footnote."
        );
        assert_eq!(s[2].heading, "Levator scapulae");
        assert_eq!(s[2].text, "text after");
    }
}
