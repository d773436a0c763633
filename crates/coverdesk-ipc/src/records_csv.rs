//! CSV in and out of the records (`src-tauri/src/commands/records_csv.rs`): contractors
//! imported from a file, and any list exported to one.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ten99::ContractorInput;

/// Names of the backend commands.
pub mod command {
    /// args `{ text: String }` → [`super::ImportPreview`]: the rows read and checked (also
    /// against the cached contractors' emails); nothing sent.
    pub const IMPORT_PREVIEW: &str = "contractors_import_preview";
    /// args `{ input: ten99::ContractorInput }` → `ten99::Contractor`: one row of an
    /// import, created under an idempotency key made from the row.
    pub const IMPORT_CREATE: &str = "contractors_import_create";
    /// args `{ kind: RecordKind, search: Option<String> }` → [`super::ExportSummary`]: the
    /// cached list, narrowed by `search` as the list on screen is, as a CSV file.
    pub const EXPORT: &str = "records_export";
}

/// The import's columns: the header to write, the field path of the create form (and of
/// `ten99`'s field errors), and other spellings accepted for it (compared ignoring case,
/// spaces, dots, dashes and underscores).
pub const CONTRACTOR_COLUMNS: [(&str, &str, &[&str]); 11] = [
    ("first_name", "first_name", &["first", "given_name"]),
    ("middle_name", "middle_name", &["middle"]),
    (
        "last_name",
        "last_name",
        &["last", "family_name", "surname"],
    ),
    ("email", "email", &["email_address"]),
    ("phone", "phone", &["phone_number", "telephone"]),
    ("company_name", "company_name", &["company"]),
    (
        "address_line1",
        "address.line1",
        &["line1", "street", "street_address"],
    ),
    (
        "address_line2",
        "address.line2",
        &["line2", "apartment_suite_unit", "unit"],
    ),
    ("city", "address.locality", &["locality"]),
    ("state", "address.region", &["region"]),
    (
        "zip",
        "address.postalcode",
        &["postalcode", "zip_code", "postal_code"],
    ),
];

/// The largest CSV file an import reads (32 MiB: 100,000 contractors with full addresses
/// take about 15). A bigger file is refused before it is read, so it never fills the web
/// view's memory; split it and import the parts.
pub const IMPORT_MAX_BYTES: usize = 32 * 1024 * 1024;

/// What an import says about a file over [`IMPORT_MAX_BYTES`].
pub fn too_big_message(bytes: usize) -> String {
    format!(
        "This file is {} MB; an import reads at most {} MB. Split it into smaller files and import each.",
        bytes.div_ceil(1024 * 1024),
        IMPORT_MAX_BYTES / (1024 * 1024)
    )
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    /// Required columns the header lacks (then every row has the same errors).
    pub missing_columns: Vec<String>,
    /// Header names that are not columns of the form; their values are ignored.
    pub ignored_columns: Vec<String>,
    /// Why the text could not be read as CSV at all.
    pub unreadable: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRow {
    /// The line of the file the row starts on (the header is line 1).
    pub line: u64,
    pub input: ContractorInput,
    /// Field path → problem, from the same `ten99` validators as the form. Empty: ready.
    pub errors: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Contractors,
    Entities,
    Jobs,
}

impl RecordKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Contractors => "contractors",
            RecordKind::Entities => "entities",
            RecordKind::Jobs => "jobs",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportSummary {
    /// Where the file was written.
    pub path: String,
    pub rows: usize,
}
