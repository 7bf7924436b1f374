//! The offline search index: sharded so a reader downloads only what a query needs.
//!
//! `search/meta.json` lists the shards; `search/terms/<first two chars>.json` maps each term
//! to `[doc, score]` pairs; `search/docs/<k>.json` holds `[title, url, section, text]` for
//! [`CHUNK`] documents. A query fetches the shards of its words and the doc chunks of its top
//! results, so a 10,000-page guide costs a reader a few hundred KB, not the whole index.
//!
//! The index is kept between builds: after an edit only the edited documents' terms are
//! updated, and only the shard and chunk files they touch are serialised again.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use bytes::Bytes;
use rayon::prelude::*;
use serde_json::json;

/// Documents per doc chunk.
pub const CHUNK: usize = 16;
/// Characters of page text kept for snippets.
const TEXT_LIMIT: usize = 1000;
/// Postings kept per term, best scores first: a term on more pages than this is nearly a
/// stop word, and the rest of its list would only make every reader download it.
const POSTINGS_LIMIT: usize = 1000;
/// Shards larger than this are split by a third character.
const SPLIT_BYTES: usize = 32 * 1024;

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

/// One indexed document.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    row: serde_json::Value,
    terms: Vec<(String, u32)>,
}

impl Entry {
    fn new(d: &Doc) -> Entry {
        // Lowercase once and count borrowed slices: one allocation per distinct term, not per word.
        let (text, title) = (d.text.to_lowercase(), d.title.to_lowercase());
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for t in words(&text) {
            *counts.entry(t).or_default() += 1;
        }
        for t in words(&title) {
            *counts.entry(t).or_default() += 20;
        }
        let mut terms: Vec<(String, u32)> = counts
            .into_iter()
            .map(|(t, c)| (t.to_string(), c.min(60)))
            .collect();
        terms.sort_unstable();
        Entry {
            row: json!([d.title, d.url, d.section, truncate(d.text)]),
            terms,
        }
    }
}

/// Runs of letters and digits, two characters or longer (of already lowercased text).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
}

/// The whole index, kept between builds.
#[derive(Debug, Default)]
pub struct Index {
    entries: Vec<Entry>,
    shards: BTreeMap<String, BTreeMap<String, Vec<(usize, u32)>>>,
    files: BTreeMap<String, Bytes>,
}

impl Index {
    /// Brings the index to `docs` (in doc-id order), re-serialising only what changed.
    /// `dirty(id)` says whether doc `id` may have changed since the last call.
    pub fn update(&mut self, docs: &[Doc], dirty: impl Fn(usize) -> bool + Sync) {
        if docs.len() != self.entries.len() {
            *self = Index::default();
        }
        let fresh = self.entries.is_empty();
        let mut touched_shards = BTreeSet::new();
        let mut touched_chunks = BTreeSet::new();
        // Counting terms is the costly part: do it for every dirty document in parallel.
        let new: Vec<Option<Entry>> = docs
            .par_iter()
            .enumerate()
            .map(|(id, d)| {
                (fresh || dirty(id))
                    .then(|| Entry::new(d))
                    .filter(|e| fresh || *e != self.entries[id])
            })
            .collect();
        if fresh {
            // A fresh index: group postings by term in one pass (doc ids arrive in order).
            self.entries = new.into_iter().flatten().collect();
            let mut by_term: HashMap<&str, Vec<(usize, u32)>> = HashMap::new();
            for (id, e) in self.entries.iter().enumerate() {
                for (t, c) in &e.terms {
                    by_term.entry(t.as_str()).or_default().push((id, *c));
                }
            }
            for (t, postings) in by_term {
                let key = shard_of(t);
                touched_shards.insert(key.clone());
                self.shards
                    .entry(key)
                    .or_default()
                    .insert(t.to_string(), postings);
            }
            touched_chunks.extend(0..self.entries.len().div_ceil(CHUNK));
        } else {
            self.apply(new, &mut touched_shards, &mut touched_chunks);
        }
        for key in &touched_shards {
            let prefix = format!("search/terms/{key}");
            let stale: Vec<String> = self
                .files
                .range(prefix.clone()..)
                .map(|(k, _)| k.clone())
                .take_while(|k| k.starts_with(&prefix))
                .collect();
            for k in stale {
                self.files.remove(&k);
            }
            if let Some(shard) = self.shards.get_mut(key) {
                shard.retain(|_, p| !p.is_empty());
                if shard.is_empty() {
                    self.shards.remove(key);
                }
            }
        }
        let shards = &self.shards;
        let written: Vec<(String, Vec<u8>)> = touched_shards
            .par_iter()
            .filter_map(|key| shards.get(key).map(|shard| split_shard(key, shard)))
            .flatten()
            .collect();
        for (name, bytes) in written {
            self.files
                .insert(format!("search/terms/{name}.json"), Bytes::from(bytes));
        }
        for k in touched_chunks {
            let rows: Vec<_> = self.entries[k * CHUNK..((k + 1) * CHUNK).min(self.entries.len())]
                .iter()
                .map(|e| &e.row)
                .collect();
            self.files.insert(
                format!("search/docs/{k}.json"),
                Bytes::from(serde_json::to_vec(&rows).unwrap_or_default()),
            );
        }
        let names: Vec<&str> = self
            .files
            .keys()
            .filter_map(|k| k.strip_prefix("search/terms/")?.strip_suffix(".json"))
            .collect();
        let meta =
            json!({"version": 1, "docs": self.entries.len(), "chunk": CHUNK, "shards": names});
        self.files.insert(
            "search/meta.json".to_string(),
            Bytes::from(meta.to_string()),
        );
    }

    /// Replaces the postings of the documents that changed.
    fn apply(
        &mut self,
        new: Vec<Option<Entry>>,
        touched_shards: &mut BTreeSet<String>,
        touched_chunks: &mut BTreeSet<usize>,
    ) {
        for (id, entry) in new.into_iter().enumerate() {
            let Some(entry) = entry else { continue };
            for (t, _) in &self.entries[id].terms {
                let key = shard_of(t);
                if let Some(postings) = self.shards.get_mut(&key).and_then(|s| s.get_mut(t)) {
                    postings.retain(|(doc, _)| *doc != id);
                }
                touched_shards.insert(key);
            }
            for (t, c) in &entry.terms {
                let key = shard_of(t);
                let postings = self
                    .shards
                    .entry(key.clone())
                    .or_default()
                    .entry(t.clone())
                    .or_default();
                match postings.binary_search_by_key(&id, |p| p.0) {
                    Ok(i) => postings[i].1 = *c,
                    Err(i) => postings.insert(i, (id, *c)),
                }
                touched_shards.insert(key);
            }
            touched_chunks.insert(id / CHUNK);
            self.entries[id] = entry;
        }
    }

    /// Every index file: output path → JSON.
    pub fn files(&self) -> &BTreeMap<String, Bytes> {
        &self.files
    }
}

/// Builds every index file from scratch: (output path, JSON bytes).
pub fn build(docs: &[Doc]) -> Vec<(String, Bytes)> {
    let mut index = Index::default();
    index.update(docs, |_| true);
    index.files.into_iter().collect()
}

/// A shard's files: one for the two-character key, or, when that would be larger than
/// [`SPLIT_BYTES`], one per three-character prefix (two-letter terms keep the short key), so
/// a reader never downloads a huge shard for one word.
fn split_shard(key: &str, shard: &BTreeMap<String, Vec<(usize, u32)>>) -> Vec<(String, Vec<u8>)> {
    let whole = serialize_shard(shard);
    if whole.len() <= SPLIT_BYTES {
        return vec![(key.to_string(), whole)];
    }
    let mut parts: BTreeMap<String, BTreeMap<String, Vec<(usize, u32)>>> = BTreeMap::new();
    for (t, p) in shard {
        parts
            .entry(t.chars().take(3).collect())
            .or_default()
            .insert(t.clone(), p.clone());
    }
    parts
        .into_iter()
        .map(|(k, m)| (k, serialize_shard(&m)))
        .collect()
}

/// A shard as JSON, each term's postings cut to the [`POSTINGS_LIMIT`] best, in doc order.
fn serialize_shard(shard: &BTreeMap<String, Vec<(usize, u32)>>) -> Vec<u8> {
    let capped: BTreeMap<&String, std::borrow::Cow<[(usize, u32)]>> = shard
        .iter()
        .map(|(t, p)| {
            if p.len() <= POSTINGS_LIMIT {
                return (t, std::borrow::Cow::Borrowed(p.as_slice()));
            }
            let mut best = p.clone();
            best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            best.truncate(POSTINGS_LIMIT);
            best.sort_unstable();
            (t, std::borrow::Cow::Owned(best))
        })
        .collect();
    serde_json::to_vec(&capped).unwrap_or_default()
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

    fn doc<'a>(title: &'a str, text: &'a str) -> Doc<'a> {
        Doc {
            title,
            url: "x/",
            section: "S",
            text,
        }
    }

    #[test]
    fn index_finds_terms() {
        let files = build(&[doc("Release", "Use a lacrosse ball, or a foam roller.")]);
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

    #[test]
    fn incremental_update_equals_full_build() {
        let mut idx = Index::default();
        idx.update(&[doc("A", "alpha beta"), doc("B", "beta gamma")], |_| true);
        idx.update(&[doc("A", "alpha delta"), doc("B", "beta gamma")], |id| {
            id == 0
        });
        let full: BTreeMap<String, Bytes> =
            build(&[doc("A", "alpha delta"), doc("B", "beta gamma")])
                .into_iter()
                .collect();
        assert_eq!(idx.files(), &full);
    }
}
