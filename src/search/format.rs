//! The index's files: scripts that hand their data to `guideSearch.add(name, data)`.
//!
//! Term shards and page chunks are packed: their JSON deflated (zlib) and written as one
//! base64 string, `guideSearch.add("p/0","eJy…")`, which the browser inflates with
//! `DecompressionStream` (no fetch, so it works from `file://`). Packing halves the index
//! and what a query downloads, as Pagefind's gzipped files do; the meta file stays plain.
//!
//! A term shard is `{"term": [id, score, id, score, …]}` where each id is the difference
//! from the previous one (ids ascending): small numbers, so a shard stays small. A term keeps
//! its [`POSTINGS_LIMIT`] best postings: one on more sections than that is nearly a stop word.

use std::fmt::Write as _;
use std::io::{Read as _, Write as _};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use flate2::Compression;

use super::tokens::file_name;
use super::{Posting, Shard};

/// Postings kept per term, best scores first.
pub const POSTINGS_LIMIT: usize = 1000;
/// Shards whose JSON is larger than this are split by one more character.
pub const SPLIT_BYTES: usize = 24 * 1024;

/// `guideSearch.add("name",DATA);` with `data` as JSON.
pub fn script(name: &str, data: &impl serde::Serialize) -> Vec<u8> {
    let mut out = format!("guideSearch.add({},", serde_json::json!(name)).into_bytes();
    serde_json::to_writer(&mut out, data).expect("JSON of plain data");
    out.extend_from_slice(b");\n");
    out
}

/// `guideSearch.add("name","BASE64");` with `json` deflated: see the module's doc.
pub fn packed(name: &str, json: &[u8]) -> Vec<u8> {
    // Level 1 (zlib-rs): about 30 instructions a byte, the index a half of the JSON's size
    // (level 2 saves a quarter more for twice the time; miniz_oxide's level 6 doubled the
    // search phase).
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), Compression::fast());
    z.write_all(json).expect("deflating into memory");
    let deflated = z.finish().expect("deflating into memory");
    let mut out = format!("guideSearch.add({},\"", serde_json::json!(name)).into_bytes();
    let at = out.len();
    out.resize(
        at + base64::encoded_len(deflated.len(), true).expect("small"),
        0,
    );
    let n = B64
        .encode_slice(&deflated, &mut out[at..])
        .expect("sized above");
    out.truncate(at + n);
    out.extend_from_slice(b"\");\n");
    out
}

/// The name and data of one of [`script`]'s or [`packed`]'s outputs (a packed file's data
/// inflated and parsed).
pub fn parse_script(bytes: &[u8]) -> Option<(String, serde_json::Value)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let rest = text.strip_prefix("guideSearch.add(")?;
    let body = rest.trim_end().strip_suffix(");")?;
    let mut de = serde_json::Deserializer::from_str(body).into_iter::<serde_json::Value>();
    let name = de.next()?.ok()?.as_str()?.to_string();
    let offset = de.byte_offset();
    let data = serde_json::from_str(body[offset..].trim_start().strip_prefix(',')?).ok()?;
    let serde_json::Value::String(b64) = data else {
        return Some((name, data));
    };
    let deflated = B64.decode(b64).ok()?;
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(&deflated[..])
        .read_to_end(&mut json)
        .ok()?;
    Some((name, serde_json::from_slice(&json).ok()?))
}

/// The shard key of an output path `search/t/<file name>.js` (the inverse of `file_name`).
pub fn key_of_path(path: &str) -> Option<String> {
    let name = path.strip_prefix("search/t/")?.strip_suffix(".js")?;
    let mut key = String::new();
    for (i, part) in name.split('_').enumerate() {
        if i % 2 == 0 {
            key.push_str(part);
        } else {
            key.push(char::from_u32(u32::from_str_radix(part, 16).ok()?)?);
        }
    }
    Some(key)
}

/// A shard's files: one for `key`, or, when its JSON would be larger than [`SPLIT_BYTES`], one
/// for the terms no longer than the key and one per prefix a character longer. `fragment`
/// gives each term's serialised entry (see [`fragment`]).
pub(crate) fn shard_files<'a>(
    key: &str,
    shard: &'a Shard,
    fragment: impl Fn(&'a str) -> &'a str,
) -> Vec<(String, Vec<u8>)> {
    // The JSON's length (`{`, the fragments and their commas, `}`), before packing.
    let json: usize = shard.keys().map(|t| fragment(t).len() + 1).sum::<usize>() + 1;
    let n = key.chars().count();
    if json <= SPLIT_BYTES {
        return vec![(path(key), serialize(key, shard.keys().map(|t| fragment(t))))];
    }
    let mut parts: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for t in shard.keys() {
        parts
            .entry(t.chars().take(n + 1).collect())
            .or_default()
            .push(fragment(t));
    }
    parts
        .into_iter()
        .map(|(k, frags)| {
            let k = if k.chars().count() <= n {
                key.to_string()
            } else {
                k
            };
            (path(&k), serialize(&k, frags.into_iter()))
        })
        .collect()
}

/// The output path of a shard key.
pub fn path(key: &str) -> String {
    format!("search/t/{}.js", file_name(key))
}

/// One term's entry of a shard file: `"term":[id,score,…]`, its postings cut to the best
/// [`POSTINGS_LIMIT`] and delta-coded. Terms are independent, so an edit re-serialises only
/// the terms whose postings changed.
pub(crate) fn fragment(term: &str, postings: &[Posting]) -> String {
    let mut body = serde_json::json!(term).to_string();
    body.push_str(":[");
    let mut best: Vec<Posting>;
    let list: &[Posting] = if postings.len() <= POSTINGS_LIMIT {
        postings
    } else {
        best = postings.to_vec();
        best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        best.truncate(POSTINGS_LIMIT);
        best.sort_unstable();
        &best
    };
    let mut prev = 0;
    for (j, &(id, score)) in list.iter().enumerate() {
        if j > 0 {
            body.push(',');
        }
        let _ = write!(body, "{},{}", id - prev, score);
        prev = id;
    }
    body.push(']');
    body
}

/// A shard file: its terms' fragments as one packed script.
fn serialize<'a>(key: &str, fragments: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let mut json = vec![b'{'];
    for (i, f) in fragments.enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.extend_from_slice(f.as_bytes());
    }
    json.push(b'}');
    packed(&format!("t/{}", file_name(key)), &json)
}

/// The browser side of a Snowball stemmer (see scripts/vendor_stemmers.js): the shared
/// Snowball runtime (`stem/base.js`, vendored once) and the language's class, in one script
/// that registers `guideSearch.stem`.
pub(crate) fn stemmer_script(name: &str) -> Option<String> {
    let class = stemmer_class(name)?;
    Some(format!(
        "/* Snowball {name} stemmer for guide's search: generated by scripts/vendor_stemmers.js\n   \
         from snowball-stemmers 0.6.0 (ISC licence, (c) Oleg Mazko; Snowball algorithms BSD, (c) Martin Porter). */\n\
         (function () {{\n\"use strict\";\nvar _typeof = function (o) {{ return typeof o; }};\n\
         {base}{class}var s = new {name}Stemmer();\n\
         (window.guideSearch = window.guideSearch || {{}}).stem = function (w) {{ s.setCurrent(w); s.stem(); return s.getCurrent(); }};\n\
         }})();\n",
        base = include_str!("stem/base.js"),
    ))
}

/// One language's stemmer class (its file holds only that: the runtime is `stem/base.js`).
fn stemmer_class(name: &str) -> Option<&'static str> {
    Some(match name {
        "arabic" => include_str!("stem/arabic.js"),
        "danish" => include_str!("stem/danish.js"),
        "dutch" => include_str!("stem/dutch.js"),
        "english" => include_str!("stem/english.js"),
        "finnish" => include_str!("stem/finnish.js"),
        "french" => include_str!("stem/french.js"),
        "german" => include_str!("stem/german.js"),
        "hungarian" => include_str!("stem/hungarian.js"),
        "italian" => include_str!("stem/italian.js"),
        "norwegian" => include_str!("stem/norwegian.js"),
        "portuguese" => include_str!("stem/portuguese.js"),
        "romanian" => include_str!("stem/romanian.js"),
        "russian" => include_str!("stem/russian.js"),
        "spanish" => include_str!("stem/spanish.js"),
        "swedish" => include_str!("stem/swedish.js"),
        "tamil" => include_str!("stem/tamil.js"),
        "turkish" => include_str!("stem/turkish.js"),
        _ => return None,
    })
}
