//! mdBook's `SUMMARY.md`: the chapters in order, with their nesting, part titles,
//! separators and draft chapters (`[x]()`), each with its line for the report.

/// One entry of SUMMARY.md.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Item {
    /// A chapter: title, source path relative to `src/` (None for a draft), nesting depth.
    Chapter {
        title: String,
        path: Option<String>,
        depth: usize,
        line: usize,
    },
    /// `# Part title` (after the first heading).
    Part { title: String, line: usize },
    /// `---`.
    Separator,
}

/// Parses SUMMARY.md; nesting is read from the indents (2 or 4 spaces, or tabs).
pub(super) fn parse(text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut indents: Vec<usize> = Vec::new();
    let mut seen_title = false;
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let expanded = raw.replace('\t', "    ");
        let t = expanded.trim();
        if in_comment || t.starts_with("<!--") {
            in_comment = !t.contains("-->");
            continue;
        }
        if t.is_empty() {
            continue;
        }
        if let Some(h) = t.strip_prefix('#') {
            let title = h.trim_start_matches('#').trim().to_string();
            if seen_title {
                items.push(Item::Part { title, line });
            }
            seen_title = true;
            indents.clear();
            continue;
        }
        seen_title = true;
        if t.chars().all(|c| c == '-') && t.len() >= 3 {
            items.push(Item::Separator);
            indents.clear();
            continue;
        }
        let indent = expanded.len() - expanded.trim_start().len();
        let (listed, rest) = match t.strip_prefix(['-', '*', '+']) {
            Some(r) => (true, r.trim_start()),
            None => (false, t),
        };
        let Some((title, path)) = link(rest) else {
            continue;
        };
        let depth = if listed {
            while indents.last().is_some_and(|&top| top > indent) {
                indents.pop();
            }
            if indents.last() != Some(&indent) {
                indents.push(indent);
            }
            indents.len() - 1
        } else {
            0
        };
        items.push(Item::Chapter {
            title,
            path,
            depth,
            line,
        });
    }
    items
}

/// `[Title](path)` → (title, path or None when empty).
fn link(s: &str) -> Option<(String, Option<String>)> {
    let s = s.strip_prefix('[')?;
    let close = s.rfind("](")?;
    let title = s[..close].replace("\\[", "[").replace("\\]", "]");
    let rest = &s[close + 2..];
    let end = rest.rfind(')')?;
    let path = rest[..end]
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>');
    let path = path.strip_prefix("./").unwrap_or(path).replace("%20", " ");
    Some((title, (!path.is_empty()).then_some(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_parts_drafts() {
        let items = parse(
            "# Summary\n\n[Intro](README.md)\n\n# Part\n\n- [A](a/README.md)\n    - [B](./a/b.md)\n        - [Draft]()\n    - [C](a/c.md)\n- [D](d.md)\n  - [E](e.md)\n\n---\n\n[End](end.md)\n",
        );
        let depths: Vec<(String, usize)> = items
            .iter()
            .filter_map(|i| match i {
                Item::Chapter { title, depth, .. } => Some((title.clone(), *depth)),
                _ => None,
            })
            .collect();
        let want = [
            ("Intro", 0),
            ("A", 0),
            ("B", 1),
            ("Draft", 2),
            ("C", 1),
            ("D", 0),
            ("E", 1),
            ("End", 0),
        ];
        assert_eq!(depths, want.map(|(t, d)| (t.to_string(), d)));
        assert!(items.contains(&Item::Part {
            title: "Part".into(),
            line: 5
        }));
        assert!(items.contains(&Item::Separator));
        assert!(items.iter().any(|i| matches!(i, Item::Chapter { title, path: Some(p), .. } if title == "B" && p == "a/b.md")));
        assert!(
            items
                .iter()
                .any(|i| matches!(i, Item::Chapter { path: None, .. }))
        );
    }
}
