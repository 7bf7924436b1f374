//! Bad input, nothing lost: each case gives a clear error or a correct build, never a panic,
//! a hang or a half-written output, and the previous output survives every failure.
//!
//! Table-driven cases edit a copy of `tests/fixtures/basic` after a first good build, run
//! `guide build` (the real binary, in a child process so a stack overflow or abort is caught
//! too) under a time limit, and compare the output folder with the first build. The cases
//! that need the kernel's help (read-only and full filesystems) run `guide` inside a private
//! mount namespace (`unshare -m`, as root); where that is not possible they say so and fall
//! back to what the library can show.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::harness::GuideTest;
use crate::props::gate_summary;

const LIMIT: Duration = Duration::from_secs(300);

/// What a run of `guide build` did.
#[derive(Debug)]
struct Run {
    status: Option<ExitStatus>,
    stderr: String,
    took: Duration,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.status.and_then(|s| s.code())
    }
    fn describe(&self) -> String {
        format!(
            "status {:?} after {:.1}s\nstderr:\n{}",
            self.status,
            self.took.as_secs_f64(),
            self.stderr.chars().take(4000).collect::<String>()
        )
    }
}

fn guide() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_guide"));
    c.env("NO_COLOR", "1");
    c
}

/// Runs `cmd` with a time limit; a run over the limit is killed and reported as a hang.
fn run_limited(mut cmd: Command, limit: Duration) -> Run {
    let tmp = tempfile::tempdir().unwrap();
    let err_path = tmp.path().join("stderr");
    let err = std::fs::File::create(&err_path).unwrap();
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err)
        .spawn()
        .unwrap();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        status,
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
        took: start.elapsed(),
    }
}

fn build(g: &GuideTest) -> Run {
    let mut c = guide();
    c.current_dir(&g.root).arg("build");
    run_limited(c, LIMIT)
}

/// Every file of a folder, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return out;
    }
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    out
}

/// Staging or set-aside folders left beside the output.
fn debris(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains(".guide-stage-") || n.contains(".guide-old-"))
                .collect()
        })
        .unwrap_or_default()
}

/// A complete output: the marker, the landing page, 404, and every page it links to.
fn assert_complete(out: &Path, case: &str) {
    for f in [
        ".guide-output",
        "index.html",
        "404.html",
        "print/index.html",
    ] {
        assert!(out.join(f).is_file(), "{case}: the output lacks {f}");
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.trim_end().ends_with("</html>"),
        "{case}: index.html is cut short"
    );
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// A correct build.
    Ok,
    /// Exit 1 with `error:` and this text on stderr, the old output untouched.
    Error(&'static str),
    /// Either of the above (the contract is only: no panic, no hang, nothing lost).
    OkOrError,
}

struct Case {
    name: &'static str,
    setup: fn(&GuideTest, &Path),
    expect: Expect,
}

fn outside_dir(scratch: &Path) -> PathBuf {
    let d = scratch.join("outside");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("secret.md"), "# Secret\n").unwrap();
    d
}

fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

/// A deeply nested construct: `open` repeated `depth` times, then text.
fn nested(open: &str, depth: usize) -> String {
    let mut s = open.repeat(depth);
    s.push_str("deep\n");
    s
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "symlink loop in content",
            setup: |g, _| symlink(".", g.path("content/03-stretches/loop")),
            expect: Expect::Error("symlink loop"),
        },
        Case {
            name: "symlink to a folder outside the project",
            setup: |g, scratch| symlink(outside_dir(scratch), g.path("content/elsewhere")),
            expect: Expect::Error("leads outside the content folder"),
        },
        Case {
            name: "symlink to a page outside the project",
            setup: |g, scratch| {
                symlink(
                    outside_dir(scratch).join("secret.md"),
                    g.path("content/secret.md"),
                )
            },
            expect: Expect::Error("leads outside the content folder"),
        },
        Case {
            name: "dangling symlink",
            setup: |g, _| symlink("nowhere.md", g.path("content/dangling.md")),
            expect: Expect::Error("error:"),
        },
        Case {
            name: "symlink inside the project (allowed)",
            setup: |g, _| symlink("diagrams/muscle.svg", g.path("content/alias.svg")),
            expect: Expect::Ok,
        },
        Case {
            name: "binary file as an asset",
            setup: |g, _| {
                let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
                g.write("content/diagrams/blob.bin", bytes);
            },
            expect: Expect::Ok,
        },
        Case {
            name: "binary .md (a PNG renamed)",
            setup: |g, _| {
                let mut bytes = std::fs::read(g.path("content/diagrams/photo.png")).unwrap();
                bytes.extend((0..255u8).rev());
                g.write("content/binary.md", bytes);
            },
            expect: Expect::Error("not valid UTF-8"),
        },
        Case {
            name: "corrupt image in a figure",
            setup: |g, _| {
                g.write("content/diagrams/bad.png", b"\x89PNG\r\n\x1a\nnot really");
                g.write(
                    "content/bad.md",
                    "# Bad\n\n![A bad image](diagrams/bad.png)\n",
                );
            },
            expect: Expect::OkOrError,
        },
        Case {
            name: "10,000 nested lists",
            setup: |g, _| {
                g.write(
                    "content/deep.md",
                    format!("# Deep\n\n{}", nested("- ", 10_000)),
                );
            },
            expect: Expect::OkOrError,
        },
        Case {
            name: "10,000 nested ordered lists",
            setup: |g, _| {
                g.write(
                    "content/deep.md",
                    format!("# Deep\n\n{}", nested("1. ", 10_000)),
                );
            },
            expect: Expect::OkOrError,
        },
        Case {
            name: "10,000 nested block quotes",
            setup: |g, _| {
                g.write(
                    "content/deep.md",
                    format!("# Deep\n\n{}", nested("> ", 10_000)),
                );
            },
            expect: Expect::OkOrError,
        },
        Case {
            name: "10,000 nested callouts",
            setup: |g, _| {
                let mut s = String::from("# Deep\n\n");
                for i in 0..10_000 {
                    s.push_str(&"> ".repeat(i));
                    s.push_str("> [!NOTE]\n");
                }
                g.write("content/deep.md", s);
            },
            expect: Expect::OkOrError,
        },
        Case {
            name: "10,000 nested emphasis, links and HTML",
            setup: |g, _| {
                let s = format!(
                    "# Deep\n\n{}x{}\n\n{}x{}\n\n{}\n",
                    "*_".repeat(5_000),
                    "_*".repeat(5_000),
                    "[".repeat(10_000),
                    "](#)".repeat(10_000),
                    "<div>".repeat(10_000)
                );
                g.write("content/deep.md", s);
            },
            expect: Expect::OkOrError,
        },
        Case {
            name: "output folder inside a file",
            setup: |g, _| {
                g.write("blocker", "a file, not a folder\n");
                g.edit(
                    "book.toml",
                    "output = \"public\"",
                    "output = \"blocker/public\"",
                );
            },
            expect: Expect::Error("blocker"),
        },
    ]
}

/// Runs one table case on a fresh copy of the basic fixture.
fn run_case(case: &Case) -> String {
    let g = GuideTest::fixture("basic");
    let scratch = tempfile::tempdir().unwrap();
    let first = build(&g);
    assert_eq!(
        first.code(),
        Some(0),
        "{}: first build\n{}",
        case.name,
        first.describe()
    );
    let out = g.path("public");
    let before = snapshot(&out);
    (case.setup)(&g, scratch.path());
    let run = build(&g);
    let after = snapshot(&out);
    let what = format!("{}: {}", case.name, run.describe());
    assert!(
        run.status.is_some(),
        "hang (killed after {LIMIT:?}): {what}"
    );
    let code = run.code();
    assert!(code != Some(101), "panic: {what}");
    assert!(
        matches!(code, Some(0) | Some(1)),
        "neither success nor a clear error: {what}"
    );
    let got = if code == Some(0) {
        if let Expect::Error(want) = case.expect {
            panic!("expected an error mentioning {want:?}, the build succeeded: {what}");
        }
        assert_complete(&out, case.name);
        "built".to_string()
    } else {
        if case.expect == Expect::Ok {
            panic!("expected a correct build: {what}");
        }
        assert!(
            run.stderr.contains("error:"),
            "an error says `error:`: {what}"
        );
        if let Expect::Error(want) = case.expect {
            assert!(
                run.stderr.contains(want),
                "the error should mention {want:?}: {what}"
            );
        }
        assert!(
            before == after,
            "the old output changed after a failed build: {what}"
        );
        let first_line = run
            .stderr
            .lines()
            .find(|l| l.starts_with("error"))
            .unwrap_or("");
        format!("clear error ({first_line})")
    };
    assert!(
        debris(&g.root).is_empty(),
        "staging left behind: {:?}: {what}",
        debris(&g.root)
    );
    format!("{} -> {got} in {:.1}s", case.name, run.took.as_secs_f64())
}

#[test]
fn bad_input_table() {
    let start = Instant::now();
    let mut lines = Vec::new();
    for case in cases() {
        lines.push(run_case(&case));
    }
    let summary = format!(
        "robustness: {} bad-input cases, no panic, hang or lost output ({:.1}s)\n  {}",
        lines.len(),
        start.elapsed().as_secs_f64(),
        lines.join("\n  ")
    );
    gate_summary("robustness-table", &summary);
}

/// A 50 MB Markdown file: built (or refused clearly) in bounded time and memory.
#[test]
fn fifty_megabyte_markdown() {
    let g = GuideTest::fixture("basic");
    let mut text = String::from("# Huge\n\n");
    let para = "The psoas joins the lumbar spine to the femur; *press* slowly and `breathe`.\n\n";
    let mut i = 0;
    while text.len() < 50 * 1024 * 1024 {
        if i % 500 == 0 {
            text.push_str(&format!("## Part {i}\n\n- a list item\n- another\n\n"));
        }
        text.push_str(para);
        i += 1;
    }
    g.write("content/huge.md", &text);
    let run = build(&g);
    let what = run.describe();
    assert!(run.status.is_some(), "hang: {what}");
    assert!(matches!(run.code(), Some(0) | Some(1)), "{what}");
    if run.code() == Some(0) {
        assert_complete(&g.path("public"), "50 MB");
        let page = std::fs::metadata(g.path("public/huge/index.html"))
            .unwrap()
            .len();
        assert!(
            page > 40 * 1024 * 1024,
            "the huge page is complete ({page} bytes)"
        );
    } else {
        assert!(run.stderr.contains("error:"), "{what}");
    }
    gate_summary(
        "robustness-huge",
        &format!(
            "robustness: 50 MB Markdown file -> {} in {:.1}s",
            if run.code() == Some(0) {
                "built"
            } else {
                "clear error"
            },
            run.took.as_secs_f64()
        ),
    );
}

/// Can this process make private mounts (root, `unshare -m`, tmpfs)?
fn can_mount() -> Result<(), String> {
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt 2>&1 || mount -t tmpfs -o size=64k tmpfs /tmp 2>&1"])
        .output();
    match out {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(format!(
            "unshare -m / mount not permitted: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        )),
        Err(e) => Err(format!("unshare not available: {e}")),
    }
}

/// Runs `script` with `sh` in a private mount namespace, with `$GUIDE` set to the binary.
fn in_namespace(script: &str, dir: &Path) -> Run {
    let mut c = Command::new("unshare");
    c.args(["-m", "sh", "-ec", script])
        .current_dir(dir)
        .env("GUIDE", env!("CARGO_BIN_EXE_guide"))
        .env("NO_COLOR", "1");
    run_limited(c, LIMIT)
}

/// Read-only output folder and read-only project folder: the build fails clearly and the
/// previous output is untouched. Root ignores permission bits, so the folders are made
/// read-only by remounting them (bind mounts, in a private namespace).
#[test]
fn read_only_output() {
    let g = GuideTest::fixture("basic");
    g.build_ok();
    let before = snapshot(&g.path("public"));
    let text = g.read("content/01-anatomy.md");
    g.write("content/01-anatomy.md", format!("{text}\nChanged.\n"));
    let mut lines = Vec::new();
    match can_mount() {
        Ok(()) => {
            for (name, target) in [("output folder", "public"), ("project folder", ".")] {
                let script = format!(
                    "mount --bind {target} {target}; mount -o remount,ro,bind {target}; \
                     \"$GUIDE\" build . || exit $?"
                );
                let run = in_namespace(&script, &g.root);
                let what = format!("read-only {name}: {}", run.describe());
                assert_eq!(run.code(), Some(1), "{what}");
                assert!(run.stderr.contains("error:"), "{what}");
                assert!(!run.stderr.contains("panicked"), "{what}");
                assert!(
                    snapshot(&g.path("public")) == before,
                    "output changed: {what}"
                );
                assert!(debris(&g.root).is_empty(), "staging left: {what}");
                let first = run.stderr.lines().next().unwrap_or("").to_string();
                lines.push(format!("read-only {name} -> clear error ({first})"));
            }
        }
        Err(why) => {
            let msg = format!("read-only output: skipped the mount cases: {why}");
            eprintln!("{msg}");
            lines.push(msg);
        }
    }
    // Through the library as well: an output path that cannot be made (inside a file).
    g.write("blocker", "x");
    let built = guide::build(&guide::BuildOptions {
        root: g.root.clone(),
        ..Default::default()
    })
    .expect("the guide builds");
    let err = guide::output::write::write(&built.config, &built.tree, &g.path("blocker/public"))
        .expect_err("cannot write inside a file");
    assert!(!err.render_plain().is_empty());
    assert!(snapshot(&g.path("public")) == before);
    lines.push("output inside a file (library) -> clear error".into());
    gate_summary(
        "robustness-readonly",
        &format!("robustness: {}", lines.join("; ")),
    );
}

/// A full disk (a small tmpfs): the build fails clearly, the old output survives whole, and
/// no staging folder is left to fill the disk further.
#[test]
fn full_disk() {
    if let Err(why) = can_mount() {
        let msg = format!("robustness: full disk: skipped: {why}");
        gate_summary("robustness-fulldisk", &msg);
        return;
    }
    let g = GuideTest::fixture("basic");
    let scratch = tempfile::tempdir().unwrap();
    let report = scratch.path().join("report");
    std::fs::create_dir_all(&report).unwrap();
    // Inside the namespace: a 1 MB tmpfs holds a copy of the project; build once (the old
    // output), fill the disk, edit a page and build again; copy the results out.
    let script = format!(
        r#"
        mnt={mnt}; rep={rep}
        mkdir -p "$mnt"; mount -t tmpfs -o size=1m tmpfs "$mnt"
        cp -r . "$mnt/guide"; cd "$mnt/guide"
        "$GUIDE" build . > "$rep/first.out" 2>&1
        (cd public && find . -type f | sort | xargs cat | cksum) > "$rep/before.sum"
        echo "Changed while the disk is full." >> content/01-anatomy.md
        dd if=/dev/zero of="$mnt/fill" bs=1k 2>/dev/null || true
        set +e
        "$GUIDE" build . > "$rep/second.out" 2> "$rep/second.err"
        echo $? > "$rep/second.code"
        (cd public && find . -type f | sort | xargs cat | cksum) > "$rep/after.sum"
        ls -a > "$rep/listing"
        rm -f "$mnt/fill"
        "$GUIDE" build . > "$rep/third.out" 2>&1
        echo $? > "$rep/third.code"
        grep -c "Changed while the disk is full" public/anatomy/index.html > "$rep/third.grep" || true
        "#,
        mnt = scratch.path().join("mnt").display(),
        rep = report.display()
    );
    let run = in_namespace(&script, &g.root);
    let read = |f: &str| std::fs::read_to_string(report.join(f)).unwrap_or_default();
    let what = format!(
        "{}\nsecond build stderr:\n{}\nlisting:\n{}",
        run.describe(),
        read("second.err"),
        read("listing")
    );
    assert_eq!(run.code(), Some(0), "the script: {what}");
    assert!(
        read("first.out").contains("Built"),
        "first build: {}",
        read("first.out")
    );
    assert_eq!(
        read("second.code").trim(),
        "1",
        "a full disk is a clear error: {what}"
    );
    assert!(read("second.err").contains("error:"), "{what}");
    assert!(!read("second.err").contains("panicked"), "{what}");
    assert_eq!(
        read("before.sum"),
        read("after.sum"),
        "the old output changed: {what}"
    );
    assert!(
        !read("listing").contains(".guide-stage-") && !read("listing").contains(".guide-old-"),
        "staging left on the full disk: {what}"
    );
    assert_eq!(
        read("third.code").trim(),
        "0",
        "a build once space is back: {what}"
    );
    assert_eq!(
        read("third.grep").trim(),
        "1",
        "the new build has the change"
    );
    let first = read("second.err").lines().next().unwrap_or("").to_string();
    gate_summary(
        "robustness-fulldisk",
        &format!("robustness: full disk (1 MB tmpfs) -> clear error ({first}), old output intact"),
    );
}

/// A project big enough that a build takes a while, for the interruption cases.
fn big_project() -> GuideTest {
    let g = GuideTest::fixture("basic");
    let para = "Press slowly into the muscle and breathe; *hold* the pressure, then `release`.\n\n";
    for n in 0..40 {
        let mut s = format!("# Page {n}\n\n");
        for k in 0..400 {
            if k % 40 == 0 {
                s.push_str(&format!(
                    "## Part {k}\n\n```rust\nfn part_{k}() {{ let x = {k}; }}\n```\n\n"
                ));
            }
            s.push_str(para);
        }
        g.write(&format!("content/bulk/p{n:02}.md"), s);
    }
    g.write("content/bulk/_index.md", "# Bulk\n");
    g
}

/// Spawns `guide build`, lets it run for `after`, then calls `act` (with the child's id).
fn interrupt(g: &GuideTest, after: Duration, act: impl FnOnce(u32)) -> Run {
    let tmp = tempfile::tempdir().unwrap();
    let err_path = tmp.path().join("stderr");
    let start = Instant::now();
    let mut child = guide()
        .current_dir(&g.root)
        .arg("build")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    act(child.id());
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        status,
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
        took: start.elapsed(),
    }
}

/// The fractions of a build's duration at which the interruption cases strike.
const WHEN: [f64; 6] = [0.05, 0.25, 0.5, 0.75, 0.9, 1.0];

/// Ctrl-C (SIGINT) at several points of a build: the output is either the old one, whole,
/// or the new one, whole; the next build succeeds and clears any staging folder.
#[test]
fn sigint_during_build() {
    let g = big_project();
    let first = build(&g);
    assert_eq!(first.code(), Some(0), "{}", first.describe());
    let took = first.took;
    let mut outcomes = Vec::new();
    let original = g.read("content/01-anatomy.md");
    for (i, f) in WHEN.iter().enumerate() {
        let before = snapshot(&g.path("public"));
        let marker = format!("Edit number {i}.");
        g.write("content/01-anatomy.md", format!("{original}\n{marker}\n"));
        let run = interrupt(&g, took.mul_f64(*f), |pid| {
            let _ = Command::new("kill")
                .args(["-INT", &pid.to_string()])
                .status();
        });
        let what = format!("SIGINT at {:.0}%: {}", f * 100.0, run.describe());
        assert!(run.status.is_some(), "hang: {what}");
        assert!(run.code() != Some(101), "panic: {what}");
        let after = snapshot(&g.path("public"));
        let new = after
            .get("anatomy/index.html")
            .is_some_and(|p| String::from_utf8_lossy(p).contains(&marker));
        if new {
            assert_complete(&g.path("public"), &what);
            outcomes.push("new output");
        } else {
            assert!(
                after == before,
                "neither the old output nor the new: {what}"
            );
            outcomes.push("old output intact");
        }
    }
    let last = build(&g);
    assert_eq!(
        last.code(),
        Some(0),
        "a build after the interruptions: {}",
        last.describe()
    );
    assert!(
        debris(&g.root).is_empty(),
        "staging not cleared: {:?}",
        debris(&g.root)
    );
    gate_summary(
        "robustness-sigint",
        &format!(
            "robustness: SIGINT at {} of a {:.1}s build -> {}",
            WHEN.map(|f| format!("{:.0}%", f * 100.0)).join("/"),
            took.as_secs_f64(),
            outcomes.join(", ")
        ),
    );
}

/// A file deleted while a build runs: a clear error with the old output intact, or a correct
/// build; never a panic or a half-written output.
#[test]
fn file_deleted_during_build() {
    let g = big_project();
    let first = build(&g);
    assert_eq!(first.code(), Some(0), "{}", first.describe());
    let took = first.took;
    let mut outcomes = Vec::new();
    for (i, f) in WHEN.iter().enumerate() {
        let before = snapshot(&g.path("public"));
        let victim = format!("content/bulk/p{:02}.md", i * 5);
        let text = g.read(&victim);
        let path = g.path(&victim);
        let run = interrupt(&g, took.mul_f64(*f), |_| {
            std::fs::remove_file(&path).unwrap();
        });
        let what = format!("{victim} deleted at {:.0}%: {}", f * 100.0, run.describe());
        assert!(run.status.is_some(), "hang: {what}");
        match run.code() {
            Some(0) => {
                assert_complete(&g.path("public"), &what);
                outcomes.push("built");
            }
            Some(1) => {
                assert!(run.stderr.contains("error:"), "{what}");
                assert!(
                    snapshot(&g.path("public")) == before,
                    "old output changed: {what}"
                );
                outcomes.push("clear error");
            }
            _ => panic!("neither a build nor a clear error: {what}"),
        }
        assert!(debris(&g.root).is_empty(), "staging left: {what}");
        g.write(&victim, text);
    }
    gate_summary(
        "robustness-deleted",
        &format!(
            "robustness: a page deleted at {} of a {:.1}s build -> {}",
            WHEN.map(|f| format!("{:.0}%", f * 100.0)).join("/"),
            took.as_secs_f64(),
            outcomes.join(", ")
        ),
    );
}
