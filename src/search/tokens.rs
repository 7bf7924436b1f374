//! The search tokenizer: text → index terms, and a reader's query → query words.
//!
//! The browser runs the same steps (`tokenize` in the theme's guide.js, with the stemmer of
//! `src/search/stem/`), so a word a reader types becomes the term the index holds:
//! 1. fold: lowercase, compatibility-decompose (NFKD), drop the combining diacritics
//!    U+0300–U+036F, recompose (NFC): `Übungen` → `ubungen`, full-width `Ａ` → `a`, while
//!    kana keep their voicing marks;
//! 2. split into runs of letters and digits (`char::is_alphanumeric`, `[\p{Alphabetic}\p{N}]`
//!    in JavaScript), and each run into CJK and other segments;
//! 3. a non-CJK segment is one word, stemmed with the Snowball stemmer of the guide's
//!    language when there is one; a CJK segment gives each character and each pair of
//!    neighbours (bigrams), so any word of one or more characters is found without a
//!    dictionary.
//!
//! `tests/search/vectors.json` holds expected outputs that the Rust tests and the browser
//! test both check.

use std::borrow::Cow;
use std::cell::RefCell;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;
use unicode_normalization::UnicodeNormalization;

/// The tokenizer of one guide language.
pub struct Tokenizer {
    stemmer: Option<(Stemmer, &'static str)>,
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryWord {
    /// The folded word as typed (for prefix matching and for marking snippets).
    pub raw: String,
    /// Terms that must all occur: the stemmed word, or a CJK word's bigrams (its one
    /// character when it has only one).
    pub terms: Vec<String>,
    /// A CJK word: matched by its terms exactly, never by prefix.
    pub cjk: bool,
}

/// The Snowball algorithm for a BCP 47 tag's primary language, and its name (the file in
/// `src/search/stem/`). Greek is left out: the browser side has no Greek stemmer.
fn algorithm(language: &str) -> Option<(Algorithm, &'static str)> {
    let primary = language.split(['-', '_']).next()?.to_ascii_lowercase();
    Some(match primary.as_str() {
        "ar" => (Algorithm::Arabic, "arabic"),
        "da" => (Algorithm::Danish, "danish"),
        "nl" => (Algorithm::Dutch, "dutch"),
        "en" => (Algorithm::English, "english"),
        "fi" => (Algorithm::Finnish, "finnish"),
        "fr" => (Algorithm::French, "french"),
        "de" => (Algorithm::German, "german"),
        "hu" => (Algorithm::Hungarian, "hungarian"),
        "it" => (Algorithm::Italian, "italian"),
        "no" | "nb" | "nn" => (Algorithm::Norwegian, "norwegian"),
        "pt" => (Algorithm::Portuguese, "portuguese"),
        "ro" => (Algorithm::Romanian, "romanian"),
        "ru" => (Algorithm::Russian, "russian"),
        "es" => (Algorithm::Spanish, "spanish"),
        "sv" => (Algorithm::Swedish, "swedish"),
        "ta" => (Algorithm::Tamil, "tamil"),
        "tr" => (Algorithm::Turkish, "turkish"),
        _ => return None,
    })
}

/// Chinese, Japanese and Korean characters: indexed one by one and in pairs.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F | 0x20000..=0x2FFFF)
}

/// Lowercase, without diacritics, in compatibility form (step 1 above).
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return if text.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        };
    }
    let lower = text.to_lowercase();
    Cow::Owned(
        lower
            .nfkd()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .nfc()
            .collect(),
    )
}

/// A segment of a run of letters and digits.
enum Segment<'a> {
    Word(&'a str),
    Cjk(&'a str),
}

/// Splits folded text into words and CJK segments (step 2).
fn segments(folded: &str, mut f: impl FnMut(Segment)) {
    let mut emit = |seg: &str, cjk: bool| {
        f(if cjk {
            Segment::Cjk(seg)
        } else {
            Segment::Word(seg)
        })
    };
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in folded.char_indices() {
        let kind = c.is_alphanumeric().then(|| is_cjk(c));
        if let Some((s, cjk)) = start {
            if kind == Some(cjk) {
                continue;
            }
            emit(&folded[s..i], cjk);
        }
        start = kind.map(|k| (i, k));
    }
    if let Some((s, cjk)) = start {
        emit(&folded[s..], cjk);
    }
}

/// A stemmer's name and its stems by word.
type StemCache = (&'static str, HashMap<Box<str>, Box<str>>);

thread_local! {
    /// Stems already computed on this thread, per language: a guide's vocabulary is small
    /// next to its word count, so most words are looked up, not stemmed.
    static STEMS: RefCell<StemCache> =
        RefCell::new(("", HashMap::default()));
}

/// Most stems kept per thread before the cache starts over.
const STEM_CACHE: usize = 200_000;

impl Tokenizer {
    /// The tokenizer of a guide whose `[book] language` is `language`.
    pub fn new(language: &str) -> Tokenizer {
        Tokenizer {
            stemmer: algorithm(language).map(|(a, name)| (Stemmer::create(a), name)),
        }
    }

    /// The stemmer's name (`english`), if the language has one.
    pub fn stemmer_name(&self) -> Option<&'static str> {
        self.stemmer.as_ref().map(|s| s.1)
    }

    /// The term of one folded word (step 3).
    fn word_term(&self, word: &str, f: &mut impl FnMut(&str)) {
        let Some((stemmer, name)) = &self.stemmer else {
            return f(word);
        };
        if word.bytes().all(|b| b.is_ascii_digit()) {
            return f(word);
        }
        STEMS.with(|cell| {
            let mut cache = cell.borrow_mut();
            if cache.0 != *name || cache.1.len() > STEM_CACHE {
                *cache = (name, HashMap::default());
            }
            if let Some(t) = cache.1.get(word) {
                return f(t);
            }
            let t: Box<str> = stemmer.stem(word).into();
            f(&t);
            cache.1.insert(word.into(), t);
        })
    }

    /// Calls `f` with every index term of `text`, in order, repeats included.
    pub fn terms(&self, text: &str, mut f: impl FnMut(&str)) {
        let folded = fold(text);
        let mut pair = String::new();
        segments(&folded, |seg| match seg {
            Segment::Word(w) => self.word_term(w, &mut f),
            Segment::Cjk(s) => {
                let mut prev: Option<char> = None;
                for (i, c) in s.char_indices() {
                    f(&s[i..i + c.len_utf8()]);
                    if let Some(p) = prev {
                        pair.clear();
                        pair.push(p);
                        pair.push(c);
                        f(&pair);
                    }
                    prev = Some(c);
                }
            }
        });
    }

    /// The words of a query.
    pub fn query(&self, text: &str) -> Vec<QueryWord> {
        let folded = fold(text);
        let mut out = Vec::new();
        segments(&folded, |seg| match seg {
            Segment::Word(w) => {
                let mut terms = Vec::new();
                self.word_term(w, &mut |t| terms.push(t.to_string()));
                out.push(QueryWord {
                    raw: w.to_string(),
                    terms,
                    cjk: false,
                });
            }
            Segment::Cjk(s) => {
                let chars: Vec<char> = s.chars().collect();
                let mut terms: Vec<String> = if chars.len() == 1 {
                    vec![s.to_string()]
                } else {
                    chars.windows(2).map(|w| w.iter().collect()).collect()
                };
                let mut seen = std::collections::HashSet::new();
                terms.retain(|t| seen.insert(t.clone()));
                out.push(QueryWord {
                    raw: s.to_string(),
                    terms,
                    cjk: true,
                });
            }
        });
        out
    }
}

/// The shard a term lives in: its first character if CJK, else its first two.
pub fn shard_of(term: &str) -> &str {
    let mut it = term.char_indices();
    let Some((_, first)) = it.next() else {
        return term;
    };
    let n = if is_cjk(first) { 1 } else { 2 };
    match term.char_indices().nth(n) {
        Some((i, _)) => &term[..i],
        None => term,
    }
}

/// A shard key as a file name: `[a-z0-9]` kept, any other character as `_` and its hex
/// code point and `_` (`ßa` → `_df_a`), so names are ASCII on every file system.
pub fn file_name(key: &str) -> String {
    let mut s = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            s.push(c);
        } else {
            s.push_str(&format!("_{:x}_", c as u32));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(t: &Tokenizer, s: &str) -> Vec<String> {
        let mut v = Vec::new();
        t.terms(s, |x| v.push(x.to_string()));
        v
    }

    #[test]
    fn folds_stems_and_pairs() {
        let en = Tokenizer::new("en-GB");
        assert_eq!(terms(&en, "Preventing tightness"), ["prevent", "tight"]);
        assert_eq!(en.query("prevention")[0].terms, ["prevent"]);
        let de = Tokenizer::new("de");
        assert_eq!(terms(&de, "Übungen"), terms(&de, "ubungen"));
        let ja = Tokenizer::new("ja");
        assert_eq!(terms(&ja, "痛み"), ["痛", "み", "痛み"]);
        assert_eq!(
            ja.query("ストレッチ")[0].terms,
            ["スト", "トレ", "レッ", "ッチ"]
        );
        assert_eq!(terms(&ja, "Rustの"), ["rust", "の"]);
        assert_eq!(shard_of("prevent"), "pr");
        assert_eq!(shard_of("痛み"), "痛");
        assert_eq!(file_name("ßa"), "_df_a");
    }
}
