//! The hardening table (issue 13): hostile paths, links and configurations given to
//! `guide build`. Each row is an input, the refusal or message expected, and a check that
//! nothing outside the output folder changed: the whole temp tree around the guide (the
//! project and a scratch folder beside it) is fingerprinted before and after, leaving out
//! only the output folder and guide's lock file beside it.
//!
//! Builds into one output at once, the swap's crash recovery and the caps on error output
//! have tests of their own in `hardening_output`; the serve side is in `serve::hardening`.
//! `tests/HARDENING.md` lists every case with its test.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::{Path, PathBuf};

use crate::harness::GuideTest;

/// What a row expects of `guide build`.
enum Expect {
    /// Exit 1, this text on stderr.
    Refused(&'static str),
    /// Success, then this check of the project.
    Built(fn(&GuideTest)),
}

struct Row {
    name: &'static str,
    /// Prepares the project (and the scratch folder beside it); returns extra arguments.
    setup: fn(&GuideTest, &Path) -> Vec<String>,
    expect: Expect,
}

fn book(g: &GuideTest, build: &str) {
    g.write(
        "book.toml",
        format!("[book]\ntitle = \"Hostile\"\n\n[build]\n{build}\n"),
    );
}

fn o(p: &Path) -> Vec<String> {
    vec!["-o".into(), p.display().to_string()]
}

fn mkfifo(p: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(p)
        .status()
        .unwrap();
    assert!(ok.success());
}

fn socket(p: &Path) {
    // Leaked on purpose: the socket file stays bound while the row runs.
    std::mem::forget(std::os::unix::net::UnixListener::bind(p).unwrap());
}

fn outside(scratch: &Path) -> PathBuf {
    let d = scratch.join("elsewhere");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("_index.md"), "# Elsewhere\n\nOutside text.\n").unwrap();
    std::fs::write(d.join("secret.txt"), "SECRET\n").unwrap();
    d
}

fn no_secret(g: &GuideTest) {
    for e in walkdir::WalkDir::new(g.path("public")) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let text = String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned();
            for s in ["SECRET", "Hostile\"", "OUTSIDE-THEME"] {
                assert!(!text.contains(s), "{} publishes {s}", e.path().display());
            }
        }
    }
}

fn rows() -> Vec<Row> {
    vec![
        // 1. An output path that is not a folder made by guide.
        Row {
            name: "-o a FIFO",
            setup: |_, s| {
                mkfifo(&s.join("fifo"));
                o(&s.join("fifo"))
            },
            expect: Expect::Refused("it is a named pipe (FIFO), not a folder"),
        },
        Row {
            name: "-o a socket",
            setup: |_, s| {
                socket(&s.join("agent.sock"));
                o(&s.join("agent.sock"))
            },
            expect: Expect::Refused("it is a socket, not a folder"),
        },
        Row {
            name: "-o /dev/null",
            setup: |_, _| o(Path::new("/dev/null")),
            expect: Expect::Refused("it is a device, not a folder"),
        },
        Row {
            name: "-o a regular file",
            setup: |_, s| {
                std::fs::write(s.join("notes.txt"), "mine\n").unwrap();
                o(&s.join("notes.txt"))
            },
            expect: Expect::Refused("it is a file, not a folder"),
        },
        Row {
            name: "-o a symlink to a socket",
            setup: |_, s| {
                socket(&s.join("real.sock"));
                symlink(s.join("real.sock"), s.join("link")).unwrap();
                o(&s.join("link"))
            },
            expect: Expect::Refused("it is a symlink to a socket"),
        },
        Row {
            name: "-o a dangling symlink",
            setup: |_, s| {
                symlink(s.join("nothing"), s.join("dangling")).unwrap();
                o(&s.join("dangling"))
            },
            expect: Expect::Refused("a symlink that leads nowhere"),
        },
        Row {
            name: "output = a socket inside the project, from book.toml",
            setup: |g, _| {
                book(g, "output = \"out.sock\"");
                g.write("content/_index.md", "# Home\n");
                socket(&g.path("out.sock"));
                vec![]
            },
            expect: Expect::Refused("it is a socket, not a folder"),
        },
        Row {
            name: "output = \"/abs/path\" outside the project, from book.toml",
            setup: |g, s| {
                let at = s.join("agent.sock");
                socket(&at);
                book(g, &format!("output = \"{}\"", at.display()));
                vec![]
            },
            expect: Expect::Refused("book.toml:5:10"),
        },
        Row {
            name: "output = \"../site\" (a new folder outside the project)",
            setup: |g, _| {
                book(g, "output = \"../site\"");
                vec![]
            },
            expect: Expect::Refused("`output = \"../site\"` leads outside the project"),
        },
        Row {
            name: "-o a folder whose marker is a symlink to a file",
            setup: |_, s| {
                std::fs::create_dir_all(s.join("site")).unwrap();
                std::fs::write(s.join("site/mine.txt"), "mine\n").unwrap();
                std::fs::write(s.join("hostname"), "host\n").unwrap();
                symlink("../hostname", s.join("site/.guide-output")).unwrap();
                o(&s.join("site"))
            },
            expect: Expect::Refused("was not made by guide"),
        },
        Row {
            name: "-o a folder whose marker is a folder",
            setup: |_, s| {
                std::fs::create_dir_all(s.join("site/.guide-output")).unwrap();
                std::fs::write(s.join("site/mine.txt"), "mine\n").unwrap();
                o(&s.join("site"))
            },
            expect: Expect::Refused("was not made by guide"),
        },
        // 5. Files from outside the content folder.
        Row {
            name: "content symlink to ../book.toml",
            setup: |g, _| {
                symlink("../book.toml", g.path("content/book.txt")).unwrap();
                vec![]
            },
            expect: Expect::Refused(
                "content/book.txt is a symlink that leads outside the content folder",
            ),
        },
        Row {
            name: "content symlink to ../.env",
            setup: |g, _| {
                g.write(".env", "SECRET=1\n");
                symlink("../.env", g.path("content/env.md")).unwrap();
                vec![]
            },
            expect: Expect::Refused("content/env.md is a symlink that leads outside"),
        },
        Row {
            name: "content folder symlink to a folder outside",
            setup: |g, s| {
                symlink(outside(s), g.path("content/more")).unwrap();
                vec![]
            },
            expect: Expect::Refused("content/more is a symlink that leads outside"),
        },
        Row {
            name: "content = \"/elsewhere\"",
            setup: |g, s| {
                book(g, &format!("content = \"{}\"", outside(s).display()));
                vec![]
            },
            expect: Expect::Refused("leads outside the project (content folder"),
        },
        Row {
            name: "content = \"../x\"",
            setup: |g, s| {
                outside(s);
                book(g, "content = \"../scratch/elsewhere\"");
                vec![]
            },
            expect: Expect::Refused("book.toml:5:11"),
        },
        Row {
            name: "content = \"../x\" with allow-outside (built)",
            setup: |g, s| {
                outside(s);
                book(
                    g,
                    "content = \"../scratch/elsewhere\"\nallow-outside = [\"../scratch/elsewhere\"]",
                );
                vec![]
            },
            expect: Expect::Built(|g| assert!(g.read("public/index.html").contains("Outside"))),
        },
        Row {
            name: "content = \".\" (the project root, book.toml included)",
            setup: |g, s| {
                book(g, "content = \".\"");
                o(&s.join("site"))
            },
            expect: Expect::Refused("holds the project itself"),
        },
        Row {
            name: "theme = \"../../x\"",
            setup: |g, s| {
                std::fs::create_dir_all(s.join("x/templates")).unwrap();
                book(g, "theme = \"../../scratch/x\"");
                vec![]
            },
            expect: Expect::Refused("leads outside the project (theme folder"),
        },
        Row {
            name: "theme static/ symlinked outside the project",
            setup: |g, s| {
                let d = s.join("theme-static");
                std::fs::create_dir_all(&d).unwrap();
                std::fs::write(d.join("leak.css"), "/* OUTSIDE-THEME */").unwrap();
                std::fs::create_dir_all(g.path("themes/mine")).unwrap();
                symlink(&d, g.path("themes/mine/static")).unwrap();
                g.edit("book.toml", "[build]", "[build]\ntheme = \"mine\"");
                vec![]
            },
            expect: Expect::Refused("themes/mine/static is a symlink that leads outside"),
        },
        Row {
            name: "dotfiles and dot-folders in content are not published",
            setup: |g, _| {
                g.write("content/.env", "SECRET=1\n");
                g.write("content/.git/config", "SECRET\n");
                g.write("content/.well-known/security.txt", "Contact: x\n");
                vec![]
            },
            expect: Expect::Built(|g| {
                for f in [".env", ".git/config", ".well-known/security.txt"] {
                    assert!(!g.path("public").join(f).exists(), "{f} published");
                }
                no_secret(g);
            }),
        },
        Row {
            name: "a dot-folder listed in include-hidden is published",
            setup: |g, _| {
                g.write("content/.env", "SECRET=1\n");
                g.write("content/.well-known/security.txt", "Contact: x\n");
                g.edit(
                    "book.toml",
                    "[build]",
                    "[build]\ninclude-hidden = [\".well-known\"]",
                );
                vec![]
            },
            expect: Expect::Built(|g| {
                assert!(g.path("public/.well-known/security.txt").is_file());
                assert!(!g.path("public/.env").exists());
            }),
        },
    ]
}

/// Every entry under `dir` (not following links) with its kind and content hash, leaving
/// out the output folder and guide's lock file beside it.
fn fingerprint(dir: &Path, output: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let lock = output
        .file_name()
        .map(|n| format!(".{}.guide-lock", n.to_string_lossy()));
    let walk = walkdir::WalkDir::new(dir).follow_links(false).into_iter();
    // The processed-image cache is the one thing a build writes beside its output.
    let cache = std::ffi::OsStr::new(".guide-cache");
    for e in walk.filter_entry(|e| e.path() != output && e.file_name() != cache) {
        let e = e.unwrap();
        if lock.as_deref() == Some(&*e.file_name().to_string_lossy()) {
            continue;
        }
        let t = e.file_type();
        let what = if t.is_symlink() {
            format!("link {}", std::fs::read_link(e.path()).unwrap().display())
        } else if t.is_file() {
            let bytes = std::fs::read(e.path()).unwrap();
            format!("file {}", blake3::hash(&bytes))
        } else if t.is_fifo() {
            "fifo".into()
        } else if t.is_socket() {
            "socket".into()
        } else {
            "dir".into()
        };
        out.insert(e.path().to_path_buf(), what);
    }
    out
}

/// The fingerprint of a refused output folder itself (it must stay as it was).
fn inside(output: &Path) -> BTreeMap<PathBuf, String> {
    if !std::fs::symlink_metadata(output).is_ok_and(|m| m.is_dir()) {
        return BTreeMap::new();
    }
    fingerprint(output, Path::new(""))
}

/// The output folder a row's build aims at (for the fingerprint to leave out).
fn output_of(g: &GuideTest, args: &[String]) -> PathBuf {
    match args.iter().position(|a| a == "-o") {
        Some(i) => PathBuf::from(&args[i + 1]),
        None => g.path("public"),
    }
}

fn run_row(row: &Row) -> Option<String> {
    let g = GuideTest::fixture("basic");
    let around = g.root.parent().unwrap().to_path_buf();
    let scratch = around.join("scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    let extra = (row.setup)(&g, &scratch);
    let output = output_of(&g, &extra);
    let before = fingerprint(&around, &output);
    let existed = std::fs::symlink_metadata(&output).is_ok();
    let inside_before = inside(&output);
    let dev_null = std::fs::metadata("/dev/null").unwrap().file_type();
    let mut args = vec!["build".to_string()];
    args.extend(extra);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = g.cmd(&args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let after = fingerprint(&around, &output);
    let mut problems = Vec::new();
    match &row.expect {
        Expect::Refused(want) => {
            if out.status.code() != Some(1) || !stderr.contains(want) {
                problems.push(format!(
                    "expected exit 1 and {want:?}; got {:?}",
                    out.status
                ));
            }
            if before != after {
                problems.push("files outside the output changed".into());
            }
            if existed && inside(&output) != inside_before {
                problems.push("the refused output folder was changed".into());
            }
            let made = std::fs::symlink_metadata(&output).is_ok_and(|m| m.is_dir());
            if made && !existed {
                problems.push("an output folder was made".into());
            }
        }
        Expect::Built(check) => {
            if !out.status.success() {
                problems.push(format!("expected success; got {:?}", out.status));
            } else {
                check(&g);
                if before != after {
                    problems.push("files outside the output changed".into());
                }
            }
        }
    }
    if !std::fs::metadata("/dev/null").is_ok_and(|m| m.file_type() == dev_null) {
        problems.push("/dev/null is no longer the device".into());
    }
    (!problems.is_empty()).then(|| format!("{}: {}\n{stderr}", row.name, problems.join("; ")))
}

#[test]
fn hardening_table() {
    let failures: Vec<String> = rows().iter().filter_map(run_row).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}
