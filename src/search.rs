//! The offline search index: sharded so a reader downloads only what a query needs.
//!
//! `search/meta.json` lists the shards; `search/terms/<first two chars>.json` maps each term
//! to `[doc, score]` pairs; `search/docs/<k>.json` holds `[title, url, section, text]` for
//! [`CHUNK`] documents. A query fetches the shards of its words and the doc chunks of its top
//! results, so a 10,000-page guide costs a reader a few hundred KB, not the whole index.

use std::collections::{BTreeMap, HashMap};

use serde_json::json;

/// Documents per doc chunk.
pub const CHUNK: usize = 64;
/// Characters of page text kept for snippets.
const TEXT_LIMIT: usize = 1600;

/// A page to index.
pub struct Doc<'a> {
    /// Title.
    pub title: &'a str,
    /// Root-relative URL.
    pub url: &'a str,
    /// The top-level section it belongs to.
    pub section: &'a str,
    /// Plain text.
    pub text: &'a str,
}

/// Lowercase runs of letters and digits, two characters or longer.
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(str::to_lowercase)
}

/// The shard a term lives in.
pub fn shard_of(term: &str) -> String {
    term.chars().take(2).collect()
}

/// Builds every index file: (output path, JSON bytes).
pub fn build(docs: &[Doc]) -> Vec<(String, Vec<u8>)> {
    let mut terms: HashMap<String, Vec<(usize, u32)>> = HashMap::new();
    for (id, d) in docs.iter().enumerate() {
        let mut counts: HashMap<String, u32> = HashMap::new();
        for t in tokens(d.text) {
            *counts.entry(t).or_default() += 1;
        }
        for t in tokens(d.title) {
            *counts.entry(t).or_default() += 20;
        }
        for (t, c) in counts {
            terms.entry(t).or_default().push((id, c.min(60)));
        }
    }
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<(usize, u32)>>> = BTreeMap::new();
    for (t, mut postings) in terms {
        postings.sort_unstable();
        shards.entry(shard_of(&t)).or_default().insert(t, postings);
    }
    let mut files = Vec::with_capacity(shards.len() + docs.len() / CHUNK + 2);
    let meta = json!({"version": 1, "docs": docs.len(), "chunk": CHUNK, "shards": shards.keys().collect::<Vec<_>>()});
    files.push((
        "search/meta.json".to_string(),
        meta.to_string().into_bytes(),
    ));
    for (key, map) in &shards {
        files.push((
            format!("search/terms/{key}.json"),
            serde_json::to_vec(map).unwrap_or_default(),
        ));
    }
    for (k, chunk) in docs.chunks(CHUNK).enumerate() {
        let rows: Vec<_> = chunk
            .iter()
            .map(|d| json!([d.title, d.url, d.section, truncate(d.text)]))
            .collect();
        files.push((
            format!("search/docs/{k}.json"),
            serde_json::to_vec(&rows).unwrap_or_default(),
        ));
    }
    files
}

fn truncate(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match t.char_indices().nth(TEXT_LIMIT) {
        Some((i, _)) => t[..i].to_string(),
        None => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_finds_terms() {
        let docs = [Doc {
            title: "Release",
            url: "release/",
            section: "Release",
            text: "Use a lacrosse ball, or a foam roller.",
        }];
        let files = build(&docs);
        let la = files
            .iter()
            .find(|(p, _)| p == "search/terms/la.json")
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&la.1).unwrap();
        assert_eq!(v["lacrosse"][0][0], 0);
        assert!(files.iter().any(|(p, _)| p == "search/docs/0.json"));
        assert_eq!(
            tokens("Hip-flexion a ASIS").collect::<Vec<_>>(),
            ["hip", "flexion", "asis"]
        );
    }
}
