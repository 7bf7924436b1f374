//! The HTTP side of `guide serve`: serves the last good build from memory.
//!
//! Requests never touch the filesystem: a URL path is decoded and checked by
//! [`sanitize_path`] and then looked up in the in-memory [`Files`], so traversal
//! (`/../`, `%2e%2e`, `..%2f`, backslashes, drive letters, NUL) is refused before any
//! lookup and symlinks cannot lead anywhere. Other lessons from dev-server advisories
//! (Vite `server.fs.deny` bypasses, webpack-dev-server's cross-origin source theft):
//! never send `Access-Control-Allow-Origin`, check `Host` on loopback binds against DNS
//! rebinding ([`host_allowed`]), and check `Origin` on the WebSocket upgrade.

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::watch;

use super::Files;
use super::paths::{content_type, sanitize_path};
use super::reload::{CLIENT_JS, Hub, WS_PATH};

/// Everything a request handler needs; shared by all connections.
#[derive(Debug)]
pub(crate) struct AppState {
    /// The last good build.
    pub(crate) files: RwLock<Files>,
    /// Live-reload hub (also knows whether the last build failed).
    pub(crate) hub: Arc<Hub>,
    /// The address actually bound.
    pub(crate) addr: SocketAddr,
    /// The `--host` the user asked for (accepted in `Host` headers).
    pub(crate) host: String,
    /// Flips to true on shutdown; open sockets close.
    pub(crate) stop: watch::Receiver<bool>,
}

/// Builds the router: the WebSocket endpoint, the file fallback and the security layer.
pub(crate) fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route(WS_PATH, get(ws_upgrade))
        .fallback(serve_file)
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .with_state(state)
}

/// Host check before, no-cache and no-sniff after, for every response.
async fn guard(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let host = request_host(&req);
    let cache = if is_fingerprinted(req.uri().path()) {
        IMMUTABLE
    } else {
        "no-store"
    };
    let mut res = if host_allowed(host.as_deref(), state.addr, &state.host) {
        next.run(req).await
    } else {
        text(
            StatusCode::FORBIDDEN,
            "403 Forbidden: unexpected Host header\n",
        )
    };
    let headers = res.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers.remove(header::ACCESS_CONTROL_ALLOW_ORIGIN);
    res
}

/// Cache header of content-addressed files: their bytes can never change under the same
/// name, so the browser may keep them across live reloads (which then only fetch the HTML).
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `/static/style.1a2b3c4d5e.css`: a file whose name carries a hash of its content.
fn is_fingerprinted(path: &str) -> bool {
    let Some(name) = path.strip_prefix("/static/") else {
        return false;
    };
    let parts: Vec<&str> = name.split('.').collect();
    !name.contains('/')
        && parts.len() >= 3
        && parts[parts.len() - 2].len() >= 8
        && parts[parts.len() - 2]
            .bytes()
            .all(|b| b.is_ascii_hexdigit())
}

fn request_host(req: &Request) -> Option<String> {
    match req.headers().get(header::HOST) {
        Some(value) => value.to_str().ok().map(str::to_owned),
        None => req.uri().authority().map(|a| a.as_str().to_owned()),
    }
}

/// Whether a `Host` header is acceptable for a server bound to `addr`.
///
/// On a loopback address only `localhost`, `127.0.0.1`, `[::1]` or the `--host` value, with
/// the bound port, are accepted: a DNS-rebinding page at `evil.example` resolves to
/// 127.0.0.1 but still sends `Host: evil.example`. A server bound to another address was
/// exposed on purpose, so any host is accepted there.
pub fn host_allowed(host: Option<&str>, addr: SocketAddr, configured: &str) -> bool {
    if !addr.ip().is_loopback() {
        return true;
    }
    let Some(host) = host else { return false };
    let host = host.to_ascii_lowercase();
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !name.ends_with(':') && port.chars().all(|c| c.is_ascii_digit()) => {
            (name, port.parse::<u16>().ok())
        }
        _ => (host.as_str(), None),
    };
    let port_ok = port.unwrap_or(80) == addr.port();
    let configured = configured.to_ascii_lowercase();
    let bracketed = format!(
        "[{}]",
        configured.trim_start_matches('[').trim_end_matches(']')
    );
    port_ok && ["localhost", "127.0.0.1", "[::1]", &configured, &bracketed].contains(&name)
}

async fn ws_upgrade(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    ws: WebSocketUpgrade,
) -> Response {
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    if !origin_allowed(origin, host) {
        return text(
            StatusCode::FORBIDDEN,
            "403 Forbidden: cross-origin WebSocket\n",
        );
    }
    let hub = state.hub.clone();
    let stop = state.stop.clone();
    ws.on_upgrade(move |socket| hub.serve_socket(socket, stop))
}

/// The WebSocket must come from a page this server served: `Origin` is `http://<Host>`.
pub fn origin_allowed(origin: Option<&str>, host: Option<&str>) -> bool {
    match (origin, host) {
        (Some(origin), Some(host)) => origin.eq_ignore_ascii_case(&format!("http://{host}")),
        _ => false,
    }
}

async fn serve_file(State(state): State<Arc<AppState>>, method: Method, req: Request) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut res = text(StatusCode::METHOD_NOT_ALLOWED, "405 Method Not Allowed\n");
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return res;
    }
    let raw = req.uri().path();
    let Some(path) = sanitize_path(raw) else {
        return text(
            StatusCode::BAD_REQUEST,
            "400 Bad Request: path outside the site\n",
        );
    };
    let files = state
        .files
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    if files.is_empty() && state.hub.has_error() {
        let page = "<!doctype html><title>Build failed</title><body><p>The first build failed; \
                    fix the error and this page will reload.</p></body>";
        return file_response(StatusCode::SERVICE_UNAVAILABLE, "x.html", Bytes::from(page));
    }
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    };
    if let Some(bytes) = files.get(&key) {
        return file_response(StatusCode::OK, &key, bytes.clone());
    }
    if files.contains_key(&format!("{key}/index.html")) {
        let query = req
            .uri()
            .query()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        let location = format!("{raw}/{query}");
        let mut res = StatusCode::TEMPORARY_REDIRECT.into_response();
        if let Ok(value) = HeaderValue::from_str(&location) {
            res.headers_mut().insert(header::LOCATION, value);
        }
        return res;
    }
    match files.get("404.html") {
        Some(page) => file_response(StatusCode::NOT_FOUND, "404.html", page.clone()),
        None => text(StatusCode::NOT_FOUND, &format!("404 Not Found: /{key}\n")),
    }
}

fn file_response(status: StatusCode, key: &str, bytes: Bytes) -> Response {
    let ctype = content_type(key);
    let body = if ctype.starts_with("text/html") {
        Bytes::from(inject(&bytes))
    } else {
        bytes
    };
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = status;
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    res
}

fn text(status: StatusCode, body: &str) -> Response {
    let mut res = (status, body.to_owned()).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}

/// Adds the live-reload client just before the last `</body>` (or at the end).
pub fn inject(html: &[u8]) -> Vec<u8> {
    let script = format!("<script id=\"__guide_live\">{CLIENT_JS}</script>");
    let lower = html.to_ascii_lowercase();
    let at = lower
        .windows(7)
        .rposition(|w| w == b"</body>")
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn fingerprinted_static_files_are_recognised() {
        assert!(super::is_fingerprinted("/static/style.1a2b3c4d5e.css"));
        assert!(!super::is_fingerprinted("/static/style.css"));
        assert!(!super::is_fingerprinted("/anatomy/index.html"));
        assert!(!super::is_fingerprinted("/static/a/b.1a2b3c4d5e.css"));
    }

    use super::*;

    #[test]
    fn host_check_on_loopback() {
        let addr: SocketAddr = "127.0.0.1:3000".parse().unwrap();
        for ok in [
            "localhost:3000",
            "127.0.0.1:3000",
            "[::1]:3000",
            "LOCALHOST:3000",
        ] {
            assert!(host_allowed(Some(ok), addr, "127.0.0.1"), "{ok}");
        }
        for bad in [
            "evil.example:3000",
            "evil.example",
            "localhost:3001",
            "localhost",
            "127.0.0.1.evil:3000",
            "",
        ] {
            assert!(!host_allowed(Some(bad), addr, "127.0.0.1"), "{bad}");
        }
        assert!(!host_allowed(None, addr, "127.0.0.1"));
        assert!(host_allowed(Some("mybox:3000"), addr, "mybox"));
        let v6: SocketAddr = "[::1]:8080".parse().unwrap();
        assert!(host_allowed(Some("[::1]:8080"), v6, "::1"));
        let lan: SocketAddr = "0.0.0.0:3000".parse().unwrap();
        assert!(host_allowed(Some("192.168.1.9:3000"), lan, "0.0.0.0"));
        let port80: SocketAddr = "127.0.0.1:80".parse().unwrap();
        assert!(host_allowed(Some("localhost"), port80, "127.0.0.1"));
    }

    #[test]
    fn origin_must_match_host() {
        assert!(origin_allowed(
            Some("http://127.0.0.1:3000"),
            Some("127.0.0.1:3000")
        ));
        assert!(!origin_allowed(
            Some("http://evil.example"),
            Some("127.0.0.1:3000")
        ));
        assert!(!origin_allowed(Some("null"), Some("127.0.0.1:3000")));
        assert!(!origin_allowed(None, Some("127.0.0.1:3000")));
    }

    #[test]
    fn inject_goes_before_the_last_body_close() {
        let out = String::from_utf8(inject(b"<html><BODY><p>x</p></BODY></html>")).unwrap();
        assert!(out.starts_with("<html><BODY><p>x</p><script id=\"__guide_live\">"));
        assert!(out.ends_with("</script></BODY></html>"));
        let out = String::from_utf8(inject(b"<p>no body</p>")).unwrap();
        assert!(out.starts_with("<p>no body</p><script id=") && out.ends_with("</script>"));
        let out = String::from_utf8(inject(b"<pre>&lt;/body&gt;</pre></body>")).unwrap();
        assert_eq!(out.matches("<script id=").count(), 1);
        assert!(out.ends_with("</script></body>"));
    }
}
