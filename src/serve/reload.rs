//! Live reload: the WebSocket hub, the messages it sends, and the browser client.
//!
//! After every rebuild the orchestrator picks one [`Message`] ([`message_for`], pure and
//! tested) and the [`Hub`] fans it out to every open page. The hub also remembers a current
//! build error so a page opened (or reloaded) while the build is broken gets the overlay
//! at once instead of a stale page with no hint. The client script is `client.js`, embedded
//! here and injected into HTML responses by the server; built files never contain it.

use std::sync::{Arc, RwLock};

use axum::extract::ws::{Message as WsMessage, Utf8Bytes, WebSocket};
use serde::Serialize;
use tokio::sync::{broadcast, watch};

use super::watch::ChangeSet;
use super::{BuildFailure, ErrorLoc, Files};

/// The live-reload client, injected before `</body>` of every served HTML page.
pub(crate) const CLIENT_JS: &str = include_str!("client.js");

/// The WebSocket path the client connects to.
pub(crate) const WS_PATH: &str = "/__guide/ws";

/// What the browser is told after a build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub(crate) enum Message {
    /// Reload the page, keeping the scroll position.
    Reload,
    /// Only stylesheets changed: swap these (URL paths of the new CSS outputs) in place.
    Css {
        /// New or changed CSS outputs, as absolute URL paths (`/static/style.1a2b.css`).
        files: Vec<String>,
    },
    /// The build succeeded with warnings: show them quietly (a small panel, not the overlay).
    Warnings {
        /// The same text the terminal shows.
        text: String,
        /// Every warning with its location.
        warnings: Vec<ErrorLoc>,
    },
    /// The build failed: show the overlay. The last good site keeps being served.
    Error {
        /// The same text the terminal shows.
        text: String,
        /// Every error with its location.
        errors: Vec<ErrorLoc>,
    },
}

impl Message {
    /// The error message for a failed build.
    pub(crate) fn error(failure: &BuildFailure) -> Self {
        let (text, errors) = bounded(failure);
        Message::Error { text, errors }
    }

    fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a Message always serialises")
    }
}

/// Most text sent to a page about one build (bytes), and most located entries: the
/// renderer already caps what it prints, but a builder's text may come from elsewhere,
/// and every open page receives it.
pub(crate) const MAX_TEXT: usize = 64 * 1024;
/// Most entries of a message's error or warning list.
pub(crate) const MAX_ENTRIES: usize = 100;

/// A failure's text and list, cut to [`MAX_TEXT`] and [`MAX_ENTRIES`] (each message to
/// 500 characters) with a line saying so.
fn bounded(failure: &BuildFailure) -> (String, Vec<ErrorLoc>) {
    let full = &failure.rendered;
    let text = if full.len() <= MAX_TEXT {
        full.clone()
    } else {
        let mut at = MAX_TEXT;
        while !full.is_char_boundary(at) {
            at -= 1;
        }
        let at = full[..at].rfind('\n').map_or(at, |n| n + 1);
        format!(
            "{}… ({} more bytes not shown here; the terminal shows them)\n",
            &full[..at],
            full.len() - at
        )
    };
    let mut list: Vec<ErrorLoc> = failure.errors.iter().take(MAX_ENTRIES).cloned().collect();
    for e in &mut list {
        if let Some((at, _)) = e.message.char_indices().nth(500) {
            e.message = format!("{}…", &e.message[..at]);
        }
    }
    (text, list)
}

/// Picks the message for a successful rebuild.
///
/// A CSS swap only when every changed source is a `.css` file, the page was not showing an
/// error (the overlay must be cleared by a reload) and some CSS output actually changed;
/// otherwise a reload.
pub(crate) fn message_for(
    change: &ChangeSet,
    old: &Files,
    new: &Files,
    was_error: bool,
) -> Message {
    if was_error || !change.only_css() {
        return Message::Reload;
    }
    let files: Vec<String> = new
        .iter()
        .filter(|(path, bytes)| path.ends_with(".css") && old.get(*path) != Some(*bytes))
        .map(|(path, _)| format!("/{path}"))
        .collect();
    if files.is_empty() {
        Message::Reload
    } else {
        Message::Css { files }
    }
}

/// Fans messages out to every connected page and remembers the current error.
#[derive(Debug)]
pub(crate) struct Hub {
    tx: broadcast::Sender<Utf8Bytes>,
    current_error: RwLock<Option<Utf8Bytes>>,
    current_warnings: RwLock<Option<Utf8Bytes>>,
    /// The cap on open sockets.
    pub(crate) slots: super::sockets::Slots,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            tx: broadcast::channel(16).0,
            current_error: RwLock::new(None),
            current_warnings: RwLock::new(None),
            slots: super::sockets::Slots::default(),
        }
    }
}

impl Hub {
    /// Sends a message to every connected page; an error also becomes the current state.
    pub(crate) fn publish(&self, msg: &Message) {
        let json: Utf8Bytes = msg.to_json().into();
        let error = matches!(msg, Message::Error { .. }).then(|| json.clone());
        *self
            .current_error
            .write()
            .unwrap_or_else(|e| e.into_inner()) = error;
        let _ = self.tx.send(json);
    }

    /// Remembers the warnings of the last good build, sent to every page that connects
    /// (a page learns of them after its reload), or forgets them.
    pub(crate) fn set_warnings(&self, warnings: Option<&BuildFailure>) {
        let json = warnings.map(|w| {
            let (text, warnings) = bounded(w);
            Utf8Bytes::from(Message::Warnings { text, warnings }.to_json())
        });
        *self
            .current_warnings
            .write()
            .unwrap_or_else(|e| e.into_inner()) = json;
    }

    /// Whether the last build failed.
    pub(crate) fn has_error(&self) -> bool {
        self.current_error
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    /// Serves one page's socket until it closes or the server shuts down.
    pub(crate) async fn serve_socket(
        self: Arc<Self>,
        mut ws: WebSocket,
        mut stop: watch::Receiver<bool>,
    ) {
        // Subscribe before reading the current error, so nothing falls in between.
        let mut rx = self.tx.subscribe();
        let stopped = async move {
            let _ = stop.wait_for(|stopped| *stopped).await;
        };
        tokio::pin!(stopped);
        let current = self
            .current_error
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let warnings = self
            .current_warnings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(json) = current.or(warnings) {
            if ws.send(WsMessage::Text(json)).await.is_err() {
                return;
            }
        }
        loop {
            tokio::select! {
                msg = rx.recv() => {
                    let json = match msg {
                        Ok(json) => json,
                        // Missed some messages: a reload is always a safe summary.
                        Err(broadcast::error::RecvError::Lagged(_)) => Message::Reload.to_json().into(),
                        Err(broadcast::error::RecvError::Closed) => break,
                    };
                    if ws.send(WsMessage::Text(json)).await.is_err() {
                        return;
                    }
                }
                incoming = ws.recv() => match incoming {
                    Some(Ok(WsMessage::Close(_))) | Some(Err(_)) | None => return,
                    Some(Ok(_)) => {} // the client never needs to say anything
                },
                () = &mut stopped => break,
            }
        }
        let _ = ws.send(WsMessage::Close(None)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_to_the_browser_are_bounded() {
        let loc = ErrorLoc {
            file: "content/a.md".into(),
            line: 1,
            col: 1,
            message: "broken link ".repeat(1000),
        };
        let failure = BuildFailure {
            rendered: "error: broken link\n".repeat(500_000),
            errors: vec![loc; 5000],
        };
        let json = Message::error(&failure).to_json();
        assert!(
            json.len() < MAX_TEXT + MAX_ENTRIES * 700,
            "{} bytes",
            json.len()
        );
        assert!(json.contains("more bytes not shown here"));
        hub_warnings_too(&failure);
    }

    fn hub_warnings_too(failure: &BuildFailure) {
        let hub = Hub::default();
        hub.set_warnings(Some(failure));
        let sent = hub.current_warnings.read().unwrap().clone().unwrap();
        assert!(sent.len() < MAX_TEXT + MAX_ENTRIES * 700);
    }
    use bytes::Bytes;
    use std::path::PathBuf;

    fn files(entries: &[(&str, &str)]) -> Files {
        let map: crate::output::FileMap = entries
            .iter()
            .map(|(k, v)| (k.to_string(), Bytes::from(v.to_string())))
            .collect();
        Arc::new(map)
    }
    fn change(paths: &[&str]) -> ChangeSet {
        ChangeSet {
            paths: paths.iter().map(PathBuf::from).collect(),
            rescan: false,
        }
    }

    #[test]
    fn css_only_change_swaps_the_changed_stylesheets() {
        let old = files(&[
            ("index.html", "a"),
            ("static/style.aaaa1111.css", "x"),
            ("print.css", "p"),
        ]);
        let new = files(&[
            ("index.html", "b"),
            ("static/style.bbbb2222.css", "y"),
            ("print.css", "p"),
        ]);
        let msg = message_for(&change(&["/p/theme/style.css"]), &old, &new, false);
        assert_eq!(
            msg,
            Message::Css {
                files: vec!["/static/style.bbbb2222.css".into()]
            }
        );
        let json = msg.to_json();
        assert_eq!(
            json,
            r#"{"type":"css","files":["/static/style.bbbb2222.css"]}"#
        );
    }

    #[test]
    fn anything_else_reloads() {
        let old = files(&[("a.css", "x")]);
        let new = files(&[("a.css", "y")]);
        assert_eq!(
            message_for(&change(&["/p/a.md"]), &old, &new, false),
            Message::Reload
        );
        assert_eq!(
            message_for(&change(&["/p/a.css", "/p/b.md"]), &old, &new, false),
            Message::Reload
        );
        // Coming back from an error must clear the overlay.
        assert_eq!(
            message_for(&change(&["/p/a.css"]), &old, &new, true),
            Message::Reload
        );
        // CSS source changed but no CSS output did (e.g. it is inlined): reload.
        assert_eq!(
            message_for(&change(&["/p/a.css"]), &old, &old, false),
            Message::Reload
        );
    }

    #[test]
    fn error_message_carries_text_and_locations() {
        let failure = BuildFailure {
            rendered: "error: bad\n --> a.md:3:5".into(),
            errors: vec![ErrorLoc {
                file: "a.md".into(),
                line: 3,
                col: 5,
                message: "bad".into(),
            }],
        };
        let json = Message::error(&failure).to_json();
        assert_eq!(
            json,
            r#"{"type":"error","text":"error: bad\n --> a.md:3:5","errors":[{"file":"a.md","line":3,"col":5,"message":"bad"}]}"#
        );
        let hub = Hub::default();
        hub.publish(&Message::error(&failure));
        assert!(hub.has_error());
        hub.publish(&Message::Reload);
        assert!(!hub.has_error());
    }

    #[test]
    fn client_script_speaks_the_protocol() {
        for needle in [
            WS_PATH,
            "\"reload\"",
            "\"css\"",
            "\"error\"",
            "role",
            "sessionStorage",
            "</",
        ] {
            if needle == "</" {
                // Inlined in a <script>: it must never close the element early.
                assert!(
                    !CLIENT_JS.contains("</script"),
                    "client.js must not contain </script"
                );
            } else {
                assert!(CLIENT_JS.contains(needle), "client.js lacks {needle}");
            }
        }
    }
}
