//! A cap on open live-reload WebSockets.
//!
//! Upgraded WebSockets leave the connection cap of `listen` (they live as long as their
//! page), so without a cap of their own a local client opening thousands of them used up
//! the process's file descriptors, starving the build and the watcher. Beyond the cap a new
//! upgrade is answered `503` (the page's script retries later); a slot is freed when its
//! socket closes, however it closes.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts open WebSockets against a cap.
#[derive(Debug)]
pub(crate) struct Slots {
    open: Arc<AtomicUsize>,
    cap: usize,
}

/// One open WebSocket's place; frees it on drop.
#[derive(Debug)]
pub(crate) struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Slots {
    /// At most `cap` sockets at once (at least one).
    pub(crate) fn new(cap: usize) -> Slots {
        Slots {
            open: Arc::default(),
            cap: cap.max(1),
        }
    }

    /// A place for one more socket, or `None` when `cap` are open.
    pub(crate) fn take(&self) -> Option<Slot> {
        self.open
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.cap).then_some(n + 1)
            })
            .ok()
            .map(|_| Slot(self.open.clone()))
    }
}

impl Default for Slots {
    /// Half the connection cap: 256, or fewer under a low file-descriptor limit.
    fn default() -> Slots {
        Slots::new(super::listen::default_max_connections() / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beyond_the_cap_no_slot_until_one_is_freed() {
        let slots = Slots::new(3);
        let held: Vec<Slot> = (0..3).map(|_| slots.take().unwrap()).collect();
        assert!(slots.take().is_none());
        drop(held);
        let again: Vec<Slot> = (0..3).filter_map(|_| slots.take()).collect();
        assert_eq!(again.len(), 3);
        assert!(slots.take().is_none());
    }
}
