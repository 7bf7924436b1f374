//! The built site as a value: output path → bytes. `build` writes it atomically; `serve`
//! keeps it in memory and diffs successive trees to know what changed.

pub(crate) mod lock;
pub(crate) mod site_files;
mod swap;
mod target;
pub mod write;

use bytes::Bytes;

/// The name of the marker file guide leaves in every output folder it makes.
pub const MARKER: &str = ".guide-output";

/// Whether `dir` is a folder guide made: a real folder (not a symlink) holding the marker as
/// a plain file. A marker that is a symlink or a folder does not count, so a planted
/// `.guide-output -> /etc/hostname` cannot make a foreign folder look like guide's.
pub(crate) fn marked(dir: &std::path::Path) -> bool {
    let plain = |p: &std::path::Path, dir: bool| {
        std::fs::symlink_metadata(p).is_ok_and(|m| {
            if dir {
                m.file_type().is_dir()
            } else {
                m.file_type().is_file()
            }
        })
    };
    plain(dir, true) && plain(&dir.join(MARKER), false)
}

/// Output path → bytes, sorted by path. A persistent map: a serve rebuild starts from the
/// last build's files and changes what it made anew, so cloning is O(1) and an edit costs
/// what it touched, not the size of the guide.
pub type FileMap = imbl::OrdMap<String, Bytes>;

/// Every file of a built site.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutputTree {
    /// `anatomy/index.html` → bytes.
    pub files: FileMap,
}

impl OutputTree {
    /// Adds or replaces a file.
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Bytes>) {
        self.files.insert(path.into(), bytes.into());
    }
    /// A file's bytes.
    pub fn get(&self, path: &str) -> Option<&Bytes> {
        self.files.get(path)
    }
    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }
    /// No files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
