//! `guide import mdbook SRC DEST`: an mdBook project (`book.toml`, `src/SUMMARY.md`) as a
//! guide project that builds at once. Chapters keep their folders (so includes, images and
//! relative paths stay right); a `README.md`/`index.md` chapter becomes its folder's
//! `_index.md`; SUMMARY.md order becomes `weight`; every old `.html` URL and
//! `[output.html.redirect]` becomes a `[redirects]` entry. SRC is only read; DEST must be
//! empty; the same SRC always gives the same DEST (sorted walks, no dates).

mod config;
mod rewrite;
mod summary;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics};
use summary::Item;

/// What the import did, for the short report.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pages: usize,
    assets: usize,
    redirects: usize,
    mapped: Vec<String>,
    /// `file:line: what has no equivalent`.
    unmapped: Vec<String>,
}

impl Report {
    /// The report as printed.
    pub(crate) fn render(&self, dest: &Path) -> String {
        let mut s = format!(
            "Imported {} pages, {} assets and {} redirects into {}\n",
            self.pages,
            self.assets,
            self.redirects,
            dest.display()
        );
        for m in &self.mapped {
            s.push_str(&format!("  mapped: {m}\n"));
        }
        if !self.unmapped.is_empty() {
            s.push_str(&format!(
                "{} things have no equivalent in guide:\n",
                self.unmapped.len()
            ));
            for u in &self.unmapped {
                s.push_str(&format!("  {u}\n"));
            }
        }
        s
    }
}

fn fail(msg: String, hint: &str) -> Diagnostics {
    Diagnostic::error(msg).hint(hint.to_string()).into()
}

/// Imports the mdBook project at `src` into the empty (or missing) folder `dest`.
pub(crate) fn mdbook(src: &Path, dest: &Path) -> Result<Report, Diagnostics> {
    let toml_path = src.join("book.toml");
    if !toml_path.is_file() {
        return Err(fail(
            format!("no book.toml in {}", src.display()),
            "pass the folder of an mdBook project (the one holding book.toml)",
        ));
    }
    if dest.exists() && std::fs::read_dir(dest).map_or(true, |mut d| d.next().is_some()) {
        return Err(fail(
            format!("{} is not an empty folder", dest.display()),
            "import into a new or empty folder; nothing was written",
        ));
    }
    let toml_text: Arc<str> = crate::fsx::read_text(&toml_path, Path::new("book.toml"))?.into();
    let mut report = Report::default();
    let book = config::read(&toml_text, &mut report)?;
    let src_dir = src.join(&book.src);
    let summary_shown = PathBuf::from(&book.src).join("SUMMARY.md");
    let summary_path = src_dir.join("SUMMARY.md");
    if !summary_path.is_file() {
        return Err(fail(
            format!("no SUMMARY.md in {}", src_dir.display()),
            "an mdBook project lists its chapters in src/SUMMARY.md",
        ));
    }
    let summary_text: Arc<str> = crate::fsx::read_text(&summary_path, &summary_shown)?.into();
    let items = summary::parse(&summary_text);
    let plan = layout(&items, &src_dir, &summary_shown, &summary_text, &mut report)?;
    write(src, &src_dir, dest, &book, &plan, &mut report)?;
    Ok(report)
}

/// Where every chapter goes, in SUMMARY order.
struct Plan {
    /// (source rel, dest rel, title, weight).
    chapters: Vec<(String, String, String, i64)>,
    dest: HashMap<String, String>,
    /// Folders that need a generated `_index.md`: folder → (title, weight).
    folders: BTreeMap<String, (String, i64)>,
}

fn layout(
    items: &[Item],
    src_dir: &Path,
    shown: &Path,
    text: &Arc<str>,
    report: &mut Report,
) -> Result<Plan, Diagnostics> {
    let mut plan = Plan {
        chapters: Vec::new(),
        dest: HashMap::new(),
        folders: BTreeMap::new(),
    };
    let mut diags = Diagnostics::new();
    let mut part: Option<String> = None;
    let mut parents: Vec<String> = Vec::new();
    let mut taken = HashSet::new();
    for (n, item) in items.iter().enumerate() {
        let weight = (n as i64 + 1) * 10;
        let (title, path, depth, line) = match item {
            Item::Part { title, line } => {
                report.unmapped.push(format!("{}:{line}: part title `{title}` (guide has no parts; the chapters keep their order)", shown.display()));
                part = Some(title.clone());
                continue;
            }
            Item::Separator => {
                part = None;
                continue;
            }
            Item::Chapter {
                title,
                path,
                depth,
                line,
            } => (title, path, *depth, *line),
        };
        let Some(path) = path else {
            report.unmapped.push(format!(
                "{}:{line}: draft chapter `{title}` (no file: left out)",
                shown.display()
            ));
            continue;
        };
        if !src_dir.join(path).is_file() {
            diags.push(
                Diagnostic::error(format!("SUMMARY.md names a missing file `{path}`"))
                    .at_line(shown, text, line, 1)
                    .hint("create the file, or make the entry a draft chapter: `[title]()`"),
            );
            continue;
        }
        parents.truncate(depth);
        let folder = path.rfind('/').map_or("", |i| &path[..=i]);
        let name = &path[folder.len()..];
        let is_index =
            name.eq_ignore_ascii_case("README.md") || name.eq_ignore_ascii_case("index.md");
        let mut dest = if is_index {
            format!("{folder}_index.md")
        } else {
            path.clone()
        };
        if !taken.insert(dest.clone()) {
            dest = path.clone();
            taken.insert(dest.clone());
        }
        if let Some(parent) = parents.last() {
            let nested = parent
                .strip_suffix("_index.md")
                .is_some_and(|pf| folder.starts_with(pf));
            if !nested {
                report.unmapped.push(format!(
                    "{}:{line}: `{path}` is nested under `{parent}` in SUMMARY.md, but guide's sections are folders: it stays beside it",
                    shown.display()
                ));
            }
        }
        if !folder.is_empty() && !is_index {
            let t = part.clone().unwrap_or_else(|| {
                folder
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string()
            });
            plan.folders
                .entry(folder.to_string())
                .or_insert((t, weight - 1));
        }
        parents.push(dest.clone());
        plan.dest.insert(path.clone(), dest.clone());
        plan.chapters
            .push((path.clone(), dest, title.clone(), weight));
    }
    for (_, d, _, _) in &plan.chapters {
        if let Some(f) = d.strip_suffix("_index.md") {
            plan.folders.remove(f);
        }
    }
    // Parent folders of generated ones need an index too; the root has the home page.
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(plan)
}

fn write(
    src: &Path,
    src_dir: &Path,
    dest: &Path,
    book: &config::Book,
    plan: &Plan,
    report: &mut Report,
) -> Result<(), Diagnostics> {
    let io = |e: std::io::Error, p: &Path| {
        Diagnostics::from(Diagnostic::error(format!(
            "cannot write {}: {e}",
            p.display()
        )))
    };
    let put = |rel: &Path, bytes: &[u8]| -> Result<(), Diagnostics> {
        let p = dest.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(e, parent))?;
        }
        std::fs::write(&p, bytes).map_err(|e| io(e, &p))
    };
    // Every file of src/ that is not a chapter: assets into content/, Markdown into partials/.
    let mut partials = HashSet::new();
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for e in walkdir::WalkDir::new(src_dir).sort_by_file_name() {
        let e = e.map_err(|e| {
            Diagnostics::from(Diagnostic::error(format!(
                "cannot read {}: {e}",
                src_dir.display()
            )))
        })?;
        if !e.file_type().is_file() {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(src_dir)
            .unwrap_or(e.path())
            .to_string_lossy()
            .replace('\\', "/");
        if rel.split('/').any(|s| s.starts_with('.')) {
            continue;
        }
        if !plan.dest.contains_key(&rel) && rel.ends_with(".md") {
            partials.insert(rel.clone());
        }
        files.push((rel, e.path().to_path_buf()));
    }
    let rb = rewrite::Book {
        dest: &plan.dest,
        partials: &partials,
        math: book.math,
        src_dir,
        project: src,
    };
    for (rel, path) in &files {
        let bytes = std::fs::read(path).map_err(|e| io(e, path))?;
        if plan.dest.contains_key(rel) {
            continue;
        }
        if partials.contains(rel) {
            if rel != "SUMMARY.md" {
                report.unmapped.push(format!("{}/{rel}: a Markdown file not in SUMMARY.md: kept as partials/{rel} for includes, not a page", book.src));
            }
            put(&Path::new("partials").join(rel), &bytes)?;
        } else {
            report.assets += 1;
            put(&Path::new("content").join(rel), &bytes)?;
        }
    }
    let mut redirects: BTreeMap<String, String> = BTreeMap::new();
    for (from, to) in &book.redirects {
        redirects.insert(from.clone(), to.clone());
    }
    // Links that leave the book: `[links]` prefix → (count, where the first one is).
    let mut outside: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (srel, drel, title, weight) in &plan.chapters {
        let path = src_dir.join(srel);
        let text = crate::fsx::read_text(&path, &PathBuf::from(&book.src).join(srel))?;
        let (body, notes, extra, leaving) = rewrite::chapter(&text, srel, &rb);
        for (prefix, line) in leaving {
            let e = outside
                .entry(prefix)
                .or_insert((0, format!("{}/{srel}:{line}", book.src)));
            e.0 += 1;
        }
        for rel in extra {
            let bytes = std::fs::read(src.join(&rel)).map_err(|e| io(e, &src.join(&rel)))?;
            put(Path::new(&rel), &bytes)?;
        }
        for (line, n) in notes {
            report
                .unmapped
                .push(format!("{}/{srel}:{line}: {n}", book.src));
        }
        let front = format!(
            "+++\ntitle = {}\nweight = {weight}\n+++\n\n",
            toml_string(title)
        );
        put(
            &Path::new("content").join(drel),
            format!("{front}{body}").as_bytes(),
        )?;
        report.pages += 1;
        let old = old_url(srel);
        if !same_place(&old, drel) {
            redirects.entry(old).or_insert_with(|| drel.clone());
        }
    }
    for (folder, (title, weight)) in &plan.folders {
        let front = format!(
            "+++\ntitle = {}\nweight = {weight}\n+++\n",
            toml_string(title)
        );
        put(
            Path::new("content")
                .join(folder)
                .join("_index.md")
                .as_path(),
            front.as_bytes(),
        )?;
        report.mapped.push(format!("folder {folder}: a section page `{title}` was generated (it had no README.md in SUMMARY.md)"));
    }
    if !plan.chapters.iter().any(|c| c.1 == "_index.md") {
        put(
            Path::new("content/_index.md"),
            format!("+++\ntitle = {}\n+++\n", toml_string(&book.title)).as_bytes(),
        )?;
        report.mapped.push(
            "no README.md chapter at the top: a landing page content/_index.md was generated"
                .into(),
        );
    }
    // mdBook's redirect targets are relative to the old page: make them chapter paths.
    let redirects: BTreeMap<String, String> = redirects
        .into_iter()
        .map(|(from, to)| {
            if to.contains("://") || to.ends_with(".md") {
                return (from, to);
            }
            let folder = from
                .trim_start_matches('/')
                .rfind('/')
                .map_or(String::new(), |i| {
                    from.trim_start_matches('/')[..=i].to_string()
                });
            let (path, frag) = to
                .split_once('#')
                .map_or((to.as_str(), String::new()), |(p, f)| (p, format!("#{f}")));
            let target = rewrite::normalize(&format!("{folder}{path}"))
                .and_then(|s| rewrite::chapter_of(&s, &rb))
                .map_or(to.clone(), |c| format!("{}{frag}", plan.dest[&c]));
            (from, target)
        })
        .collect();
    report.redirects = redirects.len();
    put(
        Path::new("book.toml"),
        config::write(book, &redirects, &links_table(book, &outside, report)).as_bytes(),
    )?;
    Ok(())
}

/// `[links]` lines for the links that leave the book: a base URL derived from an absolute
/// `site-url` (the book's siblings were hosted beside it), else a commented proposal that the
/// report names (guide cannot know where they are hosted; the build names each such link).
fn links_table(
    book: &config::Book,
    outside: &BTreeMap<String, (usize, String)>,
    report: &mut Report,
) -> Vec<String> {
    let mut lines = Vec::new();
    for (prefix, (n, first)) in outside {
        match book.base_url.as_deref().and_then(|b| beside(b, prefix)) {
            Some(url) => {
                report.mapped.push(format!("{} leave the book through `{prefix}` (first at {first}) → [links] `{url}`, derived from site-url", plural(*n)));
                lines.push(format!("{} = {}", toml_string(prefix), toml_string(&url)));
            }
            None => {
                report.unmapped.push(format!("{first}: {} leave the book through `{prefix}`: give its base URL in book.toml's [links] (a commented proposal is there)", plural(*n)));
                lines.push(format!(
                    "# {} = \"https://example.org/{}\"  # {n} links, first at {first}",
                    toml_string(prefix),
                    prefix.trim_start_matches("../")
                ));
            }
        }
    }
    lines
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 link".into()
    } else {
        format!("{n} links")
    }
}

/// `base` (`https://h/book/`) resolved with `prefix` (`../std/`): `https://h/std/`.
fn beside(base: &str, prefix: &str) -> Option<String> {
    let (scheme, rest) = base.split_once("://")?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut tail = Vec::new();
    for seg in prefix.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." {
            parts.pop()?;
        } else {
            tail.push(seg);
        }
    }
    parts.extend(tail);
    let joined = parts.join("/");
    let slash = if joined.is_empty() { "" } else { "/" };
    Some(format!("{scheme}://{host}/{joined}{slash}"))
}

/// mdBook's output path of a chapter: `a/b.md` → `a/b.html`, `a/README.md` → `a/index.html`.
fn old_url(src_rel: &str) -> String {
    let folder = src_rel.rfind('/').map_or("", |i| &src_rel[..=i]);
    let name = &src_rel[folder.len()..];
    if name.eq_ignore_ascii_case("README.md") || name.eq_ignore_ascii_case("index.md") {
        format!("{folder}index.html")
    } else {
        format!("{}.html", src_rel.strip_suffix(".md").unwrap_or(src_rel))
    }
}

/// Whether guide writes the page where mdBook did (a section's `index.html`).
fn same_place(old: &str, dest: &str) -> bool {
    let Some(folder) = dest.strip_suffix("_index.md") else {
        return false;
    };
    old == format!("{folder}index.html")
        && folder
            .split('/')
            .all(|s| crate::content::order::strip_prefix(s) == s)
}

pub(super) fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}
