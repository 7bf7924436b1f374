//! Live reload over the real watcher: which message an edit sends, broken builds, the
//! one-save-one-rebuild rule for editor save patterns, and edit-to-message latency.

use std::time::Duration;

use super::harness::{Site, Ws};
use super::{PAGE, SECOND, site};
use guide::serve::ServeOptions;

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
    // Counted as the browser sees them: published rebuilds, one message each. (Under a
    // heavy load a build may start between two writes; it is then superseded, unpublished.)
    let site = site().await;
    let mut ws = site.ws().await;
    let quiet = Duration::from_millis(300);
    // Temp file, then rename over the target (most editors, atomic writes).
    site.write("index.html.tmp", "<body>via rename</body>");
    std::fs::rename(site.path("index.html.tmp"), site.path("index.html")).unwrap();
    assert_eq!(messages(&mut ws, quiet).await, ["reload"], "temp+rename");
    let last = site.changes.lock().unwrap().last().cloned().unwrap();
    assert_eq!(
        last,
        vec![site.path("index.html")],
        "mapped to the real target"
    );
    assert!(
        site.get_until("/", "via rename").await.status == 200,
        "the published build is the last one"
    );
    // Three writes in a row: the result of the last is what is served.
    let before = site.builds();
    for i in 0..3 {
        site.write("a/index.html", &format!("<body>write {i}</body>"));
    }
    assert_eq!(messages(&mut ws, quiet).await, ["reload"], "three writes");
    assert!(site.get("/a/").await.body.contains("write 2"));
    eprintln!("three writes: {} builder runs", site.builds() - before);
    // Vim: swap file and 4913 probe come and go.
    let before = site.builds();
    site.write(".index.html.swp", "swap");
    site.write("4913", "");
    std::fs::remove_file(site.path("4913")).unwrap();
    std::fs::remove_file(site.path(".index.html.swp")).unwrap();
    site.write("index.html~", "backup");
    let got = messages(&mut ws, quiet).await;
    assert!(got.len() <= 1, "swap files: {got:?}");
    assert!(site.builds() <= before + 1);
    // Output folder and plain reads never count.
    let before = site.builds();
    site.write("out/index.html", "generated");
    for rel in ["index.html", "style.css", "a/index.html"] {
        let _ = std::fs::read(site.path(rel)).unwrap();
    }
    assert_eq!(messages(&mut ws, quiet).await, Vec::<String>::new());
    assert_eq!(
        site.builds(),
        before,
        "reads and the output folder are not changes"
    );
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_inside_the_quiet_window_supersedes_the_build_before_it() {
    // A wide window, so that the gaps below are inside it even on a loaded machine.
    let opts = ServeOptions {
        debounce: Duration::from_millis(400),
        ..ServeOptions::default()
    };
    let site = Site::start_with(&[("index.html", PAGE)], opts).await;
    let mut ws = site.ws().await;
    let before = site.builds();
    // A half-written file that fails to build, then the rest of the save.
    site.write("index.html", "<body>BROKEN half</body>");
    tokio::time::sleep(Duration::from_millis(100)).await;
    site.write("index.html", "<body>whole</body>");
    assert_eq!(
        messages(&mut ws, Duration::from_millis(900)).await,
        ["reload"],
        "the superseded error is never shown"
    );
    assert_eq!(
        site.builds(),
        before + 2,
        "the first build ran while the save settled"
    );
    assert!(site.get("/").await.body.contains("whole"));
    site.handle.shutdown().await;
}

/// The types of the messages that arrive until none has for `quiet`.
async fn messages(ws: &mut Ws, quiet: Duration) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(msg) = ws.next(quiet).await {
        out.push(msg["type"].as_str().unwrap_or("?").to_string());
    }
    out
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
