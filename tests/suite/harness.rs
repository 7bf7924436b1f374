//! A fixture guide copied into a temp folder, with helpers to edit it, run the CLI and read
//! the output.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The bundled guide's pages in reading order: the landing page, then the five sections.
pub const BUNDLED_PAGES: [&str; 6] = [
    "",
    "anatomy/",
    "location/",
    "release/",
    "stretches/",
    "prevention/",
];

pub struct GuideTest {
    _tmp: tempfile::TempDir,
    pub root: PathBuf,
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

impl GuideTest {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("guide");
        copy_dir(&fixtures().join(name), &root);
        GuideTest { _tmp: tmp, root }
    }

    /// A copy of the repository's bundled guide.
    pub fn bundled() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("guide");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&repo.join("content"), &root.join("content"));
        std::fs::copy(repo.join("book.toml"), root.join("book.toml")).unwrap();
        GuideTest { _tmp: tmp, root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &Self {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1))
    }

    pub fn cmd(&self, args: &[&str]) -> Output {
        Command::cargo_bin("guide")
            .unwrap()
            .current_dir(&self.root)
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .unwrap()
    }

    /// `guide build`, asserting success.
    pub fn build_ok(&self) -> &Self {
        let out = self.cmd(&["build"]);
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self
    }

    /// `guide build` expected to fail with exit 1; returns stderr.
    pub fn build_err(&self) -> String {
        let out = self.cmd(&["build"]);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(1),
            "expected exit 1, got {:?}\nstdout: {}\nstderr: {err}",
            out.status,
            String::from_utf8_lossy(&out.stdout)
        );
        err
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// The `<main>` element of an output page.
    pub fn main_of(&self, rel: &str) -> String {
        let html = self.read(rel);
        let start = html.find("<main").expect("a <main>");
        let end = html.find("</main>").expect("a </main>") + "</main>".len();
        html[start..end].to_string()
    }
}

impl GuideTest {
    /// A guide made from nothing: `book.toml` and the files the test writes.
    pub fn empty(book_toml: &str) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("guide");
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(root.join("book.toml"), book_toml).unwrap();
        GuideTest { _tmp: tmp, root }
    }
}
