//! Where every chapter of SUMMARY.md goes in the guide, in SUMMARY order: a `README.md` or
//! `index.md` becomes its folder's `_index.md`, the order becomes `weight`, a folder without
//! such a chapter gets a generated section page, and what guide has no notion of (parts,
//! draft chapters, nesting that does not follow folders) is reported, not guessed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use super::Report;
use super::summary::Item;
use crate::diag::{Diagnostic, Diagnostics};

/// Where every chapter goes, in SUMMARY order.
pub(super) struct Plan {
    /// (source rel, dest rel, title, weight).
    pub(super) chapters: Vec<(String, String, String, i64)>,
    /// Source chapter path (relative to `src/`) → path relative to `content/`.
    pub(super) dest: HashMap<String, String>,
    /// Folders that need a generated `_index.md`: folder → (title, weight).
    pub(super) folders: BTreeMap<String, (String, i64)>,
}

/// SUMMARY.md as it is read: where it is, its text, and the state of the walk over it.
struct Walk<'a> {
    src_dir: &'a Path,
    shown: &'a Path,
    text: &'a Arc<str>,
    plan: Plan,
    diags: Diagnostics,
    /// The title of the part the walk is in (`# Part` lines of SUMMARY.md).
    part: Option<String>,
    /// The destinations of the chapters above the current one, by depth.
    parents: Vec<String>,
    taken: HashSet<String>,
}

/// The plan for `items` (SUMMARY.md at `shown`, with text `text`), or an error per entry
/// that names a missing file.
pub(super) fn layout(
    items: &[Item],
    src_dir: &Path,
    shown: &Path,
    text: &Arc<str>,
    report: &mut Report,
) -> Result<Plan, Diagnostics> {
    let mut walk = Walk {
        src_dir,
        shown,
        text,
        plan: Plan {
            chapters: Vec::new(),
            dest: HashMap::new(),
            folders: BTreeMap::new(),
        },
        diags: Diagnostics::new(),
        part: None,
        parents: Vec::new(),
        taken: HashSet::new(),
    };
    for (n, item) in items.iter().enumerate() {
        let weight = (n as i64 + 1) * 10;
        match item {
            Item::Part { title, line } => {
                report.unmapped.push(format!("{}:{line}: part title `{title}` (guide has no parts; the chapters keep their order)", shown.display()));
                walk.part = Some(title.clone());
            }
            Item::Separator => walk.part = None,
            Item::Chapter {
                title,
                path: None,
                line,
                ..
            } => report.unmapped.push(format!(
                "{}:{line}: draft chapter `{title}` (no file: left out)",
                shown.display()
            )),
            Item::Chapter {
                title,
                path: Some(path),
                depth,
                line,
            } => walk.chapter(title, path, (*depth, *line, weight), report),
        }
    }
    let Walk {
        mut plan, diags, ..
    } = walk;
    for (_, d, _, _) in &plan.chapters {
        if let Some(f) = d.strip_suffix("_index.md") {
            plan.folders.remove(f);
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(plan)
}

impl Walk<'_> {
    /// Places the chapter at `path` (its depth in SUMMARY.md, line and weight in `at`).
    fn chapter(&mut self, title: &str, path: &str, at: (usize, usize, i64), report: &mut Report) {
        let (depth, line, weight) = at;
        if !self.src_dir.join(path).is_file() {
            self.diags.push(
                Diagnostic::error(format!("SUMMARY.md names a missing file `{path}`"))
                    .at_line(self.shown, self.text, line, 1)
                    .hint("create the file, or make the entry a draft chapter: `[title]()`"),
            );
            return;
        }
        self.parents.truncate(depth);
        let folder = path.rfind('/').map_or("", |i| &path[..=i]);
        let name = &path[folder.len()..];
        let is_index =
            name.eq_ignore_ascii_case("README.md") || name.eq_ignore_ascii_case("index.md");
        let mut dest = if is_index {
            format!("{folder}_index.md")
        } else {
            path.to_string()
        };
        if !self.taken.insert(dest.clone()) {
            dest = path.to_string();
            self.taken.insert(dest.clone());
        }
        if let Some(parent) = self.parents.last() {
            let nested = parent
                .strip_suffix("_index.md")
                .is_some_and(|pf| folder.starts_with(pf));
            if !nested {
                report.unmapped.push(format!(
                    "{}:{line}: `{path}` is nested under `{parent}` in SUMMARY.md, but guide's sections are folders: it stays beside it",
                    self.shown.display()
                ));
            }
        }
        if !folder.is_empty() && !is_index {
            let title = self.part.clone().unwrap_or_else(|| {
                let name = folder.trim_end_matches('/').rsplit('/').next();
                name.unwrap_or("").to_string()
            });
            let entry = self.plan.folders.entry(folder.to_string());
            entry.or_insert((title, weight - 1));
        }
        self.parents.push(dest.clone());
        self.plan.dest.insert(path.to_string(), dest.clone());
        let chapter = (path.to_string(), dest, title.to_string(), weight);
        self.plan.chapters.push(chapter);
    }
}
