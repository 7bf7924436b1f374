//! PDFs through an installed Chromium or Chrome: `chromium --headless --print-to-pdf` on
//! the built files (the print view and every handout). The command line rather than a CDP
//! crate: chromiumoxide or headless_chrome would add an async stack and ~100 crates to a
//! build that needs one call per file; the browser's own flag does the same printing, and
//! the page itself picks the paper (`?paper=a4|letter`, read by the templates' script) and
//! prints page numbers and running heads from CSS margin boxes.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Paper sizes the templates know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Its name in `?paper=` and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }
}

/// Why no PDF could be printed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No browser found.
    #[error("no Chromium or Chrome found to print PDFs with (looked for {looked})")]
    NoBrowser {
        /// The names and paths tried.
        looked: String,
    },
    /// The browser ran but made no PDF.
    #[error("{browser} did not print {page}: {detail}")]
    Failed {
        /// The browser.
        browser: String,
        /// The page.
        page: String,
        /// Its exit status and last line of stderr.
        detail: String,
    },
}

const NAMES: [&str; 6] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
];
const MAC: &str = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";

/// What to tell someone who has no browser to print with.
pub const INSTALL_HINT: &str = "install Chromium (`apt install chromium`, `brew install --cask chromium`) or Google Chrome, or name one with --browser PATH or $CHROME";

/// The browser to print with: `explicit`, else $CHROME or $CHROMIUM, else the first of the
/// usual names on PATH (or Chrome's place on macOS).
pub fn find_browser(explicit: Option<&Path>) -> Result<PathBuf, PdfError> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    for var in ["CHROME", "CHROMIUM"] {
        if let Some(p) = std::env::var_os(var).filter(|v| !v.is_empty()) {
            return Ok(PathBuf::from(p));
        }
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in NAMES {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    if Path::new(MAC).is_file() {
        return Ok(PathBuf::from(MAC));
    }
    Err(PdfError::NoBrowser {
        looked: format!("$CHROME, $CHROMIUM, {} on PATH", NAMES.join(", ")),
    })
}

/// Prints the built `page` (a file) on `paper` into `out`.
pub fn print(browser: &Path, page: &Path, paper: Paper, out: &Path) -> Result<(), PdfError> {
    // A profile of its own, so a running browser of the user's is neither used nor touched.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = std::env::temp_dir().join(format!("guide-pdf-{}-{n}", std::process::id()));
    let url = format!(
        "file://{}?paper={}",
        page.display()
            .to_string()
            .replace('%', "%25")
            .replace(' ', "%20")
            .replace('#', "%23"),
        paper.name()
    );
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-pdf-header-footer",
        "--virtual-time-budget=10000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--print-to-pdf={}", out.display()))
    .arg(url);
    if running_as_root() {
        // Chromium refuses to start as root with its sandbox (containers, CI).
        cmd.arg("--no-sandbox");
    }
    let _ = std::fs::remove_file(out);
    let result = cmd.output();
    let _ = std::fs::remove_dir_all(&profile);
    let result = result.map_err(|e| failed(browser, page, e.to_string()))?;
    if out.is_file() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&result.stderr);
    let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
    Err(failed(
        browser,
        page,
        format!("{}; {}", result.status, last.unwrap_or("no output")),
    ))
}

fn failed(browser: &Path, page: &Path, detail: String) -> PdfError {
    PdfError::Failed {
        browser: browser.display().to_string(),
        page: page.display().to_string(),
        detail,
    }
}

#[cfg(unix)]
fn running_as_root() -> bool {
    rustix::process::geteuid().is_root()
}

#[cfg(not(unix))]
fn running_as_root() -> bool {
    false
}
