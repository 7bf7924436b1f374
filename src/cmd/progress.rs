//! The live progress line of a long `guide build` (phase, pages or images, elapsed), drawn on stderr
//! with indicatif at 10 Hz, from a thread of its own that only reads the build's atomic
//! counters ([`crate::build::progress`]). Shown only when stderr is a terminal, not under
//! `-q`, and only once the build has run about a second: a short build and a CI log keep
//! just the one summary line.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::build::progress;

/// How long a build runs before its line appears.
const DELAY: Duration = Duration::from_secs(1);
/// How often the line is redrawn.
const TICK: Duration = Duration::from_millis(100);

/// The drawing thread; dropping it clears the line.
pub(super) struct Line {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// Starts the line for a build that began at `start`, when it should be shown at all.
pub(super) fn start(start: Instant, quiet: bool) -> Option<Line> {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let thread = std::thread::spawn(move || draw(start, &flag));
    Some(Line {
        stop,
        thread: Some(thread),
    })
}

fn draw(start: Instant, stop: &AtomicBool) {
    let mut bar: Option<ProgressBar> = None;
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(TICK);
        if start.elapsed() < DELAY {
            continue;
        }
        let bar = bar.get_or_insert_with(|| {
            let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(10));
            b.set_style(ProgressStyle::with_template("{msg}").expect("a valid template"));
            b
        });
        bar.set_message(message(start.elapsed()));
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
}

/// `templates: 41,200 / 100,166 pages · 12.3 s`, `photos: 12 / 50 images · 20.1 s`.
fn message(elapsed: Duration) -> String {
    let (phase, done, total) = progress::now();
    let pages = if total > 0 {
        format!(
            ": {} / {} {}",
            thousands(done.min(total)),
            thousands(total),
            progress::unit()
        )
    } else {
        String::new()
    };
    format!("{phase}{pages} · {:.1} s", elapsed.as_secs_f64())
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Drop for Line {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(100_166), "100,166");
        assert_eq!(super::thousands(1_000_000), "1,000,000");
    }
}
