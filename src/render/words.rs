//! The template functions that speak the guide's language: `t(key=..)` (text, escaped
//! like any value), `t_html(key=.., name=html)` (the table's text escaped, the values put
//! in as HTML the template built), `ui_json()` (guide.js's words) and the `long_date`
//! filter. A key the tables lack is a template error naming it.

use std::collections::HashMap;
use std::sync::Arc;

use tera::{Tera, Value};

use crate::html::html_escape;
use crate::i18n::{Strings, fill};

/// Registers the functions on `tera` for `strings`.
pub(super) fn register(tera: &mut Tera, strings: &Arc<Strings>) {
    let s = strings.clone();
    tera.register_function("t", move |args: &HashMap<String, Value>| {
        let (key, n, rest) = parse(&s, args)?;
        let pairs: Vec<(&str, &str)> = rest.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Ok(Value::String(s.text(key, n, &pairs)))
    });
    let s = strings.clone();
    tera.register_function("t_html", move |args: &HashMap<String, Value>| {
        let (key, n, rest) = parse(&s, args)?;
        let template = html_escape(&match n {
            Some(n) => s.plural(key, n).to_string(),
            None => s.get(key).to_string(),
        });
        let n_text = n.map(|n| n.to_string());
        let mut pairs: Vec<(&str, &str)> = rest.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if let Some(n) = &n_text {
            pairs.push(("n", n));
        }
        Ok(Value::String(fill(&template, &pairs)))
    });
    let s = strings.clone();
    tera.register_function("ui_json", move |_: &HashMap<String, Value>| {
        Ok(Value::String(s.js_json()))
    });
    let s = strings.clone();
    tera.register_filter(
        "long_date",
        move |v: &Value, _: &HashMap<String, Value>| match v.as_str() {
            Some(iso) => Ok(Value::String(s.long_date(iso))),
            None => Err(tera::Error::msg(
                "long_date expects a date as YYYY-MM-DD text",
            )),
        },
    );
}

type Parsed<'a> = (&'a str, Option<i64>, Vec<(&'a str, String)>);

fn parse<'a>(s: &Strings, args: &'a HashMap<String, Value>) -> tera::Result<Parsed<'a>> {
    let key = args.get("key").and_then(Value::as_str).ok_or_else(|| {
        tera::Error::msg("t() needs key=\"…\", a key of the theme's i18n/en.toml")
    })?;
    if !s.has(key) {
        return Err(tera::Error::msg(format!(
            "t(): no UI string `{key}` in the theme's i18n tables (add it to i18n/en.toml)"
        )));
    }
    let n = args.get("n").and_then(|v| {
        v.as_i64()
            .or_else(|| v.as_f64().map(|f| f as i64))
            .or_else(|| v.as_str().and_then(|t| t.parse().ok()))
    });
    let rest = args
        .iter()
        .filter(|(k, _)| k.as_str() != "key" && k.as_str() != "n")
        .map(|(k, v)| {
            let text = match v {
                Value::String(t) => t.clone(),
                other => other.to_string(),
            };
            (k.as_str(), text)
        })
        .collect();
    Ok((key, n, rest))
}
