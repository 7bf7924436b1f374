//! Edit-to-browser latency of `guide serve`, and the incremental rebuild time behind it.
//!
//! ```sh
//! python3 ../shared/bench/gen_corpus.py 1000 --format guide --out /tmp/c1000
//! cargo run --release --example serve_latency -- /tmp/c1000 [EDITS]
//! ```
//! 1. Rebuild: `Session::rebuild` after a one-page edit, EDITS times (no server).
//! 2. Edit to browser: serves the guide, opens a page in headless Chromium (via chromedriver),
//!    writes a new marker into that page's Markdown, and takes the time from just before the
//!    write to the moment the reloaded page's DOM holds the marker (the page's own
//!    `performance.timing.domContentLoadedEventEnd`, on the same wall clock), EDITS times.
//!    Prints median and p90 of both.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::ClientBuilder;
use guide::pipeline::{BuildOptions, Session};
use guide::serve::{ServeOptions, adapter::GuideSite, start};
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
        .find(|k| k.ends_with("/index.html") && k.matches('/').count() == 2)
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
    for i in 0..edits {
        std::fs::write(&md, format!("{original}\n\nrebuild marker {i}\n")).unwrap();
        let t = Instant::now();
        let b = s.rebuild(std::slice::from_ref(&md)).unwrap();
        rebuilds.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(b.rendered, 1);
    }
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
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
    };
    wait(connected.to_string()).await;
    let mut latencies = Vec::new();
    let (mut to_reload, mut loading) = (Vec::new(), Vec::new());
    for i in 0..edits {
        let marker = format!("latency-marker-{i}-{}", now_ms() as u64);
        let before = now_ms();
        std::fs::write(&md, format!("{original}\n\n{marker}\n")).unwrap();
        wait(format!(
            "return document.body && document.body.textContent.includes('{marker}');"
        ))
        .await;
        let shown = c
            .execute(
                "return performance.timing.domContentLoadedEventEnd;",
                vec![],
            )
            .await
            .unwrap()
            .as_f64()
            .unwrap();
        latencies.push(shown - before);
        let start = c
            .execute("return performance.timing.navigationStart;", vec![])
            .await
            .unwrap()
            .as_f64()
            .unwrap();
        to_reload.push(start - before);
        loading.push(shown - start);
        wait(connected.to_string()).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let (m, p) = stats(latencies);
    println!("edit to browser: median {m:.0} ms, p90 {p:.0} ms ({edits} edits, page /{url})");
    let ((rm, _), (lm, _)) = (stats(to_reload), stats(loading));
    println!(
        "  of which: edit to reload start (watch, debounce, rebuild, WebSocket) median {rm:.0} ms; page load median {lm:.0} ms"
    );
    std::fs::write(&md, &original).unwrap();
    let _ = c.close().await;
    let _ = driver.kill();
    let _ = driver.wait();
    handle.shutdown().await;
}
