//! Rendering diagnostics, rustc style, with bounded output.
//!
//! One broken build must not print megabytes: 1,000 broken links on one long line used to
//! print the whole line under each (34 MB), and serve pushed the same text to every page.
//! So (1) codespan is given only a window of the source around the span (a few lines, or
//! for a long line [`WINDOW`] characters either side, marked `…`), through a [`Snippet`]
//! that still reports the real line and column; (2) at most [`PER_FILE`] diagnostics of a
//! file and [`PER_BUILD`] in all are shown, errors before warnings, followed by an
//! "… and N more" line (the summary's counts stay exact: they count every diagnostic);
//! (3) messages, labels and hints are cut at [`TEXT_MAX`] characters.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{Chars, Config};

use super::{Diagnostic, Severity};

/// Diagnostics shown per file.
pub(crate) const PER_FILE: usize = 20;
/// Diagnostics shown per build.
pub(crate) const PER_BUILD: usize = 100;
/// Characters of a long source line shown on each side of the span.
pub(crate) const WINDOW: usize = 80;
/// Longest message, label or hint shown, in characters.
pub(crate) const TEXT_MAX: usize = 500;
/// Longest source line shown whole, in bytes; a span over more than [`MAX_LINES`] lines
/// is shown by its first line.
const LONG_LINE: usize = 240;
const MAX_LINES: usize = 12;

/// Which diagnostics to show (in their order), and the "and N more" lines to end with.
pub(super) fn select(items: &[Diagnostic]) -> (Vec<&Diagnostic>, Vec<String>) {
    let mut per_file: BTreeMap<Option<&Path>, (usize, usize)> = BTreeMap::new();
    let mut keep = vec![false; items.len()];
    let (mut shown, mut over_build) = (0, 0);
    for severity in [Severity::Error, Severity::Warning] {
        for (i, d) in items.iter().enumerate() {
            if d.severity != severity {
                continue;
            }
            let counts = per_file.entry(d.file.as_deref()).or_default();
            if counts.0 >= PER_FILE {
                counts.1 += 1;
            } else if shown >= PER_BUILD {
                over_build += 1;
            } else {
                counts.0 += 1;
                shown += 1;
                keep[i] = true;
            }
        }
    }
    let mut notes: Vec<String> = per_file
        .iter()
        .filter(|(_, c)| c.1 > 0)
        .map(|(f, c)| {
            let f = f.map_or("the guide".to_string(), |f| f.display().to_string());
            format!(
                "… and {} more in {f} (the first {PER_FILE} of a file are shown)",
                c.1
            )
        })
        .collect();
    if over_build > 0 {
        notes.push(format!(
            "… and {over_build} more (the first {PER_BUILD} are shown)"
        ));
    }
    let chosen = items.iter().zip(keep).filter(|(_, k)| *k).map(|(d, _)| d);
    (chosen.collect(), notes)
}

/// The renderer's settings: ASCII art, as rustc's `--error-format=human` without Unicode.
pub(super) fn config() -> Config {
    Config {
        chars: Chars::ascii(),
        ..Config::default()
    }
}

/// A diagnostic as codespan wants it, over a [`Snippet`] of its source.
pub(super) fn to_codespan(d: &Diagnostic) -> (Snippet, CsDiagnostic<()>) {
    let cs = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    };
    let mut cs = cs.with_message(cut(&d.message));
    let mut notes = Vec::new();
    let snippet = match (&d.file, &d.source, &d.span) {
        (Some(f), Some(src), Some(span)) => {
            let (snippet, span) = Snippet::around(f.display().to_string(), src, span.clone());
            let label = Label::primary((), span);
            cs = cs.with_labels(vec![match &d.label {
                Some(l) => label.with_message(cut(l)),
                None => label,
            }]);
            snippet
        }
        (Some(f), _, _) => {
            notes.push(format!("in {}", f.display()));
            Snippet::default()
        }
        _ => Snippet::default(),
    };
    if let Some(h) = &d.hint {
        notes.push(format!("hint: {}", cut(h)));
    }
    (snippet, cs.with_notes(notes))
}

/// `text` cut to [`TEXT_MAX`] characters.
fn cut(text: &str) -> String {
    match text.char_indices().nth(TEXT_MAX) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The part of a file shown under a diagnostic, reporting the file's real line and column
/// numbers to codespan.
#[derive(Debug, Default)]
pub(super) struct Snippet {
    name: String,
    text: String,
    /// 0-based line of the file where `text` starts.
    first_line: usize,
    /// 0-based column (characters) of the file where `text`'s first line starts, after
    /// `marker`.
    first_col: usize,
    /// Bytes of the `…` that starts `text` when its line was cut on the left (0 or 3).
    marker: usize,
}

impl Snippet {
    /// The lines of `src` around `span`, and `span` mapped into them.
    fn around(name: String, src: &str, span: Range<usize>) -> (Snippet, Range<usize>) {
        let start = floor(src, span.start.min(src.len()));
        let end = floor(src, span.end.clamp(start, src.len()));
        let line_start = src[..start].rfind('\n').map_or(0, |n| n + 1);
        let first_line = src[..line_start].matches('\n').count();
        let line_end = |at: usize| src[at..].find('\n').map_or(src.len(), |n| at + n);
        let block = &src[line_start..line_end(end)];
        let whole =
            block.lines().count() <= MAX_LINES && block.lines().all(|l| l.len() <= LONG_LINE);
        if whole {
            let snippet = Snippet {
                name,
                text: block.to_string(),
                first_line,
                ..Snippet::default()
            };
            return (snippet, start - line_start..end - line_start);
        }
        // One line, cut around the span (itself cut to 2 windows).
        let line = &src[line_start..line_end(start)];
        let s = start - line_start;
        let e = (end - line_start).min(line.len()).min(s + 2 * WINDOW);
        let from = floor(line, s.saturating_sub(WINDOW));
        let to = ceil(line, (e + WINDOW).min(line.len()));
        let e = ceil(line, e);
        let marker = if from > 0 { "…".len() } else { 0 };
        let text = format!(
            "{}{}{}",
            if from > 0 { "…" } else { "" },
            &line[from..to],
            if to < line.len() { "…" } else { "" }
        );
        let snippet = Snippet {
            name,
            text,
            first_line,
            first_col: line[..from].chars().count(),
            marker,
        };
        (snippet, s - from + marker..e - from + marker)
    }

    fn line_starts(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(0).chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
    }
}

impl<'a> Files<'a> for Snippet {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.name)
    }
    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.text)
    }
    fn line_index(&'a self, (): (), byte: usize) -> Result<usize, FilesError> {
        Ok(self.text[..floor(&self.text, byte.min(self.text.len()))]
            .matches('\n')
            .count())
    }
    fn line_number(&'a self, (): (), line: usize) -> Result<usize, FilesError> {
        Ok(self.first_line + line + 1)
    }
    fn column_number(&'a self, (): (), line: usize, byte: usize) -> Result<usize, FilesError> {
        let range = self.line_range((), line)?;
        let (start, base) = match line {
            0 => (range.start + self.marker, self.first_col),
            _ => (range.start, 0),
        };
        let at = floor(&self.text, byte.clamp(start, range.end.max(start)));
        Ok(base + self.text[start..at].chars().count() + 1)
    }
    fn line_range(&'a self, (): (), line: usize) -> Result<Range<usize>, FilesError> {
        let mut starts = self.line_starts().skip(line);
        let start = starts.next().ok_or(FilesError::LineTooLarge {
            given: line,
            max: self.line_starts().count() - 1,
        })?;
        let end = starts.next().unwrap_or(self.text.len() + 1) - 1;
        Ok(start..end.max(start))
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::Diagnostics;
    use super::*;

    #[test]
    fn a_long_line_is_shown_as_a_window_with_the_real_line_and_column() {
        let line = format!("{}[x](nowhere.md){}", "é".repeat(5000), "b".repeat(5000));
        let src: Arc<str> = Arc::from(format!("# Title\n\n{line}\n"));
        let at = src.find("[x]").unwrap();
        let d = Diagnostic::error("broken link").at("content/a.md", &src, at..at + 16);
        let out = Diagnostics::from(d).render_plain();
        assert!(out.contains("--> content/a.md:3:5001"), "{out}");
        assert!(
            out.contains("[x](nowhere.md)") && out.contains('…'),
            "{out}"
        );
        assert!(out.len() < 1200, "{} bytes:\n{out}", out.len());
        assert!(out.contains("3 |"), "{out}");
    }

    #[test]
    fn short_sources_render_as_before() {
        let src: Arc<str> = Arc::from("a\nbad line\nc\n");
        let d = Diagnostic::error("x").at("f.md", &src, 2..5);
        let out = Diagnostics::from(d).render_plain();
        assert!(
            out.contains("--> f.md:2:1") && out.contains("2 | bad line"),
            "{out}"
        );
    }

    #[test]
    fn caps_per_file_and_per_build_keep_the_count() {
        let src: Arc<str> = Arc::from("x".repeat(100));
        let mut all = Diagnostics::new();
        for i in 0..1000 {
            all.push(Diagnostic::error(format!("e{i}")).at("a.md", &src, 1..2));
        }
        for f in 0..10 {
            for i in 0..15 {
                all.push(Diagnostic::warning(format!("w{i}")).at(format!("w{f}.md"), &src, 1..2));
            }
        }
        let out = all.render_plain();
        assert_eq!(out.matches("error: e").count(), PER_FILE);
        assert_eq!(out.matches("warning: w").count(), PER_BUILD - PER_FILE);
        assert!(out.contains("… and 980 more in a.md"), "{out}");
        assert!(
            out.contains("… and 70 more (the first 100 are shown)"),
            "{out}"
        );
        assert_eq!((all.error_count(), all.warning_count()), (1000, 150));
    }
}
