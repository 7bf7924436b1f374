//! Stop-if blocks: a caution or warning callout (`> [!CAUTION] Stop if`, or a body that
//! starts "Stop if …") holds the conditions to stop at. It gets the class `callout-stop`
//! so it stands out on the page and on paper, and is counted in [`Rendered::stop_ifs`] so
//! book.toml `[safety] require-stop-if` can ask for one on every page with steps or holds.

use pulldown_cmark::Event;

use super::{Ev, Rendered};

/// The opening markup of the callouts that can be stop-if blocks (from callouts.rs).
const OPENINGS: [&str; 2] = [
    "<div class=\"callout callout-caution\"",
    "<div class=\"callout callout-warning\"",
];

/// Marks the stop-if callouts among `events` (after the callouts pass).
pub(super) fn mark(events: &mut [Ev], out: &mut Rendered) {
    for i in 0..events.len() {
        let Event::Html(h) = &events[i].0 else {
            continue;
        };
        let Some(open) = OPENINGS.iter().find(|o| h.starts_with(**o)) else {
            continue;
        };
        if !starts_with_stop_if(&events[i + 1..]) {
            continue;
        }
        let marked = h.replacen(
            open,
            &format!("{} callout-stop\"", &open[..open.len() - 1]),
            1,
        );
        events[i].0 = Event::Html(marked.into());
        out.stop_ifs += 1;
    }
}

/// Whether the first text of the callout (its custom title, else its first paragraph)
/// starts with "stop if", in any case.
fn starts_with_stop_if(rest: &[Ev]) -> bool {
    let mut first = String::new();
    for (e, _) in rest.iter().take(8) {
        match e {
            Event::Text(t) => first.push_str(t),
            Event::Start(_) => {}
            _ => break,
        }
        if first.len() >= 7 {
            break;
        }
    }
    first
        .trim_start()
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("stop if"))
}
