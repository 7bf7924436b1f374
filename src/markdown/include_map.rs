//! Where each byte of a page's expanded text came from.
//!
//! Includes splice other files into the page before it is parsed, so the parser's offsets
//! point into text that exists nowhere on disk. The map records, for every copied piece,
//! which file and offset it came from, so a broken link inside an included file is reported
//! at that file's own line and column, not at the page's.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::diag::Diagnostic;

/// A file that contributed text: the page itself (origin 0) or an included file.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    /// As shown in diagnostics.
    pub(crate) shown: PathBuf,
    /// The whole file.
    pub(crate) text: Arc<str>,
}

/// One copied piece: expanded offset, origin index, offset in that origin's text.
#[derive(Debug, Clone, Copy)]
struct Segment {
    at: usize,
    origin: usize,
    offset: usize,
}

/// Expanded-text offsets back to (file, offset).
#[derive(Debug, Clone, Default)]
pub(crate) struct SourceMap {
    origins: Vec<Origin>,
    segments: Vec<Segment>,
}

impl SourceMap {
    /// A map whose origin 0 is the page.
    pub(crate) fn new(page: Origin) -> Self {
        SourceMap {
            origins: vec![page],
            segments: Vec::new(),
        }
    }

    /// Registers a file; returns its origin index.
    pub(crate) fn add_origin(&mut self, origin: Origin) -> usize {
        self.origins.push(origin);
        self.origins.len() - 1
    }

    /// The origin at `index`.
    pub(crate) fn origin(&self, index: usize) -> &Origin {
        &self.origins[index]
    }

    /// Records that expanded text from `at` on comes from `origin` at `offset`.
    pub(crate) fn mark(&mut self, at: usize, origin: usize, offset: usize) {
        if let Some(last) = self.segments.last_mut() {
            if last.at == at {
                *last = Segment { at, origin, offset };
                return;
            }
        }
        self.segments.push(Segment { at, origin, offset });
    }

    /// The file and file-relative span of an expanded span (its end is kept inside the
    /// piece its start is in).
    pub(crate) fn locate(&self, span: Range<usize>) -> (&Origin, Range<usize>) {
        let i = self.segments.partition_point(|s| s.at <= span.start);
        let Some(seg) = i.checked_sub(1).map(|i| self.segments[i]) else {
            return (&self.origins[0], span);
        };
        let piece_end = self.segments.get(i).map_or(usize::MAX, |s| s.at);
        let start = seg.offset + (span.start - seg.at);
        let end = seg.offset + (span.end.min(piece_end).max(span.start) - seg.at);
        (&self.origins[seg.origin], start..end)
    }

    /// Points `d` at an expanded span.
    pub(crate) fn place(&self, d: Diagnostic, span: Range<usize>) -> Diagnostic {
        let (origin, span) = self.locate(span);
        d.at(&origin.shown, &origin.text, span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_to_their_files() {
        let page = Origin {
            shown: "content/a.md".into(),
            text: "+++\n+++\nA {{#include b.md}} Z".into(),
        };
        let mut map = SourceMap::new(page);
        let b = map.add_origin(Origin {
            shown: "content/b.md".into(),
            text: "bee".into(),
        });
        // Expanded: "A bee Z"; the body starts at 8 in the page file.
        map.mark(0, 0, 8);
        map.mark(2, b, 0);
        map.mark(5, 0, 8 + 19);
        let (o, s) = map.locate(2..5);
        assert_eq!((o.shown.to_str(), s), (Some("content/b.md"), 0..3));
        let (o, s) = map.locate(3..7);
        assert_eq!((o.shown.to_str(), s), (Some("content/b.md"), 1..3));
        let (o, s) = map.locate(6..7);
        assert_eq!((o.shown.to_str(), s), (Some("content/a.md"), 28..29));
    }
}
