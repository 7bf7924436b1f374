//! Diagnostics: every problem the build finds, with the file and byte span that caused it.
//!
//! Phases never stop at the first bad page: they push into a [`Diagnostics`] sink and carry
//! on, so one `guide build` reports every error at once (as rustc does). Location is data,
//! not prose — a span into the source text — so the terminal renderer (codespan-reporting,
//! rustc style with `--> file:line:col`) and the serve overlay show the same thing.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use codespan_reporting::term;

pub(crate) mod render;

/// How bad a problem is: an error fails the build; a warning does not (unless the guide
/// or the command line denies warnings), but the output may not be what the author meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Severity {
    /// The build fails.
    #[default]
    Error,
    /// The build succeeds; the summary counts it.
    Warning,
}

/// One problem in the user's input, with where it is and how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one line.
    pub message: String,
    /// The file it is in (as shown to the user: relative to the project root where possible).
    pub file: Option<PathBuf>,
    /// The file's text, when the span points into it.
    pub source: Option<Arc<str>>,
    /// Byte range of the offending text inside `source`.
    pub span: Option<Range<usize>>,
    /// A short label under the offending text.
    pub label: Option<String>,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with only a message.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            source: None,
            span: None,
            label: None,
            hint: None,
        }
    }

    /// A warning with only a message: the build goes on, the summary counts it.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Whether this is a warning (not an error).
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// Names the file it is about (no position).
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Points at a byte range of a source file.
    pub fn at(mut self, file: impl Into<PathBuf>, source: &Arc<str>, span: Range<usize>) -> Self {
        let len = source.len();
        let start = span.start.min(len);
        let end = span.end.clamp(start, len);
        self.file = Some(file.into());
        self.source = Some(source.clone());
        self.span = Some(start..end);
        self
    }

    /// Points at a 1-based line (and column) of a source file, for errors that only know lines.
    pub fn at_line(
        self,
        file: impl Into<PathBuf>,
        source: &Arc<str>,
        line: usize,
        col: usize,
    ) -> Self {
        let start = line_col_to_offset(source, line, col);
        let end = source[start..]
            .find('\n')
            .map_or(source.len(), |n| start + n);
        self.at(file, source, start..end.max(start))
    }

    /// Adds a label under the span.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// 1-based line and column of the span start, if there is one.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let (src, span) = (self.source.as_ref()?, self.span.as_ref()?);
        Some(offset_to_line_col(src, span.start))
    }

    /// `file:line:col` (or just `file`), for one-line summaries and tests.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?.display().to_string();
        Some(match self.line_col() {
            Some((l, c)) => format!("{file}:{l}:{c}"),
            None => file,
        })
    }
}

/// 1-based (line, column in characters) of a byte offset.
pub(crate) fn offset_to_line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// Byte offset of a 1-based line and column (clamped to the text).
pub(crate) fn line_col_to_offset(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(n) => start += n + 1,
            None => return text.len(),
        }
    }
    let line_text = text[start..].split('\n').next().unwrap_or("");
    start
        + line_text
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The sink each phase writes into.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty sink.
    pub fn new() -> Self {
        Self::default()
    }
    /// Records a problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }
    /// Moves every problem of `other` in.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }
    /// No problems.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    /// How many (errors and warnings).
    pub fn len(&self) -> usize {
        self.items.len()
    }
    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| !d.is_warning()).count()
    }
    /// How many warnings.
    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_warning()).count()
    }
    /// At least one error (warnings alone do not fail a build).
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| !d.is_warning())
    }
    /// Turns every warning into an error (`--deny-warnings`).
    pub fn deny_warnings(&mut self) {
        for d in &mut self.items {
            if d.is_warning() {
                d.severity = Severity::Error;
                let note =
                    "warnings are denied (`--deny-warnings` or `deny-warnings` in book.toml)";
                d.hint = Some(match d.hint.take() {
                    Some(h) => format!("{h}\n{note}"),
                    None => note.to_string(),
                });
            }
        }
    }
    /// The problems, in the order found (sorted by file and position before rendering).
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
    /// Orders by file then position, so output is stable whatever the thread scheduling;
    /// drops repeats (a problem in a file included by several pages is reported once).
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (
                a.file.as_deref(),
                a.span.as_ref().map(|s| s.start),
                &a.message,
            )
                .cmp(&(
                    b.file.as_deref(),
                    b.span.as_ref().map(|s| s.start),
                    &b.message,
                ))
        });
        self.items.dedup_by(|a, b| {
            a.message == b.message
                && a.file == b.file
                && a.span == b.span
                && a.severity == b.severity
        });
    }

    /// Renders the diagnostics, rustc style, to plain text (used by the serve overlay and
    /// tests): at most `render::PER_FILE` a file and `render::PER_BUILD` in all, then an
    /// "… and N more" line; long source lines are shown as a window around the span.
    pub fn render_plain(&self) -> String {
        let (shown, notes) = render::select(&self.items);
        let mut out = String::new();
        for d in shown {
            let (files, cs) = render::to_codespan(d);
            out.push_str(
                &term::emit_into_string(&render::config(), &files, &cs).unwrap_or_else(|_| {
                    let word = if d.is_warning() { "warning" } else { "error" };
                    format!("{word}: {}\n", d.message)
                }),
            );
        }
        for n in notes {
            out.push_str(&n);
            out.push('\n');
        }
        out
    }

    /// Renders to a terminal, with colour when `color` is true.
    pub fn render_to_stderr(&self, color: bool) {
        use term::termcolor::{ColorChoice, StandardStream};
        let choice = if color {
            ColorChoice::Always
        } else {
            ColorChoice::Never
        };
        let stream = StandardStream::stderr(choice);
        let mut lock = stream.lock();
        let (shown, notes) = render::select(&self.items);
        for d in shown {
            let (files, cs) = render::to_codespan(d);
            let _ = term::emit_to_write_style(&mut lock, &render::config(), &files, &cs);
        }
        for n in notes {
            let _ = std::io::Write::write_fmt(&mut lock, format_args!("{n}\n"));
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { items: vec![d] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_round_trip() {
        let t = "ab\ncdé\nf";
        assert_eq!(offset_to_line_col(t, 0), (1, 1));
        assert_eq!(offset_to_line_col(t, 4), (2, 2));
        assert_eq!(offset_to_line_col(t, t.len()), (3, 2));
        assert_eq!(line_col_to_offset(t, 2, 3), 5);
        assert_eq!(line_col_to_offset(t, 9, 1), t.len());
    }

    #[test]
    fn renders_rustc_style() {
        let src: Arc<str> = Arc::from("title = 1\ntitel = 2\n");
        let d = Diagnostic::error("unknown key `titel`")
            .at("book.toml", &src, 10..15)
            .hint("did you mean `title`?");
        let out = Diagnostics::from(d).render_plain();
        assert!(out.starts_with("error: unknown key `titel`"), "{out}");
        assert!(out.contains("--> book.toml:2:1"), "{out}");
        assert!(out.contains("titel = 2"), "{out}");
        assert!(out.contains("hint: did you mean `title`?"), "{out}");
    }

    #[test]
    fn warnings_render_as_warnings_count_apart_and_can_be_denied() {
        let src: Arc<str> = Arc::from("a\n[^x]: unused\n");
        let mut all = Diagnostics::from(Diagnostic::warning("footnote `x` is never used").at(
            "content/a.md",
            &src,
            2..7,
        ));
        assert!(!all.has_errors());
        assert_eq!((all.error_count(), all.warning_count()), (0, 1));
        let out = all.render_plain();
        assert!(
            out.starts_with("warning: footnote `x` is never used"),
            "{out}"
        );
        assert!(out.contains("--> content/a.md:2:1"), "{out}");
        all.deny_warnings();
        assert!(all.has_errors());
        let out = all.render_plain();
        assert!(out.starts_with("error: footnote"), "{out}");
        assert!(out.contains("warnings are denied"), "{out}");
    }
}
