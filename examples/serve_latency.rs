//! Edit-to-browser latency of `guide serve`, and the incremental rebuild time behind it.
//!
//! ```sh
//! python3 ../shared/bench/gen_corpus.py 1000 --format guide --out /tmp/c1000
//! cargo run --release --example serve_latency -- /tmp/c1000 [EDITS]
//! ```
//! 1. Rebuild: `Session::rebuild` after a one-page edit, EDITS times (no server).
//! 2. Edit to browser: serves the guide, opens a page in headless Chromium (via chromedriver),
//!    writes a new marker into that page's Markdown, and takes the time from just before the
//!    write to the moment the page's DOM holds the marker, EDITS times, on the same wall
//!    clock. An in-place swap is timed by a `MutationObserver` installed before the write;
//!    a full reload by the new page's `performance.timing.domContentLoadedEventEnd`. Also
//!    the first animation frame after that (the paint). Prints median and p90.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::ClientBuilder;
use guide::serve::{ServeOptions, adapter::GuideSite, start};
use guide::{BuildOptions, Session};
use serde_json::{Value, json};

fn stats(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (
        v[v.len() / 2],
        v[((v.len() as f64) * 0.9).ceil() as usize - 1],
    )
}

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
        * 1000.0
}

/// The first non-index page of the corpus: (markdown path, URL path).
fn pick_page(root: &Path) -> (PathBuf, String) {
    let built = guide::build(&BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    })
    .expect("the corpus builds");
    let url = built
        .tree
        .files
        .keys()
        .find(|k| {
            // A content page: not one of the site-wide folders (the print view's parts are
            // `print/N/index.html` too).
            let site_wide = ["print/", "handout/", "search/", "static/"];
            k.ends_with("/index.html")
                && k.matches('/').count() == 2
                && !site_wide.iter().any(|p| k.starts_with(p))
        })
        .expect("a nested page")
        .clone();
    let url = url.trim_end_matches("index.html").to_string();
    let content = root.join("content");
    for e in walkdir::WalkDir::new(&content) {
        let e = e.unwrap();
        let rel = e
            .path()
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .replace(".md", "/");
        let strip = |s: &str| {
            s.split('/')
                .map(|seg| {
                    seg.trim_start_matches(|c: char| c.is_ascii_digit())
                        .trim_start_matches('-')
                        .to_string()
                })
                .collect::<Vec<_>>()
                .join("/")
        };
        if e.path().extension().is_some_and(|x| x == "md") && (rel == url || strip(&rel) == url) {
            return (e.path().to_path_buf(), url);
        }
    }
    panic!("no Markdown file for {url}");
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = PathBuf::from(
        args.get(1)
            .expect("usage: serve_latency CORPUS_DIR [EDITS]"),
    );
    let edits: usize = args.get(2).map_or(20, |n| n.parse().unwrap());
    let (md, url) = pick_page(&root);
    let original = std::fs::read_to_string(&md).unwrap();

    // 1. The rebuild alone.
    let mut s = Session::new(BuildOptions {
        root: root.clone(),
        ..Default::default()
    });
    let t = Instant::now();
    s.build().unwrap();
    println!(
        "first build: {:.0} ms ({})",
        t.elapsed().as_secs_f64() * 1000.0,
        root.display()
    );
    let mut rebuilds = Vec::new();
    let mut phases: Vec<(&str, f64)> = Vec::new();
    for i in 0..edits {
        std::fs::write(&md, format!("{original}\n\nrebuild marker {i}\n")).unwrap();
        let t = Instant::now();
        let b = s.rebuild(std::slice::from_ref(&md)).unwrap();
        rebuilds.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(b.rendered, 1);
        for (k, (name, d)) in b.timings.iter().enumerate() {
            if phases.len() <= k {
                phases.push((name, 0.0));
            }
            phases[k].1 += d.as_secs_f64() * 1000.0 / edits as f64;
        }
    }
    let phases: Vec<String> = phases
        .iter()
        .map(|(n, ms)| format!("{n} {ms:.1}"))
        .collect();
    println!("  mean ms per phase: {}", phases.join(", "));
    let (m, p) = stats(rebuilds);
    println!("rebuild after a one-page edit: median {m:.1} ms, p90 {p:.1} ms ({edits} edits)");

    // 2. Edit to browser.
    std::fs::write(&md, &original).unwrap();
    let handle = start(
        GuideSite::new(BuildOptions {
            root: root.clone(),
            ..Default::default()
        }),
        ServeOptions {
            port: 0,
            quiet: true,
            ..ServeOptions::default()
        },
    )
    .await
    .unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let profile = tempfile::tempdir().unwrap();
    let Value::Object(caps) = json!({"goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", format!("--user-data-dir={}", profile.path().display())]}})
    else {
        unreachable!()
    };
    let c = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("webdriver");
    c.goto(&format!("{}{url}", handle.url)).await.unwrap();
    let connected = "return !!(window.__guideLiveReload && window.__guideLiveReload.connected);";
    let wait = |expr: String| {
        let c = c.clone();
        async move {
            let end = Instant::now() + Duration::from_secs(20);
            loop {
                if c.execute(&expr, vec![]).await.unwrap_or(Value::Null) == json!(true) {
                    return;
                }
                assert!(Instant::now() < end, "timed out: {expr}");
                // Timing is taken in the page; slow polling keeps chromedriver off the CPU.
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    };
    wait(connected.to_string()).await;
    let mut latencies = Vec::new();
    let (mut painted, mut told) = (Vec::new(), Vec::new());
    let mut reloads = 0;
    for i in 0..edits {
        let marker = format!("latency-marker-{i}-{}", now_ms() as u64);
        c.execute(
            "var m = arguments[0]; window.__seen = 0; window.__painted = 0;
             var o = new MutationObserver(function () {
               if (window.__seen || !document.body.textContent.includes(m)) return;
               window.__seen = Date.now(); o.disconnect();
               requestAnimationFrame(function () { window.__painted = Date.now(); });
             });
             o.observe(document.documentElement, {childList: true, subtree: true, characterData: true});
             return null;",
            vec![json!(marker)],
        )
        .await
        .unwrap();
        let before = now_ms();
        std::fs::write(&md, format!("{original}\n\n{marker}\n")).unwrap();
        wait(format!(
            "return document.body && document.body.textContent.includes('{marker}') && (window.__seen === undefined || window.__painted > 0);"
        ))
        .await;
        let times = c
            .execute(
                "return [window.__seen || 0, window.__painted || 0, performance.timing.domContentLoadedEventEnd, window.__guideLiveReload.messageAt || 0];",
                vec![],
            )
            .await
            .unwrap();
        let t = |k: usize| times[k].as_f64().unwrap_or(0.0);
        if t(0) > 0.0 {
            latencies.push(t(0) - before);
            painted.push(t(1) - before);
            told.push(t(3) - before);
        } else {
            reloads += 1;
            latencies.push(t(2) - before);
        }
        wait(connected.to_string()).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let (m, p) = stats(latencies);
    println!(
        "edit to browser (DOM holds the edit): median {m:.0} ms, p90 {p:.0} ms ({edits} edits, {} swapped in place, {reloads} full reloads, page /{url})",
        edits - reloads
    );
    if !painted.is_empty() {
        let (m, p) = stats(painted);
        println!("  to the next animation frame: median {m:.0} ms, p90 {p:.0} ms");
        let (m, p) = stats(told);
        println!(
            "  to the WebSocket message (watch, quiet window, rebuild, send): median {m:.0} ms, p90 {p:.0} ms"
        );
    }
    std::fs::write(&md, &original).unwrap();
    let _ = c.close().await;
    let _ = driver.kill();
    let _ = driver.wait();
    handle.shutdown().await;
}
