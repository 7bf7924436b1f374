//! `guide serve` against hostile connections (issue 13, items 8 and 9): slowloris and silent
//! connections are closed by the header-read timeout, a flood of idle sockets beyond the
//! connection cap cannot keep a new request waiting, and the Host check holds on a
//! `0.0.0.0` bind (DNS rebinding). Every loop is bounded and on 127.0.0.1 only.

use std::net::SocketAddr;
use std::time::Duration;

use guide::serve::ServeOptions;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::harness::{Site, raw};

const PAGE: &str = "<!doctype html><html><body><h1>Hi</h1></body></html>";

fn loopback(site: &Site) -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], site.handle.addr.port()))
}

async fn status(addr: SocketAddr, host: &str) -> u16 {
    let req = format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    raw(addr, &req).await.status
}

/// Whether the server closed `stream` within `limit` (EOF or reset; sent bytes ignored).
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> bool {
    let mut buf = [0u8; 4096];
    let end = tokio::time::Instant::now() + limit;
    loop {
        match tokio::time::timeout_at(end, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue,
            Err(_) => return false,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_host_check_stays_on_for_a_wide_bind() {
    let opts = ServeOptions {
        host: "0.0.0.0".into(),
        allowed_hosts: vec!["preview.test".into()],
        ..ServeOptions::default()
    };
    let site = Site::start_with(&[("index.html", PAGE)], opts).await;
    let (addr, port) = (loopback(&site), site.handle.addr.port());
    for bad in [
        format!("evil.example:{port}"),
        "evil.example".to_string(),
        format!("rebind.attacker.net:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
    ] {
        assert_eq!(status(addr, &bad).await, 403, "{bad}");
    }
    for ok in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "preview.test".to_string(),
        "preview.test:443".to_string(),
    ] {
        assert_eq!(status(addr, &ok).await, 200, "{ok}");
    }
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slowloris_and_silent_connections_are_closed_and_others_still_served() {
    let opts = ServeOptions {
        header_timeout: Duration::from_secs(1),
        ..ServeOptions::default()
    };
    let site = Site::start_with(&[("index.html", PAGE)], opts).await;
    let addr = loopback(&site);
    // 100 silent connections held open all along.
    let mut idle = Vec::new();
    for _ in 0..100 {
        idle.push(TcpStream::connect(addr).await.unwrap());
    }
    // A slowloris: a header line every 200 ms, never the blank line that ends the head.
    let mut slow = TcpStream::connect(addr).await.unwrap();
    let head = format!("GET / HTTP/1.1\r\nHost: {}\r\n", site.host());
    slow.write_all(head.as_bytes()).await.unwrap();
    let mut closed = false;
    for i in 0..150 {
        assert_eq!(
            status(addr, &site.host()).await,
            200,
            "served beside the flood"
        );
        if slow
            .write_all(format!("X-{i}: a\r\n").as_bytes())
            .await
            .is_err()
            || closed_within(&mut slow, Duration::from_millis(200)).await
        {
            closed = true;
            break;
        }
    }
    assert!(closed, "the slowloris connection was never closed");
    let mut silent_closed = 0;
    for s in &mut idle {
        if closed_within(s, Duration::from_secs(10)).await {
            silent_closed += 1;
        }
    }
    assert_eq!(silent_closed, 100, "silent connections are closed too");
    site.handle.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn beyond_the_connection_cap_the_quietest_are_closed_and_a_new_request_is_served() {
    let opts = ServeOptions {
        max_connections: 8,
        ..ServeOptions::default()
    };
    let site = Site::start_with(&[("index.html", PAGE)], opts).await;
    let addr = loopback(&site);
    let mut held = Vec::new();
    for _ in 0..40 {
        held.push(TcpStream::connect(addr).await.unwrap());
    }
    assert_eq!(status(addr, &site.host()).await, 200);
    let mut closed = 0;
    for s in &mut held {
        if closed_within(s, Duration::from_millis(500)).await {
            closed += 1;
        }
    }
    assert!(
        closed >= 32,
        "only {closed} of 40 idle sockets closed at a cap of 8"
    );
    site.handle.shutdown().await;
}
