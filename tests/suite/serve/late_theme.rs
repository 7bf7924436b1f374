//! A `themes/` folder made while `guide serve` runs is watched from then on: its static
//! files are served, its templates used, and a template error in it shown.

use std::time::{Duration, Instant};

use guide::BuildOptions;
use guide::serve::adapter::GuideSite;
use guide::serve::{self, ServeOptions};

use super::harness::{Ws, raw};
use crate::harness::GuideTest;

/// GETs `path` until its body contains `needle` (10 s at most).
async fn until(addr: std::net::SocketAddr, path: &str, needle: &str) {
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        let res = raw(
            addr,
            &format!(
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
                addr.port()
            ),
        )
        .await;
        if res.body.contains(needle) {
            return;
        }
        assert!(
            Instant::now() < end,
            "{path} never showed {needle:?}: {}",
            res.body
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_theme_folder_made_while_serving_is_watched() {
    let g = GuideTest::fixture("basic");
    assert!(!g.path("themes").exists());
    let handle = serve::start(
        GuideSite::new(BuildOptions {
            root: g.root.clone(),
            ..Default::default()
        }),
        ServeOptions {
            port: 0,
            quiet: true,
            ..ServeOptions::default()
        },
    )
    .await
    .expect("serve starts");
    let addr = handle.addr;
    let origin = format!("http://127.0.0.1:{}", addr.port());
    let mut ws = Ws::connect(addr, &origin).await.unwrap();
    // The folder and its first file at once, then more files once it is watched.
    g.write("themes/default/static/extra.css", "body { margin: 1px; }\n");
    until(addr, "/static/extra.css", "margin: 1px").await;
    g.write("themes/default/static/extra.css", "body { margin: 2px; }\n");
    until(addr, "/static/extra.css", "margin: 2px").await;
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html"),
    )
    .unwrap();
    g.write(
        "themes/default/templates/page.html",
        page.replacen("{%- block title -%}", "{%- block title -%}late theme ", 1),
    );
    until(addr, "/anatomy/", "late theme").await;
    // A template error in it is reported like any other.
    g.write(
        "themes/default/templates/page.html",
        format!("{page}{{% if %}}"),
    );
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        let msg = ws.next(Duration::from_secs(10)).await.expect("a message");
        if msg["type"] == "error" {
            assert!(msg.to_string().contains("page.html"), "{msg}");
            break;
        }
        assert!(Instant::now() < end, "no error message");
    }
    handle.shutdown().await;
}
