//! Phase timings and the process's peak memory after each phase, for `guide build
//! --verbose` and profiling.

/// Phase timings.
#[derive(Default)]
pub(crate) struct Clock {
    last: Option<std::time::Instant>,
    pub(crate) laps: Vec<(&'static str, std::time::Duration)>,
    /// The peak resident set size (KiB) when each lap ended, where the OS tells it.
    pub(crate) peaks: Vec<Option<u64>>,
}

impl Clock {
    /// Records the time since the previous lap under `name`.
    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        let since = self.last.map_or(std::time::Duration::ZERO, |l| now - l);
        if self.last.is_some() {
            self.laps.push((name, since));
            self.peaks.push(peak_rss_kib());
        }
        self.last = Some(now);
    }
}

/// The peak resident set size of this process so far (Linux: `VmHWM` of /proc/self/status).
pub(crate) fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
