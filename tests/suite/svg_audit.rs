//! The diagram audit: each warning's message and `file.svg:line:col`, in both themes.

use crate::harness::GuideTest;

#[test]
fn a_hard_to_read_diagram_is_named_line_by_line() {
    let g = GuideTest::fixture("svg-audit");
    // The fixture denies warnings: the audit fails its build.
    let err = g.build_err();
    assert!(err.contains("error: diagram label `muted label`"), "{err}");
    g.edit("book.toml", "deny-warnings = true", "deny-warnings = false");
    let out = g.cmd(&["build"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let at = |line: usize| format!("content/diagrams/bad.svg:{line}:1");
    assert!(
        err.contains("warning: diagram `<path class=\"faint\">` has contrast against what it is drawn on: 1.11:1 in the light theme, 1.37:1 in the dark theme; at least 3:1 is needed"),
        "{err}"
    );
    assert!(err.contains(&at(7)), "{err}");
    assert!(
        err.contains("warning: diagram label `muted label` has contrast against what is behind it: 4.06:1 in the light theme; at least 4.5:1 is needed"),
        "{err}"
    );
    assert!(err.contains(&at(9)), "{err}");
    assert!(
        err.contains("warning: diagram label `tiny label` renders at 7.9 px when the figure is 360 px wide (font-size 14 in a viewBox 640 wide); labels need at least 12 px"),
        "{err}"
    );
    assert!(err.contains(&at(10)), "{err}");
    // The solid line and the current-colour text pass: three warnings in all.
    assert_eq!(err.matches("warning: diagram").count(), 3, "{err}");
}

#[test]
fn a_guide_can_ask_for_larger_diagram_labels() {
    let g = GuideTest::fixture("svg-audit");
    g.edit(
        "book.toml",
        "deny-warnings = true",
        "deny-warnings = false\ndiagram-label-px = 14",
    );
    let out = g.cmd(&["build"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // The 22-unit label passes the 12 px default but not the guide's 14 px.
    assert!(
        err.contains("warning: diagram label `muted label` renders at 12.4 px when the figure is 360 px wide (font-size 22 in a viewBox 640 wide); labels need at least 14 px"),
        "{err}"
    );
    assert!(
        err.contains("label `tiny label` renders at 7.9 px")
            && err.contains("content/diagrams/bad.svg:9:1"),
        "{err}"
    );
    assert_eq!(err.matches("warning: diagram").count(), 4, "{err}");
}

#[test]
fn a_label_size_that_is_no_size_is_an_error_at_its_value() {
    for bad in ["-3", "0", "nan", "1000"] {
        let g = GuideTest::fixture("svg-audit");
        g.edit(
            "book.toml",
            "deny-warnings = true",
            &format!("diagram-label-px = {bad}"),
        );
        let out = g.cmd(&["build"]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("diagram-label-px is a label size in CSS px from 1 to 100")
                && err.contains("--> book.toml:"),
            "{bad}: {err}"
        );
    }
}
