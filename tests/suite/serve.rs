//! `guide serve` over real HTTP: a server on port 0 with a fake builder over a temp folder.
//! Here: routing, content types, traversal, host/origin checks, floods, ports. The
//! live-reload protocol and the watcher are in `live`, real-browser tests in `browser`.

mod browser;
mod e2e;
mod hardening;
mod harness;
mod late_theme;
mod live;
mod photos_browser;
mod search_browser;

use std::time::Duration;

use guide::serve::{self, ServeError, ServeOptions};
use harness::{Site, Ws, builder_for, raw};

const PAGE: &str = "<!doctype html><html><head><link rel=stylesheet href=/style.css></head>\
                    <body><h1 id=t>Hello</h1></body></html>";
const SECOND: Duration = Duration::from_secs(1);

async fn site() -> Site {
    Site::start(&[
        ("index.html", PAGE),
        ("a/index.html", "<html><body>in a</body></html>"),
        ("style.css", "h1 { color: red }"),
        ("app.js", "console.log(1)"),
        ("pic.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("img.png", "png"),
        ("photo.jpg", "jpg"),
        ("data.json", "{}"),
        ("sitemap.xml", "<urlset/>"),
        ("robots.txt", "User-agent: *"),
        ("font.woff2", "w"),
        ("404.html", "<html><body>Not here</body></html>"),
    ])
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_files_with_types_folders_and_no_store() {
    let site = site().await;
    let home = site.get("/").await;
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        home.body
            .contains("<h1 id=t>Hello</h1><script id=\"__guide_live\">"),
        "script injected before </body>"
    );
    assert!(home.body.contains("/__guide/ws") && home.body.ends_with("</script></body></html>"));
    assert_eq!(site.get("/a/").await.body.matches("in a").count(), 1);
    let folder = site.get("/a?x=1").await;
    assert_eq!(
        (folder.status, folder.header("location")),
        (307, Some("/a/?x=1"))
    );
    for (path, ctype) in [
        ("/style.css", "text/css; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/pic.svg", "image/svg+xml"),
        ("/img.png", "image/png"),
        ("/photo.jpg", "image/jpeg"),
        ("/data.json", "application/json"),
        ("/sitemap.xml", "application/xml"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/font.woff2", "font/woff2"),
    ] {
        let res = site.get(path).await;
        assert_eq!(
            (res.status, res.header("content-type")),
            (200, Some(ctype)),
            "{path}"
        );
        let expected = if path.starts_with("/static/") && path.matches('.').count() >= 2 {
            "public, max-age=31536000, immutable"
        } else {
            "no-store"
        };
        assert_eq!(res.header("cache-control"), Some(expected), "{path}");
        assert!(
            !res.body.contains("<script>"),
            "only HTML gets the client: {path}"
        );
    }
    assert_eq!(site.get("/style.css").await.body, "h1 { color: red }");
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_paths_get_the_404_page_or_plain_text() {
    let site = site().await;
    let res = site.get("/nope/").await;
    assert_eq!(res.status, 404);
    assert!(res.body.contains("Not here") && res.body.contains("/__guide/ws"));
    assert_eq!(res.header("cache-control"), Some("no-store"));
    std::fs::remove_file(site.path("404.html")).unwrap();
    let res = site.get_until("/nope", "404 Not Found").await;
    assert_eq!(
        (res.status, res.header("content-type")),
        (404, Some("text/plain; charset=utf-8"))
    );
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn traversal_attempts_never_leave_the_site() {
    let site = site().await;
    let host = site.host();
    for target in [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/a/..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/C:/Windows/win.ini",
        "/c:%5cwindows%5cwin.ini",
        "/%00",
        "/index.html%00.txt",
        "/.%2e/secret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/etc/passwd",
        &format!("http://{host}/../secret.txt"),
        "/a/../../secret.txt",
    ] {
        let res = raw(
            site.handle.addr,
            &format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        )
        .await;
        assert!(
            matches!(res.status, 400 | 404),
            "{target}: status {}",
            res.status
        );
        assert!(
            !res.body.contains("TOPSECRET") && !res.body.contains("root:"),
            "{target} leaked"
        );
        assert!(res.header("access-control-allow-origin").is_none());
    }
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn host_header_is_checked_against_dns_rebinding() {
    let site = site().await;
    let (addr, port) = (site.handle.addr, site.handle.addr.port());
    let get = |host: String| async move {
        raw(
            addr,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        )
        .await
        .status
    };
    for ok in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(get(ok.clone()).await, 200, "{ok}");
    }
    for bad in [
        format!("evil.example:{port}"),
        "evil.example".into(),
        format!("localhost:{}", port.wrapping_add(1)),
    ] {
        assert_eq!(get(bad.clone()).await, 403, "{bad}");
    }
    let no_host = raw(addr, "GET / HTTP/1.0\r\n\r\n").await;
    assert_eq!(no_host.status, 403);
    assert_eq!(no_host.header("cache-control"), Some("no-store"));
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn websocket_requires_the_served_origin_and_no_cors_ever() {
    let site = site().await;
    let (addr, host) = (site.handle.addr, site.host());
    let upgrade = |origin: Option<String>| {
        let host = host.clone();
        async move {
            let origin = origin
                .map(|o| format!("Origin: {o}\r\n"))
                .unwrap_or_default();
            let req = format!(
                "GET /__guide/ws HTTP/1.1\r\nHost: {host}\r\n{origin}Upgrade: websocket\r\nConnection: Upgrade\r\n\
                 Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            );
            let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
            let (mut r, mut w) = stream.into_split();
            tokio::io::AsyncWriteExt::write_all(&mut w, req.as_bytes())
                .await
                .unwrap();
            let mut buf = [0u8; 512];
            let n = tokio::io::AsyncReadExt::read(&mut r, &mut buf)
                .await
                .unwrap();
            String::from_utf8_lossy(&buf[..n]).into_owned()
        }
    };
    assert!(
        upgrade(Some(format!("http://{host}")))
            .await
            .starts_with("HTTP/1.1 101")
    );
    for bad in [
        Some("http://evil.example".to_string()),
        Some("null".into()),
        None,
    ] {
        assert!(
            upgrade(bad.clone()).await.starts_with("HTTP/1.1 403"),
            "{bad:?}"
        );
    }
    assert!(Ws::connect(addr, "http://evil.example").await.is_err());
    // A cross-origin preflight or read never gets an Access-Control-Allow-Origin header.
    for req in [
        format!(
            "OPTIONS / HTTP/1.1\r\nHost: {host}\r\nOrigin: http://evil.example\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n\r\n"
        ),
        format!(
            "GET /data.json HTTP/1.1\r\nHost: {host}\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n"
        ),
    ] {
        let res = raw(addr, &req).await;
        assert!(
            res.status != 0 && res.header("access-control-allow-origin").is_none(),
            "{req}"
        );
    }
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_requests_and_connection_floods_do_not_crash_it() {
    use tokio::io::AsyncWriteExt;
    let site = site().await;
    let addr = site.handle.addr;
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "a".repeat(200_000)
    );
    for junk in [
        "\x00\x01\x02\x03\r\n\r\n",
        "GET\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n",
        "GET / HTTP/1.1\r\nBad Header\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "GET / HTTP/1.1\nHost:\n\n",
        "GET /\u{00e9}\u{0301} HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        &huge,
    ] {
        let res = raw(addr, junk).await;
        assert!(
            res.status != 200,
            "junk accepted: {:?}",
            &junk[..junk.len().min(40)]
        );
    }
    // 500 idle connections and 100 half-sent requests, all held open at once.
    let mut held = Vec::new();
    for i in 0..600 {
        let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        if i >= 500 {
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: 127")
                .await
                .unwrap();
        }
        held.push(stream);
    }
    let res = site.get("/").await;
    assert_eq!(res.status, 200, "still serving under a flood");
    drop(held);
    assert_eq!(site.get("/style.css").await.status, 200);
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn busy_port_is_a_clear_error_and_port_zero_picks_one() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let opts = ServeOptions {
        port,
        quiet: true,
        ..ServeOptions::default()
    };
    let err = serve::start(builder_for(dir.path()), opts)
        .await
        .unwrap_err();
    assert!(matches!(err, ServeError::PortInUse { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "port {port} on 127.0.0.1 is already in use; try --port {} or --port 0",
            port + 1
        )
    );
    let opts = ServeOptions {
        port: 0,
        quiet: true,
        ..ServeOptions::default()
    };
    let handle = serve::start(builder_for(dir.path()), opts).await.unwrap();
    assert_ne!(handle.addr.port(), 0);
    assert_eq!(
        handle.url,
        format!("http://127.0.0.1:{}/", handle.addr.port())
    );
    handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn head_requests_and_other_methods() {
    let site = site().await;
    let host = site.host();
    let head = raw(
        site.handle.addr,
        &format!("HEAD /style.css HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
    .await;
    assert_eq!((head.status, head.body.as_str()), (200, ""));
    assert_eq!(head.header("content-type"), Some("text/css; charset=utf-8"));
    let post = raw(
        site.handle.addr,
        &format!(
            "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
    )
    .await;
    assert_eq!(
        (post.status, post.header("allow")),
        (405, Some("GET, HEAD"))
    );
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_is_prompt_closes_sockets_and_frees_the_port() {
    let site = site().await;
    let addr = site.handle.addr;
    let mut ws = site.ws().await;
    let _idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    assert_eq!(site.get("/").await.status, 200);
    let started = std::time::Instant::now();
    site.handle.shutdown().await;
    assert!(
        // A hang guard, not a timing: graceful shutdown must not wait for idle sockets.
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    assert!(ws.next(SECOND).await.is_none(), "live-reload socket closed");
    std::net::TcpListener::bind(addr).expect("port free again");
}
