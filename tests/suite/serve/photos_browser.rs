//! Photos in headless Chromium at a phone's width (390 px): the browser picks a small
//! variant, not the full-size copy; the zoom dialog opens with Enter and closes with Esc,
//! focus going back to the figure; an animated GIF shows its still to a reader who asks
//! for reduced motion, and a video never plays by itself; and in `guide serve`, a replaced
//! photo is processed and swapped into the open page.

use fantoccini::{Locator, key::Key};
use serde_json::json;

use super::browser::{CONNECTED, js, launch, launch_with, tool, until};
use crate::harness::GuideTest;
use crate::photos::{BOOK, animated_gif, halves_jpeg, tiny_webm};

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

/// With the reader's reduced-motion preference, Chromium picks the GIF's still (and without
/// it, the animation); the video figure is paused with its controls.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_reduced_motion_gets_the_still_and_nothing_plays() {
    let (chromium, driver) = (
        tool("GUIDE_CHROMIUM", "/usr/bin/chromium"),
        tool("GUIDE_CHROMEDRIVER", "/usr/bin/chromedriver"),
    );
    if !(chromium.exists() && driver.exists()) {
        assert!(std::env::var_os("GUIDE_REQUIRE_BROWSER").is_none());
        eprintln!("SKIPPED reduced-motion browser test: no Chromium/chromedriver");
        return;
    }
    let g = GuideTest::empty(BOOK);
    g.write("content/anim.gif", animated_gif(120, 80));
    g.write("content/clip.webm", tiny_webm(64, 48));
    g.write(
        "content/_index.md",
        "# Moving\n\nText.\n\n![A moving card](anim.gif)\n\n![A short clip](clip.webm)\n",
    );
    g.build_ok();
    let url = format!("file://{}", g.path("public/index.html").display());
    let shown = "(function(){var i=document.querySelector('.figure img');return i && i.complete && i.currentSrc;})()";
    for (flags, want_still) in [
        (&["--force-prefers-reduced-motion"][..], true),
        (&[][..], false),
    ] {
        let profile = tempfile::tempdir().unwrap();
        let (_driver, c) = launch_with(&chromium, &driver, profile.path(), flags).await;
        c.goto(&url).await.unwrap();
        let src = until(&c, shown, "the GIF figure to load").await;
        let src = src.as_str().unwrap().to_string();
        let reduce = js(
            &c,
            "return matchMedia('(prefers-reduced-motion: reduce)').matches;",
        )
        .await;
        assert_eq!(reduce, json!(want_still), "the flag sets the preference");
        assert_eq!(
            !src.ends_with("/anim.gif"),
            want_still,
            "flags {flags:?}: {src}"
        );
        let video = js(
            &c,
            "var v=document.querySelector('.figure video');return [v.paused, v.autoplay, v.controls];",
        )
        .await;
        assert_eq!(
            video,
            json!([true, false, true]),
            "the video waits for the reader"
        );
        c.close().await.unwrap();
    }
}

/// `guide serve`: replacing a photo re-processes it (the other photo comes from the memo)
/// and the open page's body is swapped in place, its `<img>` now showing the new variant.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_a_changed_photo_is_hot_swapped_in_serve() {
    let (chromium, driver) = (
        tool("GUIDE_CHROMIUM", "/usr/bin/chromium"),
        tool("GUIDE_CHROMEDRIVER", "/usr/bin/chromedriver"),
    );
    if !(chromium.exists() && driver.exists()) {
        assert!(std::env::var_os("GUIDE_REQUIRE_BROWSER").is_none());
        eprintln!("SKIPPED photos serve test: no Chromium/chromedriver");
        return;
    }
    let g = GuideTest::empty(BOOK);
    g.write("content/photo.jpg", halves_jpeg(1000, 600));
    g.write("content/other.jpg", halves_jpeg(900, 600));
    g.write(
        "content/_index.md",
        "# Photo\n\nText.\n\n![A red and blue card](photo.jpg)\n\n![Another](other.jpg)\n",
    );
    let handle = super::e2e::serve_guide(&g.root).await;
    let profile = tempfile::tempdir().unwrap();
    let (_driver, c) = launch(&chromium, &driver, profile.path()).await;
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&handle.url).await.unwrap();
    until(&c, CONNECTED, "live reload to connect").await;
    let current = "(function(){var i=document.querySelector('.figure img');return i && i.complete && i.naturalWidth > 0 && i.currentSrc;})()";
    let before = until(&c, current, "the photo to load").await;
    let before = before.as_str().unwrap().to_string();
    js(&c, "window.__marker = 3; return null;").await;
    // A new photo at the same path: other pixels, other size (so another cache key).
    g.write("content/photo.jpg", halves_jpeg(700, 700));
    let changed = format!(
        "(function(){{var i=document.querySelector('.figure img');return i && i.complete && i.naturalWidth > 0 && i.currentSrc !== {before:?} && [i.currentSrc, i.naturalWidth, i.naturalHeight, i.getAttribute('width')];}})()"
    );
    let after = until(&c, &changed, "the new photo in the open page").await;
    let src = after[0].as_str().unwrap();
    assert!(src.ends_with(".480.webp"), "{src}");
    // (naturalWidth is in CSS px of the chosen density, not the file's pixels.)
    assert_eq!(after[1], after[2], "the new photo is square: {after}");
    assert_eq!(after[3], json!("700"), "its new intrinsic width");
    let swapped = js(
        &c,
        "return [window.__marker, window.__guideLiveReload.swaps];",
    )
    .await;
    assert_eq!(swapped, json!([3, 1]), "swapped in place, not reloaded");
    // Both versions of photo.jpg and the unchanged other.jpg are in the shared cache.
    let entries = std::fs::read_dir(g.path(".guide-cache/images"))
        .unwrap()
        .filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count();
    assert_eq!(entries, 3, "two versions of photo.jpg and other.jpg");
    c.close().await.unwrap();
    handle.shutdown().await;
}
