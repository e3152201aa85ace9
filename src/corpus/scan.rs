//! Finding and reading the corpus files under a root folder.
//!
//! Every file matching the include globs and none of the exclude globs, honouring
//! `.gitignore`/`.ignore`. Files over the size cap, binary files and files that are not
//! UTF-8 are skipped with a reason, never an error: one bad file must not stop the corpus.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;

use super::config::CorpusConfig;

#[derive(Debug, Clone)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct ScanResult {
    /// (relative path with forward slashes, absolute path, text)
    pub files: Vec<(String, PathBuf, String)>,
    pub skipped: Vec<Skipped>,
    pub bytes: u64,
}

/// Compiled include/exclude rules.
#[derive(Debug, Clone)]
pub struct FileFilter {
    include: GlobSet,
    exclude: GlobSet,
    pub max_file_size: u64,
}

impl FileFilter {
    pub fn new(cfg: &CorpusConfig) -> Result<FileFilter, String> {
        let build = |globs: &[String]| -> Result<GlobSet, String> {
            let mut b = GlobSetBuilder::new();
            for g in globs {
                b.add(Glob::new(g).map_err(|e| format!("bad glob {g:?}: {e}"))?);
            }
            b.build().map_err(|e| e.to_string())
        };
        Ok(FileFilter { include: build(&cfg.include)?, exclude: build(&cfg.exclude)?, max_file_size: cfg.max_file_size })
    }

    /// Whether a path relative to the root belongs to the corpus (by globs only).
    pub fn matches(&self, rel: &str) -> bool {
        self.include.is_match(rel) && !self.exclude.is_match(rel)
    }
}

pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Why a file type is not read: only regular files are (a FIFO would block the reader for
/// good, a device such as /dev/zero never ends).
fn not_regular(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder, not a regular file");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe), not a regular file");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device, not a regular file");
        }
        if file_type.is_socket() {
            return Some("a socket, not a regular file");
        }
    }
    Some("not a regular file")
}

/// Read a regular file (links followed) of at most `cap` bytes: `Err(reason)` for anything
/// else, without ever blocking on a FIFO or reading more than `cap + 1` bytes. The file is
/// opened without blocking and asked its type again once open, so a path swapped for a FIFO
/// between the two looks is refused too.
pub fn read_regular_file(path: &Path, cap: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if let Some(why) = not_regular(meta.file_type()) {
        return Err(why.into());
    }
    if meta.len() > cap {
        return Err(format!("{} bytes is over the size cap of {cap} bytes", meta.len()));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if let Some(why) = not_regular(meta.file_type()) {
        return Err(why.into());
    }
    let mut bytes = Vec::with_capacity(meta.len().min(cap) as usize);
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > cap {
        return Err(format!("over the size cap of {cap} bytes"));
    }
    Ok(bytes)
}

/// The largest `isnad.toml` read: a configuration is a few kilobytes.
pub const CONFIG_SIZE_CAP: u64 = 1 << 20;

/// Read a root's configuration file: `Ok(None)` when there is none, `Err(reason)` when it
/// exists but cannot be read (not a regular file, too large, not UTF-8).
pub fn read_config_text(path: &Path) -> Result<Option<String>, String> {
    match read_regular_file(path, CONFIG_SIZE_CAP) {
        Ok(bytes) => utf8_text(bytes).map(Some),
        // (a dangling link is no configuration either)
        Err(_) if !path.exists() => Ok(None),
        Err(why) => Err(why),
    }
}

fn utf8_text(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// Read one file for the corpus: `Err(reason)` when it must be skipped.
pub fn read_text_file(path: &Path, max_size: u64) -> Result<String, String> {
    let bytes = read_regular_file(path, max_size)?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary file (NUL bytes)".into());
    }
    utf8_text(bytes)
}

/// Walk `root` and read every corpus file, in parallel.
pub fn scan(root: &Path, filter: &FileFilter) -> ScanResult {
    let mut paths = Vec::new();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .ignore(true)
        .require_git(false)
        .follow_links(false)
        .build();
    let mut skipped = Vec::new();
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_some_and(|t| t.is_file()) {
                    let rel = rel_path(root, e.path());
                    if filter.matches(&rel) {
                        paths.push((rel, e.into_path()));
                    }
                } else if e.file_type().is_some_and(|t| t.is_symlink()) && filter.matches(&rel_path(root, e.path())) {
                    // links are never followed (one could lead out of the corpus, or to a
                    // device): say so rather than leave the article out without a word
                    skipped.push(Skipped { path: e.into_path(), reason: "a symbolic link, not followed (links can lead out of the corpus)".into() });
                }
            }
            Err(err) => skipped.push(Skipped { path: root.to_path_buf(), reason: err.to_string() }),
        }
    }
    paths.sort();
    let read: Vec<_> = paths
        .into_par_iter()
        .map(|(rel, abs)| {
            let r = read_text_file(&abs, filter.max_file_size);
            (rel, abs, r)
        })
        .collect();
    let mut out = ScanResult { skipped, ..Default::default() };
    for (rel, abs, r) in read {
        match r {
            Ok(text) => {
                out.bytes += text.len() as u64;
                out.files.push((rel, abs, text));
            }
            Err(reason) => out.skipped.push(Skipped { path: abs, reason }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `read_regular_file` in a thread: a reader that blocks fails the test instead of hanging it.
    fn read_within_a_second(path: &Path, cap: u64) -> Result<Vec<u8>, String> {
        let (tx, rx) = std::sync::mpsc::channel();
        let path = path.to_path_buf();
        std::thread::spawn(move || {
            let _ = tx.send(read_regular_file(&path, cap));
        });
        rx.recv_timeout(std::time::Duration::from_secs(1)).expect("the read returned within a second")
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read_and_never_beyond_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "نص").unwrap();
        assert_eq!(read_within_a_second(&root.join("a.txt"), 100).unwrap(), "نص".as_bytes());
        assert!(read_within_a_second(&root.join("a.txt"), 3).unwrap_err().contains("size cap"));
        // a FIFO (nobody writes to it) and a link to one
        let mkfifo = |p: &Path| assert!(std::process::Command::new("mkfifo").arg(p).status().expect("mkfifo runs").success());
        let fifo = root.join("x.txt");
        mkfifo(&fifo);
        assert!(read_within_a_second(&fifo, 100).unwrap_err().contains("FIFO"));
        std::os::unix::fs::symlink(&fifo, root.join("y.txt")).unwrap();
        assert!(read_within_a_second(&root.join("y.txt"), 100).unwrap_err().contains("FIFO"));
        // a link to a device that never ends, and a folder
        std::os::unix::fs::symlink("/dev/zero", root.join("z.txt")).unwrap();
        assert!(read_within_a_second(&root.join("z.txt"), 100).unwrap_err().contains("device"));
        assert!(read_within_a_second(root, 100).unwrap_err().contains("folder"));
        // a configuration that is a FIFO: a reason, not a hang
        let toml = root.join("isnad.toml");
        mkfifo(&toml);
        assert!(read_config_text(&toml).unwrap_err().contains("FIFO"));
        assert_eq!(read_config_text(&root.join("none.toml")), Ok(None));
    }

    #[test]
    fn scans_with_globs_gitignore_and_skips_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.txt"), "نص").unwrap();
        std::fs::write(root.join("sub/b.md"), "# عنوان").unwrap();
        std::fs::write(root.join("c.rs"), "fn main(){}").unwrap();
        std::fs::write(root.join("bin.txt"), b"ab\0cd").unwrap();
        std::fs::write(root.join("latin1.txt"), b"caf\xe9").unwrap();
        std::fs::write(root.join("big.txt"), "x".repeat(2000)).unwrap();
        std::fs::write(root.join(".gitignore"), "ignored.txt\n").unwrap();
        std::fs::write(root.join("ignored.txt"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("link.txt")).unwrap();
        let mut cfg = CorpusConfig::default();
        cfg.max_file_size = 1000;
        let r = scan(root, &FileFilter::new(&cfg).unwrap());
        let names: Vec<_> = r.files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names, vec!["a.txt", "sub/b.md"]);
        let mut reasons: Vec<_> = r.skipped.iter().map(|s| s.reason.split(' ').next().unwrap().to_string()).collect();
        reasons.sort();
        let mut expected = vec!["2000", "binary", "not"];
        if cfg!(unix) {
            // (a link is named as one, not left out without a word)
            expected.insert(1, "a");
            assert!(r.skipped.iter().any(|s| s.path.ends_with("link.txt") && s.reason.contains("symbolic link")), "{:?}", r.skipped);
        }
        assert_eq!(reasons, expected);
        cfg.exclude = vec!["sub/**".into()];
        let r = scan(root, &FileFilter::new(&cfg).unwrap());
        assert_eq!(r.files.len(), 1);
    }
}
