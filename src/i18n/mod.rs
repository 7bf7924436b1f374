//! The theme's words in the guide's language: one table per language, keyed like
//! `nav.next`, looked up by templates (`t(key=...)`), by the Markdown passes (callout
//! titles, figure numbers) and by guide.js (a JSON blob in the page).
//!
//! Why TOML tables and not Fluent: the theme's strings are short labels with at most one
//! number in them; the one thing that needs a real rule is the plural form, and CLDR's
//! rules come from `intl_pluralrules` (the crate Fluent itself uses). A translator edits
//! `themes/default/i18n/<lang>.toml` like book.toml, with no new syntax to learn.

mod load;
pub(crate) mod multi;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

pub(crate) use load::load;

/// One entry of a table: a text, or its plural forms by CLDR category (`one`, `other`…).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Text {
    /// The same text for every number.
    Plain(String),
    /// Forms by category; `other` is always there.
    Plural(BTreeMap<String, String>),
}

/// The CLDR plural categories, as written in the tables.
pub(crate) const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Languages written right to left (primary subtags).
const RTL: [&str; 8] = ["ar", "he", "fa", "ur", "ps", "sd", "ug", "yi"];

/// The words of one language, complete: keys missing from its table come from English.
pub(crate) struct Strings {
    /// The BCP 47 tag as the guide writes it (`de`, `pt-BR`).
    pub(crate) lang: String,
    table: BTreeMap<String, Text>,
    rules: Option<PluralRules>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings")
            .field("lang", &self.lang)
            .field("keys", &self.table.len())
            .finish()
    }
}

impl Strings {
    /// A complete table for `lang` (the caller checked it against English).
    pub(crate) fn new(lang: &str, table: BTreeMap<String, Text>) -> Strings {
        let rules = lang
            .parse::<unic_langid::LanguageIdentifier>()
            .ok()
            .and_then(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok())
            .or_else(|| {
                let primary: unic_langid::LanguageIdentifier = primary(lang).parse().ok()?;
                PluralRules::create(primary, PluralRuleType::CARDINAL).ok()
            });
        Strings {
            lang: lang.to_string(),
            table,
            rules,
        }
    }

    #[cfg(test)]
    /// English alone, the embedded table (for tests and for code that renders no page).
    pub(crate) fn english() -> Strings {
        let theme = crate::render::theme::Theme::embedded();
        let (table, _) = load::shipped(&theme, "en")
            .and_then(Result::ok)
            .expect("the embedded English table parses");
        Strings::new("en", table)
    }

    /// The text of `key` (its `other` form for a plural), or the key itself when the table
    /// has no such key (the template function reports that as an error instead).
    pub(crate) fn get<'a>(&'a self, key: &'a str) -> &'a str {
        match self.table.get(key) {
            Some(Text::Plain(s)) => s,
            Some(Text::Plural(forms)) => forms.get("other").map_or(key, String::as_str),
            None => key,
        }
    }

    /// Whether the table has `key`.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// The form of `key` for the number `n`.
    pub(crate) fn plural<'a>(&'a self, key: &'a str, n: i64) -> &'a str {
        match self.table.get(key) {
            Some(Text::Plural(forms)) => {
                let cat = self.category(n);
                forms
                    .get(cat)
                    .or_else(|| forms.get("other"))
                    .map_or(key, String::as_str)
            }
            _ => self.get(key),
        }
    }

    /// The CLDR category of `n` in this language (`other` when the language has no rules).
    pub(crate) fn category(&self, n: i64) -> &'static str {
        let Some(rules) = &self.rules else {
            return if n == 1 { "one" } else { "other" };
        };
        match rules.select(n) {
            Ok(PluralCategory::ZERO) => "zero",
            Ok(PluralCategory::ONE) => "one",
            Ok(PluralCategory::TWO) => "two",
            Ok(PluralCategory::FEW) => "few",
            Ok(PluralCategory::MANY) => "many",
            _ => "other",
        }
    }

    /// `key` with `{name}` placeholders filled (`n` also picks the plural form).
    pub(crate) fn text(&self, key: &str, n: Option<i64>, args: &[(&str, &str)]) -> String {
        let template = match n {
            Some(n) => self.plural(key, n),
            None => self.get(key),
        };
        let n_text = n.map(|n| n.to_string());
        let mut all: Vec<(&str, &str)> = args.to_vec();
        if let Some(n) = &n_text {
            all.push(("n", n));
        }
        fill(template, &all)
    }

    /// A date (`YYYY-MM-DD`) written out, as `date.format` says; other text is returned as is.
    pub(crate) fn long_date(&self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return iso.to_string();
        };
        let (Ok(m), Ok(d)) = (m.parse::<u8>(), d.parse::<u8>()) else {
            return iso.to_string();
        };
        let month = self.get(&format!("date.month-{m}")).to_string();
        let (day, month_num) = (d.to_string(), m.to_string());
        fill(
            self.get("date.format"),
            &[
                ("day", &day),
                ("month", &month),
                ("month-number", &month_num),
                ("year", y),
            ],
        )
    }

    /// The `js.*` entries as JSON for guide.js, safe inside a `<script>` element.
    pub(crate) fn js_json(&self) -> String {
        let mut map = serde_json::Map::new();
        for (k, v) in self.table.range("js.".to_string()..) {
            let Some(short) = k.strip_prefix("js.") else {
                break;
            };
            let value = match v {
                Text::Plain(s) => serde_json::Value::String(s.clone()),
                Text::Plural(forms) => serde_json::Value::Object(
                    forms
                        .iter()
                        .map(|(c, s)| (c.clone(), serde_json::Value::String(s.clone())))
                        .collect(),
                ),
            };
            map.insert(short.to_string(), value);
        }
        serde_json::Value::Object(map)
            .to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }
}

/// The theme's own name for a language (`lang.name` of its table), or the tag itself.
pub(crate) fn language_name(theme: &crate::render::theme::Theme, code: &str) -> String {
    let table = load::shipped(theme, &code.to_ascii_lowercase())
        .or_else(|| load::shipped(theme, &primary(code).to_ascii_lowercase()));
    match table
        .and_then(Result::ok)
        .and_then(|(t, ())| t.get("lang.name").cloned())
    {
        Some(Text::Plain(name)) => name,
        _ => code.to_string(),
    }
}

/// `ltr` or `rtl` for a language tag.
pub(crate) fn dir_of(lang: &str) -> &'static str {
    let p = primary(lang).to_ascii_lowercase();
    let arabic_script = lang.to_ascii_lowercase().contains("-arab");
    if RTL.contains(&p.as_str()) || arabic_script {
        "rtl"
    } else {
        "ltr"
    }
}

/// `pt` of `pt-BR`.
pub(crate) fn primary(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}

/// Replaces `{name}` by its value; unknown placeholders stay as written.
pub(crate) fn fill(template: &str, args: &[(&str, &str)]) -> String {
    if !template.contains('{') {
        return template.to_string();
    }
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a text.
#[cfg(test)]
pub(crate) fn placeholders(text: &str) -> std::collections::BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .collect()
}
