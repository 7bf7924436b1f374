//! The HTTP side of `guide serve`: serves the last good build from memory.
//!
//! Requests never touch the filesystem: a URL path is decoded and checked by
//! [`sanitize_path`] and then looked up in the in-memory [`Files`], so traversal
//! (`/../`, `%2e%2e`, `..%2f`, backslashes, drive letters, NUL) is refused before any
//! lookup and symlinks cannot lead anywhere. Other lessons from dev-server advisories
//! (Vite `server.fs.deny` bypasses, webpack-dev-server's cross-origin source theft):
//! never send `Access-Control-Allow-Origin`, check `Host` on every bind against DNS
//! rebinding ([`HostPolicy`]), and check `Origin` on the WebSocket upgrade.

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
use super::hosts::HostPolicy;
use super::paths::{content_type, sanitize_path};
use super::reload::{CLIENT_JS, Hub, WS_PATH};

/// Everything a request handler needs; shared by all connections.
#[derive(Debug)]
pub(crate) struct AppState {
    /// The last good build.
    pub(crate) files: RwLock<Files>,
    /// Live-reload hub (also knows whether the last build failed).
    pub(crate) hub: Arc<Hub>,
    /// The `Host` headers answered.
    pub(crate) hosts: HostPolicy,
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
    let mut res = if state.hosts.allows(host.as_deref()) {
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
    let Some(slot) = state.hub.slots.take() else {
        return text(
            StatusCode::SERVICE_UNAVAILABLE,
            "503 Service Unavailable: too many live-reload connections\n",
        );
    };
    let hub = state.hub.clone();
    let stop = state.stop.clone();
    ws.on_upgrade(move |socket| async move {
        hub.serve_socket(socket, stop).await;
        drop(slot);
    })
}

/// The WebSocket must come from a page this server served: `Origin` is `http://<Host>`.
pub(crate) fn origin_allowed(origin: Option<&str>, host: Option<&str>) -> bool {
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
pub(crate) fn inject(html: &[u8]) -> Vec<u8> {
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
