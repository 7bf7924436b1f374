//! The audit over small SVGs in the default theme's palettes.

use super::*;

fn run(body: &str) -> Vec<Finding> {
    let css = include_str!("../../../themes/default/static/style.css");
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\">\n<style>.a{{fill:var(--fig-accent,#000)}} .faint{{stroke:#dde;stroke-width:3;fill:none}}</style>\n{body}\n</svg>\n"
    );
    audit(&svg, &palettes(css), MIN_LABEL_PX)
}

#[test]
fn a_good_diagram_has_nothing_to_say() {
    let f = run(
        "<g font-size=\"22\"><path d=\"M0,0 L9,9\" stroke=\"currentColor\"/><text x=\"1\" y=\"30\" fill=\"currentColor\">ok</text><text x=\"1\" y=\"60\" class=\"a\">accent</text></g>",
    );
    assert_eq!(f, vec![]);
}

#[test]
fn low_contrast_tiny_labels_and_faint_strokes() {
    let f = run(
        "<text x=\"10\" y=\"30\" font-size=\"22\" fill=\"#999\">grey</text>\n<text x=\"10\" y=\"60\" font-size=\"16\" fill=\"currentColor\">tiny</text>\n<path class=\"faint\" d=\"M0,0 L90,90\"/>",
    );
    let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(msgs.len(), 3, "{msgs:#?}");
    assert!(
        msgs[0].starts_with("diagram label `grey` has contrast against what is behind it: 2.6"),
        "{}",
        msgs[0]
    );
    assert!(
        msgs[0].contains("in the light theme") && msgs[0].ends_with("at least 4.5:1 is needed")
    );
    assert!(msgs[1].contains("label `tiny` renders at 9.0 px when the figure is 360 px wide (font-size 16 in a viewBox 640 wide)"), "{}", msgs[1]);
    assert_eq!(
        msgs[2],
        "diagram `<path class=\"faint\">` has contrast against what it is drawn on: 1.25:1 in the light theme; at least 3:1 is needed"
    );
    let lines: Vec<usize> = f.iter().map(|f| f.span.start).collect();
    assert!(lines[0] < lines[1] && lines[1] < lines[2]);
}

#[test]
fn text_on_a_shape_and_outlined_strokes() {
    // Dark text on a dark box fails in the light theme; white text on it passes.
    let f = run(
        "<rect x=\"0\" y=\"0\" width=\"100\" height=\"100\" fill=\"#123\" stroke=\"currentColor\"/><text x=\"10\" y=\"50\" font-size=\"24\" fill=\"#234\">dark</text><text x=\"10\" y=\"80\" font-size=\"24\" fill=\"#fff\">light</text>\n<path stroke=\"currentColor\" stroke-width=\"30\" d=\"M200,10 L300,10\"/><path stroke=\"var(--fig-fill)\" stroke-width=\"24\" d=\"M200,10 L300,10\"/>",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].message.contains("label `dark`") && f[0].message.contains("at least 3:1"));
}

#[test]
fn the_bundled_diagrams_pass() {
    let css = include_str!("../../../themes/default/static/style.css");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/diagrams");
    let mut all = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        // The bundled guide's book.toml asks for 14 px labels (`diagram-label-px`).
        for f in audit(&text, &palettes(css), 14.0) {
            let line = text[..f.span.start].lines().count() + 1;
            all.push(format!(
                "{}:{line}: {}",
                p.file_name().unwrap().to_string_lossy(),
                f.message
            ));
        }
    }
    all.sort();
    assert!(all.is_empty(), "{}", all.join("\n"));
}
