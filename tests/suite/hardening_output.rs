//! Hardening of the output folder's life (issue 13, items 3, 4 and 7): builds into one
//! output at once take turns through its lock, an interrupted swap is repaired by the next
//! build, and a build with a thousand errors prints a bounded report.

#![cfg(unix)]

use std::path::Path;

use crate::harness::GuideTest;

/// Names beside the output that a build leaves behind: staging or set-aside folders.
fn debris(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".guide-stage-") || n.contains(".guide-old-"))
        .collect()
}

/// Item 3: A build waits for the process holding the output's lock, naming its pid, and
/// finishes once the lock is released.
#[test]
fn a_second_build_waits_for_the_lock_holder_and_names_it() {
    use std::io::{BufRead, Write};
    let g = GuideTest::fixture("basic");
    g.build_ok();
    let lock_path = g.path(".public.guide-lock");
    let mut held = std::fs::OpenOptions::new()
        .write(true)
        .open(&lock_path)
        .unwrap();
    rustix::fs::flock(&held, rustix::fs::FlockOperation::LockExclusive).unwrap();
    held.set_len(0).unwrap();
    write!(held, "4242").unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_guide"))
        .current_dir(&g.root)
        .arg("build")
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(
        first.contains("waiting for another guide build (pid 4242)"),
        "{first}"
    );
    // The waiting build has not touched the output.
    assert!(debris(&g.root).is_empty());
    rustix::fs::flock(&held, rustix::fs::FlockOperation::Unlock).unwrap();
    assert!(child.wait().unwrap().success());
    assert!(g.path("public/.guide-output").is_file());
    assert!(debris(&g.root).is_empty());
}

/// Item 3: Real builds into one output at once: every one succeeds, the output keeps its
/// marker, nothing is left beside it.
#[test]
fn concurrent_builds_into_one_output_all_succeed() {
    let g = GuideTest::fixture("basic");
    for _ in 0..3 {
        let children: Vec<_> = (0..3)
            .map(|_| {
                std::process::Command::new(env!("CARGO_BIN_EXE_guide"))
                    .current_dir(&g.root)
                    .args(["build", "--quiet"])
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert!(g.path("public/.guide-output").is_file());
        assert!(g.path("public/index.html").is_file());
        assert!(debris(&g.root).is_empty(), "{:?}", debris(&g.root));
    }
}

/// Item 4: A crash between the two renames of a swap (where the OS cannot exchange) leaves the
/// output only as `.public.guide-old-*`: the next build restores it before any work, even
/// when that build fails.
#[test]
fn an_interrupted_swap_is_recovered_by_the_next_build_even_a_failing_one() {
    let g = GuideTest::fixture("basic");
    g.build_ok();
    let page = g.read("public/index.html");
    let aside = g.path(".public.guide-old-1234-1700000000000000000");
    std::fs::rename(g.path("public"), &aside).unwrap();
    // A stale staging folder of the crashed build, marker and all.
    let stale = g.path(".public.guide-stage-1234-1700000000000000000");
    std::fs::create_dir_all(stale.join("x")).unwrap();
    std::fs::write(stale.join(".guide-output"), "").unwrap();
    g.write("content/01-anatomy.md", "---\ntitle: [unclosed\n---\n");
    let err = g.build_err();
    assert!(err.contains("restored"), "{err}");
    assert_eq!(g.read("public/index.html"), page);
    assert!(debris(&g.root).is_empty(), "{:?}", debris(&g.root));
}

/// Item 7: 1,000 broken links on one long line printed 34 MB (the whole line under each).
/// Now a window of the line is shown under each of the first 20, then one "and N more"
/// line, and the summary still counts all 1,000.
#[test]
fn a_thousand_broken_links_on_one_line_print_a_bounded_report() {
    let g = GuideTest::fixture("basic");
    let links: String = (0..1000)
        .map(|i| format!("[link {i}](missing-page-{i}.md) "))
        .collect();
    g.write("content/02-location.md", format!("# Location\n\n{links}\n"));
    let err = g.build_err();
    assert!(err.len() < 64 * 1024, "{} bytes of errors", err.len());
    assert!(
        err.contains("--> content/02-location.md:3:"),
        "{}",
        &err[..2000]
    );
    assert!(
        err.contains("… and 980 more in content/02-location.md"),
        "{}",
        &err[err.len().saturating_sub(2000)..]
    );
    assert!(
        err.contains("the guide has 1000 errors"),
        "{}",
        &err[err.len() - 500..]
    );
}
