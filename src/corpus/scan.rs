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

/// Read one file for the corpus: `Err(reason)` when it must be skipped.
pub fn read_text_file(path: &Path, max_size: u64) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.len() > max_size {
        return Err(format!("{} bytes is over the size cap of {} bytes", meta.len(), max_size));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary file (NUL bytes)".into());
    }
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()))
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
        let mut cfg = CorpusConfig::default();
        cfg.max_file_size = 1000;
        let r = scan(root, &FileFilter::new(&cfg).unwrap());
        let names: Vec<_> = r.files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names, vec!["a.txt", "sub/b.md"]);
        let mut reasons: Vec<_> = r.skipped.iter().map(|s| s.reason.split(' ').next().unwrap().to_string()).collect();
        reasons.sort();
        assert_eq!(reasons, vec!["2000", "binary", "not"]);
        cfg.exclude = vec!["sub/**".into()];
        let r = scan(root, &FileFilter::new(&cfg).unwrap());
        assert_eq!(r.files.len(), 1);
    }
}
