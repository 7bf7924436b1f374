//! `guide serve`: build in memory, serve over HTTP, rebuild on change, reload the browser.
//!
//! The dev server knows nothing about Markdown or templates. It talks to the build
//! pipeline only through [`SiteBuilder`], so it can be tested with a fake builder and the
//! pipeline can change without touching it. Jobs are split by file:
//!
//! - [`watch`]: filesystem events -> [`watch::ChangeSet`] (pure [`watch::classify`]);
//! - `rebuild`: the builder thread (owns the builder, publishes each result);
//! - [`server`]: axum routes, host and origin checks, live-reload injection;
//! - [`paths`]: URL path -> site key (traversal refusal) and content types;
//! - [`reload`]: the WebSocket hub, its messages and the client script.
//!
//! The last good [`Files`] keep being served while the build is broken; the error goes to
//! the terminal and, as an overlay, to every open page.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use serde::Serialize;
use tokio::sync::watch as signal;
use tokio::task::JoinHandle;

pub mod adapter;
pub(crate) mod hosts;
mod listen;
pub(crate) mod paths;
mod rebuild;
pub(crate) mod reload;
pub(crate) mod server;
mod sockets;
pub mod watch;

/// A built site in memory: output path (`anatomy/index.html`, `static/style.1a2b3c4d.css`,
/// relative, `/`-separated, no leading slash) -> bytes. Cheap to clone and share.
pub type Files = Arc<crate::output::FileMap>;

/// A failed build, already rendered for people.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildFailure {
    /// Plain text (no ANSI), every error with `file:line:col`; shown as-is in the terminal
    /// and in the browser overlay.
    pub rendered: String,
    /// The same errors as data, for the overlay's list.
    pub errors: Vec<ErrorLoc>,
}

/// Where one build error is, and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorLoc {
    /// Path as the author knows it (relative to the project root, e.g. `content/a.md`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// One-line message.
    pub message: String,
}

/// What serve needs from the build pipeline.
pub trait SiteBuilder: Send + 'static {
    /// Full build in memory.
    fn build(&mut self) -> Result<Files, BuildFailure>;
    /// Rebuild after these files changed (absolute paths; created, modified, removed or
    /// renamed; may include folders). May re-render only what they affect; must return the
    /// complete new site. After a lost-events rescan, `changed` is the watch roots.
    fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Files, BuildFailure>;
    /// Folders and files to watch (the project's book.toml, content folder, theme folder if
    /// any). Paths that do not exist are skipped.
    fn watch_paths(&self) -> Vec<PathBuf>;
    /// Paths under the watched folders that must never trigger a rebuild (the output folder).
    fn ignore_paths(&self) -> Vec<PathBuf> {
        Vec::new()
    }
    /// Hidden files and folders the build publishes (`include-hidden`), whose changes count
    /// although the watcher drops hidden names otherwise.
    fn hidden_paths(&self) -> Vec<PathBuf> {
        Vec::new()
    }
    /// The site's title, for the "Serving … at" line.
    fn title(&self) -> Option<String> {
        None
    }
    /// The warnings of the last successful build (shown in the terminal and, less loudly
    /// than errors, in the page), rendered like a [`BuildFailure`]; `None` when there are none.
    fn warnings(&self) -> Option<BuildFailure> {
        None
    }
}

/// How to serve; built from the command line by the CLI layer.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Interface to bind (`127.0.0.1` by default; `0.0.0.0` exposes it on the network).
    pub host: String,
    /// Port to bind; 0 picks a free one.
    pub port: u16,
    /// Open the site in the default browser once it is up.
    pub open: bool,
    /// The quiet window. A rebuild starts a few milliseconds after a change and runs while
    /// the save settles; its result is published (served, and the browser told) once no
    /// further change has come for this long, at most 10x this after the first. A change
    /// inside the window supersedes the result and is built on top of it, so the events of
    /// one save (temp file + rename, several writes, vim's dance) give one published
    /// rebuild, one reload, and never a flash of a half-written file's error.
    pub debounce: Duration,
    /// Print only errors (no "Serving"/"Rebuilt" lines).
    pub quiet: bool,
    /// How long a client may take to send a request's head, counted from when the
    /// connection opens or its previous response ended (slowloris, silent and idle
    /// keep-alive connections are closed after it).
    pub header_timeout: Duration,
    /// A connection that moves no byte either way for this long is closed.
    pub idle_timeout: Duration,
    /// At most this many connections at once (0: 512, or half the file-descriptor limit
    /// when that is lower); beyond it new ones wait in the kernel's backlog.
    pub max_connections: usize,
    /// More `Host` names to answer (`--allowed-host`; `.example.org` for a domain and its
    /// subdomains), with any port; see [`hosts::HostPolicy`].
    pub allowed_hosts: Vec<String>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            host: "127.0.0.1".into(),
            port: 3000,
            open: false,
            debounce: Duration::from_millis(20),
            quiet: false,
            allowed_hosts: Vec::new(),
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            max_connections: 0,
        }
    }
}

/// Why serving could not start or continue.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Another process holds the port.
    #[error("port {port} on {host} is already in use; try --port {next} or --port 0", next = port.wrapping_add(1).max(1))]
    PortInUse {
        /// The host asked for.
        host: String,
        /// The busy port.
        port: u16,
    },
    /// Any other failure to listen (bad host name, privileged port, ...).
    #[error("cannot listen on {host}:{port}: {source}")]
    Bind {
        /// The host asked for.
        host: String,
        /// The port asked for.
        port: u16,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The filesystem watcher could not start.
    #[error("cannot watch {}: {source}", path.display())]
    Watch {
        /// The path being watched (empty if the watcher itself failed).
        path: PathBuf,
        /// What notify said.
        source: notify::Error,
    },
    /// Runtime, signal or thread setup failed.
    #[error("serve: {0}")]
    Io(#[from] std::io::Error),
}

/// A running server. Dropping it without [`ServerHandle::shutdown`] stops the watcher but
/// leaves in-flight connections to the runtime.
#[derive(Debug)]
pub struct ServerHandle {
    /// The address actually bound (useful with port 0).
    pub addr: SocketAddr,
    /// The URL to open: `http://127.0.0.1:PORT/`.
    pub url: String,
    stop: signal::Sender<bool>,
    server: JoinHandle<()>,
    builder: Option<rebuild::BuilderThread>,
}

impl ServerHandle {
    /// Stops watching, closes live-reload sockets and shuts the server down gracefully
    /// (waiting at most a few seconds for open requests).
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(builder) = self.builder.take() {
            let _ = tokio::task::spawn_blocking(move || builder.stop()).await;
        }
        let server = &mut self.server;
        if tokio::time::timeout(Duration::from_secs(3), &mut *server)
            .await
            .is_err()
        {
            server.abort();
        }
    }
}

/// Builds once, binds, starts watching and serving; returns as soon as the server is up.
///
/// A failed first build still starts the server: pages get the error overlay and reload
/// once it is fixed.
pub async fn start<B: SiteBuilder>(
    mut builder: B,
    opts: ServeOptions,
) -> Result<ServerHandle, ServeError> {
    let listener = bind(&opts.host, opts.port).await?;
    let addr = listener.local_addr()?;
    let url = url_for(addr);
    let filter = watch::WatchFilter {
        roots: builder.watch_paths(),
        ignore: builder.ignore_paths(),
        hidden: builder.hidden_paths(),
    };
    let watching = rebuild::Watching::start(filter, &opts)?;
    let (first, builder) = tokio::task::spawn_blocking(move || (builder.build(), builder))
        .await
        .map_err(std::io::Error::other)?;
    let title = builder.title(); // after the build, which is what loads the config

    let hub = Arc::new(reload::Hub::default());
    let files = match first {
        Ok(files) => {
            rebuild::publish_warnings(&hub, builder.warnings());
            files
        }
        Err(failure) => {
            eprintln!("{}", failure.rendered.trim_end());
            hub.publish(&reload::Message::error(&failure));
            Files::default()
        }
    };
    let (stop, stop_rx) = signal::channel(false);
    let policy = hosts::HostPolicy::new(addr, &opts.host, &opts.allowed_hosts);
    let wide = (!addr.ip().is_loopback()).then(|| policy.describe());
    let state = Arc::new(server::AppState {
        files: RwLock::new(files),
        hub,
        hosts: policy,
        stop: stop_rx.clone(),
    });
    let builder = watching.spawn_builder(builder, state.clone())?;

    let app = server::router(state);
    let limits = listen::Limits {
        header_timeout: opts.header_timeout,
        idle_timeout: opts.idle_timeout,
        max_connections: match opts.max_connections {
            0 => listen::default_max_connections(),
            n => n,
        },
    };
    let server = tokio::spawn(listen::serve(listener, app, limits, stop_rx));
    if !opts.quiet {
        let title = title.map(|t| format!("{t} ")).unwrap_or_default();
        println!("Serving {title}at {url}");
    }
    if let Some(names) = wide {
        eprintln!(
            "warning: listening on {addr}, beyond this machine: anyone who can reach it can read \
             the preview and its error messages. Host names answered besides IP addresses: {}; \
             add others with --allowed-host NAME",
            names
        );
    }
    Ok(ServerHandle {
        addr,
        url,
        stop,
        server,
        builder: Some(builder),
    })
}

/// Serves until Ctrl-C, then shuts down cleanly. Opens the browser with `--open`.
pub async fn run<B: SiteBuilder>(builder: B, opts: ServeOptions) -> Result<(), ServeError> {
    let open = opts.open;
    let handle = start(builder, opts).await?;
    if open {
        if let Err(e) = open::that_detached(&handle.url) {
            eprintln!("warning: could not open a browser: {e}");
        }
    }
    tokio::signal::ctrl_c().await?;
    eprintln!("Stopping…");
    handle.shutdown().await;
    Ok(())
}

/// [`run`] on its own multi-threaded runtime, for a synchronous caller such as the CLI.
pub fn run_blocking<B: SiteBuilder>(builder: B, opts: ServeOptions) -> Result<(), ServeError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run(builder, opts))
}

async fn bind(host: &str, port: u16) -> Result<tokio::net::TcpListener, ServeError> {
    // Bracketed IPv6 from a URL-minded user ("[::1]") is what the OS calls "::1".
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    tokio::net::TcpListener::bind((bare, port))
        .await
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::AddrInUse {
                ServeError::PortInUse {
                    host: host.to_owned(),
                    port,
                }
            } else {
                ServeError::Bind {
                    host: host.to_owned(),
                    port,
                    source,
                }
            }
        })
}

/// The URL people should open for a bound address (an unspecified address is shown as
/// loopback, which is where the browser on this machine can reach it).
fn url_for(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        ip if ip.is_unspecified() && ip.is_ipv4() => "127.0.0.1".to_string(),
        ip if ip.is_unspecified() => "[::1]".to_string(),
        std::net::IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    format!("http://{ip}:{}/", addr.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_port_message_names_the_port_and_a_way_out() {
        let e = ServeError::PortInUse {
            host: "127.0.0.1".into(),
            port: 3000,
        };
        assert_eq!(
            e.to_string(),
            "port 3000 on 127.0.0.1 is already in use; try --port 3001 or --port 0"
        );
    }

    #[test]
    fn urls_for_bound_addresses() {
        assert_eq!(
            url_for("127.0.0.1:3000".parse().unwrap()),
            "http://127.0.0.1:3000/"
        );
        assert_eq!(
            url_for("0.0.0.0:80".parse().unwrap()),
            "http://127.0.0.1:80/"
        );
        assert_eq!(url_for("[::1]:3000".parse().unwrap()), "http://[::1]:3000/");
    }
}
