//! A document of the corpus: its text, the optional front-matter block and its metadata.
//!
//! Front matter is a block at the very top of the file between two `---` lines holding
//! `key: value` lines (`title`, `date` YYYY-MM-DD, `outlet`, `url`). It is metadata, not
//! text: analysis starts at [`Document::body_start`], and every offset stays an offset into
//! the whole file, so ranges after the block are exact.

use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    /// `YYYY-MM-DD`, validated.
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to the corpus root (forward slashes), used for ordering and messages.
    pub rel_path: String,
    /// Absolute path on disk (where the editor's URI points).
    pub abs_path: PathBuf,
    pub text: Arc<str>,
    pub meta: Meta,
    /// Byte offset where the analysed body starts (0 without front matter).
    pub body_start: usize,
}

impl Document {
    pub fn new(rel_path: String, abs_path: PathBuf, text: Arc<str>) -> Document {
        let (meta, body_start) = parse_front_matter(&text);
        Document { rel_path, abs_path, text, meta, body_start }
    }

    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// Source order: dated documents first by date, then everything by relative path.
    /// (Undated documents follow path order among themselves.)
    pub fn order_key(&self) -> (u8, &str, &str) {
        match &self.meta.date {
            Some(d) => (0, d.as_str(), self.rel_path.as_str()),
            None => (1, "", self.rel_path.as_str()),
        }
    }

    /// 1-based line and column (in chars) of a byte offset, for batch output.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let before = &self.text[..offset];
        let mut line = 1;
        let mut line_start = 0;
        let bytes = before.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    line += 1;
                    line_start = i + 1;
                }
                b'\r' => {
                    if bytes.get(i + 1) != Some(&b'\n') {
                        line += 1;
                        line_start = i + 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        (line, before[line_start..].chars().count() + 1)
    }
}

pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Parse a front-matter block at the start of `text`. Returns the metadata and the byte
/// offset where the body starts. A block that is never closed is not front matter.
pub fn parse_front_matter(text: &str) -> (Meta, usize) {
    let mut meta = Meta::default();
    let rest = match text.strip_prefix("\u{feff}").unwrap_or(text) {
        t if t.starts_with("---\n") || t.starts_with("---\r\n") => t,
        _ => return (meta, 0),
    };
    let bom = text.len() - rest.len();
    let mut pos = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
    let mut fields: Vec<(&str, &str)> = Vec::new();
    loop {
        if pos >= rest.len() {
            return (Meta::default(), 0); // unclosed: plain text
        }
        let line_end = rest[pos..].find('\n').map(|i| pos + i + 1).unwrap_or(rest.len());
        let line = rest[pos..line_end].trim_end_matches(['\n', '\r']);
        if line.trim_end() == "---" {
            for (k, v) in fields {
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
                match k.trim().to_ascii_lowercase().as_str() {
                    "title" => meta.title = Some(v),
                    "date" => meta.date = valid_date(&v),
                    "outlet" | "source" => meta.outlet = Some(v),
                    "url" => meta.url = Some(v),
                    _ => {}
                }
            }
            return (meta, bom + line_end);
        }
        if let Some((k, v)) = line.split_once(':') {
            fields.push((k, v));
        }
        pos = line_end;
        if fields.len() > 200 {
            return (Meta::default(), 0);
        }
    }
}

impl Meta {
    /// The date as a count of days (since 1970-01-01, proleptic Gregorian calendar), so that
    /// two dates can be told apart by how far they are.
    pub fn day_number(&self) -> Option<i64> {
        let d = self.date.as_deref()?;
        let (y, m, day): (i64, i64, i64) = (d.get(..4)?.parse().ok()?, d.get(5..7)?.parse().ok()?, d.get(8..10)?.parse().ok()?);
        // (days from the civil date: March-based years, so that February ends a year)
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146_097 + doe - 719_468)
    }
}

/// Accept `YYYY-MM-DD` (also a longer ISO timestamp, of which the date is kept).
fn valid_date(v: &str) -> Option<String> {
    let d = v.get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) {
        let month: u32 = d[5..7].parse().ok()?;
        let day: u32 = d[8..10].parse().ok()?;
        if (1..=12).contains(&month) && (1..=31).contains(&day) {
            return Some(d.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days() {
        let day = |d: &str| Meta { date: Some(d.into()), ..Default::default() }.day_number().unwrap();
        assert_eq!(day("1970-01-01"), 0);
        assert_eq!(day("2000-03-01") - day("2000-02-28"), 2, "2000 is a leap year");
        assert_eq!(day("1900-03-01") - day("1900-02-28"), 1, "1900 is not");
        assert_eq!(day("2019-01-01") - day("2018-01-01"), 365);
        assert_eq!(day("2018-12-31"), 17_896);
        assert_eq!(Meta::default().day_number(), None);
    }

    #[test]
    fn front_matter_is_metadata_and_offsets_stay_exact() {
        let text = "---\ntitle: أرمينيا\ndate: 2020-10-31\noutlet: AFP\n---\nنص المقال";
        let (meta, start) = parse_front_matter(text);
        assert_eq!(meta.date.as_deref(), Some("2020-10-31"));
        assert_eq!(meta.title.as_deref(), Some("أرمينيا"));
        assert_eq!(meta.outlet.as_deref(), Some("AFP"));
        assert_eq!(&text[start..], "نص المقال");
    }

    #[test]
    fn crlf_front_matter_and_bad_dates() {
        let text = "---\r\ndate: 2020-13-01\r\n---\r\nbody";
        let (meta, start) = parse_front_matter(text);
        assert_eq!(meta.date, None);
        assert_eq!(&text[start..], "body");
    }

    #[test]
    fn unclosed_or_absent_block_is_text() {
        assert_eq!(parse_front_matter("---\ntitle: x\nno end").1, 0);
        assert_eq!(parse_front_matter("نص").1, 0);
        assert_eq!(parse_front_matter("---").1, 0);
    }

    #[test]
    fn line_col_counts_chars_and_all_line_breaks() {
        let d = Document::new("a.txt".into(), "/a.txt".into(), Arc::from("ab\r\nأب\rج"));
        assert_eq!(d.line_col(0), (1, 1));
        assert_eq!(d.line_col(4), (2, 1));
        assert_eq!(d.line_col(6), (2, 2));
        assert_eq!(d.line_col(9), (3, 1));
    }
}
