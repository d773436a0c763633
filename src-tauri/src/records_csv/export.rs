//! Writes a cached list to a CSV file. Contractors come out with the import's columns
//! (plus ID and creation time), so an export can be edited and imported again.

use crate::error::Result;
use coverdesk_ipc::records_csv::CONTRACTOR_COLUMNS;
use std::path::Path;
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

fn write_rows(
    path: &Path,
    headers: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<usize> {
    let mut writer = csv::Writer::from_path(path).map_err(csv_error)?;
    writer.write_record(headers).map_err(csv_error)?;
    let mut count = 0;
    for row in rows {
        writer.write_record(&row).map_err(csv_error)?;
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
    fn money_is_plain_dollars() {
        assert_eq!(dollars(Cents(123_456)), "1234.56");
        assert_eq!(dollars(Cents(5)), "0.05");
        assert_eq!(dollars(Cents(-250)), "-2.50");
    }
}
