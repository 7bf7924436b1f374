//! Clinical review: who reviewed a page and when, or the honest statement that nobody has
//! yet, merged from front matter `[review]` over `book.toml` `[review]`.
//!
//! A health guide's reader must be able to tell a reviewed page from an unreviewed one, so
//! the resolved [`Review`] goes to the page, the print view and the JSON-LD; `check` warns
//! for an overdue review and, where `[review] required = true`, for a page without one.
//! Dates are TOML dates (`2026-03-01`) or the same text as a YAML string.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;

/// A calendar date (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub time::Date);

impl Date {
    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
        time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?)
            .ok()
            .map(Date)
    }
    /// `2026-03-01`.
    pub fn iso(&self) -> String {
        let d = self.0;
        format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
    }
    /// `1 March 2026`, as a reader reads it.
    pub fn long(&self) -> String {
        let d = self.0;
        format!("{} {} {}", d.day(), d.month(), d.year())
    }
    /// The same day `months` later (the month's last day when it is shorter).
    pub fn plus_months(&self, months: u32) -> Date {
        let d = self.0;
        let total = d.year() * 12 + i32::from(u8::from(d.month())) - 1 + months as i32;
        let (year, month0) = (total.div_euclid(12), total.rem_euclid(12) as u8);
        let month = time::Month::try_from(month0 + 1).unwrap_or(time::Month::December);
        let last = month.length(year);
        time::Date::from_calendar_date(year, month, d.day().min(last))
            .map(Date)
            .unwrap_or(*self)
    }
    /// Today: `GUIDE_TODAY` (`YYYY-MM-DD`, for tests and reproducible builds), else the
    /// system's UTC date.
    pub fn today() -> Result<Date, Diagnostic> {
        match std::env::var("GUIDE_TODAY") {
            Ok(s) => Date::parse(&s).ok_or_else(|| {
                Diagnostic::error(format!("GUIDE_TODAY `{s}` is not a date"))
                    .hint("write it as YYYY-MM-DD, e.g. GUIDE_TODAY=2026-12-01")
            }),
            Err(_) => Ok(Date(time::OffsetDateTime::now_utc().date())),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2026-03-01")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
                Date::parse(s).ok_or_else(|| {
                    E::custom(format!("`{s}` is not a date: write it as YYYY-MM-DD"))
                })
            }
            // TOML dates arrive as a one-entry map holding their text.
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                let Some((_, v)) = map.next_entry::<String, String>()? else {
                    return Err(de::Error::custom("expected a date such as 2026-03-01"));
                };
                self.visit_str(&v)
            }
        }
        d.deserialize_any(V)
    }
}

/// Who reviewed a page.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reviewer {
    /// Name, as it should be shown.
    pub name: String,
    /// Credentials (`PT, DPT`).
    #[serde(default)]
    pub credentials: Option<String>,
    /// A page about the reviewer.
    #[serde(default)]
    pub url: Option<String>,
}

/// Whether a page has been clinically reviewed.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Reviewed by `reviewer` on `last-reviewed`.
    Reviewed,
    /// Not yet: the text was only checked against its source on `source-checked`.
    NotReviewed,
}

/// The `[review]` keys, in front matter or in book.toml (defaults for every page).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReviewKeys {
    /// `reviewed` (the default when a reviewer is given) or `not-reviewed`.
    pub status: Option<Status>,
    /// The reviewer.
    pub reviewer: Option<Reviewer>,
    /// When the page was last reviewed.
    pub last_reviewed: Option<Date>,
    /// How often the page must be reviewed, in months.
    pub interval_months: Option<u32>,
    /// For `not-reviewed`: when the text was last checked against its source.
    pub source_checked: Option<Date>,
    /// book.toml only: every page must have a review (a missing or overdue one warns).
    #[serde(default)]
    pub required: bool,
}

impl ReviewKeys {
    /// Front matter keys over the book's defaults.
    fn over(&self, book: &ReviewKeys) -> ReviewKeys {
        ReviewKeys {
            status: self.status.or(book.status),
            reviewer: self.reviewer.clone().or_else(|| book.reviewer.clone()),
            last_reviewed: self.last_reviewed.or(book.last_reviewed),
            interval_months: self.interval_months.or(book.interval_months),
            source_checked: self.source_checked.or(book.source_checked),
            required: book.required,
        }
    }
}

/// A page's resolved review state, as templates see it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Review {
    /// `reviewed` or `not-reviewed`.
    pub status: &'static str,
    /// The reviewer (reviewed pages).
    pub reviewer: Option<Reviewer>,
    /// `2026-03-01` (reviewed pages).
    pub last_reviewed: Option<String>,
    /// `1 March 2026`.
    pub last_reviewed_text: Option<String>,
    /// When the next review is due, `2027-03-01` (with an interval).
    pub next_review: Option<String>,
    /// `not-reviewed`: when the text was checked against its source.
    pub source_checked: Option<String>,
    /// `1 December 2026`.
    pub source_checked_text: Option<String>,
}

/// What [`resolve`] found: the state to show, and the warnings about it.
pub(crate) struct Resolved {
    /// None when neither the page nor the book says anything.
    pub review: Option<Review>,
    /// Overdue, missing or incomplete reviews.
    pub warnings: Vec<Diagnostic>,
}

/// The review of the page `shown` with text `text`, front matter `page` over `book`.
pub(crate) fn resolve(
    page: Option<&ReviewKeys>,
    book: &ReviewKeys,
    today: Date,
    shown: &Path,
    text: &Arc<str>,
) -> Resolved {
    let k = page.map_or_else(|| book.clone(), |p| p.over(book));
    let at = |key: &str, d: Diagnostic| match key_span(text, key) {
        Some(span) => d.at(shown, text, span),
        None => d.at(shown, text, 0..0),
    };
    let mut warnings = Vec::new();
    let status = k.status.unwrap_or(if k.reviewer.is_some() {
        Status::Reviewed
    } else if k.source_checked.is_some() {
        Status::NotReviewed
    } else {
        if k.required {
            warnings.push(at("review", Diagnostic::warning("page has no clinical review"))
                .hint("add `[review]` with `reviewer` and `last-reviewed` to the front matter, or `status = \"not-reviewed\"` with `source-checked` to say plainly that it is not reviewed yet"));
        }
        return Resolved {
            review: None,
            warnings,
        };
    });
    if status == Status::NotReviewed {
        if k.required {
            warnings.push(
                at(
                    "status",
                    Diagnostic::warning("page is not yet clinically reviewed"),
                )
                .hint("book.toml `[review] required = true` asks for a review of every page"),
            );
        }
        if k.source_checked.is_none() {
            warnings.push(at("status", Diagnostic::warning("a not-reviewed page does not say when its text was last checked against its source"))
                .hint("add `source-checked = YYYY-MM-DD` under `[review]`"));
        }
        let review = Review {
            status: "not-reviewed",
            reviewer: None,
            last_reviewed: None,
            last_reviewed_text: None,
            next_review: None,
            source_checked: k.source_checked.map(|d| d.iso()),
            source_checked_text: k.source_checked.map(|d| d.long()),
        };
        return Resolved {
            review: Some(review),
            warnings,
        };
    }
    let mut found: Vec<(&'static str, Diagnostic)> = Vec::new();
    let review = reviewed(&k, today, &mut |key, d| found.push((key, d)));
    warnings.extend(found.into_iter().map(|(key, d)| at(key, d)));
    Resolved { review, warnings }
}

/// A reviewed page: reviewer and date present, and not overdue.
fn reviewed(
    k: &ReviewKeys,
    today: Date,
    warn: &mut dyn FnMut(&'static str, Diagnostic),
) -> Option<Review> {
    let Some(reviewer) = k.reviewer.clone() else {
        warn(
            "status",
            Diagnostic::warning("a reviewed page does not name its reviewer")
                .hint("add `reviewer = { name = \"…\", credentials = \"…\" }` under `[review]`"),
        );
        return None;
    };
    let Some(date) = k.last_reviewed else {
        warn(
            "reviewer",
            Diagnostic::warning("a reviewed page does not say when it was reviewed")
                .hint("add `last-reviewed = YYYY-MM-DD` under `[review]`"),
        );
        return None;
    };
    let due = k.interval_months.map(|m| date.plus_months(m));
    if let Some(due) = due.filter(|d| *d < today) {
        warn(
            "last-reviewed",
            Diagnostic::warning(format!(
                "clinical review is overdue: last reviewed {}, due {}",
                date.iso(),
                due.iso()
            ))
            .hint("review the page again and update `last-reviewed`"),
        );
    }
    Some(Review {
        status: "reviewed",
        reviewer: Some(reviewer),
        last_reviewed: Some(date.iso()),
        last_reviewed_text: Some(date.long()),
        next_review: due.map(|d| d.iso()),
        source_checked: None,
        source_checked_text: None,
    })
}

/// The span of `key` at the start of a line of `text` (front matter), if written there.
fn key_span(text: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        let bare = t.trim_start_matches('[');
        if bare.starts_with(key)
            && !bare[key.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        {
            let start = at + indent + (t.len() - bare.len());
            return Some(start..start + key.len());
        }
        at += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates() {
        assert_eq!(d("2026-01-31").plus_months(1).iso(), "2026-02-28");
        assert_eq!(d("2026-11-15").plus_months(14).iso(), "2028-01-15");
        assert_eq!(d("2026-03-01").long(), "1 March 2026");
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("26-1-1").is_none());
    }

    #[test]
    fn overdue_and_missing_warn_at_the_key() {
        let text: Arc<str> = "+++\n[review]\nreviewer = { name = \"A\" }\nlast-reviewed = 2025-01-01\ninterval-months = 12\n+++\n".into();
        let keys = ReviewKeys {
            reviewer: Some(Reviewer {
                name: "A".into(),
                credentials: None,
                url: None,
            }),
            last_reviewed: Some(d("2025-01-01")),
            interval_months: Some(12),
            ..ReviewKeys::default()
        };
        let book = ReviewKeys::default();
        let r = resolve(
            Some(&keys),
            &book,
            d("2026-12-01"),
            Path::new("content/a.md"),
            &text,
        );
        assert_eq!(r.review.unwrap().next_review.as_deref(), Some("2026-01-01"));
        assert_eq!(r.warnings.len(), 1);
        assert!(
            r.warnings[0].message.contains("overdue"),
            "{}",
            r.warnings[0].message
        );
        assert_eq!(r.warnings[0].location().unwrap(), "content/a.md:4:1");
        let required = ReviewKeys {
            required: true,
            ..ReviewKeys::default()
        };
        let none: Arc<str> = "# A\n".into();
        let r = resolve(
            None,
            &required,
            d("2026-12-01"),
            Path::new("content/b.md"),
            &none,
        );
        assert!(r.review.is_none());
        assert_eq!(r.warnings[0].message, "page has no clinical review");
    }
}
