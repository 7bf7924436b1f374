//! One page as the index holds it: its row for the page chunk (title, URL, each section's
//! anchor, heading and snippet text) and its terms with their scores per section, made in
//! one pass over the page's text (in parallel across pages).

use rustc_hash::FxHashMap as HashMap;

use super::{Doc, MAX_SECTIONS, Tokenizer};

/// Characters of a section's text kept for snippets.
const TEXT_LIMIT: usize = 1200;
/// Highest term frequency counted.
const TF_CAP: u32 = 15;

/// One indexed page: its row for the page chunk and its terms.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Entry {
    /// As JSON text (`[title, url, [[anchor, heading, text], …]]`): a tree of
    /// `serde_json::Value`s took several times the bytes.
    pub(super) row: String,
    /// Term → (section index, score), sorted by term.
    pub(super) terms: Vec<(String, Vec<(u32, u32)>)>,
}

impl Entry {
    /// Page `d`'s row and terms, tokenised by `tok`.
    pub(super) fn new(d: &Doc, tok: &Tokenizer) -> Entry {
        let n = d.sections.len().clamp(1, MAX_SECTIONS);
        // (tier, frequency) per term and section.
        let mut counts: HashMap<String, Vec<(u32, u32, u32)>> = HashMap::default();
        let mut add = |t: &str, sec: u32, tier: u32| {
            let list = match counts.get_mut(t) {
                Some(l) => l,
                None => counts.entry(t.to_string()).or_default(),
            };
            match list.last_mut() {
                Some(last) if last.0 == sec => {
                    last.1 = last.1.max(tier);
                    last.2 += u32::from(tier == 0);
                }
                _ => list.push((sec, tier, u32::from(tier == 0))),
            }
        };
        tok.terms(d.title, |t| add(t, 0, 2));
        let mut rows = Vec::with_capacity(n);
        // Sections past the last id join its text (kept only up to the snippet limit).
        let mut tail = String::new();
        for (i, s) in d.sections.iter().enumerate() {
            let sec = i.min(n - 1) as u32;
            tok.terms(&s.heading, |t| add(t, sec, 1));
            tok.terms(&s.text, |t| add(t, sec, 0));
            if i + 1 < n {
                rows.push((s.anchor.as_str(), s.heading.as_str(), truncate(&s.text)));
            } else if tail.len() < TEXT_LIMIT * 4 {
                if !tail.is_empty() {
                    tail.push(' ');
                }
                tail.push_str(&s.text);
            }
        }
        if let Some(s) = d.sections.get(n - 1) {
            rows.push((s.anchor.as_str(), s.heading.as_str(), truncate(&tail)));
        }
        let row = serde_json::to_string(&(d.title, d.url, rows)).expect("JSON of plain data");
        let mut terms: Vec<(String, Vec<(u32, u32)>)> = counts
            .into_iter()
            .map(|(t, list)| {
                let mut p: Vec<(u32, u32)> = list
                    .into_iter()
                    .map(|(sec, tier, tf)| (sec, tier * 16 + tf.min(TF_CAP)))
                    .collect();
                p.sort_unstable();
                p.dedup_by(|b, a| {
                    // A title word also on the page's first section (sections repeat only
                    // through folding): keep the best score.
                    let same = a.0 == b.0;
                    if same {
                        a.1 = a.1.max(b.1);
                    }
                    same
                });
                (t, p)
            })
            .collect();
        terms.sort_unstable();
        Entry { row, terms }
    }
}

fn truncate(text: &str) -> &str {
    match text.char_indices().nth(TEXT_LIMIT) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}
