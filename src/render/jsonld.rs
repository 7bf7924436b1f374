//! JSON-LD (schema.org) for a page: `Article` (or the type named by `[extra] schema_type`,
//! e.g. `MedicalWebPage`), `HowTo` with `HowToStep`s for pages with numbered steps, and a
//! `BreadcrumbList` for pages below the landing page.

use serde_json::{Value, json};

use crate::content::review::Review;

/// What the JSON-LD is made from.
pub(crate) struct JsonLdInput<'a> {
    /// Page title.
    pub title: &'a str,
    /// Page description.
    pub description: &'a str,
    /// Guide title.
    pub site_title: &'a str,
    /// Language.
    pub language: &'a str,
    /// Authors.
    pub authors: &'a [String],
    /// Absolute URL of the page, when base-url is set.
    pub url: Option<String>,
    /// Main type.
    pub main_type: &'a str,
    /// Numbered steps.
    pub steps: &'a [String],
    /// Longest hold, in seconds.
    pub hold_seconds: Option<u32>,
    /// Ancestors then the page: (title, absolute URL if known).
    pub trail: Vec<(&'a str, Option<String>)>,
    /// Absolute URL of the page's first figure.
    pub image: Option<String>,
    /// Clinical review: `reviewedBy` and `lastReviewed` when reviewed (nothing is claimed
    /// for a page that is not).
    pub review: Option<&'a Review>,
    /// The sources the page cites (schema.org `CreativeWork`s).
    pub citations: &'a [serde_json::Value],
}

/// Serialises the page's JSON-LD graph (safe to embed in a `<script>`).
pub(crate) fn build(i: &JsonLdInput) -> String {
    let mut graph = Vec::new();
    let mut main = json!({
        "@type": i.main_type,
        "headline": i.title,
        "name": i.title,
        "inLanguage": i.language,
        "isPartOf": {"@type": "Book", "name": i.site_title},
    });
    if !i.description.is_empty() {
        main["description"] = json!(i.description);
    }
    if !i.authors.is_empty() {
        main["author"] = Value::Array(
            i.authors
                .iter()
                .map(|a| json!({"@type": "Person", "name": a}))
                .collect(),
        );
    }
    if let Some(u) = &i.url {
        main["url"] = json!(u);
    }
    if let Some(img) = &i.image {
        main["image"] = json!(img);
    }
    if let Some(r) = i.review.filter(|r| r.status == "reviewed") {
        if let Some(who) = &r.reviewer {
            let mut person = json!({"@type": "Person", "name": who.name});
            if let Some(c) = &who.credentials {
                person["honorificSuffix"] = json!(c);
            }
            if let Some(u) = &who.url {
                person["url"] = json!(u);
            }
            main["reviewedBy"] = person;
        }
        if let Some(d) = &r.last_reviewed {
            main["lastReviewed"] = json!(d);
        }
    }
    if !i.citations.is_empty() {
        main["citation"] = json!(i.citations);
    }
    graph.push(main);
    if i.steps.len() >= 2 {
        let steps: Vec<Value> = i
            .steps
            .iter()
            .enumerate()
            .map(|(n, s)| json!({"@type": "HowToStep", "position": n + 1, "text": s}))
            .collect();
        let mut howto = json!({"@type": "HowTo", "name": i.title, "step": steps});
        if let Some(secs) = i.hold_seconds {
            howto["totalTime"] = json!(format!("PT{secs}S"));
        }
        if !i.description.is_empty() {
            howto["description"] = json!(i.description);
        }
        graph.push(howto);
    }
    if i.trail.len() >= 2 {
        let items: Vec<Value> = i
            .trail
            .iter()
            .enumerate()
            .map(|(n, (name, url))| {
                let mut item = json!({"@type": "ListItem", "position": n + 1, "name": name});
                if let Some(u) = url {
                    item["item"] = json!(u);
                }
                item
            })
            .collect();
        graph.push(json!({"@type": "BreadcrumbList", "itemListElement": items}));
    }
    let doc = json!({"@context": "https://schema.org", "@graph": graph});
    // `</script>` or `<!--` inside a string must not end the script element.
    doc.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}
