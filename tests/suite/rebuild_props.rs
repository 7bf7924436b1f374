//! The incremental rebuild, proven equal to a full build over random edit sequences.
//!
//! A small guide is held as a model (path -> file); random operations edit it (bodies,
//! front matter, pages, folders, diagrams, theme files, book.toml), and at every `Build`
//! step the model is written to disk, `Session::rebuild` is told what a watcher would report,
//! and its result must equal a fresh full build of the same files: the same set of files with
//! the same bytes, the same warnings, or the same errors. Proptest shrinks a failure to a
//! short sequence; each one found becomes a named test in `incremental.rs`.
//!
//! Cases: `GUIDE_PROPTEST_CASES` (256 when unset: one to two minutes on a shared 2-core machine).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use guide::{BuildOptions, Session};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::incremental::differing;

/// One edit of the guide, or a build. Numbers pick among the current pages, folders, ...
/// (modulo their count), so every sequence applies to any state and shrinks well.
#[derive(Debug, Clone)]
pub enum Op {
    /// Set, insert or remove (snippet 0) a body line of a page.
    Body(u8, u8, u8),
    /// Front matter: field (title, weight, slug, draft) and value (0 = unset).
    Front(u8, u8, u8),
    AddPage(u8, u8),
    RemovePage(u8),
    RenamePage(u8, u8, u8),
    RenameFolder(u8, u8),
    RemoveFolder(u8),
    /// Write diagram `d` with variant `v` (0 removes it).
    Diagram(u8, u8),
    RenameDiagram(u8, u8),
    /// Write included file `f` with variant `v` (0 removes it).
    Include(u8, u8),
    /// Write theme file `f` with variant `v` (0 removes it).
    Theme(u8, u8),
    /// book.toml from bits: title, base-url, theme `mine`, drafts.
    Book(u8),
    Build,
}

const FOLDERS: [&str; 4] = ["", "part", "more", "03-extra"];
const NAMES: [&str; 5] = ["a", "b", "c", "01-d", "e"];
const THEME_FILES: [&str; 5] = [
    "themes/default/templates/page.html",
    "themes/default/static/extra.css",
    "themes/default/static/style.css",
    "themes/mine/static/mine.css",
    "themes/mine/templates/section.html",
];

/// A page as front matter fields and body lines (snippet numbers).
#[derive(Debug, Clone, Default)]
struct Page {
    title: u8,
    weight: u8,
    slug: u8,
    draft: bool,
    body: Vec<u8>,
}

/// The guide: pages and raw files by project-relative path.
#[derive(Debug, Clone)]
struct Model {
    pages: BTreeMap<String, Page>,
    files: BTreeMap<String, Vec<u8>>,
}

fn snippet(n: u8, depth: usize) -> String {
    let up = "../".repeat(depth);
    match n % 16 {
        1 => "Plain words here.".into(),
        2 => "More words, edited.".into(),
        3 => format!("Go [home]({up}_index.md)."),
        4 => format!("See [a]({up}a.md)."),
        5 => format!("See [c]({up}part/c.md)."),
        6 => format!("![First diagram.]({up}diagrams/d1.svg)"),
        7 => format!("![Second diagram.]({up}diagrams/d2.svg)"),
        8 => "```rust\nfn x() {}\n```".into(),
        9 => "# A heading title".into(),
        10 => format!("A [broken]({up}nope.md) link."),
        11 => "## Part one\n\nText, [here](#part-one).".into(),
        12 => "> [!NOTE]\n> A note.".into(),
        13 => format!("{{{{#include {up}_shared/note.md}}}}"),
        14 => format!("{{{{#include {up}_shared/timer.rs:2}}}}"),
        // An anchor on another page: broken until that page has snippet 11.
        15 => format!("See [c, part one]({up}part/c.md#part-one)."),
        // Steps: the page gets a handout (`handout/<page>/`).
        _ => "1. Lie on your back.\n2. Breathe out slowly.".into(),
    }
}

fn page_text(rel: &str, p: &Page) -> String {
    let depth = rel.matches('/').count() - 1; // below content/
    let mut front = String::new();
    if p.title > 0 {
        front.push_str(&format!("title = \"Title {}\"\n", p.title));
    }
    if p.weight > 0 {
        front.push_str(&format!("weight = {}\n", p.weight));
    }
    if p.slug > 0 {
        front.push_str(&format!("slug = \"slug-{}\"\n", p.slug));
    }
    if p.draft {
        front.push_str("draft = true\n");
    }
    let body: Vec<String> = p.body.iter().map(|&n| snippet(n, depth)).collect();
    let body = body.join("\n\n");
    if front.is_empty() {
        format!("{body}\n")
    } else {
        format!("+++\n{front}+++\n\n{body}\n")
    }
}

fn svg(v: u8) -> Vec<u8> {
    let (w, h) = (10 + u32::from(v) * 5, 20 + u32::from(v % 2) * 7);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\"><rect width=\"{v}\" height=\"3\"/></svg>"
    )
    .into_bytes()
}

const INCLUDED: [&str; 2] = ["content/_shared/note.md", "content/_shared/timer.rs"];

fn included(f: usize, v: u8) -> Vec<u8> {
    match (f, v % 3) {
        (0, 1) => format!("A shared note, version {v}.\n"),
        (0, 2) => format!("## Shared {v}\n\n{{{{#include timer.rs:1}}}}\n"),
        (0, _) => format!("A [shared link](nope-{v}.md).\n"), // an error in a partial
        (_, 1) => format!("fn first() {{}}\nfn second_{v}() {{}}\n"),
        _ => format!("// line {v}\n"),
    }
    .into_bytes()
}

fn theme_file(f: usize, v: u8) -> Vec<u8> {
    let name = THEME_FILES[f];
    if name.ends_with(".css") {
        return format!("body {{ margin: {v}px; }}\n").into_bytes();
    }
    let embedded = Path::new(env!("CARGO_MANIFEST_DIR")).join(name.replace("mine", "default"));
    let text = std::fs::read_to_string(embedded).unwrap();
    match v % 3 {
        1 => text.replacen("{%- block", &format!("{{# variant {v} #}}{{%- block"), 1),
        2 => format!("{text}\n{{% if %}}\n"), // a template error
        _ => format!("{text}{{# variant {v} #}}<!-- variant {v} -->"),
    }
    .into_bytes()
}

fn book(bits: u8) -> Vec<u8> {
    let mut s = format!(
        "[book]\ntitle = \"{}\"\n",
        if bits & 1 == 0 {
            "Prop Guide"
        } else {
            "Renamed"
        }
    );
    if bits & 2 != 0 {
        s.push_str("base-url = \"https://example.org/g/\"\n");
    }
    s.push_str("\n[build]\n");
    if bits & 4 != 0 {
        s.push_str("theme = \"mine\"\n");
    }
    if bits & 8 != 0 {
        s.push_str("drafts = true\n");
    }
    s.into_bytes()
}

impl Model {
    fn new() -> Self {
        let mut m = Model {
            pages: BTreeMap::new(),
            files: BTreeMap::new(),
        };
        let page = |body: Vec<u8>| Page {
            body,
            ..Page::default()
        };
        m.pages.insert("content/_index.md".into(), page(vec![9, 4]));
        m.pages
            .insert("content/a.md".into(), page(vec![1, 6, 8, 0]));
        m.pages.insert("content/b.md".into(), page(vec![5, 11]));
        m.pages
            .insert("content/part/_index.md".into(), page(vec![3]));
        m.pages.insert("content/part/c.md".into(), page(vec![4, 7]));
        m.files.insert("content/diagrams/d1.svg".into(), svg(1));
        m.files.insert("content/diagrams/d2.svg".into(), svg(2));
        m.files.insert("book.toml".into(), book(0));
        m.files.insert(INCLUDED[0].into(), included(0, 1));
        m.files.insert(INCLUDED[1].into(), included(1, 1));
        m.pages.get_mut("content/b.md").unwrap().body.push(13);
        m
    }

    /// Pages an edit may touch: all but the home page.
    fn editable(&self) -> Vec<String> {
        let home = "content/_index.md";
        self.pages.keys().filter(|k| *k != home).cloned().collect()
    }

    fn folders(&self) -> Vec<String> {
        let set: BTreeSet<String> = self
            .pages
            .keys()
            .filter_map(|k| {
                let rel = k.strip_prefix("content/")?;
                rel.rsplit_once('/').map(|(d, _)| format!("content/{d}"))
            })
            .collect();
        set.into_iter().collect()
    }

    fn pick<T: Clone>(list: &[T], n: u8) -> Option<T> {
        (!list.is_empty()).then(|| list[usize::from(n) % list.len()].clone())
    }

    fn path_of(folder: u8, name: u8) -> String {
        let f = FOLDERS[usize::from(folder) % FOLDERS.len()];
        let n = NAMES[usize::from(name) % NAMES.len()];
        if f.is_empty() {
            format!("content/{n}.md")
        } else {
            format!("content/{f}/{n}.md")
        }
    }

    /// A new page, with its folder's `_index.md` if the folder is new.
    fn add(&mut self, rel: String, page: Page) {
        if let Some((dir, _)) = rel.rsplit_once('/') {
            if dir != "content" {
                self.pages.entry(format!("{dir}/_index.md")).or_default();
            }
        }
        self.pages.insert(rel, page);
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Body(p, pos, s) => {
                let Some(rel) = Self::pick(&self.editable(), p) else {
                    return;
                };
                let body = &mut self.pages.get_mut(&rel).unwrap().body;
                let at = usize::from(pos) % (body.len() + 1);
                match (s, at < body.len()) {
                    (0, true) => {
                        body.remove(at);
                    }
                    (0, false) => {}
                    (_, true) if pos % 2 == 0 => body[at] = s,
                    _ => body.insert(at, s),
                }
            }
            Op::Front(p, field, v) => {
                let Some(rel) = Self::pick(&self.editable(), p) else {
                    return;
                };
                let page = self.pages.get_mut(&rel).unwrap();
                match field % 4 {
                    0 => page.title = v % 4,
                    1 => page.weight = v % 4,
                    2 => page.slug = v % 3,
                    _ => page.draft = v % 2 == 1,
                }
            }
            Op::AddPage(f, n) => {
                let rel = Self::path_of(f, n);
                if !self.pages.contains_key(&rel) {
                    self.add(
                        rel,
                        Page {
                            body: vec![1, n % 15],
                            ..Page::default()
                        },
                    );
                }
            }
            Op::RemovePage(p) => {
                if let Some(rel) = Self::pick(&self.editable(), p) {
                    self.pages.remove(&rel);
                }
            }
            Op::RenamePage(p, f, n) => {
                let to = Self::path_of(f, n);
                if let Some(rel) = Self::pick(&self.editable(), p) {
                    if !self.pages.contains_key(&to) && !rel.ends_with("_index.md") {
                        let page = self.pages.remove(&rel).unwrap();
                        self.add(to, page);
                    }
                }
            }
            Op::RenameFolder(d, n) => {
                let to = format!("content/{}", FOLDERS[1 + usize::from(n) % 3]);
                if let Some(from) = Self::pick(&self.folders(), d) {
                    if self.folders().contains(&to) {
                        return;
                    }
                    let moved: Vec<String> = self
                        .pages
                        .keys()
                        .filter(|k| k.starts_with(&format!("{from}/")))
                        .cloned()
                        .collect();
                    for k in moved {
                        let page = self.pages.remove(&k).unwrap();
                        self.pages.insert(k.replacen(&from, &to, 1), page);
                    }
                }
            }
            Op::RemoveFolder(d) => {
                if let Some(dir) = Self::pick(&self.folders(), d) {
                    self.pages.retain(|k, _| !k.starts_with(&format!("{dir}/")));
                }
            }
            Op::Diagram(d, v) => {
                let rel = format!("content/diagrams/d{}.svg", 1 + d % 3);
                if v % 4 == 0 {
                    self.files.remove(&rel);
                } else {
                    self.files.insert(rel, svg(v));
                }
            }
            Op::RenameDiagram(d, to) => {
                let from = format!("content/diagrams/d{}.svg", 1 + d % 3);
                let to = format!("content/diagrams/d{}.svg", 1 + to % 3);
                if let Some(bytes) = self.files.remove(&from) {
                    self.files.insert(to, bytes);
                }
            }
            Op::Include(f, v) => {
                let f = usize::from(f) % INCLUDED.len();
                if v % 4 == 0 {
                    self.files.remove(INCLUDED[f]);
                } else {
                    self.files.insert(INCLUDED[f].into(), included(f, v));
                }
            }
            Op::Theme(f, v) => {
                let f = usize::from(f) % THEME_FILES.len();
                if v % 4 == 0 {
                    self.files.remove(THEME_FILES[f]);
                } else {
                    self.files.insert(THEME_FILES[f].into(), theme_file(f, v));
                }
            }
            Op::Book(bits) => {
                self.files.insert("book.toml".into(), book(bits));
            }
            Op::Build => {}
        }
    }

    fn render(&self) -> BTreeMap<String, Vec<u8>> {
        let mut out = self.files.clone();
        for (rel, p) in &self.pages {
            out.insert(rel.clone(), page_text(rel, p).into_bytes());
        }
        out
    }
}

/// The folders that hold `files` (project-relative), and all their ancestors.
fn dirs_of(files: &BTreeMap<String, Vec<u8>>) -> BTreeSet<String> {
    let mut dirs = BTreeSet::new();
    for rel in files.keys() {
        let mut at = rel.as_str();
        while let Some((d, _)) = at.rsplit_once('/') {
            dirs.insert(d.to_string());
            at = d;
        }
    }
    dirs
}

/// Writes `new` over `old` on disk and returns what a watcher reports: files that changed
/// in a folder that stayed, and folders that appeared or went (not the files inside them, as
/// for a folder rename).
fn sync(
    root: &Path,
    old: &BTreeMap<String, Vec<u8>>,
    new: &BTreeMap<String, Vec<u8>>,
) -> Vec<PathBuf> {
    let (old_dirs, new_dirs) = (dirs_of(old), dirs_of(new));
    let mut changed: BTreeSet<String> = old_dirs.symmetric_difference(&new_dirs).cloned().collect();
    for (rel, bytes) in new {
        if old.get(rel) != Some(bytes) {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, bytes).unwrap();
            changed.insert(rel.clone());
        }
    }
    for rel in old.keys().filter(|k| !new.contains_key(*k)) {
        std::fs::remove_file(root.join(rel)).unwrap();
        changed.insert(rel.clone());
    }
    let gone: Vec<&String> = old_dirs.difference(&new_dirs).collect();
    for d in gone.into_iter().rev() {
        let _ = std::fs::remove_dir(root.join(d));
    }
    // A file inside a folder that appeared or went is covered by the folder's event.
    let folders: Vec<String> = old_dirs.symmetric_difference(&new_dirs).cloned().collect();
    changed
        .iter()
        .filter(|c| !folders.iter().any(|f| c.starts_with(&format!("{f}/"))))
        .map(|c| root.join(c))
        .collect()
}

/// Runs `ops` on a fresh copy of the model's guide, checking each build against a full one.
pub fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("guide");
    let mut model = Model::new();
    let mut on_disk = BTreeMap::new();
    sync(&root, &on_disk, &model.render());
    on_disk = model.render();
    let mut s = Session::new(BuildOptions {
        root: root.clone(),
        ..Default::default()
    });
    compare(s.build(), &root, "the first build")?;
    let mut done = Vec::new();
    for op in ops.iter().chain([&Op::Build]) {
        done.push(op.clone());
        model.apply(op);
        if !matches!(op, Op::Build) {
            continue;
        }
        let now = model.render();
        let changed = sync(&root, &on_disk, &now);
        on_disk = now;
        let step = format!("after {done:?} (told {changed:?})");
        compare(s.rebuild(&changed), &root, &step)?;
    }
    Ok(())
}

fn compare(
    got: Result<guide::Built, guide::Diagnostics>,
    root: &Path,
    step: &str,
) -> Result<(), TestCaseError> {
    let want = guide::build(&BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    });
    STEPS.with(|c| {
        let (ok, all) = c.get();
        c.set((ok + usize::from(want.is_ok()), all + 1));
    });
    match (got, want) {
        (Ok(g), Ok(w)) => {
            let differ = differing(&g.tree, &w.tree);
            prop_assert!(differ.is_empty(), "{step}: rebuild differs in {differ:?}");
            prop_assert_eq!(
                g.warnings.render_plain(),
                w.warnings.render_plain(),
                "{}",
                step
            );
        }
        (Err(g), Err(w)) => {
            prop_assert_eq!(g.render_plain(), w.render_plain(), "{}", step);
        }
        (Ok(_), Err(w)) => {
            return Err(TestCaseError::fail(format!(
                "{step}: the rebuild succeeded, a full build fails:\n{}",
                w.render_plain()
            )));
        }
        (Err(g), Ok(_)) => {
            return Err(TestCaseError::fail(format!(
                "{step}: the rebuild fails, a full build succeeds:\n{}",
                g.render_plain()
            )));
        }
    }
    Ok(())
}

thread_local! {
    /// Build steps checked on this thread: (full build succeeded, all).
    static STEPS: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
}

fn op() -> impl Strategy<Value = Op> {
    let n = || any::<u8>();
    prop_oneof![
        6 => (n(), n(), n()).prop_map(|(a, b, c)| Op::Body(a, b, c)),
        4 => (n(), n(), n()).prop_map(|(a, b, c)| Op::Front(a, b, c)),
        2 => (n(), n()).prop_map(|(a, b)| Op::AddPage(a, b)),
        1 => n().prop_map(Op::RemovePage),
        2 => (n(), n(), n()).prop_map(|(a, b, c)| Op::RenamePage(a, b, c)),
        1 => (n(), n()).prop_map(|(a, b)| Op::RenameFolder(a, b)),
        1 => n().prop_map(Op::RemoveFolder),
        2 => (n(), n()).prop_map(|(a, b)| Op::Diagram(a, b)),
        1 => (n(), n()).prop_map(|(a, b)| Op::RenameDiagram(a, b)),
        2 => (n(), n()).prop_map(|(a, b)| Op::Theme(a, b)),
        2 => (n(), n()).prop_map(|(a, b)| Op::Include(a, b)),
        1 => n().prop_map(Op::Book),
        8 => Just(Op::Build),
    ]
}

#[test]
fn rebuild_equals_a_full_build_after_any_edits() {
    let cases = std::env::var("GUIDE_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let start = std::time::Instant::now();
    let result = runner.run(&prop::collection::vec(op(), 1..22), |ops| run(&ops));
    let (ok, all) = STEPS.with(|c| c.get());
    eprintln!(
        "rebuild_props: {cases} sequences, {all} builds checked ({ok} succeeded, the rest failed alike) in {:.1}s",
        start.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}
