//! Includes, as mdBook defines them: `{{#include file}}`, `file:2:10`, `file:2:`, `file::10`,
//! `file:anchor`, spliced into the page's text before it is parsed (so they work inside code
//! fences, which is how listings are written), relative to the file that holds the directive; included files must be inside the project
//! or a `[build] allow-outside` folder.
//!
//! An included Markdown file (`.md`) is expanded in turn; any other file is inserted as it
//! is. Text before a directive made only of spaces, tabs and `>` (an indented or quoted
//! directive) is repeated on every included line, as mdBook does, so an include inside a
//! quote or list stays inside it. `\{{#…}}` shows the directive literally. Every copied
//! piece is recorded in a [`SourceMap`] so problems inside an included file point at it.
//! `{{#rustdoc_include}}` takes the same arguments and includes only the chosen lines
//! (mdBook would add the others as hidden `# ` lines, which guide does not show);
//! `{{#playground file}}` includes the file as a ```` ```rust ```` block.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::include_lines::{self, Miss, Select};
use super::include_map::{Origin, SourceMap};
use super::{Ctx, Rendered};
use crate::confine::normalize;
use crate::diag::Diagnostic;

/// Directives this module expands.
const KNOWN: &[&str] = &["include", "rustdoc_include", "playground", "playpen"];

/// A page's text after includes.
pub(crate) struct Expanded<'a> {
    /// The text to parse (the body itself when it has no directive).
    pub(crate) text: Cow<'a, str>,
    /// Where each piece came from; None when the text is the body unchanged.
    pub(crate) map: Option<Arc<SourceMap>>,
    /// Expanded offsets of the `{{` of escaped directives (`\{{#…}}`), shown literally.
    pub(crate) escapes: Vec<usize>,
}

/// A `{{#name args}}` at the start of a string.
pub(crate) struct Directive<'t> {
    pub(crate) name: &'t str,
    pub(crate) args: &'t str,
    /// Bytes from `{{` to after `}}`.
    pub(crate) len: usize,
}

/// Parses `{{ #name args }}` (mdBook's syntax: the arguments hold no `}`).
pub(crate) fn directive(t: &str) -> Option<Directive<'_>> {
    let rest = t.strip_prefix("{{")?;
    let after_ws = rest.trim_start();
    let body = after_ws.strip_prefix('#')?;
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(body.len());
    let close = body.find("}}")?;
    if name_len == 0 || close < name_len || body[..close].contains('}') {
        return None;
    }
    let opened = t.len() - body.len();
    Some(Directive {
        name: &body[..name_len],
        args: body[name_len..close].trim(),
        len: opened + close + 2,
    })
}

/// Expands the includes of a page body; problems go into `out.diags`, the files it read
/// (or tried to) into `out.includes`.
pub(crate) fn expand<'b>(ctx: &Ctx, body: &'b str, out: &mut Rendered) -> Expanded<'b> {
    if !body.contains("{{") {
        return Expanded {
            text: Cow::Borrowed(body),
            map: None,
            escapes: Vec::new(),
        };
    }
    let page = &ctx.site.pages[ctx.page];
    let page_path = normalize(&ctx.content.join(&page.rel));
    let mut ex = Expander {
        root: ctx.root,
        bounds: ctx.bounds,
        content: ctx.content,
        text: String::with_capacity(body.len() * 2),
        map: SourceMap::new(Origin {
            shown: page.shown.clone(),
            text: page.text.clone(),
        }),
        escapes: Vec::new(),
        stack: vec![(page_path.clone(), page.shown.clone())],
        prefix: (String::new(), 0, 0),
        out,
    };
    let dir = page_path.parent().unwrap_or(ctx.content).to_path_buf();
    ex.expand(0, page.body_start, body, &dir);
    Expanded {
        text: Cow::Owned(ex.text),
        map: Some(Arc::new(ex.map)),
        escapes: ex.escapes,
    }
}

struct Expander<'c> {
    root: &'c Path,
    bounds: &'c crate::confine::Bounds,
    content: &'c Path,
    text: String,
    map: SourceMap,
    escapes: Vec<usize>,
    /// The files being expanded, outermost first (absolute, shown).
    stack: Vec<(PathBuf, PathBuf)>,
    /// Repeated after every line break of included text: (text, origin, offset).
    prefix: (String, usize, usize),
    out: &'c mut Rendered,
}

impl Expander<'_> {
    /// Copies `s` (at `base` in origin `origin`), expanding its directives.
    fn expand(&mut self, origin: usize, base: usize, s: &str, dir: &Path) {
        let (mut last, mut from) = (0, 0);
        while let Some(n) = s[from..].find("{{") {
            let i = from + n;
            from = i + 2;
            if i > 0 && s.as_bytes()[i - 1] == b'\\' && directive(&s[i..]).is_some() {
                self.push(origin, base + last, &s[last..i - 1]);
                self.escapes.push(self.text.len());
                last = i;
                continue;
            }
            let Some(d) = directive(&s[i..]) else {
                continue;
            };
            if !KNOWN.contains(&d.name) || d.args.is_empty() {
                continue;
            }
            self.push(origin, base + last, &s[last..i]);
            self.include(origin, base + i, &d, dir);
            last = i + d.len;
            from = last;
        }
        self.push(origin, base + last, &s[last..]);
    }

    /// Appends `s`, which is at `offset` in `origin`, repeating the prefix after line breaks.
    fn push(&mut self, origin: usize, offset: usize, s: &str) {
        if self.prefix.0.is_empty() {
            if !s.is_empty() {
                self.map.mark(self.text.len(), origin, offset);
                self.text.push_str(s);
            }
            return;
        }
        let mut at = 0;
        for line in s.split_inclusive('\n') {
            self.map.mark(self.text.len(), origin, offset + at);
            self.text.push_str(line);
            at += line.len();
            if line.ends_with('\n') {
                let (p, o, off) = self.prefix.clone();
                self.map.mark(self.text.len(), o, off);
                self.text.push_str(&p);
            }
        }
    }

    /// Replaces one directive (at `at` in `origin`) by the file part it names.
    fn include(&mut self, origin: usize, at: usize, d: &Directive, dir: &Path) {
        let here = self.map.origin(origin).clone();
        let span = at..at + d.len;
        let error = |msg: String| Diagnostic::error(msg).at(&here.shown, &here.text, span.clone());
        let playground = matches!(d.name, "playground" | "playpen");
        let mut words = d.args.split_whitespace();
        let arg = words.next().unwrap_or("");
        let extra: Vec<&str> = words.collect();
        if !playground && !extra.is_empty() {
            let msg = format!("unexpected `{}` after the file name", extra.join(" "));
            let hint = "write `{{#include file}}`, `file:2:10` (lines) or `file:name` (an anchor)";
            self.out.diags.push(error(msg).hint(hint));
            return;
        }
        let (path, select) = match include_lines::parse(arg) {
            Ok(p) if !playground => p,
            Ok(_) => (arg, Select::All),
            Err(msg) => {
                let msg = format!("`{{{{#{} {arg}}}}}`: {msg}", d.name);
                self.out.diags.push(
                    error(msg)
                        .hint("line ranges are `file:2:10`, `file:2:`, `file::10` or `file:2`"),
                );
                return;
            }
        };
        let target = match path.strip_prefix('/') {
            Some(abs) => normalize(&self.content.join(abs)),
            None => normalize(&dir.join(path)),
        };
        let rel = content_relative(self.content, &target);
        if !self.out.includes.contains(&rel) {
            self.out.includes.push(rel);
        }
        let Some(text) = self.read(&target, path, dir, error) else {
            return;
        };
        let pieces = match include_lines::select(&text, &select) {
            Ok(p) => p,
            Err(miss) => {
                let d = miss_error(miss, &select, path, &error);
                self.out.diags.push(d);
                return;
            }
        };
        let shown = shown_path(self.root, &target);
        let new = self.map.add_origin(Origin {
            shown: shown.clone(),
            text: text.clone(),
        });
        let line = &self.text[self.text.rfind('\n').map_or(0, |n| n + 1)..];
        let saved = self.prefix.clone();
        if line.chars().all(|c| matches!(c, ' ' | '\t' | '>')) {
            self.prefix = (line.to_string(), origin, at);
        }
        let is_md = target.extension().is_some_and(|e| e == "md");
        let sub_dir = target.parent().unwrap_or(self.root).to_path_buf();
        if playground {
            self.push(origin, at, "```rust\n");
        }
        for (k, piece) in pieces.into_iter().enumerate() {
            if k > 0 {
                self.push(new, piece.start, "\n");
            }
            if is_md {
                self.stack.push((target.clone(), shown.clone()));
                self.expand(new, piece.start, &text[piece], &sub_dir);
                self.stack.pop();
            } else {
                self.push(new, piece.start, &text[piece]);
            }
        }
        if playground {
            self.push(origin, at, "\n```");
        }
        self.prefix = saved;
    }

    /// The text of an include's target, or None after reporting why not.
    fn read(
        &mut self,
        target: &Path,
        written: &str,
        dir: &Path,
        error: impl Fn(String) -> Diagnostic,
    ) -> Option<Arc<str>> {
        if let Some(i) = self.stack.iter().position(|(p, _)| p == target) {
            let mut chain: Vec<String> = self.stack[i..]
                .iter()
                .map(|(_, s)| s.display().to_string())
                .collect();
            chain.push(shown_path(self.root, target).display().to_string());
            let msg = format!("include cycle: {}", chain.join(" → "));
            let hint = "a file cannot include itself, directly or through other files";
            self.out.diags.push(error(msg).hint(hint));
            return None;
        }
        match std::fs::read_to_string(target) {
            Ok(_) if !self.bounds.contains(target) => {
                let msg = format!("`{written}` is outside the project");
                let hint = "include files from inside the project folder, or list the folder \
                            in `allow-outside = [\"…\"]` under [build] in book.toml";
                self.out.diags.push(error(msg).hint(hint));
                None
            }
            Ok(t) => Some(t.into()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let msg = format!("included file not found: `{written}`");
                let hint = missing_hint(self.root, target, written, dir);
                let d = error(msg).label("no such file").hint(hint);
                self.out.diags.push(d);
                None
            }
            Err(e) => {
                let msg = format!("could not read included file `{written}`: {e}");
                let hint = "included files must be readable UTF-8 text";
                self.out.diags.push(error(msg).hint(hint));
                None
            }
        }
    }
}

fn miss_error(
    miss: Miss,
    select: &Select,
    path: &str,
    error: &impl Fn(String) -> Diagnostic,
) -> Diagnostic {
    match (miss, select) {
        (Miss::PastEnd { lines }, Select::Lines { start, end }) => {
            let asked = match end {
                Some(e) if e != start => format!("lines {start} to {e}"),
                Some(_) => format!("line {start}"),
                None => format!("lines from {start}"),
            };
            error(format!("`{path}` has {lines} lines; the include asks for {asked}"))
                .label("past the end of the file")
                .hint("check the line numbers against the file, or include a named anchor (`file:name`) that moves with the code")
        }
        (Miss::NoAnchor { anchors }, Select::Anchor(name)) => {
            let hint = if anchors.is_empty() {
                format!(
                    "mark the lines with comments `ANCHOR: {name}` and `ANCHOR_END: {name}` in `{path}`"
                )
            } else {
                let list: Vec<String> = anchors.iter().map(|a| format!("`{a}`")).collect();
                format!("anchors in `{path}`: {}", list.join(", "))
            };
            error(format!("`{path}` has no anchor `{name}`"))
                .label("no `ANCHOR: name` line")
                .hint(hint)
        }
        _ => error(format!("could not take the asked part of `{path}`")),
    }
}

/// Closest existing file name in the folder the include points into (or the author's own).
fn missing_hint(root: &Path, target: &Path, written: &str, dir: &Path) -> String {
    let folder = target.parent().filter(|f| f.is_dir()).unwrap_or(dir);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
    let name = name.unwrap_or_default();
    let best = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .map(|n| (strsim::levenshtein(&n, &name), n))
        .filter(|(d, _)| *d <= 3)
        .min();
    match best {
        Some((_, n)) => {
            let cut = written.rfind('/').map_or(0, |i| i + 1);
            format!("did you mean `{}{n}`?", &written[..cut])
        }
        None => format!(
            "include paths are relative to the folder of the file holding the directive ({}/)",
            shown_path(root, dir).display()
        ),
    }
}

/// The path as shown in diagnostics: relative to the project root.
fn shown_path(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}

/// `/`-separated path relative to the content folder (`../listings/x.rs` outside it).
pub(crate) fn content_relative(content: &Path, p: &Path) -> String {
    let content = normalize(content);
    let a: Vec<_> = content.components().collect();
    let b: Vec<_> = p.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".into(); a.len() - common];
    parts.extend(
        b[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_parse() {
        let d = directive("{{#include a.rs:2:3}} tail").unwrap();
        assert_eq!((d.name, d.args, d.len), ("include", "a.rs:2:3", 21));
        let d = directive("{{ #title My Title }}").unwrap();
        assert_eq!((d.name, d.args), ("title", "My Title"));
        assert_eq!(directive("{{#toc}}").unwrap().args, "");
        assert!(directive("{{ not }}").is_none());
        assert!(directive("{{#each x}").is_none());
    }

    #[test]
    fn paths_relative_to_content() {
        let c = Path::new("/g/content");
        assert_eq!(
            content_relative(c, Path::new("/g/content/a/b.md")),
            "a/b.md"
        );
        assert_eq!(
            content_relative(c, Path::new("/g/listings/x.rs")),
            "../listings/x.rs"
        );
        assert_eq!(
            normalize(Path::new("/g/content/a/../b/./c.md")),
            Path::new("/g/content/b/c.md")
        );
    }
}
