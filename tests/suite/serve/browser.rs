//! Live reload in a real headless Chromium, driven through chromedriver by fantoccini.
//!
//! Skips (with a printed reason) when Chromium or chromedriver is missing, unless
//! `GUIDE_REQUIRE_BROWSER` is set (CI), in which case a missing browser is a failure.
//! Paths can be overridden with `GUIDE_CHROMIUM` and `GUIDE_CHROMEDRIVER`.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

use guide::serve::{self, ServeOptions};

use super::harness::{Site, builder_for};

const TIMEOUT: Duration = Duration::from_secs(10);

pub(super) fn tool(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default))
}

/// The browser console's entries since the last call (chromedriver's `se/log`, which the
/// session's `goog:loggingPrefs` turns on): `[{level, message, source, timestamp}]`.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

/// The console errors (level SEVERE) logged since the last call, as `source: message`.
pub(super) async fn console_errors(client: &Client) -> Vec<String> {
    let log = client.issue_cmd(BrowserLog).await.expect("the browser log");
    log.as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["level"] == "SEVERE")
        .map(|e| format!("{}: {}", e["source"], e["message"]))
        .collect()
}

/// Kills chromedriver when the test ends, however it ends.
pub(super) struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(super) async fn launch(
    chromium: &PathBuf,
    driver: &PathBuf,
    profile: &std::path::Path,
) -> (Driver, Client) {
    launch_with(chromium, driver, profile, &[]).await
}

/// [`launch`] with more Chromium flags (e.g. `--force-prefers-reduced-motion`).
pub(super) async fn launch_with(
    chromium: &PathBuf,
    driver: &PathBuf,
    profile: &std::path::Path,
    extra: &[&str],
) -> (Driver, Client) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver(child);
    let end = Instant::now() + TIMEOUT;
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(
            Instant::now() < end,
            "chromedriver did not listen on {port}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut args = vec![
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--no-first-run".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    args.extend(extra.iter().map(|a| a.to_string()));
    let caps = json!({"goog:chromeOptions": {"binary": chromium, "args": args},
        "goog:loggingPrefs": {"browser": "ALL"}});
    let Value::Object(caps) = caps else {
        unreachable!()
    };
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client = ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session");
    (driver, client)
}

/// Evaluates `expr` (a JS expression) until it is truthy; panics with `what` after 10 s.
pub(super) async fn until(client: &Client, expr: &str, what: &str) -> Value {
    let end = Instant::now() + TIMEOUT;
    loop {
        let value = client
            .execute(&format!("return ({expr});"), vec![])
            .await
            .unwrap_or(Value::Null);
        let truthy = !matches!(&value, Value::Null | Value::Bool(false))
            && value != json!("")
            && value != json!(0);
        if truthy {
            return value;
        }
        assert!(
            Instant::now() < end,
            "timed out waiting for {what} ({expr})"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

pub(super) async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.expect("script runs")
}

pub(super) const CONNECTED: &str = "window.__guideLiveReload && window.__guideLiveReload.connected";

fn page(text: &str) -> String {
    format!(
        "<!doctype html><html><head><link rel=stylesheet href=\"../static/style.1a2b3c4d.css\"></head><body>\n\
         <h1 id=t>{text}</h1><div style=\"height:4000px\"></div><p id=end>end</p>\n</body></html>"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_live_reload_css_swap_overlay_and_pages() {
    let (chromium, driver) = (
        tool("GUIDE_CHROMIUM", "/usr/bin/chromium"),
        tool("GUIDE_CHROMEDRIVER", "/usr/bin/chromedriver"),
    );
    if !chromium.exists() || !driver.exists() {
        let why = format!(
            "browser tests need {} and {}",
            chromium.display(),
            driver.display()
        );
        assert!(
            std::env::var_os("GUIDE_REQUIRE_BROWSER").is_none(),
            "GUIDE_REQUIRE_BROWSER is set but {why}"
        );
        eprintln!(
            "SKIPPED browser_live_reload_css_swap_overlay_and_pages: {why} (set GUIDE_REQUIRE_BROWSER to fail instead)"
        );
        return;
    }
    let site = Site::start(&[
        ("index.html", &page("one")),
        (
            "other.html",
            "<!doctype html><body><p id=o>other page</p></body>",
        ),
        ("static/style.1a2b3c4d.css", "#t { color: rgb(255, 0, 0) }"),
        (
            "404.html",
            "<!doctype html><body><p id=nf>Not here</p></body>",
        ),
    ])
    .await;
    let profile = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&chromium, &driver, profile.path()).await;
    let url = site.handle.url.clone();

    c.goto(&url).await.unwrap();
    until(&c, CONNECTED, "live reload to connect").await;

    // A page edit reloads and keeps the scroll position.
    js(
        &c,
        "window.scrollTo(0, 1200); window.__marker = 1; return null;",
    )
    .await;
    site.write("index.html", &page("two"));
    until(
        &c,
        "document.getElementById('t') && document.getElementById('t').textContent === 'two'",
        "edited text",
    )
    .await;
    until(&c, CONNECTED, "reconnect after reload").await;
    assert_eq!(
        js(&c, "return window.__marker === undefined;").await,
        json!(true),
        "it was a reload"
    );
    let y = until(&c, "window.scrollY", "scroll restored")
        .await
        .as_f64()
        .unwrap();
    assert!((y - 1200.0).abs() < 2.0, "scroll position kept, got {y}");

    // A CSS edit swaps the stylesheet without a navigation, matched by the name before
    // the fingerprint (the new file arrives by an atomic rename, as a pipeline writes it).
    js(&c, "window.__marker = 1; return null;").await;
    let color = "getComputedStyle(document.getElementById('t')).color";
    assert_eq!(
        js(&c, &format!("return {color};")).await,
        json!("rgb(255, 0, 0)")
    );
    site.write("static/.style.partial", "#t { color: rgb(0, 0, 255) }");
    std::fs::rename(
        site.path("static/.style.partial"),
        site.path("static/style.9f8e7d6c.css"),
    )
    .unwrap();
    until(
        &c,
        &format!("{color} === 'rgb(0, 0, 255)'"),
        "new CSS to apply",
    )
    .await;
    assert_eq!(
        js(&c, "return window.__marker;").await,
        json!(1),
        "no navigation for CSS"
    );
    let href = js(
        &c,
        "return document.querySelector('link[rel=stylesheet]').href;",
    )
    .await;
    assert!(
        href.as_str()
            .unwrap()
            .contains("/static/style.9f8e7d6c.css?"),
        "swapped href: {href}"
    );

    // A broken build shows the overlay with file:line; the fix clears it.
    site.write("index.html", &page("BROKEN"));
    let overlay = "document.getElementById('__guide_error_overlay')";
    let text = until(
        &c,
        &format!("{overlay} && {overlay}.textContent"),
        "error overlay",
    )
    .await;
    assert!(
        text.as_str().unwrap().contains("index.html:2:"),
        "overlay names file:line: {text}"
    );
    assert_eq!(
        js(&c, &format!("return {overlay}.getAttribute('role');")).await,
        json!("alert")
    );
    let z = js(&c, &format!("return getComputedStyle({overlay}).zIndex + ' ' + getComputedStyle({overlay}).position;")).await;
    assert_eq!(z, json!("2147483647 fixed"));
    assert_eq!(
        js(&c, "return document.getElementById('t').textContent;").await,
        json!("two"),
        "last good page"
    );
    site.write("index.html", &page("three"));
    until(
        &c,
        &format!("!{overlay} && document.getElementById('t').textContent === 'three'"),
        "overlay gone",
    )
    .await;

    // Adding a page serves it; deleting the open page reloads it into the 404 page.
    site.write(
        "added.html",
        "<!doctype html><body><p id=a>added page</p></body>",
    );
    site.get_until("/added.html", "added page").await;
    c.goto(&format!("{url}added.html")).await.unwrap();
    until(&c, "document.getElementById('a')", "the added page").await;
    c.goto(&format!("{url}other.html")).await.unwrap();
    until(&c, CONNECTED, "live reload on the other page").await;
    std::fs::remove_file(site.path("other.html")).unwrap();
    until(
        &c,
        "document.getElementById('nf')",
        "the 404 page after deleting the open page",
    )
    .await;

    // The server stops and comes back on the same port: the page reconnects and reloads.
    c.goto(&url).await.unwrap();
    until(&c, CONNECTED, "live reload on the home page").await;
    js(&c, "window.__marker = 2; return null;").await;
    let port = site.handle.addr.port();
    site.handle.shutdown().await;
    until(
        &c,
        &format!("!({CONNECTED})"),
        "the client to notice the server left",
    )
    .await;
    std::fs::write(site.root.join("index.html"), page("after restart")).unwrap();
    let opts = ServeOptions {
        port,
        quiet: true,
        ..ServeOptions::default()
    };
    let again = serve::start(builder_for(&site.root), opts)
        .await
        .expect("restart on the same port");
    let back = "window.__marker === undefined && document.getElementById('t').textContent === 'after restart'";
    until(&c, back, "a reload once the server is back").await;

    c.close().await.unwrap();
    again.shutdown().await;
}
