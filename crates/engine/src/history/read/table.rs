//! The CSV layer: the bytes as text (UTF-8 with or without a BOM, else
//! Windows-1252), an Excel `sep=` line, the separator, and physical line
//! numbers for each record.

use std::io::Cursor;

/// The file as a stream of records.
pub struct Table {
    csv: csv::Reader<Cursor<Vec<u8>>>,
    /// Lines before the header (1 with a `sep=` line).
    lines_before: usize,
    /// Bytes before the header.
    start: usize,
    total: usize,
    pub separator: u8,
    /// Newlines in the text before `counted_to`: physical lines counted
    /// once, as the reader moves on (csv's own count starts a record before
    /// the line end and blank lines it skips).
    counted_to: usize,
    newlines: usize,
}

impl Table {
    /// Opens decoded text; the next record is the header.
    pub fn open(text: Vec<u8>) -> Table {
        let (separator, start) = match sep_line(&text) {
            Some((separator, next)) => (separator, next),
            None => (header_separator(&text), 0),
        };
        let total = text.len();
        let mut cursor = Cursor::new(text);
        cursor.set_position(start as u64);
        let csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(separator)
            .from_reader(cursor);
        Table {
            csv,
            lines_before: usize::from(start > 0),
            start,
            total,
            separator,
            counted_to: 0,
            newlines: 0,
        }
    }

    /// The next record and its first physical line (header = 1); None at
    /// the end.
    pub fn next(
        &mut self,
        record: &mut csv::StringRecord,
    ) -> Result<Option<usize>, (usize, String)> {
        match self.csv.read_record(record) {
            Ok(true) => {
                let byte = record.position().map_or(0, |p| p.byte() as usize);
                Ok(Some(self.line_at(byte)))
            }
            Ok(false) => Ok(None),
            Err(error) => {
                let byte = error.position().map_or(0, |p| p.byte() as usize);
                Err((self.line_at(byte), error.to_string()))
            }
        }
    }

    /// The physical line (header = 1) of the record csv places at `byte`
    /// (counted from the header): the line ends and blank lines it has not
    /// yet skipped are skipped here.
    fn line_at(&mut self, byte: usize) -> usize {
        let text = self.csv.get_ref().get_ref();
        let mut at = (self.start + byte).min(text.len());
        while matches!(text.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        if at > self.counted_to {
            let from = self.counted_to.max(self.start);
            // A line ends with `\n`, or with a `\r` alone (old Mac files).
            self.newlines += (from..at)
                .filter(|&i| {
                    text[i] == b'\n' || (text[i] == b'\r' && text.get(i + 1) != Some(&b'\n'))
                })
                .count();
            self.counted_to = at;
        }
        self.lines_before + 1 + self.newlines
    }

    /// Share of the bytes read.
    pub fn progress(&self) -> f64 {
        if self.total == 0 {
            return 1.0;
        }
        let read = self.start + self.csv.position().byte() as usize;
        (read as f64 / self.total as f64).min(1.0)
    }
}

/// The bytes as UTF-8 text: a BOM dropped; a file that is not UTF-8 read as
/// Windows-1252 (Latin-1 with the 0x80–0x9F punctuation, e.g. `€`).
pub fn decode(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if std::str::from_utf8(&bytes).is_ok() {
        return bytes;
    }
    let text: String = bytes.iter().map(|&b| windows_1252(b)).collect();
    text.into_bytes()
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Excel's first line `sep=X`: the separator and where the header starts.
fn sep_line(text: &[u8]) -> Option<(u8, usize)> {
    let end = text.iter().position(|&b| b == b'\n').unwrap_or(text.len());
    let mut line = &text[..end];
    while let [rest @ .., b'\r' | b' '] = line {
        line = rest;
    }
    if let [b'"', inner @ .., b'"'] = line {
        line = inner;
    }
    match line {
        [s, e, p, b'=', separator]
            if s.eq_ignore_ascii_case(&b's')
                && e.eq_ignore_ascii_case(&b'e')
                && p.eq_ignore_ascii_case(&b'p')
                && !matches!(separator, b'"' | b'\r' | b'\n')
                && separator.is_ascii() =>
        {
            Some((*separator, (end + 1).min(text.len())))
        }
        _ => None,
    }
}

/// The most frequent of `,` `;` TAB outside quotes on the header line
/// (`,` on a tie or when there is none).
fn header_separator(text: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &byte in text {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(count) = counts.iter_mut().find(|(s, _)| *s == byte) {
                    count.1 += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = counts[0];
    for candidate in counts {
        if candidate.1 > best.1 {
            best = candidate;
        }
    }
    best.0
}
