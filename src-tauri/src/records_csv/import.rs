//! Reads contractors from CSV text with the create form's columns and checks every row
//! with the same `ten99` validators as the form. Nothing is sent from here.

use coverdesk_ipc::records_csv::{ImportPreview, ImportRow, CONTRACTOR_COLUMNS};
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

pub fn preview(text: &str) -> ImportPreview {
    // A spreadsheet's UTF-8 export often starts with a byte-order mark.
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = ImportPreview::default();
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
                .unwrap_or("")
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
        let errors = input.validate().into_map();
        out.rows.push(ImportRow {
            line: record.position().map_or(0, |p| p.line()),
            input,
            errors,
        });
    }
    out
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
}
