//! The index of a one-shot build (`guide build`), made without holding every page's entry:
//! pages are counted in batches, each batch's page chunks packed at once and its terms
//! moved into the postings, so only the postings and the files outlive a batch; and each
//! shard's term fragments are made with its file and dropped with it (an index that is
//! never updated keeps none). The files are the same as [`super::Index::update`] makes from
//! nothing.

use std::collections::HashMap as StdMap;

use bytes::Bytes;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::{CHUNK, Doc, Entry, Index, Posting, Shard, Tokenizer, Touched};
use super::{format, page_chunk, section_id, tokens};

/// Pages counted at once: a multiple of [`CHUNK`], large enough to keep both cores busy.
const BATCH: usize = CHUNK * 256;

/// Fills `index` (empty) with the postings of `docs` (in page order) and their page chunk
/// files; `touched` gets every shard.
pub(super) fn group(index: &mut Index, tok: &Tokenizer, docs: &[Doc], touched: &mut Touched) {
    let mut by_term: HashMap<String, Vec<Posting>> = HashMap::default();
    for (b, batch) in docs.chunks(BATCH).enumerate() {
        let first = b * BATCH;
        let entries: Vec<Entry> = batch.par_iter().map(|d| Entry::new(d, tok)).collect();
        let packed: Vec<(String, Vec<u8>)> = entries
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(i, rows)| page_chunk(first / CHUNK + i, rows))
            .collect();
        for (path, bytes) in packed {
            index.files.insert(path, Bytes::from(bytes));
        }
        for (i, entry) in entries.into_iter().enumerate() {
            for (t, list) in entry.terms {
                let ids = list.iter().map(|&(sec, s)| (section_id(first + i, sec), s));
                match by_term.get_mut(t.as_str()) {
                    Some(p) => p.extend(ids),
                    None => {
                        by_term.insert(t, ids.collect());
                    }
                }
            }
        }
    }
    for (t, postings) in by_term {
        let key = tokens::shard_of(&t).to_string();
        touched.shards.insert(key.clone());
        index.shards.entry(key).or_default().insert(t, postings);
    }
}

/// A shard's files, its terms' fragments made for them alone.
pub(super) fn shard_files(key: &str, shard: &Shard) -> Vec<(String, Vec<u8>)> {
    let fragments: StdMap<&str, String> = shard
        .iter()
        .map(|(t, p)| (t.as_str(), format::fragment(t, p)))
        .collect();
    format::shard_files(key, shard, |t| fragments[t].as_str())
}
