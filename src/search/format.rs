//! The index's files: scripts that hand their data to `guideSearch.add(name, data)`.
//!
//! Page chunks are packed: their JSON deflated (zlib) and written as one base64 string,
//! `guideSearch.add("p/0","eJy…")`, which the browser inflates with `DecompressionStream`
//! (no fetch, so it works from `file://`): they hold the snippets' text, which deflate
//! shrinks by half. One compressor per thread is reset between files (setting one up
//! zeroes some 300 kB, more work than deflating a chunk).
//!
//! A term shard is plain JSON, `{"term": "POSTINGS", …}`, its postings compact already (see
//! [`encode_postings`]): deflating them saved a third of their JSON for more work than
//! building the whole shard. A term keeps its [`POSTINGS_LIMIT`] best postings: one on more
//! sections than that is nearly a stop word.

use std::cell::RefCell;
use std::io::Read as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use flate2::{Compress, Compression, FlushCompress, Status};

use super::tokens::file_name;
use super::{Posting, Shard};

/// Postings kept per term, best scores first.
pub const POSTINGS_LIMIT: usize = 1000;
/// Shards whose file would be larger than this are split by one more character.
pub const SPLIT_BYTES: usize = 16 * 1024;
/// The 64 digits of the postings' encoding (base64's alphabet, all plain in a JSON string).
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `guideSearch.add("name",DATA);` with `data` as JSON.
pub fn script(name: &str, data: &impl serde::Serialize) -> Vec<u8> {
    let mut out = format!("guideSearch.add({},", serde_json::json!(name)).into_bytes();
    serde_json::to_writer(&mut out, data).expect("JSON of plain data");
    out.extend_from_slice(b");\n");
    out
}

/// `guideSearch.add("name","BASE64");` with `json` deflated: see the module's doc.
pub fn packed(name: &str, json: &[u8]) -> Vec<u8> {
    let deflated = deflate(json);
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

thread_local! {
    /// This thread's compressor, reset between files.
    static COMPRESSOR: RefCell<Option<Compress>> = const { RefCell::new(None) };
}

/// `data` as a zlib stream. Level 1 (zlib-rs): about 30 instructions a byte, a half of the
/// JSON's size (level 2 saves a quarter more for twice the time; miniz_oxide's level 6
/// doubled the search phase). A reset stream deflates as a new one does.
fn deflate(data: &[u8]) -> Vec<u8> {
    COMPRESSOR.with(|cell| {
        let mut cell = cell.borrow_mut();
        let z = cell.get_or_insert_with(|| Compress::new(Compression::fast(), true));
        z.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let done = z.total_in() as usize;
            match z.compress_vec(&data[done..], &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return out,
                Ok(_) => out.reserve(out.capacity()),
                Err(e) => unreachable!("deflating into memory: {e}"),
            }
        }
    })
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
        return Some((name, decode_shard(data)?));
    };
    let deflated = B64.decode(b64).ok()?;
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(&deflated[..])
        .read_to_end(&mut json)
        .ok()?;
    Some((name, serde_json::from_slice(&json).ok()?))
}

/// A shard's data with each term's postings as the JSON array `[id delta, score, …]`
/// (other data as it is).
fn decode_shard(data: serde_json::Value) -> Option<serde_json::Value> {
    let serde_json::Value::Object(map) = data else {
        return Some(data);
    };
    let mut out = serde_json::Map::new();
    for (t, v) in map {
        let v = match v {
            serde_json::Value::String(code) => decode_postings(&code)?.into(),
            v => v,
        };
        out.insert(t, v);
    }
    Some(out.into())
}

/// [`encode_postings`]'s output as `[id delta, score, …]`; `None` if it is not one.
pub fn decode_postings(code: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let mut digits = code.bytes().map(|b| DIGITS.iter().position(|&d| d == b));
    while let Some(first) = digits.next() {
        let (mut delta, mut shift, mut d) = (0u32, 0u32, first? as u32);
        while d & 32 != 0 {
            delta |= (d & 31).checked_shl(shift)?;
            shift += 5;
            d = digits.next()?? as u32;
        }
        delta |= d.checked_shl(shift)?;
        out.extend([delta, digits.next()?? as u32]);
    }
    Some(out)
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
    // The file's data (`{`, the fragments and their commas, `}`).
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

/// One term's entry of a shard file: `"term":"POSTINGS"`, its postings cut to the best
/// [`POSTINGS_LIMIT`] and encoded by [`encode_postings`]. Terms are independent, so an edit
/// re-serialises only the terms whose postings changed.
pub(crate) fn fragment(term: &str, postings: &[Posting]) -> String {
    // Terms are runs of letters and digits (tokens.rs): nothing in them needs escaping.
    debug_assert!(!term.contains(|c: char| c == '"' || c == '\\' || c.is_control()));
    let n = postings.len().min(POSTINGS_LIMIT);
    let mut body = String::with_capacity(term.len() + 5 + n * 3);
    body.push('"');
    body.push_str(term);
    body.push_str("\":\"");
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
    encode_postings(list, &mut body);
    body.push('"');
    body
}

/// Postings (ids ascending) as digits of [`DIGITS`]: each id's difference from the previous
/// one in digits of five bits, lowest first, all but the last with 32 added; then the score
/// (below 64: `16 × tier + frequency` with tier ≤ 2 and frequency ≤ 15) in one digit. A
/// posting is two or three characters where its JSON `…,delta,score` took five to eight.
pub(crate) fn encode_postings(list: &[Posting], out: &mut String) {
    let mut prev = 0;
    let digit = |d: u32| char::from(DIGITS[d as usize]);
    for &(id, score) in list {
        let mut delta = id - prev;
        prev = id;
        while delta >= 32 {
            out.push(digit(32 | (delta & 31)));
            delta >>= 5;
        }
        out.push(digit(delta));
        debug_assert!(score < 64, "a score fits one digit");
        out.push(digit(score.min(63)));
    }
}

/// A shard file: `guideSearch.add("t/<file>",{…});` with its terms' fragments, plain.
fn serialize<'a>(key: &str, fragments: impl Iterator<Item = &'a str>) -> Vec<u8> {
    // The name is ASCII `[a-z0-9_]` (file_name): nothing to escape.
    let mut out = format!("guideSearch.add(\"t/{}\",{{", file_name(key)).into_bytes();
    for (i, f) in fragments.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(f.as_bytes());
    }
    out.extend_from_slice(b"});\n");
    out
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
