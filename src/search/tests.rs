//! Unit tests of the index: terms land in the right shards, and an incremental update
//! equals a full build.

use super::*;
use crate::markdown::TextSection;

fn secs(text: &str) -> Vec<TextSection> {
    vec![TextSection {
        text: text.into(),
        ..TextSection::default()
    }]
}

fn files(lang: &str, docs: &[(&str, Vec<TextSection>)]) -> BTreeMap<String, Bytes> {
    let d: Vec<Doc> = docs
        .iter()
        .map(|(t, s)| Doc {
            title: t,
            url: "x/",
            sections: s,
        })
        .collect();
    build(lang, &d).into_iter().collect()
}

#[test]
fn index_finds_stemmed_terms_by_section() {
    let mut s = secs("Use a lacrosse ball.");
    s.push(TextSection {
        anchor: "roll".into(),
        heading: "Rolling".into(),
        text: "Or a foam roller.".into(),
    });
    let f = files("en", &[("Release", s)]);
    let (name, la) = format::parse_script(&f["search/t/la.js"]).unwrap();
    assert_eq!(name, "t/la");
    assert_eq!(la["lacross"], serde_json::json!([0, 1]));
    // "rolling" (heading, tier 1) and "roller" (body) stem differently; both in section 1.
    let (_, ro) = format::parse_script(&f["search/t/ro.js"]).unwrap();
    assert_eq!(ro["roll"], serde_json::json!([1, 16]));
    let (_, re) = format::parse_script(&f["search/t/re.js"]).unwrap();
    assert_eq!(
        re["releas"],
        serde_json::json!([0, 32]),
        "title: tier 2 on section 0"
    );
    assert!(f.contains_key("search/p/0.js") && f.contains_key("search/stem.js"));
    assert!(!files("ja", &[("A", secs("痛み"))]).contains_key("search/stem.js"));
}

#[test]
fn incremental_update_equals_full_build() {
    // "a" (a one-letter shard) beside "an…" shards: editing one must not drop the others.
    let (a, b, c) = (
        secs("a alpha beta"),
        secs("an beta gamma"),
        secs("alpha delta"),
    );
    let doc = |t, s| Doc {
        title: t,
        url: "x/",
        sections: s,
    };
    let mut idx = Index::default();
    idx.update("en", &[doc("A", &a), doc("B", &b)], |_| true);
    idx.update("en", &[doc("A", &c), doc("B", &b)], |id| id == 0);
    let full = files("en", &[("A", c.clone()), ("B", b.clone())]);
    assert_eq!(idx.files(), &full);
}

#[test]
fn big_shards_split_and_file_names_round_trip() {
    let words: Vec<String> = (0..4000).map(|i| format!("pr{i}x")).collect();
    let f = files("xx", &[("T", secs(&words.join(" ")))]);
    let keys: Vec<String> = f.keys().filter_map(|p| format::key_of_path(p)).collect();
    assert!(
        keys.contains(&"pr1".to_string()) && !keys.contains(&"pr".to_string()),
        "{keys:?}"
    );
    for k in ["ßa", "痛", "痛み", "a_b"] {
        assert_eq!(format::key_of_path(&format::path(k)).as_deref(), Some(k));
    }
}

#[test]
fn edits_that_add_drop_and_keep_terms_equal_a_full_build() {
    // Small deterministic edit sequences over a shared vocabulary, with one shard ("pr…")
    // big enough to split and to stop splitting as terms come and go.
    let mut seed = 7u64;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let vocab: Vec<String> = (0..6000)
        .map(|i| match i % 3 {
            0 => format!("pr{i}x"),
            1 => format!("word{}", i % 40),
            _ => ["alpha", "beta", "an", "a", "痛み"][i % 5].to_string(),
        })
        .collect();
    let mut texts: Vec<String> = (0..6).map(|_| String::new()).collect();
    let mut idx = Index::default();
    let (mut split, mut whole) = (false, false);
    for round in 0..40 {
        let page = next(6) as usize;
        let words: Vec<&str> = (0..next(3000))
            .map(|_| vocab[next(vocab.len() as u64) as usize].as_str())
            .collect();
        texts[page] = words.join(" ");
        let sections: Vec<Vec<TextSection>> = texts.iter().map(|t| secs(t)).collect();
        let docs: Vec<Doc> = sections
            .iter()
            .map(|s| Doc {
                title: "T",
                url: "x/",
                sections: s,
            })
            .collect();
        idx.update("en", &docs, |id| round == 0 || id == page);
        let full: Vec<(&str, Vec<TextSection>)> =
            sections.iter().map(|s| ("T", s.clone())).collect();
        assert_eq!(
            idx.files(),
            &files("en", &full),
            "round {round}, page {page}"
        );
        split |= idx.files().contains_key("search/t/pr1.js");
        whole |= idx.files().contains_key("search/t/pr.js");
    }
    assert!(
        split && whole,
        "the pr shard both split and whole: {split} {whole}"
    );
}

#[test]
fn an_index_built_once_in_batches_has_the_same_files_as_a_kept_one() {
    // Over two batches, so postings of one term come from several.
    let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"];
    let sections: Vec<Vec<TextSection>> = (0..2100)
        .map(|i| {
            let text = format!(
                "{} {} page{} {}",
                words[i % 7],
                words[(i / 7) % 7],
                i % 50,
                words[(i * 3) % 7]
            );
            secs(&text)
        })
        .collect();
    let titles: Vec<String> = (0..2100).map(|i| format!("Title {}", i % 13)).collect();
    let docs: Vec<Doc> = sections
        .iter()
        .zip(&titles)
        .map(|(s, t)| Doc {
            title: t,
            url: "x/",
            sections: s,
        })
        .collect();
    let mut once = Index::once();
    once.update("en", &docs, |_| true);
    let kept = build("en", &docs);
    assert!(kept.len() > 500, "{} files", kept.len());
    let once: Vec<(String, Bytes)> = once.files().clone().into_iter().collect();
    assert_eq!(once, kept);
}

#[test]
fn postings_code_round_trips() {
    // Deltas of one to five digits, every score from 0 to 47, a first id above zero.
    let list: Vec<Posting> = (0..48u32)
        .scan(3u32, |id, s| {
            *id += [1, 31, 32, 1023, 1024, 40_000, 2_000_000][s as usize % 7];
            Some((*id, s))
        })
        .collect();
    let mut code = String::new();
    format::encode_postings(&list, &mut code);
    let flat: Vec<u32> = format::decode_postings(&code).unwrap();
    let mut prev = 0;
    let back: Vec<Posting> = flat
        .chunks(2)
        .map(|c| {
            prev += c[0];
            (prev, c[1])
        })
        .collect();
    assert_eq!(back, list);
    // A delta below 32 and a score take a character each.
    let mut short = String::new();
    format::encode_postings(&[(5, 17)], &mut short);
    assert_eq!(short, "FR");
    assert_eq!(format::decode_postings("F"), None, "a posting cut short");
    assert_eq!(format::decode_postings("F*"), None, "not a digit");
}
