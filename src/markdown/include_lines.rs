//! Which part of an included file to take: all of it, a line range, or a named anchor,
//! with mdBook's syntax (`file:2:10`, `file:2:`, `file::10`, `file:2`, `file:name`).
//!
//! Anchors are comment lines holding `ANCHOR: name` and `ANCHOR_END: name`; every such line
//! (of any anchor) is left out of the included text. The result is byte ranges of the file,
//! so the caller can keep a source map.

use std::ops::Range;

/// The part of a file an include asks for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Select {
    /// The whole file.
    All,
    /// 1-based lines `start..=end` (`end` None: to the end of the file).
    Lines { start: usize, end: Option<usize> },
    /// The lines between `ANCHOR: name` and `ANCHOR_END: name`.
    Anchor(String),
}

/// Why a selection could not be made.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Miss {
    /// The file has only `lines` lines.
    PastEnd { lines: usize },
    /// No `ANCHOR: name`; these anchors exist.
    NoAnchor { anchors: Vec<String> },
}

/// Splits `file.rs:2:10` into the path and the selection.
pub(crate) fn parse(arg: &str) -> Result<(&str, Select), String> {
    let Some((path, rest)) = arg.split_once(':') else {
        return Ok((arg, Select::All));
    };
    let mut parts = rest.splitn(2, ':');
    let first = parts.next().unwrap_or("");
    let second = parts.next();
    let number = |s: &str| -> Result<Option<usize>, String> {
        if s.is_empty() {
            return Ok(None);
        }
        match s.parse::<usize>() {
            Ok(0) => Err("lines are numbered from 1".into()),
            Ok(n) => Ok(Some(n)),
            Err(_) => Err(format!("`{s}` is not a line number")),
        }
    };
    let is_anchor = !first.is_empty() && !first.chars().all(|c| c.is_ascii_digit());
    if is_anchor {
        if second.is_some() {
            return Err(format!(
                "`{rest}` is neither a line range nor an anchor name"
            ));
        }
        return Ok((path, Select::Anchor(first.to_string())));
    }
    let start = number(first)?;
    let select = match second {
        None => Select::Lines {
            start: start.unwrap_or(1),
            end: start,
        },
        Some(e) => Select::Lines {
            start: start.unwrap_or(1),
            end: number(e)?,
        },
    };
    if let Select::Lines {
        start,
        end: Some(end),
    } = select
    {
        if end < start {
            return Err(format!(
                "the range ends (line {end}) before it starts (line {start})"
            ));
        }
    }
    Ok((path, select))
}

/// Byte ranges of `text` to include, each a run of whole lines without its last line break.
pub(crate) fn select(text: &str, select: &Select) -> Result<Vec<Range<usize>>, Miss> {
    let lines = lines(text);
    match select {
        Select::All => Ok(match (lines.first(), lines.last()) {
            (Some(a), Some(b)) => {
                let whole = a.start..b.end;
                vec![whole]
            }
            _ => Vec::new(),
        }),
        Select::Lines { start, end } => {
            let end = end.unwrap_or(lines.len().max(*start));
            if end > lines.len() {
                return Err(Miss::PastEnd { lines: lines.len() });
            }
            let taken = lines[start - 1].start..lines[end - 1].end;
            Ok(vec![taken])
        }
        Select::Anchor(name) => anchored(text, &lines, name),
    }
}

fn anchored(text: &str, lines: &[Range<usize>], name: &str) -> Result<Vec<Range<usize>>, Miss> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut inside = false;
    let mut found = false;
    let mut last_kept: Option<usize> = None;
    for (i, r) in lines.iter().enumerate() {
        let line = &text[r.clone()];
        let start = marker(line, "ANCHOR:");
        let end = marker(line, "ANCHOR_END:");
        if start.is_some() || end.is_some() {
            if start == Some(name) {
                inside = true;
                found = true;
            } else if end == Some(name) && inside {
                break;
            }
            continue;
        }
        if inside {
            match (pieces.last_mut(), last_kept) {
                (Some(p), Some(k)) if k + 1 == i => p.end = r.end,
                _ => pieces.push(r.clone()),
            }
            last_kept = Some(i);
        }
    }
    if found {
        Ok(pieces)
    } else {
        Err(Miss::NoAnchor {
            anchors: anchors(text),
        })
    }
}

/// Every `ANCHOR: name` of a file, in order.
pub(crate) fn anchors(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(n) = marker(line, "ANCHOR:") {
            if !out.iter().any(|o| o == n) {
                out.push(n.to_string());
            }
        }
    }
    out
}

/// The name after `ANCHOR:` / `ANCHOR_END:` in a line (mdBook: `[\w-]+` after spaces).
fn marker<'t>(line: &'t str, tag: &str) -> Option<&'t str> {
    let at = line.find(tag)?;
    let rest = line[at + tag.len()..].trim_start();
    let len = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-'))
        .map_or(rest.len(), |(i, _)| i);
    (len > 0).then(|| &rest[..len])
}

/// Each line's byte range, without its `\n` or `\r\n`.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
        let content_end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        out.push(start..content_end);
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str =
        "a\nb\n// ANCHOR: x\nc\n// ANCHOR: y\nd\n// ANCHOR_END: y\ne\n// ANCHOR_END: x\nf\n";

    fn take(text: &str, s: &Select) -> String {
        select(text, s)
            .unwrap()
            .into_iter()
            .map(|r| &text[r])
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn parses_mdbook_forms() {
        let lines = |start, end| Select::Lines { start, end };
        assert_eq!(parse("f.rs").unwrap(), ("f.rs", Select::All));
        assert_eq!(parse("f.rs:2:10").unwrap(), ("f.rs", lines(2, Some(10))));
        assert_eq!(parse("f.rs:2:").unwrap(), ("f.rs", lines(2, None)));
        assert_eq!(parse("f.rs::10").unwrap(), ("f.rs", lines(1, Some(10))));
        assert_eq!(parse("f.rs:2").unwrap(), ("f.rs", lines(2, Some(2))));
        assert_eq!(
            parse("f.rs:main").unwrap(),
            ("f.rs", Select::Anchor("main".into()))
        );
        assert!(parse("f.rs:0:3").is_err());
        assert!(parse("f.rs:5:3").is_err());
        assert!(parse("f.rs:2:x").is_err());
    }

    #[test]
    fn takes_lines_and_anchors() {
        assert_eq!(take("a\nb\nc\n", &Select::All), "a\nb\nc");
        let two_three = Select::Lines {
            start: 2,
            end: Some(3),
        };
        assert_eq!(take("a\r\nb\r\nc\r\n", &two_three), "b\r\nc");
        assert_eq!(take(CODE, &Select::Anchor("x".into())), "c|d|e");
        assert_eq!(take(CODE, &Select::Anchor("y".into())), "d");
        let past = Select::Lines {
            start: 2,
            end: Some(9),
        };
        assert_eq!(select("a\nb\n", &past), Err(Miss::PastEnd { lines: 2 }));
        assert_eq!(
            select(CODE, &Select::Anchor("z".into())),
            Err(Miss::NoAnchor {
                anchors: vec!["x".into(), "y".into()]
            })
        );
    }
}
