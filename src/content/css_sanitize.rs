//! CSS from an author's SVG `<style>` or a raw-HTML `style` attribute, made safe to put in a
//! reader's page: every selector scoped to its diagram, no rule that fetches or defines
//! anything page-wide (`@import`, `@font-face`, …), no declaration with an outside URL.
//!
//! Built on cssparser's tokenizer (Servo's): the output is copied token by token, each leaf
//! token as written and every block closed by us, so no input can unbalance a brace and
//! escape the scope. What is removed is reported with its byte offset in the CSS.

use cssparser::{Parser, Token};

/// Something removed from the CSS, at a byte offset of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Removed {
    /// Byte offset in the CSS text.
    pub(crate) offset: usize,
    /// What was removed, for the warning (`` `@import` rule ``).
    pub(crate) what: String,
}

type Res = Result<(), cssparser::ParseError<()>>;

/// A stylesheet with every selector prefixed by `scope` (a selector, e.g. `.guide-svg-1a2b`);
/// `@media` and `@supports` keep their (scoped) rules, other at-rules are removed.
pub(crate) fn scope_stylesheet(css: &str, scope: &str) -> (String, Vec<Removed>) {
    let mut p = Parser::new(css);
    let mut out = String::with_capacity(css.len() + 64);
    let mut removed = Vec::new();
    rules(&mut p, scope, &mut out, &mut removed);
    (out, removed)
}

/// A declaration list (a `style` attribute) without the declarations that reach outside.
pub(crate) fn declarations(css: &str) -> (String, Vec<Removed>) {
    let mut p = Parser::new(css);
    let mut out = String::with_capacity(css.len());
    let mut removed = Vec::new();
    declaration_list(&mut p, &mut out, &mut removed);
    (out.trim_end_matches(';').to_string(), removed)
}

fn rules(p: &mut Parser, scope: &str, out: &mut String, removed: &mut Vec<Removed>) {
    loop {
        p.skip_whitespace();
        let state = p.state();
        let start = p.position();
        let token = match p.next() {
            Ok(t) => t.clone(),
            Err(_) => return,
        };
        match token {
            Token::CDO | Token::CDC | Token::Semicolon => {}
            Token::AtKeyword(name) => at_rule(p, &name, start.byte_index(), scope, out, removed),
            _ => {
                p.reset(&state);
                qualified_rule(p, start, scope, out, removed);
            }
        }
    }
}

/// `@media`/`@supports` blocks are kept with their rules scoped; any other at-rule is removed.
fn at_rule(
    p: &mut Parser,
    name: &str,
    offset: usize,
    scope: &str,
    out: &mut String,
    removed: &mut Vec<Removed>,
) {
    let keep = name.eq_ignore_ascii_case("media") || name.eq_ignore_ascii_case("supports");
    let mut prelude = String::new();
    loop {
        let before = p.position();
        match p.next_including_whitespace_and_comments() {
            Ok(Token::CurlyBracketBlock) => {
                if keep {
                    out.push('@');
                    out.push_str(name);
                    out.push_str(&prelude);
                    out.push('{');
                    let _ = p.parse_nested_block(|p| -> Res {
                        rules(p, scope, out, removed);
                        Ok(())
                    });
                    out.push('}');
                    return;
                }
                break;
            }
            Ok(Token::Semicolon) | Err(_) => break,
            Ok(t) => {
                let t = t.clone();
                copy_token(p, &t, before, &mut prelude, &mut None);
            }
        }
    }
    let why = match name.to_ascii_lowercase().as_str() {
        "import" => "it loads a stylesheet from elsewhere",
        "font-face" => "it loads a font for the whole page",
        "namespace" | "charset" => "it does nothing inside a page",
        _ => "it would apply to the whole page, not only this diagram",
    };
    removed.push(Removed {
        offset,
        what: format!("`@{name}` rule ({why})"),
    });
}

/// A style rule: its selectors scoped, its declarations checked.
fn qualified_rule(
    p: &mut Parser,
    start: cssparser::SourcePosition,
    scope: &str,
    out: &mut String,
    removed: &mut Vec<Removed>,
) {
    let mut prelude = format!("{scope} ");
    let mut at_selector_start = true;
    loop {
        let before = p.position();
        match p.next_including_whitespace_and_comments() {
            Ok(Token::CurlyBracketBlock) => break,
            Ok(Token::Comma) => {
                prelude.push_str(", ");
                prelude.push_str(scope);
                prelude.push(' ');
                at_selector_start = true;
            }
            Ok(Token::WhiteSpace(_) | Token::Comment(_)) if at_selector_start => {}
            // A stray closing bracket closes nothing: leave it out of the selector.
            Ok(Token::CloseCurlyBracket | Token::CloseParenthesis | Token::CloseSquareBracket) => {}
            Ok(t) => {
                let t = t.clone();
                at_selector_start = false;
                copy_token(p, &t, before, &mut prelude, &mut None);
            }
            Err(_) => {
                removed.push(Removed {
                    offset: start.byte_index(),
                    what: "an unfinished rule (no `{`)".into(),
                });
                return;
            }
        }
    }
    out.push_str(prelude.trim_end());
    out.push('{');
    let _ = p.parse_nested_block(|p| -> Res {
        declaration_list(p, out, removed);
        Ok(())
    });
    out.push('}');
}

/// Declarations up to the end of the parser, each kept only if nothing in it reaches outside.
fn declaration_list(p: &mut Parser, out: &mut String, removed: &mut Vec<Removed>) {
    loop {
        p.skip_whitespace();
        let start = p.position().byte_index();
        let mut decl = String::new();
        let mut problem: Option<String> = None;
        let mut name: Option<String> = None;
        let mut any = false;
        loop {
            let before = p.position();
            match p.next_including_whitespace_and_comments() {
                Ok(Token::Semicolon) | Err(_) => break,
                Ok(t) => {
                    let t = t.clone();
                    any = true;
                    if name.is_none() {
                        if let Token::Ident(n) = &t {
                            name = Some(n.to_ascii_lowercase());
                        }
                    }
                    match &t {
                        Token::CurlyBracketBlock | Token::AtKeyword(_) => {
                            problem.get_or_insert("a nested rule".into());
                        }
                        Token::BadUrl(_) | Token::BadString(_) => {
                            problem.get_or_insert("a malformed string or URL".into());
                        }
                        _ => {}
                    }
                    copy_token(p, &t, before, &mut decl, &mut problem);
                }
            }
        }
        if !any {
            if p.is_exhausted() {
                return;
            }
            continue;
        }
        if let Some(n) = name
            .as_deref()
            .filter(|n| matches!(*n, "behavior" | "-moz-binding"))
        {
            problem.get_or_insert(format!("`{n}` (it can run code in old browsers)"));
        }
        match problem {
            Some(what) => removed.push(Removed {
                offset: start,
                what: format!("the declaration `{}` ({what})", shorten(decl.trim())),
            }),
            None => {
                out.push_str(decl.trim());
                out.push(';');
            }
        }
        if p.is_exhausted() {
            return;
        }
    }
}

/// Appends one token as written (comments as `/**/`), a block with its content and the
/// closing bracket we write ourselves; notes URLs that are not `#fragment` or a data image.
fn copy_token<'i>(
    p: &mut Parser<'i>,
    t: &Token<'i>,
    before: cssparser::SourcePosition,
    out: &mut String,
    problem: &mut Option<String>,
) {
    let close = match t {
        Token::Function(_) => ')',
        Token::ParenthesisBlock => ')',
        Token::SquareBracketBlock => ']',
        Token::CurlyBracketBlock => '}',
        Token::Comment(_) => {
            out.push_str("/**/");
            return;
        }
        Token::UnquotedUrl(u) => {
            check_url(u, problem);
            out.push_str(p.slice_from(before));
            return;
        }
        _ => {
            out.push_str(p.slice_from(before));
            return;
        }
    };
    out.push_str(p.slice_from(before));
    let func = match t {
        Token::Function(f) => f.to_ascii_lowercase(),
        _ => String::new(),
    };
    if matches!(
        func.as_str(),
        "image-set"
            | "-webkit-image-set"
            | "cross-fade"
            | "element"
            | "-moz-element"
            | "expression"
    ) {
        problem.get_or_insert(format!("`{func}()` can load outside files"));
    }
    let _ = p.parse_nested_block(|p| -> Res {
        let mut first = true;
        loop {
            let before = p.position();
            let Ok(inner) = p.next_including_whitespace_and_comments() else {
                return Ok(());
            };
            let inner = inner.clone();
            if first && matches!(func.as_str(), "url" | "src") {
                if let Token::QuotedString(u) = &inner {
                    check_url(u, problem);
                }
            }
            if !matches!(inner, Token::WhiteSpace(_)) {
                first = false;
            }
            copy_token(p, &inner, before, out, problem);
        }
    });
    out.push(close);
}

fn check_url(url: &str, problem: &mut Option<String>) {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let ok = u.starts_with('#')
        || ["png", "jpeg", "gif", "webp", "avif"]
            .iter()
            .any(|t| lower.starts_with(&format!("data:image/{t}")));
    if !ok {
        problem.get_or_insert(format!(
            "`url({})` may only point at a `#fragment` or a data image",
            shorten(u)
        ));
    }
}

fn shorten(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scoped(css: &str) -> (String, Vec<String>) {
        let (out, removed) = scope_stylesheet(css, ".s");
        (out, removed.into_iter().map(|r| r.what).collect())
    }

    #[test]
    fn selectors_are_scoped_and_blocks_stay_balanced() {
        let (out, removed) =
            scoped(".a, svg text{fill:var(--fig-accent,#0b6e75)} g > .b{stroke:currentColor}");
        assert_eq!(
            out,
            ".s .a, .s svg text{fill:var(--fig-accent,#0b6e75);}.s g > .b{stroke:currentColor;}"
        );
        assert!(removed.is_empty());
        let (out, _) = scoped("@media (prefers-color-scheme: dark){.a{fill:#fff}}");
        assert_eq!(
            out,
            "@media (prefers-color-scheme: dark){.s .a{fill:#fff;}}"
        );
        // An unclosed block is closed by us: nothing after it escapes the scope.
        let (out, _) = scoped(".a{fill:rgb(1,2");
        assert_eq!(out, ".s .a{fill:rgb(1,2);}");
        let (out, _) = scoped(".a{x:y}} body{display:none}");
        assert_eq!(out, ".s .a{x:y;}.s body{display:none;}");
    }

    #[test]
    fn outside_references_are_removed() {
        let (out, removed) = scoped(
            "@import url(https://e.org/x.css);.a{fill:url(#g);background:url(https://e.org/t.png);stroke:red}@font-face{src:url(f.woff)}",
        );
        assert_eq!(out, ".s .a{fill:url(#g);stroke:red;}");
        assert_eq!(removed.len(), 3, "{removed:?}");
        assert!(removed[0].contains("`@import` rule"), "{removed:?}");
        assert!(
            removed[1].contains("`url(https://e.org/t.png)` may only point"),
            "{removed:?}"
        );
        let (out, removed) =
            declarations("color: red; background: u\\72l(\"//e.org/x\"); behavior: url(x.htc)");
        assert_eq!(out, "color: red");
        assert_eq!(removed.len(), 2, "{removed:?}");
    }
}
