//! The offline search index: sections of pages, sharded so a reader downloads only what a
//! query needs, as scripts so it works from `file://` as well as over HTTP.
//!
//! Every file is a script calling `guideSearch.add(name, data)` (JSONP-style: a `<script>`
//! loads from disk where `fetch` cannot); term shards hold their postings as base64 digits
//! and page chunks their rows deflated, see [`format`]:
//! - `search/meta.js`: page count, chunk size, stemmer, the list of term shards;
//! - `search/stem.js`: the Snowball stemmer of the guide's language, for the query side;
//! - `search/t/<key>.js`: terms whose first two characters (one if CJK) are `key` (a large
//!   shard is split by one more character), each with its postings;
//! - `search/p/<k>.js`: title, URL and section texts of [`CHUNK`] pages.
//!
//! A posting is a section id (`page << 6 | section`) and a score: `16 × tier + frequency`,
//! tier 2 for the page title (on its first section), 1 for the section heading, 0 for body
//! text. The evaluator that ranks them is [`query`], mirrored by the theme's guide.js.
//!
//! The index is kept between builds: after an edit only the edited pages' terms are
//! updated, only the terms whose postings changed are serialised again (each term's entry is
//! kept as text), and only the shard and chunk files holding them are put together anew.

mod entry;
pub mod format;
mod once;
pub mod query;
pub mod tokens;

use std::collections::{BTreeMap, BTreeSet};

use bytes::Bytes;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::markdown::TextSection;
use entry::Entry;
pub use tokens::Tokenizer;

/// Pages per page-chunk file.
pub const CHUNK: usize = 4;
/// Sections per page that get their own id; later ones are folded into the last.
pub const MAX_SECTIONS: usize = 64;
/// A page to index.
pub struct Doc<'a> {
    /// Title.
    pub title: &'a str,
    /// Root-relative URL.
    pub url: &'a str,
    /// Its text by section.
    pub sections: &'a [TextSection],
}

/// (section id, score).
pub type Posting = (u32, u32);

/// Term → postings, of one shard.
pub(crate) type Shard = BTreeMap<String, Vec<Posting>>;

/// The whole index, kept between builds.
#[derive(Debug, Default)]
pub struct Index {
    language: String,
    entries: Vec<Entry>,
    shards: BTreeMap<String, Shard>,
    /// Each term's entry of its shard file ([`format::fragment`]).
    fragments: HashMap<String, String>,
    files: BTreeMap<String, Bytes>,
    /// Built once and never updated (`guide build`): each page's terms are moved into the
    /// postings, and all but the files is dropped after [`Index::update`].
    once: bool,
}

/// What an update touched: the shards and terms whose postings changed, the page chunks
/// whose rows did.
#[derive(Default)]
struct Touched {
    shards: BTreeSet<String>,
    /// The terms whose postings changed, unless `all` did.
    terms: BTreeSet<String>,
    /// Every term (a fresh index): `terms` is left empty.
    all: bool,
    chunks: BTreeSet<usize>,
}

impl Index {
    /// An index that is built once and never updated: it keeps only its files.
    pub fn once() -> Index {
        Index {
            once: true,
            ..Index::default()
        }
    }

    /// Brings the index to `docs` (in page order) for a guide in `language`, re-serialising
    /// only what changed. `dirty(id)` says whether page `id` may have changed since the last
    /// call.
    pub fn update(&mut self, language: &str, docs: &[Doc], dirty: impl Fn(usize) -> bool + Sync) {
        if docs.len() != self.entries.len() || language != self.language {
            *self = Index {
                language: language.to_string(),
                once: self.once,
                ..Index::default()
            };
        }
        let tok = Tokenizer::new(language);
        let fresh = self.entries.is_empty();
        let mut touched = Touched::default();
        if fresh && self.once {
            // Batch by batch, keeping only the postings and the files (see `once`).
            once::group(self, &tok, docs, &mut touched);
            self.write(&tok, &touched, docs.len());
            self.files_only();
            return;
        }
        // Counting terms is the costly part: do it for every dirty page in parallel.
        let new: Vec<Option<Entry>> = docs
            .par_iter()
            .enumerate()
            .map(|(id, d)| {
                (fresh || dirty(id))
                    .then(|| Entry::new(d, &tok))
                    .filter(|e| fresh || *e != self.entries[id])
            })
            .collect();
        if fresh {
            self.entries = new.into_iter().flatten().collect();
            self.group_fresh(&mut touched);
            touched.chunks.extend(0..self.entries.len().div_ceil(CHUNK));
        } else {
            self.apply(new, &mut touched);
        }
        self.write(&tok, &touched, docs.len());
        if self.once {
            self.files_only();
        }
    }

    /// Drops all but the files (an index built once is never updated).
    fn files_only(&mut self) {
        let files = std::mem::take(&mut self.files);
        *self = Index {
            files,
            ..Index::once()
        };
    }

    /// A fresh index: postings grouped by term in one pass (page ids arrive in order).
    fn group_fresh(&mut self, touched: &mut Touched) {
        let mut by_term: HashMap<std::borrow::Cow<str>, Vec<Posting>> = HashMap::default();
        let mut add = |page: usize, t, list: &[(u32, u32)]| {
            let p: &mut Vec<Posting> = by_term.entry(t).or_default();
            p.extend(list.iter().map(|&(sec, s)| (section_id(page, sec), s)));
        };
        if self.once {
            for (page, e) in self.entries.iter_mut().enumerate() {
                for (t, list) in std::mem::take(&mut e.terms) {
                    add(page, t.into(), &list);
                }
            }
        } else {
            for (page, e) in self.entries.iter().enumerate() {
                for (t, list) in &e.terms {
                    add(page, t.as_str().into(), list);
                }
            }
        }
        for (t, postings) in by_term {
            let key = tokens::shard_of(&t);
            let shard = match self.shards.get_mut(key) {
                Some(shard) => shard,
                None => self.shards.entry(key.to_string()).or_default(),
            };
            shard.insert(t.into_owned(), postings);
        }
        touched.shards.extend(self.shards.keys().cloned());
        touched.all = true;
    }

    /// Replaces the postings of the pages that changed; a term whose postings on the page
    /// stayed the same is not touched.
    fn apply(&mut self, new: Vec<Option<Entry>>, touched: &mut Touched) {
        for (page, entry) in new.into_iter().enumerate() {
            let Some(entry) = entry else { continue };
            let range = section_id(page, 0)..section_id(page + 1, 0);
            for (t, list) in changed_terms(&self.entries[page].terms, &entry.terms) {
                let key = tokens::shard_of(t).to_string();
                let postings = self
                    .shards
                    .entry(key.clone())
                    .or_default()
                    .entry(t.to_string())
                    .or_default();
                let from = postings.partition_point(|p| p.0 < range.start);
                let to = postings.partition_point(|p| p.0 < range.end);
                let ids = list.iter().map(|&(sec, s)| (section_id(page, sec), s));
                postings.splice(from..to, ids);
                touched.shards.insert(key);
                touched.terms.insert(t.to_string());
            }
            if self.entries[page].row != entry.row {
                touched.chunks.insert(page / CHUNK);
            }
            self.entries[page] = entry;
        }
    }

    /// Serialises the touched terms, shards and chunks, and the meta file of `pages` pages.
    fn write(&mut self, tok: &Tokenizer, touched: &Touched, pages: usize) {
        for key in &touched.shards {
            let prefix = format!("search/t/{}", tokens::file_name(key));
            let stale: Vec<String> = self
                .files
                .range(prefix.clone()..)
                .map(|(k, _)| k.clone())
                .take_while(|k| k.starts_with(&prefix))
                .filter(|k| format::key_of_path(k).is_some_and(|k2| is_part_of(&k2, key)))
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
        self.write_fragments(touched);
        let (all, fragments, once) = (&self.shards, &self.fragments, self.once);
        let written: Vec<(String, Vec<u8>)> = touched
            .shards
            .par_iter()
            .filter_map(|key| {
                let shard = all.get(key)?;
                Some(match once {
                    // No fragment is kept for a next build: each shard's made and dropped.
                    true => once::shard_files(key, shard),
                    false => format::shard_files(key, shard, |t| fragments[t].as_str()),
                })
            })
            .flatten()
            .collect();
        for (path, bytes) in written {
            self.files.insert(path, Bytes::from(bytes));
        }
        // Page chunks are packed in parallel too: they hold the snippets, most of the bytes.
        let entries = &self.entries;
        let packed: Vec<(String, Vec<u8>)> = touched
            .chunks
            .par_iter()
            .map(|&k| {
                let end = ((k + 1) * CHUNK).min(entries.len());
                page_chunk(k, &entries[k * CHUNK..end])
            })
            .collect();
        for (path, bytes) in packed {
            self.files.insert(path, Bytes::from(bytes));
        }
        let keys: Vec<String> = self
            .files
            .keys()
            .filter_map(|p| format::key_of_path(p))
            .collect();
        let stem = tok.stemmer_name();
        let meta = serde_json::json!({
            "v": 4, "pages": pages, "chunk": CHUNK,
            "sections": MAX_SECTIONS, "stem": stem.is_some(), "shards": keys,
        });
        self.files.insert(
            "search/meta.js".into(),
            Bytes::from(format::script("meta", &meta)),
        );
        match stem.and_then(format::stemmer_script) {
            Some(js) => self.files.insert("search/stem.js".into(), Bytes::from(js)),
            None => self.files.remove("search/stem.js"),
        };
    }

    /// Brings the fragments of the touched terms up to date with their postings (in
    /// parallel).
    fn write_fragments(&mut self, touched: &Touched) {
        let shards = &self.shards;
        if touched.all {
            let all: Vec<(&String, &Vec<Posting>)> = shards.values().flatten().collect();
            let fresh: Vec<(String, String)> = all
                .par_iter()
                .map(|&(t, p)| (t.clone(), format::fragment(t, p)))
                .collect();
            self.fragments = fresh.into_iter().collect();
            return;
        }
        let fresh: Vec<(&String, Option<String>)> = touched
            .terms
            .par_iter()
            .map(|t| {
                let postings = shards.get(tokens::shard_of(t)).and_then(|s| s.get(t));
                (t, postings.map(|p| format::fragment(t, p)))
            })
            .collect();
        for (t, f) in fresh {
            match f {
                Some(f) => self.fragments.insert(t.clone(), f),
                None => self.fragments.remove(t),
            };
        }
    }

    /// Every index file: output path → script.
    pub fn files(&self) -> &BTreeMap<String, Bytes> {
        &self.files
    }
}

/// Page chunk `k`'s file (path, script) from its pages' entries.
fn page_chunk(k: usize, rows: &[Entry]) -> (String, Vec<u8>) {
    let mut json = Vec::with_capacity(rows.iter().map(|e| e.row.len() + 1).sum::<usize>() + 2);
    json.push(b'[');
    for (i, e) in rows.iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.extend_from_slice(e.row.as_bytes());
    }
    json.push(b']');
    let name = format!("p/{k}");
    let bytes = format::packed(&name, &json);
    (format!("search/{name}.js"), bytes)
}

/// The terms whose postings differ between a page's `old` and `new` terms (both sorted by
/// term), each with its new postings (empty when the page no longer has the term).
fn changed_terms<'a>(
    old: &'a [(String, Vec<(u32, u32)>)],
    new: &'a [(String, Vec<(u32, u32)>)],
) -> Vec<(&'a str, &'a [(u32, u32)])> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < old.len() || j < new.len() {
        match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                if a.1 != b.1 {
                    out.push((b.0.as_str(), b.1.as_slice()));
                }
                i += 1;
                j += 1;
            }
            (Some(a), b) if b.is_none_or(|b| a.0 < b.0) => {
                out.push((a.0.as_str(), &[][..]));
                i += 1;
            }
            (_, Some(b)) => {
                out.push((b.0.as_str(), b.1.as_slice()));
                j += 1;
            }
            (_, None) => unreachable!("the loop runs while either list has terms"),
        }
    }
    out
}

/// Whether shard file key `file_key` belongs to shard `key`: it is the key, or one of its
/// split parts (a character longer). A one-letter Latin key holds one term, never splits, and
/// `an` is not part of `a`.
fn is_part_of(file_key: &str, key: &str) -> bool {
    if file_key == key {
        return true;
    }
    let n = key.chars().count();
    let splits = n >= 2 || key.chars().next().is_some_and(tokens::is_cjk);
    splits && file_key.starts_with(key) && file_key.chars().count() == n + 1
}

/// The id of section `sec` of page `page`.
pub fn section_id(page: usize, sec: u32) -> u32 {
    (page as u32) * MAX_SECTIONS as u32 + sec
}

/// Builds every index file from scratch: (output path, bytes).
pub fn build(language: &str, docs: &[Doc]) -> Vec<(String, Bytes)> {
    let mut index = Index::default();
    index.update(language, docs, |_| true);
    index.files.into_iter().collect()
}

#[cfg(test)]
mod tests;
