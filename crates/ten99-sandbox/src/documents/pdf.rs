//! A small PDF 1.4 writer: pages of text (the two standard Helvetica faces), lines,
//! rectangles and filled boxes, written uncompressed with a correct xref table.
//!
//! Enough for forms and letters without pulling in a PDF crate. Coordinates are in
//! points from the page's **top-left** corner (y grows downwards), which is how
//! forms are laid out; the writer flips them to PDF's bottom-left origin. Text is
//! encoded as WinAnsi, the standard fonts' encoding, so Latin-1 names and typographic
//! dashes and quotes print; other characters become `?`.

use std::fmt::Write;

/// US Letter, in points.
pub const LETTER: (f32, f32) = (612.0, 792.0);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    Regular,
    Bold,
}

impl Font {
    fn resource(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
        }
    }
}

/// An RGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color(pub f32, pub f32, pub f32);

impl Color {
    pub const BLACK: Color = Color(0.0, 0.0, 0.0);
    pub const WHITE: Color = Color(1.0, 1.0, 1.0);

    pub const fn gray(level: f32) -> Color {
        Color(level, level, level)
    }
}

/// One page being drawn.
pub struct Page {
    width: f32,
    height: f32,
    ops: String,
}

impl Page {
    pub fn letter() -> Page {
        Page {
            width: LETTER.0,
            height: LETTER.1,
            ops: String::new(),
        }
    }

    pub fn width(&self) -> f32 {
        self.width
    }

    /// Text with its baseline at `y`.
    pub fn text(&mut self, x: f32, y: f32, font: Font, size: f32, text: &str) {
        self.text_in(x, y, font, size, Color::BLACK, text);
    }

    pub fn text_in(&mut self, x: f32, y: f32, font: Font, size: f32, color: Color, text: &str) {
        let y = self.height - y;
        let _ = writeln!(
            self.ops,
            "q {} rg BT /{} {} Tf {} {} Td {} Tj ET Q",
            rgb(color),
            font.resource(),
            num(size),
            num(x),
            num(y),
            literal(text)
        );
    }

    /// Text ending at `right`.
    pub fn text_right(&mut self, right: f32, y: f32, font: Font, size: f32, text: &str) {
        let x = right - text_width(font, size, text);
        self.text(x, y, font, size, text);
    }

    /// Text centred on `center`.
    pub fn text_center(&mut self, center: f32, y: f32, font: Font, size: f32, text: &str) {
        let x = center - text_width(font, size, text) / 2.0;
        self.text(x, y, font, size, text);
    }

    /// Text turned `degrees` anticlockwise about its start, for watermarks.
    pub fn text_rotated(
        &mut self,
        x: f32,
        y: f32,
        degrees: f32,
        style: (Font, f32, Color),
        text: &str,
    ) {
        let (font, size, color) = style;
        let (sin, cos) = degrees.to_radians().sin_cos();
        let _ = writeln!(
            self.ops,
            "q {} rg BT /{} {} Tf {} {} {} {} {} {} Tm {} Tj ET Q",
            rgb(color),
            font.resource(),
            num(size),
            num(cos),
            num(sin),
            num(-sin),
            num(cos),
            num(x),
            num(self.height - y),
            literal(text)
        );
    }

    /// Text wrapped to `width`, first baseline at `y`, `leading` apart. Returns the
    /// baseline after the last line.
    #[allow(clippy::too_many_arguments)]
    pub fn paragraph(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        font: Font,
        size: f32,
        leading: f32,
        text: &str,
    ) -> f32 {
        let mut y = y;
        for line in wrap(font, size, width, text) {
            self.text(x, y, font, size, &line);
            y += leading;
        }
        y
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        let _ = writeln!(
            self.ops,
            "{} w {} {} m {} {} l S",
            num(width),
            num(x1),
            num(self.height - y1),
            num(x2),
            num(self.height - y2)
        );
    }

    /// A rectangle outline; (`x`, `y`) is its top-left corner.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32) {
        let _ = writeln!(
            self.ops,
            "{} w {} {} {} {} re S",
            num(width),
            num(x),
            num(self.height - y - h),
            num(w),
            num(h)
        );
    }

    /// A filled rectangle without outline.
    pub fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, color: Color) {
        let _ = writeln!(
            self.ops,
            "q {} rg {} {} {} {} re f Q",
            rgb(color),
            num(x),
            num(self.height - y - h),
            num(w),
            num(h)
        );
    }

    /// A form checkbox with its top-left at (`x`, `y`), crossed when `checked`.
    pub fn checkbox(&mut self, x: f32, y: f32, size: f32, checked: bool) {
        self.rect(x, y, size, size, 0.5);
        if checked {
            let inset = size * 0.2;
            self.line(
                x + inset,
                y + inset,
                x + size - inset,
                y + size - inset,
                0.9,
            );
            self.line(
                x + inset,
                y + size - inset,
                x + size - inset,
                y + inset,
                0.9,
            );
        }
    }
}

/// A document: pages plus the metadata a viewer shows.
pub struct Document {
    pub title: String,
    pub subject: String,
    pages: Vec<Page>,
}

impl Document {
    pub fn new(title: impl Into<String>, subject: impl Into<String>) -> Document {
        Document {
            title: title.into(),
            subject: subject.into(),
            pages: Vec::new(),
        }
    }

    pub fn push(&mut self, page: Page) {
        self.pages.push(page);
    }

    /// The finished file. `created` (Unix seconds) goes into the metadata, so the
    /// same input gives the same bytes.
    pub fn to_bytes(&self, created: i64) -> Vec<u8> {
        let (y, mo, d) = crate::format::civil(created);
        let secs = created.rem_euclid(86_400);
        let date = format!(
            "D:{y:04}{mo:02}{d:02}{:02}{:02}{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        );
        let page_ids: Vec<usize> = (0..self.pages.len()).map(|i| 6 + 2 * i).collect();
        let kids: Vec<String> = page_ids.iter().map(|id| format!("{id} 0 R")).collect();
        let mut objects: Vec<Vec<u8>> = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            format!(
                "<< /Type /Pages /Kids [{}] /Count {} >>",
                kids.join(" "),
                self.pages.len()
            )
            .into_bytes(),
            font_object("Helvetica"),
            font_object("Helvetica-Bold"),
            format!(
                "<< /Title {} /Subject {} /Producer (ten99-sandbox) /Creator (ten99-sandbox) /CreationDate ({date}) /ModDate ({date}) >>",
                literal(&self.title),
                literal(&self.subject)
            )
            .into_bytes(),
        ];
        for (page, id) in self.pages.iter().zip(&page_ids) {
            objects.push(
                format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                    num(page.width),
                    num(page.height),
                    id + 1
                )
                .into_bytes(),
            );
            let mut stream = format!("<< /Length {} >>\nstream\n", page.ops.len()).into_bytes();
            stream.extend_from_slice(page.ops.as_bytes());
            stream.extend_from_slice(b"\nendstream");
            objects.push(stream);
        }
        assemble(&objects)
    }
}

fn font_object(base: &str) -> Vec<u8> {
    format!("<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>")
        .into_bytes()
}

/// Header, numbered objects (1-based, in order), xref table and trailer.
fn assemble(objects: &[Vec<u8>]) -> Vec<u8> {
    // The binary comment line tells transfer tools the file is not plain text.
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        // Each entry is exactly 20 bytes: the EOL is space + LF.
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

/// A number as PDF wants it: no exponent, at most two decimals, no trailing zeros.
fn num(v: f32) -> String {
    let text = format!("{v:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" | "" => "0".to_owned(),
        t => t.to_owned(),
    }
}

fn rgb(c: Color) -> String {
    format!("{} {} {}", num(c.0), num(c.1), num(c.2))
}

/// A PDF string literal in WinAnsi, bytes above ASCII as octal escapes so the file
/// stays 7-bit outside the header.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('(');
    for byte in text.chars().map(win_ansi) {
        match byte {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(byte as char);
            }
            0x20..=0x7e => out.push(byte as char),
            other => {
                let _ = write!(out, "\\{other:03o}");
            }
        }
    }
    out.push(')');
    out
}

/// The WinAnsi byte of a character; `?` if the standard fonts lack it.
fn win_ansi(ch: char) -> u8 {
    match ch {
        ' '..='~' => ch as u8,
        '\u{a0}'..='\u{ff}' => ch as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '™' => 0x99,
        '\t' | '\n' | '\r' => b' ',
        _ => b'?',
    }
}

/// How wide `text` sets in points.
pub fn text_width(font: Font, size: f32, text: &str) -> f32 {
    let table = match font {
        Font::Regular => &HELVETICA,
        Font::Bold => &HELVETICA_BOLD,
    };
    let units: u32 = text
        .chars()
        .map(|ch| match win_ansi(ch) {
            b @ 0x20..=0x7e => u32::from(table[usize::from(b - 0x20)]),
            0x95 => 350,
            0x96 => 556,
            0x97 => 1000,
            0x85 => 1000,
            _ => 556,
        })
        .sum();
    units as f32 * size / 1000.0
}

/// Greedy word wrap to `width`; explicit newlines start new lines; a word longer
/// than the line is left whole (it overflows rather than being split mid-word).
pub fn wrap(font: Font, size: f32, width: f32, text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && text_width(font, size, &candidate) > width {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        lines.push(line);
    }
    lines
}

/// Advance widths (1/1000 em) of ASCII 32–126, from the Adobe core font metrics.
#[rustfmt::skip]
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xref_offsets_point_at_their_objects() {
        let mut doc = Document::new("Test (1)", "x");
        let mut page = Page::letter();
        page.text(72.0, 72.0, Font::Bold, 12.0, "Hello (world) \\ café – ok");
        page.rect(10.0, 10.0, 100.0, 50.0, 1.0);
        doc.push(page);
        doc.push(Page::letter());
        let bytes = doc.to_bytes(1_701_561_600);
        // Offsets are byte offsets; the header's binary comment is not UTF-8.
        let text = String::from_utf8_lossy(&bytes[15..]);
        assert!(bytes.starts_with(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"));
        assert!(text.ends_with("%%EOF\n"));
        let startxref: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let at = |offset: usize| String::from_utf8_lossy(&bytes[offset..]).into_owned();
        assert!(at(startxref).starts_with("xref\n0 10\n"));
        let table = at(startxref);
        let entries: Vec<&str> = table.lines().skip(3).take(9).collect();
        for (i, entry) in entries.iter().enumerate() {
            assert_eq!(entry.len() + 1, 20, "{entry:?}");
            let offset: usize = entry[..10].parse().unwrap();
            assert!(at(offset).starts_with(&format!("{} 0 obj", i + 1)));
        }
        assert!(text.contains(r"(Hello \(world\) \\ caf\351 \226 ok) Tj"));
        assert!(text.contains("/CreationDate (D:20231203000000Z)"));
    }

    #[test]
    fn widths_and_wrapping() {
        assert!((text_width(Font::Regular, 10.0, "MM") - 16.66).abs() < 1e-3);
        assert!(text_width(Font::Bold, 10.0, "Joe") > text_width(Font::Regular, 10.0, "Joe"));
        let lines = wrap(Font::Regular, 10.0, 60.0, "one two three four five\nsix");
        assert!(
            lines.len() >= 3 && lines.last().unwrap() == "six",
            "{lines:?}"
        );
        assert!(lines
            .iter()
            .all(|l| text_width(Font::Regular, 10.0, l) <= 60.0));
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(792.0), "792");
        assert_eq!(num(-0.001), "0");
    }
}
