//! Which file events trigger a rebuild (scratch names, output folder, themes, hidden folders).

use super::*;
use notify::event::{
    AccessKind, AccessMode, CreateKind, DataChange, MetadataKind, RemoveKind, RenameMode,
};

fn ev(kind: EventKind, paths: &[&str]) -> Event {
    Event {
        kind,
        paths: paths.iter().map(PathBuf::from).collect(),
        attrs: Default::default(),
    }
}
fn filter() -> WatchFilter {
    WatchFilter {
        roots: vec!["/p/content".into(), "/p/book.toml".into()],
        ignore: vec!["/p/content/out".into()],
        hidden: vec!["/p/content/.well-known".into()],
    }
}
fn paths(set: &ChangeSet) -> Vec<&str> {
    set.paths.iter().map(|p| p.to_str().unwrap()).collect()
}
const DATA: EventKind = EventKind::Modify(ModifyKind::Data(DataChange::Content));
const BOTH: EventKind = EventKind::Modify(ModifyKind::Name(RenameMode::Both));

#[test]
fn access_and_metadata_events_are_not_changes() {
    let events = [
        ev(
            EventKind::Access(AccessKind::Open(AccessMode::Read)),
            &["/p/content/a.md"],
        ),
        ev(
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            &["/p/content/a.md"],
        ),
        ev(EventKind::Access(AccessKind::Read), &["/p/content/a.md"]),
        ev(
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
            &["/p/content/a.md"],
        ),
        ev(EventKind::Other, &["/p/content/a.md"]),
    ];
    assert!(classify(&events, &filter()).is_empty());
}

#[test]
fn create_modify_remove_and_rename_count() {
    let events = [
        ev(EventKind::Create(CreateKind::File), &["/p/content/new.md"]),
        ev(EventKind::Create(CreateKind::Folder), &["/p/content/part"]),
        ev(DATA, &["/p/content/a.md"]),
        ev(EventKind::Remove(RemoveKind::Folder), &["/p/content/old"]),
        ev(BOTH, &["/p/content/b.md", "/p/content/c.md"]),
        ev(EventKind::Modify(ModifyKind::Any), &["/p/book.toml"]),
    ];
    let set = classify(&events, &filter());
    assert_eq!(
        paths(&set),
        [
            "/p/book.toml",
            "/p/content/a.md",
            "/p/content/b.md",
            "/p/content/c.md",
            "/p/content/new.md",
            "/p/content/old",
            "/p/content/part"
        ]
    );
    assert!(!set.only_css());
}

#[test]
fn temp_then_rename_maps_to_the_real_target() {
    for tmp in [
        "/p/content/a.md.tmp",
        "/p/content/.a.md.swp",
        "/p/content/a.md___jb_tmp___",
    ] {
        let events = [
            ev(EventKind::Create(CreateKind::File), &[tmp]),
            ev(DATA, &[tmp]),
            ev(BOTH, &[tmp, "/p/content/a.md"]),
        ];
        assert_eq!(
            paths(&classify(&events, &filter())),
            ["/p/content/a.md"],
            "{tmp}"
        );
    }
    // The same save reported as separate rename halves.
    let events = [
        ev(
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            &["/p/content/a.md.tmp"],
        ),
        ev(
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            &["/p/content/a.md"],
        ),
    ];
    assert_eq!(paths(&classify(&events, &filter())), ["/p/content/a.md"]);
}

#[test]
fn vim_save_sequence_is_one_path() {
    let events = [
        ev(EventKind::Create(CreateKind::File), &["/p/content/4913"]),
        ev(EventKind::Remove(RemoveKind::File), &["/p/content/4913"]),
        ev(BOTH, &["/p/content/a.md", "/p/content/a.md~"]),
        ev(EventKind::Create(CreateKind::File), &["/p/content/a.md"]),
        ev(DATA, &["/p/content/a.md"]),
        ev(DATA, &["/p/content/a.md"]),
        ev(EventKind::Remove(RemoveKind::File), &["/p/content/a.md~"]),
    ];
    assert_eq!(paths(&classify(&events, &filter())), ["/p/content/a.md"]);
}

#[test]
fn scratch_files_and_ignored_paths_are_dropped() {
    let noise = [
        "/p/content/.a.md.swp",
        "/p/content/.a.md.swx",
        "/p/content/a.md~",
        "/p/content/4913",
        "/p/content/.#a.md",
        "/p/content/#a.md#",
        "/p/content/.DS_Store",
        "/p/content/x.tmp",
        "/p/content/.hidden/a.md",
        "/p/content/out/index.html",
        "/p/other/a.md",
        "/p/.book.toml.swp",
    ];
    let events: Vec<_> = noise
        .iter()
        .flat_map(|p| {
            [
                ev(EventKind::Create(CreateKind::File), &[p]),
                ev(EventKind::Remove(RemoveKind::Any), &[p]),
            ]
        })
        .collect();
    assert!(classify(&events, &filter()).is_empty());
}

#[test]
fn hidden_paths_listed_in_include_hidden_count() {
    let f = filter();
    assert!(f.accepts(Path::new("/p/content/.well-known/security.txt")));
    assert!(f.accepts(Path::new("/p/content/.well-known")));
    assert!(!f.accepts(Path::new("/p/content/.well-known/.#security.txt")));
    assert!(!f.accepts(Path::new("/p/content/.well-known/security.txt.swp")));
    assert!(!f.accepts(Path::new("/p/content/.env")));
    assert!(!f.accepts(Path::new("/p/content/.well-knownx/a.txt")));
}

#[test]
fn hidden_folder_above_the_root_does_not_hide_the_project() {
    let f = WatchFilter {
        roots: vec!["/home/u/.local/book/content".into()],
        ignore: vec![],
        hidden: vec![],
    };
    let set = classify(&[ev(DATA, &["/home/u/.local/book/content/a.md"])], &f);
    assert_eq!(paths(&set), ["/home/u/.local/book/content/a.md"]);
}

#[test]
fn repeated_writes_are_deduplicated_and_css_is_detected() {
    let events = [
        ev(DATA, &["/p/content/style.css"]),
        ev(DATA, &["/p/content/style.css"]),
        ev(DATA, &["/p/content/style.css"]),
    ];
    let set = classify(&events, &filter());
    assert_eq!(set.paths.len(), 1);
    assert!(set.only_css());
    let mut more = set.clone();
    more.merge(classify(&[ev(DATA, &["/p/content/a.md"])], &filter()));
    assert!(!more.only_css());
}

#[test]
fn rescan_requests_a_full_rebuild() {
    let mut e = ev(EventKind::Other, &[]);
    e = e.set_flag(notify::event::Flag::Rescan);
    let set = classify(&[e], &filter());
    assert!(set.rescan && !set.is_empty() && !set.only_css());
}
