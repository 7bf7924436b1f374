//! Test harness for `guide serve`: a fake builder over a temp folder, a running server on
//! port 0, raw HTTP requests (clients normalise paths, so traversal tests must write the
//! request line verbatim) and a WebSocket client.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use guide::serve::{self, BuildFailure, ErrorLoc, Files, ServeOptions, ServerHandle, SiteBuilder};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Copies every file under `root` as-is (output path = relative path). Fails when any file
/// contains `BROKEN`, reporting it at its line and column. Skips `out/` and hidden files.
pub(super) struct FakeBuilder {
    pub(super) root: PathBuf,
    pub(super) builds: Arc<AtomicUsize>,
    pub(super) changes: Arc<Mutex<Vec<Vec<PathBuf>>>>,
}

impl FakeBuilder {
    fn collect(
        &self,
        dir: &Path,
        out: &mut BTreeMap<String, bytes::Bytes>,
        errors: &mut Vec<ErrorLoc>,
    ) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || path == self.root.join("out") {
                continue;
            }
            if path.is_dir() {
                self.collect(&path, out, errors);
                continue;
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let rel = path
                .strip_prefix(&self.root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = String::from_utf8_lossy(&bytes);
            for (i, line) in text.lines().enumerate() {
                if let Some(col) = line.find("BROKEN") {
                    let message = "found BROKEN".to_string();
                    errors.push(ErrorLoc {
                        file: rel.clone(),
                        line: i + 1,
                        col: col + 1,
                        message,
                    });
                }
            }
            out.insert(rel, bytes.into());
        }
    }
}

impl SiteBuilder for FakeBuilder {
    fn build(&mut self) -> Result<Files, BuildFailure> {
        self.builds.fetch_add(1, Ordering::SeqCst);
        let (mut files, mut errors) = (BTreeMap::new(), Vec::new());
        self.collect(&self.root.clone(), &mut files, &mut errors);
        if errors.is_empty() {
            return Ok(Arc::new(files.into_iter().collect()));
        }
        let rendered = errors
            .iter()
            .map(|e| {
                format!(
                    "error: {}\n  --> {}:{}:{}\n",
                    e.message, e.file, e.line, e.col
                )
            })
            .collect();
        Err(BuildFailure { rendered, errors })
    }
    fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Files, BuildFailure> {
        self.changes.lock().unwrap().push(changed.to_vec());
        self.build()
    }
    fn watch_paths(&self) -> Vec<PathBuf> {
        vec![self.root.clone()]
    }
    fn ignore_paths(&self) -> Vec<PathBuf> {
        vec![self.root.join("out")]
    }
    fn title(&self) -> Option<String> {
        Some("Fake Guide".into())
    }
}

/// A running server over a temp folder (`<tmp>/site`; `<tmp>` also holds files that must
/// never be served).
pub(super) struct Site {
    _tmp: tempfile::TempDir,
    pub(super) root: PathBuf,
    pub(super) handle: ServerHandle,
    pub(super) builds: Arc<AtomicUsize>,
    pub(super) changes: Arc<Mutex<Vec<Vec<PathBuf>>>>,
}

pub(super) fn builder_for(root: &Path) -> FakeBuilder {
    FakeBuilder {
        root: root.to_path_buf(),
        builds: Arc::default(),
        changes: Arc::default(),
    }
}

impl Site {
    pub(super) async fn start(files: &[(&str, &str)]) -> Site {
        Site::start_with(files, ServeOptions::default()).await
    }

    /// [`Site::start`] with other options (port and quiet are set here).
    pub(super) async fn start_with(files: &[(&str, &str)], opts: ServeOptions) -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().canonicalize().unwrap().join("site");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "TOPSECRET").unwrap();
        for (rel, text) in files {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let builder = builder_for(&root);
        let (builds, changes) = (builder.builds.clone(), builder.changes.clone());
        let opts = ServeOptions {
            port: 0,
            quiet: true,
            ..opts
        };
        let handle = serve::start(builder, opts).await.expect("server starts");
        Site {
            _tmp: tmp,
            root,
            handle,
            builds,
            changes,
        }
    }

    pub(super) fn write(&self, rel: &str, text: &str) {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub(super) fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub(super) fn host(&self) -> String {
        format!("127.0.0.1:{}", self.handle.addr.port())
    }

    /// Rebuilds so far (the first build counts as one).
    pub(super) fn builds(&self) -> usize {
        self.builds.load(Ordering::SeqCst)
    }

    /// Lets the watcher and builder go quiet: no new build for `quiet`.
    pub(super) async fn settle(&self, quiet: Duration) {
        let mut last = self.builds();
        loop {
            tokio::time::sleep(quiet).await;
            let now = self.builds();
            if now == last {
                return;
            }
            last = now;
        }
    }

    pub(super) async fn get(&self, path: &str) -> Response {
        let req = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.host()
        );
        raw(self.handle.addr, &req).await
    }

    /// Polls `path` until its body contains `needle` (or ~5 s pass).
    pub(super) async fn get_until(&self, path: &str, needle: &str) -> Response {
        let end = Instant::now() + Duration::from_secs(5);
        loop {
            let res = self.get(path).await;
            if res.body.contains(needle) || Instant::now() > end {
                return res;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub(super) async fn ws(&self) -> Ws {
        Ws::connect(self.handle.addr, &format!("http://{}", self.host()))
            .await
            .expect("ws connects")
    }
}

#[derive(Debug)]
pub(super) struct Response {
    pub(super) status: u16,
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: String,
}

impl Response {
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `request` verbatim and reads one response (up to its `Content-Length`, or to the
/// end of the stream). A reset or timeout yields status 0.
pub(super) async fn raw(addr: std::net::SocketAddr, request: &str) -> Response {
    let exchange = async {
        let mut stream = TcpStream::connect(addr).await?;
        stream.write_all(request.as_bytes()).await?;
        let mut buf = Vec::new();
        let mut chunk = [0u8; 16384];
        loop {
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
            if complete(&buf) {
                break;
            }
        }
        Ok::<_, std::io::Error>(buf)
    };
    let buf = match tokio::time::timeout(Duration::from_secs(5), exchange).await {
        Ok(Ok(buf)) => buf,
        _ => {
            return Response {
                status: 0,
                headers: vec![],
                body: String::new(),
            };
        }
    };
    parse(&String::from_utf8_lossy(&buf))
}

fn complete(buf: &[u8]) -> bool {
    let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = parse(&String::from_utf8_lossy(&buf[..end]));
    let len = head
        .header("content-length")
        .and_then(|l| l.parse::<usize>().ok());
    len.is_some_and(|len| buf.len() >= end + 4 + len)
}

fn parse(text: &str) -> Response {
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}

/// A live-reload WebSocket client.
pub(super) struct Ws(
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<TcpStream>>,
);

impl Ws {
    pub(super) async fn connect(
        addr: std::net::SocketAddr,
        origin: &str,
    ) -> Result<Ws, tokio_tungstenite::tungstenite::Error> {
        use tokio_tungstenite::tungstenite::client::IntoClientRequest;
        let mut req = format!("ws://{addr}/__guide/ws").into_client_request()?;
        req.headers_mut().insert("origin", origin.parse().unwrap());
        let (stream, _) = tokio_tungstenite::connect_async(req).await?;
        Ok(Ws(stream))
    }

    /// The next JSON message, or None after `timeout`.
    pub(super) async fn next(&mut self, timeout: Duration) -> Option<serde_json::Value> {
        use futures_util::StreamExt;
        let end = tokio::time::Instant::now() + timeout;
        loop {
            let msg = tokio::time::timeout_at(end, self.0.next())
                .await
                .ok()??
                .ok()?;
            if let tokio_tungstenite::tungstenite::Message::Text(text) = msg {
                return serde_json::from_str(&text).ok();
            }
        }
    }
}
