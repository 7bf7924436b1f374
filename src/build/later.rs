//! Frees the last build's values on a background thread: a serve rebuild replaces a cache
//! that holds every page of the guide, and returning its memory (tens of milliseconds at
//! 10,000 pages) need not delay the reply to the browser.

use std::sync::LazyLock;
use std::sync::mpsc::{Sender, channel};

type Garbage = Box<dyn Send>;

/// The dropping thread's inbox, started on first use.
static INBOX: LazyLock<Sender<Garbage>> = LazyLock::new(|| {
    let (tx, rx) = channel::<Garbage>();
    std::thread::Builder::new()
        .name("guide-drop".into())
        .spawn(move || rx.into_iter().for_each(drop))
        .expect("a thread to free memory on");
    tx
});

/// Drops `value` on the background thread (here, if that thread is gone).
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    if let Err(back) = INBOX.send(Box::new(value)) {
        drop(back.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    struct Flag(Arc<AtomicBool>);
    impl Drop for Flag {
        fn drop(&mut self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_value_handed_over_is_dropped_soon() {
        let dropped = Arc::new(AtomicBool::new(false));
        drop_later(Flag(dropped.clone()));
        for _ in 0..500 {
            if dropped.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        panic!("the value was never dropped");
    }
}
