//! Accepting connections with bounds: a header-read timeout, an idle timeout and a cap on
//! open connections, so slow or silent clients cannot hold the server's sockets forever.
//!
//! `axum::serve` has none of these (hyper-util's auto builder has no timer, so a client that
//! sends half a request line, or nothing, keeps its socket open forever; 200 of them under a
//! low fd limit starved every other request). Here each connection is served by hyper's
//! HTTP/1 builder (a dev server on plain HTTP needs no HTTP/2) with a Tokio timer:
//!
//! - `header_read_timeout`: the whole request head must arrive within it, counted from when
//!   the connection opens or the previous response ended (so it also closes keep-alive
//!   connections left idle between requests, and silent ones);
//! - the idle timeout: a connection with no byte read or written for this long is closed
//!   (a client that stops reading its response, or a request body that stalls);
//! - the cap: at most `max_connections` connections are open at once, so the process never
//!   runs out of file descriptors (the watcher and the build need some). A connection
//!   beyond the cap is accepted and the one that has been quiet longest is closed instead:
//!   a flood of idle sockets then cannot keep a new request waiting (stopping `accept`
//!   would leave it in the kernel's backlog until a timeout frees a slot). WebSockets leave
//!   the count once upgraded (they have their own lifetime, ended by shutdown).

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, watch};
use tower::ServiceExt;

/// The bounds of one server.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) header_timeout: Duration,
    pub(crate) idle_timeout: Duration,
    pub(crate) max_connections: usize,
}

/// The connection cap when none is given: 512, or half the process's file-descriptor limit
/// when that is lower (the other half stays for the build, the watcher and WebSockets).
pub(crate) fn default_max_connections() -> usize {
    #[cfg(unix)]
    {
        let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile);
        if let Some(soft) = limit.current {
            return (soft / 2).clamp(8, 512) as usize;
        }
    }
    512
}

/// Serves `app` on `listener` until `stop` turns true; open connections then finish their
/// current request and close.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    mut stop: watch::Receiver<bool>,
) {
    let open = Arc::new(Open::default());
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // EMFILE and friends: back off instead of spinning.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = stopped(&mut stop) => break,
        };
        let (io, activity) = Watched::new(stream);
        let (id, evicted) = open.add(activity, limits.max_connections.max(1));
        let (app, stop, open) = (app.clone(), stop.clone(), open.clone());
        tokio::spawn(async move {
            tokio::select! {
                () = connection(io, app, limits, stop) => {}
                () = evicted.notified() => {}
            }
            open.remove(id);
        });
    }
}

/// The open connections, for the cap.
#[derive(Debug, Default)]
struct Open {
    list: std::sync::Mutex<(u64, Vec<Entry>)>,
}

/// One open connection: its id, its activity and how to tell it to close.
type Entry = (u64, Arc<Activity>, Arc<Notify>);

impl Open {
    /// Registers a connection; when `cap` are open, the quietest one is told to close.
    fn add(&self, activity: Arc<Activity>, cap: usize) -> (u64, Arc<Notify>) {
        let mut guard = self.list.lock().unwrap_or_else(|e| e.into_inner());
        let (next, list) = &mut *guard;
        if list.len() >= cap {
            let quietest = (0..list.len()).max_by_key(|&i| list[i].1.since());
            if let Some(i) = quietest {
                list.swap_remove(i).2.notify_one();
            }
        }
        *next += 1;
        let notify = Arc::new(Notify::new());
        list.push((*next, activity, notify.clone()));
        (*next, notify)
    }

    fn remove(&self, id: u64) {
        let mut guard = self.list.lock().unwrap_or_else(|e| e.into_inner());
        guard.1.retain(|(i, _, _)| *i != id);
    }
}

/// Serves one connection within the limits.
async fn connection(io: Watched, app: Router, limits: Limits, mut stop: watch::Receiver<bool>) {
    let _ = io.inner.set_nodelay(true);
    let last = io.last.clone();
    let service = TowerToHyperService::new(
        app.map_request(|req: axum::http::Request<Incoming>| req.map(Body::new)),
    );
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let conn = builder
        .serve_connection(TokioIo::new(io), service)
        .with_upgrades();
    let mut conn = std::pin::pin!(conn);
    let idle = idle_expired(last, limits.idle_timeout);
    let mut idle = std::pin::pin!(idle);
    let mut stopping = false;
    loop {
        tokio::select! {
            _ = conn.as_mut() => break,
            _ = idle.as_mut() => break,
            () = stopped(&mut stop), if !stopping => {
                stopping = true;
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}

/// Resolves once `stop` is true.
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

/// Resolves once nothing was read or written for `idle`.
async fn idle_expired(last: Arc<Activity>, idle: Duration) {
    let tick = (idle / 4).max(Duration::from_millis(10));
    loop {
        tokio::time::sleep(tick).await;
        if last.since() >= idle {
            return;
        }
    }
}

/// When a connection last moved a byte.
#[derive(Debug)]
struct Activity {
    start: Instant,
    /// Milliseconds after `start`.
    last: AtomicU64,
}

impl Activity {
    fn touch(&self) {
        let ms = self.start.elapsed().as_millis() as u64;
        self.last.store(ms, Ordering::Relaxed);
    }
    fn since(&self) -> Duration {
        let last = Duration::from_millis(self.last.load(Ordering::Relaxed));
        self.start.elapsed().saturating_sub(last)
    }
}

/// A stream that records its last activity.
struct Watched {
    inner: TcpStream,
    last: Arc<Activity>,
}

impl Watched {
    fn new(inner: TcpStream) -> (Watched, Arc<Activity>) {
        let last = Arc::new(Activity {
            start: Instant::now(),
            last: AtomicU64::new(0),
        });
        (
            Watched {
                inner,
                last: last.clone(),
            },
            last,
        )
    }
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let r = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.last.touch();
        }
        r
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let r = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(r, Poll::Ready(Ok(n)) if n > 0) {
            self.last.touch();
        }
        r
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let r = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(r, Poll::Ready(Ok(n)) if n > 0) {
            self.last.touch();
        }
        r
    }
    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}
