//! Photos in headless Chromium at a phone's width (390 px): the browser picks a small
//! variant, not the full-size copy; the zoom dialog opens with Enter and closes with Esc,
//! focus going back to the figure.

use fantoccini::{Locator, key::Key};
use serde_json::json;

use super::browser::{js, launch, tool, until};
use crate::harness::GuideTest;
use crate::photos::{BOOK, halves_jpeg};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_phone_gets_a_small_variant_and_zoom_works_by_keyboard() {
    let (chromium, driver) = (
        tool("GUIDE_CHROMIUM", "/usr/bin/chromium"),
        tool("GUIDE_CHROMEDRIVER", "/usr/bin/chromedriver"),
    );
    if !(chromium.exists() && driver.exists()) {
        assert!(std::env::var_os("GUIDE_REQUIRE_BROWSER").is_none());
        eprintln!("SKIPPED photos browser test: no Chromium/chromedriver");
        return;
    }
    let g = GuideTest::empty(BOOK);
    g.write("content/photo.jpg", halves_jpeg(3000, 2000));
    g.write(
        "content/_index.md",
        "# Photo\n\nText.\n\n![A red and blue card](photo.jpg)\n",
    );
    g.build_ok();
    let profile = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&chromium, &driver, profile.path()).await;
    c.set_window_size(390, 844).await.unwrap();
    let url = format!("file://{}", g.path("public/index.html").display());
    c.goto(&url).await.unwrap();
    let src = until(
        &c,
        "(function(){var i=document.querySelector('.figure img');return i && i.complete && i.currentSrc;})()",
        "the photo to load",
    )
    .await;
    let src = src.as_str().unwrap().to_string();
    assert!(src.ends_with(".480.webp"), "a 390 px phone got {src}");
    let width = js(
        &c,
        "return document.querySelector('.figure img').getBoundingClientRect().width;",
    )
    .await;
    assert!(width.as_f64().unwrap() <= 390.0, "{width}");

    // Zoom by keyboard: Enter on the figure's link opens the dialog, Esc closes it.
    let link = c.find(Locator::Css("a.figure-zoom")).await.unwrap();
    js(
        &c,
        "document.querySelector('a.figure-zoom').focus(); return 0;",
    )
    .await;
    link.send_keys(&Key::Enter.to_string()).await.unwrap();
    until(
        &c,
        "document.querySelector('dialog.zoom') && document.querySelector('dialog.zoom').open",
        "the zoom dialog",
    )
    .await;
    let inside = js(&c, "return [document.activeElement.className, document.querySelector('.zoom-body img').getAttribute('src')];").await;
    assert_eq!(inside, json!(["zoom-close", "./photo.jpg"]));
    c.active_element()
        .await
        .unwrap()
        .send_keys(&Key::Escape.to_string())
        .await
        .unwrap();
    until(
        &c,
        "!document.querySelector('dialog.zoom').open",
        "the dialog to close",
    )
    .await;
    let back = js(&c, "return document.activeElement.className;").await;
    assert_eq!(back, json!("figure-zoom"), "focus returns to the figure");
    c.close().await.unwrap();
}
