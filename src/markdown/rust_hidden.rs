//! mdBook's hidden lines in Rust code: in a ` ```rust ` block (with any fence attributes,
//! `rust,ignore`), a line `# code` (or `#` alone) is part of the program but hidden from
//! the reader, and `##` writes a literal `#`. The rules are mdBook's (`hide_lines_rust`):
//! `#!` and `#[` lines are attributes, shown as written.
//!
//! The whole program is highlighted (so the shown lines are coloured as the compiler reads
//! them), one line at a time with every open span closed at the line's end, so a hidden
//! line is a balanced `<span class="code-hidden-line">` that CSS can hide. A `<details>`
//! toggle before the block shows them, without any script; while hidden they are
//! `display: none`, so neither copying nor a screen reader gets them.

use syntect::html::line_tokens_to_classed_spans;
use syntect::parsing::{ParseState, ScopeStack};
use syntect::util::LinesWithEndings;

use super::highlight::{self, STYLE, SYNTAXES};
use crate::html::html_escape;

/// A code block's lines after mdBook's rules: the program text and which lines are hidden.
struct Split {
    code: String,
    hidden: Vec<bool>,
}

/// Is this fence's language Rust (`rust`, `rust,ignore`, `rust no_run`)?
pub(super) fn is_rust(info: &str) -> bool {
    info.split([' ', ',', '{', '\t']).next() == Some("rust")
}

fn split(code: &str) -> Split {
    let mut out = Split {
        code: String::with_capacity(code.len()),
        hidden: Vec::new(),
    };
    for line in LinesWithEndings::from(code) {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let (lead, rest) = line.split_at(indent);
        let mut hide = false;
        match rest.strip_prefix('#') {
            Some(after) if after.starts_with('#') => {
                out.code.push_str(lead);
                out.code.push_str(after);
            }
            Some(after) if !after.starts_with(['!', '[']) => {
                hide = true;
                out.code.push_str(lead);
                out.code.push_str(after.strip_prefix(' ').unwrap_or(after));
            }
            _ => out.code.push_str(line),
        }
        out.hidden.push(hide);
    }
    out
}

/// The HTML of a Rust block, or None when `info` is not Rust (the caller highlights it).
pub(super) fn code_block(code: &str, info: &str, strings: &crate::i18n::Strings) -> Option<String> {
    if !is_rust(info) {
        return None;
    }
    let s = split(code);
    let n = s.hidden.iter().filter(|h| **h).count();
    if n == 0 {
        return Some(highlight::code_block(&s.code, "rust"));
    }
    let body = highlighted_lines(&s).unwrap_or_else(|| plain_lines(&s));
    let show = crate::html::html_escape(&strings.text("content.hidden-lines", Some(n as i64), &[]));
    Some(format!(
        "<div class=\"code-with-hidden\">\n<details class=\"code-hidden-toggle\"><summary>{show}</summary></details>\n\
         <pre class=\"code\" data-lang=\"rust\"><code>{body}</code></pre>\n</div>\n"
    ))
}

fn wrap(hidden: bool, html: &str, out: &mut String) {
    if hidden {
        out.push_str("<span class=\"code-hidden-line\">");
        out.push_str(html);
        out.push_str("</span>");
    } else {
        out.push_str(html);
    }
}

fn plain_lines(s: &Split) -> String {
    let mut out = String::new();
    for (line, &h) in LinesWithEndings::from(&s.code).zip(&s.hidden) {
        wrap(h, &html_escape(line), &mut out);
    }
    out
}

/// Each line highlighted and balanced: the spans open from earlier lines reopened first,
/// all closed at its end.
fn highlighted_lines(s: &Split) -> Option<String> {
    let syntax = SYNTAXES.find_syntax_by_token("rust")?;
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut open: Vec<String> = Vec::new();
    let mut out = String::with_capacity(s.code.len() * 4);
    for (line, &h) in LinesWithEndings::from(&s.code).zip(&s.hidden) {
        let ops = state.parse_line(line, &SYNTAXES).ok()?;
        let (html, _) = line_tokens_to_classed_spans(line, &ops, STYLE, &mut stack).ok()?;
        let mut one = open.concat();
        one.push_str(&html);
        track(&html, &mut open);
        one.push_str(&"</span>".repeat(open.len()));
        wrap(h, &one, &mut out);
    }
    Some(out)
}

/// Follows the `<span ...>` / `</span>` tags of one line's HTML.
fn track(html: &str, open: &mut Vec<String>) {
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("</span>") {
            open.pop();
            rest = &rest[7..];
        } else if let Some(end) = rest.find('>') {
            open.push(rest[..=end].to_string());
            rest = &rest[end + 1..];
        } else {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mdbook_rules() {
        let s = split(
            "# use a;\n#\n##[x]\n#[derive(Debug)]\n#![allow(x)]\n  # let y = 1;\nfn main() {}\n",
        );
        assert_eq!(
            s.code,
            "use a;\n\n#[x]\n#[derive(Debug)]\n#![allow(x)]\n  let y = 1;\nfn main() {}\n"
        );
        assert_eq!(s.hidden, [true, true, false, false, false, true, false]);
    }

    fn en() -> crate::i18n::Strings {
        crate::i18n::Strings::english()
    }

    #[test]
    fn hidden_lines_are_balanced_spans() {
        let html = code_block(
            "# fn hidden() {\n#     \"x\"\n# }\nfn main() {}\n",
            "rust,ignore",
            &en(),
        )
        .unwrap();
        assert!(
            html.contains("<summary>Show 3 hidden lines</summary>"),
            "{html}"
        );
        let body = &html[html.find("<code>").unwrap()..];
        assert_eq!(
            body.matches("<span").count(),
            body.matches("</span>").count(),
            "{body}"
        );
        assert_eq!(body.matches("code-hidden-line").count(), 3, "{body}");
        assert!(!body.contains("# fn"), "{body}");
        assert!(code_block("x", "python", &en()).is_none());
        assert!(
            !code_block("## not hidden\n", "rust", &en())
                .unwrap()
                .contains("code-hidden")
        );
    }
}
