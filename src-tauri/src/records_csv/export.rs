//! Writes a cached list to a CSV file. Contractors come out with the import's columns
//! (plus ID and creation time), so an export can be edited and imported again.

use crate::error::Result;
use coverdesk_ipc::compliance::ComplianceRow;
use coverdesk_ipc::records_csv::CONTRACTOR_COLUMNS;
use std::path::Path;
use ten99::resources::policies::resolve_url;
use ten99::time::UnixTime;
use ten99::{Address, Cents, Contractor, Entity, Job};

/// Plain dollars with cents, as a spreadsheet reads them (`1234.5` → `1234.50`).
fn dollars(cents: Cents) -> String {
    let sign = if cents.0 < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", cents.0.abs() / 100, cents.0.abs() % 100)
}

fn created(seconds: i64) -> String {
    UnixTime(seconds).to_string()
}

/// Street, unit, city, state, ZIP; blanks when there is no address.
fn address_cells(address: Option<&Address>) -> [String; 5] {
    match address {
        Some(a) => [
            a.line1.clone(),
            a.line2.clone().unwrap_or_default(),
            a.locality.clone(),
            a.region.clone(),
            a.postalcode.clone(),
        ],
        None => Default::default(),
    }
}

const ADDRESS_HEADERS: [&str; 5] = ["address_line1", "address_line2", "city", "state", "zip"];

/// Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection
/// list). A leading apostrophe keeps such a cell text in Excel, LibreOffice and Sheets;
/// the import takes it off again, so an export imports back unchanged.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as a spreadsheet will show it, never as a formula it would run. A plain
/// negative number (`-2.50`) stays a number: it runs nothing.
pub fn neutralised(cell: String) -> String {
    let number = cell.len() > 1
        && cell[1..].chars().all(|c| c.is_ascii_digit() || c == '.')
        && cell[1..].starts_with(|c: char| c.is_ascii_digit());
    if cell.starts_with(FORMULA_STARTS) && !number {
        format!("'{cell}")
    } else {
        cell
    }
}

fn write_rows(
    path: &Path,
    headers: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<usize> {
    let mut writer = csv::Writer::from_path(path).map_err(csv_error)?;
    writer.write_record(headers).map_err(csv_error)?;
    let mut count = 0;
    for row in rows {
        let row = row.into_iter().map(neutralised);
        writer.write_record(row).map_err(csv_error)?;
        count += 1;
    }
    writer.flush()?;
    Ok(count)
}

fn csv_error(error: csv::Error) -> crate::error::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => io.into(),
        other => std::io::Error::other(format!("{other:?}")).into(),
    }
}

pub fn contractors(path: &Path, contractors: &[Contractor]) -> Result<usize> {
    let mut headers: Vec<&str> = vec!["id"];
    headers.extend(CONTRACTOR_COLUMNS.iter().map(|(name, _, _)| *name));
    headers.push("created");
    let rows = contractors.iter().map(|c| {
        let mut row = vec![
            c.id.clone(),
            c.first_name.clone(),
            c.middle_name.clone().unwrap_or_default(),
            c.last_name.clone(),
            c.email.clone(),
            c.phone.clone(),
            c.company_name.clone().unwrap_or_default(),
        ];
        row.extend(address_cells(Some(&c.address)));
        row.push(created(c.created));
        row
    });
    write_rows(path, &headers, rows)
}

pub fn entities(path: &Path, entities: &[Entity]) -> Result<usize> {
    let mut headers = vec!["id", "name"];
    headers.extend(ADDRESS_HEADERS);
    headers.extend([
        "required_coverage",
        "aggregate_limit",
        "occurrence_limit",
        "created",
    ]);
    let rows = entities.iter().map(|e| {
        let mut row = vec![e.id.clone(), e.name.clone()];
        row.extend(address_cells(e.address.as_ref()));
        let coverage: Vec<&str> = e.required_coverage.iter().map(|c| c.as_str()).collect();
        row.push(coverage.join(" "));
        let limit = e.coverage_limit.as_ref();
        row.push(
            limit
                .map(|l| dollars(l.aggregate_limit))
                .unwrap_or_default(),
        );
        row.push(
            limit
                .map(|l| dollars(l.occurrence_limit))
                .unwrap_or_default(),
        );
        row.push(created(e.created.0));
        row
    });
    write_rows(path, &headers, rows)
}

pub fn jobs(path: &Path, jobs: &[Job]) -> Result<usize> {
    let mut headers = vec![
        "id",
        "name",
        "description",
        "entity",
        "category_code",
        "wage",
        "wage_type",
        "years_experience",
        "duration_hours",
    ];
    headers.extend(ADDRESS_HEADERS);
    headers.push("created");
    let rows = jobs.iter().map(|j| {
        let mut row = vec![
            j.id.clone(),
            j.name.clone(),
            j.description.clone().unwrap_or_default(),
            j.entity.clone(),
            j.category_code.clone(),
            dollars(j.wage),
            j.wage_type.as_str().to_owned(),
            j.years_experience
                .map(|y| y.to_string())
                .unwrap_or_default(),
            j.duration_hours.map(|h| h.to_string()).unwrap_or_default(),
        ];
        row.extend(address_cells(j.address.as_ref()));
        row.push(created(j.created.0));
        row
    });
    write_rows(path, &headers, rows)
}

/// The compliance report of one entity: a line per contractor, job and required line of
/// cover, with the policy, its end and the certificate link (made absolute against
/// `api_base`), the document an ops person sends the client.
pub fn compliance(path: &Path, rows: &[ComplianceRow], api_base: &str) -> Result<usize> {
    let headers = [
        "entity",
        "job",
        "job_id",
        "contractor",
        "contractor_id",
        "engagement_end",
        "coverage",
        "status",
        "policy",
        "policy_ends",
        "certificate",
        "aggregate_limit",
        "occurrence_limit",
    ];
    let date = |t: Option<UnixTime>| t.map(|t| t.to_ymd()).unwrap_or_default();
    let lines = rows.iter().flat_map(|row| {
        row.lines.iter().map(move |line| {
            vec![
                row.entity_name.clone(),
                row.job_name.clone(),
                row.job.clone(),
                row.contractor_name.clone().unwrap_or_default(),
                row.contractor.clone().unwrap_or_default(),
                date(row.engagement_end),
                line.coverage.label().to_owned(),
                line.status.label().to_owned(),
                line.policy.clone().unwrap_or_default(),
                date(line.until),
                line.certificate_url
                    .as_deref()
                    .map(|url| resolve_url(api_base, url))
                    .unwrap_or_default(),
                row.limit
                    .map(|l| dollars(l.aggregate_limit))
                    .unwrap_or_default(),
                row.limit
                    .map(|l| dollars(l.occurrence_limit))
                    .unwrap_or_default(),
            ]
        })
    });
    write_rows(path, &headers, lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records_csv::import;

    fn tricky() -> Contractor {
        Contractor {
            id: "cn_1".into(),
            first_name: "Ann \"Annie\"".into(),
            last_name: "Lee".into(),
            middle_name: None,
            email: "ann@example.com".into(),
            phone: "415-474-9088".into(),
            address: Address {
                line1: "1 Main St, Suite 5".into(),
                line2: Some("Back door\nring twice".into()),
                locality: "Oakland".into(),
                region: "CA".into(),
                postalcode: "94607".into(),
                ..Default::default()
            },
            company_name: Some("Lee, Sons & Co".into()),
            custom_metadata: Default::default(),
            withhold_premium: false,
            created: 1_700_000_000,
        }
    }

    #[test]
    fn quotes_commas_quotes_and_newlines_and_imports_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("contractors.csv");
        assert_eq!(contractors(&path, &[tricky()]).unwrap(), 1);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("id,first_name,middle_name,last_name,"),
            "{text}"
        );
        assert!(text.contains("\"Ann \"\"Annie\"\"\""), "{text}");
        assert!(text.contains("\"Lee, Sons & Co\""), "{text}");
        assert!(text.contains("2023-11-14T22:13:20Z"), "{text}");
        let back = import::preview(&text);
        assert_eq!(back.ignored_columns, ["id", "created"]);
        let row = &back.rows[0].input;
        assert_eq!(row.first_name, "Ann \"Annie\"");
        assert_eq!(row.address.line2.as_deref(), Some("Back door\nring twice"));
        assert_eq!(row.company_name.as_deref(), Some("Lee, Sons & Co"));
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_kept_text_and_import_back_unchanged() {
        let mut hostile = tricky();
        hostile.first_name = "=HYPERLINK(\"http://evil.example\",\"Ann\")".into();
        hostile.last_name = "@SUM(A1:A9)".into();
        hostile.phone = "+1 415-474-9088".into();
        hostile.company_name = Some("-2+3".into());
        hostile.address.line1 = "\t=cmd|' /C calc'!A0".into();
        hostile.address.locality = "\r=1+1".into();
        hostile.address.region = "CA".into();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hostile.csv");
        contractors(&path, &[hostile.clone()]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        for cell in row.iter() {
            assert!(
                !cell.starts_with(FORMULA_STARTS),
                "a spreadsheet would run {cell:?} in {text}"
            );
        }
        assert!(row
            .iter()
            .any(|c| c == "'=HYPERLINK(\"http://evil.example\",\"Ann\")"));
        let back = import::preview(&text);
        let input = &back.rows[0].input;
        assert_eq!(input.first_name, hostile.first_name);
        assert_eq!(input.last_name, hostile.last_name);
        assert_eq!(input.phone, hostile.phone);
        assert_eq!(input.company_name, hostile.company_name);
        assert_eq!(input.address.locality, hostile.address.locality.trim());
        assert!(
            !back.rows[0].errors.contains_key("phone"),
            "{:?}",
            back.rows[0].errors
        );
    }

    #[test]
    fn ordinary_cells_are_left_alone() {
        assert_eq!(neutralised("Ann".into()), "Ann");
        assert_eq!(neutralised("'quoted".into()), "'quoted");
        assert_eq!(neutralised("a=b".into()), "a=b");
        assert_eq!(neutralised("-2.50".into()), "-2.50");
        assert_eq!(neutralised("-".into()), "'-");
        assert_eq!(neutralised(String::new()), "");
    }

    #[test]
    fn money_is_plain_dollars() {
        assert_eq!(dollars(Cents(123_456)), "1234.56");
        assert_eq!(dollars(Cents(5)), "0.05");
        assert_eq!(dollars(Cents(-250)), "-2.50");
    }
}
