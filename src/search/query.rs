//! The query evaluator: what the theme's guide.js does with a reader's query, step for step,
//! so tests can judge the built index (tests/search/queries.toml) and check the browser
//! against it.
//!
//! 1. The query's words (see [`super::tokens`]); the shard files each needs, as listed in
//!    the meta file.
//! 2. Each word's matches per section: a term equal to the word's term counts its posting's
//!    score in full; a term that starts with the word as typed or stemmed (from the second
//!    character on), or, for the last word, a term of four or more characters that the word
//!    being typed extends by at most three, counts half. A CJK word needs all its bigrams in
//!    the section (their lowest score counts). A match in the page title counts for every
//!    section of the page.
//! 3. Sections ranked by: words matched (all before some), then the sum of their tiers
//!    (title 2, heading 1, body 0), then the sum of their scores, then section id.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use super::tokens::{QueryWord, Tokenizer, shard_of};
use super::{MAX_SECTIONS, tokens::file_name};

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Section id (`page × 64 + section`).
    pub id: u32,
    /// Root-relative URL with the section's `#anchor`.
    pub url: String,
    /// Page title.
    pub title: String,
    /// Section heading (empty for the page's first section).
    pub heading: String,
    /// Section text, for the snippet.
    pub text: String,
    /// How many of the query's words the section matched.
    pub matched: usize,
}

/// A match's score and tier.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Score {
    value: f64,
    tier: u32,
}

impl Score {
    fn better(self, other: Option<Score>) -> bool {
        other.is_none_or(|o| self.value > o.value || (self.value == o.value && self.tier > o.tier))
    }
}

/// Returns the data of `search/<name>.js`.
type Loader<'a> = Box<dyn FnMut(&str) -> Option<Value> + 'a>;

/// Searches one built index, loading its files on demand (as the browser does).
pub struct Searcher<'a> {
    tok: Tokenizer,
    load: Loader<'a>,
    cache: HashMap<String, Option<Value>>,
    /// The files loaded so far, by name (`meta`, `t/pr`, `p/3`), in order.
    pub loaded: Vec<String>,
}

impl<'a> Searcher<'a> {
    /// A searcher for a guide in `language`; `load(name)` returns the data of
    /// `search/<name>.js`.
    pub fn new(language: &str, load: impl FnMut(&str) -> Option<Value> + 'a) -> Searcher<'a> {
        Searcher {
            tok: Tokenizer::new(language),
            load: Box::new(load),
            cache: HashMap::new(),
            loaded: Vec::new(),
        }
    }

    fn get(&mut self, name: &str) -> Option<&Value> {
        if !self.cache.contains_key(name) {
            let v = (self.load)(name);
            self.loaded.push(name.to_string());
            self.cache.insert(name.to_string(), v);
        }
        self.cache[name].as_ref()
    }

    /// The best `limit` sections for `q`.
    pub fn search(&mut self, q: &str, limit: usize) -> Vec<Hit> {
        let words = self.tok.query(q);
        if words.is_empty() {
            return Vec::new();
        }
        let Some(meta) = self.get("meta").cloned() else {
            return Vec::new();
        };
        let keys: BTreeSet<String> = meta["shards"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|k| k.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        let last = words.len() - 1;
        let maps: Vec<HashMap<u32, Score>> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let shards: Vec<Value> = needed(w, &keys)
                    .iter()
                    .filter_map(|k| self.get(&format!("t/{}", file_name(k))).cloned())
                    .collect();
                word_matches(w, i == last, &shards)
            })
            .collect();
        let ranked = rank(&maps, limit);
        let chunk = meta["chunk"].as_u64().unwrap_or(1).max(1) as u32;
        ranked
            .into_iter()
            .filter_map(|(id, matched)| {
                let page = id / MAX_SECTIONS as u32;
                let rows = self.get(&format!("p/{}", page / chunk))?;
                let row = rows.get((page % chunk) as usize)?;
                let sec = row[2].get((id % MAX_SECTIONS as u32) as usize)?;
                let anchor = sec[0].as_str().unwrap_or("");
                let url = row[1].as_str().unwrap_or("");
                Some(Hit {
                    id,
                    url: if anchor.is_empty() {
                        url.to_string()
                    } else {
                        format!("{url}#{anchor}")
                    },
                    title: row[0].as_str().unwrap_or("").to_string(),
                    heading: sec[1].as_str().unwrap_or("").to_string(),
                    text: sec[2].as_str().unwrap_or("").to_string(),
                    matched,
                })
            })
            .collect()
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The shard keys a word needs (those the meta file lists).
fn needed(w: &QueryWord, keys: &BTreeSet<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |k: &str, out: &mut Vec<String>| {
        if keys.contains(k) && !out.iter().any(|o| o == k) {
            out.push(k.to_string());
        }
    };
    let mut prefixes: Vec<&str> = w.terms.iter().map(String::as_str).collect();
    if !w.cjk {
        prefixes.push(&w.raw);
    }
    for p in prefixes {
        let base = shard_of(p);
        let nb = chars(base);
        push(base, &mut out);
        if chars(p) > nb {
            let sub: String = p.chars().take(nb + 1).collect();
            push(&sub, &mut out);
        } else if !w.cjk && nb >= 2 {
            // Prefix matching from the second character: a two-letter word needs the
            // shard's longer keys too; a one-letter word matches only itself.
            for k in keys.range(base.to_string()..) {
                if !k.starts_with(base) {
                    break;
                }
                if chars(k) == nb + 1 {
                    push(k, &mut out);
                }
            }
        }
    }
    out
}

/// How much index term `t` counts for word `w` (0 when it does not match).
fn weight(w: &QueryWord, last: bool, t: &str) -> f64 {
    if w.terms.iter().any(|x| x == t) {
        return 1.0;
    }
    if w.cjk {
        return 0.0;
    }
    let stem = w.terms.first().map_or("", String::as_str);
    let (r, nr, nt) = (w.raw.as_str(), chars(&w.raw), chars(t));
    if (nr >= 2 && t.starts_with(r)) || (chars(stem) >= 2 && t.starts_with(stem)) {
        return 0.5;
    }
    if last && nt >= 4 && r.starts_with(t) && nr - nt <= 3 {
        return 0.5;
    }
    0.0
}

/// Postings `[delta, score, …]` as (id, score).
fn postings(v: &Value) -> impl Iterator<Item = (u32, u32)> + '_ {
    let a = v.as_array().map(Vec::as_slice).unwrap_or(&[]);
    let mut id = 0u32;
    a.chunks(2).filter_map(move |c| {
        id += c.first()?.as_u64()? as u32;
        Some((id, c.get(1)?.as_u64()? as u32))
    })
}

/// A word's best match per section.
fn word_matches(w: &QueryWord, last: bool, shards: &[Value]) -> HashMap<u32, Score> {
    let mut per_term: Vec<HashMap<u32, Score>> = vec![HashMap::new(); w.terms.len()];
    let mut any: HashMap<u32, Score> = HashMap::new();
    for shard in shards {
        let Some(map) = shard.as_object() else {
            continue;
        };
        for (t, list) in map {
            if w.cjk {
                let Some(i) = w.terms.iter().position(|x| x == t) else {
                    continue;
                };
                for (id, s) in postings(list) {
                    let sc = Score {
                        value: s as f64,
                        tier: s / 16,
                    };
                    if sc.better(per_term[i].get(&id).copied()) {
                        per_term[i].insert(id, sc);
                    }
                }
                continue;
            }
            let wt = weight(w, last, t);
            if wt == 0.0 {
                continue;
            }
            for (id, s) in postings(list) {
                let sc = Score {
                    value: wt * s as f64,
                    tier: s / 16,
                };
                if sc.better(any.get(&id).copied()) {
                    any.insert(id, sc);
                }
            }
        }
    }
    if !w.cjk {
        return any;
    }
    let (first, rest) = per_term.split_first().expect("a CJK word has a term");
    first
        .iter()
        .filter_map(|(id, s)| {
            let mut low = *s;
            for m in rest {
                let o = m.get(id)?;
                if o.value < low.value {
                    low = *o;
                }
            }
            Some((*id, low))
        })
        .collect()
}

/// Section ids by rank, with the number of words each matched.
fn rank(maps: &[HashMap<u32, Score>], limit: usize) -> Vec<(u32, usize)> {
    let per = MAX_SECTIONS as u32;
    // Title matches: the page's first section, tier 2.
    let titles: Vec<HashMap<u32, Score>> = maps
        .iter()
        .map(|m| {
            m.iter()
                .filter(|(id, s)| *id % per == 0 && s.tier == 2)
                .map(|(id, s)| (id / per, *s))
                .collect()
        })
        .collect();
    let ids: BTreeSet<u32> = maps.iter().flat_map(|m| m.keys().copied()).collect();
    let mut scored: Vec<(usize, u32, f64, u32)> = ids
        .into_iter()
        .map(|id| {
            let (mut n, mut tiers, mut total) = (0, 0, 0.0);
            for (m, t) in maps.iter().zip(&titles) {
                let mut best = m.get(&id).copied();
                if let Some(ts) = t.get(&(id / per)).copied()
                    && ts.better(best)
                {
                    best = Some(ts);
                }
                if let Some(b) = best {
                    n += 1;
                    tiers += b.tier;
                    total += b.value;
                }
            }
            (n, tiers, total, id)
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(b.2.total_cmp(&a.2))
            .then(a.3.cmp(&b.3))
    });
    scored.truncate(limit);
    scored.into_iter().map(|s| (s.3, s.0)).collect()
}
