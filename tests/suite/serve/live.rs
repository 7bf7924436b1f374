//! Live reload over the real watcher: which message an edit sends, broken builds, the
//! one-save-one-rebuild rule for editor save patterns, and edit-to-message latency.

use std::time::Duration;

use super::harness::Site;
use super::{PAGE, SECOND, site};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_send_reload_and_css_edits_send_a_swap() {
    let site = site().await;
    let mut ws = site.ws().await;
    site.write("index.html", &PAGE.replace("Hello", "Edited"));
    let msg = ws.next(5 * SECOND).await.expect("a message after an edit");
    assert_eq!(msg, serde_json::json!({"type": "reload"}));
    assert!(site.get("/").await.body.contains("Edited"));
    site.write("style.css", "h1 { color: blue }");
    let msg = ws
        .next(5 * SECOND)
        .await
        .expect("a message after a CSS edit");
    assert_eq!(
        msg,
        serde_json::json!({"type": "css", "files": ["/style.css"]})
    );
    assert_eq!(site.get("/style.css").await.body, "h1 { color: blue }");
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_build_keeps_the_last_good_site_and_reports_everywhere() {
    let site = site().await;
    let mut ws = site.ws().await;
    site.write(
        "index.html",
        "<html>\n<body>\n  <p>BROKEN</p>\n</body></html>",
    );
    let msg = ws.next(5 * SECOND).await.expect("error message");
    assert_eq!(msg["type"], "error");
    assert_eq!(
        msg["errors"][0],
        serde_json::json!({"file": "index.html", "line": 3, "col": 6, "message": "found BROKEN"})
    );
    assert!(msg["text"].as_str().unwrap().contains("index.html:3:6"));
    assert!(
        site.get("/").await.body.contains("Hello"),
        "last good build still served"
    );
    // A page opened now learns about the error at once.
    let mut late = site.ws().await;
    assert_eq!(
        late.next(2 * SECOND).await.expect("current error")["type"],
        "error"
    );
    // The fix reaches every page as a reload, which clears the overlay.
    site.write("index.html", PAGE);
    assert_eq!(
        ws.next(5 * SECOND).await.unwrap(),
        serde_json::json!({"type": "reload"})
    );
    assert_eq!(
        late.next(5 * SECOND).await.unwrap(),
        serde_json::json!({"type": "reload"})
    );
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_first_build_still_serves_and_recovers() {
    let site = Site::start(&[("index.html", "<body>BROKEN</body>")]).await;
    let res = site.get("/").await;
    assert_eq!(res.status, 503);
    assert!(
        res.body.contains("/__guide/ws"),
        "the page can still live-reload"
    );
    let mut ws = site.ws().await;
    assert_eq!(ws.next(2 * SECOND).await.unwrap()["type"], "error");
    site.write("index.html", "<body>fixed</body>");
    assert_eq!(ws.next(5 * SECOND).await.unwrap()["type"], "reload");
    assert_eq!(site.get("/").await.status, 200);
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editor_save_patterns_trigger_one_rebuild() {
    let site = site().await;
    let quiet = Duration::from_millis(300);
    // Temp file, then rename over the target (most editors, atomic writes).
    let before = site.builds();
    site.write("index.html.tmp", "<body>via rename</body>");
    std::fs::rename(site.path("index.html.tmp"), site.path("index.html")).unwrap();
    assert!(site.wait_builds(before + 1, 5 * SECOND).await);
    site.settle(quiet).await;
    assert_eq!(site.builds(), before + 1, "one rebuild for temp+rename");
    let last = site.changes.lock().unwrap().last().cloned().unwrap();
    assert_eq!(
        last,
        vec![site.path("index.html")],
        "mapped to the real target"
    );
    // Three writes in a row.
    let before = site.builds();
    for i in 0..3 {
        site.write("a/index.html", &format!("<body>write {i}</body>"));
    }
    assert!(site.wait_builds(before + 1, 5 * SECOND).await);
    site.settle(quiet).await;
    assert_eq!(
        site.builds(),
        before + 1,
        "one rebuild for three writes: {:?}",
        site.changes.lock().unwrap()
    );
    // Vim: swap file and 4913 probe come and go.
    let before = site.builds();
    site.write(".index.html.swp", "swap");
    site.write("4913", "");
    std::fs::remove_file(site.path("4913")).unwrap();
    std::fs::remove_file(site.path(".index.html.swp")).unwrap();
    site.write("index.html~", "backup");
    site.settle(quiet).await;
    assert!(
        site.builds() <= before + 1,
        "swap files: {} rebuilds",
        site.builds() - before
    );
    // Output folder and plain reads never count.
    let before = site.builds();
    site.write("out/index.html", "generated");
    for rel in ["index.html", "style.css", "a/index.html"] {
        let _ = std::fs::read(site.path(rel)).unwrap();
    }
    site.settle(quiet).await;
    assert_eq!(
        site.builds(),
        before,
        "reads and the output folder are not changes"
    );
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_deleted_and_renamed_files_and_folders_count() {
    let site = site().await;
    site.write("new.html", "<body>brand new</body>");
    assert_eq!(site.get_until("/new.html", "brand new").await.status, 200);
    std::fs::remove_file(site.path("new.html")).unwrap();
    assert!(site.get_until("/new.html", "Not here").await.status == 404);
    std::fs::create_dir_all(site.path("part/inner")).unwrap();
    site.write("part/inner/index.html", "<body>nested</body>");
    assert!(site.get_until("/part/inner/", "nested").await.status == 200);
    std::fs::rename(site.path("part"), site.path("moved")).unwrap();
    assert!(site.get_until("/moved/inner/", "nested").await.status == 200);
    assert_eq!(site.get_until("/part/inner/", "Not here").await.status, 404);
    std::fs::rename(site.path("style.css"), site.path("theme.css")).unwrap();
    assert_eq!(
        site.get_until("/theme.css", "h1 { color: red }")
            .await
            .status,
        200
    );
    std::fs::remove_dir_all(site.path("moved")).unwrap();
    assert_eq!(
        site.get_until("/moved/inner/", "Not here").await.status,
        404
    );
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_edit_in_a_row_gets_its_reload_message() {
    let site = site().await;
    let mut ws = site.ws().await;
    let mut times = Vec::new();
    for i in 0..9 {
        let started = std::time::Instant::now();
        site.write("index.html", &PAGE.replace("Hello", &format!("Edit {i}")));
        assert_eq!(ws.next(5 * SECOND).await.expect("reload")["type"], "reload");
        times.push(started.elapsed());
        site.settle(Duration::from_millis(50)).await;
    }
    times.sort();
    let median = times[times.len() / 2];
    // Printed, not asserted: speed is measured by examples/serve_latency.rs, not by tests.
    eprintln!("edit -> reload message: median {median:?}, all {times:?}");
    site.handle.shutdown().await;
}
