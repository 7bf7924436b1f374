//! `guide init` makes a guide that builds at once, and never writes into a non-empty folder.

use assert_cmd::Command;

#[test]
fn init_builds_at_once_with_a_figure_and_a_callout() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new");
    let o = Command::cargo_bin("guide")
        .unwrap()
        .args(["init"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = Command::cargo_bin("guide")
        .unwrap()
        .arg("build")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(dir.join("public/first-steps/index.html")).unwrap();
    assert!(page.contains("<figure class=\"figure\" id=\"figure-1\">"));
    assert!(page.contains("callout callout-tip"));
    assert!(page.contains("class=\"hold\""));
}

#[test]
fn init_refuses_a_non_empty_folder() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("keep.txt"), "mine").unwrap();
    let o = Command::cargo_bin("guide")
        .unwrap()
        .arg("init")
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not empty"));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("keep.txt")).unwrap(),
        "mine"
    );
    assert!(!tmp.path().join("book.toml").exists());
}
