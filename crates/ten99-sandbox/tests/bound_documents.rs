//! A completed application's PDFs, fetched from the URLs its policy carries, open in a
//! real PDF reader (poppler's `pdftotext`) and name the contractor and the coverage dates.

mod common;

use common::pdf::pdf_text;
use common::world::id;
use common::{start, KEY};
use serde_json::json;

/// "Dec 3, 2023", the way the documents print dates; computed here independently.
fn printed_date(unix: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // Civil-from-days (Howard Hinnant), so the test does not share the crate's date code.
    let days = unix.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{} {day}, {year}", MONTHS[(month - 1) as usize])
}

#[tokio::test]
async fn a_completed_applications_pdfs_name_the_contractor_and_dates() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe.parker@example.com").await;
    let quote = sandbox
        .quote(KEY, &contractor, &job, &["general", "workers-comp"])
        .await;
    let session = sandbox.session(KEY, &id(&quote)).await;
    let done = sandbox
        .post(
            KEY,
            &format!("/_sandbox/sessions/{}/complete", id(&session)),
            &json!({}),
        )
        .await;
    let policy = &done.body["policy"];
    let who = sandbox
        .get(KEY, &format!("/api/v1/contractors/{contractor}"))
        .await
        .body;
    let name = format!(
        "{} {}",
        who["first_name"].as_str().unwrap(),
        who["last_name"].as_str().unwrap()
    );
    let start_date = printed_date(policy["effective_date"].as_i64().unwrap());
    let end_date = printed_date(policy["expiration_date"].as_i64().unwrap());

    for link in [
        &policy["pdf_url"],
        &policy["certificates"]["gl_coi_pdf_url"],
        &policy["certificates"]["wc_coi_pdf_url"],
    ] {
        let text = pdf_text(&sandbox, link).await;
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&name), "{link} names {name}:\n{text}");
        assert!(
            flat.contains(&start_date)
                || flat.contains(&numeric(policy["effective_date"].as_i64().unwrap())),
            "{link} shows the effective date {start_date}:\n{text}"
        );
        assert!(
            flat.contains(&end_date)
                || flat.contains(&numeric(policy["expiration_date"].as_i64().unwrap())),
            "{link} shows the expiration date {end_date}:\n{text}"
        );
    }
}

/// "12/03/2023", the ACORD form's date style.
fn numeric(unix: i64) -> String {
    let printed = printed_date(unix);
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (month, rest) = printed.split_once(' ').unwrap();
    let (day, year) = rest.split_once(", ").unwrap();
    let m = MONTHS.iter().position(|x| *x == month).unwrap() + 1;
    format!("{m:02}/{:02}/{year}", day.parse::<u32>().unwrap())
}
