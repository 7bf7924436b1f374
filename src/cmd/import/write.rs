//! Writes the planned guide project: every chapter rewritten with front matter, every other
//! file of `src/` (assets into `content/`, Markdown that is no chapter into `partials/`),
//! generated section and landing pages, and `book.toml` with `[redirects]` and `[links]`.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use super::layout::Plan;
use super::{Report, config, links, rewrite, toml_string};
use crate::diag::{Diagnostic, Diagnostics};

/// The destination folder: every write goes through [`Out::put`].
struct Out<'a>(&'a Path);

fn io_error(e: std::io::Error, p: &Path) -> Diagnostics {
    Diagnostic::error(format!("cannot write {}: {e}", p.display())).into()
}

impl Out<'_> {
    /// Writes `bytes` at `rel` under the destination, creating its folders.
    fn put(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostics> {
        let p = self.0.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(e, parent))?;
        }
        std::fs::write(&p, bytes).map_err(|e| io_error(e, &p))
    }
}

/// Writes the project planned in `plan` for the mdBook `book` at `src` into `dest`.
pub(super) fn write(
    src: &Path,
    src_dir: &Path,
    dest: &Path,
    book: &config::Book,
    plan: &Plan,
    report: &mut Report,
) -> Result<(), Diagnostics> {
    let out = Out(dest);
    let (files, partials) = source_files(src_dir, plan)?;
    let rb = rewrite::Book {
        dest: &plan.dest,
        partials: &partials,
        math: book.math,
        src_dir,
        project: src,
    };
    copy_files(&out, &files, &rb, book, report)?;
    let mut redirects: BTreeMap<String, String> = book.redirects.iter().cloned().collect();
    let outside = chapters(&out, book, plan, &rb, &mut redirects, report)?;
    section_pages(&out, book, plan, report)?;
    let redirects = redirect_targets(redirects, plan, &rb);
    report.redirects = redirects.len();
    let links = links::table(book, &outside, report);
    let toml = config::write(book, &redirects, &links);
    out.put(Path::new("book.toml"), toml.as_bytes())
}

/// Every file of `src/` (relative path, path), sorted, and the Markdown files among them
/// that are not chapters.
type Files = (Vec<(String, PathBuf)>, HashSet<String>);

fn source_files(src_dir: &Path, plan: &Plan) -> Result<Files, Diagnostics> {
    let mut partials = HashSet::new();
    let mut files = Vec::new();
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
        let rel = e.path().strip_prefix(src_dir).unwrap_or(e.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel.split('/').any(|s| s.starts_with('.')) {
            continue;
        }
        if !plan.dest.contains_key(&rel) && rel.ends_with(".md") {
            partials.insert(rel.clone());
        }
        files.push((rel, e.path().to_path_buf()));
    }
    Ok((files, partials))
}

/// Copies the files that are not chapters: assets into `content/`, Markdown into `partials/`.
fn copy_files(
    out: &Out,
    files: &[(String, PathBuf)],
    rb: &rewrite::Book,
    book: &config::Book,
    report: &mut Report,
) -> Result<(), Diagnostics> {
    for (rel, path) in files {
        if rb.dest.contains_key(rel) {
            continue;
        }
        let bytes = std::fs::read(path).map_err(|e| io_error(e, path))?;
        if rb.partials.contains(rel) {
            if rel != "SUMMARY.md" {
                report.unmapped.push(format!("{}/{rel}: a Markdown file not in SUMMARY.md: kept as partials/{rel} for includes, not a page", book.src));
            }
            out.put(&Path::new("partials").join(rel), &bytes)?;
        } else {
            report.assets += 1;
            out.put(&Path::new("content").join(rel), &bytes)?;
        }
    }
    Ok(())
}

/// Links that leave the book: `[links]` prefix → (count, where the first one is).
pub(super) type Outside = BTreeMap<String, (usize, String)>;

/// Writes every chapter, rewritten, with its front matter; adds a redirect from each old
/// `.html` URL that moved. Returns the links that leave the book.
fn chapters(
    out: &Out,
    book: &config::Book,
    plan: &Plan,
    rb: &rewrite::Book,
    redirects: &mut BTreeMap<String, String>,
    report: &mut Report,
) -> Result<Outside, Diagnostics> {
    let mut outside = Outside::new();
    for (srel, drel, title, weight) in &plan.chapters {
        let path = rb.src_dir.join(srel);
        let text = crate::fsx::read_text(&path, &PathBuf::from(&book.src).join(srel))?;
        let (body, notes, extra, leaving) = rewrite::chapter(&text, srel, rb);
        for (prefix, line) in leaving {
            let first = format!("{}/{srel}:{line}", book.src);
            outside.entry(prefix).or_insert((0, first)).0 += 1;
        }
        for rel in extra {
            let from = rb.project.join(&rel);
            let bytes = std::fs::read(&from).map_err(|e| io_error(e, &from))?;
            out.put(Path::new(&rel), &bytes)?;
        }
        for (line, n) in notes {
            let note = format!("{}/{srel}:{line}: {n}", book.src);
            report.unmapped.push(note);
        }
        let title = toml_string(title);
        let page = format!("+++\ntitle = {title}\nweight = {weight}\n+++\n\n{body}");
        out.put(&Path::new("content").join(drel), page.as_bytes())?;
        report.pages += 1;
        let old = super::old_url(srel);
        if !super::same_place(&old, drel) {
            redirects.entry(old).or_insert_with(|| drel.clone());
        }
    }
    Ok(outside)
}

/// Generated section pages for folders without a README chapter, and a landing page when
/// the book has no top-level README.
fn section_pages(
    out: &Out,
    book: &config::Book,
    plan: &Plan,
    report: &mut Report,
) -> Result<(), Diagnostics> {
    for (folder, (title, weight)) in &plan.folders {
        let front = format!(
            "+++\ntitle = {}\nweight = {weight}\n+++\n",
            toml_string(title)
        );
        let rel = Path::new("content").join(folder).join("_index.md");
        out.put(&rel, front.as_bytes())?;
        report.mapped.push(format!("folder {folder}: a section page `{title}` was generated (it had no README.md in SUMMARY.md)"));
    }
    if !plan.chapters.iter().any(|c| c.1 == "_index.md") {
        let front = format!("+++\ntitle = {}\n+++\n", toml_string(&book.title));
        out.put(Path::new("content/_index.md"), front.as_bytes())?;
        report.mapped.push(
            "no README.md chapter at the top: a landing page content/_index.md was generated"
                .into(),
        );
    }
    Ok(())
}

/// mdBook's redirect targets are relative to the old page: make them chapter paths.
fn redirect_targets(
    redirects: BTreeMap<String, String>,
    plan: &Plan,
    rb: &rewrite::Book,
) -> BTreeMap<String, String> {
    redirects
        .into_iter()
        .map(|(from, to)| {
            if to.contains("://") || to.ends_with(".md") {
                return (from, to);
            }
            let old = from.trim_start_matches('/');
            let folder = old.rfind('/').map_or("", |i| &old[..=i]);
            let (path, frag) = to
                .split_once('#')
                .map_or((to.as_str(), String::new()), |(p, f)| (p, format!("#{f}")));
            let target = rewrite::normalize(&format!("{folder}{path}"))
                .and_then(|s| rewrite::chapter_of(&s, rb))
                .map_or(to.clone(), |c| format!("{}{frag}", plan.dest[&c]));
            (from, target)
        })
        .collect()
}
