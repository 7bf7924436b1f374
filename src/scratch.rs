//! The one list of file names that are never content: what editors and the OS write next to
//! real files. The content walk skips them (never a page, never published) and serve's
//! watcher ignores them (never a rebuild), so the two always agree.

/// True for file names editors and tools write next to real files, and OS droppings.
pub fn is_scratch_name(name: &str) -> bool {
    name.starts_with('.')                                   // hidden: .#lock, .foo.swp, .DS_Store
        || name.ends_with('~')                              // backup: foo.md~
        || (name.starts_with('#') && name.ends_with('#'))   // emacs autosave
        || name == "4913"                                   // vim's write-permission probe
        || name == "Thumbs.db"                              // Windows thumbnails
        || [".swp", ".swx", ".swo", ".tmp", ".bak", "___jb_tmp___", "___jb_old___"]
            .iter()
            .any(|s| name.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scratch_names() {
        for n in [
            ".x.md.swp",
            "a.md~",
            "#a.md#",
            ".DS_Store",
            "4913",
            "x.tmp",
            "d.svg.bak",
            "Thumbs.db",
            "a.md___jb_old___",
            "x.swo",
        ] {
            assert!(is_scratch_name(n), "{n}");
        }
        for n in ["anatomy.md", "muscle.svg", "bak.png", "a#b.md"] {
            assert!(!is_scratch_name(n), "{n}");
        }
    }
}
