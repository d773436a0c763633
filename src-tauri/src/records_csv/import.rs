//! Reads contractors from CSV text with the create form's columns and checks every row
//! with the same `ten99` validators as the form. Nothing is sent from here.

use crate::records_csv::export::FORMULA_STARTS;
use coverdesk_ipc::records_csv::{
    too_big_message, ImportPreview, ImportRow, CONTRACTOR_COLUMNS, IMPORT_MAX_BYTES,
};
use ten99::{Address, ContractorInput};

/// Lowercase letters and digits only, so "ZIP code", "zip_code" and "Zip-Code" agree.
fn normalized(header: &str) -> String {
    header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The field path a header names, if any.
fn field_path(header: &str) -> Option<&'static str> {
    let wanted = normalized(header);
    CONTRACTOR_COLUMNS
        .iter()
        .find(|(name, path, aliases)| {
            [*name, *path]
                .iter()
                .chain(aliases.iter())
                .any(|spelling| normalized(spelling) == wanted)
        })
        .map(|(_, path, _)| *path)
}

/// A cell as it was before an export kept it from running as a formula (a leading
/// apostrophe before `=`, `+`, …), so a Coverdesk export imports back unchanged.
fn unneutralised(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.trim(),
        _ => cell,
    }
}

/// Fields the API requires; a file without these columns cannot make a valid row.
const REQUIRED: [&str; 8] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "address.line1",
    "address.locality",
    "address.region",
    "address.postalcode",
];

/// Why `text` cannot be a CSV file this import reads, before any parsing: too big, or
/// bytes in another encoding than UTF-8 (the web view reads files as UTF-8, so UTF-16
/// arrives with a NUL after every letter and Latin-1's accents as U+FFFD).
fn refused(text: &str) -> Option<String> {
    if text.len() > IMPORT_MAX_BYTES {
        return Some(too_big_message(text.len()));
    }
    let saved_as = "In the spreadsheet, save it again as \"CSV UTF-8\" and choose that file.";
    if text.contains('\0') {
        return Some(format!(
            "This file is in UTF-16 (\"Unicode text\"), not UTF-8, so its letters cannot be read. {saved_as}"
        ));
    }
    let line = text.lines().position(|l| l.contains('\u{fffd}'))?;
    Some(format!(
        "Line {} of this file has characters that are not UTF-8 (it was probably saved as Latin-1 or Windows-1252), so names with accents would be garbled. {saved_as}",
        line + 1
    ))
}

pub fn preview(text: &str) -> ImportPreview {
    let mut out = ImportPreview::default();
    if let Some(why) = refused(text) {
        out.unreadable = Some(why);
        return out;
    }
    // A spreadsheet's UTF-8 export often starts with a byte-order mark.
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => {
            out.unreadable = Some(format!("The file is not readable as CSV: {error}"));
            return out;
        }
    };
    let paths: Vec<Option<&str>> = headers.iter().map(field_path).collect();
    for (header, path) in headers.iter().zip(&paths) {
        if path.is_none() && !header.is_empty() {
            out.ignored_columns.push(header.to_owned());
        }
    }
    out.missing_columns = REQUIRED
        .iter()
        .filter(|required| !paths.contains(&Some(**required)))
        .map(|path| column_name(path).to_owned())
        .collect();
    // The API refuses a second contractor with an email it already has; saying so here
    // keeps the second row from being sent at all.
    let mut first_line_of_email = std::collections::HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                out.unreadable = Some(format!("The file stops being readable as CSV: {error}"));
                break;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let value = |wanted: &str| -> String {
            paths
                .iter()
                .position(|path| *path == Some(wanted))
                .and_then(|index| record.get(index))
                .map_or("", unneutralised)
                .to_owned()
        };
        let optional = |wanted: &str| Some(value(wanted)).filter(|v| !v.is_empty());
        let input = ContractorInput {
            first_name: value("first_name"),
            middle_name: optional("middle_name"),
            last_name: value("last_name"),
            email: value("email"),
            phone: value("phone"),
            company_name: optional("company_name"),
            address: Address {
                line1: value("address.line1"),
                line2: optional("address.line2"),
                locality: value("address.locality"),
                region: value("address.region").to_ascii_uppercase(),
                postalcode: value("address.postalcode"),
                country: None,
            },
            ..ContractorInput::default()
        };
        let line = record.position().map_or(0, |p| p.line());
        let mut errors = input.validate().into_map();
        let email = input.email.to_lowercase();
        match first_line_of_email.get(&email) {
            Some(first) if !email.is_empty() => {
                errors.entry("email".into()).or_insert_with(|| {
                    format!("This email is also on line {first} of this file; each contractor needs their own.")
                });
            }
            _ => {
                first_line_of_email.insert(email, line);
            }
        }
        out.rows.push(ImportRow {
            line,
            input,
            errors,
        });
    }
    out
}

/// The idempotency key an imported row is created under: a digest of what the row
/// sends, so the same row sent again (the import re-run after the app was killed
/// mid-way) is answered with the contractor it made, never a second one; a row changed
/// in between is a new request.
pub fn row_key(input: &ContractorInput) -> String {
    use sha2::{Digest, Sha256};
    let body = serde_json::to_vec(input).expect("a ContractorInput always serializes");
    let digest = Sha256::digest(&body);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("coverdesk-import-{hex}")
}

/// Marks the rows whose email a contractor in the cache already has (`known`: lowercase
/// email → id), so the import does not send them: the API would refuse each one.
pub fn mark_known(preview: &mut ImportPreview, known: &std::collections::HashMap<String, String>) {
    for row in &mut preview.rows {
        if let Some(id) = known.get(&row.input.email.trim().to_lowercase()) {
            row.errors.entry("email".into()).or_insert_with(|| {
                format!("Already a contractor here ({id}); this row is not sent again.")
            });
        }
    }
}

/// The header to write for a field path.
pub fn column_name(path: &str) -> &'static str {
    CONTRACTOR_COLUMNS
        .iter()
        .find(|(_, p, _)| *p == path)
        .map_or("", |(name, _, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "first_name,middle_name,last_name,email,phone,company_name,address_line1,address_line2,city,state,zip";

    #[test]
    fn reads_rows_with_quoting_and_checks_each_like_the_form() {
        let text = format!(
            "\u{feff}{HEADER}\n\
             Ann,,Lee,ann@example.com,415-474-9088,\"Lee, Sons & \"\"Co\"\"\",1 Main St,,Oakland,ca,94607\n\
             Bob,,Roy,not-an-email,415-474-9088,,\"2 Side St\nBack door\",,Fresno,CA,93650\n\n,,,\n"
        );
        let read = preview(&text);
        assert_eq!(read.unreadable, None);
        assert!(read.missing_columns.is_empty());
        assert_eq!(read.rows.len(), 2);
        let ann = &read.rows[0];
        assert_eq!(ann.line, 2);
        assert_eq!(
            ann.input.company_name.as_deref(),
            Some("Lee, Sons & \"Co\"")
        );
        assert_eq!(ann.input.address.region, "CA");
        assert_eq!(ann.input.middle_name, None);
        assert!(ann.errors.is_empty(), "{:?}", ann.errors);
        let bob = &read.rows[1];
        assert_eq!(bob.line, 3);
        assert_eq!(bob.input.address.line1, "2 Side St\nBack door");
        assert_eq!(
            bob.errors.keys().collect::<Vec<_>>(),
            ["email"],
            "the same check as the form"
        );
        assert_eq!(bob.errors, bob.input.validate().into_map());
    }

    #[test]
    fn accepts_the_form_labels_and_names_missing_and_ignored_columns() {
        let text = "First name,Last name,E-mail,Phone,Street address,City,State,ZIP code,id\n\
                    Ann,Lee,ann@example.com,415-474-9088,1 Main St,Oakland,CA,94607,cn_1\n";
        let read = preview(text);
        assert!(
            read.missing_columns.is_empty(),
            "{:?}",
            read.missing_columns
        );
        assert_eq!(read.ignored_columns, ["id"]);
        assert!(read.rows[0].errors.is_empty(), "{:?}", read.rows[0].errors);

        let short = preview("first_name,email\nAnn,ann@example.com\n");
        assert!(short.missing_columns.contains(&"zip".to_owned()));
        assert!(short.rows[0].errors.contains_key("address.postalcode"));
    }

    fn row(n: usize) -> String {
        format!("Ann{n},,Lee,ann{n}@example.com,415-474-9088,,{n} Main St,,Oakland,CA,94607\n")
    }

    #[test]
    fn a_second_row_with_the_same_email_is_held_back_with_the_first_line_named() {
        let text = format!(
            "{HEADER}\n{}{}{}",
            row(1),
            row(2),
            row(1).replace("ann1@", "ANN1@")
        );
        let read = preview(&text);
        assert!(read.rows[0].errors.is_empty(), "{:?}", read.rows[0].errors);
        assert!(read.rows[1].errors.is_empty());
        assert_eq!(
            read.rows[2].errors.get("email").map(String::as_str),
            Some("This email is also on line 2 of this file; each contractor needs their own.")
        );
    }

    #[test]
    fn reads_a_hundred_thousand_rows() {
        let mut text = format!("{HEADER}\n");
        for n in 0..100_000 {
            text.push_str(&row(n));
        }
        let read = preview(&text);
        assert_eq!(read.unreadable, None);
        assert_eq!(read.rows.len(), 100_000);
        assert!(read.rows.iter().all(|r| r.errors.is_empty()));
        assert_eq!(read.rows[99_999].line, 100_001);
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_size_before_parsing() {
        // 100 MB, made here rather than committed.
        let mut text = format!("{HEADER}\n");
        let line = row(1);
        while text.len() < 100 * 1024 * 1024 {
            text.push_str(&line);
        }
        let read = preview(&text);
        assert!(read.rows.is_empty());
        assert_eq!(
            read.unreadable.as_deref(),
            Some("This file is 101 MB; an import reads at most 32 MB. Split it into smaller files and import each.")
        );
    }

    /// What the web view's `File.text()` makes of `bytes`: UTF-8, bad bytes as U+FFFD.
    fn as_the_web_view_reads(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }

    #[test]
    fn utf16_and_latin1_files_are_named_with_what_to_do() {
        let csv = format!("{HEADER}\n{}", row(1).replace("Ann1", "Jos\u{e9}"));
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(csv.encode_utf16().flat_map(u16::to_le_bytes));
        let read = preview(&as_the_web_view_reads(&utf16));
        assert!(read.rows.is_empty());
        let why = read.unreadable.unwrap();
        assert!(why.starts_with("This file is in UTF-16"), "{why}");
        assert!(why.contains("save it again as \"CSV UTF-8\""), "{why}");

        // Latin-1 behind a UTF-8 byte-order mark, as some exporters write it.
        let mut latin1 = vec![0xef, 0xbb, 0xbf];
        latin1.extend(csv.chars().map(|c| c as u8));
        let read = preview(&as_the_web_view_reads(&latin1));
        let why = read.unreadable.unwrap();
        assert!(
            why.starts_with("Line 2 of this file has characters that are not UTF-8"),
            "{why}"
        );

        // The same file in UTF-8 reads, accent and all.
        let read = preview(&as_the_web_view_reads(csv.as_bytes()));
        assert_eq!(read.unreadable, None);
        assert_eq!(read.rows[0].input.first_name, "Jos\u{e9}");
    }
}
