//! In-process rebuild time after a one-page edit, without a browser or a server: the number
//! the incremental build is judged by (serve_latency measures the same plus the browser).
//!
//! ```sh
//! python3 /work/shared/bench/gen_corpus.py 1000 --format guide --out /tmp/c1000
//! cargo run --release --example rebuild_time -- /tmp/c1000 [EDITS] [ROUNDS]
//! ```
//! Each round is a fresh session: one full build, then EDITS edits of the same page, each
//! followed by `Session::rebuild`. Prints each round's median, the median of the medians, and
//! the mean time of each phase.

use std::path::{Path, PathBuf};
use std::time::Instant;

use guide::{BuildOptions, Session};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// The first page of the first section (not a section index).
fn pick_page(root: &Path) -> PathBuf {
    let mut pages: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "md")
                && p.file_name().is_some_and(|n| n != "_index.md")
                && p.parent().is_some_and(|d| d != root.join("content"))
        })
        .collect();
    pages.sort();
    pages.into_iter().next().expect("a nested page")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = std::path::absolute(PathBuf::from(
        args.get(1)
            .expect("usage: rebuild_time CORPUS_DIR [EDITS] [ROUNDS]"),
    ))
    .unwrap();
    let edits: usize = args.get(2).map_or(20, |n| n.parse().unwrap());
    let rounds: usize = args.get(3).map_or(3, |n| n.parse().unwrap());
    let md = pick_page(&root);
    let original = std::fs::read_to_string(&md).unwrap();
    let mut medians = Vec::new();
    let mut phases: Vec<(&'static str, f64)> = Vec::new();
    for round in 0..rounds {
        let mut s = Session::new(BuildOptions {
            root: root.clone(),
            ..Default::default()
        });
        s.build().unwrap();
        let mut times = Vec::new();
        for i in 0..edits {
            std::fs::write(&md, format!("{original}\n\nrebuild marker {round} {i}\n")).unwrap();
            let t = Instant::now();
            let b = s.rebuild(std::slice::from_ref(&md)).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            for (name, d) in &b.timings {
                match phases.iter_mut().find(|(n, _)| n == name) {
                    Some(p) => p.1 += d.as_secs_f64() * 1000.0,
                    None => phases.push((name, d.as_secs_f64() * 1000.0)),
                }
            }
            assert_eq!(b.rendered, 1, "a one-page edit renders one page");
        }
        let m = median(times);
        println!("round {round}: median {m:.1} ms over {edits} edits");
        medians.push(m);
    }
    std::fs::write(&md, &original).unwrap();
    let n = (edits * rounds) as f64;
    let shown: Vec<String> = phases
        .iter()
        .map(|(name, ms)| format!("{name} {:.1}", ms / n))
        .collect();
    println!("phases of the rebuild (mean ms): {}", shown.join(", "));
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "rebuild after a one-page edit: median of medians {:.1} ms ({}; load {})",
        median(medians),
        root.display(),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
}
