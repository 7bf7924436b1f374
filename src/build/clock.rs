//! Phase timings, for `guide build --verbose` and profiling.

/// Phase timings.
#[derive(Default)]
pub(crate) struct Clock {
    last: Option<std::time::Instant>,
    pub(crate) laps: Vec<(&'static str, std::time::Duration)>,
}

impl Clock {
    /// Records the time since the previous lap under `name`.
    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        let since = self.last.map_or(std::time::Duration::ZERO, |l| now - l);
        if self.last.is_some() {
            self.laps.push((name, since));
        }
        self.last = Some(now);
    }
}
