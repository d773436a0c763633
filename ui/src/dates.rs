//! The API's times are Unix seconds; people read calendar dates.

/// `1646818364` → `"2022-03-09"` (UTC). ISO order so nobody has to guess day from month.
pub fn iso_date(unix_seconds: i64) -> String {
    let (year, month, day) = civil_from_days(unix_seconds.div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

/// How long ago `then` was, as `now` sees it (both Unix seconds): "just now",
/// "12 minutes ago", "3 hours ago", "2 days ago".
pub fn age_text(now: i64, then: i64) -> String {
    let seconds = (now - then).max(0);
    let (count, unit) = match seconds {
        0..=59 => return "just now".to_owned(),
        60..=3_599 => (seconds / 60, "minute"),
        3_600..=86_399 => (seconds / 3_600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {unit}{plural} ago")
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(1_646_818_364), "2022-03-09");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(1_701_561_600), "2023-12-03");
        assert_eq!(iso_date(-1), "1969-12-31");
    }

    #[test]
    fn ages_read_in_the_largest_whole_unit() {
        assert_eq!(age_text(1_000, 990), "just now");
        assert_eq!(age_text(1_000, 2_000), "just now");
        assert_eq!(age_text(10_000, 10_000 - 12 * 60 - 5), "12 minutes ago");
        assert_eq!(age_text(10_000, 10_000 - 60), "1 minute ago");
        assert_eq!(age_text(100_000, 100_000 - 3 * 3_600), "3 hours ago");
        assert_eq!(age_text(1_000_000, 1_000_000 - 2 * 86_400), "2 days ago");
    }
}
