//! End to end through the real pipeline: `guide serve` on a fixture guide in headless
//! Chromium (edit a page, swap CSS, break and fix a template, remove and add pages), and
//! the bundled guide's search box typed into and followed.

use fantoccini::Locator;
use serde_json::json;

use guide::BuildOptions;
use guide::Theme;
use guide::serve::adapter::GuideSite;
use guide::serve::{self, ServeOptions};

use super::browser::{CONNECTED, js, launch, tool, until};
use crate::harness::GuideTest;

/// Chromium and chromedriver, or None (skip) when absent and not required.
fn browser(test: &str) -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let (chromium, driver) = (
        tool("GUIDE_CHROMIUM", "/usr/bin/chromium"),
        tool("GUIDE_CHROMEDRIVER", "/usr/bin/chromedriver"),
    );
    if chromium.exists() && driver.exists() {
        return Some((chromium, driver));
    }
    assert!(
        std::env::var_os("GUIDE_REQUIRE_BROWSER").is_none(),
        "GUIDE_REQUIRE_BROWSER is set but Chromium is missing"
    );
    eprintln!(
        "SKIPPED {test}: no Chromium/chromedriver (set GUIDE_REQUIRE_BROWSER to fail instead)"
    );
    None
}

pub(super) async fn serve_guide(root: &std::path::Path) -> serve::ServerHandle {
    let site = GuideSite::new(BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    });
    serve::start(
        site,
        ServeOptions {
            port: 0,
            quiet: true,
            ..ServeOptions::default()
        },
    )
    .await
    .expect("serve starts")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_follows_edits_of_a_real_guide() {
    let Some((chromium, driver)) = browser("serve_follows_edits_of_a_real_guide") else {
        return;
    };
    let g = GuideTest::fixture("basic");
    // A project theme override, so its CSS and template can be edited while serving.
    let theme = Theme::embedded();
    let css = String::from_utf8(theme.files["static/style.css"].bytes.to_vec()).unwrap();
    let page = String::from_utf8(theme.files["templates/page.html"].bytes.to_vec()).unwrap();
    g.write("themes/default/static/style.css", &css);
    g.write("themes/default/templates/page.html", &page);
    let handle = serve_guide(&g.root).await;
    let profile = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&chromium, &driver, profile.path()).await;
    let url = format!("{}anatomy/", handle.url);
    c.goto(&url).await.unwrap();
    until(&c, CONNECTED, "live reload to connect").await;

    // Markdown edit: the new body is swapped in place (no navigation, same scroll), and the
    // theme script is set up again exactly once: one timer per hold, one toggle handler,
    // one "/" handler.
    let y = js(
        &c,
        "window.scrollTo({top: 150, behavior: 'instant'}); window.__marker = 5; return window.scrollY;",
    )
    .await;
    assert!(y.as_f64().unwrap() > 100.0, "the page scrolled: {y}");
    g.edit(
        "content/01-anatomy.md",
        "Intro with",
        "An edited intro with",
    );
    until(
        &c,
        "document.querySelector('main').textContent.includes('An edited intro')",
        "the edited text",
    )
    .await;
    let after = js(
        &c,
        "var h = document.querySelectorAll('.hold').length;
         return [window.__marker, window.__guideLiveReload.swaps, window.scrollY,
                 h > 0 && document.querySelectorAll('.hold-timer').length === h];",
    )
    .await;
    assert_eq!(
        after,
        json!([5, 1, y, true]),
        "swapped in place: [marker, swaps, scrollY, timers]"
    );
    let behaviour = js(
        &c,
        "var d = document.documentElement, before = d.getAttribute('data-theme');
         document.querySelector('.theme-toggle').click();
         var flipped = d.getAttribute('data-theme') !== before && d.getAttribute('data-theme') !== null;
         document.querySelector('.hold-start').click();
         var timer = document.querySelector('.hold-start').textContent;
         document.dispatchEvent(new KeyboardEvent('keydown', {key: '/', bubbles: true, cancelable: true}));
         return [flipped, timer, document.activeElement && document.activeElement.id];",
    )
    .await;
    assert_eq!(
        behaviour,
        json!([true, "Stop", "guide-search-input"]),
        "theme toggle, hold timer and search key work after the swap"
    );

    // CSS edit: the stylesheet is swapped in place, no navigation.
    js(&c, "window.__marker = 7; return null;").await;
    g.write(
        "themes/default/static/style.css",
        format!("{css}\nh1.page-title {{ color: rgb(1, 2, 3) }}\n"),
    );
    until(
        &c,
        "getComputedStyle(document.querySelector('h1.page-title')).color === 'rgb(1, 2, 3)'",
        "new CSS",
    )
    .await;
    assert_eq!(
        js(&c, "return window.__marker;").await,
        json!(7),
        "CSS change must not reload"
    );

    // A diagram edit shows in the figure that inlines it.
    g.edit(
        "content/diagrams/muscle.svg",
        "</svg>",
        "<circle class=\"added-dot\" r=\"3\"/></svg>",
    );
    until(
        &c,
        "!!document.querySelector('figure svg .added-dot')",
        "the edited diagram",
    )
    .await;

    // A changed theme script cannot be swapped into a running page: a real reload.
    let guide_js = String::from_utf8(theme.files["static/guide.js"].bytes.to_vec()).unwrap();
    g.write(
        "themes/default/static/guide.js",
        format!("{guide_js}\n/* edited */\n"),
    );
    until(
        &c,
        "window.__marker === undefined && !!window.guide",
        "a full reload for a new script",
    )
    .await;
    until(&c, CONNECTED, "reconnect after the reload").await;

    // A template syntax error: overlay naming file:line; the last good page stays; the fix clears it.
    let broken = page.replacen("{%- block title -%}", "{%- block title -%}{% if %}", 1);
    assert_ne!(broken, page, "the template was broken");
    g.write("themes/default/templates/page.html", broken);
    let overlay = "document.getElementById('__guide_error_overlay')";
    let text = until(
        &c,
        &format!("{overlay} && {overlay}.textContent"),
        "the error overlay",
    )
    .await;
    assert!(
        text.as_str()
            .unwrap()
            .contains("themes/default/templates/page.html:"),
        "{text}"
    );
    assert!(
        js(
            &c,
            "return document.querySelector('main').textContent.includes('An edited intro');"
        )
        .await
            == json!(true)
    );
    g.write("themes/default/templates/page.html", &page);
    until(&c, &format!("!{overlay}"), "the overlay to go").await;
    until(&c, CONNECTED, "reconnect after the fix").await;

    // Removing the previous page drops it from the navigation; a new page is served.
    assert_eq!(
        js(
            &c,
            "return !!document.querySelector('a[rel=prev][href=\"../location/\"]');"
        )
        .await,
        json!(true)
    );
    std::fs::remove_file(g.path("content/02-location.md")).unwrap();
    until(
        &c,
        "!document.querySelector('a[href=\"../location/\"]')",
        "the removed page to leave the nav",
    )
    .await;
    g.write("content/07-added.md", "# Added page\n\nFresh text.\n");
    until(&c, "document.querySelector('nav[aria-label=Guide]') && document.querySelector('nav[aria-label=Guide]').textContent.includes('Added page')", "the new page in the nav").await;
    c.goto(&format!("{}added/", handle.url)).await.unwrap();
    until(&c, "document.querySelector('main') && document.querySelector('main').textContent.includes('Fresh text')", "the new page").await;

    c.close().await.unwrap();
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_box_finds_and_highlights() {
    let Some((chromium, driver)) = browser("search_box_finds_and_highlights") else {
        return;
    };
    let g = GuideTest::bundled();
    let handle = serve_guide(&g.root).await;
    let profile = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&chromium, &driver, profile.path()).await;
    c.goto(&handle.url).await.unwrap();
    let input = c
        .find(Locator::Id("guide-search-input"))
        .await
        .expect("a search box");
    input.send_keys("lacrosse ball").await.unwrap();
    let first = "document.querySelector('#guide-search-results a')";
    let href = until(
        &c,
        &format!("{first} && {first}.getAttribute('href')"),
        "search results",
    )
    .await;
    assert!(
        href.as_str().unwrap().contains("release/"),
        "first result {href}"
    );
    let results = js(
        &c,
        "return document.getElementById('guide-search-results').textContent;",
    )
    .await;
    assert!(
        results
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("lacrosse"),
        "snippet shows the match: {results}"
    );
    c.find(Locator::Css("#guide-search-results a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until(
        &c,
        "location.pathname.endsWith('/release/')",
        "the release page",
    )
    .await;
    let hit = until(&c, "document.querySelector('mark.search-hit') && document.querySelector('mark.search-hit').textContent", "a highlighted match").await;
    assert!(
        hit.as_str().unwrap().to_lowercase().contains("lacrosse")
            || hit.as_str().unwrap().to_lowercase().contains("ball"),
        "{hit}"
    );
    c.close().await.unwrap();
    handle.shutdown().await;
}

/// GET over a raw socket (no HTTP client dependency), returning the body.
async fn get(addr: std::net::SocketAddr, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!(
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
        addr.port()
    );
    s.write_all(req.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).await.unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_with_a_relative_root_sees_edits() {
    // Regression: a relative project root never matched the watcher's absolute paths.
    let g = GuideTest::fixture("basic");
    let cwd = std::env::current_dir().unwrap();
    let up = "../".repeat(cwd.components().count() - 1);
    let relative = std::path::PathBuf::from(format!(
        "{up}{}",
        g.root.display().to_string().trim_start_matches('/')
    ));
    assert!(relative.is_relative() && relative.join("book.toml").is_file());
    let handle = serve_guide(&relative).await;
    assert!(get(handle.addr, "/anatomy/").await.contains("Intro with"));
    g.edit("content/01-anatomy.md", "Intro with", "Relative edit with");
    let end = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !get(handle.addr, "/anatomy/")
        .await
        .contains("Relative edit with")
    {
        assert!(std::time::Instant::now() < end, "the edit never arrived");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    handle.shutdown().await;
}
